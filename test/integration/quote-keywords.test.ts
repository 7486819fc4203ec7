/**
 * `quoteIdentIfNeeded` (verify's names in reasons and fix suggestions) against PostgreSQL's own
 * `quote_ident()` on the oldest and newest supported servers: every keyword the server would
 * quote is quoted, and the quoted form reads back as the same name.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUOTED_KEYWORDS, quoteIdentIfNeeded } from "../../src/model/quoting";
import { PgServer, startServer } from "../support/harness";

describe.each([12, 18])("identifier quoting against PostgreSQL %i", (major) => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startServer({ major });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("QUOTED_KEYWORDS holds every keyword this server does not take bare (catcode other than U)", async () => {
    const rows = await server.query<{ word: string }>("SELECT word FROM pg_get_keywords() WHERE catcode <> 'U' ORDER BY word");
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.map((r) => r.word).filter((w) => !QUOTED_KEYWORDS.has(w))).toEqual([]);
  });

  it("quotes as quote_ident() does, for every keyword and for plain, mixed-case and odd names", async () => {
    const all = await server.query<{ word: string }>("SELECT word FROM pg_get_keywords() ORDER BY word");
    const names = [...all.map((r) => r.word), "orders", "user_events", "Orders", "my table", 'a"b', "1abc", "_x1", "über"];
    const rows = await server.query<{ name: string; quoted: string }>("SELECT name, quote_ident(name) AS quoted FROM unnest($1::text[]) AS name", [names]);
    const mismatched = rows.filter((r) => quoteIdentIfNeeded(r.name) !== r.quoted).map((r) => `${r.name}: ${quoteIdentIfNeeded(r.name)} vs ${r.quoted}`);
    expect(mismatched).toEqual([]);
    // And the server reads each quoted form back as the name itself: ALTER TABLE "user".t ... works.
    const admin = await server.adminClient();
    try {
      await admin.query(`CREATE SCHEMA ${quoteIdentIfNeeded("user")}`);
      await admin.query(`CREATE TABLE ${quoteIdentIfNeeded("user")}.${quoteIdentIfNeeded("select")} (${quoteIdentIfNeeded("order")} int)`);
      await admin.query(`ALTER TABLE ${quoteIdentIfNeeded("user")}.${quoteIdentIfNeeded("select")} REPLICA IDENTITY FULL`);
      const [{ n }] = (await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_class WHERE relname = 'select' AND relreplident = 'f'")).rows;
      expect(n).toBe(1);
    } finally {
      await admin.end();
    }
  });
});
