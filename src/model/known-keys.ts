/**
 * Unknown keys, refused at every depth: the one mechanism behind fleet files, the typed config
 * (`config.ts`) and the props of the constructs a team uses in its own app. The known keys come
 * from the JSON Schema generated from the TypeScript types (`schemas/fleet.schema.json`, see
 * `scripts/gen-fleet-schema.ts`), so a key the types do not declare (`tabels:` for `tables:`) is
 * one finding naming the key's path and, when one is close, the valid name meant ("did you mean").
 * A typo is never silently ignored: an ignored `tables` would publish every table of the schemas.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Finding, Severity, ValidationError } from "./validation";

/** A node of the generated schema (draft-07, as ts-json-schema-generator writes it). */
export interface SchemaNode {
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly anyOf?: readonly SchemaNode[];
  readonly items?: SchemaNode | readonly SchemaNode[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
}

export interface JsonSchemaDocument {
  readonly definitions: Readonly<Record<string, SchemaNode>>;
}

/** The rule id every unknown-key finding carries (fleet file, typed config, construct props). */
export const UNKNOWN_KEY_RULE = "unknown-key";

/** The fleet schema shipped beside the sources (`schemas/`), also found from the compiled `dist/src/model`. */
export function fleetSchemaPath(): string {
  for (const up of ["../..", "../../.."]) {
    const p = path.resolve(__dirname, up, "schemas/fleet.schema.json");
    if (fs.existsSync(p)) return p;
  }
  throw new Error("schemas/fleet.schema.json not found beside the package");
}

let cachedSchema: JsonSchemaDocument | undefined;

/** The parsed fleet schema (read once). */
export function fleetSchema(): JsonSchemaDocument {
  cachedSchema ??= JSON.parse(fs.readFileSync(fleetSchemaPath(), "utf8")) as JsonSchemaDocument;
  return cachedSchema;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions: `tabels` → `tables` is 1). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name closest to `key`, when one is close enough to be the one meant: the same name in
 * another case, or at most a third of its letters (at least 1, at most 3) edited away. Ties go to
 * the first in sorted order, so the answer is stable.
 */
export function nearestName(key: string, known: readonly string[]): string | undefined {
  const sorted = [...known].sort();
  const lower = key.toLowerCase();
  const sameCase = sorted.find((k) => k.toLowerCase() === lower);
  if (sameCase) return sameCase;
  const limit = Math.min(3, Math.max(1, Math.floor(key.length / 3)));
  let best: { name: string; distance: number } | undefined;
  for (const k of sorted) {
    const distance = editDistance(lower, k.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { name: k, distance };
  }
  return best?.name;
}

/** What an unknown-key finding says is allowed: the nearest valid name, or the valid names. */
export function unknownKeyAllowed(key: string, known: readonly string[], what = "a known field"): string {
  const nearest = nearestName(key, known);
  if (nearest) return `${what} (did you mean ${nearest}?)`;
  return known.length > 0 ? `${what}: ${[...known].sort().join(", ")}` : `${what} (none here)`;
}

/** One key the schema does not declare: its path (dotted, `[i]` for list items) and value. */
export interface UnknownKey {
  /** Path of the key from the checked value, e.g. `user.nmae` or `schemas[1].ownres`. */
  readonly path: string;
  readonly key: string;
  readonly value: unknown;
  /** The names valid at that place. */
  readonly known: readonly string[];
}

/** Options of `findUnknownKeys`. */
export interface UnknownKeyOptions {
  /**
   * Keys valid in code but not in files, by definition name (e.g. `clickhouse.ipTable`, which the
   * app sets from `clickPipesIpsFile`): accepted, their values not walked.
   */
  readonly codeOnly?: Readonly<Record<string, readonly string[]>>;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Join a path and a key the way findings name fields (`a.b`, `a[0]`; a key with a dot stays whole: `targetTables.public.x`). */
const join = (base: string, key: string) => (base === "" ? key : `${base}.${key}`);

interface Resolved {
  readonly node: SchemaNode;
  /** The definition the node came from, for `codeOnly`. */
  readonly name?: string;
}

function resolve(doc: JsonSchemaDocument, node: SchemaNode, name?: string): Resolved {
  let n = node;
  let defName = name;
  for (let i = 0; i < 32 && n.$ref; i++) {
    defName = n.$ref.replace(/^.*#\/definitions\//, "");
    n = doc.definitions[defName] ?? {};
  }
  return { node: n, name: defName };
}

/** The object branches of a node (itself, or its anyOf's), those whose single-valued fields match `value`. */
function objectBranches(doc: JsonSchemaDocument, r: Resolved, value: Record<string, unknown>): Resolved[] {
  const all = r.node.anyOf ? r.node.anyOf.flatMap((b) => objectBranches(doc, resolve(doc, b), value)) : r.node.properties ? [r] : [];
  if (!r.node.anyOf) return all;
  const matching = all.filter((b) =>
    Object.entries(b.node.properties ?? {}).every(([k, p]) => {
      const only = p.const !== undefined ? [p.const] : p.enum?.length === 1 ? p.enum : undefined;
      return only === undefined || !(k in value) || only.includes(value[k]);
    }),
  );
  return matching.length > 0 ? matching : all;
}

/** Only objects and arrays have keys to check: a leaf is not walked (nor its schema node resolved). */
const hasKeys = (v: unknown) => typeof v === "object" && v !== null;

function walk(doc: JsonSchemaDocument, r: Resolved, value: unknown, at: string, opts: UnknownKeyOptions, out: UnknownKey[]): void {
  if (Array.isArray(value)) {
    const branches = r.node.anyOf ? r.node.anyOf.map((b) => resolve(doc, b)).filter((b) => b.node.items) : r.node.items ? [r] : [];
    const items = branches[0]?.node.items;
    if (!items || Array.isArray(items)) return;
    let item: Resolved | undefined;
    value.forEach((v, i) => {
      if (hasKeys(v)) walk(doc, (item ??= resolve(doc, items as SchemaNode)), v, `${at}[${i}]`, opts, out);
    });
    return;
  }
  if (!isPlainObject(value)) return;
  const branches = objectBranches(doc, r, value);
  if (branches.length === 0) {
    // A map (`Record<string, T>`): walk the values.
    const extra = r.node.additionalProperties;
    if (typeof extra === "object") {
      let values: Resolved | undefined;
      for (const [k, v] of Object.entries(value)) if (hasKeys(v)) walk(doc, (values ??= resolve(doc, extra)), v, join(at, k), opts, out);
    }
    return;
  }
  const codeOnly = opts.codeOnly ? new Set(branches.flatMap((b) => (b.name ? (opts.codeOnly?.[b.name] ?? []) : []))) : undefined;
  for (const [k, v] of Object.entries(value)) {
    if (codeOnly?.has(k)) continue;
    const owner = branches.find((b) => b.node.properties && Object.prototype.hasOwnProperty.call(b.node.properties, k));
    if (owner) {
      if (hasKeys(v)) walk(doc, resolve(doc, owner.node.properties![k]!), v, join(at, k), opts, out);
      continue;
    }
    const extra = branches.find((b) => typeof b.node.additionalProperties === "object")?.node.additionalProperties;
    if (typeof extra === "object") {
      if (hasKeys(v)) walk(doc, resolve(doc, extra), v, join(at, k), opts, out);
    } else if (branches.some((b) => b.node.additionalProperties === false || b.node.additionalProperties === undefined)) {
      out.push({ path: join(at, k), key: k, value: v, known: [...new Set(branches.flatMap((b) => Object.keys(b.node.properties ?? {})))] });
    }
  }
}

/** Every key of `value` (at any depth) that `node` of the schema does not declare, in document order. */
export function findUnknownKeys(doc: JsonSchemaDocument, node: SchemaNode, value: unknown, opts: UnknownKeyOptions = {}): UnknownKey[] {
  const out: UnknownKey[] = [];
  walk(doc, resolve(doc, node), value, "", opts, out);
  return out;
}

/** One unknown key as a finding (the same line for a fleet file, the typed config and construct props). */
export function unknownKeyFinding(u: UnknownKey, source: string, prefix = ""): Finding {
  return { rule: UNKNOWN_KEY_RULE, source, severity: Severity.ERROR, field: prefix + u.path, value: u.value, allowed: unknownKeyAllowed(u.key, u.known) };
}

/** In code, `clickhouse.ipTable` is valid (the app sets it from `clickPipesIpsFile`); files cannot write it. */
export const CODE_ONLY_KEYS: Readonly<Record<string, readonly string[]>> = { ClickHouseServiceLocation: ["ipTable"] };

const sourceName = (s: unknown) => {
  const n = isPlainObject(s) ? s.name : undefined;
  return typeof n === "string" && n !== "" ? n : undefined;
};

/**
 * The unknown keys of an app config's top level (its sources not entered), as findings of `topSource`.
 * `inCode`: the typed config (`clickhouse.ipTable` allowed) rather than a file.
 */
export function topLevelUnknownKeys(config: unknown, inCode: boolean, topSource = "(app)"): Finding[] {
  const doc = fleetSchema();
  const app = doc.definitions.AppConfig!;
  const top = { ...app, properties: { ...app.properties, sources: {} } };
  return findUnknownKeys(doc, top, config, inCode ? { codeOnly: CODE_ONLY_KEYS } : {}).map((u) => unknownKeyFinding(u, topSource));
}

/**
 * The unknown keys of one source of an app config, at every depth, as findings of the source (its
 * name, or `sources[i]`); a source of no known kind has none (the `kind` rule refuses it).
 */
export function sourceUnknownKeys(source: unknown, index: number, inCode: boolean): Finding[] {
  const def = sourceDefinition(isPlainObject(source) ? source.kind : undefined);
  if (!def) return [];
  const found = findUnknownKeys(fleetSchema(), { $ref: `#/definitions/${def}` }, source, inCode ? { codeOnly: CODE_ONLY_KEYS } : {});
  return found.map((u) => unknownKeyFinding(u, sourceName(source) ?? `sources[${index}]`));
}

/** Every unknown key of an app config: the top level's, then each source's. */
export function appConfigUnknownKeys(config: unknown, inCode: boolean): Finding[] {
  const sources = isPlainObject(config) && Array.isArray(config.sources) ? (config.sources as unknown[]) : [];
  return [...topLevelUnknownKeys(config, inCode), ...sources.flatMap((s, i) => sourceUnknownKeys(s, i, inCode))];
}

/** The schema definition of a source kind. */
export function sourceDefinition(kind: unknown): string | undefined {
  return ({ generic: "GenericSourceConfig", aurora: "AuroraSourceConfig", rds: "RdsSourceConfig" } as Record<string, string>)[String(kind)];
}

/**
 * The keys a construct's props take: the fields of a spec definition of the schema (less some),
 * plus props of their own. Props of their own are opaque (constructs, providers, references),
 * unless given a node (`privateLink`).
 */
export interface PropsShape {
  /** Definition of the schema whose fields the props share. @default - none */
  readonly spec?: string;
  /** Fields of `spec` the props do not take. @default [] */
  readonly omit?: readonly string[];
  /** Props of their own: name → schema node (`{}`: any value, not walked). */
  readonly own: Readonly<Record<string, SchemaNode>>;
  /**
   * Keys the props type does not declare but that are accepted and ignored: a source's `kind`, which
   * a config entry spread into the props (`{ ...source, password }`) carries and which changes nothing.
   * @default []
   */
  readonly tolerated?: readonly string[];
}

const ANY: SchemaNode = {};
const opaque = (...names: string[]) => Object.fromEntries(names.map((n) => [n, ANY]));
const SOURCE_ONLY = ["kind", "backend", "clickpipe"];
const KIND = ["kind"];

/**
 * The props of every construct a team's own app may create, by construct name. A test compares
 * each with its TypeScript interface (`test/model/unknown-keys.test.ts`), so they cannot drift.
 */
export const PROPS_SHAPES = {
  GenericPostgresSource: {
    spec: "GenericSourceConfig",
    omit: SOURCE_ONLY,
    tolerated: KIND,
    own: opaque("password", "monitoringPassword", "planRolePassword", "provider", "azureProvider", "clickhouseProvider"),
  },
  AuroraSource: { spec: "AuroraSourceConfig", omit: SOURCE_ONLY, tolerated: KIND, own: opaque("provider", "cluster", "clusterInstances") },
  RdsSource: { spec: "RdsSourceConfig", omit: SOURCE_ONLY, tolerated: KIND, own: opaque("provider", "instance") },
  AwsSourceDatabase: { spec: "AuroraSourceConfig", omit: SOURCE_ONLY, tolerated: KIND, own: opaque("engine", "password", "monitoringPassword", "planRolePassword", "provider") },
  ClickPipe: {
    spec: "SourceClickPipeConfig",
    omit: ["serviceId", "clickhouseServiceRoleArn", "iamRoleName"],
    own: {
      ...opaque("type", "source", "password", "iamRoleArn", "username", "serviceId", "host", "port", "provider"),
      privateLink: { properties: opaque("resourceConfigurationId", "resourceShareArn", "description"), additionalProperties: false },
    },
  },
  // Props already validated (`validated` from a validator).
  ValidatedGenericPostgresSource: { own: opaque("validated", "password", "monitoringPassword", "planRolePassword", "provider", "azureProvider", "clickhouseProvider") },
  ValidatedAwsSource: { own: opaque("validated", "provider") },
  ValidatedAwsSourceDatabase: { own: opaque("validated", "password", "monitoringPassword", "planRolePassword", "provider") },
  ValidatedClickPipe: {
    own: {
      ...opaque("validated", "source", "password", "iamRoleArn", "username", "serviceId", "host", "port", "provider"),
      privateLink: { properties: opaque("resourceConfigurationId", "resourceShareArn", "description"), additionalProperties: false },
    },
  },
  // The building blocks.
  ClickPipesUser: { own: opaque("name", "password", "passwordVersion", "replication", "iamAuth", "bypassRowLevelSecurity", "protectFromDestroy", "provider") },
  ClickPipesGrants: { own: opaque("database", "roleName", "schemas", "tablesBySchema", "dependsOn", "provider") },
  ClickPipesPublication: { own: opaque("name", "database", "tables", "schemas", "allTables", "publishViaPartitionRoot", "operations", "protectFromDestroy", "ignoreTableChanges", "provider") },
  ClickPipesMonitoringRole: { own: opaque("name", "password", "passwordVersion", "database", "provider") },
  ManagedPostgresConnection: { own: opaque("managed", "provider") },
  ClickPipesPlanRole: { own: opaque("name", "password", "passwordVersion", "database", "provider") },
  ClickPipesAzureFlexibleServer: { own: opaque("resolved", "provider") },
  ClickPipesGoogleInstance: { own: opaque("clickhouse", "allowedCidrs", "authorizeNetworks") },
  ClickPipesParameterGroup: { own: opaque("kind", "family", "parameters", "namePrefix", "description", "tags", "provider") },
  ClickPipesIpAllowList: { own: opaque("cidrs", "port", "securityGroupId", "vpcId", "allowAnyAddress", "namePrefix", "description", "provider") },
  ValidatedIpAllowList: { own: opaque("validated", "namePrefix", "description", "provider") },
  ClickPipesPrivateLink: { own: opaque("name", "resourceArn", "vpcId", "subnetIds", "securityGroupIds", "principal", "provider") },
  ValidatedPrivateLink: { own: opaque("validated", "provider") },
  ClickPipesAlarms: { own: opaque("alarms", "provider") },
  ClickPipesIamRole: { own: opaque("engine", "dbIdentifier", "clickhouseServiceRoleArn", "userName", "region", "roleName", "provider") },
} satisfies Record<string, PropsShape>;

export type PropsShapeName = keyof typeof PROPS_SHAPES;

/** The schema node of a props shape (the spec's fields less `omit`, plus its own). */
export function propsNode(shape: PropsShape): SchemaNode {
  const spec = shape.spec ? fleetSchema().definitions[shape.spec] : undefined;
  const fields = Object.fromEntries(Object.entries(spec?.properties ?? {}).filter(([k]) => k !== "$schema" && !(shape.omit ?? []).includes(k)));
  return { properties: { ...fields, ...shape.own, ...opaque(...(shape.tolerated ?? [])) }, additionalProperties: false };
}

/**
 * Refuse a construct's props with a key its props type does not declare (at any depth of the
 * spec's fields): one `ValidationError` line per key, naming the props and the nearest valid
 * name. `where`: the construct's path, named when the props carry no source name. Returns the props.
 */
export function refuseUnknownProps<P>(construct: PropsShapeName, props: P, where: string): P {
  const shape: PropsShape = PROPS_SHAPES[construct];
  const unknown = findUnknownKeys(fleetSchema(), propsNode(shape), props, { codeOnly: CODE_ONLY_KEYS });
  if (unknown.length > 0) {
    // The source's name when the props are a source's spec; otherwise the construct's path.
    const source = (shape.spec === "SourceClickPipeConfig" ? sourceName((props as { source?: { resolved?: unknown } }).source?.resolved) : shape.spec ? sourceName(props) : undefined) ?? where;
    throw new ValidationError(unknown.map((u) => ({ ...unknownKeyFinding(u, source), allowed: unknownKeyAllowed(u.key, u.known, `a field of ${construct} props`) })));
  }
  return props;
}
