/**
 * The monitoring role (issue 17 item 2) on real PostgreSQL: the example generic stack with
 * `monitoring: {}`, synthesized in-process, rendered by `renderStackSql` (what `cdktf-clickpipes sql`
 * prints) and applied as the admin (the real psql when the machine has one); then, logged in as the
 * monitoring role: it reads other users' sessions in pg_stat_activity and the slot statistics, and
 * cannot SELECT a user table nor create a schema, a role or a database. CREATE on schema `public`
 * follows PUBLIC (granted by default before PostgreSQL 15): asserted both ways on 14. CONNECT is
 * granted to the role itself, so it still logs in after `REVOKE CONNECT ... FROM PUBLIC`.
 *
 * Versions: 14 (first with pg_stat_replication_slots; PUBLIC still has CREATE on public) and 18.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app/app";
import { VARIABLE_IDS } from "../../src/model/construct-ids";
import { GenericSourceConfig } from "../../src/model/app-config";
import { PostgresMajorVersion } from "../../src/model/types";
import { renderStackSql } from "../../src/render/sql";
import { config } from "../../stacks/config";
import { findPsql, PgServer, runPsqlScript, runRealPsql, startServer } from "../support/harness";

const VERSIONS = [14, 18];
const MONITOR = "clickpipes_monitor";
const PASSWORD = "mon-'pw\" :x";
const source = { ...(config.sources[0] as GenericSourceConfig), monitoring: {} };
const DATABASE = source.database;

const FIXTURE = `
CREATE ROLE app_owner NOLOGIN;
CREATE ROLE app_user LOGIN PASSWORD 'app-pw';
CREATE SCHEMA sales;
CREATE SCHEMA inventory;
CREATE TABLE public.customers (id int PRIMARY KEY, name text);
CREATE TABLE public.orders (id int PRIMARY KEY, customer_id int, total numeric);
CREATE TABLE sales.invoices (id int PRIMARY KEY, amount numeric);
CREATE TABLE inventory.stock_levels (sku text PRIMARY KEY, qty int);
GRANT SELECT ON public.customers TO app_user;
SELECT pg_create_logical_replication_slot('it_monitor_slot', 'pgoutput');
`;

for (const major of VERSIONS) {
  describe(`monitoring role on PostgreSQL ${major}`, () => {
    let server: PgServer;
    let admin: Client;
    let other: Client;
    let tmp = "";
    let file = "";
    const vars = { [VARIABLE_IDS.CLICKPIPES_PASSWORD]: "cp-pw", [VARIABLE_IDS.MONITORING_PASSWORD]: PASSWORD };
    const psql = findPsql();

    async function apply(): Promise<void> {
      if (psql) {
        const r = runRealPsql(psql, { host: server.host, port: server.port, user: server.adminUser, password: server.adminPassword, database: DATABASE, file, vars });
        if (r.status !== 0) throw new Error(`psql failed (${r.status}):\n${r.stderr}`);
      } else {
        await runPsqlScript(admin, fs.readFileSync(file, "utf8"), vars);
      }
    }
    const asMonitor = () => server.connect({ user: MONITOR, password: PASSWORD, database: DATABASE });
    async function denied(c: Client, sql: string): Promise<string> {
      const e = await c.query(sql).then(
        () => undefined,
        (err: Error) => err.message,
      );
      expect(e, sql).toBeDefined();
      return e!;
    }

    beforeAll(async () => {
      server = await startServer({ major, walLevel: "logical" });
      await server.query(`CREATE DATABASE ${DATABASE}`);
      admin = await server.adminClient(DATABASE);
      await runPsqlScript(admin, FIXTURE);
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), `cp-monitoring-${major}-`));
      buildApp({ ...config, sources: [{ ...source, postgresVersion: major as PostgresMajorVersion }] }, { outdir: tmp }).synth();
      const rendered = renderStackSql(path.join(tmp, "stacks", source.name));
      expect(rendered.notRendered).toEqual([]);
      expect(rendered.variables).toContain(VARIABLE_IDS.MONITORING_PASSWORD);
      expect(rendered.sql).not.toContain(PASSWORD);
      file = path.join(tmp, "preview.sql");
      fs.writeFileSync(file, rendered.sql);
      await apply();
      // Another user's session for the monitoring role to see.
      other = await server.connect({ user: "app_user", password: "app-pw", database: DATABASE });
      await other.query("SET application_name = 'it-other'; SELECT 1");
    }, 120_000);

    afterAll(async () => {
      await other?.end().catch(() => {});
      await admin?.end().catch(() => {});
      await server?.stop();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it("is a plain login with pg_monitor as its only membership", async () => {
      const r = await admin.query(
        `SELECT r.rolcanlogin, r.rolsuper, r.rolreplication, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
                ARRAY(SELECT b.rolname::text FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid WHERE m.member = r.oid ORDER BY 1) AS member_of
           FROM pg_roles r WHERE r.rolname = $1`,
        [MONITOR],
      );
      expect(r.rows).toEqual([{ rolcanlogin: true, rolsuper: false, rolreplication: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, member_of: ["pg_monitor"] }]);
      const owned = await admin.query("SELECT count(*)::int AS n FROM pg_class WHERE relowner = $1::regrole", [MONITOR]);
      expect(owned.rows[0].n).toBe(0);
    });

    it("reads other users' sessions and the replication slot statistics", async () => {
      const mon = await asMonitor();
      try {
        const sessions = await mon.query("SELECT usename, query FROM pg_stat_activity WHERE application_name = 'it-other'");
        expect(sessions.rows).toHaveLength(1);
        expect(sessions.rows[0].usename).toBe("app_user");
        expect(sessions.rows[0].query).not.toBe("<insufficient privilege>");
        const slots = await mon.query("SELECT slot_name FROM pg_stat_replication_slots");
        expect(slots.rows.map((x) => x.slot_name)).toContain("it_monitor_slot");
        const retained = await mon.query("SELECT slot_name, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) >= 0 AS ok FROM pg_replication_slots");
        expect(retained.rows).toEqual([{ slot_name: "it_monitor_slot", ok: true }]);
        // pg_monitor's pg_read_all_settings: a setting only superusers and pg_read_all_settings see.
        const dir = await mon.query("SELECT setting FROM pg_settings WHERE name = 'data_directory'");
        expect(dir.rows[0].setting).toBe(server.dataDir);
      } finally {
        await mon.end();
      }
    });

    it("cannot SELECT a user table nor create a schema, a role or a database", async () => {
      const mon = await asMonitor();
      try {
        for (const t of ["public.customers", "sales.invoices"]) expect(await denied(mon, `SELECT * FROM ${t}`)).toMatch(/permission denied/);
        expect(await denied(mon, "CREATE SCHEMA mon_schema")).toMatch(/permission denied/);
        expect(await denied(mon, "CREATE ROLE mon_role")).toMatch(/permission denied/);
        expect(await denied(mon, "CREATE DATABASE mon_db")).toMatch(/permission denied/);
        expect(await denied(mon, "CREATE TABLE sales.mon_table (id int)")).toMatch(/permission denied/);
        if (major >= 15) {
          expect(await denied(mon, "CREATE TABLE public.mon_table (id int)")).toMatch(/permission denied/);
        } else {
          // PostgreSQL 14 and older grant CREATE on schema public to PUBLIC: the role gets nothing of
          // its own, but what PUBLIC may do it may do too, until the DBA revokes it from PUBLIC.
          await mon.query("CREATE TABLE public.mon_table (id int)");
          await admin.query("DROP TABLE public.mon_table; REVOKE CREATE ON SCHEMA public FROM PUBLIC");
          expect(await denied(mon, "CREATE TABLE public.mon_table2 (id int)")).toMatch(/permission denied/);
        }
      } finally {
        await mon.end();
      }
    });

    it("logs in with its own CONNECT grant after REVOKE CONNECT ... FROM PUBLIC", async () => {
      await admin.query(`REVOKE CONNECT ON DATABASE ${DATABASE} FROM PUBLIC`);
      try {
        await expect(server.connect({ user: "app_user", password: "app-pw", database: DATABASE })).rejects.toThrow(/permission denied/);
        const mon = await asMonitor();
        await mon.end();
      } finally {
        await admin.query(`GRANT CONNECT ON DATABASE ${DATABASE} TO PUBLIC`);
      }
    });

    it("a second run of the script succeeds and changes nothing", async () => {
      const before = await admin.query("SELECT rolname, rolcanlogin, rolconnlimit FROM pg_roles WHERE rolname = $1", [MONITOR]);
      await apply();
      const after = await admin.query("SELECT rolname, rolcanlogin, rolconnlimit FROM pg_roles WHERE rolname = $1", [MONITOR]);
      expect(after.rows).toEqual(before.rows);
      const mon = await asMonitor();
      await mon.end();
    });
  });
}
