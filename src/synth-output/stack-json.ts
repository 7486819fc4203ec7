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
import { jsonPath, parseStrictJson, StrictJsonError } from "../util/strict-json";
import { oneLine, readTextFile } from "../util/text-file";
import { isTerraformExpression } from "../model/patterns";
import { checkStackFolder } from "./stack-folder";
import { isObject } from "../model/json";

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
  /** The JSON has a key twice in one object (`jsonPath`: where). */
  | "duplicate-key"
  /** The JSON has a key naming a member of every JavaScript object (`__proto__`, `constructor`, ...). */
  | "prototype-key"
  /** The JSON nests deeper than `MAX_JSON_DEPTH`. */
  | "too-deep"
  /** A path that is a FIFO, device, socket or other non-regular file (refused unopened). */
  | "not-a-file"
  /** The stack has top-level blocks that are not Terraform JSON blocks (`names`). */
  | "unknown-block"
  /** The stack folder holds files besides cdk.tf.json and the server-setup files, or symbolic links (`names`). */
  | "stack-folder"
  /** A field the postgresql provider writes into SQL unquoted fails the identifier rules (`names`: every such `address.field`). */
  | "unsafe-name"
  /** A stack folder under `stacks/` whose cdk.tf.json claims another stack name (`//`.metadata.stackName) than the folder's. */
  | "stack-name"
  /** The JSON is not an object. */
  | "not-object"
  /** The JSON is an object but not a synthesized stack (no `terraform` block, a block not in the form cdktf writes). */
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
  /** The JSON path refused (duplicate-key, prototype-key, too-deep). */
  readonly jsonPath?: string;
  /** The unknown top-level blocks (unknown-block), or the refused folder entries (stack-folder). */
  readonly names?: readonly string[];

  constructor(message: string, info: { kind: StackReadErrorKind; location: string; file?: string; detail?: string; stacks?: readonly string[]; jsonPath?: string; names?: readonly string[] }) {
    super(message);
    this.kind = info.kind;
    this.location = info.location;
    this.file = info.file;
    this.detail = info.detail;
    this.stacks = info.stacks;
    this.jsonPath = info.jsonPath;
    this.names = info.names;
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

/** A JSON object of a stack (`isObject` of src/model/json.ts under the stack's type). */
export const isJsonObject: (v: unknown) => v is StackJson = isObject;

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
    throw new StackReadError(`stack ${location}: no such file or folder (expected a stack folder or its cdk.tf.json)`, { kind: "not-found", location });
  }
  if (!stat.isDirectory()) return location;
  const direct = path.join(location, "cdk.tf.json");
  if (!options.outDir || fs.existsSync(direct)) return direct;
  const stacksDir = path.join(location, "stacks");
  const candidates = fs.existsSync(stacksDir)
    ? fs
        .readdirSync(stacksDir)
        .filter((d) => fs.existsSync(path.join(stacksDir, d, "cdk.tf.json")))
        .sort()
    : [];
  if (candidates.length === 1) return path.join(stacksDir, candidates[0], "cdk.tf.json");
  if (candidates.length > 1) {
    const names = candidates.map((c) => path.join(location, "stacks", c));
    throw new StackReadError(`cannot read stack "${location}": it holds ${candidates.length} stacks; name one: ${names.join(", ")}`, { kind: "ambiguous", location, stacks: names });
  }
  throw new StackReadError(`cannot read stack "${location}": no cdk.tf.json in it (run "cdktf synth" first)`, { kind: "no-stack", location });
}

/**
 * The top-level blocks of Terraform JSON (https://developer.hashicorp.com/terraform/language/syntax/json),
 * with how many labels each takes and whether its body may be a list of bodies (as cdktf writes
 * `provider`, `moved`, `import` and `removed`). `//` is a comment (cdktf's metadata).
 */
