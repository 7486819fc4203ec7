/** The app's configuration: the sources to prepare, each becoming its own stack. */
import { BackendSpec } from "./backend";
import { AuroraSourceSpec, RdsSourceSpec } from "./aws-types";
import { HostProfileSpec } from "./host-profiles";
import { ClickPipeSpec } from "./clickpipe";
import { PostgresSourceSpec } from "./types";

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
  /**
   * A downloaded copy of ClickHouse Cloud's endpoints API document
   * (`https://api.clickhouse.cloud/static-ips.json`): its `clickpipes_egress_ips` replace the
   * embedded ClickPipes IP table for every source without `network.allowedCidrs` (security group
   * rules and pg_hba lines). Regions, default regions and service dates work as with the embedded
   * table; a region the document does not list is refused, as are a region without addresses, a
   * malformed address and a /0 (unless `network.allowAnyAddress`). A relative path is resolved
   * against the folder of the fleet file that sets it, or, in the typed config, against the app's
   * folder (`buildApp`'s `baseDir`: the working directory, where cdktf.json is). Synth output names
   * the document by its SHA-256 digest, never by path. Compare it with the embedded table with
   * `cdktf-clickpipes ips --check <file>`.
   * @default - the table embedded in this version (`cdktf-clickpipes ips`)
   */
  readonly clickPipesIpsFile?: string;
  /** The sources. Their names are the stack names; order does not matter. */
  readonly sources: readonly SourceConfig[];
}

/** What the app rules (`rules/app/`) check: the whole config, once, before any construct exists. */
export interface AppRuleInput extends AppConfig {
  /** Printed as the source of app-wide findings: `"(app)"`. */
  readonly name: string;
}

/** The source kinds, as written in a config. */
export const SOURCE_KINDS: readonly string[] = Object.values(SourceKind);

/** Whether a config entry names a known kind (the other app rules and the source rules skip the rest). */
export function hasKnownKind(s: unknown): s is SourceConfig {
  return typeof s === "object" && s !== null && SOURCE_KINDS.includes((s as { kind?: unknown }).kind as string);
}
