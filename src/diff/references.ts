/**
 * References between the resources of one stack, resolved before two sides are compared (issue 25
 * item 2): `${<type>.<name>.<attribute>}` takes the value the referenced resource's configuration
 * gives that attribute, and `${var.<name>}` the variable's default, on the same side. A change then
 * reaches every resource that reads it (a renamed publication changes the pipe's
 * `publication_name`, which forces a new pipe), whatever the pair of resources.
 *
 * What stays as written: references to attributes the configuration does not set (computed ones,
 * such as `id`: known only after apply), to data sources, locals and modules, to sensitive variables
 * or attributes (a secret is never copied into another attribute's displayed value), expressions
 * with anything beyond a plain reference, and cycles.
 */
import { factsFor } from "../model/provider-facts";
import { isSecretName, isSensitiveBlock, isSensitivePath } from "../model/secrets";
import type { Json } from "./read";
import { isObject } from "../model/json";

/** A plain reference: `var.x`, or `type.name.attr` (an attribute path of plain keys). */
const REF = /\$\{(var\.[A-Za-z0-9_-]+|[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+(?:\.[A-Za-z_][A-Za-z0-9_]*)+)\}/g;
const WHOLE = new RegExp(`^${REF.source}$`);

/** The value at a dotted path of a configuration (a one-element block list read as its element). */
function valueAt(config: unknown, path: readonly string[]): unknown {
  let v = config;
  for (const p of path) {
    if (Array.isArray(v) && v.length === 1) v = v[0];
    if (!isObject(v)) return undefined;
    v = v[p];
  }
  return v;
}

const isPlain = (v: unknown) => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/**
 * A resolver for one stack JSON: `resolve(config)` gives the configuration with the references it
 * can follow replaced by their values. One per stack side (values are cached per reference).
 */
export function referenceResolver(json: Json | undefined): (config: Json) => Json {
  const resources = isObject(json?.resource) ? json!.resource : {};
  const variables = isObject(json?.variable) ? json!.variable : {};
  const cache = new Map<string, { value: unknown } | null>();
  const inProgress = new Set<string>();

  const lookup = (ref: string): { value: unknown } | null => {
    const hit = cache.get(ref);
    if (hit !== undefined) return hit;
    if (inProgress.has(ref)) return null; // a cycle: left as written
    inProgress.add(ref);
    let out: { value: unknown } | null = null;
    const parts = ref.split(".");
    if (parts[0] === "var") {
      const v = variables[parts[1]!];
      if (isObject(v) && "default" in v && !isSensitiveBlock(v) && !isSecretName(parts[1]!)) out = { value: resolveValue(v.default) };
    } else {
      const [type, name, ...path] = parts;
      const byName = isObject(resources[type!]) ? (resources[type!] as Json) : {};
      const config = byName[name!];
      const attrPath = path.join(".");
      if (isObject(config) && !("count" in config) && !("for_each" in config) && !isSensitivePath(factsFor(type!), attrPath)) {
        const v = valueAt(config, path);
        if (v !== undefined) out = { value: resolveValue(v) };
      }
    }
    inProgress.delete(ref);
    cache.set(ref, out);
    return out;
  };

  const resolveString = (s: string): unknown => {
    if (!s.includes("${")) return s;
    const whole = WHOLE.exec(s);
    if (whole) {
      const r = lookup(whole[1]!);
      return r && !(typeof r.value === "string" && r.value.includes("${")) ? r.value : s;
    }
    // Interpolation: only when every reference in it resolves to a plain value and nothing else is an expression.
    let unresolved = false;
    const out = s.replace(REF, (m, ref: string) => {
      const r = lookup(ref);
      if (!r || !isPlain(r.value) || String(r.value).includes("${")) {
        unresolved = true;
        return m;
      }
      return String(r.value);
    });
    return unresolved || out.includes("${") ? s : out;
  };

  const resolveValue = (v: unknown): unknown => {
    if (typeof v === "string") return resolveString(v);
    if (Array.isArray(v)) return v.map(resolveValue);
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "//" ? x : resolveValue(x)]));
    return v;
  };

  return (config) => resolveValue(config) as Json;
}
