import { identifierProblem, IDENTIFIER_ALLOWED } from "../identifiers";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding } from "../validation";

/** Every PostgreSQL identifier the spec names: non-empty, at most 63 bytes, no dot, no NUL. */
export const identifiersRule: Rule<PostgresSourceSpec> = {
  id: "identifier",
  summary: "database, role, schema, table and publication names are valid PostgreSQL identifiers without dots",
  check: (s) => {
    const named: [string, unknown][] = [["database", s.database]];
    if (s.adminUser !== undefined) named.push(["adminUser", s.adminUser]);
    if (s.user?.name !== undefined) named.push(["user.name", s.user.name]);
    if (s.publication?.name !== undefined) named.push(["publication.name", s.publication.name]);
    (s.schemas ?? []).forEach((schema, i) => {
      named.push([`schemas[${i}].name`, schema?.name]);
      (schema?.owners ?? []).forEach((o, j) => named.push([`schemas[${i}].owners[${j}]`, o]));
    });
    (s.tables ?? []).forEach((t, i) => {
      if (typeof t !== "string") return named.push([`tables[${i}]`, t]);
      const dot = t.indexOf(".");
      if (dot < 0) return undefined; // reported by the table-format rule
      named.push([`tables[${i}] (schema part)`, t.slice(0, dot)], [`tables[${i}] (table part)`, t.slice(dot + 1)]);
      return undefined;
    });
    const out: RuleFinding[] = [];
    for (const [field, value] of named) {
      const problem = identifierProblem(value);
      if (problem) out.push({ field, value, allowed: `${IDENTIFIER_ALLOWED} (this one ${problem})` });
    }
    return out;
  },
};
