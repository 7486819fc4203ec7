/**
 * `cdktf-clickpipes init [dir]`: scaffold a cdktf project that depends on this package (templates in
 * `templates/init/` of the package). Generic (self-managed) sources only by default; `--aws` adds the
 * Aurora source and the AWS provider. A local tarball given as `--package file:<path>` is copied
 * into the project's `vendor/` and referenced there, so a clone installs anywhere (and the trusted
 * review workflow installs that tarball from the default branch, pinned by its sha512). Refuses a
 * non-empty folder; writes into a temporary folder beside the target and moves the files in at the
 * end, so a failure leaves nothing half-written. Exit 0 written, 2 called wrongly or the folder is
 * not empty.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import * as zlib from "node:zlib";
import { listFiles } from "../util/file-tree";
import { escapeControl } from "../util/text-file";
import { shellQuote } from "../model/quoting/shell";
import type { CommandModule } from "./main";
import { CommandDoc, expectPositionals, ParsedCommand, runCommand, Writer } from "./args";

const PACKAGE_NAME = "cdktf-clickpipes-postgres";

/** Peer dependencies and tools the scaffold pins, at the versions this package is developed and tested with. */
const PINNED_DEPENDENCIES = ["cdktf", "constructs", "@cdktf/provider-postgresql"] as const;
/** The AWS provider: pinned only with `--aws` (Aurora/RDS sources). */
const AWS_PROVIDER = "@cdktf/provider-aws";
const PINNED_DEV_DEPENDENCIES = ["cdktf-cli", "tsx", "typescript", "vitest", "@types/node"] as const;

/**
 * Install scripts the scaffold's npm may run (`allowScripts`): none is needed. cdktf-cli's
 * node-pty (an interactive terminal for `cdktf deploy` prompts; synth and deploy --auto-approve work
 * without it) and esbuild's binary check (tsx finds the platform binary package) stay off, and so
 * does this package's own `prepare` (a build step of its repository; the package ships built).
 */
const ALLOW_SCRIPTS: Record<string, boolean> = { "@cdktf/node-pty-prebuilt-multiarch": false, [PACKAGE_NAME]: false, esbuild: false };

interface OwnPackage {
  readonly root: string;
  readonly version: string;
  readonly devDependencies: Readonly<Record<string, string>>;
}

/** This package's root: the nearest package.json named cdktf-clickpipes-postgres above this file (src/ or dist/src/). */
export function ownPackage(from: string = __dirname): OwnPackage {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, "utf8"));
      if (json.name === PACKAGE_NAME) return { root: dir, version: json.version, devDependencies: json.devDependencies ?? {} };
    }
    if (path.dirname(dir) === dir) throw new Error(`cannot find the package.json of ${PACKAGE_NAME} above ${from}`);
  }
}

/**
 * The pinned versions for a scaffold. The published package.json keeps devDependencies, whose exact
 * pins are the versions the peers are tested with.
 */
export function scaffoldVersions(own: OwnPackage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...PINNED_DEPENDENCIES, AWS_PROVIDER, ...PINNED_DEV_DEPENDENCIES]) {
    const v = own.devDependencies[name];
    if (!v || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(v)) throw new Error(`package.json of ${PACKAGE_NAME} has no exact devDependency pin for ${name}`);
    out[name] = v;
  }
  return out;
}

class InitError extends Error {}

/** An npm package name from a folder name (lowercase; letters, digits, - . _). */
export function projectName(dir: string): string {
  const base = path
    .basename(path.resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|[-]+$/g, "");
  return base.length > 0 && base.length <= 214 ? base : "clickpipes-sources";
}

/** What a scaffold holds beyond the templates. */
export interface ScaffoldOptions {
  /** The npm spec of this package in package.json. @default this package's version */
  readonly packageSpec?: string;
  /** Add the Aurora source and the pinned `@cdktf/provider-aws`. @default false */
  readonly aws?: boolean;
  /** A local tarball of this package, copied to `vendor/` and referenced there (instead of `packageSpec`). */
  readonly vendored?: VendoredTarball;
}

/** A tarball of this package to ship inside the scaffold. */
export interface VendoredTarball {
  /** Where it is read from. */
  readonly source: string;
  /** Its path in the project (`vendor/cdktf-clickpipes-postgres-<version>.tgz`). */
  readonly path: string;
  readonly bytes: Buffer;
}

/** The npm/SRI integrity of some bytes: `sha512-<base64>` (as package-lock.json records it). */
export function sha512Integrity(bytes: Buffer): string {
  return `sha512-${createHash("sha512").update(bytes).digest("base64")}`;
}

/** The variants a template can mark. */
export interface TemplateVariant {
  /** `init:aws` kept, `init:generic-only` dropped. @default false */
  readonly aws?: boolean;
  /** The package comes from a tarball in `vendor/`: `init:vendored` kept, `init:registry` dropped. @default false */
  readonly vendored?: boolean;
}

