/**
 * The PR-review workflow example (examples/github-actions/clickpipes-pr-review.yml): its own `run:`
 * steps, read from the YAML (never retyped), run under bash as GitHub runs them
 * (`bash --noprofile --norc -eo pipefail`), against two synth outputs made from two configs.
 * `npx cdktf-clickpipes` is this project's CLI; GitHub's `gh` and (for the plan job) `terraform`
 * are recorders on PATH, since neither GitHub nor a terraform with providers is reachable here.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { COMMANDS } from "../../src/cli/main";
import { AppConfig, SourceKind } from "../../src/model/app-config";
import { config as example } from "../../stacks/config";
import { synthApp } from "../helpers";

const ROOT = path.resolve(__dirname, "../..");
const WORKFLOW = path.join(ROOT, "examples/github-actions/clickpipes-pr-review.yml");
// Inside the project, so `node --import tsx` and the CLI's imports resolve node_modules.
const work = fs.mkdtempSync(path.join(ROOT, "test", ".workflow-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly if?: string;
  readonly env?: Record<string, string>;
  readonly run?: string;
}
interface Job {
  readonly env?: Record<string, string>;
  readonly permissions?: Record<string, string>;
  readonly environment?: string;
  readonly steps: Step[];
}
interface Workflow {
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

const workflow = parseYaml(fs.readFileSync(WORKFLOW, "utf8")) as Workflow;
const step = (job: string, id: string): Step => {
  const s = workflow.jobs[job]!.steps.find((x) => x.id === id);
  if (!s?.run) throw new Error(`workflow: job ${job} has no run step with id ${id}`);
  return s;
};

// ---------------------------------------------------------------------------------------------
// A tiny runner: the steps' env (GitHub expressions this test knows), `if:` after a failure, outputs.
// ---------------------------------------------------------------------------------------------

interface RunResult {
  /** Exit code of the job: the first failing step's, 0 when none failed. */
  readonly code: number;
  readonly outputs: Record<string, Record<string, string>>;
  readonly log: string;
}

const GITHUB = { "github.base_ref": "main", "github.token": "ghs_test-token", "github.event.pull_request.number": "42" } as Record<string, string>;

function expand(value: string, outputs: Record<string, Record<string, string>>, extra: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const out = /^steps\.([a-z-]+)\.outputs\.([a-z_]+)$/.exec(expr);
    if (out) return outputs[out[1]!]?.[out[2]!] ?? "";
    if (expr in extra) return extra[expr]!;
    if (expr in GITHUB) return GITHUB[expr]!;
    throw new Error(`workflow: expression the test does not know: ${expr}`);
  });
}

function runSteps(job: string, ids: readonly string[], opts: { cwd: string; env?: Record<string, string>; stepEnv?: Record<string, Record<string, string>>; expressions?: Record<string, string> }): RunResult {
  const outputs: Record<string, Record<string, string>> = {};
  let code = 0;
  let log = "";
  for (const id of ids) {
    const s = step(job, id);
    if (code !== 0 && !(s.if ?? "").includes("always()")) continue;
    const outFile = path.join(opts.cwd, `.github-output-${id}`);
    fs.writeFileSync(outFile, "");
    const env: Record<string, string> = {
      PATH: `${path.join(work, "bin")}:${process.env.PATH}`,
      HOME: process.env.HOME ?? work,
      GITHUB_OUTPUT: outFile,
      GITHUB_WORKSPACE: opts.cwd,
      GITHUB_REPOSITORY: "acme/db-stacks",
      ...(opts.env ?? {}),
    };
    for (const [k, v] of Object.entries({ ...(workflow.env ?? {}), ...(workflow.jobs[job]!.env ?? {}), ...(s.env ?? {}), ...(opts.stepEnv?.[id] ?? {}) })) {
      env[k] = expand(String(v), outputs, opts.expressions ?? {});
    }
    const script = path.join(opts.cwd, `.step-${id}.sh`);
    fs.writeFileSync(script, s.run!);
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd: opts.cwd, env, encoding: "utf8" });
    log += `--- ${id} (exit ${r.status})\n${r.stdout}${r.stderr}`;
    outputs[id] = Object.fromEntries(
      fs
        .readFileSync(outFile, "utf8")
        .split("\n")
        .filter((l) => l.includes("="))
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    if (r.status !== 0 && code === 0) code = r.status ?? 1;
  }
  return { code, outputs, log };
}

// ---------------------------------------------------------------------------------------------
// The runner's tools: the project's CLI through npx, and recorders for gh and terraform.
// ---------------------------------------------------------------------------------------------

const GH_LOG = path.join(work, "gh.log");
const GH_BODY = path.join(work, "gh-body.md");

