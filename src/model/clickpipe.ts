/**
 * The ClickPipe (ClickHouse Cloud Postgres CDC pipe) of a source, as pure data: spec types, defaults
 * and the table mappings derived from the source. Nothing here imports cdktf.
 */
import { formatTableRef, ResolvedSource, TableRef, parseTableRef } from "./defaults";
import { PostgresMajorVersion } from "./types";

/**
 * `source.postgres.type` of the pipe: which flavour of Postgres ClickPipes connects to (every value
 * the provider v3.25.3 accepts).
 */
export enum ClickPipePostgresType {
  /** Self-managed PostgreSQL (generic source). */
  POSTGRES = "postgres",
  /** Supabase. */
  SUPABASE = "supabase",
  /** Neon. */
  NEON = "neon",
  /** Google AlloyDB for PostgreSQL. */
  ALLOYDB = "alloydb",
  /** PlanetScale for Postgres. */
  PLANETSCALE = "planetscale",
  /** Amazon RDS for PostgreSQL. */
  RDS_POSTGRES = "rdspostgres",
  /** Amazon Aurora PostgreSQL. */
  AURORA_POSTGRES = "aurorapostgres",
  /** Google Cloud SQL for PostgreSQL. */
  CLOUDSQL_POSTGRES = "cloudsqlpostgres",
  /** Azure Database for PostgreSQL (Flexible Server). */
  AZURE_POSTGRES = "azurepostgres",
  /** Crunchy Bridge. */
  CRUNCHY_BRIDGE = "crunchybridge",
  /** Tiger Data (Timescale). */
  TIGERDATA = "tigerdata",
}

/** `table_mappings[].table_engine`: the engine of the ClickHouse table ClickPipes creates. */
export enum ClickPipeTableEngine {
  MERGE_TREE = "MergeTree",
  /** ClickPipes' default for Postgres CDC: updates and deletes collapse on merge. */
  REPLACING_MERGE_TREE = "ReplacingMergeTree",
  /** Keep no rows (for materialized views reading the stream). */
  NULL = "Null",
}

/** `source.postgres.authentication`. */
export enum ClickPipeAuthentication {
  /** User name and password. */
  BASIC = "basic",
  /** An AWS IAM role ClickPipes assumes (Aurora / RDS with IAM database authentication). */
  IAM_ROLE = "IAM_ROLE",
}

/** Service defaults of the pipe settings (ClickPipes docs: "Controlling the syncing of a Postgres ClickPipe", parallel snapshot). */
export const CLICKPIPE_SERVICE_DEFAULTS = {
  syncIntervalSeconds: 60,
  pullBatchSize: 100_000,
  initialLoadParallelism: 4,
  snapshotNumRowsPerPartition: 100_000,
  snapshotNumberOfParallelTables: 1,
} as const;
/** The sync interval the ClickPipes docs recommend staying above (seconds). */
export const CLICKPIPE_MIN_RECOMMENDED_SYNC_INTERVAL_SECONDS = 10;
/** The pull batch size the ClickPipes docs call a safe maximum (rows). */
export const CLICKPIPE_MAX_SAFE_PULL_BATCH_SIZE = 10_000_000;

/** Per-table settings of a mapping (`table_mappings[]`). The provider refuses to change them on an existing mapping. */
export interface ClickPipeTableOptions {
  /**
   * Columns not replicated (`excluded_columns`). Not a column of the primary key / replica identity
   * nor of `sortingKeys`.
   * @default - every column is replicated
   */
  readonly excludedColumns?: string[];
  /**
   * Ordered sorting key of the ClickHouse table (`sorting_keys`, with `use_custom_sorting_key = true`).
   * Its columns must be covered by the table's replica identity (checked by `verify`).
   * @default - the table's primary key (`use_custom_sorting_key = false`)
   */
  readonly sortingKeys?: string[];
  /**
   * Engine of the ClickHouse table.
   * @default ClickPipeTableEngine.REPLACING_MERGE_TREE (the service's default)
   */
  readonly tableEngine?: ClickPipeTableEngine;
  /**
   * Indexed column (smallint, integer, bigint or timestamp) used to split the initial snapshot into
   * partitions; only helps on PostgreSQL 13 (14+ scans ctid ranges). Unrelated to ClickHouse partitioning.
   * @default - ClickPipes splits by ctid
   */
  readonly partitionKey?: string;
  /**
   * ClickHouse `PARTITION BY` expression of the table ClickPipes creates.
   * @default - no PARTITION BY
   */
  readonly partitionByExpr?: string;
}

