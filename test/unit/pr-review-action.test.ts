/**
 * The GitHub Action (action.yml) and the workflow `cdktf-clickpipes init` writes: their own steps run
 * under bash (test/support/actions-runner.ts) with a recording `gh`: the sticky comment is updated,
 * not duplicated; a fork PR's read-only token warns; a fleet-size change stays within GitHub's
 * comment limit with the blocked stack named first; the scaffold's workflow triggers on exactly the
 * files `init` writes that synth reads, and runs the action shipped in the package.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initProject, ownPackage } from "../../src/cli/init";
import { AppConfig, SourceKind } from "../../src/model/app-config";
import { config as example } from "../../stacks/config";
import { synthApp } from "../helpers";
import { Action, ACTION_FILE, readYaml, ROOT, runJob, runTexts, Workflow, writeFakeGh } from "../support/actions-runner";

const work = fs.mkdtempSync(path.join(ROOT, "test", ".action-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const BIN = path.join(work, "bin");
const GH = { log: path.join(work, "gh.log"), body: path.join(work, "gh-body.md"), existing: path.join(work, "gh-existing.txt") };
const GITHUB: Record<string, string> = {
  "github.token": "ghs_test-token",
  "github.event.pull_request.number": "42",
  "github.server_url": "https://github.com",
  "github.repository": "acme/db-stacks",
  "github.run_id": "7",
};
const MARKER = "<!-- cdktf-clickpipes-pr-review -->";

beforeAll(() => {
  writeFakeGh(BIN, GH);
  fs.writeFileSync(path.join(work, "cli.ts"), `import { main } from ${JSON.stringify(path.join(ROOT, "src/cli/main"))};\nmain(process.argv.slice(2)).then((c) => { process.exitCode = c; });\n`);
  fs.mkdirSync(path.join(work, "node_modules/.bin"), { recursive: true });
  fs.writeFileSync(path.join(work, "node_modules/.bin/cdktf-clickpipes"), `#!/usr/bin/env bash\nexec node --import tsx ${JSON.stringify(path.join(work, "cli.ts"))} "$@"\n`, { mode: 0o755 });
});

/** A job with one step: this package's action. */
const actionJob = (inputs: Record<string, string>): Workflow => ({ jobs: { review: { steps: [{ id: "review", uses: "./", with: inputs }] } } });

function checkout(name: string): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(path.join(work, "node_modules"), path.join(dir, "node_modules"));
  for (const f of Object.values(GH)) fs.rmSync(f, { force: true });
  return dir;
}
const run = (wf: Workflow, cwd: string, opts: { env?: Record<string, string>; expressions?: Record<string, string> } = {}) =>
  runJob(wf, Object.keys(wf.jobs)[0]!, wf.jobs[Object.keys(wf.jobs)[0]!]!.steps.map((s) => s.id!), {
    cwd,
    env: { PATH: `${BIN}:${process.env.PATH}`, ...(opts.env ?? {}) },
    expressions: { ...GITHUB, ...(opts.expressions ?? {}) },
  });

const tablesChanged: AppConfig = { ...example, sources: example.sources.map((s) => (s.name === "orders-db" ? { ...s, tables: [...s.tables!, "public.refunds"] } : s)) };
const pipeReplaced: AppConfig = {
  ...example,
  sources: example.sources.map((s) => (s.kind === SourceKind.AURORA && s.clickpipe ? { ...s, clickpipe: { ...s.clickpipe, destinationDatabase: "billing_v2" } } : s)),
};

