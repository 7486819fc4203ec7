/**
 * The ClickPipe (ClickHouse Cloud Postgres CDC pipe) of a source, as pure data: spec types, defaults
 * and the table mappings derived from the source. Nothing here imports cdktf.
 */
import { formatTableRef, ResolvedSource, TableRef, parseTableRef } from "./defaults";
import { PostgresMajorVersion } from "./types";

/** `source.postgres.type` of the pipe: which flavour of Postgres ClickPipes connects to. */
export enum ClickPipePostgresType {
  /** Self-managed PostgreSQL (generic source). */
  POSTGRES = "postgres",
  /** Amazon Aurora PostgreSQL. */
  AURORA_POSTGRES = "aurorapostgres",
  /** Amazon RDS for PostgreSQL. */
  RDS_POSTGRES = "rdspostgres",
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
   * @default ClickPipePostgresType.POSTGRES
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
   * Sizing of the service's CDC infrastructure (`clickhouse_clickpipe_cdc_infrastructure`; one per
   * ClickHouse Cloud service, so set it on one pipe only).
   * @default - not managed (ClickHouse Cloud's default sizing)
   */
  readonly cdcInfrastructure?: CdcInfrastructureSizing;
}

/** What the ClickPipe rules check: the pipe spec with the resolved source it reads from. */
export interface ClickPipeRuleInput {
  /** Name of the source (printed in every finding). */
  readonly name: string;
  readonly source: ResolvedSource;
  readonly pipe: ClickPipeSpec;
}

/** One `table_mappings` entry. */
export interface TableMapping {
  readonly sourceSchema: string;
  readonly sourceTable: string;
  readonly targetTable: string;
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
  }));
}

/** Memory of a CDC infrastructure sizing, defaulted to 4 x cores. */
export function cdcMemoryGb(s: CdcInfrastructureSizing): number {
  return s.memoryGb ?? (s.cpuMillicores / 1000) * CDC_MEMORY_GB_PER_CORE;
}

/** PostgreSQL major from which failover slots exist. */
export const FAILOVER_SLOTS_MIN_POSTGRES = PostgresMajorVersion.V17;
