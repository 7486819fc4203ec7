/**
 * `verify --pipe` on a real PostgreSQL 17 server: the pipe's settings read from a synthesized stack
 * (replication mode cdc_only with a named slot, excluded columns, sorting keys) and given in code
 * (failover slots), and the generated-columns warning.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { App, Testing } from "../../src/tf/tf";
import { GenericPostgresStack } from "../../src/app/generic-postgres-stack";
import { ClickPipeReplicationMode } from "../../src/model/clickpipe";
import { CheckId } from "../../src/verify/types";
import { verifySource } from "../../src/verify/verify";
import { PgServer, startServer } from "../support/harness";
import { APP_OWNER_SQL, APP_TABLES_SQL, applyDefaultStack, check, cli, CP_PASSWORD, createDatabase, defaultSource, url } from "./verify-fixtures";

const SERVICE = "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d";

describe("verify --pipe against PostgreSQL 17", () => {
  let server: PgServer;
  let tmp: string;
  let pipeFile: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verify-pipe-"));
    server = await startServer({ major: 17, walLevel: "logical", settings: { max_wal_senders: 10, max_replication_slots: 10 } });
    await server.query(APP_OWNER_SQL);
    await createDatabase(server, "pipe", [...APP_TABLES_SQL, "ALTER TABLE sales.invoices ADD COLUMN note_length integer GENERATED ALWAYS AS (length(note)) STORED"]);
    await applyDefaultStack(server, "pipe", path.join(tmp, "stack"));
    // The stack with its pipe: cdc_only on an existing slot, per-table options.
    const app = Testing.app({ stackTraces: false }) as App;
    const stack = new GenericPostgresStack(
      app,
      {
        ...defaultSource(server, "pipe"),
        clickpipe: {
          serviceId: SERVICE,
          replicationMode: ClickPipeReplicationMode.CDC_ONLY,
          replicationSlotName: "cp_slot",
          tableOptions: {
            "public.orders": { excludedColumns: ["amount_cents"], sortingKeys: ["customer_id", "id"] },
            "public.customers": { excludedColumns: ["id"] },
            "sales.invoices": { sortingKeys: ["order_id"] },
          },
        },
      },
      undefined,
    );
    fs.mkdirSync(path.join(tmp, "pipe"), { recursive: true });
    pipeFile = path.join(tmp, "pipe", "cdk.tf.json");
    fs.writeFileSync(pipeFile, Testing.synth(stack));
  });
  afterAll(async () => {
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const run = (pipe?: Parameters<typeof verifySource>[0] extends infer O ? (O extends { pipe?: infer P } ? P : never) : never) =>
    verifySource({ connection: { url: url(server, "pipe") }, publication: "clickpipes_publication", pipe, env: {} });

  it("cdc_only: the named slot must exist (PeerDB's text), then passes", async () => {
    const before = await run(pipeFile);
    expect(check(before, CheckId.REPLICATION_SLOT)).toEqual({
      id: "replication_slot",
      status: "FAIL",
      reason: "replication slot cp_slot does not exist",
      fix: "SELECT pg_create_logical_replication_slot('cp_slot', 'pgoutput'); (as a user with REPLICATION, in database pipe)",
    });
    await server.query("SELECT pg_create_logical_replication_slot('cp_slot', 'pgoutput')", [], "pipe");
    try {
      expect(check(await run(pipeFile), CheckId.REPLICATION_SLOT)).toEqual({
        id: "replication_slot",
        status: "PASS",
        reason: "replication slot cp_slot exists (logical, pgoutput, database pipe)",
        fix: null,
      });
    } finally {
      await server.query("SELECT pg_drop_replication_slot('cp_slot')", [], "pipe");
    }
    expect(check(await run(), CheckId.REPLICATION_SLOT).status).toBe("SKIP");
  });

  it("excluded columns may not be in the primary key; sorting keys must be covered by the replica identity", async () => {
    expect(check(await run(pipeFile), CheckId.PIPE_COLUMNS)).toEqual({
      id: "pipe_columns",
      status: "FAIL",
      reason: "public.customers: excluded column id is part of the primary key, public.orders: sorting key column customer_id is not covered by the replica identity (id)",
      fix: "keep id of public.customers (remove it from excludedColumns) ALTER TABLE public.orders REPLICA IDENTITY FULL; (or sort by primary-key columns only)",
    });
    const good = await run({
      tables: [
        { schema: "public", name: "orders", excludedColumns: ["amount_cents"], sortingKeys: ["id"] },
        { schema: "sales", name: "invoices", excludedColumns: [], sortingKeys: ["order_id", "id"] },
      ],
    });
    expect(check(good, CheckId.PIPE_COLUMNS)).toEqual({ id: "pipe_columns", status: "PASS", reason: "excluded columns and sorting keys of 2 tables fit their replica identity", fix: null });
    const typo = await run({ tables: [{ schema: "public", name: "orders", excludedColumns: ["Amount_Cents"] }] });
    expect(check(typo, CheckId.PIPE_COLUMNS).reason).toBe('public.orders has no column "Amount_Cents"');
  });

  it("the SELECT check leaves excluded columns out (column grants)", async () => {
    await server.query("REVOKE SELECT ON public.orders FROM clickpipes_user", [], "pipe");
    await server.query("GRANT SELECT (id, customer_id, ordered_at) ON public.orders TO clickpipes_user", [], "pipe");
    try {
      expect(check(await run(), CheckId.TABLES).status).toBe("FAIL");
      expect(check(await run(pipeFile), CheckId.TABLES)).toMatchObject({ status: "PASS" });
    } finally {
      await server.query("GRANT SELECT ON public.orders TO clickpipes_user", [], "pipe");
    }
  });

  it("failover slots on 17: warns without synchronized_standby_slots, passes with the standby's physical slot", async () => {
    const pipe = { enableFailoverSlots: true, tables: [] };
    const warned = check(await run(pipe), CheckId.FAILOVER_SLOTS);
    expect(warned.status).toBe("WARN");
    expect(warned.reason).toBe("synchronized_standby_slots is empty: the failover slot can get ahead of the standbys, so after a failover the promoted standby's copy of the slot may be unusable");
    await server.query("SELECT pg_create_physical_replication_slot('standby_1')");
    await server.query("ALTER SYSTEM SET synchronized_standby_slots = 'standby_1'");
    await server.query("SELECT pg_reload_conf()");
    try {
      let result = check(await run(pipe), CheckId.FAILOVER_SLOTS);
      for (let i = 0; i < 50 && result.status !== "PASS"; i++) {
        await new Promise((r) => setTimeout(r, 50));
        result = check(await run(pipe), CheckId.FAILOVER_SLOTS);
      }
      expect(result).toEqual({ id: "failover_slots", status: "PASS", reason: "PostgreSQL 17; synchronized_standby_slots = standby_1 (physical slots present)", fix: null });
    } finally {
      await server.query("ALTER SYSTEM RESET synchronized_standby_slots");
      await server.query("SELECT pg_reload_conf()");
      await server.query("SELECT pg_drop_replication_slot('standby_1')");
    }
  });

  it("warns for generated columns (not replicated)", async () => {
    expect(check(await run(), CheckId.GENERATED_COLUMNS)).toEqual({
      id: "generated_columns",
      status: "WARN",
      reason: "generated columns are not replicated (ClickPipes skips them; ClickHouse gets no values): sales.invoices.note_length",
      fix: "compute them in ClickHouse (a MATERIALIZED or ALIAS column, or a view over the replicated table)",
    });
  });

  it("the CLI takes --pipe; a stack without a pipe is one line, exit 2", async () => {
    const r = await cli([url(server, "pipe"), "--pipe", pipeFile, "--json"], { PGPASSWORD: CP_PASSWORD });
    expect(JSON.parse(r.out).checks.find((c: { id: string }) => c.id === "replication_slot").status).toBe("FAIL");
    const bad = await cli([url(server, "pipe"), "--pipe", path.join(tmp, "stack")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      `cdktf-clickpipes verify: --pipe: ${path.join(tmp, "stack", "cdk.tf.json")} has 0 clickhouse_clickpipe resources; allowed: a stack with exactly one pipe (give the source a clickpipe block)\n`,
    );
  });
});