/** The variant names a template marks, and whether each is kept for a choice of variant. */
const VARIANT_KEPT: Readonly<Record<string, (v: Required<TemplateVariant>) => boolean>> = {
  aws: (v) => v.aws,
  "generic-only": (v) => !v.aws,
  vendored: (v) => v.vendored,
  registry: (v) => !v.vendored,
};
const VARIANT_NAMES = Object.keys(VARIANT_KEPT).join("|");
const BLOCK_MARKER = new RegExp(`^\\s*(?:\\/\\/|#|<!--) init:(${VARIANT_NAMES}):(start|end)(?: -->)?\\s*$`);
const LINE_MARKER = new RegExp(`^(.*?)\\s*(?:\\/\\/|#) init:(${VARIANT_NAMES})\\s*$`);
const ANY_MARKER = new RegExp(`\\binit:(${VARIANT_NAMES})\\b`);

/**
 * Keep or drop the variant lines of a template: a block between `// init:aws:start` and
 * `// init:aws:end` (or `init:generic-only:…`, `init:vendored:…`, `init:registry:…`; `#` in YAML,
 * `<!-- … -->` in Markdown) is kept only in that variant, and so is a line ending in `// init:aws`
 * (`// init:generic-only`, …); the markers never reach the project.
 */
export function applyVariant(text: string, variant: TemplateVariant, file = "template"): string {
  const chosen = { aws: variant.aws ?? false, vendored: variant.vendored ?? false };
  const keep = (name: string) => VARIANT_KEPT[name]!(chosen);
  const out: string[] = [];
  let block: string | undefined;
  text.split("\n").forEach((line, i) => {
    const marker = BLOCK_MARKER.exec(line);
    if (marker) {
      if ((marker[2] === "start") !== (block === undefined) || (marker[2] === "end" && block !== marker[1])) throw new Error(`${file}:${i + 1}: unbalanced ${line.trim()}`);
      block = marker[2] === "start" ? marker[1] : undefined;
      return;
    }
    if (block !== undefined && !keep(block)) return;
    const tagged = LINE_MARKER.exec(line);
    if (tagged) {
      if (keep(tagged[2]!)) out.push(tagged[1]!);
      return;
    }
    if (ANY_MARKER.test(line)) throw new Error(`${file}:${i + 1}: a variant marker in the middle of a line`);
    out.push(line);
  });
  if (block !== undefined) throw new Error(`${file}: init:${block}:start without an end`);
  return out.join("\n");
}