export const TOP_LEVEL_BLOCKS = {
  "//": undefined,
  terraform: { labels: 0, list: false },
  provider: { labels: 1, list: true },
  resource: { labels: 2, list: false },
  data: { labels: 2, list: false },
  variable: { labels: 1, list: false },
  output: { labels: 1, list: false },
  locals: { labels: 0, list: false },
  module: { labels: 1, list: false },
  moved: { labels: 0, list: true },
  import: { labels: 0, list: true },
  removed: { labels: 0, list: true },
  check: { labels: 1, list: false },
} as const satisfies Record<string, { labels: number; list: boolean } | undefined>;

/** A top-level block name of Terraform JSON. */
export type TopLevelBlock = keyof typeof TOP_LEVEL_BLOCKS;

/**
 * Blocks Terraform acts on that the review tools do not model as resources: a module call (any
 * resources at all), `moved` (an address changes), `import` (an existing object comes under
 * management), `removed` (an object leaves the state, destroyed or not), `check` (assertions with
 * scoped data sources). `unmodelledBlocks` lists them for the verdicts.
 */
export const UNMODELLED_BLOCKS = ["module", "moved", "import", "removed", "check"] as const satisfies readonly TopLevelBlock[];

const isBlockName = (k: string): k is TopLevelBlock => Object.prototype.hasOwnProperty.call(TOP_LEVEL_BLOCKS, k);

/**
 * A problem with the block structure: an unknown top-level block, or a block that is not in the
 * form cdktf writes (objects at label levels, an object body or, where cdktf writes one, a list of
 * object bodies). Terraform also reads other forms (a list at any level); they are refused here
 * rather than read differently. Undefined when the structure is sound.
 */
function blockProblem(json: StackJson): { kind: "unknown-block" | "not-stack"; what: string; names?: string[] } | undefined {
  const unknown = Object.keys(json).filter((k) => !isBlockName(k));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 10).map((k) => JSON.stringify(oneLine(k, 60)));
    return {
      kind: "unknown-block",
      names: unknown,
      what: `has top-level block${unknown.length > 1 ? "s" : ""} ${shown.join(", ")}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ""} that this tool does not read (known: ${Object.keys(TOP_LEVEL_BLOCKS).join(", ")})`,
    };
  }
  for (const [block, shape] of Object.entries(TOP_LEVEL_BLOCKS)) {
    if (!shape || json[block] === undefined) continue;
    // Walk the label levels without recursion: [value, path].
    let level: [unknown, (string | number)[]][] = [[json[block], [block]]];
    for (let l = 0; l < shape.labels; l++) {
      const next: [unknown, (string | number)[]][] = [];
      for (const [v, p] of level) {
        if (!isJsonObject(v)) return { kind: "not-stack", what: `${jsonPath(p)} is ${describeJson(v)}, not an object of ${block} blocks by label` };
        for (const [k, x] of Object.entries(v)) {
          if (k === "//") return { kind: "not-stack", what: `${jsonPath([...p, k])} is a comment where a ${block} label belongs` };
          next.push([x, [...p, k]]);
        }
      }
      level = next;
    }
    for (const [v, p] of level) {
      const bodies = shape.list && Array.isArray(v) ? v.map((x, i) => [x, [...p, i]] as const) : [[v, p] as const];
      for (const [b, bp] of bodies) {
        if (!isJsonObject(b)) {
          return { kind: "not-stack", what: `${jsonPath(bp)} is ${describeJson(b)}, not a ${block} block body (an object${shape.list ? ", or a list of objects" : ""})` };
        }
      }
    }
  }
  return undefined;
}

/** What a JSON value is, in a word (never its content). */
function describeJson(v: unknown): string {
  return Array.isArray(v) ? "a list" : v === null ? "null" : `a ${typeof v}`;
}

/**
 * A synthesized stack is an object with a `terraform` block, only top-level blocks Terraform
 * knows, each in the form cdktf writes (`blockProblem`): anything else (a manifest, a plan, a state
 * file, a hand-made variant) is refused rather than read as empty or read differently from
 * Terraform. `label` starts the message (`stack "<location>": <file>` or `the given JSON:`).
 */
