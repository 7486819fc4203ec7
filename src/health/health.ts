/**
 * `checkHealth`: what a DBA runs every minute once a pipe is live. Per logical slot: plugin, whether
 * a consumer is attached, `wal_status`/`safe_wal_size`, WAL retained and unconfirmed, how long it has
 * been inactive, spill/stream counters; sessions with an old transaction or idle in transaction; the
 * settings that bound them. Everything runs in one READ ONLY transaction with the statement timeout
 * of verify's connection: nothing is written, locked or created.
 *
 * Anchor: PeerDB's slot check (`getSlotInfo`, flow/connectors/postgres/client.go: wal_status,
 * safe_wal_size, active, lag, spill stats); this goes past it with verdicts, inactive_since (17+),
 * stream counters, two_phase/failover/conflicting, a standby's receive position, and sessions.
 */
import { formatSize } from "../model/size";
import type { Client } from "pg";
import { formatDuration, resolveHealthThresholds, retainedWalThresholds } from "../model/health";
import { quoteIdentIfNeeded, quoteLiteral } from "../model/quoting/sql";
import { connect, resolveConnection } from "../pg/connection";
import { VerifyError } from "../verify/types";
import { HealthFinding, HealthFindingKind, HealthOptions, HealthReport, HealthStatus, SessionHealth, SettingHealth, SlotHealth, SlotStats } from "./types";

/** A wrong call or an unreachable source (one line); `target` is set once the connection was resolved. */
export class HealthError extends VerifyError {
  constructor(
    message: string,
    readonly target?: HealthReport["target"],
  ) {
    super(message);
  }
}

/** Default seconds before a connection attempt or a query gives up (as verify). */
export const DEFAULT_HEALTH_TIMEOUT_SECONDS = 10;
/** At most this many sessions are listed (the count of the rest is said). */
export const MAX_LISTED_SESSIONS = 100;
/** `application_name` of health's connection (so it can be told apart in pg_stat_activity). */
export const HEALTH_APPLICATION_NAME = "cdktf-clickpipes-health";

const RANK: Record<HealthStatus, number> = { OK: 0, WARN: 1, CRIT: 2 };
const worst = (a: HealthStatus, b: HealthStatus) => (RANK[a] >= RANK[b] ? a : b);

/** Bytes as a 1024-based size with IEC units, so the base is never in doubt: `512 bytes`, `12 MiB`, `1.5 GiB`. */
export const formatBytes = formatSize;

/**
 * The slot query for a server version (`server_version_num`): columns a version lacks are NULL, so
 * one row shape serves PostgreSQL 12 to 18. `$1` is the slot names (or NULL for every logical slot
 * of the current database).
 */
export function slotQuery(versionNum: number, inRecovery: boolean): string {
  const v13 = versionNum >= 130000;
  const v14 = versionNum >= 140000;
  const v16 = versionNum >= 160000;
  const v17 = versionNum >= 170000;
  // A standby has no current WAL position: measure against what it has received (or replayed).
  const current = inRecovery ? "COALESCE(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())" : "pg_current_wal_lsn()";
  const stat = (c: string) => (v14 ? `st.${c}::float8 AS ${c}` : `NULL::float8 AS ${c}`);
  return [
    "SELECT s.slot_name::text AS name, s.plugin::text AS plugin, s.slot_type AS slot_type, s.database::text AS database,",
    "       s.active, s.active_pid,",
    v13 ? "       s.wal_status, s.safe_wal_size::float8 AS safe_wal_size," : "       NULL::text AS wal_status, NULL::float8 AS safe_wal_size,",
    `       pg_wal_lsn_diff(${current}, s.restart_lsn)::float8 AS retained,`,
    `       pg_wal_lsn_diff(${current}, s.confirmed_flush_lsn)::float8 AS flush_lag,`,
    v17
      ? "       s.inactive_since, GREATEST(EXTRACT(EPOCH FROM (clock_timestamp() - s.inactive_since)), 0)::float8 AS inactive_seconds, s.invalidation_reason, s.failover,"
      : "       NULL::timestamptz AS inactive_since, NULL::float8 AS inactive_seconds, NULL::text AS invalidation_reason, NULL::bool AS failover,",
    v16 ? "       s.conflicting," : "       NULL::bool AS conflicting,",
    v14 ? "       s.two_phase," : "       NULL::bool AS two_phase,",
    `       ${["spill_txns", "spill_count", "spill_bytes", "stream_txns", "stream_count", "stream_bytes", "total_txns", "total_bytes"].map(stat).join(", ")}`,
    "  FROM pg_replication_slots s",
    v14 ? "  LEFT JOIN pg_stat_replication_slots st ON st.slot_name = s.slot_name" : "",
    " WHERE ($1::text[] IS NULL AND s.slot_type = 'logical' AND s.database = current_database()) OR s.slot_name = ANY($1::text[])",
    " ORDER BY s.slot_name",
  ]
    .filter((l) => l !== "")
    .join("\n");
}

