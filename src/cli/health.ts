/**
 * `cdktf-clickpipes health`: replication slots and old transactions of a live source, for a DBA's
 * cron job or node_exporter's textfile collector. Read-only; safe every minute.
 * Exit 0 when nothing is critical (warnings allowed), 1 when something is, 2 when called wrongly
 * or the source could not be reached.
 */
import type { CommandModule } from "./main";
import { CommandDoc, helpText } from "./args";
import { connectionUrl, parseWith, timeoutOption } from "./connection-args";
import { escapeControl, escapeOneLine, escapeTerminal, readTextFile } from "../util/text-file";
import { jsonText } from "../util/markdown";
import { DURATION_ALLOWED, HEALTH_FIELDS, HealthThresholdsSpec, healthThresholdProblems, parseDuration, resolveHealthThresholds } from "../model/health";
import { formatHealthPrometheus, formatHealthText, formatUnreachablePrometheus } from "../health/format";
import { checkHealth, DEFAULT_HEALTH_TIMEOUT_SECONDS, HealthError } from "../health/health";
import { HealthOptions, HealthStatus } from "../health/types";
import { resolveConnection } from "../pg/connection";
import { parseSize, SIZE_ALLOWED } from "../model/size";
import { argumentSecrets, redact, redactDeep } from "../pg/secrets";
import { VerifyError } from "../verify/types";

export const HEALTH_DOC: CommandDoc = {
  command: "health",
  usage: "[postgres://user@host:port/db | --url URL] [options]",
  description:
    "Checks the replication slots of the database and the sessions that hold WAL back: per logical slot its plugin, consumer, wal_status, safe_wal_size, retained and unconfirmed WAL, inactive time (17+), spill/stream counters (14+); transactions older than --max-transaction-age or idle in transaction. Connects like verify (the URL, or PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGPASSFILE, PGSSLMODE); runs one READ ONLY transaction; the password is never printed. Use a login with pg_monitor (the stacks' monitoring role) to see every session.",
  options: [
    { name: "--url", value: "<url>", description: "connection string (or give it as the only positional argument)" },
    { name: "--slot", value: "<name>", multiple: true, description: "check this slot; default every logical slot of the database" },
    { name: "--source", value: "<name>", description: 'the source\'s name in the config: label source="NAME" on every metric (the rendered alert rules select it)' },
    { name: "--thresholds", value: "<file>", description: "JSON thresholds (the source's health block; synth writes it to server-setup/<source>/health.json); the options below override it" },
    { name: "--retained-wal-warn-fraction", value: "<f>", description: "WARN above f x max_slot_wal_keep_size of retained WAL (default 0.5)" },
    { name: "--retained-wal-crit-fraction", value: "<f>", description: "CRIT above f x max_slot_wal_keep_size (default 0.8)" },
    { name: "--retained-wal-warn-bytes", value: "<size>", description: "WARN above size when max_slot_wal_keep_size is -1 or absent (default 10GiB)" },
    {
      name: "--retained-wal-crit-bytes",
      value: "<size>",
      description: "CRIT above size then (default 50GiB); size: bytes, or with kB/KiB, MB/MiB, GB/GiB, TB/TiB, all 1024-based (PostgreSQL's MB = MiB = 1024^2 bytes)",
    },
    { name: "--inactive-slot-warn", value: "<duration>", description: "WARN for a slot without consumer this long (PostgreSQL 17+; default 15m)" },
    { name: "--inactive-slot-crit", value: "<duration>", description: "CRIT for it (default 1h)" },
    { name: "--max-transaction-age", value: "<duration>", description: "WARN for a transaction open longer (default 1h); duration: 30s, 5m, 1h30m, 2d" },
    { name: "--idle-in-transaction-age", value: "<duration>", description: "WARN for a session idle in transaction longer (default 5m)" },
    { name: "--timeout", value: "<seconds>", description: `give up on a connection or query after this long (default ${DEFAULT_HEALTH_TIMEOUT_SECONDS})` },
    { name: "--json", description: "print the report as JSON (schemas/health-report.schema.json)" },
    { name: "--prometheus", description: 'print Prometheus text exposition format (clickpipes_source_* metrics; "clickpipes_source_up 0" when the source cannot be reached)' },
  ],
  exitCodes: [
    [0, "nothing critical (warnings allowed)"],
    [1, "something critical"],
    [2, "called wrongly, or the source could not be reached"],
  ],
  examples: ["cdktf-clickpipes health postgres://clickpipes_monitor@db.example.com/orders --source orders-db --prometheus > /var/lib/node_exporter/clickpipes.prom"],
};

