import { formatTableRef } from "../../defaults";
import { ClickPipeRuleInput, tableMappings } from "../../clickpipe";
import { Rule, RuleFinding } from "../../validation";

/** Each target table once (the provider's ModifyPlan: "Each target_table must be unique."). */
export const targetTablesUniqueRule: Rule<ClickPipeRuleInput> = {
  id: "clickpipe-target-tables-unique",
  summary: "no two replicated tables map to the same ClickHouse table",
  check: (i) => {
    const out: RuleFinding[] = [];
    const first = new Map<string, string>();
    for (const m of tableMappings(i.source, i.pipe)) {
      const ref = formatTableRef({ schema: m.sourceSchema, table: m.sourceTable });
      const seen = first.get(m.targetTable);
      if (seen === undefined) {
        first.set(m.targetTable, ref);
      } else {
        out.push({
          field: `clickpipe.targetTables["${ref}"]`,
          value: m.targetTable,
          allowed: `a target table no other table uses (${seen} maps to "${m.targetTable}"; the provider requires each target_table once)`,
        });
      }
    }
    return out;
  },
};