describe("action.yml", () => {
  const action = readYaml<Action>(ACTION_FILE);

  it("is a composite action whose scripts take inputs only through env", () => {
    expect(action.runs.using).toBe("composite");
    for (const s of action.runs.steps) expect(s.shell, s.id).toBe("bash");
    for (const text of runTexts(action)) expect(text).not.toContain("${{");
    expect(Object.keys(action.inputs).sort()).toEqual(["allow-file", "base", "cli", "fail-on-block", "github-token", "head", "label", "marker", "max-chars", "plans"]);
    expect(Object.keys(action.outputs).sort()).toEqual(["blocked", "comment-id", "status"]);
  });

  it("updates its earlier comment (found by the marker) instead of adding one", () => {
    const cwd = checkout("sticky");
    synthApp(example, path.join(cwd, "base-out"));
    synthApp(tablesChanged, path.join(cwd, "head-out"));
    fs.writeFileSync(GH.existing, "555\n");
    const r = run(actionJob({ base: "base-out", head: "head-out" }), cwd);
    expect(r.code, r.log).toBe(0);
    expect(r.outputs.review).toEqual({ status: "0", blocked: "false", "comment-id": "555" });
    const log = fs.readFileSync(GH.log, "utf8");
    expect(log).toContain(`api -X PATCH repos/acme/db-stacks/issues/comments/555 -F body=@`);
    expect(log).not.toContain("-X POST repos/acme/db-stacks/issues/42/comments");
    expect(fs.readFileSync(GH.body, "utf8").startsWith(`${MARKER}\n\n### cdktf-clickpipes diff: no blocking change`)).toBe(true);
  });

  it("a fork PR's read-only token: the comment and the label warn, the verdict still fails a blocked change", () => {
    const cwd = checkout("fork");
    synthApp(example, path.join(cwd, "base-out"));
    synthApp(pipeReplaced, path.join(cwd, "head-out"));
    const r = run(actionJob({ base: "base-out", head: "head-out" }), cwd, { env: { FAKE_GH_READ_ONLY: "1" } });
    expect(r.code, r.log).toBe(1);
    expect(r.log).toContain("::warning::cdktf-clickpipes action: cannot comment (a fork PR's read-only token?)");
    expect(r.log).toContain("::warning::cdktf-clickpipes action: cannot add the label clickpipes-blocked");
    expect(r.log).toMatch(/--- review\.verdict \(exit 1\)\n::error::cdktf-clickpipes: a change would break a running ClickPipe/);
  });

  it("outside a pull request: no comment, no label; a wrong max-chars is one error line", () => {
    const cwd = checkout("push");
    synthApp(example, path.join(cwd, "base-out"));
    synthApp(example, path.join(cwd, "head-out"));
    const r = run(actionJob({ base: "base-out", head: "head-out" }), cwd, { expressions: { "github.event.pull_request.number": "" } });
    expect(r.code, r.log).toBe(0);
    expect(r.log).toContain("::notice::not a pull request: no comment");
    expect(fs.existsSync(GH.log)).toBe(false);
    const bad = run(actionJob({ base: "base-out", head: "head-out", "max-chars": "70000" }), cwd);
    expect(bad.code).toBe(2);
    expect(bad.log).toContain('::error::cdktf-clickpipes action: max-chars "70000" is not allowed; expected a whole number from 6000 to 65000');
  });

  it("the smallest documented max-chars (6000) with plans gives both diff and guard a valid budget; a marker too long for it is one error line", () => {
    const cwd = checkout("small-budget");
    synthApp(example, path.join(cwd, "base-out"));
    synthApp(tablesChanged, path.join(cwd, "head-out"));
    fs.copyFileSync(path.join(ROOT, "test/fixtures/plans/replace-publication.json"), path.join(cwd, "plan.json"));
    // Before: guard got a third of 5956 = 1985 characters, under the CLI's 2000, and exited 2.
    const r = run(actionJob({ base: "base-out", head: "head-out", plans: "plan.json", "max-chars": "6000" }), cwd);
    expect(r.log).not.toContain("--max-chars");
    expect(r.code, r.log).toBe(1);
    const body = fs.readFileSync(GH.body, "utf8");
    expect(body.length).toBeLessThanOrEqual(6000);
    expect(body).not.toContain("could not compare");
    expect(body).toContain("postgresql_publication.orders-db_Publication_92C9D745");
    const long = run(actionJob({ base: "base-out", head: "head-out", plans: "plan.json", "max-chars": "6000", marker: `<!-- ${"m".repeat(2500)} -->` }), cwd);
    expect(long.code).toBe(2);
    expect(long.log).toMatch(/::error::cdktf-clickpipes action: max-chars 6000 leaves \d+ characters for the diff/);
  });

  it("a 1,000-stack change: the comment stays within 65,536 characters and names the blocked stack first", () => {
    const cwd = checkout("fleet");
    const synth = path.join(work, "fleet-synth");
    fs.mkdirSync(synth, { recursive: true });
    synthApp(example, path.join(synth, "base"));
    synthApp({ ...tablesChanged, sources: pipeReplaced.sources.map((s, i) => (s.name === "orders-db" ? tablesChanged.sources[i]! : s)) }, path.join(synth, "head"));
    // 1,000 copies of orders-db under other names (the stack name in the metadata follows the folder).
    for (const side of ["base", "head"] as const) {
      const out = path.join(cwd, `${side}-out`, "stacks");
      fs.mkdirSync(out, { recursive: true });
      for (const s of fs.readdirSync(path.join(synth, side, "stacks"))) if (s !== "orders-db") fs.cpSync(path.join(synth, side, "stacks", s), path.join(out, s), { recursive: true });
      const json = fs.readFileSync(path.join(synth, side, "stacks/orders-db/cdk.tf.json"), "utf8");
      for (let i = 1; i <= 1000; i++) {
        const name = `orders-${String(i).padStart(4, "0")}`;
        fs.mkdirSync(path.join(out, name));
        fs.writeFileSync(path.join(out, name, "cdk.tf.json"), json.replace(/"stackName": "orders-db"/g, `"stackName": "${name}"`));
      }
    }
    const r = run(actionJob({ base: "base-out", head: "head-out" }), cwd);
    expect(r.code, r.log).toBe(1);
    const body = fs.readFileSync(GH.body, "utf8");
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.length).toBeGreaterThan(30_000);
    expect(body.split("\n").slice(0, 8).join("\n")).toContain("in 1 stack: `billing-aurora-db`.");
    expect(body).toMatch(/^\*\*1,000 stacks\*\*:$/m);
    expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(1024 * 1024);
  });
});

