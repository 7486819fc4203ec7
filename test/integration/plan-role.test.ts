/**
 * The read-only plan role (`planRole`, issue 24 part 2) on real PostgreSQL 12-18: the example generic
 * stack with `monitoring: {}` and `planRole: {}`, synthesized in-process, rendered by
 * `renderStackSql` and applied as the admin. Then every query the postgresql provider
 * (cyrilgdn/terraform-provider-postgresql v1.26.0) runs while `terraform plan` refreshes the stack's
 * resources is run twice, as the admin and as the plan role, with the parameters taken from the
 * stack's own cdk.tf.json: each succeeds as the plan role and returns the same rows (so a plan as the
 * plan role shows the same changes). The SQL texts below are derived from the provider's Go source at
 * the tag v1.26.0 (file:line cited on each); none is copied from a test of ours.
 *
 * What the role cannot read, asserted so the docs stay true: pg_shadow (read only for a
 * `postgresql_role` with a plain `password` and `superuser = true`; the stacks write `password_wo`),
 * and `information_schema.tables` shows it only tables it has a privilege on (the
 * `postgresql_tables` data source of a schema-wide publication). And what it cannot do: change any
 * role, grant, default privilege or publication of the stack, read a table, create a role.
 *
 * Versions: CLICKPIPES_PG_VERSIONS (comma-separated majors) or, by default, 12-18.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app/app";
import { GenericSourceConfig } from "../../src/model/app-config";
import { VARIABLE_IDS } from "../../src/model/construct-ids";
import { PostgresMajorVersion } from "../../src/model/types";
import { renderStackSql } from "../../src/render/sql";
import { config } from "../../stacks/config";
import { PgServer, runPsqlScript, startServer } from "../support/harness";

const VERSIONS = (process.env.CLICKPIPES_PG_VERSIONS ?? "12,13,14,15,16,17,18")
  .split(",")
  .map((v) => Number(v.trim()))
  .filter((v) => Number.isInteger(v) && v > 0);
const PLAN = "clickpipes_plan";
const PLAN_PASSWORD = "plan-'pw\" :x";
const source: GenericSourceConfig = { ...(config.sources[0] as GenericSourceConfig), monitoring: {}, planRole: {} };
const DATABASE = source.database;

const FIXTURE = `
CREATE ROLE app_owner NOLOGIN;
CREATE SCHEMA sales;
CREATE SCHEMA inventory;
GRANT USAGE, CREATE ON SCHEMA sales TO app_owner;
CREATE TABLE public.customers (id int PRIMARY KEY, name text);
CREATE TABLE public.orders (id int PRIMARY KEY, customer_id int, total numeric);
CREATE TABLE sales.invoices (id int PRIMARY KEY, amount numeric);
CREATE TABLE inventory.stock_levels (sku text PRIMARY KEY, qty int);
INSERT INTO public.customers VALUES (1, 'secret customer');
`;

// ---- The provider's read queries (cyrilgdn/terraform-provider-postgresql, tag v1.26.0) ----

/** config.go:340 fingerprintCapabilities(): once per connection pool, unless expected_version is set. */
const Q_VERSION = "SELECT VERSION()";
/** resource_postgresql_role.go:427 resourcePostgreSQLRoleExists(). */
const Q_ROLE_EXISTS = "SELECT rolname FROM pg_catalog.pg_roles WHERE rolname=$1";
/**
 * resource_postgresql_role.go:450-491 resourcePostgreSQLRoleReadImpl(): the columns of 450-460, then
 * rolreplication (475, featureReplication) and rolbypassrls (480, featureRLS; both on 12-18).
 */
const Q_ROLE_READ = `SELECT ARRAY(
    SELECT pg_get_userbyid(roleid) FROM pg_catalog.pg_auth_members members WHERE member = pg_roles.oid
  ), rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolconnlimit, COALESCE(rolvaliduntil::TEXT, 'infinity'), rolconfig, rolreplication, rolbypassrls
  FROM pg_catalog.pg_roles WHERE rolname=$1`;
