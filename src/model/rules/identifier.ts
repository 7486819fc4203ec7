import { carrierProblem, IDENTIFIER_ALLOWED, identifierProblem, NAME_CARRIERS, NameCarrier, PLAIN_IDENTIFIER_ALLOWED, plainIdentifierProblem } from "../identifiers";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding } from "../validation";

/**
 * Every PostgreSQL name the spec holds. Names of existing objects: non-empty, at most 63 bytes, no
 * dot, newline or NUL, and nothing a format they land in cannot carry (see `NAME_CARRIERS`). The
 * publication name, which the provider writes into SQL unquoted: a plain lower-case identifier.
 */
export const identifiersRule: Rule<PostgresSourceSpec> = {
  id: "identifier",
  summary: "names are PostgreSQL identifiers every artefact can carry; the publication name is a plain lower-case identifier",
  check: (s) => {
    const schemaWide = (s.tables === undefined || (Array.isArray(s.tables) && s.tables.length === 0)) && s.publication?.allTables !== true;
    const named: [string, unknown, readonly NameCarrier[]][] = [["database", s.database, NAME_CARRIERS.database]];
    if (s.adminUser !== undefined) named.push(["adminUser", s.adminUser, []]);
    if (s.user?.name !== undefined) named.push(["user.name", s.user.name, NAME_CARRIERS.userName]);
    (s.schemas ?? []).forEach((schema, i) => {
      named.push([`schemas[${i}].name`, schema?.name, schemaWide ? NAME_CARRIERS.schemaListed : []]);
      (schema?.owners ?? []).forEach((o, j) => named.push([`schemas[${i}].owners[${j}]`, o, []]));
    });
    (s.tables ?? []).forEach((t, i) => {
      if (typeof t !== "string") return named.push([`tables[${i}]`, t, []]);
      const dot = t.indexOf(".");
      if (dot < 0) return undefined; // reported by the table-format rule
      named.push([`tables[${i}] (schema part)`, t.slice(0, dot), []], [`tables[${i}] (table part)`, t.slice(dot + 1), NAME_CARRIERS.table]);
      return undefined;
    });
    const out: RuleFinding[] = [];
    for (const [field, value, carriers] of named) {
      const problem = identifierProblem(value) ?? carrierProblem(value as string, carriers);
      if (problem) out.push({ field, value, allowed: `${IDENTIFIER_ALLOWED} (this one ${problem})` });
    }
    if (s.publication?.name !== undefined) {
      const problem = plainIdentifierProblem(s.publication.name);
      if (problem) {
        out.push({
          field: "publication.name",
          value: s.publication.name,
          allowed: `${PLAIN_IDENTIFIER_ALLOWED}, because the postgresql provider writes it into SQL unquoted (this one ${problem})`,
        });
      }
    }
    return out;
  },
};
