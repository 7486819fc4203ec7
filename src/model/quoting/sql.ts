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

/** `"name"` with embedded double quotes doubled; NUL bytes dropped, as pq.QuoteIdentifier does. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/\0/g, "").replace(/"/g, '""')}"`;
}

/**
 * The identifier as written when PostgreSQL reads it back unchanged without quotes
 * (`[a-z_][a-z0-9_$]*`), else `quoteIdent(name)`. For messages and fix suggestions a person reads.
 */
export function quoteIdentIfNeeded(name: string): string {
  return PLAIN_IDENTIFIER.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** `'text'` with embedded single quotes doubled (standard_conforming_strings = on). */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * `E'text'` when the text holds a backslash (backslashes doubled), else `quoteLiteral(text)`:
 * what libpq's PQescapeLiteral returns, so what psql puts in place of `:'name'`.
 */
export function quoteLiteralEscaped(text: string): string {
  return text.includes("\\") ? `E${quoteLiteral(text.replace(/\\/g, "\\\\"))}` : quoteLiteral(text);
}

/** `schema.table` split at every dot, each part quoted: quoteTableName() in the postgresql provider's helpers.go. */
export function quoteTableName(ref: string): string {
  return ref.split(".").map(quoteIdent).join(".");
}

/**
 * A psql/SQL `--` comment's text on one line: line breaks become spaces, so a value shown in a
 * comment cannot end the comment and start a statement.
 */
export function commentText(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
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
