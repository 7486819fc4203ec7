import { formatTableRef, parseTableRef } from "../../defaults";
import { ClickPipeRuleInput, ClickPipeTableEngine, pipeTables } from "../../clickpipe";
import { Rule, RuleFinding } from "../../validation";

const ENGINES = Object.values(ClickPipeTableEngine) as string[];

function columnList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((c) => typeof c === "string" && c !== "");
}

/**
 * `tableOptions`: keyed by a replicated table; excluded columns and sorting keys are lists of column
 * names, an excluded column is not in the sorting key, the engine is one the provider accepts
 * (`ClickPipePostgresTableEngines`), `partitionByExpr` is not blank (the provider's regex `\S`).
 */
export const tableOptionsRule: Rule<ClickPipeRuleInput> = {
  id: "clickpipe-table-options",
  summary: "tableOptions name replicated tables; columns are names; excluded columns are not sorting keys; engine MergeTree, ReplacingMergeTree or Null",
  check: (i) => {
    const out: RuleFinding[] = [];
    const opts = i.pipe.tableOptions;
    if (opts === undefined) return out;
    const replicated = pipeTables(i.source, i.pipe).map(formatTableRef);
    for (const [ref, o] of Object.entries(opts)) {
      const f = `clickpipe.tableOptions["${ref}"]`;
      const t = parseTableRef(ref);
      if (t.schema === "" || !replicated.includes(ref)) {
        out.push({ field: f, value: o, allowed: `options of a replicated table: ${replicated.join(", ")}` });
        continue;
      }
      if (o === null || typeof o !== "object") {
        out.push({ field: f, value: o, allowed: "an object with excludedColumns, sortingKeys, tableEngine, partitionKey, partitionByExpr" });
        continue;
      }
      if (o.excludedColumns !== undefined && !columnList(o.excludedColumns)) {
        out.push({ field: `${f}.excludedColumns`, value: o.excludedColumns, allowed: "a list of column names" });
      }
      if (o.sortingKeys !== undefined) {
        if (!columnList(o.sortingKeys) || o.sortingKeys.length === 0) {
          out.push({ field: `${f}.sortingKeys`, value: o.sortingKeys, allowed: "a non-empty list of column names (leave it out to sort by the primary key)" });
        } else if (new Set(o.sortingKeys).size !== o.sortingKeys.length) {
          out.push({ field: `${f}.sortingKeys`, value: o.sortingKeys, allowed: "each column once" });
        } else if (columnList(o.excludedColumns)) {
          const both = o.excludedColumns.filter((c) => o.sortingKeys!.includes(c));
          if (both.length > 0) {
            out.push({
              field: `${f}.excludedColumns`,
              value: both,
              allowed: "columns outside sortingKeys (an excluded column cannot be part of the sorting key)",
            });
          }
        }
      }
      if (o.tableEngine !== undefined && !ENGINES.includes(o.tableEngine)) {
        out.push({ field: `${f}.tableEngine`, value: o.tableEngine, allowed: `one of ${ENGINES.join(", ")}` });
      }
      if (o.partitionKey !== undefined && (typeof o.partitionKey !== "string" || o.partitionKey === "")) {
        out.push({ field: `${f}.partitionKey`, value: o.partitionKey, allowed: "the name of an indexed smallint, integer, bigint or timestamp column" });
      }
      if (o.partitionByExpr !== undefined && (typeof o.partitionByExpr !== "string" || !/\S/.test(o.partitionByExpr))) {
        out.push({ field: `${f}.partitionByExpr`, value: o.partitionByExpr, allowed: "a ClickHouse PARTITION BY expression (not blank; leave it out for none)" });
      }
    }
    return out;
  },
};
