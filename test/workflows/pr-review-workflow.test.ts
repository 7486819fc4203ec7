/**
 * The PR-review workflows (examples/github-actions/, the same files `cdktf-clickpipes init` writes):
 * clickpipes-pr-synth.yml and clickpipes-pr-plan.yml run the pull request's code (untrusted),
 * clickpipes-pr-review.yml (`workflow_run`, from the default branch) judges their artifacts as data.
 *
 * Statically: no job that runs the PR's code holds a write permission, or a secret outside an
 * approval-gated environment; the trusted job never checks out or installs the PR's code and runs a
 * pinned review tool. Dynamically: the review workflow's own steps run under bash
 * (test/support/actions-runner.ts) on artifacts synthesized from two configs, with a recording `gh`
 * (comments, statuses, artifacts) and `npm`; the plan workflow's variable and plan steps run with a
 * recording `terraform`. A scaffold made from a vendored tarball (`init --package file:…`): its
 * review job checks out only the default branch's vendor/ and installs the tarball only when its
 * sha512 is the one init pinned (a tampered tarball is refused, by the step's own script).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initProject, ownPackage, scaffoldFiles } from "../../src/cli/init";
import { AppConfig, SourceKind } from "../../src/model/app-config";
import { config as example } from "../../stacks/config";
import { synthApp as synthInto } from "../support/helpers";
import { Job, readYaml, ROOT, runJob, runTexts, Workflow, writeFakeGh } from "../support/actions-runner";

const DIR = path.join(ROOT, "examples/github-actions");
const TEMPLATES = path.join(ROOT, "templates/init/github/workflows");
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version as string;
const FILES = ["clickpipes-pr-synth.yml", "clickpipes-pr-plan.yml", "clickpipes-pr-review.yml"];
const wf = (f: string) => readYaml<Workflow>(path.join(DIR, f));
const synthWf = wf("clickpipes-pr-synth.yml");
const planWf = wf("clickpipes-pr-plan.yml");
const reviewWf = wf("clickpipes-pr-review.yml");

const work = fs.mkdtempSync(path.join(ROOT, "test", ".workflow-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const BIN = path.join(work, "bin");
const GH = {
  log: path.join(work, "gh.log"),
  body: path.join(work, "gh-body.md"),
  comments: path.join(work, "comments.json"),
  pulls: path.join(work, "pulls.json"),
  files: path.join(work, "files.json"),
  artifacts: path.join(work, "artifacts"),
};
const SHA = "0123456789abcdef0123456789abcdef01234567";

/** The event of a completed clickpipes-pr-synth run of PR 42 (same repository). */
const EVENT: Record<string, string> = {
  "github.token": "ghs_test-token",
  "github.server_url": "https://github.com",
  "github.repository": "acme/db-stacks",
  "github.run_id": "7",
  "github.event.workflow_run.id": "99",
  "github.event.workflow_run.name": "clickpipes-pr-synth",
  "github.event.workflow_run.conclusion": "success",
  "github.event.workflow_run.head_sha": SHA,
  "github.event.workflow_run.head_branch": "change-tables",
  "github.event.workflow_run.head_repository.owner.login": "acme",
  "toJSON(github.event.workflow_run.pull_requests)": JSON.stringify([{ number: 42, head: { sha: SHA } }]),
};
const REVIEW_STEPS = ["event", "pending", "tool", "artifacts", "review", "status"];