/** resource_postgresql_role.go:639 readRolePassword(): only for a plain `password` with superuser = true. */
const Q_ROLE_PASSWORD = "SELECT COALESCE(passwd, '') FROM pg_catalog.pg_shadow AS s WHERE s.usename = $1";
/** helpers.go:392 dbExists() (checkRoleDBSchemaExists, resource_postgresql_grant.go:736). */
const Q_DB_EXISTS = "SELECT datname FROM pg_database WHERE datname=$1";
/** helpers.go:404 roleExists(). */
const Q_ROLE_EXISTS_TXN = "SELECT 1 FROM pg_roles WHERE rolname=$1";
/** helpers.go:416 schemaExists(). */
const Q_SCHEMA_EXISTS = "SELECT 1 FROM pg_namespace WHERE nspname=$1";
/** helpers.go:563 getRoleOID(). */
const Q_ROLE_OID = "SELECT oid FROM pg_roles WHERE rolname = $1";
/** resource_postgresql_grant.go:268-274 readDatabaseRolePrivileges(). */
const Q_GRANT_DATABASE = `SELECT array_agg(privilege_type)
FROM (SELECT (aclexplode(datacl)).* FROM pg_database WHERE datname=$1) as privileges
WHERE grantee = $2`;
/** resource_postgresql_grant.go:289-295 readSchemaRolePrivileges(). */
const Q_GRANT_SCHEMA = `SELECT array_agg(privilege_type)
FROM (SELECT (aclexplode(nspacl)).* FROM pg_namespace WHERE nspname=$1) as privileges
WHERE grantee = $2`;
/** resource_postgresql_grant.go:483-496 readRolePrivileges(), default branch (tables: relkind 'r', objectTypes at :29). */
const Q_GRANT_RELATIONS = `SELECT pg_class.relname, array_remove(array_agg(privilege_type), NULL)
FROM pg_class
JOIN pg_namespace ON pg_namespace.oid = pg_class.relnamespace
LEFT JOIN (
    SELECT acls.* FROM (
        SELECT relname, relnamespace, relkind, (aclexplode(relacl)).* FROM pg_class c
    ) as acls
    WHERE grantee=$1
) privs
USING (relname, relnamespace, relkind)
WHERE nspname = $2 AND relkind = $3
GROUP BY pg_class.relname`;
/** helpers.go:572-585 pgLockRole() (readRoleDefaultPrivileges, resource_postgresql_default_privileges.go:234). */
const Q_LOCK_TIMEOUT = "SET statement_timeout = 0";
const Q_LOCK_ROLE = "SELECT pg_advisory_xact_lock(oid::bigint) FROM pg_roles WHERE rolname = $1";
const Q_LOCK_MEMBERS = "SELECT pg_advisory_xact_lock(member::bigint) FROM pg_auth_members JOIN pg_roles ON roleid = pg_roles.oid WHERE rolname = $1";
/** resource_postgresql_default_privileges.go:247-253 readRoleDefaultPrivileges(), with a schema. */
const Q_DEFAULT_PRIVILEGES = `SELECT array_agg(prtype) FROM (
    SELECT defaclnamespace, (aclexplode(defaclacl)).* FROM pg_default_acl
    WHERE defaclobjtype = $3
  ) AS t (namespace, grantor_oid, grantee_oid, prtype, grantable)
  JOIN pg_namespace ON pg_namespace.oid = namespace
  WHERE grantee_oid = $1 AND nspname = $2 AND pg_get_userbyid(grantor_oid) = $4`;
