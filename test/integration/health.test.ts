/**
 * `cdktf-clickpipes health` on real PostgreSQL 12-18: a slot that retains WAL with no consumer
 * (WARN/CRIT by thresholds), a slot consumed by a real `pg_recvlogical` (OK, active), an
 * idle-in-transaction session holding xmin, a login without pg_monitor (said once), a slot
 * invalidated (`lost`) past a small max_slot_wal_keep_size (13+), a missing `--slot`; each asserts
 * the verdict, the JSON (against schemas/health-report.schema.json) and the exit code; the
 * Prometheus output of each major passes `promtool check metrics`. Version-dependent columns are
 * asserted per major (wal_status 13+, pg_stat_replication_slots and two_phase 14+, conflicting 16+,
 * inactive_since and failover 17+).
 */
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHealth } from "../../src/cli/health";
import { HealthReport } from "../../src/health/types";
import { ADMIN_PASSWORD, ADMIN_USER, PgServer, startServer } from "../support/harness";
import { validateJsonSchema } from "../support/json-schema";
import { findTool, promtoolCheckMetrics } from "../support/promtool";

const SCHEMA = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../schemas/health-report.schema.json"), "utf8"));
const RECVLOGICAL = findTool("pg_recvlogical");
const PROMTOOL = findTool("promtool");
const MB = 1024 * 1024;
const WATCHER = "watcher";
const WATCHER_PASSWORD = "watcher-test-password";

interface Run {
  code: number;
  out: string;
  err: string;
}

async function health(args: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const code = await runHealth(args, { out: (s) => (out += s), err: (s) => (err += s) }, {});
  return { code, out, err };
}

/** `--json` run: the report, checked against the published schema. */
async function healthJson(args: string[]): Promise<{ code: number; report: HealthReport; err: string }> {
  const r = await health([...args, "--json"]);
  expect(r.err).toBe("");
  const report = JSON.parse(r.out) as HealthReport;
  expect(validateJsonSchema(SCHEMA, report)).toEqual([]);
  return { code: r.code, report, err: r.err };
}

const adminUrl = (s: PgServer) => `postgres://${ADMIN_USER}:${ADMIN_PASSWORD}@127.0.0.1:${s.port}/postgres`;
const watcherUrl = (s: PgServer) => `postgres://${WATCHER}:${WATCHER_PASSWORD}@127.0.0.1:${s.port}/postgres`;

/** About `mb` MB of WAL from inserts. */
async function writeWal(s: PgServer, mb: number): Promise<void> {
  await s.query(`INSERT INTO public.filler SELECT g, repeat('x', 1000) FROM generate_series(1, ${mb * 900}) g`);
}

async function until(what: string, test: () => Promise<boolean>, seconds = 30): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const slotRow = async (s: PgServer, name: string) =>
  (await s.query("SELECT to_jsonb(s) ->> 'wal_status' AS wal_status, active FROM pg_replication_slots s WHERE slot_name = $1", [name]))[0] as { active: boolean; wal_status?: string } | undefined;

