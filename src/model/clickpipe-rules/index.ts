/**
 * The rule table of a ClickPipe (run on the pipe spec with its resolved source): one rule per file,
 * run in this order. The source itself is validated by its own table (SOURCE_RULES) first.
 */
import { ClickPipeRuleInput } from "../clickpipe";
import { Rule } from "../validation";
import { cdcSizingRule } from "./cdc-sizing";
import { failoverSlotsRule } from "./failover-slots";
import { replicationSlotRule } from "./replication-slot";
import { settingsRangeRule } from "./settings-range";
import { sourceSettingsRule } from "./source-settings";
import { stoppedRule } from "./stopped";
import { tableMappingsRule } from "./table-mappings";
import { tableOptionsRule } from "./table-options";
import { targetTablesUniqueRule } from "./target-tables-unique";
import { triggerResyncRule } from "./trigger-resync";

export const CLICKPIPE_RULES: readonly Rule<ClickPipeRuleInput>[] = [
  tableMappingsRule,
  replicationSlotRule,
  failoverSlotsRule,
  cdcSizingRule,
  settingsRangeRule,
  tableOptionsRule,
  targetTablesUniqueRule,
  sourceSettingsRule,
  stoppedRule,
  triggerResyncRule,
];
