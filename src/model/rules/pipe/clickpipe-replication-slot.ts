import { ClickPipeReplicationMode, ClickPipeRuleInput } from "../../clickpipe";
import { Rule, RuleFinding } from "../../validation";

/** An existing replication slot can only be given with replication mode cdc_only. */
export const replicationSlotRule: Rule<ClickPipeRuleInput> = {
  id: "clickpipe-replication-slot",
  summary: "replicationSlotName only with replicationMode cdc_only (ClickPipes otherwise creates its own slot)",
  check: (i) => {
    const out: RuleFinding[] = [];
    const mode = i.pipe.replicationMode ?? ClickPipeReplicationMode.CDC;
    if (!(Object.values(ClickPipeReplicationMode) as string[]).includes(mode)) {
      out.push({ field: "clickpipe.replicationMode", value: mode, allowed: `one of ${Object.values(ClickPipeReplicationMode).join(", ")}` });
    } else if (i.pipe.replicationSlotName !== undefined && mode !== ClickPipeReplicationMode.CDC_ONLY) {
      out.push({
        field: "clickpipe.replicationSlotName",
        value: i.pipe.replicationSlotName,
        allowed: `unset unless replicationMode is cdc_only (it is ${mode}; ClickPipes creates and manages its own slot)`,
      });
    }
    return out;
  },
};