/** The `--help` text of health (generated from `HEALTH_DOC`). */
export const HEALTH_USAGE = helpText(HEALTH_DOC);

/** Flags that set one threshold field, and how their value is read. */
const THRESHOLD_FLAGS: Record<string, { field: keyof HealthThresholdsSpec; kind: "fraction" | "size" | "duration" }> = {
  "--retained-wal-warn-fraction": { field: "retainedWalWarnFraction", kind: "fraction" },
  "--retained-wal-crit-fraction": { field: "retainedWalCritFraction", kind: "fraction" },
  "--retained-wal-warn-bytes": { field: "retainedWalWarnBytes", kind: "size" },
  "--retained-wal-crit-bytes": { field: "retainedWalCritBytes", kind: "size" },
  "--inactive-slot-warn": { field: "inactiveSlotWarn", kind: "duration" },
  "--inactive-slot-crit": { field: "inactiveSlotCrit", kind: "duration" },
  "--max-transaction-age": { field: "maxTransactionAge", kind: "duration" },
  "--idle-in-transaction-age": { field: "idleInTransactionAge", kind: "duration" },
};

/** Bytes of a size (`1048576`, `512kB`, `10GB`, `10GiB`; every unit 1024-based), or `undefined`. */
export { parseSize };

export type HealthOutput = "text" | "json" | "prometheus";

interface Parsed {
  readonly options: HealthOptions;
  readonly output: HealthOutput;
  readonly help: boolean;
}

/** Read the `--thresholds` file: a JSON object of `HealthThresholdsSpec` fields. Throws `VerifyError` (one line). */
function readThresholdsFile(file: string): HealthThresholdsSpec {
  const read = readTextFile(file, 64 * 1024);
  if ("problem" in read) throw new VerifyError(`--thresholds ${escapeControl(file)}: ${read.problem.what}`);
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch (e) {
    throw new VerifyError(`--thresholds ${JSON.stringify(file)}: not JSON (${String((e as Error).message).split("\n")[0]})`);
  }
  const problems = healthThresholdProblems(value);
  if (problems.length > 0) {
    const p = problems[0]!;
    throw new VerifyError(`--thresholds ${JSON.stringify(file)}: ${p.field} = ${JSON.stringify(p.value) ?? "(missing)"} is not allowed: ${p.allowed}`);
  }
  return value as HealthThresholdsSpec;
}

/** One threshold flag's value, read by its kind. Throws `VerifyError` (one line). */
function thresholdValue(flag: string, kind: "fraction" | "size" | "duration", v: string): string | number {
  if (kind === "duration") {
    if (parseDuration(v) === undefined) throw new VerifyError(`${flag} = ${JSON.stringify(v)} is not allowed: ${DURATION_ALLOWED}`);
    return v;
  }
  if (kind === "size") {
    const n = parseSize(v);
    if (n === undefined) throw new VerifyError(`${flag} = ${JSON.stringify(v)} is not allowed: ${SIZE_ALLOWED}`);
    return n;
  }
  const n = Number(v);
  if (!(v.trim() !== "" && Number.isFinite(n) && n > 0 && n <= 1)) throw new VerifyError(`${flag} = ${JSON.stringify(v)} is not allowed: a number above 0 and at most 1 (e.g. 0.5)`);
  return n;
}

/**
 * Parse the arguments with the shared parser (src/cli/args.ts: unknown options, missing values and
 * values given to flags get its one wording), then read the values. Throws `VerifyError` (one line)
 * for a wrong call.
 */
