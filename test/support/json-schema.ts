/**
 * A small JSON Schema (draft-07) validator for the features our schemas use: type (one or a list),
 * const, enum, properties, required, additionalProperties (boolean), items, minItems, minLength,
 * pattern, minimum, maximum, $ref to "#/definitions/...", if/then/else. Anything else in a schema
 * is an error, so a schema cannot silently rely on a keyword this validator ignores.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  "$schema", "$id", "title", "description", "type", "const", "enum", "properties", "required", "additionalProperties",
  "items", "minItems", "minLength", "pattern", "minimum", "maximum", "$ref", "if", "then", "else", "definitions",
]);

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function typeMatches(want: string, v: unknown): boolean {
  const t = typeOf(v);
  return want === t || (want === "number" && t === "integer");
}

/** Errors of `value` against `schema` (empty when valid), as `path: problem`. */
export function validateJsonSchema(schema: Schema, value: unknown, root: Schema = schema, at = "$"): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`json-schema: keyword "${key}" at ${at} is not supported by this validator`);
  if (typeof schema.$ref === "string") {
    const m = /^#\/definitions\/(.+)$/.exec(schema.$ref);
    const target = m ? (root.definitions as Record<string, Schema> | undefined)?.[m[1]] : undefined;
    if (!target) throw new Error(`json-schema: unresolvable $ref ${schema.$ref}`);
    errors.push(...validateJsonSchema(target, value, root, at));
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(t, value))) return [...errors, `${at}: is ${typeOf(value)}, expected ${types.join(" or ")}`];
  }
  if ("const" in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) errors.push(`${at}: must be ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeof value === "string") {
    if (typeof schema.minLength === "number" && [...value].length < schema.minLength) errors.push(`${at}: shorter than ${schema.minLength}`);
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) errors.push(`${at}: does not match ${schema.pattern}`);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) errors.push(`${at}: below ${schema.minimum}`);
    if (typeof schema.maximum === "number" && value > schema.maximum) errors.push(`${at}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.items) value.forEach((v, i) => errors.push(...validateJsonSchema(schema.items as Schema, v, root, `${at}[${i}]`)));
  }
  if (typeOf(value) === "object") {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) errors.push(`${at}: missing required property "${r}"`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errors.push(...validateJsonSchema(props[k], v, root, `${at}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected property "${k}"`);
    }
  }
  if (schema.if) {
    const branch = validateJsonSchema(schema.if as Schema, value, root, at).length === 0 ? schema.then : schema.else;
    if (branch) errors.push(...validateJsonSchema(branch as Schema, value, root, at));
  }
  return errors;
}
