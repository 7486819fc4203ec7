/**
 * `cdktf-clickpipes verify` against one real PostgreSQL 16 server, one database per scenario:
 * a source prepared like the default generic stack passes every check; each FAIL and WARN that
 * lives in a database (publication, tables, keys, partitions, TOAST, dots, RLS, replication
 * right, rds.logical_replication) and in reloadable settings is reproduced and reported with its
 * reason and fix; the JSON output matches the schema; and the built bin exits 0/1/2. Last, the same
 * server restarted with wal_level=replica fails the wal_level check.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckId, CheckStatus, VerifyReport } from "../../src/verify/types";
import { verifySource } from "../../src/verify/verify";
import { PgServer, startServer } from "../support/harness";
import { validateJsonSchema } from "../support/json-schema";
import { APP_TABLES_SQL, cli, CP_PASSWORD, CP_USER, createDatabase, PUBLICATION, APP_OWNER_SQL, applyDefaultStack, url, check } from "./verify-fixtures";

const ROOT = path.join(__dirname, "../..");
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas/verify-report.schema.json"), "utf8"));

describe("verify against PostgreSQL 16", () => {
  let server: PgServer;
  let tmp: string;
  let stackFile: string;

  const run = (database: string, extra: { user?: string; password?: string; publication?: string; tables?: { schema: string; name: string }[]; slotTest?: boolean } = {}) =>
    verifySource({
      connection: { url: url(server, database, extra.user, extra.password) },
      publication: extra.publication ?? PUBLICATION,
      tables: extra.tables,
      slotTest: extra.slotTest,
      env: {},
    });

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verify-it-"));
    server = await startServer({
      major: 16,
      walLevel: "logical",
      // The settings the stack's server-setup/postgresql.conf asks for, plus a 5 min wal_sender_timeout.
      settings: { max_wal_senders: 10, max_replication_slots: 10, max_slot_wal_keep_size: 102400, wal_sender_timeout: "5min" },
    });
    await server.query(APP_OWNER_SQL);
    // The application's tables, then the SQL of the default generic stack (renderStackSql), which
    // creates clickpipes_user (with REPLICATION), its grants and the publication.
    await createDatabase(server, "good", APP_TABLES_SQL);
    stackFile = await applyDefaultStack(server, "good", path.join(tmp, "stack"));
    await server.query("CREATE ROLE cp_norepl LOGIN PASSWORD 'pw'");
    await server.query("CREATE ROLE rds_replication");
    await server.query("CREATE ROLE cp_rds LOGIN PASSWORD 'pw' IN ROLE rds_replication");
  });
  afterAll(async () => {
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("passes every check on a source prepared like the default generic stack (--stack, --slot-test)", async () => {
    const report = await verifySource({ stack: stackFile, slotTest: true, env: { PGPASSWORD: CP_PASSWORD } });
    // The pipe checks need --pipe, publication_owner --admin; without them they SKIP, and so does timescale_chunks without TimescaleDB
    // (and idle_slot_timeout before PostgreSQL 18).
    const pipeChecks: string[] = [CheckId.IDLE_REPLICATION_SLOT_TIMEOUT, CheckId.REPLICATION_SLOT, CheckId.FAILOVER_SLOTS, CheckId.PIPE_COLUMNS, CheckId.TIMESCALE_CHUNKS, CheckId.PUBLICATION_OWNER];
    expect(report.checks.filter((c) => c.status !== CheckStatus.PASS).map((c) => `${c.id} ${c.status}`)).toEqual(pipeChecks.map((id) => `${id} SKIP`));
    expect(report.ok).toBe(true);
    expect(report.target).toEqual({ host: server.host, port: server.port, database: "good", user: CP_USER });
    expect(report.tables).toEqual(["inventory.stock_levels", "public.customers", "public.orders", "sales.invoices"]);
    expect(report.checks.map((c) => c.id)).toEqual(Object.values(CheckId));
    expect(validateJsonSchema(schema, report)).toEqual([]);
    expect(check(report, CheckId.SLOT_TEST).reason).toMatch(/^created and dropped temporary pgoutput slot clickpipes_verify_[0-9a-f]{8} at /);
    expect(await server.query("SELECT slot_name FROM pg_replication_slots")).toEqual([]);
  });

  it("prints one line per check and a summary, exit 0; --json prints the schema's shape", async () => {
    const human = await cli([url(server, "good"), "--stack", stackFile]);
    expect(human.err).toBe("");
    expect(human.code).toBe(0);
    const lines = human.out.trimEnd().split("\n");
    expect(lines[0]).toBe(`verify clickpipes_user@127.0.0.1:${server.port}/good (PostgreSQL ${human.out.match(/PostgreSQL (16\.\d+)/)![1]}), publication clickpipes_publication, 4 tables`);
    expect(lines).toContain("PASS  wal_level              wal_level is logical");
    expect(lines).toContain("SKIP  slot_test              not requested (--slot-test)");
    expect(lines[lines.length - 1]).toBe("OK: 19 passed, 0 warnings, 0 failed, 7 skipped");
    expect(human.out).not.toContain(CP_PASSWORD);

    const json = await cli(["--url", url(server, "good"), "--publication", PUBLICATION, "--schemas", "public,sales", "--tables", "inventory.stock_levels", "--json"]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out) as VerifyReport;
    expect(validateJsonSchema(schema, report)).toEqual([]);
    expect(report.tables).toEqual(["inventory.stock_levels", "public.customers", "public.orders", "sales.invoices"]);
    expect(json.out).not.toContain(CP_PASSWORD);
  });

  it("fails without the publication: exit 1, names the check and the CREATE PUBLICATION fix", async () => {
    await createDatabase(server, "nopub", APP_TABLES_SQL);
    await applyDefaultStack(server, "nopub", path.join(tmp, "nopub"));
    await server.query("DROP PUBLICATION clickpipes_publication", [], "nopub");
    const r = await cli([url(server, "nopub"), "--stack", stackFile]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("FAIL  publication            publication does not exist: clickpipes_publication\n");
    expect(r.out).toContain(
      "fix: CREATE PUBLICATION clickpipes_publication FOR TABLE inventory.stock_levels, public.customers, public.orders, sales.invoices WITH (publish_via_partition_root = true);\n",
    );
    expect(r.out).toMatch(/FAILED: \d+ passed, 0 warnings, 1 failed, 7 skipped\n$/);
  });

  it("fails for a published table without a key and for REPLICA IDENTITY NOTHING", async () => {
    await createDatabase(server, "nokey", [
      "CREATE TABLE public.events (id bigint, at timestamptz)",
      "CREATE TABLE public.audit (id bigint PRIMARY KEY)",
      "ALTER TABLE public.audit REPLICA IDENTITY NOTHING",
      "GRANT SELECT ON ALL TABLES IN SCHEMA public TO clickpipes_user",
      "CREATE PUBLICATION clickpipes_publication FOR TABLE public.events, public.audit",
    ]);
    const r = await cli([url(server, "nokey"), "--publication", PUBLICATION, "--schemas", "public"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("FAIL  replica_identity       table public.audit has replica identity 'n'/NOTHING, table public.events has no primary keys and does not have REPLICA IDENTITY FULL\n");
    expect(r.out).toContain(
      "fix: ALTER TABLE public.audit REPLICA IDENTITY DEFAULT; (with a primary key) or REPLICA IDENTITY FULL; ALTER TABLE public.events ADD PRIMARY KEY (<columns>); or ALTER TABLE public.events REPLICA IDENTITY FULL;\n",
    );
    expect(r.out).toContain("PASS  publication            publication clickpipes_publication holds all 2 tables");
  });

  it("warns for a partitioned table without publish_via_partition_root, TOAST-able columns without FULL, and RLS without BYPASSRLS", async () => {
    await createDatabase(server, "shape", [
      "CREATE TABLE public.metrics (id bigint, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
      "CREATE TABLE public.metrics_2026 PARTITION OF public.metrics FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
      "CREATE TABLE public.docs (id bigint PRIMARY KEY, body jsonb, title text)",
      "CREATE TABLE public.secrets (id bigint PRIMARY KEY)",
      "ALTER TABLE public.secrets ENABLE ROW LEVEL SECURITY",
      "GRANT SELECT ON ALL TABLES IN SCHEMA public TO clickpipes_user",
      "CREATE PUBLICATION clickpipes_publication FOR TABLE public.metrics, public.docs, public.secrets",
    ]);
    const report = await run("shape", {
      tables: [
        { schema: "public", name: "metrics" },
        { schema: "public", name: "docs" },
        { schema: "public", name: "secrets" },
      ],
    });
    expect(report.ok).toBe(true);
    expect(report.summary).toMatchObject({ warn: 3, fail: 0 });
    expect(check(report, CheckId.PARTITION_ROOT)).toEqual({
      id: "partition_root",
      status: "WARN",
      reason: "partitioned tables public.metrics are published without publish_via_partition_root: changes arrive per partition, not under the parent table",
      fix: "ALTER PUBLICATION clickpipes_publication SET (publish_via_partition_root = true);",
    });
    expect(check(report, CheckId.TOAST_IDENTITY)).toEqual({
      id: "toast_identity",
      status: "WARN",
      reason: "TOAST-able columns without REPLICA IDENTITY FULL: unchanged values arrive as NULL on UPDATE: public.docs (body, title)",
      fix: "ALTER TABLE public.docs REPLICA IDENTITY FULL;",
    });
    expect(check(report, CheckId.ROW_LEVEL_SECURITY)).toEqual({
      id: "row_level_security",
      status: "WARN",
      reason: "row-level security is enabled on public.secrets and clickpipes_user lacks BYPASSRLS: the initial load misses the rows its policies hide",
      fix: "ALTER ROLE clickpipes_user BYPASSRLS;",
    });
    // The partitioned table is held by the publication through its partition.
    expect(check(report, CheckId.PUBLICATION).status).toBe("PASS");
    expect(validateJsonSchema(schema, report)).toEqual([]);

    // The fixes work: apply them and the warnings go away.
    const admin = await server.adminClient("shape");
    try {
      await admin.query(check(report, CheckId.PARTITION_ROOT).fix!);
      await admin.query(check(report, CheckId.TOAST_IDENTITY).fix!);
      await admin.query(check(report, CheckId.ROW_LEVEL_SECURITY).fix!);
      const after = await run("shape", {
        tables: [
          { schema: "public", name: "metrics" },
          { schema: "public", name: "docs" },
          { schema: "public", name: "secrets" },
        ],
      });
      expect(after.summary).toMatchObject({ warn: 0, fail: 0 });
      await admin.query("ALTER ROLE clickpipes_user NOBYPASSRLS");
    } finally {
      await admin.end();
    }
  });

  it("fails for a schema or table name with a dot", async () => {
    await createDatabase(server, "dots", [
      'CREATE SCHEMA "eu.sales"',
      'CREATE TABLE "eu.sales".orders (id bigint PRIMARY KEY)',
      'CREATE TABLE public."odd.name" (id bigint PRIMARY KEY)',
      'GRANT USAGE ON SCHEMA "eu.sales" TO clickpipes_user',
      'GRANT SELECT ON "eu.sales".orders, public."odd.name" TO clickpipes_user',
      'CREATE PUBLICATION clickpipes_publication FOR TABLE "eu.sales".orders, public."odd.name"',
    ]);
    const r = await cli([url(server, "dots"), "--publication", PUBLICATION, "--tables", '"eu.sales".orders,public."odd.name"']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL  identifier_dots        identifiers containing a dot are not supported by ClickPipes: "eu.sales".orders, public."odd.name"\n');
    expect(r.out).toContain('fix: ALTER SCHEMA "eu.sales" RENAME TO eu_sales; ALTER TABLE public."odd.name" RENAME TO odd_name;\n');
  });

  it("fails for missing tables, tables without SELECT, and tables missing from the publication", async () => {
    await createDatabase(server, "tabs", [
      "CREATE TABLE public.a (id bigint PRIMARY KEY)",
      "CREATE TABLE public.b (id bigint PRIMARY KEY)",
      "CREATE SCHEMA hidden",
      "CREATE TABLE hidden.c (id bigint PRIMARY KEY)",
      "GRANT SELECT ON public.a, public.b TO clickpipes_user",
      "CREATE PUBLICATION clickpipes_publication FOR TABLE public.a",
      "CREATE VIEW public.v AS SELECT * FROM public.a",
      'CREATE TABLE public."two\nlines" (id bigint PRIMARY KEY)',
    ]);
    const schemaMissing = await verifySource({ connection: { url: url(server, "tabs") }, publication: PUBLICATION, schemas: ["public", "nope"], env: {} });
    expect(check(schemaMissing, CheckId.TABLES)).toEqual({
      id: "tables",
      status: "FAIL",
      reason: "schemas do not exist: nope",
      fix: "create the schema or correct --schemas / the stack's schemas (names are case-sensitive)",
    });
    const view = await run("tabs", { tables: [{ schema: "public", name: "v" }] });
    expect(check(view, CheckId.TABLES)).toMatchObject({ status: "FAIL", reason: "not tables (views, sequences or foreign tables cannot be replicated): public.v" });
    // A name with a line break still gives one-line reasons and fixes.
    const odd = await run("tabs", { tables: [{ schema: "public", name: "two\nlines" }] });
    expect(check(odd, CheckId.PUBLICATION)).toMatchObject({ status: "FAIL", reason: 'tables not in publication "clickpipes_publication": public."two lines"' });
    expect(validateJsonSchema(schema, odd)).toEqual([]);

    const missing = await run("tabs", {
      tables: [
        { schema: "public", name: "a" },
        { schema: "public", name: "nope" },
      ],
    });
    expect(check(missing, CheckId.TABLES)).toMatchObject({ status: "FAIL", reason: "source tables do not exist: public.nope" });

    const denied = await run("tabs", {
      tables: [
        { schema: "public", name: "a" },
        { schema: "hidden", name: "c" },
      ],
    });
    expect(check(denied, CheckId.TABLES)).toEqual({
      id: "tables",
      status: "FAIL",
      reason: "failed to select from table hidden.c (permission denied for schema hidden)",
      fix: "GRANT USAGE ON SCHEMA hidden TO clickpipes_user; GRANT SELECT ON hidden.c TO clickpipes_user;",
    });

    const unpublished = await run("tabs", {
      tables: [
        { schema: "public", name: "a" },
        { schema: "public", name: "b" },
      ],
    });
    expect(check(unpublished, CheckId.PUBLICATION)).toEqual({
      id: "publication",
      status: "FAIL",
      reason: 'tables not in publication "clickpipes_publication": public.b',
      fix: "ALTER PUBLICATION clickpipes_publication ADD TABLE public.b;",
    });
    // The fix works.
    await server.query(check(unpublished, CheckId.PUBLICATION).fix!, [], "tabs");
    expect(
      check(
        await run("tabs", {
          tables: [
            { schema: "public", name: "a" },
            { schema: "public", name: "b" },
          ],
        }),
        CheckId.PUBLICATION,
      ).status,
    ).toBe("PASS");
  });

  it("fails without the replication right: attribute, replication connection and slot test", async () => {
    await createDatabase(server, "norepl", ["CREATE TABLE public.t (id bigint PRIMARY KEY)", "GRANT SELECT ON public.t TO cp_norepl", "CREATE PUBLICATION clickpipes_publication FOR TABLE public.t"]);
    const report = await run("norepl", { user: "cp_norepl", password: "pw", slotTest: true });
    expect(check(report, CheckId.REPLICATION_RIGHT)).toEqual({
      id: "replication_right",
      status: "FAIL",
      reason: "role cp_norepl has neither the REPLICATION attribute nor rds_replication membership",
      fix: "ALTER ROLE cp_norepl WITH REPLICATION;",
    });
    expect(check(report, CheckId.REPLICATION_CONNECTION)).toMatchObject({
      status: "FAIL",
      reason: expect.stringMatching(/^unable to establish replication connectivity: .*(replication|WAL sender)/),
      fix: "ALTER ROLE cp_norepl WITH REPLICATION;",
    });
    expect(check(report, CheckId.SLOT_TEST)).toMatchObject({
      status: "FAIL",
      reason: expect.stringMatching(/^could not create a temporary pgoutput slot: .*replication/),
      fix: "ALTER ROLE cp_norepl WITH REPLICATION;",
    });
    expect(report.tables).toEqual(["public.t"]); // taken from the publication when none are listed
  });

  it("checks rds_replication membership against rds.logical_replication", async () => {
    await createDatabase(server, "rds", ["CREATE TABLE public.t (id bigint PRIMARY KEY)", "GRANT SELECT ON public.t TO cp_rds, cp_norepl"]);
    await server.query(`ALTER DATABASE rds SET "rds.logical_replication" = 'off'`);
    const off = await run("rds", { user: "cp_rds", password: "pw" });
    expect(check(off, CheckId.REPLICATION_RIGHT)).toEqual({
      id: "replication_right",
      status: "FAIL",
      reason: "rds.logical_replication setting must be enabled (role cp_rds is a member of rds_replication; rds.logical_replication is off)",
      fix: "set rds.logical_replication = 1 in the DB (cluster) parameter group, then reboot",
    });
    const notMember = await run("rds", { user: "cp_norepl", password: "pw" });
    expect(check(notMember, CheckId.REPLICATION_RIGHT)).toEqual({
      id: "replication_right",
      status: "FAIL",
      reason: "rds.logical_replication setting must be enabled (it is off), and role cp_norepl has neither REPLICATION nor rds_replication",
      fix: "set rds.logical_replication = 1 in the DB (cluster) parameter group, then reboot; GRANT rds_replication TO cp_norepl;",
    });
    await server.query(`ALTER DATABASE rds SET "rds.logical_replication" = 'on'`);
    const on = await run("rds", { user: "cp_rds", password: "pw" });
    expect(check(on, CheckId.REPLICATION_RIGHT)).toEqual({
      id: "replication_right",
      status: "PASS",
      reason: "role cp_rds is a member of rds_replication and rds.logical_replication is on",
      fix: null,
    });
  });

  it("warns for a small max_slot_wal_keep_size, reports a short wal_sender_timeout as information, and fails when no slot is free", async () => {
    const reload = async (sql: string[], expect_: { max_slot_wal_keep_size: string; wal_sender_timeout: string }) => {
      for (const s of sql) await server.query(s);
      await server.query("SELECT pg_reload_conf()");
      for (let i = 0; i < 100; i++) {
        const row = (await server.query<{ a: string; b: string }>("SELECT current_setting('max_slot_wal_keep_size') a, current_setting('wal_sender_timeout') b"))[0];
        if (row.a === expect_.max_slot_wal_keep_size && row.b === expect_.wal_sender_timeout) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error("settings were not reloaded");
    };
    await reload(["ALTER SYSTEM SET max_slot_wal_keep_size = 1024", "ALTER SYSTEM SET wal_sender_timeout = '10s'"], { max_slot_wal_keep_size: "1GB", wal_sender_timeout: "10s" });
    try {
      const report = await run("good");
      expect(check(report, CheckId.MAX_SLOT_WAL_KEEP_SIZE)).toEqual({
        id: "max_slot_wal_keep_size",
        status: "WARN",
        reason: "max_slot_wal_keep_size = 1024 MB is below 102400 MB: a paused or slow pipe can lose its slot and need a full resync",
        fix: "ALTER SYSTEM SET max_slot_wal_keep_size = '102400'; SELECT pg_reload_conf();",
      });
      // ClickPipes sets its own 120 s per replication connection: the server value is information.
      expect(check(report, CheckId.WAL_SENDER_TIMEOUT)).toEqual({
        id: "wal_sender_timeout",
        status: "PASS",
        reason: "wal_sender_timeout = 10000 ms on the server (informational: ClickPipes sets 120 s on its own replication connections)",
        fix: null,
      });
      expect(report.ok).toBe(true);
    } finally {
      await reload(["ALTER SYSTEM RESET max_slot_wal_keep_size", "ALTER SYSTEM RESET wal_sender_timeout"], { max_slot_wal_keep_size: "100GB", wal_sender_timeout: "5min" });
    }
    // Fill every slot (max_replication_slots = 10), then verify finds none free.
    const names = Array.from({ length: 10 }, (_, i) => `fill_${i}`);
    for (const n of names) await server.query("SELECT pg_create_physical_replication_slot($1)", [n]);
    try {
      const full = await run("good");
      expect(check(full, CheckId.MAX_REPLICATION_SLOTS)).toEqual({
        id: "max_replication_slots",
        status: "FAIL",
        reason: "no free replication slot: 10 of max_replication_slots = 10 in use",
        fix: "ALTER SYSTEM SET max_replication_slots = '14'; then restart the server (or drop an unused slot: SELECT pg_drop_replication_slot('<name>');)",
      });
    } finally {
      for (const n of names) await server.query("SELECT pg_drop_replication_slot($1)", [n]);
    }
  });

  it("fails when connected as another user than the stack's", async () => {
    const report = await verifySource({ stack: stackFile, connection: { url: url(server, "good", "cp_norepl", "pw") }, env: {} });
    expect(check(report, CheckId.USER)).toEqual({
      id: "user",
      status: "FAIL",
      reason: "connected as cp_norepl, but the stack's ClickPipes user is clickpipes_user: the other checks speak for the wrong role",
      fix: "connect as clickpipes_user (--url postgres://clickpipes_user@host/db or PGUSER=clickpipes_user)",
    });
  });

  it("the built bin exits 0, 1 and 2 (one line on stderr, no stack trace, no password)", () => {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.json")], { stdio: "pipe" });
    const bin = (args: string[]) => {
      try {
        const out = execFileSync(process.execPath, [path.join(ROOT, "bin/cdktf-clickpipes.js"), "verify", ...args], { stdio: "pipe", env: { PATH: process.env.PATH ?? "" } });
        return { code: 0, out: out.toString(), err: "" };
      } catch (e) {
        const x = e as { status: number; stdout: Buffer; stderr: Buffer };
        return { code: x.status, out: x.stdout.toString(), err: x.stderr.toString() };
      }
    };
    const ok = bin([url(server, "good"), "--stack", stackFile]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^OK: 19 passed/m);
    const failing = bin([url(server, "nopub"), "--stack", stackFile]);
    expect(failing.code).toBe(1);
    expect(failing.out).toContain("FAIL  publication            publication does not exist: clickpipes_publication");
    const badPassword = bin([url(server, "good", CP_USER, "wrong-password")]);
    expect(badPassword.code).toBe(2);
    expect(badPassword.err).toBe(`cdktf-clickpipes verify: could not connect to clickpipes_user@127.0.0.1:${server.port}/good: password authentication failed for user "clickpipes_user"\n`);
    const wrongCall = bin(["--tables", "no_schema"]);
    expect(wrongCall.code).toBe(2);
    expect(wrongCall.err.trim().split("\n")).toHaveLength(1);
  });

  // Last: it restarts the shared server.
  it("fails wal_level on the same server restarted with wal_level=replica: exit 1, names the check and its fix", async () => {
    await server.restart({ wal_level: "replica" });
    const r = await cli([url(server, "good"), "--stack", stackFile]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("FAIL  wal_level              wal_level is not logical (it is replica)\n");
    expect(r.out).toContain("fix: ALTER SYSTEM SET wal_level = 'logical'; then restart the server\n");
    expect(r.out).toMatch(/FAILED: \d+ passed, 0 warnings, 1 failed, 7 skipped\n$/);
  });
});