export function assertStackShape(json: unknown, label: string, requireTerraformBlock: boolean, location = "", file?: string): asserts json is StackJson {
  if (!isJsonObject(json)) throw new StackReadError(`cannot read ${label} is not a Terraform JSON object`, { kind: "not-object", location, file, detail: "not a Terraform JSON object" });
  if (requireTerraformBlock && !isJsonObject(json.terraform)) {
    throw new StackReadError(`cannot read ${label} is not a synthesized stack (no valid "terraform" block; expected cdktf.out/stacks/<stack>/cdk.tf.json)`, {
      kind: "not-stack",
      location,
      file,
    });
  }
  const problem = blockProblem(json);
  if (problem) {
    const what = problem.kind === "not-stack" ? `is not a synthesized stack: ${problem.what}` : problem.what;
    throw new StackReadError(`cannot read ${label} ${what}`, { kind: problem.kind, location, file, detail: problem.what, names: problem.names });
  }
}

/**
 * Parse attacker-controllable JSON text with the strict parser (duplicate keys, prototype keys,
 * depth), as a `StackReadError` naming `label` (`stack "<location>": <file>`).
 */
function parseStackText(text: string, label: string, location: string, file: string): unknown {
  try {
    return parseStrictJson(text);
  } catch (e) {
    if (!(e instanceof StrictJsonError)) throw e;
    const kind = e.problem === "syntax" ? "invalid-json" : e.problem;
    throw new StackReadError(`cannot read ${label} is not valid JSON (${e.message})`, { kind, location, file, detail: e.message, jsonPath: e.path });
  }
}

/**
 * Locate, read and parse a stack. Throws `StackReadError`.
 *
 * When the stack is a `cdk.tf.json` in a stack folder (the file was named so, or its folder was
 * given), the folder is checked first (`checkStackFolder`): Terraform loads every `*.tf` and
 * `*.tf.json` of it, so a folder holding anything but cdk.tf.json and the server-setup files, or
 * a symbolic link, is refused.
 */
