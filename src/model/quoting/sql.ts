/**
 * SQL quoting, the one place every artefact of this project quotes PostgreSQL identifiers and
 * string literals (the SQL preview, the server-setup files, verify's fix suggestions, the tests).
 * Pure: no I/O, no cdktf.
 *
 * The rules are PostgreSQL's (standard_conforming_strings = on, the default since 9.1): an
 * identifier in double quotes with embedded double quotes doubled; a literal in single quotes
 * with embedded single quotes doubled, backslashes taken literally.
 */

/** What PostgreSQL reads back unchanged without quotes (lower case; keywords not checked). */
export const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_$]*$/;

/**
 * Characters that reorder or hide text on screen ("Trojan Source"): LRM/RLM, bidi embeddings,
 * overrides and isolates, line/paragraph separators, BOM. In SQL they are written as Unicode
 * escapes (`U&"..."`, `U&'...'`), the same name or text to PostgreSQL, so the SQL a reviewer reads
 * is the SQL that runs.
 */
const REORDER = /[\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
const REORDER_ALL = new RegExp(REORDER.source, "g");
const uEscape = (c: string) => `\\${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

/** `U&"..."` / `U&'...'` body: backslashes doubled, reordering characters as `\XXXX`, the quote doubled. */
function unicodeEscaped(text: string, quote: string): string {
  return `U&${quote}${text
    .replace(/\\/g, "\\\\")
    .replace(REORDER_ALL, uEscape)
    .split(quote)
    .join(quote + quote)}${quote}`;
}

/**
 * `"name"` with embedded double quotes doubled; NUL bytes dropped, as pq.QuoteIdentifier does. A
 * name with a reordering character is written `U&"..."` with it escaped.
 */
export function quoteIdent(name: string): string {
  const clean = name.replace(/\0/g, "");
  if (REORDER.test(clean)) return unicodeEscaped(clean, '"');
  return `"${clean.replace(/"/g, '""')}"`;
}

/**
 * Keywords PostgreSQL does not accept as a bare identifier everywhere (reserved, column-name and
 * type/function-name keywords: `pg_get_keywords()` rows whose `catcode` is not `U`), so
 * `quote_ident()` quotes them. The union over PostgreSQL 12-18, read from `pg_get_keywords()` of
 * real 12.x and 18.x servers on 2026-12-03 (18 added the json_* words, merge_action, normalize and
 * system_user); a test compares it with every server of the harness.
 */
export const QUOTED_KEYWORDS: ReadonlySet<string> = new Set([
  "all",
  "analyse",
  "analyze",
  "and",
  "any",
  "array",
  "as",
  "asc",
  "asymmetric",
  "authorization",
  "between",
  "bigint",
  "binary",
  "bit",
  "boolean",
  "both",
  "case",
  "cast",
  "char",
  "character",
  "check",
  "coalesce",
  "collate",
  "collation",
  "column",
  "concurrently",
  "constraint",
  "create",
  "cross",
  "current_catalog",
  "current_date",
  "current_role",
  "current_schema",
  "current_time",
  "current_timestamp",
  "current_user",
  "dec",
  "decimal",
  "default",
  "deferrable",
  "desc",
  "distinct",
  "do",
  "else",
  "end",
  "except",
  "exists",
  "extract",
  "false",
  "fetch",
  "float",
  "for",
  "foreign",
  "freeze",
  "from",
  "full",
  "grant",
  "greatest",
  "group",
  "grouping",
  "having",
  "ilike",
  "in",
  "initially",
  "inner",
  "inout",
  "int",
  "integer",
  "intersect",
  "interval",
  "into",
  "is",
  "isnull",
  "join",
  "json",
  "json_array",
  "json_arrayagg",
  "json_exists",
  "json_object",
  "json_objectagg",
  "json_query",
  "json_scalar",
  "json_serialize",
  "json_table",
  "json_value",
  "lateral",
  "leading",
  "least",
  "left",
  "like",
  "limit",
  "localtime",
  "localtimestamp",
  "merge_action",
  "national",
  "natural",
  "nchar",
  "none",
  "normalize",
  "not",
  "notnull",
  "null",
  "nullif",
  "numeric",
  "offset",
  "on",
  "only",
  "or",
  "order",
  "out",
  "outer",
  "overlaps",
  "overlay",
  "placing",
  "position",
  "precision",
  "primary",
  "real",
  "references",
  "returning",
  "right",
  "row",
  "select",
  "session_user",
  "setof",
  "similar",
  "smallint",
  "some",
  "substring",
  "symmetric",
  "system_user",
  "table",
  "tablesample",
  "then",
  "time",
  "timestamp",
  "to",
  "trailing",
  "treat",
  "trim",
  "true",
  "union",
  "unique",
  "user",
  "using",
  "values",
  "varchar",
  "variadic",
  "verbose",
  "when",
  "where",
  "window",
  "with",
  "xmlattributes",
  "xmlconcat",
  "xmlelement",
  "xmlexists",
  "xmlforest",
  "xmlnamespaces",
  "xmlparse",
  "xmlpi",
  "xmlroot",
  "xmlserialize",
  "xmltable",
]);