/** resource_postgresql_publication.go:288 resourcePostgreSQLPublicationExists(). */
const Q_PUBLICATION_EXISTS = "SELECT pubname FROM pg_catalog.pg_publication WHERE pubname = $1";
/** resource_postgresql_publication.go:327-345 (pubviaroot from 13, featurePublishViaRoot; pubtruncate, featurePubTruncate). */
const qPublicationRead = (major: number) =>
  `SELECT puballtables, pubinsert, pubupdate, pubdelete, r.rolname as pubownername${major >= 13 ? ", pubviaroot" : ""}, pubtruncate FROM pg_catalog.pg_publication as p join pg_catalog.pg_roles as r on p.pubowner = r.oid WHERE pubname = $1`;
/** resource_postgresql_publication.go:357-359. */
const Q_PUBLICATION_TABLES = "SELECT CONCAT(schemaname,'.',tablename) as fulltablename FROM pg_catalog.pg_publication_tables WHERE pubname = $1";
/** resource_postgresql_grant_role.go:16-26 getGrantRoleQuery (readGrantRole). */
const Q_GRANT_ROLE = `SELECT
  pg_get_userbyid(member) as role,
  pg_get_userbyid(roleid) as grant_role,
  admin_option
FROM
  pg_auth_members
WHERE
  pg_get_userbyid(member) = $1 AND
  pg_get_userbyid(roleid) = $2`;
/** data_source_postgresql_tables.go:12-15 tableQuery with applyTableDataSourceQueryFilters (:155; data_source_helpers.go:49-65). */
const qTables = (schemas: readonly string[]) =>
  `SELECT table_name, table_schema, table_type FROM information_schema.tables WHERE table_schema = ANY (array[${schemas.map((s) => `'${s}'`).join(",")}]) AND table_type = ANY (array['BASE TABLE'])`;

// ---- Reading the stack's resources ----

type Attrs = Record<string, unknown>;
interface StackJson {
  resource: Record<string, Record<string, Attrs>>;
}

/** The stack's resources of one type, with `${postgresql_role.X.name}` references resolved. */
function resources(stack: StackJson, type: string): Attrs[] {
  const roles = stack.resource.postgresql_role ?? {};
  const resolve = (v: unknown): unknown => {
    if (typeof v !== "string") return v;
    const m = /^\$\{postgresql_role\.([^.]+)\.name\}$/.exec(v);
    return m ? roles[m[1]!]!.name : v;
  };
  return Object.values(stack.resource[type] ?? {}).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, resolve(v)])));
}