beforeAll(() => {
  const bin = path.join(work, "bin");
  fs.mkdirSync(bin, { recursive: true });
  // `gh api .../comments` finds no earlier comment; `gh pr comment` keeps the body it was given.
  fs.writeFileSync(
    path.join(bin, "gh"),
    `#!/usr/bin/env bash
[ -n "$GH_TOKEN" ] || { echo "gh: GH_TOKEN is not set" >&2; exit 4; }
printf '%s\\n' "$*" >> ${JSON.stringify(GH_LOG)}
if [ "$1" = api ]; then exit 0; fi
while [ $# -gt 0 ]; do
  if [ "$1" = --body-file ]; then cp "$2" ${JSON.stringify(GH_BODY)}; fi
  shift
done
`,
    { mode: 0o755 },
  );
  // terraform: plan prints a summary; show -json prints the plan JSON prepared for the stack.
  fs.writeFileSync(
    path.join(bin, "terraform"),
    `#!/usr/bin/env bash
dir=""; for a in "$@"; do case "$a" in -chdir=*) dir="\${a#-chdir=}";; esac; done
stack=$(basename "$dir")
case " $* " in
  *" init "*) exit 0;;
  *" plan "*) echo "Plan: 0 to add, 1 to change, 0 to destroy."; exit 0;;
  *" show "*) cat "$FAKE_PLANS/$stack.json";;
  *) echo "terraform (test recorder): unexpected $*" >&2; exit 9;;
esac
`,
    { mode: 0o755 },
  );
  // The CLI as an installed dependency: npx finds node_modules/.bin/cdktf-clickpipes.
  fs.writeFileSync(path.join(work, "cli.ts"), `import { main } from ${JSON.stringify(path.join(ROOT, "src/cli/main"))};\nmain(process.argv.slice(2)).then((c) => { process.exitCode = c; });\n`);
  fs.mkdirSync(path.join(work, "node_modules/.bin"), { recursive: true });
  fs.writeFileSync(path.join(work, "node_modules/.bin/cdktf-clickpipes"), `#!/usr/bin/env bash\nexec node --import tsx ${JSON.stringify(path.join(work, "cli.ts"))} "$@"\n`, { mode: 0o755 });
});

/** A checkout with base-out and head-out synthesized from two configs. */
function checkout(name: string, base: AppConfig, head: AppConfig | undefined): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(path.join(work, "node_modules"), path.join(dir, "node_modules"));
  synthApp(base, path.join(dir, "base-out"));
  if (head) synthApp(head, path.join(dir, "head-out"));
  for (const f of [GH_LOG, GH_BODY]) fs.rmSync(f, { force: true });
  return dir;
}

type Source = AppConfig["sources"][number];
const withSource = (name: string, edit: (s: Source) => Source): AppConfig => ({ ...example, sources: example.sources.map((s) => (s.name === name ? edit(s) : s)) });
/** orders-db: public.orders leaves the publication, public.refunds joins it. */
const tablesChanged = withSource("orders-db", (s) => ({ ...s, tables: [...s.tables!.filter((t) => t !== "public.orders"), "public.refunds"] }));
/** billing-aurora: another destination database, which the provider can only apply by recreating the pipe. */
const pipeReplaced = withSource("billing-aurora", (s) =>
  s.kind === SourceKind.AURORA ? { ...s, clickpipe: { ...s.clickpipe!, destinationDatabase: "billing_v2" } } : s,
);
const PIPE = "clickhouse_clickpipe.billing-aurora-clickpipe_Pipe_36D6C2AB";
const DIFF_JOB = ["diff", "comment", "verdict"] as const;
/** `cdktf-clickpipes diff` is built on another branch; these runs need it in the CLI. */
const HAS_DIFF = "diff" in COMMANDS;

