/**
 * The SQL `diff` shows for a change, run on a real PostgreSQL 16 after the base stack's SQL: the
 * publication ends with exactly the head's tables (same OID: updated, not recreated), the grants of
 * a new schema are in place, a password rotation sets the new password, and a renamed publication
 * keeps its OID.
 */
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDiffReport } from "../../src/diff/report";
import type { SynthStack } from "../../src/diff/read";
import { renderStackSql } from "../../src/render/sql";
import { catalogSnapshot, PgServer, runPsqlScript, startServer } from "../support/harness";
import { parse, synthGeneric } from "../support/helpers";

const stacks = (json: string): Map<string, SynthStack> => new Map([["orders-db", { name: "orders-db", file: "cdk.tf.json", json: parse(json) as never }]]);

describe("diff SQL on a real PostgreSQL 16", () => {
  let server: PgServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startServer({ major: 16, walLevel: "logical" });
    await server.query("CREATE DATABASE orders");
    admin = await server.adminClient("orders");
    await runPsqlScript(
      admin,
      `CREATE ROLE app_owner NOLOGIN;
       CREATE SCHEMA sales; CREATE SCHEMA inventory; CREATE SCHEMA billing;
       CREATE TABLE public.customers (id int PRIMARY KEY);
       CREATE TABLE public.orders (id int PRIMARY KEY);
       CREATE TABLE public.refunds (id int PRIMARY KEY);
       CREATE TABLE sales.invoices (id int PRIMARY KEY);
       CREATE TABLE inventory.stock_levels (id int PRIMARY KEY);
       CREATE TABLE billing.payments (id int PRIMARY KEY);`,
    );
  });
  afterAll(async () => {
    await admin?.end().catch(() => {});
    await server?.stop();
  });

  it("applies the change: tables added and dropped in place, the new schema's grants, the new password", async () => {
    const base = synthGeneric({ postgresVersion: 16 });
    const head = synthGeneric({
      postgresVersion: 16,
      tables: ["public.customers", "public.refunds", "sales.invoices", "inventory.stock_levels"],
      schemas: [{ name: "public" }, { name: "sales", owners: ["postgres", "app_owner"] }, { name: "billing" }],
      user: { passwordVersion: 2 },
    });
    await runPsqlScript(admin, renderStackSql(parse(base)).sql, { clickpipes_password: "pw-1" });
    const oid = (await catalogSnapshot(admin)).publications[0].oid;

    const report = buildDiffReport(stacks(base), stacks(head), { baseLabel: "base", headLabel: "head" });
    const resources = report.stacks[0].resources;
    const sql = resources.filter((r) => r.sql && r.action !== "delete").flatMap((r) => r.sql!);
    // Order as Terraform would (role, grants, then the publication): the grants reference the role.
    await runPsqlScript(admin, sql.join("\n"), { clickpipes_password: "pw-2" });

    const published = (await admin.query("SELECT schemaname || '.' || tablename AS t FROM pg_publication_tables WHERE pubname = 'clickpipes_publication' ORDER BY 1")).rows.map((r) => r.t);
    expect(published).toEqual(["inventory.stock_levels", "public.customers", "public.refunds", "sales.invoices"]);
    expect((await catalogSnapshot(admin)).publications[0].oid).toBe(oid);
    const can = await admin.query("SELECT has_schema_privilege('clickpipes_user', 'billing', 'USAGE') AS usage, has_table_privilege('clickpipes_user', 'billing.payments', 'SELECT') AS sel");
    expect(can.rows[0]).toEqual({ usage: true, sel: true });
    const login = await server.connect({ database: "orders", user: "clickpipes_user", password: "pw-2" });
    await login.end();
  });

  it("a publication rename keeps the publication (same OID)", async () => {
    const before = (await catalogSnapshot(admin)).publications[0].oid;
    const base = synthGeneric({ postgresVersion: 16, tables: ["public.customers", "public.refunds", "sales.invoices", "inventory.stock_levels"] });
    const head = synthGeneric({
      postgresVersion: 16,
      tables: ["public.customers", "public.refunds", "sales.invoices", "inventory.stock_levels"],
      publication: { name: "cdc_publication" },
    });
    const report = buildDiffReport(stacks(base), stacks(head), { baseLabel: "base", headLabel: "head" });
    const pub = report.stacks[0].resources.find((r) => r.type === "postgresql_publication")!;
    expect(pub.action).toBe("update");
    await runPsqlScript(admin, pub.sql!.join("\n"));
    const after = await admin.query("SELECT oid::text AS oid FROM pg_publication WHERE pubname = 'cdc_publication'");
    expect(after.rows[0]?.oid).toBe(before);
  });
});
