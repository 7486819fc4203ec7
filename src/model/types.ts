/**
 * Source specification types. Pure TypeScript: nothing here imports cdktf, so the model can be
 * validated, rendered and tested without building a construct tree.
 */
import type { HealthThresholdsSpec } from "./health";
import type { ClickPipesIpTable } from "./clickpipes-ips";

/** PostgreSQL major versions ClickPipes Postgres CDC supports (12 and later). */
export enum PostgresMajorVersion {
  V12 = 12,
  V13 = 13,
  V14 = 14,
  V15 = 15,
  V16 = 16,
  V17 = 17,
  V18 = 18,
}

/** Every supported major, ascending. */
export const SUPPORTED_POSTGRES_MAJORS: readonly PostgresMajorVersion[] = [12, 13, 14, 15, 16, 17, 18];

/** The cloud a ClickHouse Cloud service runs in. */
export enum CloudProvider {
  AWS = "aws",
  GCP = "gcp",
  AZURE = "azure",
}

/** Row operations a publication publishes (`WITH (publish = '...')`). */
export enum PublishOperation {
  INSERT = "insert",
  UPDATE = "update",
  DELETE = "delete",
  TRUNCATE = "truncate",
}

/** libpq `sslmode` values accepted by the postgresql provider. */
export enum SslMode {
  DISABLE = "disable",
  REQUIRE = "require",
  VERIFY_CA = "verify-ca",
  VERIFY_FULL = "verify-full",
}

/** Where the ClickHouse Cloud service that will run the ClickPipe lives. */
export interface ClickHouseServiceLocation {
  /** Cloud of the ClickHouse Cloud service. */
  readonly cloud: CloudProvider;
  /** Region of the ClickHouse Cloud service, e.g. `us-east-1` (AWS) or `europe-west4` (GCP). */
  readonly region: string;
  /**
   * Day the service got ClickPipes (`YYYY-MM-DD`). Regions whose static IPs apply only to services
   * created on or after a date fall back to the default region for older services.
   * @default - the service is treated as new (the region's own IPs apply)
   */
  readonly serviceCreatedOn?: string;
  /**
   * The ClickPipes IP table to take the service's addresses from instead of the embedded one: the
   * app sets it from `clickPipesIpsFile` (a downloaded Cloud endpoints API document); in code, give
   * the result of `loadIpTableFile`. Its regions, addresses and default regions are checked like the
   * embedded table's (rules `region` and `clickpipes-ips`).
   * @default - the table embedded in this version (`cdktf-clickpipes ips`)
   * @hidden
   */
  readonly ipTable?: ClickPipesIpTable;
}

/** A schema whose tables ClickPipes reads. */
export interface SchemaSpec {
  /** Schema name. */
  readonly name: string;
  /**
   * Roles that create tables in this schema. For each, default privileges grant SELECT on the
   * tables it creates later.
   * @default - the provider's login user (`adminUser`)
   */
  readonly owners?: string[];
}

/** The ClickPipes login role. */
export interface ClickPipesUserSpec {
  /**
   * Role name.
   * @default "clickpipes_user"
   */
  readonly name?: string;
  /**
   * Version of the write-only password. Bump it to rotate the password (Terraform writes
   * `password_wo` again only when this changes).
   * @default 1
   */
  readonly passwordVersion?: number;
  /**
   * Give the role BYPASSRLS so row-level security does not hide rows from ClickPipes.
   * @default false
   */
  readonly bypassRowLevelSecurity?: boolean;
}

/**
 * A login role for monitoring (`cdktf-clickpipes health`, a Prometheus exporter): member of
 * `pg_monitor` and nothing else, so slot and session checks need neither the ClickPipes user nor a
 * superuser. Its password is written like the ClickPipes user's: `password_wo` from a sensitive
 * variable (`monitoring_password` in the ready-made stacks), never in plan or state.
 */
export interface MonitoringRoleSpec {
  /**
   * Role name (any PostgreSQL identifier; not the ClickPipes user's nor the admin's name).
   * @default "clickpipes_monitor"
   */
  readonly name?: string;
  /**
   * Version of the write-only password. Bump it to rotate the password.
   * @default 1
   */
  readonly passwordVersion?: number;
  /**
   * Networks `health` or a Prometheus exporter connects from as this role (not the ClickPipes IPs):
   * the rendered `pg_hba.conf` gets one `host <database> <role> <network> scram-sha-256` line per
   * network, checked and quoted like the ClickPipes lines (valid CIDRs without host bits, each once,
   * never the whole internet). Only sources with a rendered `pg_hba.conf` use it (self-managed hosts).
   * @default - no line: the rendered `pg_hba.conf` has a commented line naming the role to fill in
   */
  readonly allowedCidrs?: string[];
}

/**
 * A read-only login role for `terraform plan` of pull requests: it can run every query the
 * postgresql provider (cyrilgdn 1.26.0) makes while refreshing the stack's resources, and change
 * nothing. It gets LOGIN and CONNECT on the source database only: no membership, no REPLICATION,
 * no table or schema privilege (the catalogs the provider reads are readable by every role). Plan
 * pull requests as this role; keep the admin credential for apply. Its password is written like the
 * ClickPipes user's: `password_wo` from a sensitive variable (`plan_role_password` in the
 * ready-made stacks), never in plan or state.
 */
export interface PlanRoleSpec {
  /**
   * Role name (any PostgreSQL identifier; not the ClickPipes user's, the monitoring role's nor the admin's name).
   * @default "clickpipes_plan"
   */
  readonly name?: string;
  /**
   * Version of the write-only password. Bump it to rotate the password.
   * @default 1
   */
  readonly passwordVersion?: number;
}

