/**
 * Types of `cdktf-clickpipes verify`: a preflight check of a live PostgreSQL source, run as the
 * ClickPipes user. The report is public API; its JSON shape is `schemas/verify-report.schema.json`.
 */

import type { PipeExpectations } from "./pipe";
// The connection types live with the connection code (src/pg); verify's API names them here too.
export { VerifyError } from "../pg/types";
export type { ConnectionOptions, VerifyTarget } from "../pg/types";
import type { ConnectionOptions, VerifyTarget } from "../pg/types";

/** Outcome of one check. */
export enum CheckStatus {
  /** The source meets the requirement. */
  PASS = "PASS",
  /** The pipe will run, but something will behave badly (lost values, disk growth, ...). */
  WARN = "WARN",
  /** The pipe will not start or will break. */
  FAIL = "FAIL",
  /** The check does not apply (PostgreSQL version, option not given). */
  SKIP = "SKIP",
}

/** Every check, in the order they run and print. */
export enum CheckId {
  SERVER_VERSION = "server_version",
  WAL_LEVEL = "wal_level",
  REPLICATION_RIGHT = "replication_right",
  REPLICATION_CONNECTION = "replication_connection",
  MAX_WAL_SENDERS = "max_wal_senders",
  MAX_REPLICATION_SLOTS = "max_replication_slots",
  MAX_SLOT_WAL_KEEP_SIZE = "max_slot_wal_keep_size",
  WAL_SENDER_TIMEOUT = "wal_sender_timeout",
  /** PostgreSQL 18+: idle_replication_slot_timeout is 0 (a paused pipe's slot is not invalidated). */
  IDLE_REPLICATION_SLOT_TIMEOUT = "idle_slot_timeout",
  STANDBY = "standby",
  USER = "user",
  TABLES = "tables",
  PUBLICATION = "publication",
  REPLICA_IDENTITY = "replica_identity",
  PARTITION_ROOT = "partition_root",
  TOAST_IDENTITY = "toast_identity",
  IDENTIFIER_DOTS = "identifier_dots",
  ROW_LEVEL_SECURITY = "row_level_security",
  /** With `--pipe` in cdc_only mode with a slot name: the slot exists. */
  REPLICATION_SLOT = "replication_slot",
  /** With `--pipe` and failover slots: PostgreSQL 17+ and synchronized_standby_slots. */
  FAILOVER_SLOTS = "failover_slots",
  /** With `--pipe`: excluded columns and sorting keys against the replica identity. */
  PIPE_COLUMNS = "pipe_columns",
  /** Generated columns (not replicated). */
  GENERATED_COLUMNS = "generated_columns",
  /** A generated column inside a primary key (breaks deduplication in ClickHouse). */
  GENERATED_PRIMARY_KEY = "generated_primary_key",
  /** TimescaleDB: the publication holds the whole `_timescaledb_internal` schema (chunk tables). */
  TIMESCALE_CHUNKS = "timescale_chunks",
  /** With `--admin`: the admin login Terraform uses owns every table of the FOR TABLE publication, or is superuser. */
  PUBLICATION_OWNER = "publication_owner",
  SLOT_TEST = "slot_test",
}

/** Result of one check. */
export interface CheckResult {
  /** Which check. */
  readonly id: CheckId;
  /** PASS, WARN, FAIL or SKIP. */
  readonly status: CheckStatus;
  /** One line: what was found (PeerDB's error text where it has one). */
  readonly reason: string;
  /** The SQL or setting that fixes it; set for WARN and FAIL, `null` for PASS and SKIP. */
  readonly fix: string | null;
}

/** A table as schema and name, exactly as stored in the catalog (no case folding). */
export interface TableName {
  readonly schema: string;
  readonly name: string;
}

export interface VerifyOptions {
  /** Where to connect. @default - the PG* environment variables, then the stack */
  readonly connection?: ConnectionOptions;
  /** Publication ClickPipes will read. @default - the stack's publication; without one the publication check is skipped */
  readonly publication?: string;
  /** Tables the pipe will replicate. @default - none listed */
  readonly tables?: readonly TableName[];
  /** Schemas whose every table the pipe will replicate. @default - none */
  readonly schemas?: readonly string[];
  /**
   * A synthesized stack (`cdk.tf.json`, its directory, or a `cdktf.out` with one stack): the
   * expected user, publication and tables, and database/host/port when not given otherwise.
   * @default - none
   */
  readonly stack?: string;
  /**
   * The pipe's settings: a synthesized stack holding one `clickhouse_clickpipe` (`cdk.tf.json`, its
   * directory, or a `cdktf.out` with one stack; read like `stack`), or the settings themselves.
   * Enables the replication_slot, failover_slots and pipe_columns checks and keeps excluded columns
   * out of the SELECT check.
   * @default - none (those checks SKIP)
   */
  readonly pipe?: string | PipeExpectations;
  /**
   * The admin login Terraform's postgresql provider uses (it creates the publication): enables the
   * publication_owner check, run on a second connection as this login. Fields left out come from the
   * ClickPipes connection (host, port, database, sslmode); the password from `url` or ~/.pgpass
   * (never `PGPASSWORD`, which is the ClickPipes user's).
   * @default - none (the publication_owner check SKIPs)
   */
  readonly admin?: ConnectionOptions;
  /** Create and drop a temporary pgoutput slot. @default false */
  readonly slotTest?: boolean;
  /** Seconds before a connection attempt or a query gives up. @default 10 */
  readonly timeoutSeconds?: number;
  /** Environment to read PG* variables from. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** What `verifySource` returns; `--json` prints it. Shape: `schemas/verify-report.schema.json`. */
export interface VerifyReport {
  /** Version of this shape. */
  readonly reportVersion: 1;
  readonly target: VerifyTarget;
  /** Whether the connection uses TLS (with sslmode prefer or allow, the transport that worked). */
  readonly tls: boolean;
  /** `server_version` of the source, e.g. "16.14". */
  readonly serverVersion: string;
  /** The publication checked, or null when none was given. */
  readonly publication: string | null;
  /** The tables checked, as `schema.table` (quoted where needed). */
  readonly tables: readonly string[];
  readonly checks: readonly CheckResult[];
  readonly summary: { readonly pass: number; readonly warn: number; readonly fail: number; readonly skip: number };
  /** True when no check FAILed. */
  readonly ok: boolean;
}
