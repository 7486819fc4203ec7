/**
 * JSON Schema validation for tests, with ajv (the validator the fleet loader uses). Strict mode:
 * a schema using an unknown keyword or format is an error, not silently ignored.
 */
import Ajv, { ErrorObject, ValidateFunction } from "ajv";

type Schema = Record<string, unknown>;

const compiled = new WeakMap<Schema, ValidateFunction>();

/** `/checks/1/fix` -> `$.checks[1].fix`. */
function jsonPath(instancePath: string): string {
  return (
    "$" +
    instancePath
      .split("/")
      .slice(1)
      .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
      .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
      .join("")
  );
}

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

/** One ajv error (verbose: with the offending data) as `path: problem`. */
function describe(e: ErrorObject): string {
  const at = jsonPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  if (e.keyword === "type") return `${at}: is ${typeOf(e.data)}, expected ${String(p.type).split(",").join(" or ")}`;
  if (e.keyword === "pattern") return `${at}: does not match ${String(p.pattern)}`;
  if (e.keyword === "maximum") return `${at}: above ${String(p.limit)}`;
  if (e.keyword === "minimum") return `${at}: below ${String(p.limit)}`;
  if (e.keyword === "minLength") return `${at}: shorter than ${String(p.limit)}`;
  if (e.keyword === "minItems") return `${at}: fewer than ${String(p.limit)} items`;
  if (e.keyword === "additionalProperties") return `${at}: unexpected property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === "required") return `${at}: missing required property "${(e.params as { missingProperty: string }).missingProperty}"`;
  if (e.keyword === "enum") return `${at}: ${JSON.stringify(e.data)} is not one of ${JSON.stringify(p.allowedValues)}`;
  if (e.keyword === "const") return `${at}: must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
  return `${at}: ${e.message}`;
}

/** Errors of `value` against `schema` (empty when valid), as `path: problem`. Throws for an invalid schema. */
export function validateJsonSchema(schema: Schema, value: unknown): string[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = new Ajv({ allErrors: true, strict: true, verbose: true }).compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return [];
  // An if/then/else failure is reported by the branch's own errors; the "if" summary repeats them.
  return (validate.errors ?? []).filter((e) => e.keyword !== "if").map(describe);
}
