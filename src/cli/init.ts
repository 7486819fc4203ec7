/**
 * `cdktf-clickpipes init [dir]`: scaffold a cdktf project that depends on this package (templates in
 * `templates/init/` of the package). Refuses a non-empty folder; writes into a temporary folder
 * beside the target and moves the files in at the end, so a failure leaves nothing half-written.
 * Exit 0 written, 2 called wrongly or the folder is not empty.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { listFiles } from "../util/file-tree";
import { escapeControl } from "../util/text-file";
import { shellQuote } from "../model/quoting/shell";
import type { CommandModule } from "./main";
import { CommandDoc, expectPositionals, ParsedCommand, runCommand, Writer } from "./args";

const PACKAGE_NAME = "cdktf-clickpipes-postgres";

/** Peer dependencies and tools the scaffold pins, at the versions this package is developed and tested with. */
const PINNED_DEPENDENCIES = ["cdktf", "constructs", "@cdktf/provider-aws", "@cdktf/provider-postgresql"] as const;
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
  for (const name of [...PINNED_DEPENDENCIES, ...PINNED_DEV_DEPENDENCIES]) {
    const v = own.devDependencies[name];
    if (!v || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(v)) throw new Error(`package.json of ${PACKAGE_NAME} has no exact devDependency pin for ${name}`);
    out[name] = v;
  }
  return out;
}

/** An npm package name from a folder name (lowercase; letters, digits, - . _). */
export function projectName(dir: string): string {
  const base = path
    .basename(path.resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|[-]+$/g, "");
  return base.length > 0 && base.length <= 214 ? base : "clickpipes-sources";
}

/** The files of the scaffold (relative path -> content). */
export function scaffoldFiles(dir: string, own: OwnPackage, packageSpec?: string): Map<string, string> {
  const name = projectName(dir);
  const versions = scaffoldVersions(own);
  const templates = path.join(own.root, "templates", "init");
  const files = new Map<string, string>();
  for (const from of listFiles(templates)) {
    // npm leaves .gitignore files out of packages: the template is named gitignore (and github/ is
    // written as .github/, so no dot-folder depends on npm's packing rules).
    const to = from === "gitignore" ? ".gitignore" : from.startsWith("github/") ? `.${from}` : from;
    files.set(to, fs.readFileSync(path.join(templates, ...from.split("/")), "utf8").replace(/\{\{NAME\}\}/g, name).replace(/\{\{VERSION\}\}/g, own.version));
  }
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
      [PACKAGE_NAME]: packageSpec ?? own.version,
      ...Object.fromEntries(PINNED_DEPENDENCIES.map((n) => [n, versions[n]!])),
    }),
    devDependencies: sortKeys(Object.fromEntries(PINNED_DEV_DEPENDENCIES.map((n) => [n, versions[n]!]))),
    allowScripts: ALLOW_SCRIPTS,
  };
  files.set("package.json", JSON.stringify(pkg, null, 2) + "\n");
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function sortKeys(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

class InitError extends Error {}

/** Write the scaffold into `dir` (created when missing, refused when not empty). Returns the written paths. */
export function initProject(dir: string, options: { packageSpec?: string; own?: OwnPackage } = {}): string[] {
  const target = path.resolve(dir);
  if (fs.existsSync(target)) {
    if (!fs.statSync(target).isDirectory()) throw new InitError(`${dir} is a file, not a folder; give a new or empty folder`);
    const entries = fs.readdirSync(target);
    if (entries.length > 0) {
      throw new InitError(`${dir} is not empty (${entries.length} entr${entries.length === 1 ? "y" : "ies"}, e.g. ${JSON.stringify(entries.sort()[0])}); give a new or empty folder`);
    }
  }
  const files = scaffoldFiles(target, options.own ?? ownPackage(), options.packageSpec);
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
  usage: "[dir] [--package <npm spec>] [--json]",
  description: `Creates a cdktf project in dir (default: the current folder, which must be empty): cdktf.json, package.json (this package and its peers at pinned versions), config.ts (one generic and one Aurora source), fleet.yaml, a test, tsconfig.json, .gitignore, a PR-review workflow and a README with the two commands. Writes into a temporary folder and moves the files in at the end: a failure leaves nothing half-written.`,
  options: [
    { name: "--package", value: "<npm spec>", description: `the npm spec of ${PACKAGE_NAME} in package.json (e.g. a local tarball: file:../${PACKAGE_NAME}-0.1.0.tgz)` },
    { name: "--json", description: "print the folder and the files written as JSON" },
  ],
  exitCodes: [
    [0, "written"],
    [2, "called wrongly, or the folder is not empty or cannot be written"],
  ],
  examples: ["cdktf-clickpipes init my-sources && cd my-sources && npm install && npx cdktf synth"],
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
    written = initProject(dir, { packageSpec: spec });
  } catch (e) {
    if (e instanceof InitError) {
      err.write(`cdktf-clickpipes init: ${e.message}\n`);
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
    out.write(JSON.stringify({ dir: path.resolve(dir), files: written }, null, 2) + "\n");
  } else {
    for (const f of written) out.write(`created ${escapeControl(path.join(dir, f))}\n`);
    // A line to paste into a POSIX shell: the folder as one shell word, control characters shown as \xNN.
    const cd = dir === "." ? "" : `cd ${escapeControl(shellQuote(dir)).replace(/\n/g, "\\x0a").replace(/\t/g, "\\x09")} && `;
    out.write(`\nnext: ${cd}npm install && CHECKPOINT_DISABLE=1 npx cdktf synth   (then: npm test)\n`);
  }
  return 0;
}

export const INIT_COMMAND: CommandModule = {
  run: (args) => runInit(args),
};
