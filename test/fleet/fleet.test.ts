import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadFleetFile } from "../../src/fleet/load";
import { ValidationError } from "../../src/model/validation";
import { generateFleetSchema, FLEET_SCHEMA_PATH } from "../../scripts/gen-fleet-schema";
import { fleetFileList, loadAppConfig } from "../../src/app/app";
import { synthApp } from "../support/helpers";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLE = path.join(ROOT, "examples/fleet/fleet.yaml");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-fleet-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function readStacks(outdir: string): Record<string, string> {
  const stacks = path.join(outdir, "stacks");
  return Object.fromEntries(
    fs
      .readdirSync(stacks)
      .sort()
      .map((s) => [s, fs.readFileSync(path.join(stacks, s, "cdk.tf.json"), "utf8")]),
  );
}

function synthFleet(name: string, file: string): Record<string, string> {
  const out = path.join(tmp, name);
  synthApp(loadAppConfig({ sources: [] }, [file]), out);
  return readStacks(out);
}

function errorLines(text: string, ext = "yaml"): string[] {
  const file = path.join(tmp, `bad-${Math.random().toString(36).slice(2)}.${ext}`);
  fs.writeFileSync(file, text);
  const outdir = path.join(tmp, `never-${path.basename(file)}`);
  try {
    const config = loadFleetFile(file);
    synthApp(config, outdir);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    // Validation comes before the App, whose constructor would create the folder: nothing is written.
    expect(fs.existsSync(outdir)).toBe(false);
    return (e as Error).message.split("\n");
  }
  throw new Error("expected a ValidationError");
}

const example = fs.readFileSync(EXAMPLE, "utf8");