/** The publication ClickPipes reads. */
export interface PublicationSpec {
  /**
   * Publication name.
   * @default "clickpipes_publication"
   */
  readonly name?: string;
  /**
   * `FOR ALL TABLES`. Needs superuser on vanilla PostgreSQL and publishes every table of the
   * database; the ClickPipes docs advise against it. Conflicts with `tables`.
   * @default false
   */
  readonly allTables?: boolean;
  /**
   * `publish_via_partition_root`: changes of partitions are published as the root table.
   * PostgreSQL 13+ only.
   * @default - true on PostgreSQL 13+, unset on 12
   */
  readonly publishViaPartitionRoot?: boolean;
  /**
   * Operations to publish (`WITH (publish = ...)`). Drop `DELETE` to ignore deletes.
   * @default [INSERT, UPDATE, DELETE, TRUNCATE] (PostgreSQL's own default; ClickPipes ignores TRUNCATE)
   */
  readonly operations?: PublishOperation[];
}

/** Network access from ClickPipes to the database. */
export interface NetworkSpec {
  /**
   * CIDRs to allow instead of the ClickPipes static IPs of the service's region.
   * @default - the ClickPipes static NAT IPs of `clickhouse.region`, each as a `/32`
   */
  readonly allowedCidrs?: string[];
  /**
   * Allow `0.0.0.0/0` or `::/0` in `allowedCidrs`. Opens the database to the whole internet.
   * @default false
   */
  readonly allowAnyAddress?: boolean;
}

/** Server settings the source needs; rendered for the DBA, never applied by Terraform. */
export interface ServerSettingsSpec {
  /**
   * `max_slot_wal_keep_size` in MB (PostgreSQL 13+). Below 102400 (100 GB) synth prints a
   * warning; `-1` keeps WAL without limit.
   * @default 102400
   */
  readonly maxSlotWalKeepSizeMb?: number;
  /**
   * `max_wal_senders`; at least 10.
   * @default 10
   */
  readonly maxWalSenders?: number;
  /**
   * `max_replication_slots`; at least 10.
   * @default 10
   */
  readonly maxReplicationSlots?: number;
}

/** Everything that describes one PostgreSQL database prepared as a ClickPipes source. */
export interface PostgresSourceSpec {
  /**
   * Source name: names the stack and derives every logical ID. Letters, digits, `-` and `_`,
   * starting with a letter, at most 63 characters.
   */
  readonly name: string;
  /** Host address of the database (no port). */
  readonly host: string;
  /**
   * Port.
   * @default 5432
   */
  readonly port?: number;
  /** Database ClickPipes replicates from. */
  readonly database: string;
  /** Major version of the server. */
  readonly postgresVersion: PostgresMajorVersion;
  /**
   * Login user of the postgresql provider (creates the role, grants and publication).
   * @default "postgres"
   */
  readonly adminUser?: string;
  /**
   * Whether `adminUser` is a superuser (the provider reads `pg_shadow` only then).
   * @default true
   */
  readonly adminIsSuperuser?: boolean;
  /**
   * `sslmode` of the provider's connection.
   * @default SslMode.REQUIRE
   */
  readonly sslmode?: SslMode;
  /** The ClickPipes role. @default - `clickpipes_user`, password version 1 */
  readonly user?: ClickPipesUserSpec;
  /**
   * Schemas to grant whole: USAGE, SELECT on all tables, and default privileges for their owners.
   * When `tables` is empty, the publication holds every table of these schemas (read at plan time).
   * @default []
   */
  readonly schemas?: SchemaSpec[];
  /**
   * Tables to replicate, as `schema.table`. Tables outside `schemas` get table-scoped grants
   * (USAGE on their schema, SELECT on those tables only).
   * @default []
   */
  readonly tables?: string[];
  /** The publication. @default - `clickpipes_publication`, listed tables */
  readonly publication?: PublicationSpec;
  /**
   * A monitoring login role (`pg_monitor` only). Present: the stacks create it, with its own
   * sensitive password variable. It is not pipe-critical: `guard` and `diff` treat it as ordinary.
   * @default - no monitoring role
   */
  readonly monitoring?: MonitoringRoleSpec;
  /**
   * A read-only plan role (LOGIN and CONNECT only) for `terraform plan` of pull requests, so PR
   * plans never hold the admin password. Present: the stacks create it, with its own sensitive
   * password variable. Not pipe-critical: `guard` and `diff` treat it as ordinary.
   * @default - no plan role
   */
  readonly planRole?: PlanRoleSpec;
  /** Where the ClickHouse Cloud service runs: picks the ClickPipes static IPs. */
  readonly clickhouse: ClickHouseServiceLocation;
  /** Network allow list. @default - the ClickPipes IPs of the region */
  readonly network?: NetworkSpec;
  /** Server settings to render. @default - the values of the ClickHouse generic Postgres source guide */
  readonly serverSettings?: ServerSettingsSpec;
  /**
   * Thresholds of `cdktf-clickpipes health`, of the rendered Prometheus alert rules and of the AWS
   * stacks' alarms (retained WAL, inactive slots, old transactions).
   * @default - the defaults of `HealthThresholdsSpec` (WARN at 50 % and CRIT at 80 % of max_slot_wal_keep_size, ...)
   */
  readonly health?: HealthThresholdsSpec;
  /**
   * Set `lifecycle.prevent_destroy` on the role and the publication. Dropping either breaks the
   * pipe and forces a full resync of every table; turn this off only to retire the source.
   * @default true
   */
  readonly protectFromDestroy?: boolean;
}