/** `settings.replication_mode` of a Postgres pipe. */
export enum ClickPipeReplicationMode {
  /** Initial snapshot, then continuous change data capture. */
  CDC = "cdc",
  /** One-off snapshot, no CDC. */
  SNAPSHOT = "snapshot",
  /** CDC only, no initial snapshot (may reuse an existing replication slot). */
  CDC_ONLY = "cdc_only",
}

/** CPU sizes (millicores) `clickhouse_clickpipe_cdc_infrastructure` accepts: 1000, 2000, ... 24000. */
export const CDC_CPU_MILLICORES_MIN = 1000;
export const CDC_CPU_MILLICORES_MAX = 24000;
export const CDC_CPU_MILLICORES_STEP = 1000;
/** GiB of memory per CPU core the provider requires (memory = 4 x cores). */
export const CDC_MEMORY_GB_PER_CORE = 4;

/** Scaling of the CDC infrastructure shared by all DB ClickPipes of a ClickHouse Cloud service. */
export interface CdcInfrastructureSizing {
  /** CPU in millicores: a multiple of 1000 from 1000 to 24000. */
  readonly cpuMillicores: number;
  /**
   * Memory in GiB; must be 4 x the CPU cores.
   * @default - 4 x cpuMillicores / 1000
   */
  readonly memoryGb?: number;
}

