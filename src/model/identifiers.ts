/**
 * The identifier model: which names this tool accepts, and why.
 *
 * - Names this tool creates and that cyrilgdn/postgresql 1.26.0 writes into SQL WITHOUT quoting
 *   (the publication: `CREATE PUBLICATION %s`, `ALTER PUBLICATION %s ADD/DROP TABLE`, `OWNER TO`,
 *   `SET (...)`, read back with `WHERE pubname = $1`) must be plain lower-case identifiers: any
 *   other name is folded on create and never found again, or runs as SQL.
 * - Names of existing objects (database, schemas, tables, owner roles, the admin role) and the
 *   ClickPipes role (quoted by the provider everywhere) may be any PostgreSQL identifier. Refused is
 *   only what a format they land in cannot carry: see `NAME_CARRIERS`.
 *
 * The audit behind this table is in docs/security.md, "Provider audit".
 */

/** PostgreSQL truncates identifiers at NAMEDATALEN - 1 bytes. */
export const MAX_IDENTIFIER_BYTES = 63;

export const IDENTIFIER_ALLOWED = `a non-empty name of at most ${MAX_IDENTIFIER_BYTES} bytes without dots, newlines or NUL bytes`;

/** The plain identifier: what PostgreSQL leaves unchanged without quotes. */
export const PLAIN_IDENTIFIER_PATTERN = /^[a-z_][a-z0-9_]*$/;

export const PLAIN_IDENTIFIER_ALLOWED = `a plain lower-case identifier [a-z_][a-z0-9_]* of at most ${MAX_IDENTIFIER_BYTES} bytes`;

/** Why `name` is not a usable identifier of an existing object, or undefined when it is. */
export function identifierProblem(name: unknown): string | undefined {
  if (typeof name !== "string") return "is not a string";
  if (name.length === 0) return "is empty";
  if (Buffer.byteLength(name, "utf8") > MAX_IDENTIFIER_BYTES) return `is longer than ${MAX_IDENTIFIER_BYTES} bytes`;
  if (name.includes("\0")) return "contains a NUL byte";
  if (/[\n\r]/.test(name)) return "contains a newline";
  if (name.includes(".")) return "contains a dot";
  return undefined;
}

/** Why `name` is not a plain lower-case identifier, or undefined when it is. */
export function plainIdentifierProblem(name: unknown): string | undefined {
  const basic = identifierProblem(name);
  if (basic) return basic;
  const n = name as string;
  if (PLAIN_IDENTIFIER_PATTERN.test(n)) return undefined;
  if (/[A-Z]/.test(n) && PLAIN_IDENTIFIER_PATTERN.test(n.toLowerCase())) return "has upper case";
  if (/^[0-9]/.test(n)) return "starts with a digit";
  return `contains ${JSON.stringify([...n].find((c) => !/[a-z0-9_]/.test(c)))}`;
}

/** A format a name lands in, and the characters it cannot carry. */
export interface NameCarrier {
  /** Where the name goes (printed in the refusal). */
  readonly where: string;
  /** Why it cannot carry them, when that is not obvious. */
  readonly why?: string;
  /** Characters the format cannot carry. */
  readonly refused: readonly string[];
}

/** The carriers of each field beyond the basic identifier rules (audit in docs/security.md). */
export const NAME_CARRIERS = {
  /** pg_hba.conf database field; the provider's connection URL (`connStr`: database not escaped). */
  database: [
    { where: "a pg_hba.conf field", refused: ['"'] },
    { where: "the postgresql provider's connection URL", why: "the provider does not escape the database", refused: ["?", "#", "%"] },
  ],
  /** pg_hba.conf user field. */
  userName: [{ where: "a pg_hba.conf field", refused: ['"'] }],
  /** postgresql_tables data source: `table_schema = ANY (array['%s'])`, not escaped (schema-wide publications). */
  schemaListed: [{ where: "the postgresql_tables data source", why: "a schema-wide publication lists schemas in '...' without escaping", refused: ["'", "\\"] }],
  /** postgresql_grant objects: `quoteIdentifyIdent` quotes only the part before the first `(`. */
  table: [{ where: "a postgresql_grant object", why: "the provider quotes only the part before the first (", refused: ["("] }],
} satisfies Record<string, readonly NameCarrier[]>;

/** Why `name` cannot go through `carriers`, or undefined. */
export function carrierProblem(name: string, carriers: readonly NameCarrier[]): string | undefined {
  for (const c of carriers) {
    const bad = c.refused.find((ch) => name.includes(ch));
    if (bad !== undefined) return `contains ${JSON.stringify(bad)}, which ${c.where} cannot carry${c.why ? `: ${c.why}` : ""}`;
  }
  return undefined;
}
