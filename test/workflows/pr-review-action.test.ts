/**
 * The GitHub Action (action.yml) and the workflows `cdktf-clickpipes init` writes: their own steps run
 * under bash (test/support/actions-runner.ts) with a recording `gh`: the sticky comment is the one
 * with the marker AND the bot as author (a marker planted by anyone else is never edited), updated,
 * not duplicated, and replaced by a new comment when the update fails; a read-only token warns; a
 * fleet-size change stays within GitHub's comment limit with the blocked stack named first; the
 * scaffold's untrusted workflows trigger on exactly the files `init` writes that synth reads; a
 * scaffold from a vendored tarball pins its review tool to that tarball's sha512 (its review job's
 * steps run in test/workflows/pr-review-workflow.test.ts).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initProject, ownPackage } from "../../src/cli/init";
import { AppConfig, SourceKind } from "../../src/model/app-config";
import { config as example } from "../../stacks/config";
import { synthApp } from "../support/helpers";
import { Action, ACTION_FILE, readYaml, ROOT, runJob, runTexts, Workflow, writeFakeGh } from "../support/actions-runner";

const work = fs.mkdtempSync(path.join(ROOT, "test", ".action-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const BIN = path.join(work, "bin");
const GH = { log: path.join(work, "gh.log"), body: path.join(work, "gh-body.md"), comments: path.join(work, "gh-comments.json") };
const BOT = "github-actions[bot]";
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
  runJob(
    wf,
    Object.keys(wf.jobs)[0]!,
    wf.jobs[Object.keys(wf.jobs)[0]!]!.steps.map((s) => s.id!),
    {
      cwd,
      env: { PATH: `${BIN}:${process.env.PATH}`, ...(opts.env ?? {}) },
      expressions: { ...GITHUB, ...(opts.expressions ?? {}) },
    },
  );

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
    expect(Object.keys(action.inputs).sort()).toEqual([
      "allow-file",
      "base",
      "cli",
      "comment-author",
      "fail-on-block",
      "github-token",
      "head",
      "label",
      "marker",
      "max-chars",
      "no-verdict",
      "plans",
      "pr-number",
    ]);
    expect(Object.keys(action.outputs).sort()).toEqual(["blocked", "comment-id", "status"]);
  });

  it("updates its earlier comment (found by the marker and its author) instead of adding one", () => {
    const cwd = checkout("sticky");
    synthApp(example, path.join(cwd, "base-out"));
    synthApp(tablesChanged, path.join(cwd, "head-out"));
    fs.writeFileSync(
      GH.comments,
      JSON.stringify([
        { id: 554, user: { login: "alice" }, body: "looks good" },
        { id: 555, user: { login: BOT }, body: `${MARKER}\n\nold verdict` },
      ]),
    );
    const r = run(actionJob({ base: "base-out", head: "head-out" }), cwd);
    expect(r.code, r.log).toBe(0);
    expect(r.outputs.review).toEqual({ status: "0", blocked: "false", "comment-id": "555" });
    const log = fs.readFileSync(GH.log, "utf8");
    expect(log).toContain(`api -X PATCH repos/acme/db-stacks/issues/comments/555 -F body=@`);
    expect(log).not.toContain("-X POST repos/acme/db-stacks/issues/42/comments");
    expect(fs.readFileSync(GH.body, "utf8").startsWith(`${MARKER}\n\n### cdktf-clickpipes diff: no blocking change`)).toBe(true);
  });

  it("a marker planted by another author is never edited: the verdict is a new comment", () => {
    const cwd = checkout("planted");
    synthApp(example, path.join(cwd, "base-out"));
    synthApp(pipeReplaced, path.join(cwd, "head-out"));
    // Later than the bot's own: a plain "last comment with the marker" would pick it.
    fs.writeFileSync(
      GH.comments,
      JSON.stringify([
        { id: 600, user: { login: BOT }, body: `${MARKER}\n\nold verdict` },
        { id: 601, user: { login: "mallory" }, body: `${MARKER}\n\n### cdktf-clickpipes diff: no blocking change` },
        { id: 602, user: { login: "mallory[bot]" }, body: `${MARKER}\n\nalso not ours` },
      ]),
    );
    const r = run(actionJob({ base: "base-out", head: "head-out" }), cwd);
    expect(r.code, r.log).toBe(1);
    expect(r.outputs.review!["comment-id"]).toBe("600");
    const log = fs.readFileSync(GH.log, "utf8");
    expect(log).toContain("api -X PATCH repos/acme/db-stacks/issues/comments/600 ");
    expect(log).not.toMatch(/comments\/60[12]/);
    // Only another author's marker: a new comment, never theirs.
    fs.writeFileSync(GH.comments, JSON.stringify([{ id: 601, user: { login: "mallory" }, body: `${MARKER}\n\nno blocking change` }]));
    fs.rmSync(GH.log);
    const again = run(actionJob({ base: "base-out", head: "head-out" }), cwd);
    expect(again.outputs.review!["comment-id"]).toBe("1001");
    expect(fs.readFileSync(GH.log, "utf8")).not.toContain("-X PATCH");
    expect(fs.readFileSync(GH.body, "utf8")).toContain("### cdktf-clickpipes diff: BLOCKED");
  });

  it("when updating its comment fails, posts a new one (no stale verdict stays the last word)", () => {
    const cwd = checkout("patch-fails");
    synthApp(example, path.join(cwd, "base-out"));
    synthApp(pipeReplaced, path.join(cwd, "head-out"));
    fs.writeFileSync(GH.comments, JSON.stringify([{ id: 700, user: { login: BOT }, body: `${MARKER}\n\n### cdktf-clickpipes diff: no blocking change` }]));
    const r = run(actionJob({ base: "base-out", head: "head-out" }), cwd, { env: { FAKE_GH_PATCH_FAILS: "1" } });
    expect(r.code, r.log).toBe(1);
    expect(r.log).toContain("::warning::cdktf-clickpipes action: cannot update comment 700; posting a new comment");
    const log = fs.readFileSync(GH.log, "utf8").split("\n");
    expect(log.findIndex((l) => l.startsWith("api -X PATCH repos/acme/db-stacks/issues/comments/700"))).toBeLessThan(
      log.findIndex((l) => l.startsWith("api -X POST repos/acme/db-stacks/issues/42/comments")),
    );
    expect(r.outputs.review!["comment-id"]).toBe("1001");
    expect(fs.readFileSync(GH.body, "utf8")).toContain("### cdktf-clickpipes diff: BLOCKED");
  });

  it("a pr-number that is not a number is refused (exit 2), nothing is written", () => {
    const cwd = checkout("bad-pr");
    synthApp(example, path.join(cwd, "base-out"));
    synthApp(example, path.join(cwd, "head-out"));
    const r = run(actionJob({ base: "base-out", head: "head-out", "pr-number": "42/../../pulls" }), cwd);
    expect(r.code).toBe(2);
    expect(r.log).toContain('::error::cdktf-clickpipes action: pr-number "42/../../pulls" is not a pull request number');
    expect(fs.existsSync(GH.log)).toBe(false);
  });

  it("a read-only token: the comment and the label warn, the verdict still fails a blocked change", () => {
    const cwd = checkout("fork");
    synthApp(example, path.join(cwd, "base-out"));
    synthApp(pipeReplaced, path.join(cwd, "head-out"));
    const r = run(actionJob({ base: "base-out", head: "head-out" }), cwd, { env: { FAKE_GH_READ_ONLY: "1" } });
    expect(r.code, r.log).toBe(1);
    expect(r.log).toContain("::warning::cdktf-clickpipes action: cannot comment (a read-only token?); the verdict is in the job and its commit status");
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

describe("the workflows `init` writes", () => {
  const project = path.join(work, "scaffold");
  let written: string[];
  const wf = (name: string) => readYaml<Workflow>(path.join(project, ".github/workflows", name));
  beforeAll(() => {
    written = initProject(project, { own: ownPackage() });
  });

  it("the untrusted workflows trigger on exactly the files init writes that synth reads, the lockfile and the allow file", () => {
    expect(written.filter((f) => f.startsWith(".github/")).sort()).toEqual([
      ".github/workflows/clickpipes-pr-plan.yml",
      ".github/workflows/clickpipes-pr-review.yml",
      ".github/workflows/clickpipes-pr-synth.yml",
    ]);
    // What synth does not read: the docs, the test, the check script, the workflows themselves.
    const notRead = (f: string) => f === "README.md" || f === ".gitignore" || f === "check-synth.ts" || f.startsWith("test/") || f.startsWith(".github/");
    const cdktf = JSON.parse(fs.readFileSync(path.join(project, "cdktf.json"), "utf8"));
    expect(cdktf.app).toBe("node --import tsx main.ts");
    for (const name of ["clickpipes-pr-synth.yml", "clickpipes-pr-plan.yml"]) {
      expect([...wf(name).on!.pull_request!.paths!].sort(), name).toEqual([...written.filter((f) => !notRead(f)), "package-lock.json", ".clickpipes-allow"].sort());
      for (const text of runTexts(wf(name))) expect(text).not.toContain("${{");
    }
  });

  it("synthesizes with the scaffold's own commands; the review pins the package version init installed", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(project, "package.json"), "utf8"));
    expect(pkg.scripts.synth).toBe("cdktf synth");
    expect(pkg.devDependencies["cdktf-cli"]).toBeDefined();
    const synth = wf("clickpipes-pr-synth.yml");
    expect(synth.jobs["synth-head"]!.steps.find((s) => s.id === "synth")!.run).toContain("npx cdktf synth --output review/out");
    expect(synth.jobs["synth-head"]!.permissions).toEqual({ contents: "read" });
    const review = wf("clickpipes-pr-review.yml").jobs.review!;
    expect(review.env).toEqual({ REVIEW_TOOL: `cdktf-clickpipes-postgres@${ownPackage().version}` });
    expect(review.steps.some((s) => s.uses?.startsWith("actions/checkout"))).toBe(false);
    expect(review.permissions).not.toHaveProperty("contents");
  });

  it("from a vendored tarball: the review installs vendor/<tarball> of the default branch, pinned by its real sha512", () => {
    const pack = path.join(work, "pack");
    fs.mkdirSync(path.join(pack, "package"), { recursive: true });
    fs.writeFileSync(path.join(pack, "package/package.json"), JSON.stringify({ name: "cdktf-clickpipes-postgres", version: "0.3.0-rc.1" }));
    const t = spawnSync("tar", ["--format=ustar", "-czf", "x.tgz", "package/package.json"], { cwd: pack, encoding: "utf8" });
    expect(t.status, t.stderr).toBe(0);
    const vendoredProject = path.join(work, "vendored-scaffold");
    const files = initProject(vendoredProject, { packageSpec: `file:${path.join(pack, "x.tgz")}`, own: ownPackage() });
    expect(files).toContain("vendor/cdktf-clickpipes-postgres-0.3.0-rc.1.tgz");
    const vwf = (name: string) => readYaml<Workflow>(path.join(vendoredProject, ".github/workflows", name));
    const review = vwf("clickpipes-pr-review.yml").jobs.review!;
    const bytes = fs.readFileSync(path.join(vendoredProject, "vendor/cdktf-clickpipes-postgres-0.3.0-rc.1.tgz"));
    expect(review.env).toEqual({
      REVIEW_TOOL: "vendor/cdktf-clickpipes-postgres-0.3.0-rc.1.tgz",
      REVIEW_TOOL_SHA512: `sha512-${createHash("sha512").update(bytes).digest("base64")}`,
    });
    const checkout = review.steps.find((s) => s.uses?.startsWith("actions/checkout"))!;
    expect(checkout.with).toMatchObject({ ref: "${{ github.event.repository.default_branch }}", "persist-credentials": false, "sparse-checkout": "/vendor/" });
    expect(JSON.stringify(checkout)).not.toMatch(/head_sha|head_branch|pull_request/);
    expect(review.steps.find((s) => s.id === "tool")!.run).toContain("--ignore-scripts");
    // The untrusted workflows are the same as in a registry scaffold.
    for (const name of ["clickpipes-pr-synth.yml", "clickpipes-pr-plan.yml"]) expect(vwf(name), name).toEqual(wf(name));
  });
});
