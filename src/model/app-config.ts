/** The app's configuration: the sources to prepare, each becoming its own stack. */
import { BackendSpec } from "./backend";
import { AuroraSourceSpec, AwsEngine, RdsSourceSpec } from "./aws-types";
import { HostProfileSpec } from "./host-profiles";
import { CLICKPIPES_IAM_ROLE_PREFIX, dbIdentifier, defaultIamRoleName, IAM_ROLE_ARN, IAM_ROLE_NAME, IAM_ROLE_NAME_MAX } from "./iam-auth";
import { ClickPipeSpec } from "./clickpipe";
import { PostgresSourceSpec } from "./types";
import { Rule, RuleFinding } from "./validation";

/** The kinds of source the app builds stacks for. */
export enum SourceKind {
  GENERIC = "generic",
  /** Amazon Aurora PostgreSQL: two stacks, `<name>-aws` and `<name>-db`. */
  AURORA = "aurora",
  /** Amazon RDS for PostgreSQL: two stacks, `<name>-aws` and `<name>-db`. */
  RDS = "rds",
}

/**
 * The ClickPipe of a source, declared in the stack that holds the source's database objects (so it
 * is created after the user, grants and publication). Its Postgres `type` follows the source kind.
 */
export interface SourceClickPipeConfig extends Omit<ClickPipeSpec, "type"> {
  /** ID of the ClickHouse Cloud service that runs the pipe. */
  readonly serviceId: string;
  /**
   * Aurora/RDS with `iamAuth`: the ClickHouse service's IAM role ARN ("Service role ID (IAM)" under
   * the service's Settings, Network security information). The `<name>-aws` stack declares a role
   * this ARN may assume, allowed `rds-db:connect` as the ClickPipes user, and the pipe connects
   * with `authentication = IAM_ROLE`. Required with `iamAuth`; refused for generic sources.
   * @default - none (password authentication)
   */
  readonly clickhouseServiceRoleArn?: string;
  /**
   * Name of the IAM role ClickPipes assumes (with `clickhouseServiceRoleArn`).
   * @default - "ClickHouseAccessRole-<source name>"
   */
  readonly iamRoleName?: string;
}

/** A self-managed PostgreSQL source: one stack, `<name>`. */
export interface GenericSourceConfig extends PostgresSourceSpec, HostProfileSpec {
  readonly kind: SourceKind.GENERIC | "generic";
  /**
   * State backend of this source's stack.
   * @default - the app's `backend`
   */
  readonly backend?: BackendSpec;
  /**
   * Also create the Postgres CDC ClickPipe in ClickHouse Cloud.
   * @default - no pipe (create it in the ClickHouse Cloud console with the stack's outputs)
   */
  readonly clickpipe?: SourceClickPipeConfig;
}

/**
 * An Amazon Aurora PostgreSQL source: two stacks, `<name>-aws` (parameter group, network) and
 * `<name>-db` (user, grants, publication; the postgresql provider needs values known at plan time).
 */
export interface AuroraSourceConfig extends AuroraSourceSpec {
  readonly kind: SourceKind.AURORA | "aurora";
  /**
   * State backend of this source's two stacks (`{stack}` expands to `<name>-aws` / `<name>-db`).
   * @default - the app's `backend`
   */
  readonly backend?: BackendSpec;
  /**
   * Also create the Postgres CDC ClickPipe in ClickHouse Cloud.
   * @default - no pipe (create it in the ClickHouse Cloud console with the stack's outputs)
   */
  readonly clickpipe?: SourceClickPipeConfig;
}

/** An Amazon RDS for PostgreSQL source: two stacks, `<name>-aws` and `<name>-db`. */
export interface RdsSourceConfig extends RdsSourceSpec {
  readonly kind: SourceKind.RDS | "rds";
  /**
   * State backend of this source's two stacks.
   * @default - the app's `backend`
   */
  readonly backend?: BackendSpec;
  /**
   * Also create the Postgres CDC ClickPipe in ClickHouse Cloud.
   * @default - no pipe (create it in the ClickHouse Cloud console with the stack's outputs)
   */
  readonly clickpipe?: SourceClickPipeConfig;
}

export type SourceConfig = GenericSourceConfig | AuroraSourceConfig | RdsSourceConfig;

/** Suffix of the AWS-side stack of an Aurora/RDS source. */
export const AWS_STACK_SUFFIX = "-aws";
/** Suffix of the database-objects stack of an Aurora/RDS source. */
export const DB_STACK_SUFFIX = "-db";

/** The stacks a source becomes, by name. */
export function stackNames(source: { readonly kind: string; readonly name: string }): string[] {
  return source.kind === SourceKind.GENERIC ? [source.name] : [`${source.name}${AWS_STACK_SUFFIX}`, `${source.name}${DB_STACK_SUFFIX}`];
}

export interface AppConfig {
  /**
   * Default state backend of every stack.
   * @default - local state in `state/<stack>.tfstate`
   */
  readonly backend?: BackendSpec;
  /** The sources. Their names are the stack names; order does not matter. */
  readonly sources: readonly SourceConfig[];
}

