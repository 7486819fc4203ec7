import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding } from "../validation";

function repeats(list: readonly unknown[], field: (i: number) => string, what: string): RuleFinding[] {
  return list.flatMap((v, i) => (list.indexOf(v) !== i ? [{ field: field(i), value: v, allowed: `each ${what} once (it is listed twice)` }] : []));
}

/** Tables, schemas and owners are sets: listing one twice is a mistake. */
export const duplicatesRule: Rule<PostgresSourceSpec> = {
  id: "duplicate",
  summary: "tables, schemas and a schema's owners are each listed once",
  check: (s) => [
    ...repeats(s.tables ?? [], (i) => `tables[${i}]`, "table"),
    ...repeats(
      (s.schemas ?? []).map((x) => x?.name),
      (i) => `schemas[${i}].name`,
      "schema",
    ),
    ...(s.schemas ?? []).flatMap((x, i) => repeats(x?.owners ?? [], (j) => `schemas[${i}].owners[${j}]`, "owner")),
  ],
};
