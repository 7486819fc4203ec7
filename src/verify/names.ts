/** Table names for verify: parsing `schema.table` arguments and quoting for SQL and messages. */
import { quoteIdentIfNeeded } from "../model/quoting";
import { TableName, VerifyError } from "./types";

/** Quote an identifier when PostgreSQL would not read it back unchanged (the model's quoting). */
export const quoteIdent = quoteIdentIfNeeded;

/** `schema.table`, each part quoted only where needed (also the form in messages). */
export function qualified(t: TableName): string {
  return `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`;
}

/**
 * Parse `schema.table`. Names are taken exactly as written (no case folding); double-quote a part
 * to include a dot or a quote: `"my.schema"."Orders"`.
 */
export function parseTableName(text: string): TableName {
  const parts: string[] = [];
  let i = 0;
  const bad = (why: string) => new VerifyError(`--tables: "${text}" is not a table name: ${why}; allowed: schema.table, with "double quotes" around a part that contains a dot`);
  while (i <= text.length) {
    let part = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw bad("unterminated quote");
        if (text[i] === '"' && text[i + 1] === '"') {
          part += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else part += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ".") {
        if (text[i] === '"') throw bad("quote inside a name");
        part += text[i++];
      }
    }
    if (part === "") throw bad("empty part");
    parts.push(part);
    if (i >= text.length) break;
    if (text[i] !== ".") throw bad("expected a dot after a quoted part");
    i++;
    if (i >= text.length) throw bad("empty part");
  }
  if (parts.length !== 2) throw bad(parts.length === 1 ? "no schema" : "more than one dot outside quotes");
  return { schema: parts[0], name: parts[1] };
}

/** Split a comma-separated list (commas inside double quotes are kept). */
export function splitList(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out.filter((s) => s !== "");
}

export function sameTable(a: TableName, b: TableName): boolean {
  return a.schema === b.schema && a.name === b.name;
}
