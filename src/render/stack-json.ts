/**
 * The one reader of a synthesized stack (`cdk.tf.json`), shared by the SQL preview (render/sql)
 * and verify (verify/stack.ts). Never loads cdktf.
 *
 * - `locateStackFile` finds the file from what a user passes: the file, its stack directory, or
 *   (with `outDir: true`) a `cdktf.out` directory holding exactly one stack.
 * - `readStackJson` locates, reads and parses it, and checks the shape of a synthesized stack.
 * - `stackNodes`, `outputValue`, `providerConfig`, `literalString` read parts of the parsed JSON.
 *
 * Every failure is a `StackReadError` carrying a `kind` (so each command can word its own
 * one-line message) and a default message for the user.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { oneLine, readTextFile } from "../internal/text-file";
import { isTerraformExpression } from "../model/patterns";

/**
 * Largest `cdk.tf.json` read (64 MB). One source's stack is tens of kilobytes; anything near this is
 * not a synthesized stack, and reading it whole would only exhaust memory.
 */
export const MAX_STACK_FILE_BYTES = 64 * 1024 * 1024;

/** A parsed Terraform JSON object. */
export type StackJson = Record<string, unknown>;

/** Why a stack could not be read. */
export type StackReadErrorKind =
  /** The path does not exist. */
  | "not-found"
  /** A directory without a cdk.tf.json (and, with `outDir`, without exactly one stack). */
  | "no-stack"
  /** A cdktf.out directory holding more than one stack. */
  | "ambiguous"
  /** The file cannot be read. */
  | "unreadable"
  /** The file is larger than `MAX_STACK_FILE_BYTES` (refused unread). */
  | "too-large"
  /** The file is not UTF-8 text, or holds NUL bytes. */
  | "binary"
  /** The file is not JSON. */
  | "invalid-json"
  /** The JSON is not an object. */
  | "not-object"
  /** The JSON is an object but not a synthesized stack (no `terraform` block, bad `resource`/`data`). */
  | "not-stack"
  /** The stack's resources depend on each other in a cycle. */
  | "cycle";

/** A stack path that cannot be read: the message is one line for the user. */
export class StackReadError extends Error {
  /** Why. */
  readonly kind: StackReadErrorKind;
  /** What the user passed. */
  readonly location: string;
  /** The file read, when one was found. */
  readonly file?: string;
  /** The system's or the parser's message (unreadable, invalid-json). */
  readonly detail?: string;
  /** The stacks found (ambiguous). */
  readonly stacks?: readonly string[];

  constructor(message: string, info: { kind: StackReadErrorKind; location: string; file?: string; detail?: string; stacks?: readonly string[] }) {
    super(message);
    this.kind = info.kind;
    this.location = info.location;
    this.file = info.file;
    this.detail = info.detail;
    this.stacks = info.stacks;
  }
}

/** Options of `locateStackFile` / `readStackJson`. */
export interface ReadStackOptions {
  /**
   * Also accept a cdktf output directory (`cdktf.out`) holding exactly one stack.
   * @default false
   */
  readonly outDir?: boolean;
  /**
   * Check the shape of a synthesized stack: an object with a `terraform` block, and `resource` /
   * `data` objects when present. Without it, any JSON object is returned.
   * @default true
   */
  readonly checkShape?: boolean;
}

export const isJsonObject = (v: unknown): v is StackJson => typeof v === "object" && v !== null && !Array.isArray(v);

/** A literal string attribute (not a Terraform expression), else undefined. */
export function literalString(v: unknown): string | undefined {
  return typeof v === "string" && !isTerraformExpression(v) ? v : undefined;
}

/** The cdk.tf.json that `location` names. Throws `StackReadError` (not-found, no-stack, ambiguous). */
export function locateStackFile(location: string, options: ReadStackOptions = {}): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(location);
  } catch {
    throw new StackReadError(
      `cannot read stack "${location}": no such file or directory (expected a stack directory or its cdk.tf.json)`,
      { kind: "not-found", location },
    );
  }
  if (!stat.isDirectory()) return location;
  const direct = path.join(location, "cdk.tf.json");
  if (!options.outDir || fs.existsSync(direct)) return direct;
  const stacksDir = path.join(location, "stacks");
  const candidates = fs.existsSync(stacksDir)
    ? fs.readdirSync(stacksDir).filter((d) => fs.existsSync(path.join(stacksDir, d, "cdk.tf.json"))).sort()
    : [];
  if (candidates.length === 1) return path.join(stacksDir, candidates[0], "cdk.tf.json");
  if (candidates.length > 1) {
    const names = candidates.map((c) => path.join(location, "stacks", c));
    throw new StackReadError(`cannot read stack "${location}": it holds ${candidates.length} stacks; name one: ${names.join(", ")}`, { kind: "ambiguous", location, stacks: names });
  }
  throw new StackReadError(`cannot read stack "${location}": no cdk.tf.json in it (run "cdktf synth" first)`, { kind: "no-stack", location });
}