beforeAll(() => {
  writeFakeGh(BIN, GH);
  // The CLI the pinned package installs: this project's, run by tsx.
  fs.writeFileSync(path.join(work, "cli.ts"), `import { main } from ${JSON.stringify(path.join(ROOT, "src/cli/main"))};\nmain(process.argv.slice(2)).then((c) => { process.exitCode = c; });\n`);
  // npm: records what it installs and where; the "installed" bin runs this project's CLI.
  fs.writeFileSync(
    path.join(BIN, "npm"),
    `#!/usr/bin/env bash
printf '%s\\n' "$*" >> ${JSON.stringify(path.join(work, "npm.log"))}
prefix=""; prev=""; for a in "$@"; do [ "$prev" = --prefix ] && prefix="$a"; prev="$a"; done
mkdir -p "$prefix/node_modules/.bin"
printf '#!/usr/bin/env bash\\nexec node --import tsx %s "$@"\\n' ${JSON.stringify(path.join(work, "cli.ts"))} > "$prefix/node_modules/.bin/cdktf-clickpipes"
chmod +x "$prefix/node_modules/.bin/cdktf-clickpipes"
`,
    { mode: 0o755 },
  );
  // terraform: records each call with the TF_VAR_ names it got; show -json prints a prepared plan.
  fs.writeFileSync(
    path.join(BIN, "terraform"),
    `#!/usr/bin/env bash
dir=""; for a in "$@"; do case "$a" in -chdir=*) dir="\${a#-chdir=}";; esac; done
stack=$(basename "$dir")
printf '%s %s vars=%s override=%s\\n' "$stack" "$2" "$(env | grep -o '^TF_VAR_[a-z_]*' | sort | tr '\\n' ,)" "$(cat "$dir/clickpipes_plan_override.tf.json" 2>/dev/null | tr -d ' \\n')" >> "$FAKE_TF_LOG"
case " $* " in
  *" init "*) exit 0;;
  *" plan "*) echo "Plan: 0 to add, 1 to change, 0 to destroy."; exit 0;;
  *" show "*) if [ -f "$FAKE_PLANS/$stack.json" ]; then cat "$FAKE_PLANS/$stack.json"; else echo '{"format_version":"1.2","resource_changes":[]}'; fi;;
  *" output "*) echo "output-of-$stack";;
  *) echo "terraform (test recorder): unexpected $*" >&2; exit 9;;
esac
`,
    { mode: 0o755 },
  );
});

const synthApp = (cfg: AppConfig, outdir: string) => {
  fs.mkdirSync(path.dirname(outdir), { recursive: true });
  synthInto(cfg, outdir);
};

type Source = AppConfig["sources"][number];
const withSource = (name: string, edit: (s: Source) => Source): AppConfig => ({ ...example, sources: example.sources.map((s) => (s.name === name ? edit(s) : s)) });
const tablesChanged = withSource("orders-db", (s) => ({ ...s, tables: [...s.tables!.filter((t) => t !== "public.orders"), "public.refunds"] }));
const pipeReplaced = withSource("billing-aurora", (s) => (s.kind === SourceKind.AURORA ? { ...s, clickpipe: { ...s.clickpipe!, destinationDatabase: "billing_v2" } } : s));
const PIPE = "clickhouse_clickpipe.billing-aurora-clickpipe_Pipe_36D6C2AB";

/** A workspace, and the artifacts of a synth run: base and head outputs (and the head's allow file). */
function setup(name: string, base: AppConfig, head: AppConfig, allow?: string): string {
  const cwd = path.join(work, name);
  fs.mkdirSync(cwd, { recursive: true });
  fs.rmSync(GH.artifacts, { recursive: true, force: true });
  synthApp(base, path.join(GH.artifacts, "clickpipes-base/out"));
  synthApp(head, path.join(GH.artifacts, "clickpipes-head/out"));
  if (allow !== undefined) fs.writeFileSync(path.join(GH.artifacts, "clickpipes-head/allow"), allow);
  for (const f of [GH.log, GH.body, GH.comments, GH.pulls, GH.files]) fs.rmSync(f, { force: true });
  return cwd;
}
const review = (cwd: string, expressions: Record<string, string> = {}, env: Record<string, string> = {}) =>
  runJob(reviewWf, "review", REVIEW_STEPS, { cwd, env: { PATH: `${BIN}:${process.env.PATH}`, ...env }, expressions: { ...EVENT, ...expressions } });
const ghCalls = () => fs.readFileSync(GH.log, "utf8").split("\n").filter(Boolean);
const statuses = () => ghCalls().filter((l) => l.includes("/statuses/"));

