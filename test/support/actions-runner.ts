/**
 * A small GitHub Actions runner for the tests of the PR-review workflows and of action.yml: it runs
 * a job's steps as GitHub does (`bash --noprofile --norc -eo pipefail`, `env:` with the expressions
 * the test knows, `$GITHUB_OUTPUT`, `$GITHUB_STEP_SUMMARY`, steps after a failure only with
 * `always()`), and runs a `uses:` of this package's action (`./` or
 * `./node_modules/cdktf-clickpipes-postgres`) as GitHub runs a composite action: its steps with
 * `inputs.*` from `with:` and the action's defaults, its outputs mapped back to the step. Scripts are
 * the YAML's own text, never retyped. Other `uses:` (checkout, setup-node) are skipped.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";

export const ROOT = path.resolve(__dirname, "../..");
export const ACTION_FILE = path.join(ROOT, "action.yml");
/**
 * How a workflow refers to this package's action: `./` (tests), and the package installed by version
 * into `.clickpipes-review-tool` by the trusted review workflow. `./node_modules/...` (the PR's own
 * node_modules) is NOT one of them: a workflow that loads it is refused.
 */
export const ACTION_USES = new Set(["./", "./.clickpipes-review-tool/node_modules/cdktf-clickpipes-postgres"]);

export interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly if?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string>;
  readonly run?: string;
  readonly shell?: string;
}
export interface Job {
  readonly if?: string;
  readonly env?: Record<string, string>;
  readonly permissions?: Record<string, string>;
  readonly environment?: string;
  readonly steps: Step[];
}
export interface Workflow {
  readonly name?: string;
  readonly permissions?: Record<string, string>;
  readonly on?: { pull_request?: { paths?: string[] }; workflow_run?: { workflows: string[]; types?: string[] } };
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}
export interface Action {
  readonly inputs: Record<string, { required?: boolean; default?: string }>;
  readonly outputs: Record<string, { value: string }>;
  readonly runs: { using: string; steps: Step[] };
}

export const readYaml = <T>(file: string): T => parseYaml(fs.readFileSync(file, "utf8")) as T;

export interface RunOptions {
  readonly cwd: string;
  /** Process environment added to every step (PATH first entries, fake tool settings). */
  readonly env?: Record<string, string>;
  /** Values of expressions (`github.x`, `secrets.x`, ...). */
  readonly expressions?: Record<string, string>;
  /** `with:` overrides of a `uses:` step, by step id. */
  readonly with?: Record<string, Record<string, string>>;
  /** `env:` overrides of a run step, by step id. */
  readonly stepEnv?: Record<string, Record<string, string>>;
}

export interface RunResult {
  /** Exit code of the job: the first failing step's, 0 when none failed. */
  readonly code: number;
  /** Outputs by step id (a `uses:` step: the action's outputs). */
  readonly outputs: Record<string, Record<string, string>>;
  readonly log: string;
  /** What the steps wrote to `$GITHUB_STEP_SUMMARY`. */
  readonly summary: string;
}

type Scope = { inputs?: Record<string, string>; steps: Record<string, Record<string, string>> };

function expand(value: string, scope: Scope, opts: RunOptions): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const out = /^steps\.([a-z0-9_-]+)\.outputs\.([a-z0-9_-]+)$/i.exec(expr);
    if (out) return scope.steps[out[1]!]?.[out[2]!] ?? "";
    const input = /^inputs\.([a-z0-9_-]+)$/i.exec(expr);
    if (input && scope.inputs) return scope.inputs[input[1]!] ?? "";
    if (opts.expressions && expr in opts.expressions) return opts.expressions[expr]!;
    throw new Error(`actions runner: an expression the test does not know: ${expr}`);
  });
}

function readOutputs(file: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.includes("="))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
}

/**
 * A step's `if:` as GitHub evaluates the forms these workflows use: `always()`, and comparisons
 * `<expr> == '<text>'` / `<expr> != '<text>'` joined by `&&`. Anything else is refused.
 */
