/**
 * Rendered SQL on a real PostgreSQL 18 for the cases the default stack does not cover: a
 * schema-wide publication (postgresql_tables computed at run time, then a table added later) and
 * identifiers with quotes, spaces and dashes.
 */
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderResource, renderStackSql } from "../../src/render/sql";
import { catalogSnapshot, PgServer, runPsqlScript, startServer } from "../support/harness";
import { parse, synthGeneric } from "../support/helpers";

describe("rendered SQL edge cases (PostgreSQL 18)", () => {
  let server: PgServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startServer({ major: 18, walLevel: "logical" });
    await server.query("CREATE DATABASE orders");
    admin = await server.adminClient("orders");
    await runPsqlScript(
      admin,
      `CREATE ROLE app_owner NOLOGIN;
       CREATE SCHEMA sales;
       CREATE TABLE public.customers (id int PRIMARY KEY);
       CREATE TABLE sales.invoices (id int PRIMARY KEY);
       CREATE VIEW sales.invoice_view AS SELECT * FROM sales.invoices;
       CREATE SCHEMA "Odd ""Schema""";
       CREATE TABLE "Odd ""Schema"""."Tab'le" (id int PRIMARY KEY);`,
    );
  });
  afterAll(async () => {
    await admin?.end().catch(() => {});
    await server?.stop();
  });

  it("publishes every base table of the schemas, and a re-run adds a table created since", async () => {
    const { sql, notRendered } = renderStackSql(parse(synthGeneric({ tables: [], postgresVersion: 18 })));
    expect(notRendered).toEqual([]);
    const vars = { clickpipes_password: "pw1" };
    await runPsqlScript(admin, sql, vars);
    const published = async () => (await admin.query("SELECT schemaname || '.' || tablename AS t FROM pg_publication_tables WHERE pubname = 'clickpipes_publication' ORDER BY 1")).rows.map((r) => r.t);
    expect(await published()).toEqual(["public.customers", "sales.invoices"]);
    const before = await catalogSnapshot(admin);
    await runPsqlScript(admin, sql, vars);
    expect(await catalogSnapshot(admin)).toEqual(before);
    await admin.query("CREATE TABLE sales.credit_notes (id int PRIMARY KEY)");
    await runPsqlScript(admin, sql, vars);
    expect(await published()).toEqual(["public.customers", "sales.credit_notes", "sales.invoices"]);
    // ... without replacing the publication (its OID is what a running pipe holds on to).
    expect((await catalogSnapshot(admin)).publications[0].oid).toBe(before.publications[0].oid);
  });

  it("runs with identifiers that need quoting, twice", async () => {
    const role = `O'Brien "cp" user`;
    const { sql, notRendered } = renderStackSql({
      resource: {
        postgresql_role: { r: { name: role, login: true, replication: true, password_wo: "${var.clickpipes_password}", password_wo_version: "1" } },
        postgresql_grant: {
          u: { role: "${postgresql_role.r.name}", database: "orders", schema: 'Odd "Schema"', object_type: "schema", privileges: ["USAGE"] },
          t: { role: "${postgresql_role.r.name}", database: "orders", schema: 'Odd "Schema"', object_type: "table", objects: ["Tab'le"], privileges: ["SELECT"], depends_on: ["postgresql_grant.u"] },
        },
        postgresql_publication: { p: { name: "pub_odd", database: "orders", tables: [`Odd "Schema".Tab'le`], publish_param: ["insert", "update"] } },
      },
    });
    expect(notRendered).toEqual([]);
    const vars = { clickpipes_password: "p'w\\2" };
    await runPsqlScript(admin, sql, vars);
    const before = await catalogSnapshot(admin);
    await runPsqlScript(admin, sql, vars);
    expect(await catalogSnapshot(admin)).toEqual(before);
    expect(before.publicationTables.filter((t) => t.pubname === "pub_odd")).toEqual([{ pubname: "pub_odd", schemaname: 'Odd "Schema"', tablename: "Tab'le" }]);
    expect(before.publications.find((p) => p.pubname === "pub_odd")).toMatchObject({ pubinsert: true, pubupdate: true, pubdelete: false, pubtruncate: false });
    // setRolePassword()/resourcePostgreSQLRoleCreate() write the password with pqQuoteLiteral(), which doubles the
    // backslash inside a standard string: the role's password is p'w\\2, as Terraform would set it.
    await expect(server.connect({ user: role, password: "p'w\\2", database: "orders" })).rejects.toThrow(/password authentication failed/);
    const user = await server.connect({ user: role, password: "p'w\\\\2", database: "orders" });
    try {
      await expect(user.query(`SELECT * FROM "Odd ""Schema"""."Tab'le"`)).resolves.toBeDefined();
      await expect(user.query("SELECT * FROM sales.invoices")).rejects.toThrow(/permission denied/);
    } finally {
      await user.end();
    }
  });

  it("runs the publication statements with the name unquoted, as the provider does: upper case folds, then a re-run fails", async () => {
    const attrs = { name: "MixedCase_Pub", database: "orders", tables: ["public.customers"] };
    // A stack with such a name is refused by the preview (the constructs refuse it at synth)...
    expect(() => renderStackSql({ resource: { postgresql_publication: { p: attrs } } })).toThrow(/name "MixedCase_Pub" has upper case; allowed: a plain lower-case identifier/);
    // ...the renderer itself still mirrors the provider: the name goes in unquoted.
    const sql = renderResource("postgresql_publication", attrs).join("\n") + "\n";
    await runPsqlScript(admin, sql);
    // CREATE PUBLICATION MixedCase_Pub: the server folds the unquoted name.
    expect((await admin.query("SELECT pubname FROM pg_publication WHERE lower(pubname) = 'mixedcase_pub'")).rows).toEqual([{ pubname: "mixedcase_pub" }]);
    // The provider's read (pubname = 'MixedCase_Pub') then misses it and creates again: so does the script.
    await expect(runPsqlScript(admin, sql)).rejects.toThrow(/publication "mixedcase_pub" already exists/);
    await admin.query("ROLLBACK"); // psql would have ended the session; the harness client is still in the failed transaction
    await admin.query("DROP PUBLICATION mixedcase_pub");
  });
});
