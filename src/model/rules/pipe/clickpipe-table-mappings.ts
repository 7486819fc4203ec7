import { formatTableRef, parseTableRef } from "../../defaults";
import { ClickPipeRuleInput, pipeTables, tableInPublication } from "../../clickpipe";
import { Rule, RuleFinding } from "../../validation";

function publicationDescription(i: ClickPipeRuleInput): string {
  const s = i.source;
  if (s.tables.length > 0) return `a table of publication "${s.publicationName}": ${s.tables.map(formatTableRef).join(", ")}`;
  return `a table of publication "${s.publicationName}" (schemas ${s.schemas.map((x) => x.name).join(", ")})`;
}

/** Every replicated and every renamed table is in the source's publication; the pipe has a table. */
export const tableMappingsRule: Rule<ClickPipeRuleInput> = {
  id: "clickpipe-table-mappings",
  summary: "tables and targetTables of the pipe name tables of the source's publication, and there is at least one",
  check: (i) => {
    const out: RuleFinding[] = [];
    const allowed = publicationDescription(i);
    (i.pipe.tables ?? []).forEach((ref, n) => {
      const t = parseTableRef(ref);
      if (t.schema === "" || !tableInPublication(i.source, t)) out.push({ field: `clickpipe.tables[${n}]`, value: ref, allowed });
    });
    const replicated = new Set(pipeTables(i.source, i.pipe).map(formatTableRef));
    for (const [ref, target] of Object.entries(i.pipe.targetTables ?? {})) {
      const t = parseTableRef(ref);
      if (t.schema === "" || !tableInPublication(i.source, t)) {
        out.push({ field: `clickpipe.targetTables["${ref}"]`, value: target, allowed: `a mapping for ${allowed}` });
      } else if (!replicated.has(ref)) {
        out.push({ field: `clickpipe.targetTables["${ref}"]`, value: target, allowed: `a mapping for a replicated table: ${[...replicated].join(", ")}` });
      } else if (typeof target !== "string" || target === "") {
        out.push({ field: `clickpipe.targetTables["${ref}"]`, value: target, allowed: "a non-empty ClickHouse table name" });
      }
    }
    if (i.pipe.tables === undefined && i.source.tables.length === 0) {
      out.push({
        field: "clickpipe.tables",
        value: undefined,
        allowed: "the tables to replicate as schema.table (the publication is schema-wide or FOR ALL TABLES, so its tables are unknown at synth)",
      });
    } else if (i.pipe.tables !== undefined && i.pipe.tables.length === 0) {
      out.push({ field: "clickpipe.tables", value: [], allowed: "at least one table as schema.table" });
    }
    return out;
  },
};