describe("fleet files", () => {
  it("the example fleet of 3 sources synthesizes to 4 stacks with the chosen backends", () => {
    const stacks = synthFleet("example", EXAMPLE);
    expect(Object.keys(stacks)).toEqual(["crm-db", "ledger-aws", "ledger-db", "payments-db"]);
    const backend = (s: string) => JSON.parse(stacks[s]!).terraform;
    expect(backend("payments-db").backend).toEqual({ s3: { bucket: "acme-terraform-state", key: "clickpipes/payments-db.tfstate", region: "eu-central-1", encrypt: true, use_lockfile: true } });
    expect(backend("ledger-db").backend.s3.key).toBe("clickpipes/ledger-db.tfstate");
    expect(backend("ledger-aws").backend.s3.key).toBe("clickpipes/ledger-aws.tfstate");
    expect(backend("crm-db").cloud).toEqual({ organization: "acme", workspaces: { name: "clickpipes-crm-db" } });
  });

  it("changing one source changes only its own stack's bytes", () => {
    const before = synthFleet("before", EXAMPLE);
    const changedFile = path.join(tmp, "changed.yaml");
    fs.writeFileSync(changedFile, example.replace("tables: [public.payments, public.refunds]", "tables: [public.payments, public.refunds, public.disputes]"));
    const after = synthFleet("after", changedFile);
    const differing = Object.keys(before).filter((s) => before[s] !== after[s]);
    expect(differing).toEqual(["payments-db"]);
  });

  it("reads JSON fleet files too, with a $schema key", () => {
    const file = path.join(tmp, "fleet.json");
    const doc = { $schema: "../schemas/fleet.schema.json", ...(JSON.parse(JSON.stringify(require("yaml").parse(example))) as object) };
    fs.writeFileSync(file, JSON.stringify(doc));
    expect(Object.keys(synthFleet("json", file))).toHaveLength(4);
  });

  it("merges fleet sources with the typed config; the config's backend stays the default of sources without one", () => {
    const merged = loadAppConfig({ backend: { type: "local" }, sources: [] }, [EXAMPLE]);
    expect(merged.backend).toEqual({ type: "local" });
    expect(merged.sources.map((s) => s.backend?.type)).toEqual(["s3", "cloud", "s3"]);
    expect(fleetFileList(["a.yaml"], " b.json ,a.yaml,")).toEqual(["a.yaml", "b.json"]);
    expect(fleetFileList([], undefined)).toEqual([]);
  });

  it("names the source, the field and what is allowed for each schema error", () => {
    const doc = require("yaml").parse(example);
    doc.sources[0].prot = 5432;
    doc.sources[1].postgresVersion = 11;
    doc.sources[2].network.mode = "vpn";
    expect(errorLines(stringify(doc))).toEqual([
      'error: source "payments-db": prot = 5432 is not allowed: a known field (did you mean port?) [unknown-key]',
      'error: source "crm-db": postgresVersion = 11 is not allowed: one of 12, 13, 14, 15, 16, 17, 18 [fleet-schema]',
      'error: source "ledger": network.mode = "vpn" is not allowed: one of "ip-allow-list", "privatelink", "none" [fleet-schema]',
    ]);
  });

  it("reports missing fields, wrong types and unknown kinds", () => {
    const doc = require("yaml").parse(example);
    delete doc.sources[0].database;
    doc.sources[1].port = "5432";
    doc.sources[2].kind = "cockroach";
    expect(errorLines(stringify(doc))).toEqual([
      'error: source "payments-db": database = (missing) is not allowed: present (it is required) [fleet-schema]',
      'error: source "crm-db": port = "5432" is not allowed: a value of type number [fleet-schema]',
      'error: source "ledger": kind = "cockroach" is not allowed: one of "generic", "aurora", "rds" [fleet-schema]',
    ]);
    expect(errorLines("sources: 3\n")).toEqual(['error: source "(fleet)": sources = 3 is not allowed: a value of type array [fleet-schema]']);
    expect(errorLines("backend: { type: ftp }\nsources: []\n")[0]).toMatch(/^error: source "\(fleet\)": backend\.type = "ftp" is not allowed: one of "local" \[fleet-schema\]$/);
  });

  it("applies the rule table after the schema: the same lines as the typed config", () => {
    expect(errorLines(example.replace("postgresVersion: 17", "postgresVersion: 17\n    port: 70000"))).toEqual([
      'error: source "payments-db": port = 70000 is not allowed: an integer from 1 to 65535 [port-range]',
    ]);
  });

  it("names the file, in one short line, for an empty, list, scalar, binary, oversized file or a folder", () => {
    const lineFor = (name: string, content: string | Buffer) => {
      const file = path.join(tmp, name);
      fs.writeFileSync(file, content);
      try {
        loadFleetFile(file);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        const lines = (e as Error).message.split("\n");
        expect(lines).toHaveLength(1);
        return lines[0]!.replace(file, "<file>");
      }
      throw new Error(`expected ${name} to be refused`);
    };
    const allowed = 'is not allowed: a YAML or JSON fleet file: a mapping with a "sources" list [fleet-file]';
    expect(lineFor("empty.yaml", "")).toBe(`error: source "(fleet)": <file> = "(an empty document)" ${allowed}`);
    expect(lineFor("comments.yaml", "# nothing here\n")).toBe(`error: source "(fleet)": <file> = "(an empty document)" ${allowed}`);
    expect(lineFor("list.json", "[1, 2]")).toBe(`error: source "(fleet)": <file> = "(a list)" ${allowed}`);
    expect(lineFor("scalar.yaml", "just a string\n")).toBe(`error: source "(fleet)": <file> = "(a string, not a mapping)" ${allowed}`);
    expect(lineFor("number.json", "42")).toBe(`error: source "(fleet)": <file> = "(a number, not a mapping)" ${allowed}`);
    // 16 KB of random bytes: one short line, none of the bytes echoed.
    const binary = Buffer.alloc(16 * 1024, 0);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919 + 13) % 256;
    const line = lineFor("binary.yaml", binary);
    expect(line).toBe(`error: source "(fleet)": <file> = "(binary: not UTF-8 text)" ${allowed}`);
    expect(lineFor("nul.yaml", "sources: []\n\0\n")).toBe(`error: source "(fleet)": <file> = "(binary: contains NUL bytes)" ${allowed}`);
    const big = path.join(tmp, "big.yaml");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 17 * 1024 * 1024); // sparse: nothing is written
    expect(() => loadFleetFile(big)).toThrow(
      `error: source "(fleet)": ${big} = "(${17 * 1024 * 1024} bytes, over the limit of 16777216)" ${allowed.replace(" [fleet-file]", "")}, at most 16777216 bytes [fleet-file]`,
    );
    expect(() => loadFleetFile(tmp)).toThrow(`error: source "(fleet)": ${tmp} = "(a directory)" ${allowed}`);
  });

  it("reports unknown keys inside sources in the same run as an unknown top-level key", () => {
    const doc = require("yaml").parse(example);
    doc.colour = "blue";
    doc.sources[1].prot = 5432;
    expect(errorLines(stringify(doc))).toEqual([
      'error: source "(fleet)": colour = "blue" is not allowed: a known field: $schema, backend, clickPipesIpsFile, sources [unknown-key]',
      'error: source "crm-db": prot = 5432 is not allowed: a known field (did you mean port?) [unknown-key]',
    ]);
  });

  it("gives one line for a YAML syntax error or a missing file", () => {
    expect(errorLines("sources:\n  - kind: generic\n    name: [unclosed\n")).toEqual([
      expect.stringMatching(/^error: source "\(fleet\)": .*bad-\w+\.yaml:\d+:\d+ = "\(unparsable\)" is not allowed: valid YAML or JSON \(.+\) \[fleet-syntax\]$/),
    ]);
    expect(() => loadFleetFile(path.join(tmp, "missing.yaml"))).toThrow(
      `error: source "(fleet)": ${path.join(tmp, "missing.yaml")} = "ENOENT" is not allowed: a readable YAML or JSON fleet file [fleet-file]`,
    );
  });

  it("ships a schema that matches the AppConfig type (npm run gen:schema)", () => {
    expect(fs.readFileSync(FLEET_SCHEMA_PATH, "utf8")).toBe(generateFleetSchema());
  });

  it("as a program: CLICKPIPES_FLEET adds the fleet's stacks; a bad fleet exits 1 with one line and writes nothing", () => {
    const out = path.join(tmp, "cli-out");
    const run = (fleet: string) =>
      spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "stacks/main.ts")], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, CDKTF_OUTDIR: out, CLICKPIPES_FLEET: fleet },
      });
    const ok = run(EXAMPLE);
    expect(ok.status, ok.stderr).toBe(0);
    expect(fs.readdirSync(path.join(out, "stacks")).sort()).toEqual(["billing-aurora-aws", "billing-aurora-db", "crm-db", "ledger-aws", "ledger-db", "orders-db", "payments-db"]);
    fs.rmSync(out, { recursive: true, force: true });
    const badFile = path.join(tmp, "bad-cli.yaml");
    fs.writeFileSync(badFile, example.replace("database: crm", "database: crm\n    colour: blue"));
    const bad = run(badFile);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'error: source "crm-db": colour = "blue" is not allowed: a known field: adminIsSuperuser, adminUser, azure, backend, clickhouse, clickpipe, database, health, host, hostProfile, kind, managedPostgres, monitoring, name, network, planRole, planetScaleBranch, port, postgresVersion, protectFromDestroy, publication, schemas, serverSettings, sslmode, tables, timescaleDb, user [unknown-key]',
    );
    expect(fs.existsSync(out)).toBe(false);
  });
});
