/**
 * The rule table of a ClickPipe (run on the pipe spec with its resolved source): one rule per file,
 * run in this order. The source itself is validated by its own table (SOURCE_RULES) first.
 */
import { ClickPipeRuleInput } from "../../clickpipe";
import { Rule } from "../../validation";
import { cdcSizingRule } from "./clickpipe-cdc-sizing";
import { failoverSlotsRule } from "./clickpipe-failover-slots";
import { replicationSlotRule } from "./clickpipe-replication-slot";
import { tableMappingsRule } from "./clickpipe-table-mappings";
import { settingsRangeRule } from "./clickpipe-settings-range";
import { sourceSettingsRule } from "./clickpipe-source-settings";
import { stoppedRule } from "./clickpipe-stopped";
import { tableOptionsRule } from "./clickpipe-table-options";
import { targetTablesUniqueRule } from "./clickpipe-target-tables-unique";
import { triggerResyncRule } from "./clickpipe-trigger-resync";
import { privateServiceConnectRule } from "./clickpipe-private-service-connect";

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
  privateServiceConnectRule,
];