describe("the workflow `init` writes", () => {
  const project = path.join(work, "scaffold");
  let written: string[];
  let wf: Workflow;
  beforeAll(() => {
    written = initProject(project, { own: ownPackage() });
    wf = readYaml<Workflow>(path.join(project, ".github/workflows/clickpipes-pr-review.yml"));
  });

  it("triggers on exactly the files init writes that synth reads, the lockfile and the allow file", () => {
    // What synth does not read: the docs, the test, the check script, the workflow itself.
    const notRead = (f: string) => f === "README.md" || f === ".gitignore" || f === "check-synth.ts" || f.startsWith("test/") || f.startsWith(".github/");
    const cdktf = JSON.parse(fs.readFileSync(path.join(project, "cdktf.json"), "utf8"));
    expect(cdktf.app).toBe("node --import tsx main.ts");
    expect([...wf.on!.pull_request!.paths!].sort()).toEqual([...written.filter((f) => !notRead(f)), "package-lock.json", ".clickpipes-allow"].sort());
    for (const text of runTexts(wf)) expect(text).not.toContain("${{");
  });

  it("synthesizes with the scaffold's own commands and runs the action the package ships", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(project, "package.json"), "utf8"));
    expect(pkg.scripts.synth).toBe("cdktf synth");
    expect(pkg.devDependencies["cdktf-cli"]).toBeDefined();
    const steps = wf.jobs.diff!.steps;
    expect(steps.find((s) => s.id === "synth-head")!.run).toContain("npx cdktf synth --output head-out");
    expect(steps.find((s) => s.id === "review")).toMatchObject({ uses: "./node_modules/cdktf-clickpipes-postgres", with: { base: "base-out", head: "head-out" } });
    expect(wf.jobs.diff!.permissions).toEqual({ contents: "read", "pull-requests": "write", issues: "write" });
  });

  it("its review step runs (the action) on two synth outputs", () => {
    const cwd = checkout("scaffold-run");
    synthApp(example, path.join(cwd, "base-out"));
    synthApp(pipeReplaced, path.join(cwd, "head-out"));
    const r = runJob(wf, "diff", ["review"], { cwd, env: { PATH: `${BIN}:${process.env.PATH}` }, expressions: GITHUB });
    expect(r.code, r.log).toBe(1);
    expect(fs.readFileSync(GH.body, "utf8")).toContain("### cdktf-clickpipes diff: BLOCKED");
  });
});