/** Sessions with a transaction older than `$1` seconds or idle in transaction longer than `$2`; at most `$3` rows, each with the total count. */
export const SESSION_QUERY = `
SELECT pid, usename::text AS "user", application_name AS application, state,
       GREATEST(EXTRACT(EPOCH FROM (clock_timestamp() - xact_start)), 0)::float8 AS xact_age,
       GREATEST(EXTRACT(EPOCH FROM (clock_timestamp() - state_change)), 0)::float8 AS state_age,
       backend_xmin IS NOT NULL AS holds_xmin,
       count(*) OVER () AS total
  FROM pg_stat_activity
 WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
   AND (xact_start <= clock_timestamp() - $1 * interval '1 second'
        OR (state LIKE 'idle in transaction%' AND state_change <= clock_timestamp() - $2 * interval '1 second'))
 ORDER BY xact_start NULLS LAST, pid
 LIMIT $3`;

interface InfoRow {
  num: string;
  version: string;
  recovery: boolean;
  user: string;
  sees_all: boolean;
  hidden: string;
  keep_mb: string | null;
  oldest_xact: number;
  oldest_idle: number;
}

interface SlotRow {
  name: string;
  plugin: string | null;
  slot_type: string;
  database: string | null;
  active: boolean;
  active_pid: number | null;
  wal_status: string | null;
  safe_wal_size: number | null;
  retained: number | null;
  flush_lag: number | null;
  inactive_since: Date | null;
  inactive_seconds: number | null;
  invalidation_reason: string | null;
  failover: boolean | null;
  conflicting: boolean | null;
  two_phase: boolean | null;
  spill_txns: number | null;
  spill_count: number | null;
  spill_bytes: number | null;
  stream_txns: number | null;
  stream_count: number | null;
  stream_bytes: number | null;
  total_txns: number | null;
  total_bytes: number | null;
}

interface SessionRow {
  pid: number;
  user: string | null;
  application: string | null;
  state: string | null;
  xact_age: number | null;
  state_age: number | null;
  holds_xmin: boolean;
  total: string;
}

/** PostgreSQL 18's slot idle timeout (seconds in pg_settings), shown with the session settings. */
const IDLE_SLOT_TIMEOUT = "idle_replication_slot_timeout";

const SETTING_ADVICE: Record<string, string> = {
  idle_in_transaction_session_timeout:
    "0 (no limit): a client that leaves a transaction open holds back the slots' WAL until it is killed; set a limit on the application roles, e.g. ALTER ROLE app SET idle_in_transaction_session_timeout = '10min' (not on the ClickPipes user)",
  statement_timeout:
    "0 (no limit): one runaway statement keeps its transaction (and the slots' WAL) open; set a limit on the application roles, e.g. ALTER ROLE app SET statement_timeout = '15min' (not on the ClickPipes user: its initial load runs long queries)",
};

/** What to do about a slot without consumer (said once per slot, whichever threshold it crossed). */
const NO_CONSUMER_FIX = "no consumer reads it: resume or fix the pipe; if no pipe uses this slot any more (orphaned), drop it with SELECT pg_drop_replication_slot('<slot>')";

