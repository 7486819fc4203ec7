/**
 * Errors in a team's own app (issue 19 items 4 and 5): a ValidationError prints as its lines, a
 * missing password is reported as missing, the `-db` half needs no network settings, a fleet reports
 * every error of every source at once, and the last unsafe inputs are refused with one line.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { inspect } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { AwsSourceDatabase } from "../../src/aws/database-objects";
import { loadAppConfig } from "../../src/app/app";
import { runInit } from "../../src/cli/init";
import { TerraformStack, TerraformVariable, Testing } from "../../src/tf/tf";
import { AwsEngine } from "../../src/model/aws-types";
import { shellQuote } from "../../src/model/quoting/shell";
import { formatFinding, Severity, ValidationError } from "../../src/model/validation";
import { GenericPostgresSource } from "../../src/postgres/generic-source";
import { PostgresqlProvider } from "../../src/tf/tf";
import { auroraSource } from "../support/aws-helpers";
import { genericSource, synthApp } from "../support/helpers";

const ROOT = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-newcomer-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const finding = (field: string, value: unknown) => ({ rule: "r", source: "s", severity: Severity.ERROR, field, value, allowed: "x" });

describe("ValidationError as Node and cdktf print it", () => {
  const e = new ValidationError([finding("a", 1), finding("b", 2)]);

  it("inspects as its name and message, one finding per line, with no findings dump and no frames", () => {
    const lines = [formatFinding(finding("a", 1)), formatFinding(finding("b", 2))];
    expect(inspect(e)).toBe(`ValidationError: ${lines.join("\n")}`);
    expect(e.stack).toBe(`ValidationError: ${lines.join("\n")}`);
    expect(e.findings).toHaveLength(2);
    expect(Object.keys(e)).toEqual([]);
  });

  it("an uncaught throw in a user's app prints the lines, not a stack trace nor a findings: dump", () => {
    const app = path.join(tmp, "app.ts");
    fs.writeFileSync(
      app,
      `import { App, TerraformStack } from ${JSON.stringify(path.join(ROOT, "src/tf/tf"))};\n` +
        `import { GenericPostgresSource } from ${JSON.stringify(path.join(ROOT, "src/postgres/generic-source"))};\n` +
        // Its own outdir: a default App() would create cdktf.out/ in the repository, which guard then reads.
        `const stack = new TerraformStack(new App({ outdir: ${JSON.stringify(path.join(tmp, "app-out"))} }), "s");\n` +
        `new GenericPostgresSource(stack, "x", { name: "orders", host: "db?sslmode=disable", database: "orders", postgresVersion: 16, port: 70000, clickhouse: { cloud: "aws", region: "eu-central-1" }, tables: ["public.a"] } as never);\n`,
    );
    const r = spawnSync(process.execPath, ["--import", "tsx", app], { encoding: "utf8", cwd: ROOT });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('error: source "orders": host = "db?sslmode=disable" is not allowed');
    expect(r.stderr).toContain('error: source "orders": port = 70000 is not allowed');
    expect(r.stderr).not.toContain("findings:");
    expect(r.stderr).not.toMatch(/\n\s+at .*src\/model/);
  });
});

describe("constructs used directly", () => {
  function stackWithProvider() {
    const stack = new TerraformStack(Testing.app(), "s");
    new PostgresqlProvider(stack, "pg", { host: "h", superuser: false });
    return stack;
  }

  it("a missing password is reported as missing, not as a literal", () => {
    const { password: _p, ...spec } = { ...genericSource(), password: undefined };
    let error: unknown;
    try {
      new GenericPostgresSource(stackWithProvider(), "x", spec as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/^error: source "orders-db": password = \(missing\) is not allowed: a reference to a sensitive Terraform variable/);
    expect((error as Error).message).not.toContain("literal");
  });

  it("a literal password is refused without echoing it", () => {
    expect(() => new GenericPostgresSource(stackWithProvider(), "x", { ...genericSource(), password: "hunter2" } as never)).toThrow(/password = "<a literal string, not shown>"/);
  });

  it("AwsSourceDatabase (the -db half) needs no network settings", () => {
    const stack = stackWithProvider();
    const password = new TerraformVariable(stack, "pw", { type: "string", sensitive: true }).stringValue;
    const { network: _n, ...spec } = auroraSource();
    const db = new AwsSourceDatabase(stack, "db", { ...spec, engine: AwsEngine.AURORA_POSTGRESQL, password });
    expect(db.publication).toBeDefined();
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.keys(json.resource.postgresql_publication)).toHaveLength(1);
    // A bad host is still refused there: only the network rules are skipped.
    expect(() => new AwsSourceDatabase(stackWithProvider(), "db", { ...spec, host: "billing.cluster-x.eu-central-1.rds.amazonaws.com#x", engine: AwsEngine.AURORA_POSTGRESQL, password })).toThrow(
      /host = .* \[host\]/,
    );
  });
});

describe("a fleet reports every error of every source at once", () => {
  it("schema errors, rule errors of the other sources, and an unreadable second file, in one error", () => {
    const a = path.join(tmp, "a.yaml");
    fs.writeFileSync(
      a,
      [
        "sources:",
        "  - kind: generic",
        "    name: schema-bad",
        "    host: db.example.com",
        "    database: x",
        "    postgresVersion: 16",
        "    clickhouse: { cloud: aws, region: eu-central-1 }",
        "    tables: [public.a]",
        "    colour: blue",
        "  - kind: generic",
        "    name: rule-bad",
        "    host: db.example.com",
        "    database: x",
        "    port: 70000",
        "    postgresVersion: 16",
        "    clickhouse: { cloud: aws, region: eu-central-1 }",
        "    tables: [public.a]",
        "  - kind: generic",
        "    name: Rule-Bad",
        "    host: db.example.com",
        "    database: x",
        "    postgresVersion: 16",
        "    clickhouse: { cloud: aws, region: eu-central-1 }",
        "    tables: [public.a]",
        "",
      ].join("\n"),
    );
    const missing = path.join(tmp, "missing.yaml");
    let error: ValidationError | undefined;
    try {
      loadAppConfig({ sources: [] }, [a, missing]);
    } catch (e) {
      error = e as ValidationError;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const lines = error!.message.split("\n");
    expect(lines).toEqual([
      'error: source "schema-bad": colour = "blue" is not allowed: a known field: adminIsSuperuser, adminUser, azure, backend, clickhouse, clickpipe, database, health, host, hostProfile, kind, managedPostgres, monitoring, name, network, planRole, planetScaleBranch, port, postgresVersion, protectFromDestroy, publication, schemas, serverSettings, sslmode, tables, timescaleDb, user [unknown-key]',
      `error: source "(fleet)": ${missing} = "ENOENT" is not allowed: a readable YAML or JSON fleet file [fleet-file]`,
      'error: source "rule-bad": port = 70000 is not allowed: an integer from 1 to 65535 [port-range]',
      `error: source "Rule-Bad": name = "Rule-Bad" is not allowed: a name whose stacks differ from every other source's in more than case (stack "Rule-Bad" and "rule-bad" would be one folder and one state key on a case-insensitive file system) [source-name]`,
    ]);
  });
});

describe("unsafe inputs refused with one line", () => {
  const HOSTS = [
    "db.example.com?sslmode=disable",
    "db.example.com#x",
    "admin@db.example.com",
    "db%2Eexample.com",
    "db'example.com",
    "db\\example.com",
    "db example.com",
    "db.example.com\t",
    "db.example.com\n",
  ];

  it.each(HOSTS.map((h) => [JSON.stringify(h), h]))("host %s: refused for generic and Aurora sources, nothing written", (_t, host) => {
    for (const [kind, source] of [
      ["generic", genericSource({ host })],
      ["aurora", auroraSource({ host })],
    ] as const) {
      const out = path.join(tmp, `host-${kind}-${HOSTS.indexOf(host)}`);
      let error: unknown;
      try {
        synthApp({ sources: [source] }, out);
      } catch (e) {
        error = e;
      }
      expect(error, kind).toBeInstanceOf(ValidationError);
      const lines = (error as Error).message.split("\n").filter((l) => l.includes("[host]"));
      expect(lines, kind).toEqual([
        `error: source "${source.name}": host = ${JSON.stringify(host)} is not allowed: a host name or IP address of letters, digits, '.', '-', '_' and ':' (IPv6) only, without port (the port goes in port), scheme, path or spaces (the provider puts the host unescaped into its connection URL) [host]`,
      ]);
      expect(fs.existsSync(out), kind).toBe(false);
    }
  });

  it("accepts DNS names, IPv4 and IPv6 addresses", () => {
    for (const host of ["db.example.com", "my_db-1.internal", "203.0.113.7", "2001:db8::7"]) {
      expect(() => synthApp({ sources: [genericSource({ host })] }, path.join(tmp, `ok-${host.replace(/\W/g, "_")}`)), host).not.toThrow();
    }
  });

  it("shellQuote gives one POSIX shell word that sh reads back exactly", () => {
    const words = ["plain-dir", "My Sources", "it's", "a$b`c`\\d", "semi;colon && rm -rf x", "*", "-n", "ünï"];
    for (const w of words) {
      const r = spawnSync("/bin/sh", ["-c", `printf '%s' ${shellQuote(w)}`], { encoding: "utf8" });
      expect(r.stdout, w).toBe(w);
    }
  });

  it("init's next step quotes the folder for a POSIX shell and escapes control characters", async () => {
    const base = path.join(tmp, "init");
    for (const [name, word] of [
      ["it's here", `'${base}/it'\\''s here'`],
      ["a\u001b[31mred", `'${base}/a\\x1b[31mred'`],
    ] as const) {
      const dir = path.join(base, name);
      let out = "";
      expect(await runInit([dir], { write: (s: string) => (out += s) }, { write: () => undefined })).toBe(0);
      const next = out.split("\n").find((l) => l.startsWith("next: "))!;
      expect(next.startsWith(`next: cd ${word} && npm install`), next).toBe(true);
      expect(out).not.toContain("\u001b");
    }
    // The printed line, pasted into sh, enters the folder.
    const next = await (async () => {
      let out = "";
      await runInit([path.join(base, "with space; and 'quote'")], { write: (s: string) => (out += s) }, { write: () => undefined });
      return out.split("\n").find((l) => l.startsWith("next: "))!;
    })();
    const cd = next.slice("next: ".length, next.indexOf(" && npm install"));
    const r = spawnSync("/bin/sh", ["-c", `${cd} && pwd`], { encoding: "utf8" });
    expect(r.stdout.trim()).toBe(path.join(base, "with space; and 'quote'"));
  });
});
