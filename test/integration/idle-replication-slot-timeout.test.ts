/**
 * PostgreSQL 18's idle_replication_slot_timeout on a real server: verify WARNs and names it (with the
 * fix) when it is non-zero, health shows it, and the rendered server settings, applied as ALTER
 * SYSTEM, put it back to 0 (then verify passes it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckId } from "../../src/verify/types";
import { verifySource } from "../../src/verify/verify";
import { checkHealth } from "../../src/health/health";
import { resolveSource } from "../../src/model/defaults";
import { renderServerSetup } from "../../src/render/server-setup";
import { PgServer, startServer } from "../support/harness";
import { check, CLICKPIPES_ROLE_SQL, createDatabase, PUBLICATION, url } from "./verify-fixtures";
import { genericSource } from "../support/helpers";

describe("idle_replication_slot_timeout on PostgreSQL 18", () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startServer({ major: 18, walLevel: "logical", settings: { idle_replication_slot_timeout: "2h" } });
    await server.query(CLICKPIPES_ROLE_SQL);
    await createDatabase(server, "src", [
      "CREATE TABLE public.t (id bigint PRIMARY KEY)",
      "GRANT SELECT ON ALL TABLES IN SCHEMA public TO clickpipes_user",
      `CREATE PUBLICATION ${PUBLICATION} FOR TABLE public.t`,
    ]);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  const verify = () => verifySource({ connection: { url: url(server, "src") }, publication: PUBLICATION, tables: [{ schema: "public", name: "t" }], slotTest: false, env: {} });

  it("verify WARNs naming the setting and its fix; health shows it as a WARN; the rendered settings set it to 0 and verify then passes", async () => {
    const before = check(await verify(), CheckId.IDLE_REPLICATION_SLOT_TIMEOUT);
    expect(before).toEqual({
      id: "idle_slot_timeout",
      status: "WARN",
      reason: "idle_replication_slot_timeout = 7200 s: a pipe paused (or down) longer than that loses its slot at the next checkpoint and needs a full resync",
      fix: "ALTER SYSTEM SET idle_replication_slot_timeout = '0'; SELECT pg_reload_conf();",
    });

    const health = await checkHealth({ connection: { url: url(server, "src") }, env: {} });
    expect(health.settings.find((s) => s.name === "idle_replication_slot_timeout")).toMatchObject({ value: "2h", milliseconds: 7_200_000 });
    expect(health.findings.find((f) => f.subject === "idle_replication_slot_timeout")).toMatchObject({ status: "WARN", message: expect.stringContaining("invalidated at the next checkpoint") });

    // The stack's own server settings keep it 0: apply the rendered ALTER SYSTEM file as the admin.
    const sql = renderServerSetup(resolveSource(genericSource({ postgresVersion: 18 as never })))["alter-system.sql"];
    expect(sql).toContain("ALTER SYSTEM SET idle_replication_slot_timeout = '0';");
    for (const stmt of sql.split("\n").filter((l) => l.startsWith("ALTER SYSTEM SET idle_replication_slot_timeout") || l.startsWith("SELECT pg_reload_conf()"))) await server.query(stmt);
    expect(check(await verify(), CheckId.IDLE_REPLICATION_SLOT_TIMEOUT)).toMatchObject({ status: "PASS", reason: expect.stringMatching(/^idle_replication_slot_timeout = 0/) });
  });
});
