/**
 * Outputs of `cdktf-clickpipes health`: text (one line per finding) and the Prometheus text
 * exposition format (version 0.0.4: for node_exporter's textfile collector or a cron job pushing to
 * a Pushgateway). Every metric is named `clickpipes_source_*`, with its unit in the name, and
 * carries the labels `server` (`host:port`), `database` and, with `--source`, `source`. Slot metrics
 * add `slot` and, for joins with postgres_exporter's `pg_replication_slot_*` / `pg_database_*`
 * series, `slot_name` and `datname` (the slot's database; absent for a physical slot).
 */
import { escapeControl } from "../util/text-file";
import { describeTarget } from "../pg/connection";
import { VerifyTarget } from "../verify/types";
import { HealthReport, HealthStatus } from "./types";

/** Width of the subject column of the text output. */
const SUBJECT_WIDTH = 28;

/** One line per finding (`CRIT  slot orders_slot  pgoutput: ...`), then a summary line. */
export function formatHealthText(report: HealthReport): string {
  const lines: string[] = [];
  const where = describeTarget(report.target);
  lines.push(
    `health ${where.replace(/[\r\n]+/g, " ")} (PostgreSQL ${report.serverVersion}${report.inRecovery ? ", standby" : ""}): ${report.slots.length} slot${report.slots.length === 1 ? "" : "s"}`,
  );
  for (const f of report.findings) lines.push(`${f.status.padEnd(4)}  ${`${f.kind} ${f.subject}`.padEnd(SUBJECT_WIDTH)} ${f.message.replace(/[\r\n]+/g, " ")}`);
  const s = report.summary;
  lines.push(`${report.verdict}: ${s.crit} critical, ${s.warn} warning${s.warn === 1 ? "" : "s"}, ${s.ok} ok`);
  return lines.join("\n") + "\n";
}

/** The metric prefix. */
export const METRIC_PREFIX = "clickpipes_source_";

/**
 * A label value escaped by the exposition format: backslash, double quote and line feed; other
 * control characters first become the text `\xNN` (escapeControl), so none reaches a terminal raw.
 */
