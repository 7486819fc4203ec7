/**
 * The PR-review workflow example (examples/github-actions/clickpipes-pr-review.yml) and the action
 * it uses (action.yml, through `uses: ./node_modules/cdktf-clickpipes-postgres`): their own `run:`
 * steps, read from the YAML (never retyped), run under bash as GitHub runs them
 * (test/support/actions-runner.ts), against two synth outputs made from two configs.
 * `npx cdktf-clickpipes` is this project's CLI; GitHub's `gh` and (for the plan job) `terraform`
 * are recorders on PATH, since neither GitHub nor a terraform with providers is reachable here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppConfig, SourceKind } from "../../src/model/app-config";
import { config as example } from "../../stacks/config";
import { synthApp } from "../helpers";
import { readYaml, ROOT, runJob, runTexts, Workflow, writeFakeGh } from "../support/actions-runner";

const WORKFLOW = path.join(ROOT, "examples/github-actions/clickpipes-pr-review.yml");
// Inside the project, so `node --import tsx` and the CLI's imports resolve node_modules.
const work = fs.mkdtempSync(path.join(ROOT, "test", ".workflow-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const workflow = readYaml<Workflow>(WORKFLOW);
const step = (job: string, id: string) => {
  const s = workflow.jobs[job]!.steps.find((x) => x.id === id);
  if (!s) throw new Error(`workflow: job ${job} has no step with id ${id}`);
  return s;
};

const GITHUB: Record<string, string> = {
  "github.base_ref": "main",
  "github.token": "ghs_test-token",
  "github.event.pull_request.number": "42",
  "github.server_url": "https://github.com",
  "github.repository": "acme/db-stacks",
  "github.run_id": "7",
};

const GH_LOG = path.join(work, "gh.log");
const GH_BODY = path.join(work, "gh-body.md");
const GH_EXISTING = path.join(work, "gh-existing.txt");
const BIN = path.join(work, "bin");
const run = (job: string, ids: readonly string[], opts: { cwd: string; env?: Record<string, string>; expressions?: Record<string, string> }) =>
  runJob(workflow, job, ids, { cwd: opts.cwd, env: { PATH: `${BIN}:${process.env.PATH}`, ...(opts.env ?? {}) }, expressions: { ...GITHUB, ...(opts.expressions ?? {}) } });

beforeAll(() => {
  writeFakeGh(BIN, { log: GH_LOG, body: GH_BODY, existing: GH_EXISTING });
  // terraform: plan prints a summary; show -json prints the plan JSON prepared for the stack.
  fs.writeFileSync(
    path.join(BIN, "terraform"),
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
  for (const f of [GH_LOG, GH_BODY, GH_EXISTING]) fs.rmSync(f, { force: true });
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
const MARKER = "<!-- cdktf-clickpipes-pr-review -->";

describe("PR-review workflow: the diff job", () => {
  it("needs no secrets and runs neither terraform nor guard; the plan job holds the credentials", () => {
    const diffJob = JSON.stringify(workflow.jobs.diff);
    expect(diffJob).not.toMatch(/secrets\./);
    expect(diffJob).not.toMatch(/terraform|plans/);
    expect(step("diff", "review")).toMatchObject({ uses: "./node_modules/cdktf-clickpipes-postgres", with: { base: "base-out", head: "head-out" } });
    expect(step("diff", "synth-head").run).toContain("npx cdktf synth --output head-out");
    expect(step("diff", "synth-base").run).toContain('npx cdktf synth --output "$GITHUB_WORKSPACE/base-out"');
    expect(workflow.jobs.diff!.permissions).toEqual({ contents: "read", "pull-requests": "write", issues: "write" });
    const planJob = JSON.stringify(workflow.jobs.plan);
    expect(planJob).toContain("secrets.POSTGRES_ADMIN_PASSWORD");
    expect(step("plan", "plan").run).toMatch(/terraform -chdir="\$dir" plan/);
    expect(step("plan", "guard")).toMatchObject({ uses: "./node_modules/cdktf-clickpipes-postgres", with: { plans: "${{ steps.plan.outputs.plans }}" } });
    // Every step of the plan job after the notice waits for credentials.
    for (const s of workflow.jobs.plan!.steps.slice(1)) expect(s.if, s.name ?? s.uses).toContain("env.HAS_DB_CREDENTIALS == 'true'");
    // GitHub expressions reach the scripts only through env (so the scripts run as they are).
    for (const text of runTexts(workflow)) expect(text).not.toContain("${{");
  });

  it("comments the tables leaving and joining the publication, removes the label, and passes", () => {
    const cwd = checkout("warn", example, tablesChanged);
    const r = run("diff", ["review"], { cwd });
    expect(r.code, r.log).toBe(0);
    expect(r.outputs.review).toEqual({ status: "0", blocked: "false", "comment-id": "1001" });
    expect(fs.readFileSync(GH_LOG, "utf8")).toBe(
      "api repos/acme/db-stacks/issues/42/comments --paginate --jq .[] | select(.body | startswith(env.MARKER)) | .id\n" +
        "api -X POST repos/acme/db-stacks/issues/42/comments -F body=@" + path.join(cwd, ".runner-temp/cdktf-clickpipes-review/comment.md") + " --jq .id\n" +
        "api -X DELETE repos/acme/db-stacks/issues/42/labels/clickpipes-blocked\n",
    );
    const body = fs.readFileSync(GH_BODY, "utf8");
    expect(body.startsWith(`${MARKER}\n\n### cdktf-clickpipes diff: no blocking change\n`)).toBe(true);
    expect(body).toMatch(/^- ~ `orders-db › Publication` `postgresql_publication\.orders-db_Publication_92C9D745`: update in place$/m);
    expect(body).toMatch(/^ {2}- \*\*WARN\*\* `publication-tables-removed`: .*public\.orders/m);
    expect(body).toMatch(/^ {2}- \*\*WARN\*\* `publication-tables-added`: .*public\.refunds/m);
    expect(body).not.toMatch(/\*\*BLOCK/);
    // The full report went to the job summary.
    expect(r.summary.startsWith("### cdktf-clickpipes diff: no blocking change\n")).toBe(true);
  });

  it("comments a blocked pipe replacement, labels the PR and fails the job; the allow file in the PR lets it pass", () => {
    const cwd = checkout("block", example, pipeReplaced);
    const r = run("diff", ["review"], { cwd });
    expect(r.code, r.log).toBe(1);
    expect(r.outputs.review).toMatchObject({ status: "1", blocked: "true" });
    expect(r.log).toContain("::error::cdktf-clickpipes: a change would break a running ClickPipe");
    expect(fs.readFileSync(GH_LOG, "utf8")).toContain("api -X POST repos/acme/db-stacks/issues/42/labels -f labels[]=clickpipes-blocked\n");
    const body = fs.readFileSync(GH_BODY, "utf8");
    // The blocked stack is named before anything else.
    expect(body.split("\n").slice(0, 8).join("\n")).toContain("in 1 stack: `billing-aurora-db`.");
    expect(body).toContain(`\`${PIPE}\`: replace`);
    expect(body).toContain("- **BLOCK** `clickpipe-replaced`: ");

    fs.writeFileSync(path.join(cwd, ".clickpipes-allow"), `# the destination moves on purpose\nbilling-aurora-db:${PIPE}\n`);
    fs.rmSync(GH_LOG);
    const allowed = run("diff", ["review"], { cwd });
    expect(allowed.code, allowed.log).toBe(0);
    expect(fs.readFileSync(GH_BODY, "utf8")).toContain("- **ALLOWED** `clickpipe-replaced`: ");
    expect(fs.readFileSync(GH_LOG, "utf8")).toContain("api -X DELETE repos/acme/db-stacks/issues/42/labels/clickpipes-blocked\n");
  });

  it("when head-out is not synth output: comments that and fails with exit 2", () => {
    const cwd = checkout("broken", example, undefined);
    const r = run("diff", ["review"], { cwd });
    expect(r.code, r.log).toBe(2);
    expect(fs.readFileSync(GH_BODY, "utf8")).toBe(
      `${MARKER}\n\ncdktf-clickpipes could not compare the synth outputs or read the plans (diff exit 2, guard exit 0); see the job log.\n`,
    );
    expect(r.log).toContain("cdktf-clickpipes diff: head ");
  });
});

describe("PR-review workflow: the plan job", () => {
  it("plans each changed stack, and the action guards the plans against head-out in its own sticky comment", () => {
    const cwd = checkout("plan", example, pipeReplaced);
    const plans = path.join(cwd, "plans");
    fs.mkdirSync(plans);
    fs.copyFileSync(path.join(ROOT, "test/fixtures/plans/rules/clickpipe-replaced.1.json"), path.join(plans, "billing-aurora-db.json"));
    const r = run("plan", ["changed", "plan", "guard"], {
      cwd,
      env: { FAKE_PLANS: plans },
      expressions: { "secrets.POSTGRES_ADMIN_PASSWORD": "s3cret", "secrets.POSTGRES_ADMIN_PASSWORD != ''": "true" },
    });
    expect(r.outputs.changed).toEqual({ stacks: "billing-aurora-db" });
    expect(r.outputs.plan).toEqual({ plans: "billing-aurora-db.plan.json" });
    expect(r.code, r.log).toBe(1);
    expect(r.summary).toContain("#### `billing-aurora-db`\n```\nPlan: 0 to add, 1 to change, 0 to destroy.\n```");
    const body = fs.readFileSync(GH_BODY, "utf8");
    expect(body.startsWith("<!-- cdktf-clickpipes-plan-review -->\n\n### cdktf-clickpipes diff: BLOCKED")).toBe(true);
    expect(body).toContain("### cdktf-clickpipes guard: BLOCKED");
    expect(body.slice(body.indexOf("### cdktf-clickpipes guard"))).toMatch(/^ {2}- \*\*BLOCK\*\* `clickpipe-replaced`: /m);
    expect(fs.readFileSync(GH_LOG, "utf8")).toContain("labels[]=clickpipes-plan-blocked");
  });
});