function judgeSlot(r: SlotRow, t: HealthReport["thresholds"], versionNum: number): { slot: SlotHealth; finding: HealthFinding } {
  let status = HealthStatus.OK;
  const parts: string[] = [];
  const fixes: string[] = [];
  const lost = r.wal_status === "lost" || (r.invalidation_reason !== null && r.invalidation_reason !== "");
  if (lost) {
    status = HealthStatus.CRIT;
    parts.push(`invalidated (wal_status ${r.wal_status ?? "?"}${r.invalidation_reason ? `, ${r.invalidation_reason}` : ""}): the WAL it needs is gone`);
    fixes.push(
      "the pipe cannot continue from this slot: resync the pipe in ClickPipes (it creates a new slot), then drop this one with SELECT pg_drop_replication_slot('<slot>') once nothing uses it; raise max_slot_wal_keep_size so it does not happen again",
    );
  } else if (r.wal_status === "unreserved") {
    status = HealthStatus.CRIT;
    parts.push("wal_status unreserved: it holds more WAL than max_slot_wal_keep_size and will be invalidated at the next checkpoint");
    fixes.push("make the consumer catch up now (resume the pipe), or raise max_slot_wal_keep_size (SELECT pg_reload_conf())");
  }
  if (r.conflicting === true && !lost) {
    status = HealthStatus.CRIT;
    parts.push("conflicts with recovery (invalidated on this standby)");
  }
  parts.push(r.active ? `active (pid ${r.active_pid ?? "?"})` : "no consumer");
  if (r.retained !== null) {
    const over = r.retained > t.retainedWalCritBytes ? HealthStatus.CRIT : r.retained > t.retainedWalWarnBytes ? HealthStatus.WARN : HealthStatus.OK;
    parts.push(
      `retains ${formatBytes(r.retained)} of WAL${over === HealthStatus.OK ? "" : ` (over the ${over === HealthStatus.CRIT ? "crit" : "warn"} threshold ${formatBytes(over === HealthStatus.CRIT ? t.retainedWalCritBytes : t.retainedWalWarnBytes)})`}`,
    );
    if (over !== HealthStatus.OK) {
      status = worst(status, over);
      fixes.push(r.active ? "the consumer is slow: check the pipe's throughput and long transactions on the source" : NO_CONSUMER_FIX);
    }
  }
  if (r.flush_lag !== null) parts.push(`unconfirmed ${formatBytes(r.flush_lag)}`);
  if (r.safe_wal_size !== null) parts.push(`${formatBytes(Math.max(0, r.safe_wal_size))} until invalidation`);
  if (!r.active && !lost) {
    if (r.inactive_seconds !== null) {
      const s = r.inactive_seconds;
      const over = s > t.inactiveSlotCritSeconds ? HealthStatus.CRIT : s > t.inactiveSlotWarnSeconds ? HealthStatus.WARN : HealthStatus.OK;
      parts.push(`inactive for ${formatDuration(s)}${over === HealthStatus.OK ? "" : ` (over ${formatDuration(over === HealthStatus.CRIT ? t.inactiveSlotCritSeconds : t.inactiveSlotWarnSeconds)})`}`);
      if (over !== HealthStatus.OK) {
        status = worst(status, over);
        fixes.push(NO_CONSUMER_FIX);
      }
    } else if (versionNum < 170000) {
      parts.push("inactive since an unknown time (recorded from PostgreSQL 17 on)");
    }
  }
  if (r.spill_bytes !== null && r.spill_bytes > 0) parts.push(`spilled ${formatBytes(r.spill_bytes)} to disk in ${r.spill_txns} transactions`);
  const plugin = r.plugin ?? r.slot_type;
  const message = `${plugin}: ${parts.join(", ")}${fixes.length > 0 ? `; ${[...new Set(fixes)].join("; ").replace(/'<slot>'/g, quoteLiteral(r.name))}` : ""}`;
  const stats: SlotStats | null =
    r.total_bytes === null
      ? null
      : {
          spillTxns: r.spill_txns ?? 0,
          spillCount: r.spill_count ?? 0,
          spillBytes: r.spill_bytes ?? 0,
          streamTxns: r.stream_txns ?? 0,
          streamCount: r.stream_count ?? 0,
          streamBytes: r.stream_bytes ?? 0,
          totalTxns: r.total_txns ?? 0,
          totalBytes: r.total_bytes ?? 0,
        };
  return {
    slot: {
      name: r.name,
      plugin: r.plugin,
      slotType: r.slot_type,
      database: r.database,
      active: r.active,
      activePid: r.active_pid,
      walStatus: r.wal_status,
      safeWalSizeBytes: r.safe_wal_size,
      retainedWalBytes: r.retained,
      confirmedFlushLagBytes: r.flush_lag,
      inactiveSince: r.inactive_since ? r.inactive_since.toISOString() : null,
      inactiveSeconds: r.inactive_seconds,
      invalidationReason: r.invalidation_reason,
      conflicting: r.conflicting,
      twoPhase: r.two_phase,
      failover: r.failover,
      stats,
      status,
    },
    finding: { status, kind: HealthFindingKind.SLOT, subject: r.name, message },
  };
}