/**
 * The identifier as written when PostgreSQL reads it back unchanged without quotes
 * (`[a-z_][a-z0-9_$]*` and not one of `QUOTED_KEYWORDS`), else `quoteIdent(name)`. For messages
 * and fix suggestions a person reads or pastes (`ALTER TABLE "user".t ...`).
 */
export function quoteIdentIfNeeded(name: string): string {
  if (REORDER.test(name)) return unicodeEscaped(name, '"');
  return PLAIN_IDENTIFIER.test(name) && !QUOTED_KEYWORDS.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** `'text'` with embedded single quotes doubled (standard_conforming_strings = on); `U&'...'` when it holds a reordering character. */
export function quoteLiteral(text: string): string {
  if (REORDER.test(text)) return unicodeEscaped(text, "'");
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * `E'text'` when the text holds a backslash (backslashes doubled), else `quoteLiteral(text)`:
 * what libpq's PQescapeLiteral returns, so what psql puts in place of `:'name'`.
 */
export function quoteLiteralEscaped(text: string): string {
  if (REORDER.test(text)) return unicodeEscaped(text, "'");
  return text.includes("\\") ? `E${quoteLiteral(text.replace(/\\/g, "\\\\"))}` : quoteLiteral(text);
}

/** `schema.table` split at every dot, each part quoted: quoteTableName() in the postgresql provider's helpers.go. */
export function quoteTableName(ref: string): string {
  return ref.split(".").map(quoteIdent).join(".");
}

/**
 * `quoteTableName` as TEXT, for a value compared with names PostgreSQL prints or cast to `regclass`
 * (which reads `"..."` but not `U&"..."`): always `"part"."part"` with the characters raw. Put it
 * inside `quoteLiteral`, which escapes any reordering character at the literal's level.
 */
export function quoteTableNameText(ref: string): string {
  return ref
    .split(".")
    .map((p) => `"${p.replace(/\0/g, "").replace(/"/g, '""')}"`)
    .join(".");
}

/**
 * A psql/SQL `--` comment's text on one line: line breaks become spaces, so a value shown in a
 * comment cannot end the comment and start a statement.
 */
export function commentText(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(REORDER_ALL, (c) => `\\u{${c.charCodeAt(0).toString(16).padStart(4, "0")}}`);
}

/**
 * The body of a string literal as cyrilgdn/postgresql 1.26.0 builds it (`pqQuoteLiteral()` in
 * helpers.go): backslashes AND single quotes doubled, to be put between single quotes. This is not
 * PostgreSQL's rule (with standard_conforming_strings = on a doubled backslash stays two
 * backslashes); it exists only so the SQL preview can show exactly what the provider runs.
 */
export function providerLiteralBody(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/'/g, "''");
}
