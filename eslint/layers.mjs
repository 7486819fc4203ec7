/**
 * The architecture as an import rule (`layers/imports`): which folder of src/ may import which,
 * and which may load cdktf. Each folder of src/ (and each file directly in it) names the folders it
 * may import; an import of another folder, or of a package in `CDKTF_PACKAGES` from a folder without
 * `cdktf: true`, is an error naming both and the reason.
 *
 *   model        the configuration, its rules and facts: imports nothing of the project's outside model
 *   util         pure utilities: model and util only
 *   tf           the cdktf door (cdktf, the providers, the generated ClickHouse bindings)
 *   constructs   postgres, aws, clickhouse, azure, gcp: the door and the model, never app (above) or a tool
 *   app          the ready-made stacks: everything but the CLI
 *   tools        review, diff, guard, verify, health, ips, runtask, cli and what they read with
 *                (synth-output, render, pg, fleet, net): never the door, cdktf, a construct or app, so a
 *                tool loads without cdktf; the lower ones (synth-output, render, pg, fleet) never
 *                a higher one, and only cli imports cli
 *
 * Relative imports are resolved against the importing file; a path outside src/ (test helpers,
 * scripts) is not judged here.
 */
import * as path from "node:path";

/** Packages that load cdktf (or are its construct base). */
export const CDKTF_PACKAGES = [/^cdktf(\/|$)/, /^constructs(\/|$)/, /^@cdktf\//];

const LOWER_TOOLS = ["synth-output", "render", "pg", "fleet", "net"];
const TOOLS = [...LOWER_TOOLS, "review", "diff", "guard", "verify", "health", "ips", "runtask"];
const CONSTRUCTS = ["postgres", "aws", "clickhouse", "azure", "gcp"];

/**
 * Per folder (or root file) of src/: what it may import, and whether it may load cdktf.
 * `why` is the reason printed with a violation.
 */
export const LAYERS = {
  model: { may: ["model"], why: "the model imports nothing of the project's outside src/model" },
  util: { may: ["model", "util"], why: "src/util holds pure utilities: it imports only src/model and src/util" },
  tf: { may: ["model", "util", "tf"], cdktf: true, why: "the cdktf door imports only the model and utilities (nothing above it)" },
  ...Object.fromEntries(
    LOWER_TOOLS.map((t) => [
      t,
      {
        may: ["model", "util", ...LOWER_TOOLS],
        why: `src/${t} is read by the tools: it imports only model, util, ${LOWER_TOOLS.join(", ")} (never a tool above it, the cdktf door, a construct or app)`,
      },
    ]),
  ),
  ...Object.fromEntries(
    TOOLS.filter((t) => !LOWER_TOOLS.includes(t)).map((t) => [
      t,
      { may: ["model", "util", ...TOOLS], why: `the tools never load cdktf: src/${t} imports only model, util and the other tools (not src/tf, a construct, app or the CLI)` },
    ]),
  ),
  cli: { may: ["model", "util", ...TOOLS, "cli"], why: "the CLI never loads cdktf at import: src/cli imports only model, util and the tools" },
  ...Object.fromEntries(
    CONSTRUCTS.map((c) => [
      c,
      { may: ["model", "util", "tf", "render", ...CONSTRUCTS], cdktf: true, why: `constructs (src/${c}) import the door, the model, utilities, render and other constructs, never app or a tool` },
    ]),
  ),
  app: { may: ["model", "util", "tf", ...CONSTRUCTS, ...TOOLS, "app", "backend.ts"], cdktf: true, why: "src/app sits on top of the constructs; it never imports the CLI" },
  "backend.ts": { may: ["model", "tf"], cdktf: true, why: "the backend helper uses the model and the door" },
  "tools.ts": { may: ["model", "util", ...TOOLS], why: "the ./tools entry point never loads cdktf: only the model, utilities and the tools" },
  // The package's entry points re-export from every layer they present.
  "index.ts": { may: null, cdktf: true, why: "" },
  "aws-entry.ts": { may: null, cdktf: true, why: "" },
};

/** The folder (or root file) of src/ that `file` belongs to, or undefined outside src/. */
export function layerOf(srcRoot, file) {
  const rel = path.relative(srcRoot, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  if (parts.length === 1) return parts[0].replace(/\.(d\.)?ts$/, ".ts");
  return parts[0];
}

/** The problem with `file` importing `spec`, or undefined when allowed. */
export function importProblem(srcRoot, file, spec) {
  const from = layerOf(srcRoot, file);
  if (from === undefined) return undefined;
  const layer = LAYERS[from];
  if (!layer) return `src/${from} has no place in the layer table of eslint/layers.mjs: add it there`;
  if (!spec.startsWith(".")) {
    if (!layer.cdktf && CDKTF_PACKAGES.some((r) => r.test(spec))) return `src/${from} must not import "${spec}": ${layer.why}`;
    return undefined;
  }
  const to = layerOf(srcRoot, path.resolve(path.dirname(file), spec));
  if (to === undefined) return `src/${from} must not import "${spec}" from outside src/`;
  const target = to.endsWith(".ts") || !LAYERS[`${to}.ts`] ? to : `${to}.ts`;
  if (layer.may === null || layer.may.includes(target) || target === from) return undefined;
  return `src/${from} must not import src/${target.replace(/\.ts$/, "")} ("${spec}"): ${layer.why}`;
}

/** An ESLint plugin with the one rule `imports`. */
export function layersPlugin(srcRoot) {
  return {
    rules: {
      imports: {
        meta: { type: "problem", docs: { description: "imports follow the layers of src/ (eslint/layers.mjs)" }, schema: [] },
        create(context) {
          const check = (node, source) => {
            if (!source || typeof source.value !== "string") return;
            const problem = importProblem(srcRoot, context.filename, source.value);
            if (problem) context.report({ node: source, message: problem });
          };
          return {
            ImportDeclaration: (n) => check(n, n.source),
            ExportNamedDeclaration: (n) => check(n, n.source),
            ExportAllDeclaration: (n) => check(n, n.source),
            ImportExpression: (n) => check(n, n.source.type === "Literal" ? n.source : undefined),
            TSImportEqualsDeclaration: (n) => n.moduleReference.type === "TSExternalModuleReference" && check(n, n.moduleReference.expression),
            CallExpression: (n) => {
              if (n.callee.type === "Identifier" && n.callee.name === "require" && n.arguments[0]?.type === "Literal") check(n, n.arguments[0]);
            },
          };
        },
      },
    },
  };
}
