import { describe, expect, it } from "vitest";
import { PgDefaultPrivileges, PgGrant, PgPublication, PgRole, PostgresqlProvider, PgTablesData } from "../../src/tf/tf";
import { addresses, parse, resourcesOf, synthGeneric } from "../support/helpers";

describe("GenericPostgresSource", () => {
  const json = synthGeneric();

  it("declares a login role with REPLICATION whose password is write-only from a sensitive variable", () => {
    expect(json).toHaveResourceWithProperties(PgRole, {
      name: "clickpipes_user",
      login: true,
      replication: true,
      password_wo: "${var.clickpipes_password}",
      password_wo_version: "1",
      lifecycle: { prevent_destroy: true },
    });
    const role = Object.values(resourcesOf(json, "postgresql_role"))[0]!;
    expect(role).not.toHaveProperty("password");
    expect(parse(json).variable?.clickpipes_password).toMatchObject({ sensitive: true, type: "string", nullable: false });
  });

  it("grants USAGE, SELECT on all tables and default privileges per owner for each schema", () => {
    for (const schema of ["public", "sales"]) {
      expect(json).toHaveResourceWithProperties(PgGrant, { schema, object_type: "schema", privileges: ["USAGE"], database: "orders" });
      expect(json).toHaveResourceWithProperties(PgGrant, { schema, object_type: "table", objects: [], privileges: ["SELECT"] });
    }
    expect(json).toHaveResourceWithProperties(PgDefaultPrivileges, { schema: "public", owner: "postgres", object_type: "table", privileges: ["SELECT"] });
    expect(json).toHaveResourceWithProperties(PgDefaultPrivileges, { schema: "sales", owner: "app_owner", privileges: ["SELECT"] });
    expect(json).toHaveResourceWithProperties(PgDefaultPrivileges, { schema: "sales", owner: "postgres", privileges: ["SELECT"] });
    expect(Object.keys(resourcesOf(json, "postgresql_default_privileges"))).toHaveLength(3);
  });

  it("grants table-scoped SELECT for listed tables outside the granted schemas", () => {
    expect(json).toHaveResourceWithProperties(PgGrant, { schema: "inventory", object_type: "schema", privileges: ["USAGE"] });
    expect(json).toHaveResourceWithProperties(PgGrant, { schema: "inventory", object_type: "table", objects: ["stock_levels"], privileges: ["SELECT"] });
    const onlyTables = synthGeneric({ schemas: [], tables: ["shop.b", "shop.a"] });
    expect(onlyTables).toHaveResourceWithProperties(PgGrant, { schema: "shop", object_type: "table", objects: ["a", "b"] });
    expect(onlyTables).not.toHaveResourceWithProperties(PgGrant, { objects: [] });
    expect(Object.keys(resourcesOf(onlyTables, "postgresql_default_privileges"))).toHaveLength(0);
  });

  it("defaults the owner of default privileges to the provider's login user", () => {
    const j = synthGeneric({ adminUser: "dba", schemas: [{ name: "public" }] });
    expect(j).toHaveResourceWithProperties(PgDefaultPrivileges, { schema: "public", owner: "dba" });
    expect(j).toHaveProviderWithProperties(PostgresqlProvider, { username: "dba" });
  });

  it("serializes every grant and default privilege in one depends_on chain", () => {
    const all = { ...resourcesOf(json, "postgresql_grant"), ...resourcesOf(json, "postgresql_default_privileges") };
    const addr = (name: string) => (name in resourcesOf(json, "postgresql_grant") ? `postgresql_grant.${name}` : `postgresql_default_privileges.${name}`);
    const deps = Object.entries(all).map(([name, r]) => ({ name: addr(name), dependsOn: (r.depends_on as string[] | undefined) ?? [] }));
    const roots = deps.filter((d) => d.dependsOn.length === 0);
    expect(roots).toHaveLength(1);
    // Walk the chain from the root: it must visit every resource exactly once.
    const next = new Map(deps.flatMap((d) => d.dependsOn.map((p) => [p, d.name] as const)));
    expect(next.size).toBe(deps.length - 1);
    const seen = [roots[0]!.name];
    while (next.has(seen[seen.length - 1]!)) seen.push(next.get(seen[seen.length - 1]!)!);
    expect(new Set(seen).size).toBe(deps.length);
  });

  it("declares a FOR TABLE publication with partition root and operations, protected from destroy", () => {
    expect(json).toHaveResourceWithProperties(PgPublication, {
      name: "clickpipes_publication",
      database: "orders",
      tables: ["inventory.stock_levels", "public.customers", "public.orders", "sales.invoices"],
      publish_via_partition_root_param: true,
      publish_param: ["insert", "update", "delete", "truncate"],
      lifecycle: { prevent_destroy: true },
    });
    expect(json).not.toHaveResourceWithProperties(PgPublication, { all_tables: true });
  });

  it("leaves publish_via_partition_root unset on PostgreSQL 12 and honours explicit settings", () => {
    const pg12 = Object.values(resourcesOf(synthGeneric({ postgresVersion: 12 }), "postgresql_publication"))[0]!;
    expect(pg12).not.toHaveProperty("publish_via_partition_root_param");
    const custom = synthGeneric({ publication: { name: "cdc", publishViaPartitionRoot: false, operations: ["update" as never, "insert" as never] } });
    expect(custom).toHaveResourceWithProperties(PgPublication, { name: "cdc", publish_via_partition_root_param: false, publish_param: ["insert", "update"] });
  });

  it("publishes FOR ALL TABLES only when asked", () => {
    const j = synthGeneric({ tables: [], publication: { allTables: true } });
    expect(j).toHaveResourceWithProperties(PgPublication, { all_tables: true });
    const pub = Object.values(resourcesOf(j, "postgresql_publication"))[0]!;
    expect(pub).not.toHaveProperty("tables");
  });

  it("publishes every table of the schemas, read at plan time, when no table is listed", () => {
    const j = synthGeneric({ tables: [] });
    expect(j).toHaveDataSourceWithProperties(PgTablesData, { schemas: ["public", "sales"], table_types: ["BASE TABLE"], database: "orders" });
    const pub = Object.values(resourcesOf(j, "postgresql_publication"))[0]!;
    expect(pub.tables).toMatch(/^\$\{\[ ?for key, val in toset\(data\.postgresql_tables\.[\w-]+\.tables\): "\$\{val\.schema_name\}\.\$\{val\.object_name\}"\]\}$/);
  });

  it("has an explicit opt-out of prevent_destroy", () => {
    const j = synthGeneric({ protectFromDestroy: false });
    expect(j).toHaveResourceWithProperties(PgRole, { lifecycle: { prevent_destroy: false } });
    expect(j).toHaveResourceWithProperties(PgPublication, { lifecycle: { prevent_destroy: false } });
  });

  it("configures the provider with the real version and a sensitive admin password variable", () => {
    expect(json).toHaveProviderWithProperties(PostgresqlProvider, {
      host: "db.example.com",
      port: 5432,
      database: "orders",
      username: "postgres",
      password: "${var.postgres_admin_password}",
      sslmode: "require",
      expected_version: "16",
      superuser: true,
    });
    expect(parse(json).variable?.postgres_admin_password).toMatchObject({ sensitive: true });
    expect(parse(json).terraform?.required_version).toBe(">= 1.11");
  });

  it("outputs what a ClickPipe needs and what the DBA must do, never the password", () => {
    const out = parse(json).output!;
    expect(out.host!.value).toBe("db.example.com");
    expect(out.port!.value).toBe(5432);
    expect(out.database!.value).toBe("orders");
    expect(out.user!.value).toMatch(/^\$\{postgresql_role\..*\.name\}$/);
    expect(out.publication!.value).toMatch(/^\$\{postgresql_publication\..*\.name\}$/);
    expect(out.server_settings!.value).toEqual({
      wal_level: "logical",
      max_wal_senders: "10",
      max_replication_slots: "10",
      max_slot_wal_keep_size: "102400",
    });
    expect(out.restart_required!.value).toBe(true);
    expect(out.pg_hba_lines!.value).toEqual([
      "host orders clickpipes_user 3.122.25.29/32 scram-sha-256",
      "host orders clickpipes_user 3.127.86.90/32 scram-sha-256",
      "host orders clickpipes_user 18.195.233.217/32 scram-sha-256",
      "host orders clickpipes_user 18.197.167.47/32 scram-sha-256",
      "host orders clickpipes_user 35.157.23.2/32 scram-sha-256",
      "host orders clickpipes_user 52.28.148.40/32 scram-sha-256",
    ]);
    expect(JSON.stringify(out)).not.toMatch(/password_wo|var\.clickpipes_password/);
  });

  it("uses the override CIDRs instead of the region's IPs", () => {
    const j = synthGeneric({ network: { allowedCidrs: ["203.0.113.0/24"] } });
    expect(parse(j).output!.pg_hba_lines!.value).toEqual(["host orders clickpipes_user 203.0.113.0/24 scram-sha-256"]);
  });

  it("derives addresses from names: reordering schemas, tables and owners changes none", () => {
    const reordered = synthGeneric({
      schemas: [{ name: "sales", owners: ["app_owner", "postgres"] }, { name: "public" }],
      tables: ["inventory.stock_levels", "sales.invoices", "public.orders", "public.customers"],
    });
    expect(reordered).toBe(json);
    expect(addresses(reordered)).toEqual(addresses(json));
  });

  it("keeps other addresses when a schema is added", () => {
    const more = synthGeneric({ schemas: [{ name: "aaa" }, { name: "public" }, { name: "sales", owners: ["postgres", "app_owner"] }] });
    const before = addresses(json);
    const after = addresses(more);
    expect(after.filter((a) => !before.includes(a)).every((a) => a.includes("schema-aaa"))).toBe(true);
    expect(before.every((a) => after.includes(a))).toBe(true);
  });
});
