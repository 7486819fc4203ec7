/**
 * Health thresholds of a source (the `health` block of a source spec): what `cdktf-clickpipes
 * health` judges WARN or CRIT, and what the rendered Prometheus alert rules (and the AWS stacks'
 * alarms) fire on. Pure: no I/O, no cdktf. One validator (`healthThresholdProblems`) serves the
 * rule `health` and the CLI's `--thresholds` file and flags.
 */

import { parseSize, SIZE_ALLOWED } from "./size";

/** Health thresholds of one source. Every field is optional; the defaults are below. */
export interface HealthThresholdsSpec {
  /**
   * WARN when a slot retains more WAL (bytes since its `restart_lsn`) than this fraction of
   * `max_slot_wal_keep_size`. A number above 0 and at most 1, below `retainedWalCritFraction`.
   * @default 0.5
   */
  readonly retainedWalWarnFraction?: number;
  /**
   * CRIT above this fraction of `max_slot_wal_keep_size`: the slot is close to being invalidated
   * (`lost`), after which the pipe needs a full resync.
   * @default 0.8
   */
  readonly retainedWalCritFraction?: number;
  /**
   * WARN above this much retained WAL when `max_slot_wal_keep_size` is -1 (no limit: WAL grows
   * until the disk is full) or the server has no such setting (PostgreSQL 12). Bytes, or a size
   * string such as `"10GiB"` or `"10GB"` (every unit 1024-based: PostgreSQL's GB is a GiB).
   * @default 10737418240 (10 GiB)
   */
  readonly retainedWalWarnBytes?: number | string;
  /**
   * CRIT above this much retained WAL when `max_slot_wal_keep_size` is -1 or missing. Bytes or a
   * size string, as `retainedWalWarnBytes`.
   * @default 53687091200 (50 GiB)
   */
  readonly retainedWalCritBytes?: number | string;
  /**
   * WARN when a slot has had no consumer for longer than this (PostgreSQL 17+, from
   * `inactive_since`; older servers do not record since when). A duration such as `30s`, `15m`,
   * `1h30m`, `2d`.
   * @default "15m"
   */
  readonly inactiveSlotWarn?: string;
  /**
   * CRIT when a slot has had no consumer for longer than this (PostgreSQL 17+).
   * @default "1h"
   */
  readonly inactiveSlotCrit?: string;
  /**
   * WARN for a session whose transaction is older than this: it holds back the slots' WAL (and
   * vacuum). A duration.
   * @default "1h"
   */
  readonly maxTransactionAge?: string;
  /**
   * WARN for a session idle in transaction for longer than this. A duration.
   * @default "5m"
   */
  readonly idleInTransactionAge?: string;
}

/** The thresholds with defaults applied; durations in seconds. */
export interface ResolvedHealthThresholds {
  readonly retainedWalWarnFraction: number;
  readonly retainedWalCritFraction: number;
  readonly retainedWalWarnBytes: number;
  readonly retainedWalCritBytes: number;
  readonly inactiveSlotWarnSeconds: number;
  readonly inactiveSlotCritSeconds: number;
  readonly maxTransactionAgeSeconds: number;
  readonly idleInTransactionAgeSeconds: number;
}

const GIB = 1024 ** 3;

/** The defaults of every `HealthThresholdsSpec` field. */
export const HEALTH_DEFAULTS: Required<HealthThresholdsSpec> = {
  retainedWalWarnFraction: 0.5,
  retainedWalCritFraction: 0.8,
  retainedWalWarnBytes: 10 * GIB,
  retainedWalCritBytes: 50 * GIB,
  inactiveSlotWarn: "15m",
  inactiveSlotCrit: "1h",
  maxTransactionAge: "1h",
  idleInTransactionAge: "5m",
};

/** The fields of `HealthThresholdsSpec`, in declaration order. */
export const HEALTH_FIELDS = Object.keys(HEALTH_DEFAULTS) as (keyof HealthThresholdsSpec)[];

const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** What a duration may look like, for messages. */
export const DURATION_ALLOWED = "a duration such as 30s, 5m, 1h, 1h30m or 2d (units d, h, m, s in that order; at least 1s, at most 365d)";

/** Seconds of a duration (`30s`, `5m`, `1h30m`, `2d`), or `undefined` when it is not one (or 0, or over a year). */
export function parseDuration(text: string): number | undefined {
  const m = typeof text === "string" && text !== "" ? DURATION.exec(text) : null;
  if (!m) return undefined;
  const [d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const seconds = d! * 86400 + h! * 3600 + mi! * 60 + s!;
  return seconds >= 1 && seconds <= 365 * 86400 ? seconds : undefined;
}

/** A number of seconds as a duration (`3725` -> `1h2m5s`). */
export function formatDuration(seconds: number): string {
  let s = Math.max(0, Math.floor(seconds));
  const parts: string[] = [];
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
  ] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
  }
  if (s > 0 || parts.length === 0) parts.push(`${s}s`);
  return parts.join("");
}

/** A problem with one field: the field name, its value, what is allowed. */
export interface HealthThresholdProblem {
  readonly field: keyof HealthThresholdsSpec | "health";
  readonly value: unknown;
  readonly allowed: string;
}

const isFraction = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v > 0 && v <= 1;