function condition(cond: string | undefined, failed: boolean, scope: Scope, opts: RunOptions): boolean {
  if (cond === undefined) return !failed;
  const parts = cond.split("&&").map((p) => p.trim());
  const always = parts.includes("always()");
  if (failed && !always) return false;
  for (const p of parts) {
    if (p === "always()") continue;
    const m = /^(.+?)\s*(==|!=)\s*'([^']*)'$/.exec(p);
    if (!m) throw new Error(`actions runner: an if: the test does not know: ${cond}`);
    const value = expand(`\${{ ${m[1]} }}`, scope, opts);
    if ((value === m[3]) !== (m[2] === "==")) return false;
  }
  return true;
}

/** Run one step's script; returns its exit code, appends to the log, records outputs. */
function runScript(step: Step, key: string, env: Record<string, string>, opts: RunOptions, state: { log: string; summaryFile: string }): { code: number; outputs: Record<string, string> } {
  const outFile = path.join(opts.cwd, `.github-output-${key}`);
  fs.writeFileSync(outFile, "");
  const script = path.join(opts.cwd, `.step-${key}.sh`);
  fs.writeFileSync(script, step.run!);
  const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
    cwd: opts.cwd,
    env: { ...env, GITHUB_OUTPUT: outFile, GITHUB_STEP_SUMMARY: state.summaryFile },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  state.log += `--- ${key} (exit ${r.status})\n${r.stdout}${r.stderr}`;
  return { code: r.status ?? 1, outputs: readOutputs(outFile) };
}

/**
 * Run the steps `ids` of `job` (in the workflow's order of the ids given). A `uses:` of this
 * package's action runs the action's steps.
 */
export function runJob(workflow: Workflow, job: string, ids: readonly string[], opts: RunOptions): RunResult {
  const action = readYaml<Action>(ACTION_FILE);
  const state = { log: "", summaryFile: path.join(opts.cwd, ".github-step-summary.md") };
  fs.writeFileSync(state.summaryFile, "");
  const scope: Scope = { steps: {} };
  let code = 0;
  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? opts.cwd,
    GITHUB_WORKSPACE: opts.cwd,
    GITHUB_REPOSITORY: "acme/db-stacks",
    RUNNER_TEMP: path.join(opts.cwd, ".runner-temp"),
    ...(opts.env ?? {}),
  };
  fs.mkdirSync(baseEnv.RUNNER_TEMP!, { recursive: true });
  for (const id of ids) {
    const step = workflow.jobs[job]!.steps.find((s) => s.id === id);
    if (!step) throw new Error(`actions runner: job ${job} has no step with id ${id}`);
    if (!condition(step.if, code !== 0, scope, opts)) continue;
    const env: Record<string, string> = { ...baseEnv };
    for (const [k, v] of Object.entries({ ...(workflow.env ?? {}), ...(workflow.jobs[job]!.env ?? {}), ...(step.env ?? {}), ...(opts.stepEnv?.[id] ?? {}) })) {
      env[k] = expand(String(v), scope, opts);
    }
    if (step.uses !== undefined) {
      if (!ACTION_USES.has(step.uses)) throw new Error(`actions runner: step ${id} uses ${step.uses}, not this package's action`);
      const inputs: Record<string, string> = {};
      const given = { ...(step.with ?? {}), ...(opts.with?.[id] ?? {}) };
      for (const [name, spec] of Object.entries(action.inputs)) {
        const v = name in given ? expand(String(given[name]), scope, opts) : spec.default !== undefined ? expand(spec.default, { steps: {} }, opts) : undefined;
        if (v === undefined && spec.required) throw new Error(`actions runner: step ${id}: input ${name} is required`);
        inputs[name] = v ?? "";
      }
      for (const name of Object.keys(given)) if (!(name in action.inputs)) throw new Error(`actions runner: step ${id}: the action has no input ${name}`);
      const inner: Scope = { inputs, steps: {} };
      let innerCode = 0;
      for (const s of action.runs.steps) {
        if (!condition(s.if, innerCode !== 0, inner, opts)) continue;
        const senv: Record<string, string> = { ...env };
        for (const [k, v] of Object.entries(s.env ?? {})) senv[k] = expand(String(v), inner, opts);
        const r = runScript(s, `${id}.${s.id}`, senv, opts, state);
        inner.steps[s.id!] = r.outputs;
        if (r.code !== 0 && innerCode === 0) innerCode = r.code;
      }
      scope.steps[id] = Object.fromEntries(Object.entries(action.outputs).map(([k, o]) => [k, expand(o.value, inner, opts)]));
      if (innerCode !== 0 && code === 0) code = innerCode;
      continue;
    }
    const r = runScript(step, id, env, opts, state);
    scope.steps[id] = r.outputs;
    if (r.code !== 0 && code === 0) code = r.code;
  }
  return { code, outputs: scope.steps, log: state.log, summary: fs.readFileSync(state.summaryFile, "utf8") };
}

