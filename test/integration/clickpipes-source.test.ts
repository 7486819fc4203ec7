/**
 * The default generic stack (stacks/config.ts), synthesized in-process, rendered to SQL by
 * `renderStackSql`, applied as the admin on real PostgreSQL servers; then, as the ClickPipes user over
 * TCP with scram-sha-256: IDENTIFY_SYSTEM on a replication connection, INSERT/UPDATE/DELETE through a
 * pgoutput slot, SELECT on every published table, no SELECT outside the granted schemas, default
 * privileges for a table created later, and a second run that changes nothing.
 *
 * Versions: CLICKPIPES_PG_VERSIONS (comma-separated majors) or, by default, 12-18. One extra case
 * starts PostgreSQL 16 with the default wal_level (replica) and applies the stack's
 * server-setup/<source>/alter-system.sql plus a restart first.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppConfig, GenericSourceConfig } from "../../src/model/app-config";
import { PostgresMajorVersion } from "../../src/model/types";
import { renderStackSql } from "../../src/render/sql";
import { buildApp } from "../../src/app/app";
import { config } from "../../stacks/config";
import { CLICKPIPES_PASSWORD_VARIABLE } from "../../src/app/generic-postgres-stack";
import { catalogSnapshot, createPgoutputSlot, dropSlot, findPsql, PgServer, readSlotChanges, runPsqlScript, runRealPsql, startServer } from "../support/harness";

const VERSIONS = (process.env.CLICKPIPES_PG_VERSIONS ?? "12,13,14,15,16,17,18")
  .split(",")
  .map((v) => Number(v.trim()))
  .filter((v) => Number.isInteger(v) && v > 0);
/** Exercises quoting: a quote, a double quote, a backslash and a colon. */
const PASSWORD = `cp-'test' "pw" \\ :x`;
/**
 * The password the role then has: the provider writes it with pqQuoteLiteral() (helpers.go), which
 * doubles backslashes inside a standard string literal, and the SQL preview mirrors that.
 */
const STORED_PASSWORD = PASSWORD.replace(/\\/g, "\\\\");
/** The version whose first apply goes through the real psql, when the machine has one. */
const PSQL_VERSION = 18;
const REPLICA_START_VERSION = 16;

const source = config.sources[0] as GenericSourceConfig;
const USER = source.user?.name ?? "clickpipes_user";
const PUBLICATION = source.publication?.name ?? "clickpipes_publication";
const DATABASE = source.database;
const PUBLISHED = ["inventory.stock_levels", "public.customers", "public.orders", "sales.invoices"];

const FIXTURE = `
CREATE ROLE app_owner NOLOGIN;
CREATE SCHEMA sales;
CREATE SCHEMA inventory;
CREATE SCHEMA secret;
GRANT USAGE, CREATE ON SCHEMA sales TO app_owner;
CREATE TABLE public.customers (id int PRIMARY KEY, name text);
CREATE TABLE public.orders (id int PRIMARY KEY, customer_id int, total numeric);
CREATE TABLE sales.invoices (id int PRIMARY KEY, amount numeric);
CREATE TABLE inventory.stock_levels (sku text PRIMARY KEY, qty int);
CREATE TABLE inventory.suppliers (id int PRIMARY KEY);
CREATE TABLE secret.payroll (id int PRIMARY KEY, salary numeric);
`;

/** Synthesize the default app with the source's version set to `major`; return the stack dir. */
function synthDefaultStack(major: number, outdir: string): string {
  const app: AppConfig = { ...config, sources: [{ ...source, postgresVersion: major as PostgresMajorVersion }] };
  buildApp(app, { outdir }).synth();
  return path.join(outdir, "stacks", source.name);
}

interface Setup {
  server: PgServer;
  admin: Client;
  sql: string;
  stackDir: string;
  appliedWith: string;
  psqlResult?: { status: number | null; stdout: string; stderr: string };
}

