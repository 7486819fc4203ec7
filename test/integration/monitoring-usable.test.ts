/**
 * The monitoring role as shipped (issue 25 item 3), on real PostgreSQL 17: the example generic
 * source with `monitoring: { allowedCidrs }` and `network.allowedCidrs` set to where the test
 * connects from, synthesized in-process; the server runs with the stack's RENDERED pg_hba.conf and,
 * after it, a line for the admin only (nobody else gets in by a test default). After the rendered
 * SQL is applied: `health` logged in as the monitoring role is green, `verify --stack` (a stack of
 * two roles) checks the ClickPipes user and passes. Without `monitoring.allowedCidrs` the line is a
 * comment naming the role, and the same `health` is refused by pg_hba.conf.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app/app";
import { runHealth } from "../../src/cli/health";
import { runVerify } from "../../src/cli/verify";
import { GenericSourceConfig } from "../../src/model/app-config";
import { VARIABLE_IDS } from "../../src/model/construct-ids";
import { PostgresMajorVersion } from "../../src/model/types";
import { renderStackSql } from "../../src/render/sql";
import { config } from "../../stacks/config";
import { PgServer, runPsqlScript, startServer } from "../support/harness";

const MAJOR = 17;
const MONITOR = "clickpipes_monitor";
const MONITOR_PASSWORD = "mon-pw";
const CP_PASSWORD = "cp-pw";
const base = config.sources[0] as GenericSourceConfig;
const DATABASE = base.database;

const FIXTURE = `
CREATE ROLE app_owner NOLOGIN;
CREATE SCHEMA sales;
CREATE SCHEMA inventory;
CREATE TABLE public.customers (id int PRIMARY KEY, name text);
CREATE TABLE public.orders (id int PRIMARY KEY, customer_id int, total numeric);
CREATE TABLE sales.invoices (id int PRIMARY KEY, amount numeric);
CREATE TABLE inventory.stock_levels (sku text PRIMARY KEY, qty int);
`;

async function run(f: typeof runHealth, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await f(args, { out: (s) => void (out += s), err: (s) => void (err += s) }, {});
  return { code, out, err };
}

/** Synthesize the source and return its stack folder. */
function synth(tmp: string, name: string, monitoring: GenericSourceConfig["monitoring"]): string {
  const source: GenericSourceConfig = {
    ...base,
    name,
    postgresVersion: MAJOR as PostgresMajorVersion,
    network: { allowedCidrs: ["127.0.0.1/32"] },
    monitoring,
  };
  const out = path.join(tmp, name);
  buildApp({ ...config, sources: [source] }, { outdir: out }).synth();
  return path.join(out, "stacks", name);
}

const hbaOf = (stackDir: string, name: string) => fs.readFileSync(path.join(stackDir, "server-setup", name, "pg_hba.conf"), "utf8");