/** Each read the provider makes for the stack's resources: [what, SQL, params]. */
function providerReads(stack: StackJson, major: number): [string, string, unknown[]][] {
  const out: [string, string, unknown[]][] = [["connect", Q_VERSION, []]];
  for (const r of resources(stack, "postgresql_role")) {
    out.push([`role ${r.name} exists`, Q_ROLE_EXISTS, [r.name]], [`role ${r.name} read`, Q_ROLE_READ, [r.name]]);
  }
  const existence = (r: Attrs) => {
    const list: [string, string, unknown[]][] = [
      [`${r.role} database exists`, Q_DB_EXISTS, [r.database]],
      [`${r.role} role exists`, Q_ROLE_EXISTS_TXN, [r.role]],
      [`${r.role} oid`, Q_ROLE_OID, [r.role]],
    ];
    if (typeof r.schema === "string" && r.schema !== "") list.push([`${r.role} schema ${r.schema} exists`, Q_SCHEMA_EXISTS, [r.schema]]);
    return list;
  };
  for (const r of resources(stack, "postgresql_grant")) {
    out.push(...existence(r));
    const oid = `(SELECT oid FROM pg_roles WHERE rolname = '${String(r.role)}')`;
    if (r.object_type === "database") out.push([`grant database ${r.role}`, Q_GRANT_DATABASE.replace("$2", oid), [r.database]]);
    else if (r.object_type === "schema") out.push([`grant schema ${r.schema} ${r.role}`, Q_GRANT_SCHEMA.replace("$2", oid), [r.schema]]);
    else if (r.object_type === "table") out.push([`grant tables ${r.schema} ${r.role}`, Q_GRANT_RELATIONS.replace("$1", oid).replace("$2", "$1").replace("$3", "$2"), [r.schema, "r"]]);
    else throw new Error(`plan-role test: a postgresql_grant of object_type ${String(r.object_type)} has no read query here yet`);
  }
  for (const r of resources(stack, "postgresql_default_privileges")) {
    out.push(...existence(r));
    out.push([`lock ${r.owner}`, Q_LOCK_TIMEOUT, []], [`lock ${r.owner} role`, Q_LOCK_ROLE, [r.owner]], [`lock ${r.owner} members`, Q_LOCK_MEMBERS, [r.owner]]);
    const oid = `(SELECT oid FROM pg_roles WHERE rolname = '${String(r.role)}')`;
    out.push([`default privileges ${r.schema} ${r.owner}`, Q_DEFAULT_PRIVILEGES.replace("$1", oid).replace("$2", "$1").replace("$3", "$2").replace("$4", "$3"), [r.schema, "r", r.owner]]);
  }
  for (const r of resources(stack, "postgresql_publication")) {
    // pqQuoteLiteral(name) is what the provider passes (helpers.go:51): the same for a plain name.
    out.push(
      [`publication ${r.name} exists`, Q_PUBLICATION_EXISTS, [r.name]],
      [`publication ${r.name}`, qPublicationRead(major), [r.name]],
      [`publication ${r.name} tables`, Q_PUBLICATION_TABLES, [r.name]],
    );
  }
  for (const r of resources(stack, "postgresql_grant_role")) out.push([`grant_role ${r.grant_role} to ${r.role}`, Q_GRANT_ROLE, [r.role, r.grant_role]]);
  return out;
}

/** Run the reads, each in a transaction as the provider does (startTransaction, helpers.go:374). */
async function runReads(c: Client, reads: [string, string, unknown[]][]): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  await c.query("BEGIN");
  try {
    for (const [what, sql, params] of reads) {
      try {
        const r = await c.query(sql, params);
        results[what] = what === "connect" ? r.rows.length : r.rows;
      } catch (e) {
        throw new Error(`${what}: ${(e as Error).message}\n${sql}`);
      }
    }
  } finally {
    await c.query("ROLLBACK");
  }
  return results;
}

