import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding } from "../validation";

/** Something must be replicated, and FOR ALL TABLES cannot be combined with a table list. */
export const objectsRule: Rule<PostgresSourceSpec> = {
  id: "objects",
  summary: "at least one schema or table; publication.allTables is not combined with tables",
  check: (s) => {
    const out: RuleFinding[] = [];
    const tables = s.tables ?? [];
    const schemas = s.schemas ?? [];
    if (s.publication?.allTables === true && tables.length > 0) {
      out.push({ field: "publication.allTables", value: true, allowed: "false when tables are listed (FOR ALL TABLES and FOR TABLE exclude each other)" });
    }
    if (tables.length === 0 && schemas.length === 0) {
      out.push({ field: "schemas", value: schemas, allowed: "at least one schema or one table (schemas or tables)" });
    }
    return out;
  },
};