describe("the PR-review workflows: the trust split, statically", () => {
  /** A job whose workflow is triggered by the pull request runs the PR's code (checkout of the PR + npm ci / synth / plan). */
  const untrusted = (w: Workflow) => w.on?.pull_request !== undefined;
  const WRITE = (perms: Record<string, string> | undefined) => Object.entries(perms ?? {}).filter(([, v]) => v !== "read" && v !== "none");

  it("are the files init writes for a registry install, with the package version pinned", () => {
    const scaffold = scaffoldFiles(path.join(work, "registry-scaffold"), ownPackage());
    for (const f of FILES) {
      expect(fs.readFileSync(path.join(DIR, f), "utf8"), f).toBe(scaffold.get(`.github/workflows/${f}`));
    }
    expect(fs.readFileSync(path.join(TEMPLATES, "clickpipes-pr-review.yml"), "utf8")).toContain("REVIEW_TOOL: {{REVIEW_TOOL}}\n");
    expect(fs.readFileSync(path.join(DIR, "clickpipes-pr-review.yml"), "utf8")).not.toMatch(/(^|[^$])\{\{|init:|vendor|REVIEW_TOOL_SHA512|actions\/checkout/);
    expect(fs.readdirSync(DIR).sort()).toEqual([...FILES].sort());
    expect(reviewWf.jobs.review!.env!.REVIEW_TOOL).toBe(`cdktf-clickpipes-postgres@${VERSION}`);
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("no job that runs the PR's code holds a write token, nor a secret outside an approval-gated environment", () => {
    for (const w of [synthWf, planWf]) {
      expect(untrusted(w)).toBe(true);
      expect(JSON.stringify(w.on)).not.toContain("pull_request_target");
      expect(WRITE(w.permissions), w.name).toEqual([]);
      expect(w.permissions, w.name).toEqual({ contents: "read" });
      for (const [id, job] of Object.entries(w.jobs) as [string, Job][]) {
        expect(job.permissions, `${w.name}/${id}`).toBeDefined();
        expect(WRITE(job.permissions), `${w.name}/${id}`).toEqual([]);
        const text = JSON.stringify(job);
        if (job.environment === undefined) expect(text, `${w.name}/${id}`).not.toMatch(/secrets\./);
        // A checkout never leaves the token in .git/config for the PR's code.
        for (const s of job.steps.filter((s) => s.uses?.startsWith("actions/checkout"))) expect(s.with?.["persist-credentials"], `${w.name}/${id}`).toBe(false);
      }
    }
    // The plan job: secrets only there, behind the environment (required reviewers are set on it), no admin password.
    expect(planWf.jobs.plan!.environment).toBe("clickpipes-plan");
    expect(JSON.stringify(planWf)).not.toMatch(/secrets\.[A-Z_]*ADMIN/i);
    expect(JSON.stringify(synthWf)).not.toMatch(/secrets\.|id-token/);
  });

  it("the trusted job runs from the default branch on workflow_run, never checks out, installs or loads the PR's code", () => {
    expect(reviewWf.on).toEqual({ workflow_run: { workflows: [synthWf.name, planWf.name], types: ["completed"] } });
    expect(reviewWf.permissions).toEqual({});
    const job = reviewWf.jobs.review!;
    expect(job.permissions).toEqual({ actions: "read", "pull-requests": "write", issues: "write", statuses: "write" });
    const text = JSON.stringify(job);
    expect(text).not.toMatch(/actions\/checkout|npm ci|cdktf synth|\.\/node_modules|terraform /);
    expect(job.steps.find((s) => s.id === "review")!.uses).toBe("./.clickpipes-review-tool/node_modules/cdktf-clickpipes-postgres");
    expect(job.steps.find((s) => s.id === "tool")!.run).toContain('--ignore-scripts --no-audit --no-fund --no-save "$REVIEW_TOOL"');
    // The PR number comes from the event: no step reads it from the artifacts' folder.
    expect(job.steps.find((s) => s.id === "event")!.run).not.toContain("clickpipes-artifacts");
    for (const w of [synthWf, planWf, reviewWf]) for (const t of runTexts(w)) expect(t).not.toContain("${{");
  });

  it("trigger on what a scaffolded project's synth reads, not this repository's src/**", () => {
    for (const w of [synthWf, planWf]) {
      expect(w.on!.pull_request!.paths).toEqual(["cdktf.json", "config.ts", "fleet.yaml", "main.ts", "package-lock.json", "package.json", "tsconfig.json", ".clickpipes-allow"]);
    }
  });
});

describe("clickpipes-pr-review (workflow_run): its own steps", () => {
  it("posts the verdict on the PR named by the event, and a success status on its head", () => {
    const cwd = setup("ok", example, tablesChanged);
    const r = review(cwd);
    expect(r.code, r.log).toBe(0);
    expect(r.outputs.event).toMatchObject({ pr: "42", kind: "diff", context: "cdktf-clickpipes/diff", note: "" });
    expect(fs.readFileSync(path.join(work, "npm.log"), "utf8")).toContain(`cdktf-clickpipes-postgres@${VERSION}`);
    expect(ghCalls()).toContain("run download 99 -R acme/db-stacks -n clickpipes-head -D " + path.join(cwd, ".runner-temp/clickpipes-artifacts/clickpipes-head"));
    expect(ghCalls().some((l) => l.startsWith("api -X POST repos/acme/db-stacks/issues/42/comments"))).toBe(true);
    expect(fs.readFileSync(GH.body, "utf8").startsWith("<!-- cdktf-clickpipes-diff-review -->\n\n### cdktf-clickpipes diff: no blocking change\n")).toBe(true);
    expect(statuses()).toEqual([
      `api -X POST repos/acme/db-stacks/statuses/${SHA} -f state=pending -f context=cdktf-clickpipes/diff -f description=reviewing -f target_url=https://github.com/acme/db-stacks/actions/runs/7`,
      `api -X POST repos/acme/db-stacks/statuses/${SHA} -f state=success -f context=cdktf-clickpipes/diff -f description=no blocking change -f target_url=https://github.com/acme/db-stacks/actions/runs/7`,
    ]);
  });

  it("a blocked change: failure status and a failed job; the allow file in the PR's artifact lets it pass", () => {
    const cwd = setup("block", example, pipeReplaced);
    const r = review(cwd);
    expect(r.code, r.log).not.toBe(0);
    expect(statuses()[1]).toContain("-f state=failure -f context=cdktf-clickpipes/diff");
    expect(fs.readFileSync(GH.body, "utf8")).toContain("- **BLOCK** `clickpipe-replaced`: ");
    const allowed = setup("allowed", example, pipeReplaced, `billing-aurora-db:${PIPE}\n`);
    const a = review(allowed);
    expect(a.code, a.log).toBe(0);
    expect(fs.readFileSync(GH.body, "utf8")).toContain("- **ALLOWED** `clickpipe-replaced`: ");
  });

  it("a fork PR (empty pull_requests in the event): the open PR whose head is that branch at that commit", () => {
    const cwd = setup("fork", example, tablesChanged);
    fs.writeFileSync(
      GH.pulls,
      JSON.stringify([
        { number: 41, head: { sha: "f".repeat(40) } },
        { number: 43, head: { sha: SHA } },
      ]),
    );
    // An artifact cannot name the PR: a planted file is ignored.
    fs.writeFileSync(path.join(GH.artifacts, "clickpipes-head/pr-number"), "1\n");
    const r = review(cwd, { "toJSON(github.event.workflow_run.pull_requests)": "[]", "github.event.workflow_run.head_repository.owner.login": "mallory" });
    expect(r.code, r.log).toBe(0);
    expect(r.outputs.event!.pr).toBe("43");
    expect(ghCalls()).toContain('api -X GET repos/acme/db-stacks/pulls -f state=open -f head=mallory:change-tables --jq [.[] | select(.head.sha == "' + SHA + '") | .number] | first // empty');
    expect(ghCalls().some((l) => l.startsWith("api -X POST repos/acme/db-stacks/issues/43/comments"))).toBe(true);
  });

  it("no verdict (error status, a comment saying so) when the synth run failed or the PR changes the review workflows", () => {
    const failed = setup("synth-failed", example, tablesChanged);
    const r = review(failed, { "github.event.workflow_run.conclusion": "failure" });
    expect(r.code).not.toBe(0);
    expect(fs.readFileSync(GH.body, "utf8")).toBe('<!-- cdktf-clickpipes-diff-review -->\n\ncdktf-clickpipes: no verdict for this head: the clickpipes-pr-synth run ended "failure" (see its log)\n');
    expect(statuses()[1]).toContain("-f state=error");
    expect(ghCalls().some((l) => l.startsWith("run download"))).toBe(false);

    const edited = setup("edits-workflow", example, tablesChanged);
    fs.writeFileSync(GH.files, JSON.stringify([{ filename: "config.ts" }, { filename: ".github/workflows/clickpipes-pr-synth.yml" }]));
    const e = review(edited);
    expect(e.code).not.toBe(0);
    expect(fs.readFileSync(GH.body, "utf8")).toContain("changes .github/workflows or .github/actions");
    expect(statuses()[1]).toContain("-f state=error");
  });

  it("refuses an artifact that holds a symlink: error status, no success", () => {
    const cwd = setup("symlink", example, tablesChanged);
    fs.symlinkSync("/etc/passwd", path.join(GH.artifacts, "clickpipes-head/out/link"));
    const r = review(cwd);
    expect(r.code).not.toBe(0);
    expect(r.log).toContain("::error::an artifact holds something other than files and folders");
    expect(statuses()[1]).toContain("-f state=error");
  });
});

describe("clickpipes-pr-plan: variables derived from the synth output, plans as the plan role", () => {
  /** Every kind of variable the ready-made stacks declare: a pipe, monitoring, a plan role, PrivateLink and IAM on Aurora. */
  const wide: AppConfig = {
    ...example,
    sources: example.sources.map((s) => ({ ...s, monitoring: {}, planRole: {} })),
  };
  const PLAN_ENV = planWf.jobs.plan!.env!;
  const expressions: Record<string, string> = {
    "vars.CLICKPIPES_PLAN_ROLE_NAME || 'clickpipes_plan'": "clickpipes_plan",
    "secrets.CLICKPIPES_PLAN_ROLE_PASSWORD": "plan-pw",
    "vars.CLICKHOUSE_ORGANIZATION_ID": "org-1",
    "secrets.CLICKHOUSE_PLAN_KEY_ID": "key-id",
    "secrets.CLICKHOUSE_PLAN_KEY_SECRET": "key-secret",
  };
  function planCwd(name: string, cfg: AppConfig): string {
    const cwd = path.join(work, name);
    synthApp(cfg, path.join(cwd, "review/out"));
    fs.cpSync(path.join(cwd, "review/out"), path.join(cwd, "plan-work"), { recursive: true });
    return cwd;
  }

  it("every variable a synthesized stack declares without a default is given a value", () => {
    const cwd = planCwd("vars", wide);
    const declared = new Set<string>();
    for (const stack of fs.readdirSync(path.join(cwd, "review/out/stacks"))) {
      const json = JSON.parse(fs.readFileSync(path.join(cwd, "review/out/stacks", stack, "cdk.tf.json"), "utf8"));
      for (const [name, v] of Object.entries((json.variable ?? {}) as Record<string, object>)) if (!("default" in v)) declared.add(name);
    }
    expect([...declared].sort()).toEqual([
      "clickhouse_organization_id",
      "clickhouse_token_key",
      "clickhouse_token_secret",
      "clickpipes_password",
      "monitoring_password",
      "plan_role_password",
      "postgres_admin_password",
    ]);
    for (const name of declared) expect(PLAN_ENV, name).toHaveProperty(`PLAN_VAR_${name}`);
    const r = runJob(planWf, "plan", ["vars"], { cwd, env: { PATH: `${BIN}:${process.env.PATH}` }, expressions });
    expect(r.code, r.log).toBe(0);
  });

  it("a variable without a value stops the job with one line naming the stack and the variable", () => {
    const cwd = planCwd("vars-missing", wide);
    const r = runJob(planWf, "plan", ["vars"], { cwd, env: { PATH: `${BIN}:${process.env.PATH}` }, expressions: { ...expressions, "secrets.CLICKHOUSE_PLAN_KEY_SECRET": "" } });
    expect(r.code).toBe(1);
    expect(r.log).toContain(
      "::error::stack billing-aurora-db declares the variable clickhouse_token_secret without a default, and the plan job gives it no value; set PLAN_VAR_clickhouse_token_secret in .github/workflows/clickpipes-pr-plan.yml",
    );
  });

  it("plans each stack logged in as the plan role (override file), with every declared variable set", () => {
    const cwd = planCwd("plan", wide);
    const tfLog = path.join(cwd, "tf.log");
    const r = runJob(planWf, "plan", ["plan"], { cwd, env: { PATH: `${BIN}:${process.env.PATH}`, FAKE_TF_LOG: tfLog, FAKE_PLANS: path.join(cwd, "none") }, expressions });
    expect(r.code, r.log).toBe(0);
    const log = fs.readFileSync(tfLog, "utf8");
    expect(log).toContain(
      'orders-db plan vars=TF_VAR_clickpipes_password,TF_VAR_monitoring_password,TF_VAR_plan_role_password,TF_VAR_postgres_admin_password, override={"provider":{"postgresql":{"username":"clickpipes_plan","superuser":false}}}',
    );
    expect(log).toContain(
      "billing-aurora-db plan vars=TF_VAR_clickhouse_organization_id,TF_VAR_clickhouse_token_key,TF_VAR_clickhouse_token_secret,TF_VAR_clickpipes_password,TF_VAR_monitoring_password,TF_VAR_plan_role_password,TF_VAR_postgres_admin_password,",
    );
    // The -aws stack has no postgresql provider: no override there.
    expect(log).toMatch(/^billing-aurora-aws plan vars= override=$/m);
    // The synth output that is uploaded stays as synthesized.
    expect(fs.existsSync(path.join(cwd, "review/out/stacks/orders-db/clickpipes_plan_override.tf.json"))).toBe(false);
    expect(fs.readdirSync(path.join(cwd, "review/plans")).sort()).toEqual([
      "billing-aurora-aws.json",
      "billing-aurora-aws.txt",
      "billing-aurora-db.json",
      "billing-aurora-db.txt",
      "orders-db.json",
      "orders-db.txt",
    ]);
  });

  it("the review workflow guards the uploaded plans in the plan comment, with the plan status", () => {
    const cwd = setup("plan-review", example, pipeReplaced);
    fs.rmSync(GH.artifacts, { recursive: true, force: true });
    synthApp(pipeReplaced, path.join(GH.artifacts, "clickpipes-plans/out"));
    fs.mkdirSync(path.join(GH.artifacts, "clickpipes-plans/plans"));
    fs.copyFileSync(path.join(ROOT, "test/fixtures/plans/rules/clickpipe-replaced.1.json"), path.join(GH.artifacts, "clickpipes-plans/plans/billing-aurora-db.json"));
    const r = review(cwd, { "github.event.workflow_run.name": "clickpipes-pr-plan" });
    expect(r.code).not.toBe(0);
    expect(r.outputs.event).toMatchObject({ kind: "plan", context: "cdktf-clickpipes/plan", label: "clickpipes-plan-blocked" });
    const body = fs.readFileSync(GH.body, "utf8");
    expect(body.startsWith("<!-- cdktf-clickpipes-plan-review -->\n\n")).toBe(true);
    expect(body).toContain("### cdktf-clickpipes guard: BLOCKED");
    expect(statuses()[1]).toContain("-f state=failure -f context=cdktf-clickpipes/plan");
  });
});

describe("a scaffold made from a vendored tarball: the review tool is the default branch's tarball, pinned by its sha512", () => {
  const project = path.join(work, "vendored-project");
  const TARBALL = "vendor/cdktf-clickpipes-postgres-0.1.0.tgz";
  let vendoredWf: Workflow;
  beforeAll(() => {
    // A real npm-layout tarball (package/package.json) made by the system's tar.
    const pack = path.join(work, "pack");
    fs.mkdirSync(path.join(pack, "package"), { recursive: true });
    fs.writeFileSync(path.join(pack, "package/package.json"), JSON.stringify({ name: "cdktf-clickpipes-postgres", version: "0.1.0" }));
    const t = spawnSync("tar", ["--format=ustar", "-czf", "cdktf-clickpipes-postgres-0.1.0.tgz", "package/package.json"], { cwd: pack, encoding: "utf8" });
    expect(t.status, t.stderr).toBe(0);
    initProject(project, { packageSpec: `file:${path.join(pack, "cdktf-clickpipes-postgres-0.1.0.tgz")}`, own: ownPackage() });
    vendoredWf = readYaml<Workflow>(path.join(project, ".github/workflows/clickpipes-pr-review.yml"));
  });
  const sha512 = (file: string) => `sha512-${createHash("sha512").update(fs.readFileSync(file)).digest("base64")}`;
  const STEPS = REVIEW_STEPS; // the checkout step (`vendored`) is GitHub's; the test lays out its result
  /** A workspace whose `.clickpipes-default-branch/vendor/` holds what the default branch's checkout would. */
  function vendoredSetup(name: string, tamper?: (bytes: Buffer) => Buffer): string {
    const cwd = setup(name, example, tablesChanged);
    fs.mkdirSync(path.join(cwd, ".clickpipes-default-branch/vendor"), { recursive: true });
    const bytes = fs.readFileSync(path.join(project, TARBALL));
    fs.writeFileSync(path.join(cwd, ".clickpipes-default-branch", TARBALL), tamper ? tamper(bytes) : bytes);
    fs.rmSync(path.join(work, "npm.log"), { force: true });
    return cwd;
  }
  const runVendored = (cwd: string) => runJob(vendoredWf, "review", STEPS, { cwd, env: { PATH: `${BIN}:${process.env.PATH}` }, expressions: EVENT });

  it("checks out only vendor/ of the default branch, without credentials, never the PR's head", () => {
    const job = vendoredWf.jobs.review!;
    expect(job.env!.REVIEW_TOOL).toBe(TARBALL);
    // The pin is the vendored file's real sha512, as npm writes integrity.
    expect(job.env!.REVIEW_TOOL_SHA512).toBe(sha512(path.join(project, TARBALL)));
    expect(job.permissions).toEqual({ actions: "read", "pull-requests": "write", issues: "write", statuses: "write", contents: "read" });
    const checkouts = job.steps.filter((s) => s.uses !== undefined && s.uses.startsWith("actions/checkout"));
    expect(checkouts.map((s) => s.id)).toEqual(["vendored"]);
    expect(checkouts[0]!.with).toEqual({
      ref: "${{ github.event.repository.default_branch }}",
      path: ".clickpipes-default-branch",
      "persist-credentials": false,
      "sparse-checkout": "/vendor/",
      "sparse-checkout-cone-mode": false,
    });
    // The head commit and branch are read only by the event step (to name the PR), never checked out.
    for (const s of job.steps.filter((s) => s.id !== "event")) expect(JSON.stringify(s), s.id).not.toMatch(/head_sha|head_branch|head_repository|pull_request/);
    const ids = job.steps.map((s) => s.id);
    expect(ids.indexOf("vendored")).toBeLessThan(ids.indexOf("tool"));
    const tool = job.steps.find((s) => s.id === "tool")!.run!;
    expect(tool).toContain('--ignore-scripts --no-audit --no-fund --no-save "$tarball"');
    expect(tool.indexOf("REVIEW_TOOL_SHA512")).toBeLessThan(tool.indexOf("npm install"));
    expect(JSON.stringify(job)).not.toMatch(/npm ci|cdktf synth|\.\/node_modules|terraform |cdktf-clickpipes-postgres@/);
    expect(job.steps.find((s) => s.id === "review")!.uses).toBe("./.clickpipes-review-tool/node_modules/cdktf-clickpipes-postgres");
    for (const t of runTexts(vendoredWf)) expect(t).not.toContain("${{");
    // Everything else is the registry form.
    const registry = fs.readFileSync(path.join(DIR, "clickpipes-pr-review.yml"), "utf8").split("\n");
    const vendored = fs.readFileSync(path.join(project, ".github/workflows/clickpipes-pr-review.yml"), "utf8").split("\n");
    expect(registry.filter((l) => !vendored.includes(l))).toEqual([
      `      REVIEW_TOOL: cdktf-clickpipes-postgres@${VERSION}`,
      "      - name: Install the pinned review tool",
      '          npm install --prefix "$GITHUB_WORKSPACE/.clickpipes-review-tool" --ignore-scripts --no-audit --no-fund --no-save "$REVIEW_TOOL"',
    ]);
  });

  it("installs the tarball whose sha512 is the pinned one, with --ignore-scripts, and posts the verdict", () => {
    const cwd = vendoredSetup("vendored-ok");
    const r = runVendored(cwd);
    expect(r.code, r.log).toBe(0);
    expect(fs.readFileSync(path.join(work, "npm.log"), "utf8")).toBe(
      `install --prefix ${cwd}/.clickpipes-review-tool --ignore-scripts --no-audit --no-fund --no-save ${cwd}/.runner-temp/clickpipes-review-tool.tgz\n`,
    );
    expect(fs.readFileSync(path.join(cwd, ".runner-temp/clickpipes-review-tool.tgz"))).toEqual(fs.readFileSync(path.join(project, TARBALL)));
    expect(statuses()[1]).toContain("-f state=success -f context=cdktf-clickpipes/diff");
  });

  it("refuses a tarball whose sha512 differs (one byte changed, or another tarball): no install, error status", () => {
    for (const [name, tamper] of [
      ["vendored-flipped", (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 1), Buffer.from([b[b.length - 1]! ^ 1])])],
      ["vendored-appended", (b: Buffer) => Buffer.concat([b, Buffer.from("\n")])],
    ] as const) {
      const cwd = vendoredSetup(name, tamper);
      const actual = sha512(path.join(cwd, ".clickpipes-default-branch", TARBALL));
      const r = runVendored(cwd);
      expect(r.code, name).toBe(2);
      expect(r.log).toContain(`::error::${TARBALL} on the default branch has the integrity ${actual}, not the pinned ${vendoredWf.jobs.review!.env!.REVIEW_TOOL_SHA512}: refusing to install it`);
      expect(fs.existsSync(path.join(work, "npm.log")), name).toBe(false);
      expect(r.outputs.review).toBeUndefined();
      expect(statuses()[1]).toContain("-f state=error -f context=cdktf-clickpipes/diff");
    }
  });

  it("refuses a missing tarball, a symlink in its place, and a REVIEW_TOOL outside vendor/", () => {
    const missing = vendoredSetup("vendored-missing");
    fs.rmSync(path.join(missing, ".clickpipes-default-branch", TARBALL));
    const m = runVendored(missing);
    expect(m.code).toBe(2);
    expect(m.log).toContain(`::error::the default branch has no file ${TARBALL}`);

    const link = vendoredSetup("vendored-link");
    fs.renameSync(path.join(link, ".clickpipes-default-branch", TARBALL), path.join(link, "elsewhere.tgz"));
    fs.symlinkSync(path.join(link, "elsewhere.tgz"), path.join(link, ".clickpipes-default-branch", TARBALL));
    expect(runVendored(link).code).toBe(2);

    const outside = vendoredSetup("vendored-outside");
    const r = runJob(vendoredWf, "review", STEPS, { cwd: outside, env: { PATH: `${BIN}:${process.env.PATH}` }, expressions: EVENT, stepEnv: { tool: { REVIEW_TOOL: "vendor/../../x.tgz" } } });
    expect(r.code).toBe(2);
    expect(r.log).toContain('::error::REVIEW_TOOL "vendor/../../x.tgz" is not a tarball in vendor/');
    expect(fs.existsSync(path.join(work, "npm.log"))).toBe(false);
  });
});
