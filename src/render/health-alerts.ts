/**
 * The Prometheus alerting rules of a source (`server-setup/<source>/clickpipes-alerts.rules.yml`) on
 * the metrics of `cdktf-clickpipes health --prometheus --source <name>`, with the thresholds of the
 * source's `health` block, and `health.json` (those thresholds, for `health --thresholds`).
 * Written with the `yaml` library, so every value is quoted by YAML's rules; label values in PromQL
 * selectors are quoted by PromQL's string rules.
 */
import { stringify } from "yaml";
import { ResolvedSource } from "../model/defaults";
import { formatDuration, HealthThresholdsSpec, retainedWalThresholds } from "../model/health";

import { ALERT_RULES_FILE, HEALTH_THRESHOLDS_FILE } from "../model/server-setup";
import { formatSize } from "../model/size";

export { ALERT_RULES_FILE, HEALTH_THRESHOLDS_FILE };

const MB = 1024 * 1024;

/** A PromQL string literal (double quotes; backslash, double quote and control characters escaped). */
export function promqlString(text: string): string {
  return JSON.stringify(text);
}

/** Bytes as a short 1024-based size for alert text (`80 GiB`). */
const size = formatSize;

interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels: Record<string, string>;
  readonly annotations: { summary: string; description: string; runbook: string; runbook_url?: string };
}

/**
 * Where `runbook_url` annotations point: docs/operations.md as the package publishes it (the file
 * ships in the npm package; the repository has no public URL of its own yet). Each alert's anchor is
 * a heading of that file's "Alert runbooks" section (`runbookAnchor`); a test checks every anchor exists.
 */
export const RUNBOOK_DOC_URL = "https://unpkg.com/cdktf-clickpipes-postgres/docs/operations.md";

/** The docs/operations.md anchor of an alert: its name without Critical/Warning, lower case (`#### ClickPipesSlotRetainedWal`). */
export function runbookAnchor(alert: string): string {
  return alert.replace(/(Critical|Warning)$/, "").toLowerCase();
}

/**
 * The labels the slot metrics carry besides the source's (`slot`, and `slot_name`/`datname` for
 * joins with postgres_exporter): ignored when a slot series is matched with a per-source one.
 */
const SLOT_LABELS = "slot, slot_name, datname";

/** Shortest decimal text of a fraction for PromQL (`0.8`). */
const num = (x: number) => String(x);

const ORPHAN =
  "Dropping a slot is safe only when no pipe will read it again: the ClickPipe was deleted, or resynced under a new slot (its settings name the slot it uses), " +
  "the slot has no consumer (active = false) and no ClickPipe in ClickHouse Cloud lists it. Then run SELECT pg_drop_replication_slot('{{ $labels.slot }}'); " +
  "dropping the slot of a pipe that is only paused forces that pipe into a full resync.";

/** The thresholds of the source in bytes and seconds, as the rules use them. */
export function alertThresholds(src: ResolvedSource) {
  const keepBytes = src.postgresVersion >= 13 ? (src.maxSlotWalKeepSizeMb < 0 ? -1 : src.maxSlotWalKeepSizeMb * MB) : null;
  return { ...retainedWalThresholds(src.health, keepBytes), keepBytes, ...src.health };
}

/** What a source's rules file depends on besides its name. */
export type AlertThresholds = ReturnType<typeof alertThresholds>;

/**
 * A name that stands for the source's name in a cached rules file. It is of the same kind as every
 * name `templatable` accepts (letters and digits, a plain YAML scalar, nothing to escape in a PromQL
 * string), so the YAML library makes the same choices for it as for the real name.
 */
const NAME_STANDIN = "Zqxv9CdktfClickpipesSourceNameStandin9vxqZ";
/** Rules files rendered with `NAME_STANDIN`, by their thresholds (JSON): one per distinct threshold set. */
const RULES_BY_THRESHOLDS = new Map<string, string>();
/** At most this many cached files (a long-lived process with many threshold sets starts over). */
const RULES_CACHE_MAX = 64;

/**
 * Whether the file of a source named `name` is the stand-in's file with the name put in: a source
 * name (SOURCE_NAME_PATTERN: letters, digits, `-`, `_`; nothing PromQL's string rules escape, no YAML
 * indicator) that YAML 1.2's core schema reads as a string when plain, as it reads the stand-in. Of
 * such names (a letter first, so never a number) only the booleans and null are not: `true`, `Null`, ...
 * (the YAML library quotes those; a test checks each against it).
 */
