/**
 * Fleet files: sources declared in YAML or JSON instead of (or besides) the TypeScript config,
 * checked against the JSON Schema the project ships (`schemas/fleet.schema.json`, generated from
 * the `AppConfig` type) and then against the same rule table as the typed config. Every problem is
 * one line naming the source, the field and what is allowed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { findUnsafeKey, MAX_JSON_DEPTH, parseStrictJson, StrictJsonError } from "../util/strict-json";
import { oneLine, readTextFile } from "../util/text-file";
import { AppConfig } from "../model/app-config";
import { fleetSchemaPath, sourceUnknownKeys, topLevelUnknownKeys } from "../model/known-keys";
import { Finding, Severity, ValidationError } from "../model/validation";

type JsonSchema = Record<string, unknown> & { definitions: Record<string, Record<string, unknown>> };

/** The literal values a schema node admits (`enum`, `const`, or an `anyOf` of those). */
function literalValues(node: unknown): string[] {
  const n = (node ?? {}) as { enum?: unknown[]; const?: unknown; anyOf?: unknown[] };
  const values = [...(n.enum ?? []), ...(n.const !== undefined ? [n.const] : []), ...(n.anyOf ?? []).flatMap(literalValues)];
  return [...new Set(values.map(String))];
}

let cached: { schema: JsonSchema; top: ValidateFunction; byKind: Map<string, ValidateFunction> } | undefined;

function validators() {
  if (cached) return cached;
  const schema = JSON.parse(fs.readFileSync(fleetSchemaPath(), "utf8")) as JsonSchema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(schema, "fleet");
  // The top level without the sources' inner shape (checked per source, by kind, for clear lines).
  const top = ajv.compile({
    type: "object",
    properties: {
      $schema: { type: "string" },
      backend: { $ref: "fleet#/definitions/BackendSpec" },
      clickPipesIpsFile: { type: "string" },
      sources: { type: "array", items: { type: "object" } },
    },
    required: ["sources"],
    additionalProperties: false,
  });
  const byKind = new Map<string, ValidateFunction>();
  const union = schema.definitions.SourceConfig as { $ref?: string; anyOf?: { $ref: string }[] };
  for (const ref of union.anyOf ?? [union as { $ref: string }]) {
    const name = ref.$ref.replace("#/definitions/", "");
    const kind = literalValues((schema.definitions[name]!.properties as Record<string, unknown>).kind)[0];
    if (kind) byKind.set(kind, ajv.compile({ $ref: `fleet#/definitions/${name}` }));
  }
  cached = { schema, top, byKind };
  return cached;
}

function pointerToField(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join("")
    .replace(/^\./, "");
}

function valueAt(root: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), root);
}