describe(`the monitoring role, usable as shipped (PostgreSQL ${MAJOR})`, () => {
  let tmp = "";
  let stackDir = "";
  let server: PgServer;
  let admin: Client;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-monitoring-usable-"));
    stackDir = synth(tmp, "orders-db", { allowedCidrs: ["127.0.0.1/32"] });
    const hba = hbaOf(stackDir, "orders-db");
    server = await startServer({ major: MAJOR, walLevel: "logical", hba: hba.split("\n"), hbaDefaults: "admin" });
    await server.query(`CREATE DATABASE ${DATABASE}`);
    admin = await server.adminClient(DATABASE);
    await runPsqlScript(admin, FIXTURE);
    const rendered = renderStackSql(stackDir);
    await runPsqlScript(admin, rendered.sql, { [VARIABLE_IDS.CLICKPIPES_PASSWORD]: CP_PASSWORD, [VARIABLE_IDS.MONITORING_PASSWORD]: MONITOR_PASSWORD });
    await admin.query("SELECT pg_create_logical_replication_slot('clickpipes_slot', 'pgoutput')");
  }, 120_000);

  afterAll(async () => {
    await admin?.end().catch(() => {});
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("the rendered pg_hba.conf has the monitoring role's line, quoted like the ClickPipes lines, and the server loads it", async () => {
    const hba = hbaOf(stackDir, "orders-db");
    expect(hba).toContain(`host orders clickpipes_user 127.0.0.1/32 scram-sha-256\n`);
    expect(hba).toContain(`host orders ${MONITOR} 127.0.0.1/32 scram-sha-256\n`);
    const errors = await server.query<{ error: string | null }>("SELECT error FROM pg_hba_file_rules WHERE error IS NOT NULL");
    expect(errors).toEqual([]);
  });

  it("health logged in as the monitoring role is green", async () => {
    const url = `postgres://${MONITOR}:${MONITOR_PASSWORD}@127.0.0.1:${server.port}/${DATABASE}`;
    const r = await run(runHealth, [url, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { slots: { name: string }[] };
    expect(report.slots.map((s) => s.name)).toContain("clickpipes_slot");
  });

  it("verify --stack of a stack with two roles checks the ClickPipes user, not the monitoring role", async () => {
    const url = `postgres://clickpipes_user:${CP_PASSWORD}@127.0.0.1:${server.port}/${DATABASE}`;
    const r = await run(runVerify, [url, "--stack", stackDir]);
    expect(r.err).toBe("");
    expect(r.out).not.toMatch(/postgresql_role resources/);
    expect(r.code, r.out).toBe(0);
  });

  it("without monitoring.allowedCidrs: a commented line naming the role, and pg_hba.conf refuses health", async () => {
    const dir = synth(tmp, "no-cidrs", {});
    const hba = hbaOf(dir, "no-cidrs");
    expect(hba).toContain(`# Monitoring role ${MONITOR}: set monitoring.allowedCidrs to the networks health or your exporter connects from, or uncomment and fill in:\n`);
    expect(hba).toMatch(new RegExp(`^# host orders ${MONITOR} <network health/the exporter connects from, e\\.g\\. 10\\.0\\.5\\.0/24> scram-sha-256$`, "m"));
    expect(hba.split("\n").filter((l) => l.startsWith("host ") && l.includes(MONITOR))).toEqual([]);
    // The same server with this file instead: the monitoring role is not let in.
    const other = await startServer({ major: MAJOR, hba: hba.split("\n"), hbaDefaults: "admin" });
    try {
      await other.query(`CREATE ROLE ${MONITOR} LOGIN PASSWORD '${MONITOR_PASSWORD}' IN ROLE pg_monitor`);
      const r = await run(runHealth, [`postgres://${MONITOR}:${MONITOR_PASSWORD}@127.0.0.1:${other.port}/postgres`]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/no pg_hba\.conf entry/);
    } finally {
      await other.stop();
    }
  }, 120_000);

  it("verify --stack before the stack is applied hints at it; a grant FAIL suggests re-applying the stack before a hand-written GRANT", async () => {
    const fresh = await startServer({ major: MAJOR, walLevel: "logical" });
    try {
      await fresh.query(`CREATE DATABASE ${DATABASE}`);
      const url = `postgres://clickpipes_user:${CP_PASSWORD}@127.0.0.1:${fresh.port}/${DATABASE}`;
      const before = await run(runVerify, [url, "--stack", stackDir]);
      expect(before.code).toBe(2);
      expect(before.err).toMatch(
        /password authentication failed for user "clickpipes_user"; not applied yet\? role clickpipes_user exists only after the stack is applied \(cdktf deploy, or the SQL of cdktf-clickpipes sql\); otherwise check the password\n$/,
      );
      const c = await fresh.adminClient(DATABASE);
      try {
        await runPsqlScript(c, FIXTURE);
        await runPsqlScript(c, renderStackSql(stackDir).sql, { [VARIABLE_IDS.CLICKPIPES_PASSWORD]: CP_PASSWORD, [VARIABLE_IDS.MONITORING_PASSWORD]: MONITOR_PASSWORD });
        await c.query("REVOKE SELECT ON public.customers FROM clickpipes_user");
      } finally {
        await c.end();
      }
      const after = await run(runVerify, [url, "--stack", stackDir, "--json"]);
      expect(after.code).toBe(1);
      const tables = (JSON.parse(after.out) as { checks: { id: string; status: string; fix?: string }[] }).checks.find((x) => x.id === "tables")!;
      expect(tables.status).toBe("FAIL");
      expect(tables.fix).toMatch(
        /^re-apply the stack first \(cdktf deploy; it declares this grant\); by hand: GRANT USAGE ON SCHEMA public TO clickpipes_user; GRANT SELECT ON public\.customers TO clickpipes_user;$/,
      );
    } finally {
      await fresh.stop();
    }
  }, 120_000);
});