export function escapeLabelValue(value: string): string {
  return escapeControl(value).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** HELP text escaped by the exposition format: backslash and line feed. */
function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

type Labels = Readonly<Record<string, string>>;

interface Metric {
  readonly name: string;
  readonly type: "gauge" | "counter";
  readonly help: string;
  readonly samples: { readonly labels: Labels; readonly value: number }[];
}

/** Every metric `health --prometheus` can print: name (without the prefix), type, HELP text. */
export const HEALTH_METRICS = {
  up: { type: "gauge", help: "1 when health reached the source and read its state, 0 when it could not" },
  health_status: { type: "gauge", help: "Worst verdict of the run: 0 OK, 1 WARN, 2 CRIT" },
  in_recovery: { type: "gauge", help: "1 when the server is a standby (positions measured against the last received WAL)" },
  max_slot_wal_keep_size_bytes: { type: "gauge", help: "max_slot_wal_keep_size in bytes, -1 for no limit (PostgreSQL 13+)" },
  sees_all_sessions: { type: "gauge", help: "1 when the login sees every session (superuser or pg_monitor), 0 when other users' sessions are hidden" },
  hidden_sessions: { type: "gauge", help: "Client sessions of other users whose details the login cannot see" },
  oldest_transaction_age_seconds: { type: "gauge", help: "Age of the oldest open transaction of a visible client session" },
  oldest_idle_in_transaction_seconds: { type: "gauge", help: "Longest time a visible client session has been idle in transaction" },
  old_transaction_sessions: { type: "gauge", help: "Visible client sessions with a transaction older than the max transaction age threshold" },
  idle_in_transaction_sessions: { type: "gauge", help: "Visible client sessions idle in transaction longer than the idle threshold" },
  slot_status: { type: "gauge", help: "Verdict of the replication slot: 0 OK, 1 WARN, 2 CRIT" },
  slot_active: { type: "gauge", help: "1 when a consumer is attached to the replication slot" },
  slot_wal_status: { type: "gauge", help: "1 for the slot's current wal_status (reserved, extended, unreserved, lost), 0 for the others (PostgreSQL 13+)" },
  slot_safe_wal_size_bytes: { type: "gauge", help: "WAL that can still be written before the slot is invalidated (PostgreSQL 13+, with max_slot_wal_keep_size set)" },
  slot_retained_wal_bytes: { type: "gauge", help: "WAL the slot holds: bytes from its restart_lsn to the current WAL position" },
  slot_confirmed_flush_lag_bytes: { type: "gauge", help: "WAL the slot's consumer has not confirmed: bytes from confirmed_flush_lsn to the current WAL position" },
  slot_inactive_seconds: { type: "gauge", help: "Seconds since the slot last had a consumer, 0 while active (PostgreSQL 17+)" },
  slot_spill_txns_total: { type: "counter", help: "Transactions spilled to disk while decoding (pg_stat_replication_slots, PostgreSQL 14+)" },
  slot_spill_count_total: { type: "counter", help: "Times decoding spilled transactions to disk (PostgreSQL 14+)" },
  slot_spill_bytes_total: { type: "counter", help: "Bytes of decoded transactions spilled to disk (PostgreSQL 14+)" },
  slot_stream_txns_total: { type: "counter", help: "In-progress transactions streamed to the consumer (PostgreSQL 14+)" },
  slot_stream_count_total: { type: "counter", help: "Times decoding streamed in-progress transactions (PostgreSQL 14+)" },
  slot_stream_bytes_total: { type: "counter", help: "Bytes of in-progress transactions streamed (PostgreSQL 14+)" },
  slot_decoded_txns_total: { type: "counter", help: "Decoded transactions sent to the consumer (total_txns, PostgreSQL 14+)" },
  slot_decoded_bytes_total: { type: "counter", help: "Bytes of decoded transactions sent to the consumer (total_bytes, PostgreSQL 14+)" },
} as const satisfies Record<string, { type: "gauge" | "counter"; help: string }>;

export type HealthMetricName = keyof typeof HEALTH_METRICS;

/** The full name of a metric. */
export const metricName = (name: HealthMetricName) => `${METRIC_PREFIX}${name}`;

const STATUS_VALUE: Record<HealthStatus, number> = { OK: 0, WARN: 1, CRIT: 2 };
const WAL_STATUSES = ["reserved", "extended", "unreserved", "lost"] as const;

function render(metrics: Metric[]): string {
  const out: string[] = [];
  for (const m of metrics) {
    if (m.samples.length === 0) continue;
    out.push(`# HELP ${m.name} ${escapeHelp(m.help)}`, `# TYPE ${m.name} ${m.type}`);
    for (const s of m.samples) {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${escapeLabelValue(v)}"`)
        .join(",");
      out.push(`${m.name}${labels === "" ? "" : `{${labels}}`} ${Number.isFinite(s.value) ? String(s.value) : "NaN"}`);
    }
  }
  return out.join("\n") + "\n";
}

function collector(base: Labels) {
  const metrics = new Map<HealthMetricName, Metric>();
  const add = (name: HealthMetricName, value: number | null | undefined, extra: Labels = {}) => {
    if (value === null || value === undefined) return;
    let m = metrics.get(name);
    if (!m) {
      m = { name: metricName(name), type: HEALTH_METRICS[name].type, help: HEALTH_METRICS[name].help, samples: [] };
      metrics.set(name, m);
    }
    m.samples.push({ labels: { ...base, ...extra }, value });
  };
  // Metrics print in the order of HEALTH_METRICS, each once with all its samples.
  const text = () => render((Object.keys(HEALTH_METRICS) as HealthMetricName[]).flatMap((n) => (metrics.has(n) ? [metrics.get(n)!] : [])));
  return { add, text };
}

/** The labels every metric of a source carries. */
export function baseLabels(target: VerifyTarget, source: string | null): Labels {
  const host = target.host.includes(":") ? `[${target.host}]` : target.host;
  return { ...(source !== null ? { source } : {}), server: `${host}:${target.port}`, database: target.database };
}

/** The report as Prometheus text exposition format. */
export function formatHealthPrometheus(report: HealthReport): string {
  const c = collector(baseLabels(report.target, report.source));
  const b = (x: boolean) => (x ? 1 : 0);
  c.add("up", 1);
  c.add("health_status", STATUS_VALUE[report.verdict]);
  c.add("in_recovery", b(report.inRecovery));
  c.add("max_slot_wal_keep_size_bytes", report.maxSlotWalKeepSizeBytes);
  c.add("sees_all_sessions", b(report.seesAllSessions));
  c.add("hidden_sessions", report.hiddenSessions);
  c.add("oldest_transaction_age_seconds", report.oldestTransactionAgeSeconds);
  c.add("oldest_idle_in_transaction_seconds", report.oldestIdleInTransactionSeconds);
  const t = report.thresholds;
  c.add("old_transaction_sessions", report.sessions.filter((s) => (s.transactionAgeSeconds ?? 0) >= t.maxTransactionAgeSeconds).length);
  c.add("idle_in_transaction_sessions", report.sessions.filter((s) => s.state?.startsWith("idle in transaction") && (s.stateAgeSeconds ?? 0) >= t.idleInTransactionAgeSeconds).length);
  for (const s of report.slots) {
    // `slot_name` and `datname` as postgres_exporter names them (pg_replication_slot, pg_database
    // collectors), so its series join with these; `slot` stays for the rules and dashboards using it.
    const slot: Record<string, string> = { slot: s.name, slot_name: s.name, ...(s.database !== null ? { datname: s.database } : {}) };
    c.add("slot_status", STATUS_VALUE[s.status], slot);
    c.add("slot_active", b(s.active), slot);
    if (s.walStatus !== null) for (const w of WAL_STATUSES) c.add("slot_wal_status", b(s.walStatus === w), { ...slot, wal_status: w });
    c.add("slot_safe_wal_size_bytes", s.safeWalSizeBytes, slot);
    c.add("slot_retained_wal_bytes", s.retainedWalBytes, slot);
    c.add("slot_confirmed_flush_lag_bytes", s.confirmedFlushLagBytes, slot);
    c.add("slot_inactive_seconds", s.active ? (report.serverVersionNum >= 170000 ? 0 : null) : s.inactiveSeconds, slot);
    if (s.stats) {
      c.add("slot_spill_txns_total", s.stats.spillTxns, slot);
      c.add("slot_spill_count_total", s.stats.spillCount, slot);
      c.add("slot_spill_bytes_total", s.stats.spillBytes, slot);
      c.add("slot_stream_txns_total", s.stats.streamTxns, slot);
      c.add("slot_stream_count_total", s.stats.streamCount, slot);
      c.add("slot_stream_bytes_total", s.stats.streamBytes, slot);
      c.add("slot_decoded_txns_total", s.stats.totalTxns, slot);
      c.add("slot_decoded_bytes_total", s.stats.totalBytes, slot);
    }
  }
  return c.text();
}

/** What `--prometheus` prints when the source could not be reached: `up 0` (labels when the target is known). */
export function formatUnreachablePrometheus(target: VerifyTarget | undefined, source: string | null): string {
  const c = collector(target ? baseLabels(target, source) : source !== null ? { source } : {});
  c.add("up", 0);
  return c.text();
}