function templatable(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(name) && !/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/.test(name);
}

/**
 * The alerting rules file of a source. Rendering with the YAML library costs about a millisecond, so
 * a fleet renders each distinct threshold set once (with a stand-in name) and puts each source's name
 * in; the bytes are those of `renderAlertRulesFile` (a test compares them).
 */
export function renderAlertRules(src: ResolvedSource): string {
  const t = alertThresholds(src);
  if (!templatable(src.name)) return renderAlertRulesFile(src.name, t);
  const key = JSON.stringify(t);
  let file = RULES_BY_THRESHOLDS.get(key);
  if (file === undefined) {
    file = renderAlertRulesFile(NAME_STANDIN, t);
    if (RULES_BY_THRESHOLDS.size >= RULES_CACHE_MAX) RULES_BY_THRESHOLDS.clear();
    RULES_BY_THRESHOLDS.set(key, file);
  }
  return file.split(NAME_STANDIN).join(src.name);
}

/** The alerting rules file of the source named `source` with thresholds `t`, written by the YAML library. */
export function renderAlertRulesFile(source: string, t: AlertThresholds): string {
  const sel = (extra = "") => `{source=${promqlString(source)}${extra}}`;
  const m = (name: string, extra = "") => `clickpipes_source_${name}${sel(extra)}`;
  const labels = (severity: "critical" | "warning" | "info") => ({ severity, source: source });
  const configured =
    t.from === "max_slot_wal_keep_size"
      ? `as configured, max_slot_wal_keep_size = ${size(t.keepBytes!)}: warning over ${size(t.warnBytes)}, critical over ${size(t.critBytes)}`
      : `as configured, max_slot_wal_keep_size is ${t.keepBytes === null ? "absent (PostgreSQL 12)" : "-1 (no limit: WAL grows until the disk is full)"}: warning over ${size(t.warnBytes)}, critical over ${size(t.critBytes)}`;
  const keepText =
    `${Math.round(t.retainedWalWarnFraction * 100)} % / ${Math.round(t.retainedWalCritFraction * 100)} % of the server's max_slot_wal_keep_size (the metric clickpipes_source_max_slot_wal_keep_size_bytes health exports), ` +
    `${size(t.retainedWalWarnBytes)} / ${size(t.retainedWalCritBytes)} when the server reports -1 (no limit); without that metric (PostgreSQL 12, or an older health), the config's value: ${configured}`;
  /**
   * Retained WAL over a threshold that follows the server: a fraction of the live
   * max_slot_wal_keep_size where health exports one above 0, the absolute size where it exports -1
   * (or 0), and the threshold computed from the config where the metric is absent.
   */
  const retainedOver = (fraction: number, absolute: number, configuredBytes: number) => {
    const retained = m("slot_retained_wal_bytes");
    const keep = m("max_slot_wal_keep_size_bytes");
    const join = `ignoring(${SLOT_LABELS}) group_left()`;
    return (
      `(${retained} > ${join} (${keep} > 0) * ${num(fraction)})` +
      ` or (${retained} > ${join} (${keep} <= 0) * 0 + ${absolute})` +
      ` or ((${retained} unless ignoring(${SLOT_LABELS}) ${keep}) > ${configuredBytes})`
    );
  };
  const rules: AlertRule[] = [
    {
      alert: "ClickPipesSourceDown",
      expr: `${m("up")} == 0`,
      for: "5m",
      labels: labels("critical"),
      annotations: {
        summary: `cdktf-clickpipes health cannot reach source ${source} ({{ $labels.server }})`,
        description: "health could not connect or its queries failed for 5 minutes; slot health is unknown meanwhile.",
        runbook: "Run cdktf-clickpipes health by hand with the same connection to see the one-line reason (network, password, pg_hba.conf, server down). The ClickPipe is likely failing too.",
      },
    },
    {
      alert: "ClickPipesSourceHealthMissing",
      expr: `absent(${m("up")})`,
      for: "15m",
      labels: labels("warning"),
      annotations: {
        summary: `no health metrics for source ${source}`,
        description: "The cron job or textfile collector that runs cdktf-clickpipes health --prometheus --source for this source has not reported for 15 minutes.",
        runbook: "Check the cron job (or systemd timer) and that its output file is in node_exporter's --collector.textfile.directory; run the command by hand.",
      },
    },
    {
      alert: "ClickPipesSlotLost",
      expr: `${m("slot_wal_status", ', wal_status="lost"')} == 1`,
      labels: labels("critical"),
      annotations: {
        summary: `replication slot {{ $labels.slot }} of source ${source} is lost`,
        description: "PostgreSQL invalidated the slot: it retained more WAL than max_slot_wal_keep_size and the WAL it needs was removed. The pipe cannot continue from it.",
        runbook: `Resync the ClickPipe (it creates a new slot and reloads the tables), then drop the lost slot. Raise max_slot_wal_keep_size (server-setup/${source}/postgresql.conf) or fix what kept the pipe from reading. ${ORPHAN}`,
      },
    },
    {
      alert: "ClickPipesSlotUnreserved",
      expr: `${m("slot_wal_status", ', wal_status="unreserved"')} == 1`,
      labels: labels("critical"),
      annotations: {
        summary: `replication slot {{ $labels.slot }} of source ${source} is about to be lost`,
        description: "wal_status is unreserved: the slot holds more WAL than max_slot_wal_keep_size and will be invalidated at the next checkpoint unless its consumer catches up.",
        runbook: "Resume the pipe now (ClickPipes console) or raise max_slot_wal_keep_size and SELECT pg_reload_conf(); once lost, only a full resync helps.",
      },
    },
    {
      alert: "ClickPipesSlotRetainedWalCritical",
      expr: retainedOver(t.retainedWalCritFraction, t.retainedWalCritBytes, t.critBytes),
      for: "5m",
      labels: labels("critical"),
      annotations: {
        summary: `slot {{ $labels.slot }} of source ${source} retains {{ $value | humanize1024 }}B of WAL (critical over ${Math.round(t.retainedWalCritFraction * 100)} % of max_slot_wal_keep_size, or ${size(t.retainedWalCritBytes)} without a limit)`,
        description: `Thresholds: ${keepText}. Past max_slot_wal_keep_size the slot is invalidated and the pipe needs a full resync; without a limit the disk fills.`,
        runbook: `Is the pipe paused or failing (clickpipes_source_slot_active = 0)? Resume or fix it. Is it slow? Look for long transactions (ClickPipesLongTransaction) and large transactions spilling to disk. ${ORPHAN}`,
      },
    },
    {
      alert: "ClickPipesSlotRetainedWalWarning",
      expr: retainedOver(t.retainedWalWarnFraction, t.retainedWalWarnBytes, t.warnBytes),
      for: "15m",
      labels: labels("warning"),
      annotations: {
        summary: `slot {{ $labels.slot }} of source ${source} retains {{ $value | humanize1024 }}B of WAL (warning over ${Math.round(t.retainedWalWarnFraction * 100)} % of max_slot_wal_keep_size, or ${size(t.retainedWalWarnBytes)} without a limit)`,
        description: `Thresholds: ${keepText}. The pipe is behind or stopped; WAL accumulates on the source's disk.`,
        runbook:
          "Check the pipe's status in the ClickPipes console and clickpipes_source_slot_active; a paused pipe keeps its slot and its WAL. Resume it, or if the pipe is gone, see the critical alert's runbook on dropping an orphaned slot.",
      },
    },
    {
      alert: "ClickPipesSlotInactiveCritical",
      expr: `${m("slot_inactive_seconds")} > ${t.inactiveSlotCritSeconds}`,
      labels: labels("critical"),
      annotations: {
        summary: `slot {{ $labels.slot }} of source ${source} has had no consumer for {{ $value | humanizeDuration }} (critical over ${formatDuration(t.inactiveSlotCritSeconds)})`,
        description: "No pipe has read the slot for that long (PostgreSQL 17+ records inactive_since); it retains WAL all the while.",
        runbook: `Resume or fix the pipe. ${ORPHAN}`,
      },
    },
    {
      alert: "ClickPipesSlotInactiveWarning",
      expr: `${m("slot_inactive_seconds")} > ${t.inactiveSlotWarnSeconds}`,
      labels: labels("warning"),
      annotations: {
        summary: `slot {{ $labels.slot }} of source ${source} has had no consumer for {{ $value | humanizeDuration }} (warning over ${formatDuration(t.inactiveSlotWarnSeconds)})`,
        description: "No pipe is reading the slot: the pipe may be paused, failing, or deleted without its slot.",
        runbook: "Check the pipe in the ClickPipes console and resume it; an orphaned slot (its pipe deleted) should be dropped (see the critical alert's runbook).",
      },
    },
    {
      alert: "ClickPipesLongTransaction",
      expr: `${m("oldest_transaction_age_seconds")} > ${t.maxTransactionAgeSeconds}`,
      labels: labels("warning"),
      annotations: {
        summary: `a transaction on source ${source} has been open for {{ $value | humanizeDuration }} (over ${formatDuration(t.maxTransactionAgeSeconds)})`,
        description: "Logical decoding cannot move a slot's restart point past the oldest running transaction: WAL accumulates for every slot, and vacuum is held back.",
        runbook:
          "Run cdktf-clickpipes health to see the session (pid, user, application). End it in the application, or SELECT pg_terminate_backend(pid). Bound such sessions with statement_timeout on application roles (not on the ClickPipes user).",
      },
    },
    {
      alert: "ClickPipesIdleInTransaction",
      expr: `${m("oldest_idle_in_transaction_seconds")} > ${t.idleInTransactionAgeSeconds}`,
      labels: labels("warning"),
      annotations: {
        summary: `a session on source ${source} has been idle in transaction for {{ $value | humanizeDuration }} (over ${formatDuration(t.idleInTransactionAgeSeconds)})`,
        description: "A client opened a transaction and stopped talking: it holds back the slots' WAL (and vacuum) until it commits or is killed.",
        runbook:
          "Run cdktf-clickpipes health to see the session; fix the application (missing commit) or SELECT pg_terminate_backend(pid). Set idle_in_transaction_session_timeout on application roles, e.g. ALTER ROLE app SET idle_in_transaction_session_timeout = '10min'.",
      },
    },
    {
      alert: "ClickPipesHealthCannotSeeSessions",
      expr: `${m("sees_all_sessions")} == 0`,
      for: "1h",
      labels: labels("info"),
      annotations: {
        summary: `health for source ${source} cannot see other users' sessions`,
        description: "The login health runs as is neither superuser nor a member of pg_monitor: old transactions of other users are not checked.",
        runbook: "Run health as the stacks' monitoring role, or GRANT pg_monitor TO the login.",
      },
    },
  ];
  const withUrls = rules.map((r) => ({ ...r, annotations: { ...r.annotations, runbook_url: `${RUNBOOK_DOC_URL}#${runbookAnchor(r.alert)}` } }));
  const header =
    `# Prometheus alerting rules for ClickPipes source "${source}", on the metrics of:\n` +
    `#   cdktf-clickpipes health --prometheus --source ${source} --thresholds server-setup/${source}/${HEALTH_THRESHOLDS_FILE} <connection>\n` +
    `# (every minute, output to node_exporter's textfile directory). Generated by cdktf-clickpipes-postgres; thresholds from the\n` +
    `# source's health block. Check with: promtool check rules ${ALERT_RULES_FILE}\n`;
  return header + stringify({ groups: [{ name: `clickpipes-source-${source}`, rules: withUrls }] }, { lineWidth: 0 });
}

/** `health.json`: the source's thresholds (defaults applied), for `cdktf-clickpipes health --thresholds`. */
export function renderHealthThresholds(src: ResolvedSource): string {
  const h = src.health;
  const spec: Required<HealthThresholdsSpec> = {
    retainedWalWarnFraction: h.retainedWalWarnFraction,
    retainedWalCritFraction: h.retainedWalCritFraction,
    retainedWalWarnBytes: h.retainedWalWarnBytes,
    retainedWalCritBytes: h.retainedWalCritBytes,
    inactiveSlotWarn: formatDuration(h.inactiveSlotWarnSeconds),
    inactiveSlotCrit: formatDuration(h.inactiveSlotCritSeconds),
    maxTransactionAge: formatDuration(h.maxTransactionAgeSeconds),
    idleInTransactionAge: formatDuration(h.idleInTransactionAgeSeconds),
  };
  return JSON.stringify(spec, null, 2) + "\n";
}