/** One ajv error as the allowed-part of a finding line. */
function allowedText(e: ErrorObject): string {
  switch (e.keyword) {
    case "enum":
      return `one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
    case "required":
      return "present (it is required)";
    case "type":
      return `a value of type ${(e.params as { type: string }).type}`;
    default:
      return e.message ?? e.keyword;
  }
}

function toFindings(errors: readonly ErrorObject[], root: unknown, source: string, prefix: string): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  // anyOf (backends) reports every branch: keep the most specific error per field.
  // Unknown keys are reported by the one mechanism shared with the typed config (known-keys.ts).
  for (const e of errors.filter((x) => x.keyword !== "anyOf" && x.keyword !== "additionalProperties")) {
    let pointer = e.instancePath;
    if (e.keyword === "required") pointer += `/${(e.params as { missingProperty: string }).missingProperty}`;
    const field = prefix + pointerToField(pointer);
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ rule: "fleet-schema", source, severity: Severity.ERROR, field, value: valueAt(root, pointer), allowed: allowedText(e) });
  }
  return out;
}

/**
 * Parse a fleet file's text: a `.json` file with the strict JSON parser (a key twice, a prototype
 * key or nesting deeper than 128 levels refused), anything else as YAML (a superset of JSON; it
 * refuses a key twice itself; prototype keys and depth are checked after). Throws ValidationError
 * with one line.
 */
export function parseFleetText(text: string, file: string): unknown {
  const refuse = (where: string, allowed: string) =>
    new ValidationError([{ rule: "fleet-syntax", source: "(fleet)", severity: Severity.ERROR, field: `${file}${where}`, value: "(unparsable)", allowed }]);
  if (file.toLowerCase().endsWith(".json")) {
    try {
      return parseStrictJson(text);
    } catch (e) {
      if (!(e instanceof StrictJsonError)) throw e;
      throw refuse(`:${e.line}:${e.column}`, `strict JSON (${e.message.replace(/^line \d+ column \d+: /, "")})`);
    }
  }
  let doc: unknown;
  try {
    doc = parseYaml(text, { prettyErrors: true });
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? `:${e.linePos[0].line}:${e.linePos[0].col}` : "";
    const message = oneLine((e as Error).message).replace(/:$/, "");
    throw refuse(where, `valid YAML or JSON (${message})`);
  }
  const unsafe = findUnsafeKey(doc);
  if (unsafe) {
    throw refuse(
      "",
      unsafe.problem === "too-deep" ? `nesting at most ${MAX_JSON_DEPTH} levels deep (deeper at ${unsafe.path})` : `no key naming a member of every JavaScript object (found ${unsafe.path})`,
    );
  }
  return doc;
}

/** The schema check of a document: its findings, and which sources (by index) have any. */
interface ShapeCheck {
  readonly findings: Finding[];
  readonly badSources: ReadonlySet<number>;
}

function shapeCheck(doc: unknown): ShapeCheck {
  const { top, byKind } = validators();
  const findings: Finding[] = [...topLevelUnknownKeys(doc, false, "(fleet)"), ...(top(doc) ? [] : toFindings(top.errors ?? [], doc, "(fleet)", ""))];
  const badSources = new Set<number>();
  for (const e of top.errors ?? []) {
    const m = /^\/sources\/(\d+)/.exec(e.instancePath);
    if (m) badSources.add(Number(m[1]));
  }
  // The sources are checked even when the top level has problems, so one run reports every line.
  const sources = (doc as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(sources)) return { findings, badSources };
  sources.forEach((s: Record<string, unknown>, i) => {
    if (!s || typeof s !== "object" || Array.isArray(s)) return; // reported by the top level (items: object)
    const name = typeof s.name === "string" && s.name ? s.name : `sources[${i}]`;
    const validate = byKind.get(String(s.kind));
    if (!validate) {
      badSources.add(i);
      findings.push({ rule: "fleet-schema", source: name, severity: Severity.ERROR, field: "kind", value: s.kind, allowed: `one of ${[...byKind.keys()].map((k) => JSON.stringify(k)).join(", ")}` });
      return;
    }
    if (!validate(s)) {
      badSources.add(i);
      findings.push(...sourceUnknownKeys(s, i, false), ...toFindings(validate.errors ?? [], s, name, ""));
    }
  });
  return { findings, badSources };
}

/** Structural check of a parsed fleet document against the schema; returns one finding per problem. */
export function checkFleetShape(doc: unknown): Finding[] {
  return shapeCheck(doc).findings;
}

/** Fleet files larger than this are refused unread (a fleet of 1000 sources is well under 1 MB). */
export const MAX_FLEET_FILE_BYTES = 16 * 1024 * 1024;

function fleetFileError(file: string, value: string, allowed: string): ValidationError {
  return new ValidationError([{ rule: "fleet-file", source: "(fleet)", severity: Severity.ERROR, field: file, value, allowed }]);
}

/** What a parsed document is, for a message (never its content). */
function describeDocument(doc: unknown): string | undefined {
  if (doc === null || doc === undefined) return "(an empty document)";
  if (Array.isArray(doc)) return "(a list)";
  if (typeof doc !== "object") return `(a ${typeof doc}, not a mapping)`;
  return undefined;
}

/**
 * One fleet file read and shape-checked, without throwing: the sources that passed the schema, and
 * one finding per problem (a file that cannot be read or parsed: one finding, no sources).
 */
export interface FleetFileCheck {
  /** The file's config, with only the sources that passed the schema. */
  readonly config: AppConfig;
  /** Every problem of the file, one finding each. */
  readonly findings: readonly Finding[];
}

/** Read, parse and shape-check one fleet file, collecting every problem (see `FleetFileCheck`). */
export function checkFleetFile(file: string): FleetFileCheck {
  const allowed = 'a YAML or JSON fleet file: a mapping with a "sources" list';
  const failed = (e: ValidationError): FleetFileCheck => ({ config: { sources: [] }, findings: e.findings });
  const read = readTextFile(file, MAX_FLEET_FILE_BYTES);
  if ("problem" in read) {
    const { kind, what, code } = read.problem;
    if (code !== undefined) return failed(fleetFileError(file, code, "a readable YAML or JSON fleet file"));
    return failed(fleetFileError(file, `(${what})`, kind === "too-large" ? `${allowed}, at most ${MAX_FLEET_FILE_BYTES} bytes` : allowed));
  }
  let doc: unknown;
  try {
    doc = parseFleetText(read.text, file);
  } catch (e) {
    if (e instanceof ValidationError) return failed(e);
    throw e;
  }
  const what = describeDocument(doc);
  if (what) return failed(fleetFileError(file, what, allowed));
  const { findings, badSources } = shapeCheck(doc);
  const { $schema: _ignored, ...config } = doc as AppConfig & { $schema?: string };
  const sources = Array.isArray(config.sources) ? config.sources.filter((_s, i) => !badSources.has(i)) : [];
  // A fleet file's clickPipesIpsFile is relative to the fleet file's folder.
  const ipsFile = typeof config.clickPipesIpsFile === "string" && config.clickPipesIpsFile.trim() !== "" ? { clickPipesIpsFile: path.resolve(path.dirname(file), config.clickPipesIpsFile) } : {};
  return { config: { ...config, ...ipsFile, sources }, findings };
}

/** Read, parse and shape-check one fleet file; throws every problem at once. Semantic rules run later, in `buildApp`. */
export function loadFleetFile(file: string): AppConfig {
  const { config, findings } = checkFleetFile(file);
  if (findings.length > 0) throw new ValidationError(findings);
  return config;
}

/**
 * Merge fleet files into a config: the config's backend is the default; sources are concatenated.
 * `clickPipesIpsFile` applies to the whole app: set in several places, it must name the same file.
 */
export function mergeFleets(base: AppConfig, fleets: readonly AppConfig[]): AppConfig {
  const ipsFiles = [...new Set([base, ...fleets].map((c) => c.clickPipesIpsFile).filter((f): f is string => f !== undefined))];
  if (ipsFiles.length > 1) {
    throw new ValidationError([
      {
        rule: "clickpipes-ips-file",
        source: "(app)",
        severity: Severity.ERROR,
        field: "clickPipesIpsFile",
        value: ipsFiles,
        allowed: "one document for the whole app (set it in one place, or name the same file everywhere)",
      },
    ]);
  }
  return {
    backend: base.backend,
    ...(ipsFiles[0] !== undefined ? { clickPipesIpsFile: ipsFiles[0] } : {}),
    sources: [...base.sources, ...fleets.flatMap((f) => f.sources.map((s) => (s.backend || !f.backend ? s : { ...s, backend: f.backend })))],
  };
}