function judgeSession(r: SessionRow, t: HealthReport["thresholds"]): { session: SessionHealth; finding: HealthFinding } {
  const reasons: string[] = [];
  const idle = r.state !== null && r.state.startsWith("idle in transaction");
  if (idle && r.state_age !== null && r.state_age >= t.idleInTransactionAgeSeconds) reasons.push(`${r.state} for ${formatDuration(r.state_age)}`);
  if (r.xact_age !== null && r.xact_age >= t.maxTransactionAgeSeconds) reasons.push(`transaction open for ${formatDuration(r.xact_age)} (over ${formatDuration(t.maxTransactionAgeSeconds)})`);
  if (reasons.length === 0) reasons.push(`${r.state ?? "state hidden"}`);
  const who = `user ${r.user ?? "?"}, application ${JSON.stringify(r.application ?? "")}`;
  const message = `${reasons.join(", ")} (${who})` + (r.holds_xmin ? ", holds back xmin" : "") + `; it holds back the slots' WAL: end it in the application, or SELECT pg_terminate_backend(${r.pid})`;
  return {
    session: {
      pid: r.pid,
      user: r.user,
      application: r.application,
      state: r.state,
      transactionAgeSeconds: r.xact_age,
      stateAgeSeconds: r.state_age,
      holdsXmin: r.holds_xmin,
      status: HealthStatus.WARN,
    },
    finding: { status: HealthStatus.WARN, kind: HealthFindingKind.SESSION, subject: String(r.pid), message },
  };
}

function checkOptions(options: HealthOptions): number {
  const timeout = options.timeoutSeconds ?? DEFAULT_HEALTH_TIMEOUT_SECONDS;
  if (!(typeof timeout === "number" && Number.isFinite(timeout) && timeout > 0 && timeout <= 3600)) {
    throw new VerifyError(`--timeout = ${String(timeout)} is not allowed: a number of seconds from 1 to 3600`);
  }
  for (const s of options.slots ?? []) if (s === "") throw new VerifyError("--slot: an empty slot name is not allowed");
  return timeout;
}

/**
 * Connect (as verify does) and judge the source. Resolves with the report (CRIT included); rejects
 * with `VerifyError` (one line, no password) when the options are wrong or the source cannot be
 * reached within the timeout.
 */
export async function checkHealth(options: HealthOptions = {}): Promise<HealthReport> {
  const timeoutSeconds = checkOptions(options);
  const env = options.env ?? process.env;
  const connection = resolveConnection(options.connection ?? {}, env, {}, timeoutSeconds);
  let client: Client;
  try {
    // No statement_timeout as a startup option: it would hide the login's own value from pg_settings;
    // it is set with SET LOCAL once the settings are read (the client-side query_timeout stays).
    client = await connect(connection, timeoutSeconds, { application_name: HEALTH_APPLICATION_NAME, statement_timeout: undefined });
  } catch (e) {
    throw e instanceof VerifyError ? new HealthError(e.message, connection.target) : e;
  }
  try {
    await client.query("BEGIN TRANSACTION READ ONLY");
    const settingRows = (
      await client.query<SettingRow>("SELECT name, setting FROM pg_settings WHERE name IN ('idle_in_transaction_session_timeout', 'idle_replication_slot_timeout', 'statement_timeout') ORDER BY name")
    ).rows;
    await client.query(`SET LOCAL statement_timeout = ${Math.round(timeoutSeconds * 1000)}`);
    const report = await inspect(client, options, connection.target, settingRows);
    await client.query("COMMIT");
    return report;
  } catch (e) {
    if (e instanceof VerifyError) throw new HealthError(e.message, connection.target);
    const message = String((e as Error)?.message ?? e).split("\n")[0];
    throw new HealthError(/timeout|canceling statement/i.test(message) ? `a query did not finish within ${timeoutSeconds} s: ${message}` : `a query failed: ${message}`, connection.target);
  } finally {
    await client.end().catch(() => {});
  }
}

