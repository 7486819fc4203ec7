/**
 * Run a psql script through `pg` the way `psql -v ON_ERROR_STOP=1 -v name=value -f file` would,
 * for machines without psql:
 *
 * - `:'name'` becomes a quoted literal, `:"name"` a quoted identifier, `:name` the raw value — only
 *   outside string literals, quoted identifiers, dollar quotes and comments (as psql's lexer does;
 *   `::` casts are left alone). An unknown variable is left as written, as psql does.
 * - The script is split into statements at top-level semicolons and each is sent on its own
 *   (psql's autocommit behaviour: BEGIN/COMMIT in the script work; ALTER SYSTEM works).
 * - The first failing statement throws (ON_ERROR_STOP=1), naming the statement.
 *
 * Meta-commands: `\set NAME value` (value with `:NAME` substituted; psql's display settings such as
 * ECHO or VERBOSITY have no effect here), `\if :{?NAME}` / `\else` / `\endif` (a variable defined or
 * not), `\echo` (ignored), and `\gset` ending a query (its result is dropped). Any other line
 * starting with `\` throws.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import type { Client } from "pg";
import { quoteIdent, quoteLiteralEscaped } from "../../../src/model/quoting";

export type PsqlVariables = Readonly<Record<string, string>>;

/** psql's quoting of `:'name'` (PQescapeLiteral): E'...' when the value has a backslash. */
export const quoteLiteral = quoteLiteralEscaped;

/** psql's quoting of `:"name"` (PQescapeIdentifier). */
export const quoteIdentifier = quoteIdent;

interface Scan {
  /** The text with variables substituted. */
  readonly text: string;
  /** Top-level statements (trimmed, without the trailing semicolon), in order. */
  readonly statements: string[];
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Handle the meta-command lines psql would (see the header); returns the SQL left and the variables. */
function metaCommands(sql: string, given: PsqlVariables): { sql: string; vars: Record<string, string> } {
  const vars: Record<string, string> = { ECHO: "none", VERBOSITY: "default", SHOW_CONTEXT: "errors", ...given };
  const kept: string[] = [];
  const branches: { active: boolean; taken: boolean }[] = [];
  const active = () => branches.every((b) => b.active);
  const interpolate = (text: string) =>
    text
      .replace(/:\{\?([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, n: string) => (Object.prototype.hasOwnProperty.call(vars, n) ? "TRUE" : "FALSE"))
      .replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (m, n: string) => (Object.prototype.hasOwnProperty.call(vars, n) ? vars[n] : m));
  for (const line of sql.split("\n")) {
    const m = /^\s*\\([a-z]+)(?:\s+(.*))?$/.exec(line);
    if (!m) {
      kept.push(active() ? line : "");
      continue;
    }
    const [, cmd, arg = ""] = m;
    kept.push("");
    if (cmd === "if") branches.push({ active: active() && /^(true|on|1)$/i.test(interpolate(arg.trim())), taken: false });
    else if (cmd === "else") {
      const b = branches[branches.length - 1];
      if (!b) throw new Error("\\else without \\if");
      b.taken = b.taken || b.active;
      b.active = !b.taken;
    } else if (cmd === "endif") {
      if (!branches.pop()) throw new Error("\\endif without \\if");
    } else if (!active()) continue;
    else if (cmd === "set") {
      const sm = /^([A-Za-z_][A-Za-z0-9_]*)\s*(.*)$/.exec(arg.trim());
      if (!sm) throw new Error(`\\set needs a name: ${line}`);
      vars[sm[1]] = interpolate(sm[2]);
    } else if (cmd === "echo") continue;
    else throw new Error(`psql meta-command not supported by the test harness: ${line.trim()}`);
  }
  if (branches.length > 0) throw new Error("\\if without \\endif");
  return { sql: kept.join("\n"), vars };
}

function scan(script: string, given: PsqlVariables): Scan {
  const { sql, vars } = metaCommands(script, given);
  let out = "";
  let current = "";
  const statements: string[] = [];
  let parens = 0;
  let i = 0;
  const emit = (s: string) => {
    out += s;
    current += s;
  };
  const atLineStart = (pos: number) => {
    let j = pos - 1;
    while (j >= 0 && (sql[j] === " " || sql[j] === "\t")) j--;
    return j < 0 || sql[j] === "\n";
  };
  while (i < sql.length) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (ch === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end < 0 ? sql.length : end;
      emit(sql.slice(i, stop));
      i = stop;
    } else if (ch === "/" && next === "*") {
      let depth = 0;
      let j = i;
      while (j < sql.length) {
        if (sql[j] === "/" && sql[j + 1] === "*") {
          depth++;
          j += 2;
        } else if (sql[j] === "*" && sql[j + 1] === "/") {
          depth--;
          j += 2;
          if (depth === 0) break;
        } else j++;
      }
      emit(sql.slice(i, j));
      i = j;
    } else if (ch === "'") {
      const escapes = i > 0 && /[eE]/.test(sql[i - 1]) && !/[A-Za-z0-9_]/.test(sql[i - 2] ?? "");
      let j = i + 1;
      while (j < sql.length) {
        if (escapes && sql[j] === "\\") j += 2;
        else if (sql[j] === "'" && sql[j + 1] === "'") j += 2;
        else if (sql[j] === "'") break;
        else j++;
      }
      emit(sql.slice(i, j + 1));
      i = j + 1;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === '"' && sql[j + 1] === '"') j += 2;
        else if (sql[j] === '"') break;
        else j++;
      }
      emit(sql.slice(i, j + 1));
      i = j + 1;
    } else if (ch === "$" && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? "")) {
      const m = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y;
      m.lastIndex = i;
      const tag = m.exec(sql);
      if (!tag) {
        emit(ch);
        i++;
        continue;
      }
      const end = sql.indexOf(tag[0], i + tag[0].length);
      const stop = end < 0 ? sql.length : end + tag[0].length;
      emit(sql.slice(i, stop));
      i = stop;
    } else if (ch === ":" && next === ":") {
      emit("::");
      i += 2;
    } else if (ch === ":" && (next === "'" || next === '"')) {
      IDENT.lastIndex = i + 2;
      const m = IDENT.exec(sql);
      if (m && sql[i + 2 + m[0].length] === next && Object.prototype.hasOwnProperty.call(vars, m[0])) {
        emit(next === "'" ? quoteLiteral(vars[m[0]]) : quoteIdentifier(vars[m[0]]));
        i += 3 + m[0].length;
      } else {
        emit(ch);
        i++;
      }
    } else if (ch === ":") {
      IDENT.lastIndex = i + 1;
      const m = IDENT.exec(sql);
      if (m && Object.prototype.hasOwnProperty.call(vars, m[0])) {
        emit(vars[m[0]]);
        i += 1 + m[0].length;
      } else {
        emit(ch);
        i++;
      }
    } else if (ch === "\\" && sql.startsWith("\\gset", i) && !/[A-Za-z0-9_]/.test(sql[i + 5] ?? "")) {
      // \gset ends the query like a semicolon (psql stores its one row in variables; dropped here).
      if (current.trim() !== "") statements.push(current.trim());
      current = "";
      i += 5;
    } else if (ch === "\\" && atLineStart(i)) {
      throw new Error(`psql meta-commands are not supported by the test harness: ${sql.slice(i, sql.indexOf("\n", i) < 0 ? undefined : sql.indexOf("\n", i))}`);
    } else if (ch === "(") {
      parens++;
      emit(ch);
      i++;
    } else if (ch === ")") {
      parens = Math.max(0, parens - 1);
      emit(ch);
      i++;
    } else if (ch === ";" && parens === 0) {
      out += ch;
      if (current.trim() !== "") statements.push(current.trim());
      current = "";
      i++;
    } else {
      emit(ch);
      i++;
    }
  }
  if (stripComments(current).trim() !== "") statements.push(current.trim());
  return { text: out, statements: statements.filter((s) => stripComments(s).trim() !== "") };
}