/** What a pipe adds to its source: pure data, validated by the ClickPipe rule table. */
export interface ClickPipeSpec {
  /**
   * Name of the ClickPipe in ClickHouse Cloud.
   * @default - the source name
   */
  readonly name?: string;
  /**
   * Postgres flavour of the source.
   * @default - the type of the source's host profile (`ClickPipePostgresType.POSTGRES` for a self-managed server)
   */
  readonly type?: ClickPipePostgresType;
  /**
   * Replication mode.
   * @default ClickPipeReplicationMode.CDC
   */
  readonly replicationMode?: ClickPipeReplicationMode;
  /**
   * Existing replication slot to use. Only with `replicationMode` CDC_ONLY; ClickPipes otherwise
   * creates and manages its own slot.
   * @default - ClickPipes creates the slot
   */
  readonly replicationSlotName?: string;
  /**
   * Create the replication slot with failover enabled (PostgreSQL 17+; not with `replicationSlotName`).
   * @default false
   */
  readonly enableFailoverSlots?: boolean;
  /**
   * Tables to replicate, as `schema.table`. Each must be in the source's publication.
   * Required when the publication is schema-wide or FOR ALL TABLES (its tables are unknown at synth).
   * @default - every table listed in the source (`tables`)
   */
  readonly tables?: string[];
  /**
   * Target ClickHouse table names, keyed by `schema.table`.
   * @default - `<schema>_<table>` for each table
   */
  readonly targetTables?: Record<string, string>;
  /**
   * ClickHouse database the tables are created in.
   * @default "default"
   */
  readonly destinationDatabase?: string;
  /**
   * Seconds ClickPipes pulls changes before it pushes a batch (`sync_interval_seconds`; updated in place).
   * At least 1; below 10 is a warning (the docs advise staying above 10 s).
   * @default 60 (the service's default)
   */
  readonly syncIntervalSeconds?: number;
  /**
   * Rows pulled per batch (`pull_batch_size`; updated in place). At least 1; above 10,000,000 is a warning.
   * @default 100000 (the service's default)
   */
  readonly pullBatchSize?: number;
  /**
   * Parallel snapshot workers per table during the initial load (`initial_load_parallelism`).
   * At least 1. Changing it creates a new pipe.
   * @default 4 (the service's default)
   */
  readonly initialLoadParallelism?: number;
  /**
   * Rows per snapshot partition during the initial load (`snapshot_num_rows_per_partition`).
   * At least 1. Changing it creates a new pipe.
   * @default 100000 (the service's default)
   */
  readonly snapshotNumRowsPerPartition?: number;
  /**
   * Tables snapshotted in parallel during the initial load (`snapshot_number_of_parallel_tables`).
   * At least 1. Changing it creates a new pipe.
   * @default 1 (the service's default)
   */
  readonly snapshotNumberOfParallelTables?: number;
  /**
   * Create Nullable ClickHouse columns for nullable Postgres columns (`allow_nullable_columns`).
   * Changing it creates a new pipe.
   * @default false (the service's default: NULL becomes the type's default value)
   */
  readonly allowNullableColumns?: boolean;
  /**
   * Hard deletes: a Postgres DELETE removes the row on merge of the ReplacingMergeTree table
   * (`delete_on_merge`) instead of leaving it marked `_peerdb_is_deleted`. Changing it creates a new pipe.
   * @default false (the service's default: soft deletes)
   */
  readonly deleteOnMerge?: boolean;
  /**
   * ClickHouse roles granted to the user ClickPipes creates to write the tables (`destination.roles`).
   * Changing them creates a new pipe.
   * @default - the service's default roles
   */
  readonly destinationRoles?: string[];
  /**
   * Pause (`true`) or resume the pipe (`stopped`). The provider refuses `true` when it creates the
   * pipe: create it running, then set `stopped: true` in a later deploy.
   * @default false (the service's default: running)
   */
  readonly stopped?: boolean;
  /**
   * Re-snapshot every table once (`trigger_resync`). The provider resets it to false after the
   * resync, so while it is true every plan shows a change: set it for one deploy, then remove it.
   * @default false
   */
  readonly triggerResync?: boolean;
  /**
   * Per-table options (excluded columns, sorting key, engine, partitioning), keyed by `schema.table`
   * of a replicated table. The provider refuses to change them on an existing mapping (remove the
   * table from the pipe in one deploy and add it back in the next: it is snapshotted again).
   * @default - no per-table options
   */
  readonly tableOptions?: Record<string, ClickPipeTableOptions>;
  /**
   * Host name to verify the server certificate against (`tls_host`), e.g. when connecting through
   * PrivateLink to a name the certificate does not carry.
   * @default - the host connected to
   */
  readonly tlsHost?: string;
  /**
   * PEM CA certificate(s) to verify the server certificate with (`ca_certificate`).
   * @default - the service's trust store (public CAs; the AWS RDS CA bundle)
   */
  readonly caCertificate?: string;
  /**
   * Sizing of the service's CDC infrastructure (`clickhouse_clickpipe_cdc_infrastructure`; one per
   * ClickHouse Cloud service, so set it on one pipe only).
   * @default - not managed (ClickHouse Cloud's default sizing)
   */
  readonly cdcInfrastructure?: CdcInfrastructureSizing;
  /**
   * Reach the database over GCP Private Service Connect (`networking/gcp-psc.mdx` @0d5a8e3c): a
   * `clickhouse_clickpipes_reverse_private_endpoint` of type GCP_PSC_SERVICE_ATTACHMENT and its
   * `clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns` (PSC carries no DNS), and the
   * pipe connects to `privateDnsName`. The ClickHouse service runs on GCP in the attachment's region.
   * @default - connect to the host directly (allow the ClickPipes static IPs)
   */
  readonly privateServiceConnect?: ClickPipePrivateServiceConnect;
}

