import { PostgresSourceSpec } from "../types";
import { Rule } from "../validation";

/** Tables are written `schema.table`. */
export const tableFormatRule: Rule<PostgresSourceSpec> = {
  id: "table-format",
  summary: "every entry of tables is written schema.table",
  check: (s) =>
    (s.tables ?? [])
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => typeof t === "string" && !t.includes("."))
      .map(({ t, i }) => ({ field: `tables[${i}]`, value: t, allowed: "a table written as schema.table" })),
};
