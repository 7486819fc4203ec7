/**
 * Secrets verify must never print, whatever form the connection input took: the password of a
 * `postgres://` URL or of a libpq key/value string (`host=... password=...`), PGPASSWORD, and every
 * password of the PGPASSFILE (or ~/.pgpass) that node-postgres may read. Every line verify writes
 * (text or JSON report, stdout or stderr) passes through `redact`.
 */
import * as os from "node:os";
import * as path from "node:path";
import { readTextFile } from "../util/text-file";

/** A URL scheme: `postgres://`, `postgresql://`, or any other. */
export const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The password of a URL: group 1 is the scheme and user, group 2 everything between the user's `:`
 * and the last `@` (so an unencoded password with `:`, `/` or `@` is covered whole).
 */
export const URL_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):(.*)@/i;

/** What a redacted secret is replaced with. */
export const REDACTED = "***";

/** One line of a pgpass file: `host:port:database:user:password` (`*` matches anything). */
export interface PgpassEntry {
  readonly host: string;
  readonly port: string;
  readonly database: string;
  readonly user: string;
  readonly password: string;
}

/** The passwords of a pgpass file (`host:port:database:user:password`, `\:` and `\\` escaped). */
export function pgpassPasswords(text: string): string[] {
  return pgpassEntries(text).map((e) => e.password);
}

/** The entries of a pgpass file, in order (comments and malformed lines skipped, as libpq does). */
export function pgpassEntries(text: string): PgpassEntry[] {
  const out: PgpassEntry[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw === "" || raw.startsWith("#")) continue;
    const fields: string[] = [];
    let cur = "";
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      if (c === "\\" && i + 1 < raw.length) cur += raw[++i];
      else if (c === ":" && fields.length < 4) {
        fields.push(cur);
        cur = "";
      } else cur += c;
    }
    if (fields.length === 4 && cur !== "") out.push({ host: fields[0]!, port: fields[1]!, database: fields[2]!, user: fields[3]!, password: cur });
  }
  return out;
}

/** Largest pgpass file read (1 MB); a larger or binary one is ignored. */
const MAX_PGPASS_BYTES = 1_000_000;

function readPgpass(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const read = readTextFile(pgpassFile(env), MAX_PGPASS_BYTES);
  return "text" in read ? read.text : undefined;
}

/** The password of the first pgpass line matching the target (libpq's order and `*` wildcards). */
export function pgpassLookup(
  env: Readonly<Record<string, string | undefined>>,
  t: { readonly host: string; readonly port: number; readonly database: string; readonly user: string },
): string | undefined {
  const text = readPgpass(env);
  if (text === undefined) return undefined;
  const hit = (field: string, value: string) => field === "*" || field === value;
  return pgpassEntries(text).find((e) => hit(e.host, t.host) && hit(e.port, String(t.port)) && hit(e.database, t.database) && hit(e.user, t.user))?.password;
}

/** The pgpass file node-postgres reads: PGPASSFILE, else ~/.pgpass. */
function pgpassFile(env: Readonly<Record<string, string | undefined>>): string {
  return env.PGPASSFILE || path.join(env.HOME || os.homedir(), ".pgpass");
}

/** The passwords written in the arguments: URLs and key/value strings, parsed leniently (a malformed one is still covered). */
export function argumentSecrets(args: readonly string[]): string[] {
  const found = new Set<string>();
  const add = (s: string | undefined) => {
    if (s) found.add(s);
  };
  for (const a of args) {
    // URL form: everything between the user's ":" and the last "@" (also unencoded, also malformed).
    const url = URL_PASSWORD.exec(a);
    if (url) {
      add(url[2]);
      try {
        add(decodeURIComponent(url[2]!));
      } catch {
        // not percent-encoded: the raw text is covered above
      }
    }
    const query = /[?&]password=([^&#]*)/i.exec(a);
    if (query) {
      add(query[1]);
      try {
        add(decodeURIComponent(query[1]!));
      } catch {
        // covered raw
      }
    }
    // key/value form: password=value or password='quoted value'.
    for (const m of a.matchAll(/(?:^|\s)password\s*=\s*('(?:[^'\\]|\\.)*'?|\S*)/gi)) {
      const v = m[1]!;
      add(v);
      if (v.startsWith("'")) add(v.replace(/^'|'$/g, "").replace(/\\(.)/g, "$1"));
    }
  }
  return [...found];
}

/**
 * Every secret the inputs hold: passwords found in the arguments (`argumentSecrets`), PGPASSWORD and
 * every password of the pgpass file (verify, which may connect as several roles).
 */
export function collectSecrets(args: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] {
  const found = new Set<string>(argumentSecrets(args));
  if (env.PGPASSWORD) found.add(env.PGPASSWORD);
  const pgpass = readPgpass(env);
  if (pgpass !== undefined) for (const p of pgpassPasswords(pgpass)) if (p) found.add(p);
  return [...found];
}

/**
 * A secret that reads as a number (or NaN/Inf): never searched for in output, where it would turn
 * counts and metric values into stars; such a password is still hidden where it is written as one
 * (`scheme://user:PASSWORD@`, `password=PASSWORD`), see `redact`.
 */
const NUMERIC = /^[-+]?((\d+\.?\d*|\.\d+)(e[-+]?\d+)?|nan|inf(inity)?)$/i;

/** A URL's password anywhere in a line, and `password=...` (libpq key/value, query strings). */
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@'"]*):([^\s@]*)@/gi;
const KEY_VALUE_PASSWORD = /((?<![\w])password\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s&'"]+)/gi;

/** `value` with `redact` applied to every string inside it (numbers, booleans and keys untouched). */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === "string") return redact(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets)) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets)])) as T;
  return value;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * `text` with every secret replaced by `***`: the secret as given, percent-encoded, and as it
 * appears inside a JSON string. Longest first, so a secret containing another is replaced whole.
 * Secrets shorter than 4 characters are replaced only where they stand alone (not inside words), so
 * a one-letter password does not turn every message into stars; a secret that reads as a number is
 * not searched for at all (`NUMERIC`). Wherever a password is written as one, in a URL's userinfo
 * or as `password=...`, it is replaced whatever it is.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s || NUMERIC.test(s)) continue;
    forms.add(s);
    forms.add(encodeURIComponent(s));
    forms.add(JSON.stringify(s).slice(1, -1));
  }
  let out = text.replace(URL_USERINFO, `$1:${REDACTED}@`).replace(KEY_VALUE_PASSWORD, `$1${REDACTED}`);
  for (const f of [...forms].sort((a, b) => b.length - a.length)) {
    if (f.length >= 4) out = out.split(f).join(REDACTED);
    else out = out.replace(new RegExp(`(?<![\\w])${escapeRegExp(f)}(?![\\w])`, "g"), REDACTED);
  }
  return out;
}
