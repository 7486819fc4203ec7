/**
 * What the review tools (diff, guard, sql) never print: the one place that decides whether a value
 * is a secret. A pull request controls its own synth output, so a secret can hide in any string.
 *
 * - A variable or output is sensitive when `sensitive` is `true` or `"true"` (Terraform converts
 *   the string; `isSensitiveFlag`).
 * - An attribute is secret when the provider schema marks it `Sensitive` or `WriteOnly` (the
 *   tables in `provider-facts`: postgresql, aws, clickhouse), or when any segment of its path has a
 *   secret-like name (`SECRET_NAME`: password, secret, token, api_key, private_key, credentials, ...).
 * - Inside any other string, the password of a URL (`scheme://user:password@host`) and a
 *   `password=...` (libpq key/value, query string) are replaced (`redactSecretsInString`).
 *
 * Secret values are shown as `(sensitive)` (`SENSITIVE`).
 */
import { factsFor, pathWithin, ResourceTypeFacts } from "./provider-facts";
import { quoteIdent, quoteLiteral } from "./quoting/sql";
import { isObject } from "./json";

/** What a secret value is shown as. */
export const SENSITIVE = "(sensitive)";

/**
 * Attribute names whose values are secret wherever they appear (a segment of the path, split at
 * `_`-separated words): besides the provider tables.
 */
export const SECRET_NAME = /(^|_)(password|passwd|passphrase|secret|token|api_?key|apikey|private_key|secret_key|access_key|client_secret|credentials?)(_|$)/i;

/** Whether a `sensitive` argument (of a variable or output) is set: `true` or `"true"`, as Terraform reads it. */
export function isSensitiveFlag(v: unknown): boolean {
  return v === true || (typeof v === "string" && v.trim().toLowerCase() === "true");
}

/** Whether a variable or output block is sensitive. */
export function isSensitiveBlock(block: unknown): boolean {
  return typeof block === "object" && block !== null && !Array.isArray(block) && isSensitiveFlag((block as Record<string, unknown>).sensitive);
}

/** Whether one attribute name (a path segment) is secret-like (`*_version` companions are not). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !/_version$/i.test(name);
}

/** Whether a dotted path holds a secret for a resource type with these provider facts. */
export function isSensitivePath(facts: ResourceTypeFacts | undefined, path: string): boolean {
  if (path.split(".").some(isSecretName)) return true;
  return (facts?.sensitive ?? []).some((p) => pathWithin(path, p)) || (facts?.writeOnly ?? []).some((w) => pathWithin(path, w.path));
}

/** A URL's password (`scheme://user:password@`), anywhere in a string. */
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@'"]*):([^\s/?#'"]*)@/gi;
/** `password=...` / `secret=...` (libpq key/value, query strings, DSNs), quoted or not. */
const KEY_VALUE_SECRET = /\b(password|passwd|pwd|secret|token|api_?key|sslpassword)(\s*=\s*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s&;,'"]+)/gi;

/** `s` with URL passwords and `password=...` values replaced by `(sensitive)`. */
export function redactSecretsInString(s: string): string {
  if (!s.includes("@") && !s.includes("=")) return s;
  return s.replace(URL_USERINFO, `$1:${SENSITIVE}@`).replace(KEY_VALUE_SECRET, `$1$2${SENSITIVE}`);
}

/**
 * A copy of a JSON value for display: values at secret paths (for resource `type`, or by name only
 * when undefined) become `(sensitive)`, and every other string has its embedded secrets redacted.
 * `skipKeys` are left out of objects (meta-arguments).
 */
export function redactValue(type: string | undefined, value: unknown, path = "", skipKeys?: ReadonlySet<string>): unknown {
  const facts = type === undefined ? undefined : factsFor(type);
  if (path && isSensitivePath(facts, path)) return SENSITIVE;
  if (typeof value === "string") return redactSecretsInString(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(type, v, path, skipKeys));
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !skipKeys?.has(k))
        .map(([k, v]) => [k, redactValue(type, v, path ? `${path}.${k}` : k, skipKeys)]),
    );
  }
  return value;
}

/**
 * Literal secret values anywhere in a stack's JSON (values at secret paths that are not Terraform
 * expressions, provider secrets, sensitive variables' defaults), with the quoted spellings they take
 * in SQL, so text built from the JSON (the SQL preview) can be scrubbed of them.
 */
export function secretLiterals(json: Record<string, unknown> | undefined): string[] {
  const out = new Set<string>();
  if (!json) return [];
  const add = (v: unknown) => {
    if (typeof v !== "string" || v === "" || /^\$\{[^}]*\}$/.test(v)) return;
    out.add(v);
    // Its spellings inside SQL literals and identifiers (the one quoting module, outer quotes off).
    out.add(quoteLiteral(v).slice(1, -1));
    out.add(quoteIdent(v).slice(1, -1));
  };
  const all = (x: unknown): void => (Array.isArray(x) ? x.forEach(all) : isObject(x) ? Object.values(x).forEach(all) : add(x));
  const walk = (facts: ResourceTypeFacts | undefined, path: string, v: unknown) => {
    if (path && isSensitivePath(facts, path)) return all(v);
    if (Array.isArray(v)) v.forEach((x) => walk(facts, path, x));
    else if (isObject(v)) for (const [k, x] of Object.entries(v)) if (k !== "//") walk(facts, path ? `${path}.${k}` : k, x);
  };
  for (const mode of ["resource", "data"]) {
    const byType = json[mode];
    if (!isObject(byType)) continue;
    for (const [type, named] of Object.entries(byType)) if (isObject(named)) for (const cfg of Object.values(named)) walk(factsFor(type), "", cfg);
  }
  if (isObject(json.provider)) for (const list of Object.values(json.provider)) walk(undefined, "", list);
  if (isObject(json.variable)) for (const v of Object.values(json.variable)) if (isSensitiveBlock(v)) all((v as Record<string, unknown>).default);
  if (isObject(json.output)) for (const o of Object.values(json.output)) if (isSensitiveBlock(o)) all((o as Record<string, unknown>).value);
  return [...out].sort((a, b) => b.length - a.length);
}

/** `text` with every secret literal, URL password and `password=...` replaced by `(sensitive)`. */
export function scrub(text: string, secrets: readonly string[]): string {
  let t = text;
  for (const s of secrets) t = t.split(s).join(SENSITIVE);
  return redactSecretsInString(t);
}