/** Every problem of a thresholds block (empty when valid). Unknown fields are problems too. */
export function healthThresholdProblems(spec: unknown): HealthThresholdProblem[] {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    return [{ field: "health", value: spec, allowed: `an object with the fields ${HEALTH_FIELDS.join(", ")}` }];
  }
  const out: HealthThresholdProblem[] = [];
  const h = spec as Record<string, unknown>;
  for (const key of Object.keys(h)) {
    if (!(HEALTH_FIELDS as string[]).includes(key)) out.push({ field: key as keyof HealthThresholdsSpec, value: h[key], allowed: `not a field; the fields are ${HEALTH_FIELDS.join(", ")}` });
  }
  for (const f of ["retainedWalWarnFraction", "retainedWalCritFraction"] as const) {
    if (h[f] !== undefined && !isFraction(h[f])) out.push({ field: f, value: h[f], allowed: "a number above 0 and at most 1 (a fraction of max_slot_wal_keep_size)" });
  }
  for (const f of ["retainedWalWarnBytes", "retainedWalCritBytes"] as const) {
    if (h[f] !== undefined && parseSize(h[f]) === undefined) out.push({ field: f, value: h[f], allowed: SIZE_ALLOWED });
  }
  for (const f of ["inactiveSlotWarn", "inactiveSlotCrit", "maxTransactionAge", "idleInTransactionAge"] as const) {
    if (h[f] !== undefined && parseDuration(h[f] as string) === undefined) out.push({ field: f, value: h[f], allowed: DURATION_ALLOWED });
  }
  if (out.length > 0) return out;
  const r = resolveHealthThresholds(h as HealthThresholdsSpec);
  if (r.retainedWalWarnFraction >= r.retainedWalCritFraction) {
    const f = h.retainedWalWarnFraction !== undefined ? "retainedWalWarnFraction" : "retainedWalCritFraction";
    out.push({ field: f, value: h[f], allowed: `warn below crit (retainedWalWarnFraction ${r.retainedWalWarnFraction} < retainedWalCritFraction ${r.retainedWalCritFraction})` });
  }
  if (r.retainedWalWarnBytes >= r.retainedWalCritBytes) {
    const f = h.retainedWalWarnBytes !== undefined ? "retainedWalWarnBytes" : "retainedWalCritBytes";
    out.push({ field: f, value: h[f], allowed: `warn below crit (retainedWalWarnBytes ${r.retainedWalWarnBytes} < retainedWalCritBytes ${r.retainedWalCritBytes})` });
  }
  if (r.inactiveSlotWarnSeconds >= r.inactiveSlotCritSeconds) {
    const f = h.inactiveSlotWarn !== undefined ? "inactiveSlotWarn" : "inactiveSlotCrit";
    out.push({ field: f, value: h[f], allowed: `warn below crit (inactiveSlotWarn ${formatDuration(r.inactiveSlotWarnSeconds)} < inactiveSlotCrit ${formatDuration(r.inactiveSlotCritSeconds)})` });
  }
  return out;
}

/** Apply the defaults. The spec must be valid (`healthThresholdProblems` empty). */
export function resolveHealthThresholds(spec: HealthThresholdsSpec = {}): ResolvedHealthThresholds {
  const v = { ...HEALTH_DEFAULTS, ...Object.fromEntries(Object.entries(spec).filter(([, x]) => x !== undefined)) } as Required<HealthThresholdsSpec>;
  const seconds = (field: keyof HealthThresholdsSpec) => {
    const s = parseDuration(v[field] as string);
    if (s === undefined) throw new Error(`resolveHealthThresholds: ${field} = ${JSON.stringify(v[field])} is not a duration (validate first)`);
    return s;
  };
  const bytes = (field: "retainedWalWarnBytes" | "retainedWalCritBytes") => {
    const n = parseSize(v[field]);
    if (n === undefined) throw new Error(`resolveHealthThresholds: ${field} = ${JSON.stringify(v[field])} is not a size (validate first)`);
    return n;
  };
  return {
    retainedWalWarnFraction: v.retainedWalWarnFraction,
    retainedWalCritFraction: v.retainedWalCritFraction,
    retainedWalWarnBytes: bytes("retainedWalWarnBytes"),
    retainedWalCritBytes: bytes("retainedWalCritBytes"),
    inactiveSlotWarnSeconds: seconds("inactiveSlotWarn"),
    inactiveSlotCritSeconds: seconds("inactiveSlotCrit"),
    maxTransactionAgeSeconds: seconds("maxTransactionAge"),
    idleInTransactionAgeSeconds: seconds("idleInTransactionAge"),
  };
}

/**
 * The retained-WAL thresholds in bytes for a server: fractions of `max_slot_wal_keep_size` when it
 * is set (bytes > 0), the absolute sizes when it is -1 or absent (PostgreSQL 12).
 */
export function retainedWalThresholds(
  t: ResolvedHealthThresholds,
  maxSlotWalKeepSizeBytes: number | null,
): { readonly warnBytes: number; readonly critBytes: number; readonly from: "max_slot_wal_keep_size" | "absolute" } {
  if (maxSlotWalKeepSizeBytes !== null && maxSlotWalKeepSizeBytes > 0) {
    return {
      warnBytes: Math.round(maxSlotWalKeepSizeBytes * t.retainedWalWarnFraction),
      critBytes: Math.round(maxSlotWalKeepSizeBytes * t.retainedWalCritFraction),
      from: "max_slot_wal_keep_size",
    };
  }
  return { warnBytes: t.retainedWalWarnBytes, critBytes: t.retainedWalCritBytes, from: "absolute" };
}
