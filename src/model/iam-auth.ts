/**
 * IAM database authentication of a ClickPipe on Aurora / RDS, as pure data: the role ClickPipes
 * assumes, its trust and permission policies, and where the cluster / instance identifier comes
 * from. Sources (read 2026-12-03): `IAM_AUTH_SOURCES` below — the clickhouse-docs snippet
 * `_iam_authentication.md` @0ee64cd6 (trust policy with `sts:AssumeRole` AND `sts:TagSession`;
 * `rds-db:connect` on `arn:aws:rds-db:<region>:<account>:dbuser:<resource id>/<user>`), the RDS and
 * Aurora source guides (IAM works for CDC once `rds.iam_auth_for_replication = 1`, PostgreSQL 11+;
 * older versions only run Initial Load Only, and ClickPipes needs 12+ anyway) and AWS's pages
 * "Configuring IAM authentication for logical replication connections" (dynamic parameter, cluster
 * parameter group on Aurora, DB parameter group on RDS).
 *
 * Changed 2026-12-03: the trust policy allows `sts:TagSession` too (without it ClickPipes cannot
 * assume the role), and IAM no longer means Initial Load Only.
 */
import { AwsEngine } from "./aws-types";
import { clickPipesPage, FactSource, repoFile, webPage } from "./fact-source";

/** Where the IAM facts of this file come from. */
export const IAM_AUTH_SOURCES: readonly FactSource[] = [
  // Moved from ClickHouse/clickhouse-docs docs/_snippets/clickpipes/_iam_authentication.md @0ee64cd6 (same content).
  repoFile(
    "ClickPipes IAM authentication snippet (trust and permission policies)",
    "ClickHouse/ClickHouse",
    "docs/snippets/clickpipes/_iam_authentication.mdx",
    "0620ef9041601b040a358590936e87d8167122db",
    "2026-12-07",
  ),
  clickPipesPage("ClickPipes RDS Postgres source guide (IAM for replication, PostgreSQL 11+)", "postgres/source/rds.mdx", "4f39aaacdcca2fe1c89e876664898fc6c81474e4", "2026-12-03"),
  clickPipesPage("ClickPipes Aurora Postgres source guide (rds.iam_auth_for_replication = 1)", "postgres/source/aurora.mdx", "32d59a0e5eccd058a45e5e988693edfe07904707", "2026-12-03"),
  webPage(
    "AWS: Configuring IAM authentication for logical replication connections (Aurora)",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.Replication.Logical.IAM-auth.html",
    "2026-12-03",
  ),
  webPage(
    "AWS: Configuring IAM authentication for logical replication connections (RDS)",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.FeatureSupport.IAMLogicalReplication.html",
    "2026-12-03",
  ),
];

/** The actions the ClickHouse service role may perform on the role (the snippet's trust policy). */
export const CLICKPIPES_TRUST_ACTIONS: readonly string[] = ["sts:AssumeRole", "sts:TagSession"];

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

/** The trust policy: the ClickHouse service's IAM role may assume the role and tag the session. */
export function clickPipesTrustPolicy(clickhouseServiceRoleArn: string): object {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: clickhouseServiceRoleArn }, Action: [...CLICKPIPES_TRUST_ACTIONS] }],
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