interface SettingRow {
  name: string;
  setting: string;
}

async function inspect(client: Client, options: HealthOptions, target: HealthReport["target"], settingRows: readonly SettingRow[]): Promise<HealthReport> {
  const thresholds = options.thresholds ?? resolveHealthThresholds();
  const info = (
    await client.query<InfoRow>(
      `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version,
              pg_is_in_recovery() AS recovery, current_user AS user,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR pg_has_role(current_user, 'pg_read_all_stats', 'MEMBER') AS sees_all,
              (SELECT count(*) FROM pg_stat_activity WHERE query = '<insufficient privilege>' AND usesysid IS NOT NULL) AS hidden,
              (SELECT setting FROM pg_settings WHERE name = 'max_slot_wal_keep_size') AS keep_mb,
              (SELECT COALESCE(max(GREATEST(EXTRACT(EPOCH FROM (clock_timestamp() - xact_start)), 0)), 0)::float8 FROM pg_stat_activity
                WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()) AS oldest_xact,
              (SELECT COALESCE(max(GREATEST(EXTRACT(EPOCH FROM (clock_timestamp() - state_change)), 0)), 0)::float8 FROM pg_stat_activity
                WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%') AS oldest_idle`,
    )
  ).rows[0]!;
  const versionNum = Number(info.num);
  const keepMb = info.keep_mb === null ? null : Number(info.keep_mb);
  const maxSlotWalKeepSizeBytes = keepMb === null ? null : keepMb < 0 ? -1 : keepMb * 1024 * 1024;
  const wal = retainedWalThresholds(thresholds, maxSlotWalKeepSizeBytes);
  const t: HealthReport["thresholds"] = {
    retainedWalWarnBytes: wal.warnBytes,
    retainedWalCritBytes: wal.critBytes,
    retainedWalFrom: wal.from,
    inactiveSlotWarnSeconds: thresholds.inactiveSlotWarnSeconds,
    inactiveSlotCritSeconds: thresholds.inactiveSlotCritSeconds,
    maxTransactionAgeSeconds: thresholds.maxTransactionAgeSeconds,
    idleInTransactionAgeSeconds: thresholds.idleInTransactionAgeSeconds,
  };
  const findings: HealthFinding[] = [];

  const wanted = options.slots && options.slots.length > 0 ? [...new Set(options.slots)] : null;
  const slotRows = (await client.query<SlotRow>(slotQuery(versionNum, info.recovery), [wanted])).rows;
  const slots: SlotHealth[] = [];
  for (const row of slotRows) {
    const { slot, finding } = judgeSlot(row, t, versionNum);
    slots.push(slot);
    findings.push(finding);
  }
  for (const name of wanted ?? []) {
    if (!slotRows.some((r) => r.name === name)) {
      findings.push({
        status: HealthStatus.CRIT,
        kind: HealthFindingKind.SLOT,
        subject: name,
        message: "no such replication slot on this server: a pipe that reads it cannot run (dropped, or the pipe was resynced under a new slot); check the pipe's slot name",
      });
    }
  }
  if (!wanted && slotRows.length === 0) {
    findings.push({ status: HealthStatus.OK, kind: HealthFindingKind.SERVER, subject: "slots", message: `no logical replication slot in database ${JSON.stringify(target.database)}` });
  }

  const sessionRows = (await client.query<SessionRow>(SESSION_QUERY, [t.maxTransactionAgeSeconds, t.idleInTransactionAgeSeconds, MAX_LISTED_SESSIONS])).rows;
  const sessions: SessionHealth[] = [];
  for (const row of sessionRows) {
    const { session, finding } = judgeSession(row, t);
    sessions.push(session);
    findings.push(finding);
  }
  const total = sessionRows.length > 0 ? Number(sessionRows[0]!.total) : 0;
  if (total > sessionRows.length) {
    findings.push({
      status: HealthStatus.WARN,
      kind: HealthFindingKind.SESSION,
      subject: "sessions",
      message: `${total - sessionRows.length} more sessions with old or idle transactions are not listed (${MAX_LISTED_SESSIONS} shown)`,
    });
  }
  if (total === 0) {
    findings.push({
      status: HealthStatus.OK,
      kind: HealthFindingKind.SESSION,
      subject: "sessions",
      message: `no transaction open longer than ${formatDuration(t.maxTransactionAgeSeconds)}, none idle in transaction longer than ${formatDuration(t.idleInTransactionAgeSeconds)}${info.sees_all ? "" : " among the sessions this login can see"}`,
    });
  }
  const hidden = Number(info.hidden);
  if (!info.sees_all) {
    findings.push({
      status: HealthStatus.WARN,
      kind: HealthFindingKind.VISIBILITY,
      subject: "sessions",
      message: `login ${JSON.stringify(info.user)} cannot see other users' sessions (${hidden} hidden now): their old transactions are not checked; use a login with pg_monitor (GRANT pg_monitor TO ${quoteIdentIfNeeded(info.user)}), e.g. the stacks' monitoring role`,
    });
  }

  const settings: SettingHealth[] = settingRows.map((s) => {
    if (s.name === IDLE_SLOT_TIMEOUT) {
      // PostgreSQL 18+, in seconds: a non-zero value invalidates a slot idle that long (a paused pipe's).
      const ms = Number(s.setting) * 1000;
      const value = ms === 0 ? "0" : formatDuration(ms / 1000);
      const advice =
        ms === 0
          ? null
          : `${value}: a slot idle that long (a paused or stopped pipe's) is invalidated at the next checkpoint and the pipe needs a full resync; set it to 0 (ALTER SYSTEM SET idle_replication_slot_timeout = 0; SELECT pg_reload_conf())`;
      findings.push({
        status: ms === 0 ? HealthStatus.OK : HealthStatus.WARN,
        kind: HealthFindingKind.SETTING,
        subject: s.name,
        message: advice ?? "0: idle slots are never invalidated for idleness (keep it so while pipes may pause)",
      });
      return { name: s.name, value, milliseconds: ms, advice };
    }
    const ms = Number(s.setting);
    const value = ms === 0 ? "0" : formatDuration(ms / 1000);
    const advice = ms === 0 ? SETTING_ADVICE[s.name]! : null;
    findings.push({ status: HealthStatus.OK, kind: HealthFindingKind.SETTING, subject: s.name, message: advice ?? `${value} for this login's sessions (roles and databases can set their own)` });
    return { name: s.name, value, milliseconds: ms, advice };
  });

  findings.sort((a, b) => RANK[b.status] - RANK[a.status]);
  const count = (s: HealthStatus) => findings.filter((f) => f.status === s).length;
  const summary = { ok: count(HealthStatus.OK), warn: count(HealthStatus.WARN), crit: count(HealthStatus.CRIT) };
  return {
    reportVersion: 1,
    target,
    source: options.source ?? null,
    serverVersion: info.version.split(" ")[0]!,
    serverVersionNum: versionNum,
    inRecovery: info.recovery,
    maxSlotWalKeepSizeBytes,
    thresholds: t,
    seesAllSessions: info.sees_all,
    hiddenSessions: hidden,
    oldestTransactionAgeSeconds: info.oldest_xact,
    oldestIdleInTransactionSeconds: info.oldest_idle,
    slots,
    sessions,
    settings,
    findings,
    summary,
    verdict: summary.crit > 0 ? HealthStatus.CRIT : summary.warn > 0 ? HealthStatus.WARN : HealthStatus.OK,
  };
}