export function readStackJson(location: string, options: ReadStackOptions = {}): { file: string; json: StackJson } {
  const file = locateStackFile(location, options);
  const label = `stack "${location}": ${file}`;
  if (path.basename(file) === STACK_FILE_NAME && lexists(file)) {
    const problem = checkStackFolder(path.dirname(file));
    if (problem) {
      throw new StackReadError(`cannot read stack "${location}": ${problem.message}`, { kind: "stack-folder", location, file, detail: problem.message, names: problem.entries });
    }
  }
  const read = readTextFile(file, MAX_STACK_FILE_BYTES);
  if ("problem" in read) {
    const { kind, what } = read.problem;
    throw new StackReadError(
      kind === "missing" ? `cannot read stack "${location}": ${file} is missing (run "cdktf synth" first)` : `cannot read stack "${location}": ${file} is not a synthesized stack: ${what}`,
      { kind: kind === "too-large" || kind === "binary" || kind === "not-a-file" ? kind : kind === "directory" ? "not-a-file" : "unreadable", location, file, detail: what },
    );
  }
  const json = parseStackText(read.text, label, location, file);
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
  for (const [mode, prefix] of [
    ["resource", ""],
    ["data", "data."],
  ] as const) {
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

/** The first configuration block of a provider (e.g. `postgresql`; a list as cdktf writes it, or one object), or an empty object. */
export function providerConfig(json: StackJson, provider: string): StackJson {
  const providers = json.provider;
  const list = isJsonObject(providers) ? providers[provider] : undefined;
  const first = Array.isArray(list) ? list[0] : list;
  return isJsonObject(first) ? first : {};
}

/** One block of a kind the review tools do not model as a resource (`UNMODELLED_BLOCKS`). */
export interface UnmodelledBlock {
  readonly block: (typeof UNMODELLED_BLOCKS)[number];
  /** `module.<name>`, `check.<name>`, or `moved[<i>]` / `import[<i>]` / `removed[<i>]` (`[0]` for a single object). */
  readonly address: string;
  /** Its body as synthesized. */
  readonly body: StackJson;
}

/**
 * Every `module`, `moved`, `import`, `removed` and `check` block of a stack, in the JSON's order
 * (the shape was checked by `assertStackShape`; anything else is skipped). A stack cdktf-clickpipes
 * synthesizes has none; each one is something Terraform does that no verdict of the review tools
 * covers by resource, so the verdicts judge them as such.
 */
export function unmodelledBlocks(json: StackJson): UnmodelledBlock[] {
  const out: UnmodelledBlock[] = [];
  for (const block of UNMODELLED_BLOCKS) {
    const v = json[block];
    if (v === undefined) continue;
    if (TOP_LEVEL_BLOCKS[block].labels === 1) {
      if (isJsonObject(v)) for (const [name, body] of Object.entries(v)) if (isJsonObject(body)) out.push({ block, address: `${block}.${name}`, body });
    } else {
      const bodies = Array.isArray(v) ? v : [v];
      bodies.forEach((body, i) => isJsonObject(body) && out.push({ block, address: `${block}[${i}]`, body }));
    }
  }
  return out;
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

/** One stack of a synth output. */
export interface SynthStackFolder {
  /** The stack's name: its folder's name under `stacks/` (the metadata must agree), or for one stack folder given alone its metadata name, else the folder's name. */
  readonly name: string;
  /** The stack folder. */
  readonly dir: string;
  /** Its cdk.tf.json. */
  readonly file: string;
  readonly json: StackJson;
}

/**
 * The stack folders of a synth output at `location` (an existing folder): the folder itself when
 * it holds cdk.tf.json (one stack), else every entry of its `stacks/` folder, else every entry of
 * the folder itself holding a cdk.tf.json (the `stacks` folder given). A symbolic link among them
 * is refused (`StackReadError` kind `stack-folder`). Empty when there is none.
 */
export function synthStackFolders(location: string): { dir: string; alone: boolean }[] {
  if (fs.existsSync(path.join(location, STACK_FILE_NAME))) return [{ dir: location, alone: true }];
  const stacksDir = fs.existsSync(path.join(location, "stacks")) ? path.join(location, "stacks") : location;
  const out: { dir: string; alone: boolean }[] = [];
  const links: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(stacksDir, { withFileTypes: true });
  } catch {
    return [];
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const dir = path.join(stacksDir, e.name);
    if (e.isSymbolicLink()) links.push(dir);
    else if (e.isDirectory() && (stacksDir !== location || fs.existsSync(path.join(dir, STACK_FILE_NAME)))) out.push({ dir, alone: false });
  }
  if (links.length > 0) {
    const shown = links.map((l) => `${JSON.stringify(oneLine(l, 120))} -> ${JSON.stringify(oneLine(safeReadlink(l), 120))}`).join(", ");
    throw new StackReadError(`cannot read synth output "${location}": symlinked stack folder${links.length > 1 ? "s" : ""} ${shown}; a stack folder must be a real folder`, {
      kind: "stack-folder",
      location,
      names: links,
    });
  }
  return out;
}

function lexists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function safeReadlink(p: string): string {
  try {
    return fs.readlinkSync(p);
  } catch {
    return "?";
  }
}

const STACK_FILE_NAME = "cdk.tf.json";

/**
 * Read every stack of a synth output (see `synthStackFolders`), each through `readStackJson`.
 * Under `stacks/`, a stack is named by its folder, and a cdk.tf.json whose metadata claims another
 * name is refused, so no two folders can claim one stack (the metadata is a hint, never identity). Throws `StackReadError`; empty when the
 * folder holds no stack.
 */
export function readSynthStacks(location: string): SynthStackFolder[] {
  const out: SynthStackFolder[] = [];
  for (const { dir, alone } of synthStackFolders(location)) {
    const { file, json } = readStackJson(dir);
    const claimed = stackNameOf(json);
    const folderName = path.basename(path.resolve(dir));
    if (!alone && claimed !== undefined && claimed !== folderName) {
      throw new StackReadError(
        `cannot read stack "${dir}": its cdk.tf.json claims stack name ${JSON.stringify(oneLine(claimed, 80))} (//.metadata.stackName), not its folder's name ${JSON.stringify(oneLine(folderName, 80))}`,
        { kind: "stack-name", location: dir, file },
      );
    }
    out.push({ name: alone ? claimed || folderName : folderName, dir, file, json });
  }
  return out;
}
