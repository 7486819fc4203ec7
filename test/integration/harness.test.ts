/**
 * The harness itself on one real server: scram login over TCP, replication connection,
 * pgoutput slot decoding, psql-style script runner, restart with new settings, cleanup.
 */
import * as fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgoutputSlot, PgServer, readSlotChanges, runPsqlScript, startServer } from "../support/harness";

describe("test harness (PostgreSQL 18)", () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startServer({ major: 18, walLevel: "logical" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("serves 127.0.0.1 with scram-sha-256 and streams pgoutput changes to a REPLICATION role", async () => {
    const admin = await server.adminClient();
    try {
      await runPsqlScript(
        admin,
        `-- a comment with :'pw' that must stay
         CREATE ROLE repl LOGIN REPLICATION PASSWORD :'pw';
         CREATE TABLE t (id int PRIMARY KEY, v text);
         GRANT SELECT ON t TO repl;
         CREATE PUBLICATION p FOR TABLE t;
         DO $$ BEGIN RAISE NOTICE ':''pw'' stays in dollar quotes'; END $$;`,
        { pw: "it's a sec\\ret" },
      );
      expect((await admin.query("SHOW password_encryption")).rows[0].password_encryption).toBe("scram-sha-256");
      const repl = await server.connect({ user: "repl", password: "it's a sec\\ret", replication: true });
      const ident = await repl.query("IDENTIFY_SYSTEM");
      expect(ident.rows[0]).toHaveProperty("systemid");
      await repl.end();
      const user = await server.connect({ user: "repl", password: "it's a sec\\ret" });
      try {
        await createPgoutputSlot(user, "s1");
        await admin.query("INSERT INTO t VALUES (1, 'a')");
        await admin.query("UPDATE t SET v = 'b' WHERE id = 1");
        await admin.query("DELETE FROM t WHERE id = 1");
        const changes = await readSlotChanges(user, "s1", "p");
        expect(changes.map((c) => `${c.op} ${c.schema}.${c.table} ${JSON.stringify(c.values)}`)).toEqual(['INSERT public.t ["1","a"]', 'UPDATE public.t ["1","b"]', 'DELETE public.t ["1",null]']);
        await user.query("SELECT pg_drop_replication_slot('s1')");
      } finally {
        await user.end();
      }
      await expect(server.connect({ user: "repl", password: "wrong" })).rejects.toThrow(/password authentication failed/);
    } finally {
      await admin.end();
    }
  });

  it("restarts with new settings", async () => {
    await server.restart({ max_wal_senders: 7 });
    const rows = await server.query<{ max_wal_senders: string }>("SHOW max_wal_senders");
    expect(rows[0].max_wal_senders).toBe("7");
  });

  it("removes the data directory on stop", async () => {
    const other = await startServer({ major: 12 });
    expect(fs.existsSync(other.dataDir)).toBe(true);
    expect((await other.query<{ v: string }>("SHOW server_version_num"))[0]).toBeDefined();
    const version = (await other.query<{ server_version_num: string }>("SHOW server_version_num"))[0].server_version_num;
    expect(version.startsWith("12")).toBe(true);
    await other.stop();
    expect(fs.existsSync(other.baseDir)).toBe(false);
  });
});