export function parseHealthArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): Parsed {
  const { values: v, positionals, help } = parseWith(HEALTH_DOC, args);
  if (help) return { options: {}, output: "text", help };
  const str = (name: string) => v[name] as string | undefined;
  if (v.json && v.prometheus) throw new VerifyError("--json and --prometheus exclude each other: give one");
  const output: HealthOutput = v.json ? "json" : v.prometheus ? "prometheus" : "text";
  const flags: Record<string, unknown> = {};
  const flagOf: Partial<Record<keyof HealthThresholdsSpec, string>> = {};
  for (const [flag, { field, kind }] of Object.entries(THRESHOLD_FLAGS)) {
    const value = str(flag.slice(2));
    if (value === undefined) continue;
    flags[field] = thresholdValue(flag, kind, value);
    flagOf[field] = flag;
  }
  const slots = (v.slot as string[] | undefined) ?? [];
  if (slots.includes("")) throw new VerifyError("--slot needs a slot name");
  const source = str("source");
  if (source === "") throw new VerifyError("--source needs the source's name");
  const timeoutSeconds = timeoutOption(str("timeout"));
  const url = connectionUrl(str("url"), positionals);
  const file = str("thresholds");
  const merged = { ...(file !== undefined ? readThresholdsFile(file) : {}), ...flags } as HealthThresholdsSpec;
  // Each value is valid alone; what is left is warn above crit.
  const problem = healthThresholdProblems(merged)[0];
  if (problem) {
    const field = problem.field as keyof HealthThresholdsSpec;
    const name = flagOf[field] ?? (file !== undefined && HEALTH_FIELDS.includes(field) ? `${field} (--thresholds)` : field);
    throw new VerifyError(`${name} = ${JSON.stringify(problem.value) ?? "(default)"} is not allowed: ${problem.allowed}`);
  }
  return { options: { connection: { url }, slots, source, thresholds: resolveHealthThresholds(merged), timeoutSeconds, env }, output, help };
}

/**
 * Run health with CLI arguments; write to stdout/stderr; return the exit code. Every byte written
 * passes `redact` with the secrets of every connection input, as verify's output does; text has its
 * control characters escaped.
 */
export async function runHealth(
  args: readonly string[],
  rawIo: { out: (s: string) => void; err: (s: string) => void } = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  // The secrets actually in play: those written in the arguments, then the one password the
  // connection uses (URL, PGPASSWORD or the one matching pgpass line), never every pgpass entry.
  const secrets = argumentSecrets(args);
  const err = (s: string) => rawIo.err(escapeOneLine(redact(s, secrets)) + "\n");
  const prometheus = args.includes("--prometheus");
  let source: string | null = null;
  try {
    const parsed = parseHealthArgs(args, env);
    source = parsed.options.source ?? null;
    if (parsed.help) {
      rawIo.out(escapeTerminal(HEALTH_USAGE));
      return 0;
    }
    try {
      const used = resolveConnection(parsed.options.connection ?? {}, env, {}, parsed.options.timeoutSeconds ?? 10).config.password;
      if (typeof used === "string" && used) secrets.push(used);
    } catch {
      // checkHealth reports the same problem in one line
    }
    const report = redactDeep(await checkHealth(parsed.options), secrets);
    // Strings redacted inside the report: numbers and metric values are never touched.
    rawIo.out(parsed.output === "json" ? jsonText(report) + "\n" : parsed.output === "prometheus" ? escapeControl(formatHealthPrometheus(report)) : escapeTerminal(formatHealthText(report)));
    return report.verdict === HealthStatus.CRIT ? 1 : 0;
  } catch (e) {
    const message = e instanceof VerifyError ? e.message : `unexpected error: ${String((e as Error)?.message ?? e).split("\n")[0]}`;
    // A scrape of the textfile still learns that the source is down.
    if (prometheus && e instanceof HealthError && e.target) rawIo.out(escapeControl(formatUnreachablePrometheus(redactDeep(e.target, secrets), source === null ? null : redact(source, secrets))));
    err(`cdktf-clickpipes health: ${message}`);
    return 2;
  }
}

export const HEALTH_COMMAND: CommandModule = {
  run: (args) => runHealth(args),
};
