/**
 * `cdktf-clickpipes sql` output applied to a real PostgreSQL 16 prints no `WARNING: role ... has not
 * been granted membership` line (issue 25 item 9): the provider's REVOKE-then-GRANT of a role
 * membership warns on a first apply; the rendered transaction sets `client_min_messages` locally.
 * The notices a client receives are collected (what psql prints), and the membership is granted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderResource } from "../../src/render/sql";
import { PgServer, runPsqlScript, startServer } from "../support/harness";

describe("the rendered postgresql_grant_role on PostgreSQL 16", () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startServer({ major: 16 });
    await server.query("CREATE ROLE watcher LOGIN PASSWORD 'x'");
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("a first apply and a second: no WARNING, the membership granted, later messages not silenced", async () => {
    const client = await server.adminClient();
    const notices: string[] = [];
    client.on("notice", (n) => notices.push(`${n.severity}: ${n.message}`));
    try {
      const sql = renderResource("postgresql_grant_role", { role: "watcher", grant_role: "pg_monitor" }).join("\n");
      await runPsqlScript(client, sql);
      await runPsqlScript(client, sql);
      expect(notices).toEqual([]);
      const r = await client.query("SELECT pg_has_role('watcher', 'pg_monitor', 'MEMBER') AS member");
      expect(r.rows[0].member).toBe(true);
      // SET LOCAL ends with the transaction: a warning afterwards still reaches the client.
      await client.query("REVOKE pg_read_all_data FROM watcher");
      expect(notices.some((n) => /^WARNING: role "watcher" has not been granted membership/.test(n))).toBe(true);
    } finally {
      await client.end();
    }
  });
});