describe.each([12, 13, 14, 15, 16, 17, 18])("health on PostgreSQL %i", (major) => {
  let server: PgServer;
  let consumer: ChildProcess | undefined;
  let idle: Client | undefined;

  beforeAll(async () => {
    server = await startServer({ major, walLevel: "logical", settings: major >= 13 ? { max_slot_wal_keep_size: "64MB" } : {} });
    await server.query("CREATE TABLE public.filler (id int, pad text)");
    await server.query("CREATE PUBLICATION pub FOR TABLE public.filler");
    await server.query(`CREATE ROLE ${WATCHER} LOGIN PASSWORD '${WATCHER_PASSWORD}'`);
    await server.query("SELECT pg_create_logical_replication_slot('idle_slot', 'pgoutput')");
  });
  afterAll(async () => {
    consumer?.kill("SIGTERM");
    await idle?.end().catch(() => {});
    await server?.stop();
  });

  it("a slot that retains WAL with no consumer: OK under the thresholds, WARN over warn (exit 0), CRIT over crit (exit 1)", async () => {
    await writeWal(server, 4);
    const [warnArgs, critArgs, okArgs] =
      major >= 13
        ? [["--retained-wal-warn-fraction", "0.01", "--retained-wal-crit-fraction", "0.9"], ["--retained-wal-warn-fraction", "0.01", "--retained-wal-crit-fraction", "0.02"], []]
        : [["--retained-wal-warn-bytes", "1MB"], ["--retained-wal-warn-bytes", "512kB", "--retained-wal-crit-bytes", "1MB"], []];
    const base = [adminUrl(server), "--slot", "idle_slot"];

    const ok = await healthJson([...base, ...okArgs]);
    expect(ok.code).toBe(0);
    expect(ok.report.verdict).toBe("OK");
    const slot = ok.report.slots[0]!;
    expect(slot).toMatchObject({ name: "idle_slot", plugin: "pgoutput", slotType: "logical", database: "postgres", active: false, activePid: null, status: "OK" });
    expect(slot.retainedWalBytes).toBeGreaterThan(2 * MB);
    expect(slot.confirmedFlushLagBytes).toBeGreaterThan(2 * MB);
    // Version-dependent columns.
    if (major >= 13) {
      expect(ok.report.maxSlotWalKeepSizeBytes).toBe(64 * MB);
      expect(ok.report.thresholds).toMatchObject({ retainedWalFrom: "max_slot_wal_keep_size", retainedWalWarnBytes: 32 * MB, retainedWalCritBytes: Math.round(64 * MB * 0.8) });
      expect(slot.walStatus).toMatch(/^(reserved|extended)$/);
      expect(slot.safeWalSizeBytes).toBeGreaterThan(0);
    } else {
      expect(ok.report.maxSlotWalKeepSizeBytes).toBeNull();
      expect(ok.report.thresholds).toMatchObject({ retainedWalFrom: "absolute", retainedWalWarnBytes: 10 * 1024 * MB });
      expect(slot.walStatus).toBeNull();
      expect(slot.safeWalSizeBytes).toBeNull();
    }
    if (major >= 14) {
      expect(slot.twoPhase).toBe(false);
      expect(slot.stats).toMatchObject({ spillTxns: expect.any(Number), totalBytes: expect.any(Number) });
    } else {
      expect(slot.twoPhase).toBeNull();
      expect(slot.stats).toBeNull();
    }
    expect(slot.conflicting).toBe(major >= 16 ? false : null);
    expect(slot.failover).toBe(major >= 17 ? false : null);
    if (major >= 17) {
      expect(Date.parse(slot.inactiveSince!)).not.toBeNaN();
      expect(slot.inactiveSeconds).toBeGreaterThanOrEqual(0);
    } else {
      expect(slot.inactiveSince).toBeNull();
      expect(slot.inactiveSeconds).toBeNull();
    }

    const warn = await healthJson([...base, ...warnArgs]);
    expect(warn.code).toBe(0);
    expect(warn.report.verdict).toBe("WARN");
    expect(warn.report.findings[0]).toMatchObject({
      status: "WARN",
      kind: "slot",
      subject: "idle_slot",
      message: expect.stringMatching(
        /^pgoutput: no consumer, retains [\d.]+ MiB of WAL \(over the warn threshold [\d.]+ (KiB|MiB)\), .*no consumer reads it: resume or fix the pipe; if no pipe uses this slot any more \(orphaned\), drop it with SELECT pg_drop_replication_slot\('idle_slot'\)/,
      ),
    });

    const crit = await health([...base, ...critArgs]);
    expect(crit.code).toBe(1);
    expect(crit.err).toBe("");
    const lines = crit.out.trimEnd().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^health postgres@127\\.0\\.0\\.1:${server.port}/postgres \\(PostgreSQL ${major}\\.\\d+\\): 1 slot$`));
    expect(lines[1]).toMatch(/^CRIT  slot idle_slot {15}pgoutput: no consumer, retains [\d.]+ MiB of WAL \(over the crit threshold /);
    expect(lines.at(-1)).toMatch(/^CRIT: 1 critical, 0 warnings, \d+ ok$/);
    // The password is never printed.
    expect(crit.out).not.toContain(ADMIN_PASSWORD);
  });

  it("a slot inactive longer than the threshold is WARN on 17+ (inactive_since); older servers cannot tell since when", async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const r = await healthJson([adminUrl(server), "--slot", "idle_slot", "--inactive-slot-warn", "1s", "--inactive-slot-crit", "1h"]);
    if (major >= 17) {
      expect(r.report.verdict).toBe("WARN");
      expect(r.report.findings[0]!.message).toMatch(/inactive for \d+s \(over 1s\)/);
    } else {
      expect(r.report.verdict).toBe("OK");
      expect(r.report.findings[0]!.message).toContain("inactive since an unknown time (recorded from PostgreSQL 17 on)");
    }
    expect(r.code).toBe(0);
  });

  it.skipIf(!RECVLOGICAL)("a slot consumed by a real pg_recvlogical reports healthy: active with its pid, little WAL retained", async () => {
    await server.query("SELECT pg_create_logical_replication_slot('consumed', 'pgoutput')");
    consumer = spawn(
      RECVLOGICAL!,
      [
        "-d",
        `host=127.0.0.1 port=${server.port} dbname=postgres user=${ADMIN_USER}`,
        "-S",
        "consumed",
        "--start",
        "-o",
        "proto_version=1",
        "-o",
        "publication_names=pub",
        "-s",
        "1",
        "-F",
        "1",
        "-f",
        "/dev/null",
        "--no-loop",
      ],
      { env: { ...process.env, PGPASSWORD: ADMIN_PASSWORD }, stdio: "ignore" },
    );
    await until("the consumer to attach", async () => (await slotRow(server, "consumed"))?.active === true);
    await writeWal(server, 1);
    // The consumer confirms what it received (status every second).
    await until("the consumer to confirm", async () => {
      const r = await server.query("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::float8 AS lag FROM pg_replication_slots WHERE slot_name = 'consumed'");
      return (r[0] as { lag: number }).lag < 256 * 1024;
    });
    const { code, report } = await healthJson([adminUrl(server), "--slot", "consumed"]);
    expect(code).toBe(0);
    expect(report.verdict).toBe("OK");
    expect(report.slots[0]).toMatchObject({ name: "consumed", active: true, activePid: expect.any(Number), status: "OK" });
    expect(report.slots[0]!.retainedWalBytes).toBeLessThan(2 * MB);
    expect(report.findings[0]!.message).toMatch(/^pgoutput: active \(pid \d+\), retains /);
    if (major >= 17) expect(report.slots[0]!.inactiveSince).toBeNull();
    consumer.kill("SIGTERM");
    await until("the consumer to detach", async () => (await slotRow(server, "consumed"))?.active === false);
    consumer = undefined;
  });

  it("a session idle in transaction holding xmin is WARN with pid, user, application and age; a login without pg_monitor says once that it cannot see it", async () => {
    idle = await server.adminClient();
    await idle.query("SET application_name = 'nightly \"report\" job'");
    await idle.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    await idle.query("SELECT count(*) FROM public.filler");
    const pid = (await idle.query("SELECT pg_backend_pid() AS pid")).rows[0].pid as number;
    await new Promise((r) => setTimeout(r, 1200));

    const seen = await healthJson([adminUrl(server), "--slot", "idle_slot", "--idle-in-transaction-age", "1s"]);
    expect(seen.code).toBe(0);
    const session = seen.report.sessions.find((s) => s.pid === pid);
    expect(session).toMatchObject({ pid, user: ADMIN_USER, application: 'nightly "report" job', state: "idle in transaction", holdsXmin: true, status: "WARN" });
    expect(session!.stateAgeSeconds).toBeGreaterThanOrEqual(1);
    const finding = seen.report.findings.find((f) => f.kind === "session" && f.subject === String(pid));
    expect(finding).toEqual({
      status: "WARN",
      kind: "session",
      subject: String(pid),
      message: expect.stringMatching(
        new RegExp(
          `^idle in transaction for \\ds \\(user postgres, application "nightly \\\\"report\\\\" job"\\), holds back xmin; it holds back the slots' WAL: end it in the application, or SELECT pg_terminate_backend\\(${pid}\\)$`,
        ),
      ),
    });
    expect(seen.report.seesAllSessions).toBe(true);
    expect(seen.report.findings.filter((f) => f.kind === "visibility")).toEqual([]);
    // The transaction-age threshold catches it too.
    const old = await healthJson([adminUrl(server), "--slot", "idle_slot", "--max-transaction-age", "1s"]);
    expect(old.report.findings.find((f) => f.subject === String(pid))!.message).toMatch(/transaction open for \ds \(over 1s\)/);

    // A login without pg_monitor: the session is hidden, said once.
    const blind = await health([watcherUrl(server), "--slot", "idle_slot", "--idle-in-transaction-age", "1s"]);
    expect(blind.code).toBe(0);
    expect(blind.out.match(/cannot see/g)).toHaveLength(1);
    expect(blind.out).toMatch(
      /^WARN {2}visibility sessions {10}login "watcher" cannot see other users' sessions \([1-9]\d* hidden now\): their old transactions are not checked; use a login with pg_monitor \(GRANT pg_monitor TO watcher\), e\.g\. the stacks' monitoring role$/m,
    );
    expect(blind.out).not.toContain(`session ${pid}`);
    const blindJson = await healthJson([watcherUrl(server), "--slot", "idle_slot", "--idle-in-transaction-age", "1s"]);
    expect(blindJson.report).toMatchObject({ seesAllSessions: false, sessions: [], verdict: "WARN" });
    expect(blindJson.report.hiddenSessions).toBeGreaterThanOrEqual(1);

    // With pg_monitor the same login sees it.
    await server.query(`GRANT pg_monitor TO ${WATCHER}`);
    const monitor = await healthJson([watcherUrl(server), "--slot", "idle_slot", "--idle-in-transaction-age", "1s"]);
    expect(monitor.report.seesAllSessions).toBe(true);
    expect(monitor.report.sessions.map((s) => s.pid)).toContain(pid);
    expect(monitor.report.findings.filter((f) => f.kind === "visibility")).toEqual([]);
    await server.query(`REVOKE pg_monitor FROM ${WATCHER}`);

    // The Prometheus output of this server is clean for promtool and carries the session gauges.
    const prom = await health([adminUrl(server), "--idle-in-transaction-age", "1s", "--source", "orders-db", "--prometheus"]);
    expect(prom.code).toBe(0);
    expect(prom.out).toMatch(/^clickpipes_source_idle_in_transaction_sessions\{source="orders-db",server="127\.0\.0\.1:\d+",database="postgres"\} 1$/m);
    expect(prom.out).toMatch(
      /^clickpipes_source_slot_retained_wal_bytes\{source="orders-db",server="127\.0\.0\.1:\d+",database="postgres",slot="idle_slot",slot_name="idle_slot",datname="postgres"\} \d+$/m,
    );
    expect(prom.out.includes("clickpipes_source_slot_wal_status{")).toBe(major >= 13);
    expect(prom.out.includes("clickpipes_source_slot_spill_bytes_total{")).toBe(major >= 14);
    expect(prom.out.includes("clickpipes_source_slot_inactive_seconds{")).toBe(major >= 17);
    if (PROMTOOL) expect(promtoolCheckMetrics(PROMTOOL, prom.out)).toEqual({ code: 0, output: "" });

    await idle.query("ROLLBACK");
    await idle.end();
    idle = undefined;
  });

  it("a --slot that does not exist is CRIT (exit 1)", async () => {
    const r = await healthJson([adminUrl(server), "--slot", "gone_slot"]);
    expect(r.code).toBe(1);
    expect(r.report.verdict).toBe("CRIT");
    expect(r.report.findings[0]).toMatchObject({ status: "CRIT", kind: "slot", subject: "gone_slot", message: expect.stringMatching(/^no such replication slot on this server/) });
  });

  it.runIf(major >= 13)("a slot invalidated past a small max_slot_wal_keep_size is lost: CRIT (exit 1) with what to do", async () => {
    await server.query("SELECT pg_create_logical_replication_slot('doomed', 'pgoutput')");
    await server.query("ALTER SYSTEM SET max_slot_wal_keep_size = '1MB'");
    await server.query("SELECT pg_reload_conf()");
    await until(
      "the slot to be lost",
      async () => {
        await writeWal(server, 2);
        await server.query("SELECT pg_switch_wal()");
        await server.query("CHECKPOINT");
        return (await slotRow(server, "doomed"))?.wal_status === "lost";
      },
      90,
    );
    const { code, report } = await healthJson([adminUrl(server), "--slot", "doomed"]);
    expect(code).toBe(1);
    expect(report.verdict).toBe("CRIT");
    expect(report.maxSlotWalKeepSizeBytes).toBe(MB);
    expect(report.slots[0]).toMatchObject({ name: "doomed", walStatus: "lost", retainedWalBytes: null, status: "CRIT" });
    if (major >= 17) expect(report.slots[0]!.invalidationReason).toBe("wal_removed");
    expect(report.findings[0]!.message).toMatch(
      /^pgoutput: invalidated \(wal_status lost(, wal_removed)?\): the WAL it needs is gone, no consumer.*; the pipe cannot continue from this slot: resync the pipe in ClickPipes \(it creates a new slot\), then drop this one with SELECT pg_drop_replication_slot\('doomed'\) once nothing uses it; raise max_slot_wal_keep_size/,
    );
    const prom = await health([adminUrl(server), "--slot", "doomed", "--prometheus"]);
    expect(prom.code).toBe(1);
    expect(prom.out).toMatch(/^clickpipes_source_slot_wal_status\{server="127\.0\.0\.1:\d+",database="postgres",slot="doomed",slot_name="doomed",datname="postgres",wal_status="lost"\} 1$/m);
    expect(prom.out).toMatch(/^clickpipes_source_health_status\{server="127\.0\.0\.1:\d+",database="postgres"\} 2$/m);
    if (PROMTOOL) expect(promtoolCheckMetrics(PROMTOOL, prom.out)).toEqual({ code: 0, output: "" });
  });
});

