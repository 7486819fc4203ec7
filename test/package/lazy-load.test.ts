/**
 * Heavy parts load only when used. A child process runs one entry point and reports which npm
 * packages ended up in require.cache: the CLI's commands other than a synth never load cdktf or
 * the providers; the package root never loads `pg` (verify loads it when it connects).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/main";
import { buildApp } from "../../src/app/app";
import { config } from "../../stacks/config";

const ROOT = path.resolve(__dirname, "../..");
const HEAVY = ["cdktf", "constructs", "@cdktf/provider-aws", "@cdktf/provider-postgresql"];
let tmp: string;
let stackDir: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-lazy-"));
  buildApp(config, { outdir: path.join(tmp, "out") }).synth();
  stackDir = path.join(tmp, "out/stacks/orders-db");
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
/** Every package the published package.json names as a dependency or peer. */
const DECLARED: string[] = [...Object.keys(PKG.dependencies ?? {}), ...Object.keys(PKG.peerDependencies ?? {})];

/** npm packages (names) in require.cache after `body` ran in a fresh `node --import tsx`. */
function loadedPackages(body: string): { packages: string[]; result: unknown } {
  const out = path.join(tmp, `loaded-${Math.random().toString(36).slice(2)}.json`);
  const script = `
    const fs = require("node:fs");
    const report = (result) => {
      const packages = new Set();
      for (const file of Object.keys(require.cache)) {
        const m = /.*[\\\\/]node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file);
        if (m) packages.add(m[1].replace(/\\\\/g, "/"));
      }
      fs.writeFileSync(${JSON.stringify(out)}, JSON.stringify({ packages: [...packages].sort(), result }));
    };
    (async () => { ${body} })().then(report, (e) => { report({ error: String(e && e.stack || e) }); });
  `;
  execFileSync(process.execPath, ["--import", "tsx", "-e", script], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
  return JSON.parse(fs.readFileSync(out, "utf8"));
}

const cliRun = (args: string[]) => `
  const { main } = require(${JSON.stringify(path.join(ROOT, "src/cli/main.ts"))});
  const w = process.stdout.write.bind(process.stdout); const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = () => true; process.stderr.write = () => true;
  try { return await main(${JSON.stringify(args)}); } finally { process.stdout.write = w; process.stderr.write = e; }
`;

describe("lazy loading", () => {
  it("the package root loads cdktf and the postgresql provider (the constructs need them) but not the AWS provider nor a database client", () => {
    const { packages } = loadedPackages(`require(${JSON.stringify(path.join(ROOT, "src/index.ts"))}); return 0;`);
    // Positive control: the probe sees what the root does load.
    expect(packages).toEqual(expect.arrayContaining(["cdktf", "constructs", "@cdktf/provider-postgresql"]));
    expect(packages).not.toContain("@cdktf/provider-aws");
    expect(packages).not.toContain("pg");
    expect(packages.filter((p) => p.startsWith("pg-"))).toEqual([]);
  });

  it("the AWS provider loads when an Aurora/RDS construct is built: not on import of /aws, not for a generic source", () => {
    const aws = loadedPackages(`require(${JSON.stringify(path.join(ROOT, "src/aws-entry.ts"))}); return 0;`);
    expect(aws.packages).toContain("@cdktf/provider-postgresql");
    expect(aws.packages).not.toContain("@cdktf/provider-aws");
    const build = (sources: string) => `
      const { buildApp } = require(${JSON.stringify(path.join(ROOT, "src/index.ts"))});
      const { genericSource } = require(${JSON.stringify(path.join(ROOT, "test/support/helpers.ts"))});
      const { auroraSource } = require(${JSON.stringify(path.join(ROOT, "test/support/aws-helpers.ts"))});
      buildApp({ sources: ${sources} }, { outdir: require("node:fs").mkdtempSync(require("node:path").join(require("node:os").tmpdir(), "cp-lazy-app-")) }).synth();
      return 0;`;
    const generic = loadedPackages(build(`[genericSource({ clickpipe: { serviceId: "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d" } })]`));
    expect(generic.result).toBe(0);
    expect(generic.packages).toContain("@cdktf/provider-postgresql");
    expect(generic.packages).not.toContain("@cdktf/provider-aws");
    const aurora = loadedPackages(build(`[auroraSource()]`));
    expect(aurora.result).toBe(0);
    expect(aurora.packages).toContain("@cdktf/provider-aws");
  });

  it("/tools loads neither cdktf, constructs, the providers nor pg, and judges a plan with them unloaded", () => {
    const plan = path.join(ROOT, "test/fixtures/plans/replace-publication.json");
    const { packages, result } = loadedPackages(`
      const tools = require(${JSON.stringify(path.join(ROOT, "src/tools.ts"))});
      const plan = tools.parsePlan(require("node:fs").readFileSync(${JSON.stringify(plan)}, "utf8"));
      return tools.guardPlan(plan).blocking.length > 0;`);
    expect(result).toBe(true);
    for (const p of [...HEAVY, "pg"]) expect(packages).not.toContain(p);
  });

  it("`sql` renders a synthesized stack without loading cdktf, the providers or pg", () => {
    const { packages, result } = loadedPackages(cliRun(["sql", stackDir]));
    expect(result).toBe(0);
    for (const p of [...HEAVY, "pg"]) expect(packages).not.toContain(p);
  });

  it("`guard` judges a plan without loading cdktf, the providers or pg", () => {
    const { packages, result } = loadedPackages(cliRun(["guard", path.join(ROOT, "test/fixtures/plans/replace-publication.json")]));
    expect(result).toBe(1);
    for (const p of [...HEAVY, "pg"]) expect(packages).not.toContain(p);
  });

  it("the run task server judges a plan without loading cdktf, the providers or pg", () => {
    const plan = path.join(ROOT, "test/fixtures/plans/replace-publication.json");
    const { packages, result } = loadedPackages(`
      const { judgePlanText } = require(${JSON.stringify(path.join(ROOT, "src/runtask/result.ts"))});
      const { startRunTaskServer } = require(${JSON.stringify(path.join(ROOT, "src/runtask/server.ts"))});
      const s = await startRunTaskServer({ hmacKey: "k", port: 0, log: () => undefined });
      await s.close(100);
      return judgePlanText(require("node:fs").readFileSync(${JSON.stringify(plan)}, "utf8"), []).status;
    `);
    expect(result).toBe("failed");
    for (const p of [...HEAVY, "pg"]) expect(packages).not.toContain(p);
  });

  it("`verify` loads pg only when it connects, and never cdktf", () => {
    const help = loadedPackages(cliRun(["verify", "--help"]));
    expect(help.result).toBe(0);
    for (const p of [...HEAVY, "pg"]) expect(help.packages).not.toContain(p);
    // Port 1 on localhost refuses at once: verify has tried to connect, so pg is loaded.
    const connect = loadedPackages(cliRun(["verify", "postgres://u:p@127.0.0.1:1/db", "--timeout", "2"]));
    expect(connect.result).toBe(2);
    expect(connect.packages).toContain("pg");
    for (const p of HEAVY) expect(connect.packages).not.toContain(p);
  });

  it("`health` loads pg only when it connects, and never cdktf", () => {
    const help = loadedPackages(cliRun(["health", "--help"]));
    expect(help.result).toBe(0);
    for (const p of [...HEAVY, "pg"]) expect(help.packages).not.toContain(p);
    const connect = loadedPackages(cliRun(["health", "postgres://u:p@127.0.0.1:1/db", "--timeout", "2", "--prometheus"]));
    expect(connect.result).toBe(2);
    expect(connect.packages).toContain("pg");
    for (const p of HEAVY) expect(connect.packages).not.toContain(p);
  });

  it("`ips` prints the table and checks a document without loading cdktf, the providers or pg", () => {
    const doc = path.join(tmp, "static-ips.json");
    fs.writeFileSync(doc, JSON.stringify({ aws: [{ region: "eu-central-1", clickpipes_egress_ips: ["192.0.2.1"] }] }));
    for (const args of [["ips"], ["ips", "--json"], ["ips", "--check", doc]]) {
      const { packages, result } = loadedPackages(cliRun(args));
      expect(result, args.join(" ")).toBe(args.includes("--check") ? 1 : 0);
      for (const p of [...HEAVY, "pg"]) expect(packages, args.join(" ")).not.toContain(p);
    }
  });

  it("`init` and every other command never load cdktf or the providers", () => {
    const others = Object.keys(COMMANDS).filter((c) => !["sql", "guard", "verify", "health", "ips"].includes(c));
    expect(others).toContain("init");
    for (const name of others) {
      const args = name === "init" ? ["init", path.join(tmp, "scaffold")] : [name, "--help"];
      const { packages, result } = loadedPackages(cliRun(args));
      expect(result, name).toBe(0);
      for (const p of HEAVY) expect(packages, name).not.toContain(p);
      // init runs before anything is installed (from the tarball's own bin): none of the package's
      // dependencies or peers may load (the test runner's own loader, tsx, is not one of them).
      if (name === "init")
        expect(
          packages.filter((p) => DECLARED.includes(p)),
          name,
        ).toEqual([]);
    }
    expect(fs.existsSync(path.join(tmp, "scaffold/package.json"))).toBe(true);
  });
});
