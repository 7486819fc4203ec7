import { AwsSourceSpec } from "../../aws-types";
import { MAX_ALARM_EVALUATION_SECONDS } from "../../cloudwatch-alarms";
import { Rule, RuleFinding } from "../../validation";
import { parseSize, SIZE_ALLOWED } from "../../size";

const THRESHOLDS = ["oldestReplicationSlotLagBytes", "replicationSlotDiskUsageBytes", "transactionLogsDiskUsageBytes", "freeStorageSpaceBytes"] as const;

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v);

/** CloudWatch alarm settings: a boolean switch, positive byte thresholds, periods CloudWatch accepts. */
export const alarmThresholdsRule: Rule<AwsSourceSpec> = {
  id: "alarm-thresholds",
  summary:
    "alarms.enabled is a boolean; thresholds are sizes (bytes, or with kB/KiB … TB/TiB); allocatedStorageGib RDS only; periodSeconds a multiple of 60; evaluationPeriods x periodSeconds at most one day",
  check: (s) => {
    const a = s.alarms;
    if (a === undefined) return [];
    if (typeof a !== "object" || a === null || Array.isArray(a)) return [{ field: "alarms", value: a, allowed: "an object ({} for the defaults, { enabled: false } for none)" }];
    const out: RuleFinding[] = [];
    if (a.enabled !== undefined && typeof a.enabled !== "boolean") out.push({ field: "alarms.enabled", value: a.enabled, allowed: "true or false" });
    for (const f of THRESHOLDS) {
      const v = a[f];
      if (v !== undefined && parseSize(v) === undefined) out.push({ field: `alarms.${f}`, value: v, allowed: SIZE_ALLOWED });
    }
    const fraction = a.freeStorageSpaceFraction;
    if (fraction !== undefined && !(typeof fraction === "number" && Number.isFinite(fraction) && fraction > 0 && fraction < 1)) {
      out.push({ field: "alarms.freeStorageSpaceFraction", value: fraction, allowed: "a number above 0 and below 1 (a fraction of the allocated storage)" });
    }
    const gib = a.allocatedStorageGib;
    if (gib !== undefined && !(isInt(gib) && gib >= 1)) {
      out.push({ field: "alarms.allocatedStorageGib", value: gib, allowed: "a whole number of GiB of at least 1 (the instance's allocated_storage)" });
    }
    const period = a.periodSeconds;
    if (period !== undefined && !(isInt(period) && period >= 60 && period % 60 === 0)) {
      out.push({ field: "alarms.periodSeconds", value: period, allowed: "a multiple of 60 seconds (the AWS/RDS metrics are published every minute)" });
    }
    const n = a.evaluationPeriods;
    if (n !== undefined && !(isInt(n) && n >= 1)) out.push({ field: "alarms.evaluationPeriods", value: n, allowed: "an integer of at least 1" });
    else if ((n ?? 3) * (isInt(period) ? period : 300) > MAX_ALARM_EVALUATION_SECONDS) {
      out.push({
        field: "alarms.evaluationPeriods",
        value: n ?? 3,
        allowed: `at most ${Math.floor(MAX_ALARM_EVALUATION_SECONDS / (isInt(period) ? period : 300))} with periodSeconds ${isInt(period) ? period : 300} (CloudWatch evaluates at most one day)`,
      });
    }
    return out;
  },
};
