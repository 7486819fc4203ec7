import { ClickPipeRuleInput } from "../../clickpipe";
import { Rule, RuleFinding, Severity } from "../../validation";

/**
 * `trigger_resync`: the provider plans it as false after the resync (`ModifyPlan`), so while the
 * config says true every plan shows a change and every apply re-snapshots every table.
 */
export const triggerResyncRule: Rule<ClickPipeRuleInput> = {
  id: "clickpipe-trigger-resync",
  summary: "triggerResync is a boolean; true re-snapshots every table on every apply until it is removed",
  check: (i) => {
    const out: RuleFinding[] = [];
    const v = i.pipe.triggerResync;
    if (v === undefined || v === false) return out;
    if (v !== true) {
      out.push({ field: "clickpipe.triggerResync", value: v, allowed: "true (resync once) or false" });
    } else {
      out.push({
        severity: Severity.WARNING,
        field: "clickpipe.triggerResync",
        value: true,
        allowed:
          "true for one deploy only: it re-snapshots every table, and the provider resets it to false, so every plan shows a change and every apply resyncs again until you remove it; use it to rebuild the ClickHouse tables (after a schema change the pipe cannot follow, a lost replication slot, or target tables that diverged)",
      });
    }
    return out;
  },
};
