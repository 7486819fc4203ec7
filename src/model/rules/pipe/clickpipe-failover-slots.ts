import { ClickPipeRuleInput, FAILOVER_SLOTS_MIN_POSTGRES } from "../../clickpipe";
import { Rule, RuleFinding } from "../../validation";

/** Failover slots exist from PostgreSQL 17 on and cannot be combined with an existing slot. */
export const failoverSlotsRule: Rule<ClickPipeRuleInput> = {
  id: "clickpipe-failover-slots",
  summary: "enableFailoverSlots needs PostgreSQL 17+ and no replicationSlotName",
  check: (i) => {
    const out: RuleFinding[] = [];
    if (i.pipe.enableFailoverSlots !== true) return out;
    if (i.source.postgresVersion < FAILOVER_SLOTS_MIN_POSTGRES) {
      out.push({
        field: "clickpipe.enableFailoverSlots",
        value: true,
        allowed: `false or unset on PostgreSQL ${i.source.postgresVersion} (failover slots exist from ${FAILOVER_SLOTS_MIN_POSTGRES} on)`,
      });
    } else if (i.pipe.replicationSlotName !== undefined) {
      out.push({ field: "clickpipe.enableFailoverSlots", value: true, allowed: "false or unset when replicationSlotName is set (failover applies to the slot ClickPipes creates)" });
    }
    return out;
  },
};