describe("health on a PostgreSQL 16 standby", () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startServer({ major: 16, walLevel: "logical", standby: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("measures against the last received or replayed WAL and reports the standby", async () => {
    const { code, report } = await healthJson([adminUrl(server)]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ inRecovery: true, slots: [], verdict: "OK" });
    expect(report.findings.find((f) => f.kind === "server")).toEqual({ status: "OK", kind: "server", subject: "slots", message: 'no logical replication slot in database "postgres"' });
    const text = await health([adminUrl(server)]);
    expect(text.out.split("\n")[0]).toMatch(/\(PostgreSQL 16\.\d+, standby\): 0 slots$/);
  });
});

describe("health when the source cannot be reached", () => {
  it("exits 2 with one line; --prometheus still prints clickpipes_source_up 0 for the scrape", async () => {
    const r = await health(["postgres://u:s3cret-pass@127.0.0.1:1/db", "--timeout", "2", "--source", "orders-db", "--prometheus"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("cdktf-clickpipes health: could not connect to u@127.0.0.1:1/db: connection refused (is the server running and listening on that port?)\n");
    expect(r.out).toBe(
      "# HELP clickpipes_source_up 1 when health reached the source and read its state, 0 when it could not\n" +
        "# TYPE clickpipes_source_up gauge\n" +
        'clickpipes_source_up{source="orders-db",server="127.0.0.1:1",database="db"} 0\n',
    );
    if (PROMTOOL) expect(promtoolCheckMetrics(PROMTOOL, r.out)).toEqual({ code: 0, output: "" });
    const text = await health(["postgres://u:s3cret-pass@127.0.0.1:1/db", "--timeout", "2"]);
    expect(text).toEqual({ code: 2, out: "", err: expect.stringMatching(/^cdktf-clickpipes health: could not connect to u@127\.0\.0\.1:1\/db: [^\n]*\n$/) });
  });
});