describe("PR-review workflow: the diff job", () => {
  it("needs no secrets and runs neither terraform nor guard; the plan job holds the credentials", () => {
    const diffJob = JSON.stringify(workflow.jobs.diff);
    expect(diffJob).not.toMatch(/secrets\./);
    expect(diffJob).not.toMatch(/terraform|cdktf-clickpipes guard/);
    expect(step("diff", "diff").run).toContain("npx cdktf-clickpipes diff base-out head-out --markdown");
    expect(step("diff", "synth-head").run).toContain("npx cdktf synth --output head-out");
    expect(step("diff", "synth-base").run).toContain('npx cdktf synth --output "$GITHUB_WORKSPACE/base-out"');
    const planJob = JSON.stringify(workflow.jobs.plan);
    expect(planJob).toContain("secrets.POSTGRES_ADMIN_PASSWORD");
    expect(step("plan", "plan").run).toMatch(/terraform -chdir="\$dir" plan/);
    expect(step("plan", "plan").run).toContain("npx cdktf-clickpipes guard --synth head-out");
    // Every step of the plan job after the notice waits for credentials.
    for (const s of workflow.jobs.plan!.steps.slice(1)) expect(s.if, s.name ?? s.uses).toContain("env.HAS_DB_CREDENTIALS == 'true'");
    // GitHub expressions reach the scripts only through env (so the scripts run as they are).
    for (const job of Object.values(workflow.jobs)) for (const s of job.steps) expect(s.run ?? "").not.toContain("${{");
  });

  it.skipIf(!HAS_DIFF)("comments the tables leaving and joining the publication, and passes", () => {
    const cwd = checkout("warn", example, tablesChanged);
    const r = runSteps("diff", DIFF_JOB, { cwd });
    expect(r.code, r.log).toBe(0);
    expect(r.outputs.diff).toEqual({ status: "0" });
    expect(fs.readFileSync(GH_LOG, "utf8")).toBe(
      "api repos/acme/db-stacks/issues/42/comments --paginate --jq .[] | select(.body | startswith(\"<!-- cdktf-clickpipes-pr-review -->\")) | .id\n" +
        "pr comment 42 --body-file comment.md\n",
    );
    const body = fs.readFileSync(GH_BODY, "utf8");
    expect(body.split("\n")[0]).toBe("<!-- cdktf-clickpipes-pr-review -->");
    expect(body).toBe(`<!-- cdktf-clickpipes-pr-review -->\n${fs.readFileSync(path.join(cwd, "diff.md"), "utf8")}`);
    expect(body).toMatch(/^- ~ `orders-db › Publication` `postgresql_publication\.orders-db_Publication_92C9D745`: update in place$/m);
    expect(body).toMatch(/^ {2}- \*\*WARN\*\* `publication-tables-removed`: .*public\.orders/m);
    expect(body).toMatch(/^ {2}- \*\*WARN\*\* `publication-tables-added`: .*public\.refunds/m);
    expect(body).toContain("### cdktf-clickpipes diff: no blocking change");
    expect(body).not.toMatch(/\*\*BLOCK/);
  });

  it.skipIf(!HAS_DIFF)("comments a blocked pipe replacement and fails the job; --allow in DIFF_ALLOW lets it pass", () => {
    const cwd = checkout("block", example, pipeReplaced);
    const r = runSteps("diff", DIFF_JOB, { cwd });
    expect(r.code, r.log).toBe(1);
    expect(r.outputs.diff).toEqual({ status: "1" });
    expect(r.log).toContain("::error::cdktf-clickpipes diff: a change would break a running ClickPipe");
    const body = fs.readFileSync(GH_BODY, "utf8");
    expect(body).toContain(`\`${PIPE}\`: replace`);
    expect(body).toContain("- **BLOCK** `clickpipe-replaced`: ");
    expect(body).toContain("destination.database");
    expect(body).toContain("billing-aurora-db");

    const allowed = runSteps("diff", DIFF_JOB, { cwd, stepEnv: { diff: { DIFF_ALLOW: PIPE } } });
    expect(allowed.code, allowed.log).toBe(0);
    expect(fs.readFileSync(GH_BODY, "utf8")).toContain("- **ALLOWED** `clickpipe-replaced`: ");
  });

  it.skipIf(!HAS_DIFF)("when head-out is not synth output: comments that and fails with the diff's exit 2", () => {
    const cwd = checkout("broken", example, undefined);
    const r = runSteps("diff", DIFF_JOB, { cwd });
    expect(r.code, r.log).toBe(2);
    expect(fs.readFileSync(GH_BODY, "utf8")).toBe(
      "<!-- cdktf-clickpipes-pr-review -->\ncdktf-clickpipes diff could not compare the synth outputs (exit 2); see the job log.\n",
    );
    // The comment step (`always()`) still runs after the failure; the verdict step does not.
    expect(r.log).toContain("--- comment (exit 0)");
    expect(r.log).not.toContain("--- verdict");
  });
});

describe("PR-review workflow: the plan job", () => {
  it("plans each changed stack, guards the plans against head-out and comments the summary", () => {
    const cwd = checkout("plan", example, pipeReplaced);
    const plans = path.join(cwd, "plans");
    fs.mkdirSync(plans);
    fs.copyFileSync(path.join(ROOT, "test/fixtures/plans/rules/clickpipe-replaced.1.json"), path.join(plans, "billing-aurora-db.json"));
    const r = runSteps("plan", ["changed", "plan"], { cwd, env: { FAKE_PLANS: plans }, expressions: { "secrets.POSTGRES_ADMIN_PASSWORD": "s3cret", "secrets.POSTGRES_ADMIN_PASSWORD != ''": "true" } });
    expect(r.outputs.changed).toEqual({ stacks: "billing-aurora-db" });
    expect(r.code, r.log).toBe(1);
    const summary = fs.readFileSync(path.join(cwd, "plan-summary.md"), "utf8");
    expect(summary).toContain("### `billing-aurora-db`\n```\nPlan: 0 to add, 1 to change, 0 to destroy.\n```");
    expect(summary).toContain(`plan billing-aurora-db.plan.json (stack billing-aurora-db):\n  BLOCK [clickpipe-replaced] billing-aurora-db:${PIPE}: `);
    expect(summary).toContain("(constructs from synth output head-out)");
  });
});
