/**
 * Attribute-level comparison of two configurations of one resource (from cdk.tf.json), with what
 * the provider does about each change (src/model/provider-facts) and which values must not be shown.
 */
import { factsFor, pathWithin } from "../model/provider-facts";
import { isSensitivePath, redactSecretsInString, redactValue } from "../model/secrets";
import { isObject } from "../model/json";

// The secrets module decides what is never printed; re-exported for the diff's modules.
export { isSensitivePath, scrub, secretLiterals } from "../model/secrets";

/** Keys of a resource block that are Terraform meta-arguments or cdktf metadata, not attributes. */
export const META_KEYS = new Set(["//", "lifecycle", "depends_on", "provider", "count", "for_each", "provisioner", "connection"]);

export interface AttributeChange {
  /** Dotted path, without list indices. */
  readonly path: string;
  /** Base value (absent when added or sensitive). */
  readonly before?: unknown;
  /** Head value (absent when removed or sensitive). */
  readonly after?: unknown;
  /** The value is secret: never printed, shown as `(sensitive)`. */
  readonly sensitive?: boolean;
  /** For lists of plain values: elements only in head. */
  readonly added?: readonly unknown[];
  /** For lists of plain values: elements only in base. */
  readonly removed?: readonly unknown[];
  /** The provider replaces the resource for this change. */
  readonly forcesReplacement?: boolean;
  /** Terraform plans nothing for this change (why in `note`). */
  readonly noEffect?: boolean;
  readonly note?: string;
}

const isPlain = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);

/** Structural equality of JSON values (object key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** Every dotted path (no indices) inside a value, the value's own path included. */
function pathsWithin(base: string, v: unknown, out: Set<string>): void {
  out.add(base);
  if (Array.isArray(v)) for (const x of v) pathsWithin(base, x, out);
  else if (isObject(v)) for (const [k, x] of Object.entries(v)) pathsWithin(`${base}.${k}`, x, out);
}

/** Value at a dotted path, following objects (and the first element of single-block lists). */
function valueAt(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const seg of path.split(".")) {
    if (Array.isArray(v)) v = v[0];
    if (!isObject(v)) return undefined;
    v = v[seg];
  }
  return v;
}

/** A value as shown: secrets inside its strings (URL passwords, `password=...`) redacted. */
const shown = (v: unknown): unknown => (typeof v === "string" ? redactSecretsInString(v) : v === undefined ? v : redactValue(undefined, v));

const absent = (v: unknown) => v === undefined || v === null;

interface RawChange {
  path: string;
  before: unknown;
  after: unknown;
}

function collect(path: string, a: unknown, b: unknown, out: RawChange[]): void {
  if (jsonEqual(a, b)) return;
  if (isObject(a) && isObject(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) collect(path ? `${path}.${k}` : k, a[k], b[k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every(isObject) && b.every(isObject)) {
    a.forEach((x, i) => collect(path, x, b[i], out));
    return;
  }
  out.push({ path, before: a, after: b });
}

export interface ResourceComparison {
  readonly changes: AttributeChange[];
  /** Paths whose change forces a replacement (empty: in place). */
  readonly replaceBecause: string[];
  /** The provider tables know this type (else in-place vs replace is unknown). */
  readonly known: boolean;
  /** Some change has an effect in Terraform (else the resource is unchanged for Terraform). */
  readonly effective: boolean;
}

/** Compare the base and head configuration of one resource of `type`. */
export function compareResource(type: string, before: Record<string, unknown>, after: Record<string, unknown>): ResourceComparison {
  const facts = factsFor(type);
  const raw: RawChange[] = [];
  const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !META_KEYS.has(k)));
  collect("", strip(before), strip(after), raw);
  // Merge changes that land on the same path (elements of equal-length block lists).
  const byPath = new Map<string, RawChange[]>();
  for (const r of raw) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r]);

  const replaceBecause = new Set<string>();
  for (const path of facts?.replaceWhenAddedOrRemoved ?? []) {
    if (absent(valueAt(before, path)) !== absent(valueAt(after, path))) replaceBecause.add(path);
  }
  const changedPaths = new Set(byPath.keys());
  const changes: AttributeChange[] = [];
  for (const [path, rs] of byPath) {
    const r = rs.length === 1 ? rs[0] : { path, before: rs.map((x) => x.before), after: rs.map((x) => x.after) };
    const sensitive = isSensitivePath(facts, path);
    let note: string | undefined;
    let noEffect = false;
    if (r.after === undefined && (facts?.optionalComputed ?? []).includes(path)) {
      noEffect = true;
      note = "removed from the configuration: the provider keeps the current value (optional + computed)";
    }
    const wo = (facts?.writeOnly ?? []).find((w) => w.path === path);
    if (wo && !changedPaths.has(wo.versionPath)) {
      noEffect = true;
      note = `write-only: not applied unless ${wo.versionPath} changes`;
    }
    const affected = new Set<string>();
    pathsWithin(path, r.before, affected);
    pathsWithin(path, r.after, affected);
    const forcing = noEffect ? [] : (facts?.forceNew ?? []).filter((f) => [...affected].some((p) => pathWithin(p, f)));
    for (const f of forcing) replaceBecause.add(path === f || pathWithin(path, f) ? path : f);
    const listOfPlain = Array.isArray(r.before) && Array.isArray(r.after) && [...r.before, ...r.after].every(isPlain);
    const a = r.before as unknown[];
    const b = r.after as unknown[];
    changes.push({
      path,
      ...(sensitive ? { sensitive: true } : { before: shown(r.before), after: shown(r.after) }),
      ...(listOfPlain && !sensitive ? { added: b.filter((x) => !a.some((y) => jsonEqual(x, y))).map(shown), removed: a.filter((x) => !b.some((y) => jsonEqual(x, y))).map(shown) } : {}),
      ...(forcing.length > 0 ? { forcesReplacement: true } : {}),
      ...(noEffect ? { noEffect: true } : {}),
      ...(note ? { note } : {}),
    });
  }
  for (const path of replaceBecause) {
    const c = changes.find((x) => pathWithin(x.path, path) || pathWithin(path, x.path));
    if (c && !c.forcesReplacement) changes[changes.indexOf(c)] = { ...c, forcesReplacement: true };
  }
  changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  return { changes, replaceBecause: [...replaceBecause].sort(), known: facts !== undefined, effective: changes.some((c) => !c.noEffect) };
}

/** Redacted copy of a value for display: secret paths become "(sensitive)", secrets inside strings too (`model/secrets`). */
export function redact(type: string, value: unknown, path = ""): unknown {
  return redactValue(type, value, path, META_KEYS);
}