/** Every `run:` text of a workflow or an action (for the "no expression inside a script" check). */
export function runTexts(doc: Workflow | Action): string[] {
  const steps = "jobs" in doc ? Object.values(doc.jobs).flatMap((j) => j.steps) : doc.runs.steps;
  return steps.map((s) => s.run ?? "");
}

/** What the fake `gh` answers, from files (absent file: an empty list). */
export interface FakeGhFiles {
  /** Every call's arguments, one line each. */
  readonly log: string;
  /** The body of the last comment written (`-F body=@file`). */
  readonly body: string;
  /** The PR's comments: a JSON array of `{ id, user: { login }, body }` (GET .../comments, filtered by the caller's --jq with the real jq). */
  readonly comments: string;
  /** Open pull requests: a JSON array of `{ number, head: { sha } }` (GET .../pulls). */
  readonly pulls?: string;
  /** The PR's changed files: a JSON array of `{ filename }` (GET .../pulls/N/files). */
  readonly files?: string;
  /** `gh run download <id> -n <name> -D <dir>` copies `<artifacts>/<name>` to `<dir>`. */
  readonly artifacts?: string;
}

/**
 * A recording `gh` for PATH. GETs answer from the files above through the caller's `--jq` (run by
 * the real jq, with the caller's environment, as gh's built-in one reads `env.X`); a POST of a
 * comment answers the id 1001. `FAKE_GH_READ_ONLY`: every write fails as a read-only token does;
 * `FAKE_GH_PATCH_FAILS`: editing a comment fails (deleted, locked, another author's).
 */
export function writeFakeGh(bin: string, files: FakeGhFiles): void {
  fs.mkdirSync(bin, { recursive: true });
  const q = (f: string | undefined) => JSON.stringify(f ?? "/nonexistent");
  fs.writeFileSync(
    path.join(bin, "gh"),
    `#!/usr/bin/env bash
[ -n "$GH_TOKEN" ] || { echo "gh: GH_TOKEN is not set" >&2; exit 4; }
printf '%s\\n' "$*" >> ${q(files.log)}
if [ -n "$FAKE_GH_READ_ONLY" ]; then case " $* " in *" -X POST "*|*" -X PATCH "*|*" -X DELETE "*) echo "gh: HTTP 403: Resource not accessible by integration" >&2; exit 1;; esac; fi
if [ -n "$FAKE_GH_PATCH_FAILS" ]; then case " $* " in *" -X PATCH "*) echo "gh: HTTP 404: Not Found" >&2; exit 1;; esac; fi
jqx="."; prev=""; name=""; dest=""
for a in "$@"; do
  case "$prev" in --jq) jqx="$a";; -n) name="$a";; -D) dest="$a";; esac
  case "$a" in body=@*) cp "\${a#body=@}" ${q(files.body)};; esac
  prev="$a"
done
answer() { if [ -f "$1" ]; then jq -r "$jqx" "$1"; else echo '[]' | jq -r "$jqx"; fi; }
if [ "$1 $2" = "run download" ]; then mkdir -p "$dest" && cp -r ${q(files.artifacts)}/"$name"/. "$dest"/; exit $?; fi
if [ "$1" = api ]; then
  case " $* " in
    *" -X POST "*"/comments "*) echo '{"id":1001}' | jq -r "$jqx";;
    *" -X POST "*|*" -X PATCH "*|*" -X DELETE "*) ;;
    *"/comments "*) answer ${q(files.comments)};;
    *"/files "*) answer ${q(files.files)};;
    *"/pulls "*) answer ${q(files.pulls)};;
    *) echo "gh (test recorder): unexpected $*" >&2; exit 9;;
  esac
fi
exit 0
`,
    { mode: 0o755 },
  );
}