const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Backend fields are complete and local paths are relative. */
export const backendRule: Rule<{ readonly name?: unknown; readonly backend?: BackendSpec }> = {
  id: "backend",
  summary: "a backend is local (relative path), s3 (bucket, region) or cloud (organization, one of workspace name or tags)",
  check: (s) => {
    const b = s.backend;
    if (b === undefined) return [];
    const out: RuleFinding[] = [];
    const field = "backend";
    switch (b.type) {
      case "local":
        if (b.path !== undefined && (typeof b.path !== "string" || b.path === "" || b.path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(b.path))) {
          out.push({ field: `${field}.path`, value: b.path, allowed: "a relative path (absolute paths make the JSON differ between machines)" });
        }
        break;
      case "s3":
        if (typeof b.bucket !== "string" || !S3_BUCKET.test(b.bucket)) out.push({ field: `${field}.bucket`, value: b.bucket, allowed: "an S3 bucket name (3-63 lower-case letters, digits, '.' or '-')" });
        if (typeof b.region !== "string" || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(b.region)) out.push({ field: `${field}.region`, value: b.region, allowed: "an AWS region such as eu-central-1" });
        if (b.key !== undefined && (typeof b.key !== "string" || b.key === "")) out.push({ field: `${field}.key`, value: b.key, allowed: "a non-empty key template such as clickpipes/{stack}.tfstate" });
        break;
      case "cloud":
        if (typeof b.organization !== "string" || b.organization === "") out.push({ field: `${field}.organization`, value: b.organization, allowed: "the HCP Terraform organization name" });
        if (b.workspaceName !== undefined && b.workspaceTags !== undefined) out.push({ field: `${field}.workspaceTags`, value: b.workspaceTags, allowed: "either workspaceName or workspaceTags, not both" });
        if (b.workspaceTags !== undefined && (!Array.isArray(b.workspaceTags) || b.workspaceTags.length === 0)) out.push({ field: `${field}.workspaceTags`, value: b.workspaceTags, allowed: "a non-empty list of tags" });
        break;
      default:
        out.push({ field: `${field}.type`, value: (b as { type?: unknown }).type, allowed: "one of local, s3, cloud" });
    }
    return out;
  },
};

/**
 * IAM authentication of the pipe (Aurora/RDS with `iamAuth`): the ClickHouse service's role ARN is
 * given, the role name is valid, and the cluster / instance identifier can be read from
 * `resourceArn` or the endpoint host.
 */
export const clickpipeIamRoleRule: Rule<SourceConfig> = {
  id: "clickpipe-iam-role",
  summary: "with iamAuth, clickpipe.clickhouseServiceRoleArn is an IAM role ARN and the cluster/instance identifier is known",
  check: (s) => {
    const out: RuleFinding[] = [];
    const p = s.clickpipe;
    if (p === undefined) return out;
    const aws = s.kind === SourceKind.AURORA || s.kind === SourceKind.RDS;
    const iam = aws && (s as AuroraSourceConfig | RdsSourceConfig).iamAuth === true;
    if (!iam) {
      if (p.clickhouseServiceRoleArn !== undefined) {
        out.push({
          field: "clickpipe.clickhouseServiceRoleArn",
          value: p.clickhouseServiceRoleArn,
          allowed: aws ? "unset unless iamAuth is true (the pipe uses password authentication)" : "unset for a generic source (IAM database authentication is for Aurora/RDS)",
        });
      }
      return out;
    }
    const arn = p.clickhouseServiceRoleArn;
    if (typeof arn !== "string" || !IAM_ROLE_ARN.test(arn)) {
      out.push({
        field: "clickpipe.clickhouseServiceRoleArn",
        value: arn,
        allowed: "the ClickHouse service's IAM role ARN (service Settings, Network security information, \"Service role ID (IAM)\"), e.g. arn:aws:iam::123456789012:role/CH-S3-...-Role (required with iamAuth)",
      });
    }
    const roleName = p.iamRoleName ?? defaultIamRoleName(String(s.name));
    if (!IAM_ROLE_NAME.test(roleName)) {
      out.push({
        field: "clickpipe.iamRoleName",
        value: roleName,
        allowed: `an IAM role name: at most ${IAM_ROLE_NAME_MAX} letters, digits or +=,.@_- (the default "${CLICKPIPES_IAM_ROLE_PREFIX}<source name>" is too long for this source; set iamRoleName)`,
      });
    }
    const a = s as AuroraSourceConfig | RdsSourceConfig;
    const engine = s.kind === SourceKind.AURORA ? AwsEngine.AURORA_POSTGRESQL : AwsEngine.RDS_POSTGRESQL;
    if (dbIdentifier(engine, a.host, a.resourceArn) === undefined) {
      out.push({
        field: a.resourceArn !== undefined ? "resourceArn" : "host",
        value: a.resourceArn ?? a.host,
        allowed:
          s.kind === SourceKind.AURORA
            ? "with iamAuth, the cluster's ARN (arn:aws:rds:<region>:<account>:cluster:<id>) or its writer endpoint <id>.cluster-<hash>.<region>.rds.amazonaws.com, so the role's rds-db:connect names this cluster"
            : "with iamAuth, the instance's ARN (arn:aws:rds:<region>:<account>:db:<id>) or its endpoint <id>.<hash>.<region>.rds.amazonaws.com, so the role's rds-db:connect names this instance",
      });
    }
    return out;
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The pipe's ClickHouse Cloud service is named by its ID (a UUID). */
export const clickpipeServiceIdRule: Rule<{ readonly name?: unknown; readonly clickpipe?: SourceClickPipeConfig }> = {
  id: "clickpipe-service-id",
  summary: "clickpipe.serviceId is the UUID of a ClickHouse Cloud service",
  check: (s) =>
    s.clickpipe === undefined || (typeof s.clickpipe.serviceId === "string" && UUID.test(s.clickpipe.serviceId))
      ? []
      : [{ field: "clickpipe.serviceId", value: s.clickpipe.serviceId, allowed: "the ClickHouse Cloud service ID, a UUID such as 3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d" }],
};
