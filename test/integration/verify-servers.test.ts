/**
 * verify checks that need their own server: PostgreSQL 12 (no max_slot_wal_keep_size, no
 * partitioned tables in publications) started with wal_level=replica and too few WAL senders and
 * slots; a PostgreSQL 12 with every WAL sender taken; and hot standbys (PostgreSQL 16 with and
 * without hot_standby_feedback, PostgreSQL 12).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "pg";
import { CheckId } from "../../src/verify/types";
import { verifySource } from "../../src/verify/verify";
import { PgServer, startServer } from "../support/harness";
import { check, CLICKPIPES_ROLE_SQL, CP_PASSWORD, CP_USER, createDatabase, PUBLICATION, url } from "./verify-fixtures";

describe("verify against PostgreSQL 12 with replica WAL and too few senders and slots", () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startServer({ major: 12, walLevel: "replica", settings: { max_wal_senders: 1, max_replication_slots: 0, wal_sender_timeout: "10s" } });
    await server.query(CLICKPIPES_ROLE_SQL);
    await createDatabase(server, "src", [
      "CREATE TABLE public.t (id bigint PRIMARY KEY)",
      "CREATE TABLE public.p (id bigint, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
      "CREATE TABLE public.p_2026 PARTITION OF public.p FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
      "GRANT SELECT ON ALL TABLES IN SCHEMA public TO clickpipes_user",
      "CREATE PUBLICATION clickpipes_publication FOR TABLE public.t, public.p_2026",
    ]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const run = () =>
    verifySource({
      connection: { url: url(server, "src") },
      publication: PUBLICATION,
      tables: [
        { schema: "public", name: "t" },
        { schema: "public", name: "p" },
      ],
      slotTest: true,
      env: {},
    });

  it("fails wal_level, max_wal_senders, max_replication_slots and the slot test; reports wal_sender_timeout as information, warns the partitioned table; skips max_slot_wal_keep_size", async () => {
    const report = await run();
    expect(report.ok).toBe(false);
    expect(check(report, CheckId.SERVER_VERSION)).toMatchObject({ status: "PASS", reason: expect.stringMatching(/^PostgreSQL 12\.\d+ \(12 or later\)$/) });
    expect(check(report, CheckId.WAL_LEVEL)).toEqual({
      id: "wal_level",
      status: "FAIL",
      reason: "wal_level is not logical (it is replica)",
      fix: "ALTER SYSTEM SET wal_level = 'logical'; then restart the server",
    });
    expect(check(report, CheckId.MAX_WAL_SENDERS)).toEqual({
      id: "max_wal_senders",
      status: "FAIL",
      reason: "max_wal_senders must be at least 2 (it is 1)",
      fix: "ALTER SYSTEM SET max_wal_senders = '10'; then restart the server",
    });
    expect(check(report, CheckId.MAX_REPLICATION_SLOTS)).toMatchObject({ status: "FAIL", reason: "no free replication slot: 0 of max_replication_slots = 0 in use" });
    expect(check(report, CheckId.MAX_SLOT_WAL_KEEP_SIZE)).toEqual({
      id: "max_slot_wal_keep_size",
      status: "SKIP",
      reason: expect.stringMatching(/^max_slot_wal_keep_size exists on PostgreSQL 13 and later \(this is 12\.\d+\)$/),
      fix: null,
    });
    expect(check(report, CheckId.WAL_SENDER_TIMEOUT)).toMatchObject({ status: "PASS", reason: expect.stringContaining("wal_sender_timeout = 10000 ms on the server (informational") });
    expect(check(report, CheckId.PARTITION_ROOT)).toEqual({
      id: "partition_root",
      status: "WARN",
      reason: expect.stringMatching(/^PostgreSQL 12\.\d+ cannot publish partitioned tables \(public\.p\) via their root: each partition replicates as its own table$/),
      fix: "upgrade to PostgreSQL 13+ and use publish_via_partition_root = true, or publish and map the partitions",
    });
    expect(check(report, CheckId.PUBLICATION).status).toBe("PASS"); // public.p is held through its partition
    expect(check(report, CheckId.SLOT_TEST)).toMatchObject({ status: "FAIL", reason: expect.stringMatching(/^could not create a temporary pgoutput slot: /) });
    // The replication connection itself works with wal_level=replica and one free sender.
    expect(check(report, CheckId.REPLICATION_CONNECTION).status).toBe("PASS");
  });

  it("fails when every WAL sender is taken", async () => {
    await server.restart({ max_wal_senders: 2 });
    const held: Client[] = [];
    try {
      for (let i = 0; i < 2; i++) held.push(await server.connect({ user: CP_USER, password: CP_PASSWORD, database: "src", replication: true }));
      const report = await run();
      expect(check(report, CheckId.MAX_WAL_SENDERS)).toEqual({
        id: "max_wal_senders",
        status: "FAIL",
        reason: "no free WAL sender: 2 of max_wal_senders = 2 in use",
        fix: "ALTER SYSTEM SET max_wal_senders = '10'; then restart the server",
      });
      expect(check(report, CheckId.REPLICATION_CONNECTION)).toMatchObject({
        status: "FAIL",
        reason: expect.stringMatching(/^unable to establish replication connectivity: .*max_wal_senders/),
        fix: "ALTER SYSTEM SET max_wal_senders = '10'; then restart the server",
      });
    } finally {
      for (const c of held) await c.end();
    }
  });
});

describe("verify on hot standbys", () => {
  const servers: PgServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  const adminRun = (s: PgServer) => verifySource({ connection: { url: url(s, "postgres", s.adminUser, s.adminPassword) }, env: {} });

  it("PostgreSQL 16: fails without hot_standby_feedback, passes with it", async () => {
    const s = await startServer({ major: 16, walLevel: "logical", standby: true, settings: { hot_standby_feedback: false } });
    servers.push(s);
    expect((await s.query<{ r: boolean }>("SELECT pg_is_in_recovery() AS r"))[0].r).toBe(true);
    expect(check(await adminRun(s), CheckId.STANDBY)).toEqual({
      id: "standby",
      status: "FAIL",
      reason: "hot_standby_feedback setting must be enabled on standby servers",
      fix: "ALTER SYSTEM SET hot_standby_feedback = 'on'; SELECT pg_reload_conf();",
    });
    await s.restart({ hot_standby_feedback: true });
    expect(check(await adminRun(s), CheckId.STANDBY)).toMatchObject({ status: "PASS", reason: expect.stringMatching(/^standby on PostgreSQL 16\.\d+ with hot_standby_feedback on$/) });
  });

  it("PostgreSQL 12: fails, slots cannot be created on a standby before 16", async () => {
    const s = await startServer({ major: 12, walLevel: "logical", standby: true, settings: { hot_standby_feedback: true } });
    servers.push(s);
    expect(check(await adminRun(s), CheckId.STANDBY)).toEqual({
      id: "standby",
      status: "FAIL",
      reason: expect.stringMatching(/^cannot create replication slots on a standby server with version <16 \(this is 12\.\d+\)$/),
      fix: "connect ClickPipes to the primary (on Aurora the cluster writer endpoint), or upgrade to PostgreSQL 16+",
    });
  });
});
