import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Fn, TerraformLocal, TerraformStack, TerraformVariable, Testing } from "../../src/tf/tf";
import { readTree } from "../../src/util/file-tree";
import { AppConfig } from "../../src/model/app-config";
import { GenericPostgresSource } from "../../src/postgres/generic-source";
import { ValidationError } from "../../src/model/validation";
import { buildApp } from "../../src/app/app";
import { config as exampleConfig } from "../../stacks/config";
import { genericSource, synthApp } from "../support/helpers";

const ROOT = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-app-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function synthTo(name: string, config: AppConfig): Record<string, string> {
  const dir = path.join(tmp, name);
  synthApp(config, dir);
  return Object.fromEntries([...readTree(dir)].map(([file, bytes]) => [file, bytes.toString("utf8")]));
}

describe("the app", () => {
  it("synthesizes the example config: a stack per source with cdk.tf.json and the server-setup files", () => {
    const files = synthTo("example", exampleConfig);
    expect(Object.keys(files).sort()).toEqual(
      expect.arrayContaining([
        "manifest.json",
        "stacks/orders-db/cdk.tf.json",
        "stacks/orders-db/server-setup/orders-db/postgresql.conf",
        "stacks/orders-db/server-setup/orders-db/pg_hba.conf",
        "stacks/orders-db/server-setup/orders-db/alter-system.sql",
      ]),
    );
  });

  it("is deterministic, with no absolute path and no password literal in any file", () => {
    const a = synthTo("det-a", exampleConfig);
    const b = synthTo("det-b", exampleConfig);
    expect(b).toEqual(a);
    for (const [file, text] of Object.entries(a)) {
      expect(text, file).not.toContain(tmp);
      expect(text, file).not.toContain(ROOT);
      expect(text, file).not.toMatch(/"password(_wo)?"\s*:\s*"(?!\$\{var\.)/);
    }
  });

  it("keeps other stacks byte-identical when one source changes, is added or reordered", () => {
    const one = genericSource({ name: "alpha" });
    const two = genericSource({ name: "beta", database: "beta" });
    const base = synthTo("iso-base", { sources: [one, two] });
    const changed = synthTo("iso-changed", { sources: [two, { ...one, port: 6543 }, genericSource({ name: "gamma" })] });
    expect(changed["stacks/beta/cdk.tf.json"]).toBe(base["stacks/beta/cdk.tf.json"]);
    expect(changed["stacks/alpha/cdk.tf.json"]).not.toBe(base["stacks/alpha/cdk.tf.json"]);
  });

  it("writes the configured backend with a relative path, S3 key template or cloud workspace", () => {
    const local = JSON.parse(synthTo("be-local", { sources: [genericSource()] })["stacks/orders-db/cdk.tf.json"]!);
    expect(local.terraform.backend).toEqual({ local: { path: "../../../state/orders-db.tfstate" } });
    const s3 = JSON.parse(synthTo("be-s3", { backend: { type: "s3", bucket: "tf-state", region: "eu-central-1" }, sources: [genericSource()] })["stacks/orders-db/cdk.tf.json"]!);
    expect(s3.terraform.backend).toEqual({ s3: { bucket: "tf-state", key: "clickpipes/orders-db.tfstate", region: "eu-central-1", encrypt: true, use_lockfile: true } });
    const cloud = JSON.parse(
      synthTo("be-cloud", {
        backend: { type: "local" },
        sources: [genericSource({ backend: { type: "cloud", organization: "acme", workspaceName: "pg-{stack}" } })],
      })["stacks/orders-db/cdk.tf.json"]!,
    );
    expect(cloud.terraform.cloud).toEqual({ organization: "acme", workspaces: { name: "pg-orders-db" } });
    expect(cloud.terraform.backend).toBeUndefined();
  });

  it("refuses bad backends, duplicate names and unknown kinds with one line each", () => {
    const bad = (config: AppConfig) => {
      try {
        buildApp(config, { outdir: path.join(tmp, "never") });
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as Error).message;
      }
      throw new Error("expected a ValidationError");
    };
    expect(bad({ backend: { type: "local", path: "/var/state/x.tfstate" }, sources: [genericSource()] })).toBe(
      'error: source "(app)": backend.path = "/var/state/x.tfstate" is not allowed: a relative path (absolute paths make the JSON differ between machines) [backend]',
    );
    expect(bad({ sources: [genericSource(), genericSource()] })).toBe(
      'error: source "orders-db": name = "orders-db" is not allowed: a name whose stacks no other source uses (stack "orders-db" is taken) [source-name]',
    );
    expect(bad({ sources: [{ ...genericSource(), kind: "oracle" } as never] })).toBe('error: source "orders-db": sources[0].kind = "oracle" is not allowed: one of generic, aurora, rds [kind]');
    expect(bad({ sources: [] })).toBe('error: source "(app)": sources = [] is not allowed: a non-empty list of sources [sources]');
    expect(bad({ sources: [genericSource({ backend: { type: "s3", bucket: "B", region: "eu-central-1" } })] })).toBe(
      `error: source "orders-db": backend.bucket = "B" is not allowed: an S3 bucket name (3-63 lower-case letters, digits, '.' or '-') [backend]`,
    );
    expect(fs.existsSync(path.join(tmp, "never"))).toBe(false);
  });

  it("as a program: a bad source prints one line per problem, exits 1, and writes nothing", () => {
    const dir = path.join(tmp, "cli-bad");
    fs.mkdirSync(dir);
    const script = path.join(dir, "main.ts");
    const bad = { ...exampleConfig, sources: [{ ...exampleConfig.sources[0]!, port: 70000 }, genericSource({ name: "second", tables: ["nodot"] })] };
    fs.writeFileSync(script, `import { runApp } from ${JSON.stringify(path.join(ROOT, "src/app/app"))};\nrunApp(${JSON.stringify(bad)});\n`);
    const r = spawnSync(process.execPath, ["--import", "tsx", script], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CDKTF_OUTDIR: path.join(dir, "out") } });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      'error: source "orders-db": port = 70000 is not allowed: an integer from 1 to 65535 [port-range]',
      'error: source "second": tables[0] = "nodot" is not allowed: a table written as schema.table [table-format]',
    ]);
    expect(r.stderr).not.toMatch(/\bat \S+ \(/); // no stack trace
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("refuses a password that could land in the JSON, without echoing it", () => {
    const attempt = (make: (stack: TerraformStack) => string): string => {
      const stack = new TerraformStack(Testing.app(), "s");
      try {
        new GenericPostgresSource(stack, "src", { ...genericSource(), password: make(stack) });
      } catch (e) {
        return (e as Error).message;
      }
      return "accepted";
    };
    const line = (why: string) =>
      `error: source "orders-db": password = "<${why}, not shown>" is not allowed: a reference to a sensitive Terraform variable without a default (new TerraformVariable(..., { sensitive: true }).stringValue) [password-reference]`;
    expect(attempt(() => "hunter2")).toBe(line("a literal string"));
    expect(attempt(() => Fn.upper("hunter2"))).toBe(line("an expression that is not a variable"));
    expect(attempt((st) => new TerraformLocal(st, "pw", "hunter2").asString)).toBe(line("an expression that is not a variable"));
    expect(attempt((st) => new TerraformVariable(st, "pw", { type: "string" }).stringValue)).toBe(line("variable pw, which is not sensitive"));
    expect(attempt((st) => new TerraformVariable(st, "pw", { type: "string", sensitive: true, default: "hunter2" }).stringValue)).toBe(line("variable pw, which has a default"));
    expect(attempt((st) => new TerraformVariable(st, "pw", { type: "string", sensitive: true }).stringValue)).toBe("accepted");
  });
});
