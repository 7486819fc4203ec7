import { healthThresholdProblems } from "../health";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding } from "../validation";

/** The `health` block (thresholds of `cdktf-clickpipes health`, the alert rules and alarms) is well-formed. */
export const healthRule: Rule<PostgresSourceSpec> = {
  id: "health",
  summary: "health thresholds: fractions in (0, 1], byte sizes above 0, durations such as 15m or 1h, each warn threshold below its crit",
  check: (s) =>
    s.health === undefined ? [] : healthThresholdProblems(s.health).map((p): RuleFinding => ({ field: p.field === "health" ? "health" : `health.${p.field}`, value: p.value, allowed: p.allowed })),
};
