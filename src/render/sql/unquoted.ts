/**
 * The SQL preview trusts no name: every field of a stack that cyrilgdn/postgresql 1.26.0 writes into
 * SQL without quoting (or without escaping) is checked again, with the identifier rules the
 * constructs apply at synth (`src/model/identifiers.ts`), when a stack is read. A pull request
 * controls its own synth output, so a name the constructs would have refused can still arrive in
 * cdk.tf.json; the preview then refuses the stack (`sql` exits 2 naming the field), and `diff` can
 * judge the same problems (`unquotedFieldProblems`).
 *
 * The fields (the audit is in docs/security.md):
 * - `postgresql_publication.name` and `.owner`: `CREATE PUBLICATION %s`, `ALTER PUBLICATION %s ...`,
 *   `OWNER TO %s`, unquoted: a plain lower-case identifier.
 * - `postgresql_publication.database`, `postgresql_*.database`, provider `database`: the provider's
 *   connection URL, not escaped (`?`, `#`, `%` refused; plus the identifier rules).
 * - `data.postgresql_tables`: `schemas`, `table_types`, `like_any_patterns`, `like_all_patterns`,
 *   `not_like_all_patterns`, `regex_pattern` go into `'%s'` without escaping (`'` and `\` refused).
 * - `postgresql_grant.objects`: quoted only up to the first `(` (`(` refused), and `schema` / the
 *   table parts with the identifier rules.
 *
 * Values that are Terraform expressions (`${var.x}`) are not literal names and are not checked here.
 */
import { carrierProblem, IDENTIFIER_ALLOWED, identifierProblem, NAME_CARRIERS, NameCarrier, PLAIN_IDENTIFIER_ALLOWED, plainIdentifierProblem } from "../../model/identifiers";
import { literalString, providerConfig, StackJson, stackNodes } from "../../synth-output/stack-json";

/** One field of a stack that fails the rules for what the provider writes unquoted. */
export interface UnquotedFieldProblem {
  /** `type.name` (or `data.type.name`, or `provider.postgresql`). */
  readonly address: string;
  /** The attribute, with the list index (`schemas[1]`). */
  readonly field: string;
  readonly value: string;
  /** Why (`contains ";"`), then what is allowed. */
  readonly problem: string;
  readonly allowed: string;
}

interface FieldRule {
  readonly check: (v: string) => string | undefined;
  readonly allowed: string;
}

const plain: FieldRule = { check: plainIdentifierProblem, allowed: `${PLAIN_IDENTIFIER_ALLOWED} (the provider writes it into SQL unquoted)` };
const carried = (carriers: readonly NameCarrier[], basic = true): FieldRule => ({
  check: (v) => (basic ? identifierProblem(v) : undefined) ?? carrierProblem(v, carriers),
  allowed: basic
    ? `${IDENTIFIER_ALLOWED}, without ${carriers
        .flatMap((c) => c.refused)
        .map((c) => JSON.stringify(c))
        .join(" ")}`
    : `no ${carriers
        .flatMap((c) => c.refused)
        .map((c) => JSON.stringify(c))
        .join(" ")}`,
});
const database = carried(NAME_CARRIERS.database);
const quotedInList = carried(NAME_CARRIERS.schemaListed, false);
const grantObject = carried(NAME_CARRIERS.table);
const schema = carried([]);

/** Per resource type (`data.` prefix for data sources): attribute -> rule (a list attribute: every element). */
const FIELDS: Record<string, Record<string, FieldRule>> = {
  postgresql_publication: { name: plain, owner: plain, database },
  "data.postgresql_tables": {
    database,
    schemas: { check: (v) => identifierProblem(v) ?? carrierProblem(v, NAME_CARRIERS.schemaListed), allowed: `${IDENTIFIER_ALLOWED}, without "'" "\\\\"` },
    table_types: quotedInList,
    like_any_patterns: quotedInList,
    like_all_patterns: quotedInList,
    not_like_all_patterns: quotedInList,
    regex_pattern: quotedInList,
  },
  postgresql_grant: { database, schema, objects: grantObject },
  postgresql_default_privileges: { database, schema },
};

/** Object types whose `objects` are relation names (a function's keep their argument list in parentheses). */
const RELATION_OBJECT_TYPES = new Set(["table", "sequence"]);

/**
 * Every field of `json` the provider writes unquoted (or unescaped) whose literal value fails the
 * constructs' identifier rules, in the JSON's order.
 */
export function unquotedFieldProblems(json: StackJson): UnquotedFieldProblem[] {
  const out: UnquotedFieldProblem[] = [];
  const checkValue = (address: string, field: string, v: unknown, rule: FieldRule) => {
    const s = literalString(v);
    if (s === undefined) return;
    const problem = rule.check(s);
    if (problem) out.push({ address, field, value: s, problem, allowed: rule.allowed });
  };
  for (const node of stackNodes(json)) {
    const fields = FIELDS[node.mode === "data" ? `data.${node.type}` : node.type];
    if (!fields) continue;
    for (const [attr, rule] of Object.entries(fields)) {
      if (attr === "objects" && !RELATION_OBJECT_TYPES.has(String(node.config.object_type))) continue;
      const v = node.config[attr];
      if (Array.isArray(v)) v.forEach((x, i) => checkValue(node.address, `${attr}[${i}]`, x, rule));
      else checkValue(node.address, attr, v, rule);
    }
  }
  checkValue("provider.postgresql", "database", providerConfig(json, "postgresql").database, database);
  return out;
}