for (const major of VERSIONS) {
  describe(`plan role on PostgreSQL ${major}`, () => {
    let server: PgServer;
    let admin: Client;
    let plan: Client;
    let stack: StackJson;
    let tmp = "";
    const vars = { [VARIABLE_IDS.CLICKPIPES_PASSWORD]: "cp-pw", [VARIABLE_IDS.MONITORING_PASSWORD]: "mon-pw", [VARIABLE_IDS.PLAN_ROLE_PASSWORD]: PLAN_PASSWORD };

    async function denied(sql: string): Promise<string> {
      const e = await plan.query(sql).then(
        () => undefined,
        (err: Error) => err.message,
      );
      expect(e, sql).toBeDefined();
      return e!;
    }

    beforeAll(async () => {
      server = await startServer({ major, walLevel: "logical" });
      await server.query(`CREATE DATABASE ${DATABASE}`);
      admin = await server.adminClient(DATABASE);
      await runPsqlScript(admin, FIXTURE);
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), `cp-plan-role-${major}-`));
      buildApp({ ...config, sources: [{ ...source, postgresVersion: major as PostgresMajorVersion }] }, { outdir: tmp }).synth();
      const dir = path.join(tmp, "stacks", source.name);
      stack = JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")) as StackJson;
      const rendered = renderStackSql(dir);
      expect(rendered.notRendered).toEqual([]);
      expect(rendered.variables).toContain(VARIABLE_IDS.PLAN_ROLE_PASSWORD);
      expect(rendered.sql).not.toContain(PLAN_PASSWORD);
      await runPsqlScript(admin, rendered.sql, vars);
      plan = await server.connect({ user: PLAN, password: PLAN_PASSWORD, database: DATABASE });
    }, 120_000);

    afterAll(async () => {
      await plan?.end().catch(() => {});
      await admin?.end().catch(() => {});
      await server?.stop();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it("is a plain login with no membership, no attribute and nothing owned", async () => {
      const r = await admin.query(
        `SELECT r.rolcanlogin, r.rolsuper, r.rolreplication, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
                ARRAY(SELECT b.rolname::text FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid WHERE m.member = r.oid) AS member_of,
                (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owns
           FROM pg_roles r WHERE r.rolname = $1`,
        [PLAN],
      );
      expect(r.rows).toEqual([{ rolcanlogin: true, rolsuper: false, rolreplication: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, member_of: [], owns: 0 }]);
    });

    it("runs every read query the provider makes for the stack's resources, with the admin's results", async () => {
      const reads = providerReads(stack, major);
      // The stack has each kind the ready-made generic stack uses.
      for (const kind of ["role ", "grant database", "grant schema", "grant tables", "default privileges", "publication ", "grant_role pg_monitor"]) {
        expect(
          reads.some(([what]) => what.startsWith(kind)),
          kind,
        ).toBe(true);
      }
      const asAdmin = await runReads(admin, reads);
      const asPlan = await runReads(plan, reads);
      expect(asPlan).toEqual(asAdmin);
      // The reads found the applied objects (not an empty database that reads the same to everyone).
      expect(asPlan[`publication ${source.publication?.name ?? "clickpipes_publication"} tables`]).toHaveLength(source.tables!.length);
      expect(asPlan[`grant database ${PLAN}`]).toEqual([{ array_agg: ["CONNECT"] }]);
    });

    it("cannot read pg_shadow (a plain `password` with superuser = true) nor every table through information_schema", async () => {
      expect(await denied(Q_ROLE_PASSWORD.replace("$1", "'clickpipes_user'"))).toMatch(/permission denied/);
      const q = qTables(["public", "sales"]);
      const all = await admin.query(q);
      expect(all.rows.length).toBeGreaterThan(0);
      expect((await plan.query(q)).rows).toEqual([]);
    });

    it("can change nothing of the stack, read no table, create no role", async () => {
      const attempts = [
        "ALTER ROLE clickpipes_user NOLOGIN",
        "ALTER ROLE clickpipes_user NOREPLICATION",
        "DROP ROLE clickpipes_monitor",
        "GRANT pg_monitor TO clickpipes_plan",
        "REVOKE SELECT ON public.customers FROM clickpipes_user",
        "GRANT SELECT ON public.customers TO clickpipes_plan",
        "REVOKE USAGE ON SCHEMA sales FROM clickpipes_user",
        "ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA sales REVOKE SELECT ON TABLES FROM clickpipes_user",
        "ALTER PUBLICATION clickpipes_publication DROP TABLE public.orders",
        "DROP PUBLICATION clickpipes_publication",
        "CREATE PUBLICATION plan_pub FOR TABLE public.customers",
        "SELECT * FROM public.customers",
        "CREATE ROLE plan_made",
        "SELECT pg_create_logical_replication_slot('plan_slot', 'pgoutput')",
      ];
      for (const sql of attempts)
        expect(await denied(sql), sql).toMatch(/permission denied|must be (owner|superuser|a member|member)|must have (admin option|REPLICATION|CREATEROLE)|only roles with|insufficient privilege/i);
    });

    it("logs in with its own CONNECT grant after REVOKE CONNECT ... FROM PUBLIC", async () => {
      await admin.query(`REVOKE CONNECT ON DATABASE ${DATABASE} FROM PUBLIC`);
      try {
        const again = await server.connect({ user: PLAN, password: PLAN_PASSWORD, database: DATABASE });
        await again.end();
      } finally {
        await admin.query(`GRANT CONNECT ON DATABASE ${DATABASE} TO PUBLIC`);
      }
    });
  });
}