function suite(major: number, opts: { startWithReplica?: boolean } = {}): void {
  const label = `PostgreSQL ${major}${opts.startWithReplica ? " (starts with wal_level=replica)" : ""}`;
  describe(label, () => {
    const s = {} as Setup;
    let t0 = 0;
    let tmp = "";
    const psql = major === PSQL_VERSION && !opts.startWithReplica ? findPsql() : undefined;

    beforeAll(async () => {
      t0 = Date.now();
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), `cdktf-clickpipes-it${major}-`));
      s.server = await startServer({ major, walLevel: opts.startWithReplica ? undefined : "logical" });
      await s.server.query(`CREATE DATABASE ${DATABASE}`);
      s.admin = await s.server.adminClient(DATABASE);
      await runPsqlScript(s.admin, FIXTURE);
      s.stackDir = synthDefaultStack(major, path.join(tmp, "cdktf.out"));
      const rendered = renderStackSql(s.stackDir);
      expect(rendered.notRendered).toEqual([]);
      s.sql = rendered.sql;

      if (opts.startWithReplica) {
        // The stack's own server settings, then the restart they need.
        expect((await s.admin.query("SHOW wal_level")).rows[0].wal_level).toBe("replica");
        const alterSystem = fs.readFileSync(path.join(s.stackDir, "server-setup", source.name, "alter-system.sql"), "utf8");
        await runPsqlScript(s.admin, alterSystem);
        await s.admin.end();
        await s.server.restart();
        s.admin = await s.server.adminClient(DATABASE);
      }

      const file = path.join(tmp, "clickpipes.sql");
      fs.writeFileSync(file, s.sql);
      if (psql) {
        s.psqlResult = runRealPsql(psql, {
          host: s.server.host,
          port: s.server.port,
          user: s.server.adminUser,
          password: s.server.adminPassword,
          database: DATABASE,
          file,
          vars: { [CLICKPIPES_PASSWORD_VARIABLE]: PASSWORD },
        });
        if (s.psqlResult.status !== 0) throw new Error(`psql failed (${s.psqlResult.status}):\n${s.psqlResult.stderr}`);
        s.appliedWith = psql;
      } else {
        await runPsqlScript(s.admin, s.sql, { [CLICKPIPES_PASSWORD_VARIABLE]: PASSWORD });
        s.appliedWith = "test harness (psql-compatible runner)";
      }
    });

    afterAll(async () => {
      await s.admin?.end().catch(() => {});
      await s.server?.stop();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
      console.log(`[integration] ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s (start, fixture, synth, render, apply via ${s.appliedWith ?? "-"}, checks)`);
    });

    const asUser = (replication = false) => s.server.connect({ user: USER, password: STORED_PASSWORD, database: DATABASE, replication });

    if (opts.startWithReplica) {
      it("runs with wal_level=logical after the stack's ALTER SYSTEM settings and a restart", async () => {
        const rows = (await s.admin.query("SELECT name, setting FROM pg_settings WHERE name IN ('wal_level', 'max_wal_senders', 'max_replication_slots') ORDER BY name")).rows;
        expect(rows).toEqual([
          { name: "max_replication_slots", setting: "10" },
          { name: "max_wal_senders", setting: "10" },
          { name: "wal_level", setting: "logical" },
        ]);
      });
    }

    if (major === PSQL_VERSION && !opts.startWithReplica) {
      it.skipIf(!psql)("applies the rendered script with the real psql -v ON_ERROR_STOP=1 -v clickpipes_password=... -f", () => {
        expect(s.psqlResult?.status).toBe(0);
        expect(s.psqlResult?.stderr ?? "").not.toMatch(/ERROR/);
      });
      if (!psql) console.log(`[integration] ${label}: no psql binary on this machine; the real-psql case is skipped`);
    }

    it("lets the ClickPipes user open a replication connection (IDENTIFY_SYSTEM) with scram-sha-256", async () => {
      const repl = await asUser(true);
      try {
        const r = await repl.query("IDENTIFY_SYSTEM");
        expect(r.rows[0].dbname).toBe(DATABASE);
      } finally {
        await repl.end();
      }
      const auth = await s.admin.query("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' AS scram FROM pg_authid WHERE rolname = $1", [USER]);
      expect(auth.rows[0].scram).toBe(true);
    });

    it("streams an INSERT, an UPDATE and a DELETE of a published table through a pgoutput slot", async () => {
      const user = await asUser();
      try {
        await createPgoutputSlot(user, "it_slot");
        await s.admin.query("INSERT INTO public.customers VALUES (1, 'Ada')");
        await s.admin.query("UPDATE public.customers SET name = 'Ada L.' WHERE id = 1");
        await s.admin.query("DELETE FROM public.customers WHERE id = 1");
        await s.admin.query("INSERT INTO secret.payroll VALUES (1, 100)");
        const changes = await readSlotChanges(user, "it_slot", PUBLICATION);
        expect(changes.map((c) => `${c.op} ${c.schema}.${c.table} ${c.values[0]}`)).toEqual(["INSERT public.customers 1", "UPDATE public.customers 1", "DELETE public.customers 1"]);
        expect(changes[1].values[1]).toBe("Ada L.");
        await dropSlot(user, "it_slot");
      } finally {
        await user.end();
      }
    });

    it("publishes exactly the configured tables, and the user can SELECT each of them", async () => {
      const pubTables = (await s.admin.query("SELECT schemaname || '.' || tablename AS t FROM pg_publication_tables WHERE pubname = $1 ORDER BY 1", [PUBLICATION])).rows.map((r) => r.t);
      expect(pubTables).toEqual(PUBLISHED);
      const user = await asUser();
      try {
        for (const t of pubTables) await expect(user.query(`SELECT * FROM ${t} LIMIT 1`)).resolves.toBeDefined();
      } finally {
        await user.end();
      }
    });

    it("denies SELECT outside the granted schemas and tables", async () => {
      const user = await asUser();
      try {
        await expect(user.query("SELECT * FROM secret.payroll")).rejects.toThrow(/permission denied/);
        await expect(user.query("SELECT * FROM inventory.suppliers")).rejects.toThrow(/permission denied/);
      } finally {
        await user.end();
      }
    });

    it("can read a table an owner role creates in a granted schema after apply (default privileges)", async () => {
      await s.admin.query("SET ROLE app_owner");
      await s.admin.query("CREATE TABLE sales.refunds (id int PRIMARY KEY, amount numeric)");
      await s.admin.query("RESET ROLE");
      await s.admin.query("INSERT INTO sales.refunds VALUES (7, 1.5)");
      const user = await asUser();
      try {
        const r = await user.query("SELECT id FROM sales.refunds");
        expect(r.rows).toEqual([{ id: 7 }]);
      } finally {
        await user.end();
      }
    });

    it("runs the rendered script a second time without error and without changing anything", async () => {
      const before = await catalogSnapshot(s.admin);
      await runPsqlScript(s.admin, s.sql, { [CLICKPIPES_PASSWORD_VARIABLE]: PASSWORD });
      const after = await catalogSnapshot(s.admin);
      expect(after).toEqual(before);
      expect(before.publicationTables.length).toBe(PUBLISHED.length);
      expect(before.defaultAcls.map((d) => `${d.owner} ${d.nspname} ${d.acl}`)).toEqual([
        `app_owner sales {${USER}=r/app_owner}`,
        `postgres public {${USER}=r/postgres}`,
        `postgres sales {${USER}=r/postgres}`,
      ]);
      expect(before.tableAcls.find((t) => t.nspname === "sales" && t.relname === "refunds")?.acl).toContain(`${USER}=r/app_owner`);
      // The password is the same one: the user still logs in.
      const user = await asUser();
      await user.end();
    });
  });
}

for (const major of VERSIONS) suite(major);
if (VERSIONS.includes(REPLICA_START_VERSION)) suite(REPLICA_START_VERSION, { startWithReplica: true });