function stripComments(s: string): string {
  return s.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "");
}

/** Substitute psql variables (`:'x'`, `:"x"`, `:x`) the way psql does; nothing else changes. */
export function substitutePsqlVariables(sql: string, vars: PsqlVariables): string {
  return scan(sql, vars).text;
}

/** The statements psql would send, one by one, after substitution. */
export function splitPsqlScript(sql: string, vars: PsqlVariables = {}): string[] {
  return scan(sql, vars).statements;
}

/** Run a psql script on a connected client, statement by statement, stopping at the first error. */
export async function runPsqlScript(client: Client, sql: string, vars: PsqlVariables = {}): Promise<void> {
  const statements = splitPsqlScript(sql, vars);
  for (const [n, stmt] of statements.entries()) {
    try {
      await client.query(stmt);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new Error(`statement ${n + 1} of ${statements.length} failed: ${msg}\n--- statement ---\n${stmt}`);
    }
  }
}

/** Path of a psql binary on this machine, if any (it is not in the npm packages). */
export function findPsql(): string | undefined {
  for (const p of ["/usr/bin/psql", "/usr/local/bin/psql"]) if (fs.existsSync(p)) return p;
  const which = spawnSync("sh", ["-c", "command -v psql"], { encoding: "utf8" });
  const found = which.stdout?.trim();
  return which.status === 0 && found ? found : undefined;
}

export interface RealPsqlOptions {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly file: string;
  readonly vars?: PsqlVariables;
  /** More psql options (e.g. `-e` to echo every query). @default [] */
  readonly args?: readonly string[];
}

/** Run a script file with the real psql (`-v ON_ERROR_STOP=1 -X -q`); returns status and output. */
export function runRealPsql(psql: string, o: RealPsqlOptions): { status: number | null; stdout: string; stderr: string } {
  const args = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", o.host, "-p", String(o.port), "-U", o.user, "-d", o.database];
  for (const [k, v] of Object.entries(o.vars ?? {})) args.push("-v", `${k}=${v}`);
  args.push(...(o.args ?? []), "-f", o.file);
  const r = spawnSync(psql, args, { encoding: "utf8", env: { ...process.env, PGPASSWORD: o.password, PGCONNECT_TIMEOUT: "10" } });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}
