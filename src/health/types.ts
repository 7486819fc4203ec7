/**
 * Types of `cdktf-clickpipes health`: replication slots and old transactions of a live source. The
 * report is public API; its JSON shape is `schemas/health-report.schema.json`.
 */
import type { ResolvedHealthThresholds } from "../model/health";
import type { VerifyTarget } from "../verify/types";

/** A verdict: nothing to do, look soon, act now. */
export enum HealthStatus {
  OK = "OK",
  WARN = "WARN",
  CRIT = "CRIT",
}

/** What a finding is about. */
export enum HealthFindingKind {
  /** A replication slot (or a `--slot` that does not exist). */
  SLOT = "slot",
  /** A session with an old transaction or idle in transaction. */
  SESSION = "session",
  /** A setting that bounds sessions (`idle_in_transaction_session_timeout`, `statement_timeout`) or, on PostgreSQL 18+, slots (`idle_replication_slot_timeout`). */
  SETTING = "setting",
  /** What the login can see (not `pg_monitor`: other users' sessions are hidden). */
  VISIBILITY = "visibility",
  /** The server as a whole (no logical slot, version). */
  SERVER = "server",
}

/** One line of the report. */
export interface HealthFinding {
  readonly status: HealthStatus;
  readonly kind: HealthFindingKind;
  /** Slot name, session pid, setting name, or `server`/`sessions`. */
  readonly subject: string;
  /** One line: what was found and, for WARN and CRIT, what to do. */
  readonly message: string;
}

/** One replication slot. Fields a server version lacks are `null`. */
export interface SlotHealth {
  readonly name: string;
  /** Output plugin (`pgoutput` for ClickPipes); `null` for a physical slot named with `--slot`. */
  readonly plugin: string | null;
  readonly slotType: string;
  readonly database: string | null;
  readonly active: boolean;
  readonly activePid: number | null;
  /** `reserved`, `extended`, `unreserved` or `lost` (PostgreSQL 13+). */
  readonly walStatus: string | null;
  /** Bytes of WAL that can still be written before the slot is invalidated (13+; `null` without a limit or when lost). */
  readonly safeWalSizeBytes: number | null;
  /** WAL the slot holds: bytes from its `restart_lsn` to the current (or, on a standby, last received) WAL position. */
  readonly retainedWalBytes: number | null;
  /** Bytes the consumer has not confirmed: from `confirmed_flush_lsn` to the current WAL position. */
  readonly confirmedFlushLagBytes: number | null;
  /** Since when the slot has had no consumer (17+), ISO 8601. */
  readonly inactiveSince: string | null;
  /** Seconds since `inactiveSince` (17+). */
  readonly inactiveSeconds: number | null;
  /** Why the slot was invalidated (17+: `wal_removed`, `rows_removed`, ...). */
  readonly invalidationReason: string | null;
  /** Whether the slot conflicts with recovery (16+). */
  readonly conflicting: boolean | null;
  /** Two-phase decoding (14+). */
  readonly twoPhase: boolean | null;
  /** Synchronized to standbys for failover (17+). */
  readonly failover: boolean | null;
  /** Counters of `pg_stat_replication_slots` (14+); `null` before. */
  readonly stats: SlotStats | null;
  readonly status: HealthStatus;
}

/** `pg_stat_replication_slots` counters (PostgreSQL 14+): decoding spilled to disk or streamed. */
export interface SlotStats {
  readonly spillTxns: number;
  readonly spillCount: number;
  readonly spillBytes: number;
  readonly streamTxns: number;
  readonly streamCount: number;
  readonly streamBytes: number;
  readonly totalTxns: number;
  readonly totalBytes: number;
}

/** A session with an old transaction or idle in transaction. */
export interface SessionHealth {
  readonly pid: number;
  readonly user: string | null;
  readonly application: string | null;
  /** `active`, `idle in transaction`, `idle in transaction (aborted)`, ... */
  readonly state: string | null;
  /** Seconds since its transaction started. */
  readonly transactionAgeSeconds: number | null;
  /** Seconds in its current state (for idle in transaction: how long it has been idle). */
  readonly stateAgeSeconds: number | null;
  /** Whether it holds back the xmin horizon (`backend_xmin` set): vacuum and the catalog horizon of logical decoding wait for it. */
  readonly holdsXmin: boolean;
  readonly status: HealthStatus;
}

/** A setting that bounds sessions, as this login's sessions get it. */
export interface SettingHealth {
  readonly name: string;
  /** The value with its unit (`0`, `10min`). */
  readonly value: string;
  /** Milliseconds (0 = no limit). */
  readonly milliseconds: number;
  /** What to do about it, or `null`. */
  readonly advice: string | null;
}

/** The thresholds the run used. */
export interface HealthReportThresholds {
  readonly retainedWalWarnBytes: number;
  readonly retainedWalCritBytes: number;
  /** Whether the byte thresholds are fractions of max_slot_wal_keep_size or the absolute sizes. */
  readonly retainedWalFrom: "max_slot_wal_keep_size" | "absolute";
  readonly inactiveSlotWarnSeconds: number;
  readonly inactiveSlotCritSeconds: number;
  readonly maxTransactionAgeSeconds: number;
  readonly idleInTransactionAgeSeconds: number;
}

/** The report of one run (`--json`). */
export interface HealthReport {
  readonly reportVersion: 1;
  readonly target: VerifyTarget;
  /** `--source`: the source's name in the config, or `null`. */
  readonly source: string | null;
  /** `server_version`, e.g. `16.4`. */
  readonly serverVersion: string;
  readonly serverVersionNum: number;
  /** The server is a standby (in recovery): positions are measured against the last received WAL. */
  readonly inRecovery: boolean;
  /** `max_slot_wal_keep_size` in bytes; -1 for no limit; `null` on PostgreSQL 12. */
  readonly maxSlotWalKeepSizeBytes: number | null;
  readonly thresholds: HealthReportThresholds;
  /** Whether the login sees every session (superuser or member of pg_read_all_stats, e.g. via pg_monitor). */
  readonly seesAllSessions: boolean;
  /** Other users' sessions whose details were hidden from this login. */
  readonly hiddenSessions: number;
  /** Seconds of the oldest open transaction of a visible client session (0 when none). */
  readonly oldestTransactionAgeSeconds: number;
  /** Seconds the longest idle-in-transaction visible session has been idle (0 when none). */
  readonly oldestIdleInTransactionSeconds: number;
  readonly slots: SlotHealth[];
  readonly sessions: SessionHealth[];
  readonly settings: SettingHealth[];
  /** One entry per line of the text output, worst first. */
  readonly findings: HealthFinding[];
  readonly summary: { readonly ok: number; readonly warn: number; readonly crit: number };
  /** The worst status of any finding. */
  readonly verdict: HealthStatus;
}

/** What to check and against what. */
export interface HealthOptions {
  readonly connection?: { readonly url?: string };
  /** Slots to check (exact names); default: every logical slot of the database. */
  readonly slots?: readonly string[];
  /** The source's name in the config: the `source` label of every Prometheus metric (what the rendered alert rules select). */
  readonly source?: string;
  /** @default - the defaults of `HealthThresholdsSpec` */
  readonly thresholds?: ResolvedHealthThresholds;
  /** Seconds before a connection or query gives up. @default 10 */
  readonly timeoutSeconds?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
}