/**
 * A synthesized stack is an object with a `terraform` block, and `resource`/`data` (when present)
 * are objects: anything else (a manifest, a plan, a state file) is refused rather than read as empty.
 * `label` starts the message (`stack "<location>": <file>` or `the given JSON:`).
 */
export function assertStackShape(json: unknown, label: string, requireTerraformBlock: boolean, location = "", file?: string): asserts json is StackJson {
  if (!isJsonObject(json)) throw new StackReadError(`cannot read ${label} is not a Terraform JSON object`, { kind: "not-object", location, file });
  const bad =
    requireTerraformBlock && !isJsonObject(json.terraform)
      ? "terraform"
      : json.resource !== undefined && !isJsonObject(json.resource)
        ? "resource"
        : json.data !== undefined && !isJsonObject(json.data)
          ? "data"
          : undefined;
  if (bad) {
    throw new StackReadError(
      `cannot read ${label} is not a synthesized stack (no valid "${bad}" block; expected cdktf.out/stacks/<stack>/cdk.tf.json)`,
      { kind: "not-stack", location, file },
    );
  }
}

/** Locate, read and parse a stack. Throws `StackReadError`. */
export function readStackJson(location: string, options: ReadStackOptions = {}): { file: string; json: StackJson } {
  const file = locateStackFile(location, options);
  const read = readTextFile(file, MAX_STACK_FILE_BYTES);
  if ("problem" in read) {
    const { kind, what } = read.problem;
    throw new StackReadError(
      kind === "missing"
        ? `cannot read stack "${location}": ${file} is missing (run "cdktf synth" first)`
        : `cannot read stack "${location}": ${file} is not a synthesized stack: ${what}`,
      { kind: kind === "too-large" || kind === "binary" ? kind : "unreadable", location, file, detail: what },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (e) {
    const message = (e as Error).message;
    throw new StackReadError(`cannot read stack "${location}": ${file} is not valid JSON (${oneLine(message)})`, { kind: "invalid-json", location, file, detail: message });
  }
  const label = `stack "${location}": ${file}`;
  if (options.checkShape === false) {
    if (!isJsonObject(json)) throw new StackReadError(`cannot read ${label} is not a Terraform JSON object`, { kind: "not-object", location, file });
  } else assertStackShape(json, label, true, location, file);
  return { file, json };
}

/** One resource or data source of a stack. */
export interface StackNode {
  /** `type.name`, or `data.type.name` for a data source. */
  readonly address: string;
  readonly mode: "resource" | "data";
  readonly type: string;
  readonly name: string;
  /** Its attributes as synthesized (Terraform expressions unevaluated). */
  readonly config: StackJson;
}

/** Every resource, then every data source, in the JSON's order. */
export function stackNodes(json: StackJson): StackNode[] {
  const nodes: StackNode[] = [];
  for (const [mode, prefix] of [["resource", ""], ["data", "data."]] as const) {
    const byType = json[mode];
    if (!isJsonObject(byType)) continue;
    for (const [type, byName] of Object.entries(byType)) {
      if (!isJsonObject(byName)) continue;
      for (const [name, config] of Object.entries(byName)) {
        nodes.push({ address: `${prefix}${type}.${name}`, mode, type, name, config: (config ?? {}) as StackJson });
      }
    }
  }
  return nodes;
}

/** The resources of one type, as objects (non-objects skipped). */
export function resourcesOfType(json: StackJson, type: string, mode: "resource" | "data" = "resource"): StackJson[] {
  const byType = json[mode];
  if (!isJsonObject(byType)) return [];
  const byName = byType[type];
  return isJsonObject(byName) ? Object.values(byName).filter(isJsonObject) : [];
}

/** One data source's attributes, by type and name. */
export function dataSource(json: StackJson, type: string, name: string): StackJson | undefined {
  const data = json.data;
  const byName = isJsonObject(data) ? data[type] : undefined;
  const node = isJsonObject(byName) ? byName[name] : undefined;
  return isJsonObject(node) ? node : undefined;
}

/** The `value` of a stack output. */
export function outputValue(json: StackJson, name: string): unknown {
  const outputs = json.output;
  const out = isJsonObject(outputs) ? outputs[name] : undefined;
  return isJsonObject(out) ? out.value : undefined;
}

/** The first configuration block of a provider (e.g. `postgresql`), or an empty object. */
export function providerConfig(json: StackJson, provider: string): StackJson {
  const providers = json.provider;
  const list = isJsonObject(providers) ? providers[provider] : undefined;
  return Array.isArray(list) && isJsonObject(list[0]) ? list[0] : {};
}

/** The construct path synth recorded for a node (`//`.metadata.path). */
export function constructPath(node: StackNode): string | undefined {
  const meta = node.config["//"];
  const p = isJsonObject(meta) && isJsonObject(meta.metadata) ? meta.metadata.path : undefined;
  return typeof p === "string" ? p : undefined;
}

/** The stack name synth recorded (`//`.metadata.stackName). */
export function stackNameOf(json: StackJson): string | undefined {
  const meta = json["//"];
  const n = isJsonObject(meta) && isJsonObject(meta.metadata) ? meta.metadata.stackName : undefined;
  return typeof n === "string" ? n : undefined;
}
