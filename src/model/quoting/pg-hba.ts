/**
 * pg_hba.conf quoting, by pg_hba's own rules (hba.c `next_token`): fields are separated by blanks
 * and commas, `#` starts a comment, and a field in double quotes is one literal name. Unquoted,
 * `all`, `sameuser`, `samerole`, `samegroup` and `replication` are keywords, `+name` means "members
 * of name", `@file` includes a file, and from PostgreSQL 16 on `/regex` is a regular expression;
 * quoted, each is just a name. A double quote inside a field is refused (its escape differs between
 * majors), and so are newlines, carriage returns and NUL bytes (a line cannot carry them).
 */
import { Cidr } from "../cidr";

/** Words pg_hba.conf reads as keywords in the database or user field when unquoted. */
export const PG_HBA_KEYWORDS: readonly string[] = ["all", "sameuser", "samerole", "samegroup", "replication"];

/** Names written bare: plain lower-case identifiers that are no keyword. Everything else is quoted. */
const BARE = /^[a-z_][a-z0-9_]*$/;

/** Why `value` cannot be a pg_hba.conf database or user field, or undefined when it can. */
export function hbaFieldProblem(value: string): string | undefined {
  if (value.length === 0) return "is empty";
  if (value.includes('"')) return "contains a double quote, which a pg_hba.conf field cannot carry";
  if (/[\n\r\0]/.test(value)) return "contains a newline, carriage return or NUL byte, which a pg_hba.conf line cannot carry";
  return undefined;
}

/** One database or user field: bare when that is unambiguous, else double-quoted. Throws on what pg_hba cannot carry. */
export function quoteHbaField(value: string): string {
  const problem = hbaFieldProblem(value);
  if (problem) throw new Error(`pg_hba.conf field ${JSON.stringify(value)} ${problem}`);
  return BARE.test(value) && !PG_HBA_KEYWORDS.includes(value) ? value : `"${value}"`;
}

/** One `host` line for one database, one user and one network. */
export function hbaHostLine(database: string, user: string, cidr: Cidr, method: "scram-sha-256"): string {
  return `host ${quoteHbaField(database)} ${quoteHbaField(user)} ${cidr.text} ${method}`;
}