/** The files of the scaffold (relative path -> content). */
export function scaffoldFiles(dir: string, own: OwnPackage, options: ScaffoldOptions = {}): Map<string, string | Buffer> {
  const name = projectName(dir);
  const versions = scaffoldVersions(own);
  const aws = options.aws === true;
  const templates = path.join(own.root, "templates", "init");
  const files = new Map<string, string | Buffer>();
  // The trusted review workflow installs the same package: from the registry at this version, or
  // the vendored tarball as the default branch holds it, pinned by its sha512.
  const reviewTool = options.vendored ? options.vendored.path : `${PACKAGE_NAME}@${own.version}`;
  const reviewToolSha512 = options.vendored ? sha512Integrity(options.vendored.bytes) : "";
  for (const from of listFiles(templates)) {
    // npm leaves .gitignore files out of packages: the template is named gitignore (and github/ is
    // written as .github/, so no dot-folder depends on npm's packing rules).
    const to = from === "gitignore" ? ".gitignore" : from.startsWith("github/") ? `.${from}` : from;
    const text = fs
      .readFileSync(path.join(templates, ...from.split("/")), "utf8")
      .replace(/\{\{NAME\}\}/g, name)
      .replace(/\{\{VERSION\}\}/g, own.version)
      .replace(/\{\{REVIEW_TOOL\}\}/g, reviewTool)
      .replace(/\{\{REVIEW_TOOL_SHA512\}\}/g, reviewToolSha512)
      .replace(/\{\{AWS_PROVIDER_VERSION\}\}/g, versions[AWS_PROVIDER]!);
    files.set(to, applyVariant(text, { aws, vendored: options.vendored !== undefined }, from));
  }
  if (options.vendored) files.set(options.vendored.path, options.vendored.bytes);
  const pkg = {
    name,
    version: "0.0.0",
    private: true,
    description: "ClickHouse ClickPipes Postgres CDC sources, prepared with cdktf-clickpipes-postgres",
    scripts: {
      synth: "cdktf synth",
      typecheck: "tsc -p tsconfig.json",
      test: "tsc -p tsconfig.json && vitest run",
      "check:synth": "node --import tsx check-synth.ts",
    },
    dependencies: sortKeys({
      [PACKAGE_NAME]: options.vendored ? `file:${options.vendored.path}` : (options.packageSpec ?? own.version),
      ...Object.fromEntries([...PINNED_DEPENDENCIES, ...(aws ? [AWS_PROVIDER] : [])].map((n) => [n, versions[n]!])),
    }),
    devDependencies: sortKeys(Object.fromEntries(PINNED_DEV_DEPENDENCIES.map((n) => [n, versions[n]!]))),
    allowScripts: ALLOW_SCRIPTS,
  };
  files.set("package.json", JSON.stringify(pkg, null, 2) + "\n");
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The local file an npm spec names (`file:<path>`, `file:///<path>`, `./x.tgz`, `../x.tgz`, `/x.tgz`),
 * or undefined for a registry or git spec.
 */
export function localSpecPath(spec: string): string | undefined {
  if (spec.startsWith("file://")) return fileURLToPath(spec);
  if (spec.startsWith("file:")) return spec.slice("file:".length);
  if (/^(\.{1,2}\/|\/|~\/)/.test(spec)) return spec;
  return undefined;
}

/** The `package.json` of an npm tarball (a gzipped tar whose files are under `package/`), or a reason it is not one. */
export function tarballPackageJson(bytes: Buffer): { name?: unknown; version?: unknown } | string {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return "not a gzip file (npm pack writes a .tgz)";
  let tar: Buffer;
  try {
    tar = zlib.gunzipSync(bytes, { maxOutputLength: 512 * 1024 * 1024 });
  } catch (e) {
    return `cannot be unpacked (${(e as Error).message})`;
  }
  const text = (b: Buffer) => b.toString("utf8", 0, b.indexOf(0) < 0 ? b.length : b.indexOf(0));
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(text(header.subarray(124, 136)).trim() || "0", 8);
    if (!Number.isFinite(size) || size < 0) return "not a tar archive";
    const prefix = text(header.subarray(345, 500));
    const entry = (prefix ? `${prefix}/` : "") + text(header.subarray(0, 100));
    if (entry.replace(/^\.\//, "") === "package/package.json") {
      try {
        return JSON.parse(tar.toString("utf8", at + 512, at + 512 + size));
      } catch {
        return "its package/package.json is not JSON";
      }
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return "has no package/package.json (not an npm package tarball)";
}

/**
 * Read a local tarball spec for the scaffold in `target`: the path as npm reads it (relative to the
 * project folder), or else relative to the current folder. It must be a tarball of this package;
 * a folder is refused (a clone of the project would not have it).
 */
export function vendorTarball(spec: string, target: string, cwd: string = process.cwd()): VendoredTarball {
  const given = localSpecPath(spec)!;
  const expanded = given.startsWith("~/") ? path.join(process.env.HOME ?? "~", given.slice(2)) : given;
  const candidates = [...new Set([path.resolve(target, expanded), path.resolve(cwd, expanded)])];
  const source = candidates.find((c) => fs.existsSync(c));
  const bad = (why: string) => new InitError(`--package = ${JSON.stringify(spec)} is not allowed: ${why}`);
  if (!source) throw bad(`no such file (looked for ${candidates.map((c) => JSON.stringify(c)).join(" and ")}); give a tarball of ${PACKAGE_NAME} (npm run pack)`);
  if (fs.statSync(source).isDirectory()) throw bad(`${source} is a folder, which a clone of the project would not have; give a tarball of ${PACKAGE_NAME} (npm run pack in that folder)`);
  const bytes = fs.readFileSync(source);
  const pkg = tarballPackageJson(bytes);
  if (typeof pkg === "string") throw bad(`${source} ${pkg}`);
  if (pkg.name !== PACKAGE_NAME) throw bad(`${source} is the package ${JSON.stringify(pkg.name)}, not ${PACKAGE_NAME}`);
  if (typeof pkg.version !== "string" || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(pkg.version)) throw bad(`${source} has no usable version (${JSON.stringify(pkg.version)})`);
  return { source, path: `vendor/${PACKAGE_NAME}-${pkg.version}.tgz`, bytes };
}

function sortKeys(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Write the scaffold into `dir` (created when missing, refused when not empty). Returns the written paths. */
export function initProject(dir: string, options: { packageSpec?: string; aws?: boolean; own?: OwnPackage; cwd?: string } = {}): string[] {
  const target = path.resolve(dir);
  if (fs.existsSync(target)) {
    if (!fs.statSync(target).isDirectory()) throw new InitError(`${dir} is a file, not a folder; give a new or empty folder`);
    const entries = fs.readdirSync(target);
    if (entries.length > 0) {
      throw new InitError(`${dir} is not empty (${entries.length} entr${entries.length === 1 ? "y" : "ies"}, e.g. ${JSON.stringify(entries.sort()[0])}); give a new or empty folder`);
    }
  }
  const spec = options.packageSpec;
  const vendored = spec !== undefined && localSpecPath(spec) !== undefined ? vendorTarball(spec, target, options.cwd) : undefined;
  const files = scaffoldFiles(target, options.own ?? ownPackage(), { packageSpec: spec, aws: options.aws, vendored });
  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  const staging = fs.mkdtempSync(path.join(parent, `.${path.basename(target)}.init-`));
  try {
    fs.chmodSync(staging, 0o777 & ~process.umask()); // mkdtemp makes it 0700; the project folder gets the usual mode
    for (const [rel, content] of files) {
      fs.mkdirSync(path.dirname(path.join(staging, rel)), { recursive: true });
      fs.writeFileSync(path.join(staging, rel), content);
    }
    if (fs.existsSync(target)) {
      for (const entry of fs.readdirSync(staging)) fs.renameSync(path.join(staging, entry), path.join(target, entry));
    } else {
      fs.renameSync(staging, target);
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return [...files.keys()];
}

export const INIT_DOC: CommandDoc = {
  command: "init",
  usage: "[dir] [--aws] [--package <npm spec>] [--json]",
  description: `Creates a cdktf project in dir (default: the current folder, which must be empty): cdktf.json, package.json (this package and its peers at pinned versions), config.ts (one generic source; with --aws also an Aurora source), fleet.yaml, a test, tsconfig.json, .gitignore, a PR-review workflow and a README with the two commands. Writes into a temporary folder and moves the files in at the end: a failure leaves nothing half-written.`,
  options: [
    { name: "--aws", description: "add an Aurora source to config.ts and @cdktf/provider-aws (about 390 MiB more in node_modules) to package.json; default: generic (self-managed) sources only" },
    {
      name: "--package",
      value: "<npm spec>",
      description: `the npm spec of ${PACKAGE_NAME} in package.json; a local tarball (file:<path>, relative to dir as npm reads it, or to the current folder) is copied to dir/vendor/ and referenced there, so a clone of the project installs anywhere, and the PR-review workflow installs that tarball from the default branch, pinned by its sha512`,
    },
    { name: "--json", description: "print the folder and the files written as JSON" },
  ],
  exitCodes: [
    [0, "written"],
    [2, "called wrongly, or the folder is not empty or cannot be written"],
  ],
  examples: ["cdktf-clickpipes init my-sources && cd my-sources && npm install && npx cdktf synth", `cdktf-clickpipes init my-sources --aws --package file:../${PACKAGE_NAME}-0.1.0.tgz`],
};

export async function runInit(args: string[], out: Writer = process.stdout, err: Writer = process.stderr): Promise<number> {
  return runCommand(INIT_DOC, args, { out, err }, (parsed) => init(parsed, out, err));
}

function init(parsed: ParsedCommand, out: Writer, err: Writer): number {
  expectPositionals(parsed.positionals, 0, 1, "at most one folder");
  const dir = parsed.positionals[0] ?? ".";
  const spec = parsed.values.package as string | undefined;
  if (spec !== undefined && (spec.trim() === "" || /\s/.test(spec))) {
    err.write(`cdktf-clickpipes init: --package = ${JSON.stringify(spec)} is not allowed: an npm spec without spaces (a version, a range, file:<path>)\n`);
    return 2;
  }
  let written: string[];
  try {
    written = initProject(dir, { packageSpec: spec, aws: parsed.values.aws === true });
  } catch (e) {
    if (e instanceof InitError) {
      err.write(`cdktf-clickpipes init: ${escapeControl(e.message)}\n`);
      return 2;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code) {
      err.write(`cdktf-clickpipes init: cannot write ${dir}: ${code}\n`);
      return 2;
    }
    throw e;
  }
  if (parsed.values.json) {
    out.write(JSON.stringify({ dir: path.resolve(dir), aws: parsed.values.aws === true, files: written }, null, 2) + "\n");
  } else {
    for (const f of written) out.write(`created ${escapeControl(path.join(dir, f))}\n`);
    const vendored = written.find((f) => f.startsWith("vendor/"));
    if (vendored) out.write(`\n${vendored} is a copy of the tarball and package.json reads it there: commit it with package-lock.json, so a clone installs anywhere.\n`);
    // A line to paste into a POSIX shell: the folder as one shell word, control characters shown as \xNN.
    const cd = dir === "." ? "" : `cd ${escapeControl(shellQuote(dir)).replace(/\n/g, "\\x0a").replace(/\t/g, "\\x09")} && `;
    out.write(`\nnext: ${cd}npm install && CHECKPOINT_DISABLE=1 npx cdktf synth   (then: npm test)\n`);
  }
  return 0;
}

export const INIT_COMMAND: CommandModule = {
  run: (args) => runInit(args),
};