/**
 * The service attachment published in front of the database (native PSC: AlloyDB and Cloud SQL
 * publish it; producer-owned: one you create). Put the ClickPipes consumer project
 * (`CLICKPIPES_GCP_CONSUMER_PROJECT`, `clickpipes-production`) on its accept list.
 */
export interface ClickPipePrivateServiceConnect {
  /** `projects/<project>/regions/<region>/serviceAttachments/<name>`, in the ClickHouse service's region; one ClickHouse service per attachment. */
  readonly serviceAttachment: string;
  /** The host name the pipe connects to; ClickPipes resolves it to the PSC endpoint's IP (a leading `*.` wildcard is allowed). */
  readonly privateDnsName: string;
  /**
   * Description of the reverse private endpoint (changing it replaces the endpoint).
   * @default - "ClickPipes PSC to <source name>"
   */
  readonly description?: string;
}

/** The GCP project ClickPipes connects from: allow it on the service attachment (gcp-psc.mdx @0d5a8e3c, "Prerequisites"). */
export const CLICKPIPES_GCP_CONSUMER_PROJECT = "clickpipes-production";

/** What the ClickPipe rules check: the pipe spec with the resolved source it reads from. */
export interface ClickPipeRuleInput {
  /** Name of the source (printed in every finding). */
  readonly name: string;
  readonly source: ResolvedSource;
  readonly pipe: ClickPipeSpec;
  /**
   * How the pipe authenticates.
   * @default ClickPipeAuthentication.BASIC
   */
  readonly authentication?: ClickPipeAuthentication;
}

/** One `table_mappings` entry. */
export interface TableMapping {
  readonly sourceSchema: string;
  readonly sourceTable: string;
  readonly targetTable: string;
  /** Per-table options from `tableOptions`, when given. */
  readonly options?: ClickPipeTableOptions;
}

export const DEFAULT_DESTINATION_DATABASE = "default";

/** The default ClickHouse table name of a source table (as the provider's examples name them). */
export function defaultTargetTable(t: TableRef): string {
  return `${t.schema}_${t.table}`;
}

/** Whether a table is in the source's publication (as `ClickPipesPublication` declares it). */
export function tableInPublication(source: ResolvedSource, t: TableRef): boolean {
  if (source.allTables) return true;
  if (source.tables.length > 0) return source.tables.some((x) => x.schema === t.schema && x.table === t.table);
  return source.schemas.some((s) => s.name === t.schema);
}

/** The tables the pipe replicates, sorted: `pipe.tables` or every table the source lists. */
export function pipeTables(source: ResolvedSource, pipe: ClickPipeSpec): TableRef[] {
  const refs = pipe.tables ? [...new Set(pipe.tables)].sort().map(parseTableRef) : [...source.tables];
  return refs.sort((a, b) => (formatTableRef(a) < formatTableRef(b) ? -1 : formatTableRef(a) > formatTableRef(b) ? 1 : 0));
}

/** Table mappings of the pipe in a stable order (sorted by `schema.table`). Call after validation. */
export function tableMappings(source: ResolvedSource, pipe: ClickPipeSpec): TableMapping[] {
  return pipeTables(source, pipe).map((t) => ({
    sourceSchema: t.schema,
    sourceTable: t.table,
    targetTable: pipe.targetTables?.[formatTableRef(t)] ?? defaultTargetTable(t),
    ...(pipe.tableOptions?.[formatTableRef(t)] !== undefined ? { options: pipe.tableOptions[formatTableRef(t)] } : {}),
  }));
}

/** Memory of a CDC infrastructure sizing, defaulted to 4 x cores. */
export function cdcMemoryGb(s: CdcInfrastructureSizing): number {
  return s.memoryGb ?? (s.cpuMillicores / 1000) * CDC_MEMORY_GB_PER_CORE;
}

/** PostgreSQL major from which failover slots exist. */
export const FAILOVER_SLOTS_MIN_POSTGRES = PostgresMajorVersion.V17;
