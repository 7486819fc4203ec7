/**
 * IAM database authentication of a ClickPipe on Aurora / RDS, as pure data: the role ClickPipes
 * assumes, its trust and permission policies, and where the cluster / instance identifier comes
 * from. ClickHouse docs: "AWS IAM DB authentication (RDS/Aurora)"
 * (https://clickhouse.com/docs/integrations/clickpipes/postgres/auth, now per source guide:
 * .../postgres/source/aurora#iam-authentication and .../postgres/source/rds#iam-authentication).
 */
import { AwsEngine } from "./aws-types";

/** Prefix of the role name (the ClickPipes role-based access guides ask for it). */
export const CLICKPIPES_IAM_ROLE_PREFIX = "ClickHouseAccessRole-";
/** IAM role names have at most 64 characters. */
export const IAM_ROLE_NAME_MAX = 64;
/** An IAM role ARN (the ClickHouse service's "Service role ID (IAM)"). */
export const IAM_ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
/** IAM role names: letters, digits and +=,.@_- */
export const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** The default name of the role ClickPipes assumes for a source. */
export function defaultIamRoleName(sourceName: string): string {
  return `${CLICKPIPES_IAM_ROLE_PREFIX}${sourceName}`;
}

/**
 * The DB cluster (Aurora) or DB instance (RDS) identifier: from `resourceArn`
 * (`arn:aws:rds:<region>:<account>:cluster:<id>` / `...:db:<id>`), else the first label of an
 * `*.rds.amazonaws.com` endpoint. Undefined when neither names it.
 */
export function dbIdentifier(engine: AwsEngine, host: string, resourceArn?: string): string | undefined {
  const kind = engine === AwsEngine.AURORA_POSTGRESQL ? "cluster" : "db";
  if (resourceArn !== undefined) {
    const m = new RegExp(`^arn:aws(?:-[a-z]+)*:rds:[a-z0-9-]+:\\d{12}:${kind}:([A-Za-z][A-Za-z0-9-]*)$`).exec(resourceArn);
    return m?.[1];
  }
  const m = /^([A-Za-z][A-Za-z0-9-]*)\.(cluster-)?[a-z0-9]+\.[a-z0-9-]+\.rds\.amazonaws\.com$/.exec(host);
  if (m === null) return undefined;
  if (engine === AwsEngine.AURORA_POSTGRESQL && m[2] !== "cluster-") return undefined;
  if (engine === AwsEngine.RDS_POSTGRESQL && m[2] !== undefined) return undefined;
  return m[1];
}

/** The trust policy: the ClickHouse service's IAM role may assume the role. */
export function clickPipesTrustPolicy(clickhouseServiceRoleArn: string): object {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: clickhouseServiceRoleArn }, Action: "sts:AssumeRole" }],
  };
}

/** `arn:<partition>:rds-db:<region>:<account>:dbuser:<resource id>/<user>`. */
export function rdsDbUserArn(p: { partition: string; region: string; account: string; resourceId: string; user: string }): string {
  return `arn:${p.partition}:rds-db:${p.region}:${p.account}:dbuser:${p.resourceId}/${p.user}`;
}

/** The permission policy: `rds-db:connect` as the ClickPipes user, on this cluster / instance only. */
export function clickPipesConnectPolicy(dbUserArn: string): object {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "rds-db:connect", Resource: dbUserArn }],
  };
}
