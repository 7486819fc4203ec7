import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main";
import { quoteIdent, renderResource, renderStackSql } from "../../src/render/sql";
import { providerSetOrder } from "../../src/render/sql/provider-set";
import { parse, synthGeneric } from "../support/helpers";

const role = (name: string, extra: Record<string, unknown> = {}) => ({ name, login: true, replication: true, password_wo: "${var.clickpipes_password}", password_wo_version: "1", ...extra });

describe("renderStackSql", () => {
  it("orders the default stack by dependencies, ties broken by address", () => {
    const r = renderStackSql(parse(synthGeneric()));
    expect(r.notRendered).toEqual([]);
    const short = r.order.map((a) => a.replace(/_[0-9A-F]{8}$/, "").replace(/\.orders-db_/, "."));
    expect(short).toEqual([
      // no dependencies: first by address
      "postgresql_publication.Publication",
      "postgresql_role.User_Role",
      // the grant chain (depends_on), each after the resource it names
      "postgresql_grant.Grants_schema-public_Usage",
      "postgresql_grant.Grants_schema-public_SelectAllTables",
      "postgresql_default_privileges.Grants_schema-public_DefaultSelect-postgres",
      "postgresql_grant.Grants_schema-sales_Usage",
      "postgresql_grant.Grants_schema-sales_SelectAllTables",
      "postgresql_default_privileges.Grants_schema-sales_DefaultSelect-app_owner",
      "postgresql_default_privileges.Grants_schema-sales_DefaultSelect-postgres",
      "postgresql_grant.Grants_tables-inventory_Usage",
      "postgresql_grant.Grants_tables-inventory_SelectTables",
    ]);
    // The SQL follows the same order.
    const positions = r.order.map((a) => r.sql.indexOf(`-- ${a}`));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("puts a referenced resource first even when its address sorts later", () => {
    const r = renderStackSql({
      resource: {
        postgresql_grant: { a: { role: "${postgresql_role.z.name}", database: "db", schema: "s", object_type: "schema", privileges: ["USAGE"] } },
        postgresql_role: { z: role("zed") },
      },
    });
    expect(r.order).toEqual(["postgresql_role.z", "postgresql_grant.a"]);
    expect(r.sql).toContain('GRANT USAGE ON SCHEMA "s" TO "zed";');
  });

  it("maps ${var.X} to the psql variable :'X' and never reads values from the environment", () => {
    vi.stubEnv("TF_VAR_clickpipes_password", "from-the-env");
    vi.stubEnv("clickpipes_password", "from-the-env");
    const r = renderStackSql(parse(synthGeneric()));
    expect(r.variables).toEqual(["clickpipes_password"]);
    // Handed to the server for the role's transaction only, with a SELECT whose result psql stores (\\gset).
    expect(r.sql).toContain("SELECT set_config('cdktf_clickpipes.clickpipes_password', :'clickpipes_password', true) IS NULL AS cdktf_clickpipes_unused \\gset");
    expect(r.sql).not.toMatch(/^SET cdktf_clickpipes/m);
    // The script stops before anything runs when the variable is missing.
    expect(r.sql.indexOf("\\if :{?clickpipes_password}")).toBeLessThan(r.sql.indexOf("-- postgresql_"));
    expect(r.sql).toContain("current_setting('cdktf_clickpipes.clickpipes_password')");
    expect(r.sql).toContain("-v clickpipes_password=...");
    expect(r.sql).not.toContain("from-the-env");
    expect(r.sql).not.toContain("${");
    // The admin password variable belongs to the provider block: not a psql variable of the script.
    expect(r.sql).not.toContain("postgres_admin_password");
  });

  it("lists unknown resource types, unknown data sources and unsupported attributes as not rendered", () => {
    const r = renderStackSql({
      resource: {
        postgresql_role: { ok: role("cp"), odd: role("other", { some_future_flag: true }) },
        postgresql_extension: { ext: { name: "pg_stat_statements" } },
        aws_db_parameter_group: { pg: { family: "postgres16" } },
      },
      data: { postgresql_schemas: { all: { database: "db" } } },
    });
    expect(r.notRendered).toEqual([
      "aws_db_parameter_group.pg: resource type aws_db_parameter_group is not rendered by this preview",
      "postgresql_extension.ext: resource type postgresql_extension is not rendered by this preview",
      "postgresql_role.odd: attribute(s) some_future_flag not supported by the preview",
      "data.postgresql_schemas.all: data source type postgresql_schemas is not rendered by this preview",
    ]);
    for (const line of r.notRendered) expect(r.sql).toContain(`--   ${line}`);
    expect(r.order).toEqual(["postgresql_role.ok"]);
  });

  it("refuses a variable outside a password and an expression it cannot evaluate", () => {
    const r = renderStackSql({
      resource: {
        postgresql_role: { v: { name: "${var.role_name}" } },
        postgresql_grant: { e: { role: '${upper("x")}', database: "db", schema: "s", object_type: "schema", privileges: ["USAGE"] } },
      },
    });
    expect(r.notRendered).toEqual([
      'postgresql_grant.e: role holds an expression this preview cannot evaluate: ${upper("x")}',
      "postgresql_role.v: name references variable role_name; only passwords may",
    ]);
  });

  it("quotes identifiers and literals with odd characters", () => {
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
    const r = renderStackSql({
      resource: {
        postgresql_role: { r: role(`O'Brien "x"`, { password_wo: undefined, password_wo_version: undefined }) },
        postgresql_grant: {
          g: { role: "${postgresql_role.r.name}", database: "db", schema: 'Odd "Schema"', object_type: "table", objects: ["Tab'le", "plain"], privileges: ["SELECT"] },
        },
        postgresql_publication: { p: { name: "pub_1", database: "db", tables: ['Odd "Schema".Tab\'le'] } },
      },
    });
    expect(r.notRendered).toEqual([]);
    expect(r.sql).toContain(`GRANT SELECT ON TABLE "Odd ""Schema"""."Tab'le","Odd ""Schema"""."plain" TO "O'Brien ""x""";`);
    expect(r.sql).toContain(`WHERE rolname = 'O''Brien "x"'`);
    expect(r.sql).toContain(`EXECUTE 'CREATE ROLE "O''Brien ""x"""' || ' WITH' || ''`);
    expect(r.sql).toContain(`wanted text[] := ARRAY['"Odd ""Schema"""."Tab''le"']::text[];`);
    // resourcePostgreSQLPublicationCreate(): the name goes in unquoted, as the provider writes it.
    expect(r.sql).toContain(`'CREATE PUBLICATION pub_1 '`);
  });

  it("renders a schema-wide publication as a run-time query of the postgresql_tables data source", () => {
    const r = renderStackSql(parse(synthGeneric({ tables: [] })));
    expect(r.notRendered).toEqual([]);
    expect(r.sql).toContain(
      "wanted text[] := (SELECT coalesce(array_agg(DISTINCT q.name), '{}') FROM information_schema.tables CROSS JOIN LATERAL " +
        "(SELECT string_agg('\"' || replace(x.part, '\"', '\"\"') || '\"', '.' ORDER BY x.i) AS name FROM unnest(string_to_array(table_schema || '.' || table_name, '.')) WITH ORDINALITY AS x(part, i)) q " +
        "WHERE table_schema = ANY (array['public','sales']) AND table_type = ANY (array['BASE TABLE']));",
    );
    expect(r.sql).toMatch(/-- tables: every table data\.postgresql_tables\.orders-db_Publication_SchemaTables_[0-9A-F]{8} lists/);
  });

  it("leads with the stack's server settings and pg_hba lines as comments", () => {
    const r = renderStackSql(parse(synthGeneric()));
    const head = r.sql.slice(0, r.sql.indexOf("\n\n"));
    expect(head).toContain("--   wal_level = logical");
    expect(head).toContain("--   max_slot_wal_keep_size = 102400");
    expect(head).toContain("--   restart required: yes");
    expect(head).toContain("--   host orders clickpipes_user 18.195.233.217/32 scram-sha-256");
    expect(head.split("\n").every((l) => l.startsWith("--"))).toBe(true);
  });
});

describe("cdktf-clickpipes sql", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-clickpipes-sql-cli-"));
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    vi.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
    const code = await main(args);
    vi.restoreAllMocks();
    return { code, out, err };
  }

  it("prints the SQL of a stack directory or of its cdk.tf.json", async () => {
    const dir = path.join(tmp, "stack");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "cdk.tf.json"), synthGeneric());
    for (const target of [dir, path.join(dir, "cdk.tf.json")]) {
      const r = await run(["sql", target]);
      expect(r).toMatchObject({ code: 0, err: "" });
      expect(r.out).toContain('CREATE ROLE "clickpipes_user"');
    }
  });

  it("exits 2 with one line on stderr for a missing path, a bad JSON file or no argument", async () => {
    const bad = path.join(tmp, "bad.json");
    fs.writeFileSync(bad, "{ not json");
    for (const args of [["sql", path.join(tmp, "nope")], ["sql", bad], ["sql"], ["sql", path.join(tmp, "empty-dir-that-is-missing", "x")]]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.trimEnd().split("\n")).toHaveLength(1);
      expect(r.err).toMatch(/^cdktf-clickpipes sql: /);
    }
    expect((await run(["sql", bad])).err).toContain("is not valid JSON");
  });

  it("exits 2 with one short line, naming the file, for an oversized or binary file (no bytes echoed)", async () => {
    const big = path.join(tmp, "big.json");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 600 * 1024 * 1024); // sparse: 600 MB that take no disk
    const binary = path.join(tmp, "binary.json");
    fs.writeFileSync(binary, Buffer.from([0x7b, 0x01, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe, 0x00, 0x07]));
    const controls = path.join(tmp, "controls.json");
    fs.writeFileSync(controls, "\u0001\u001b[2J{");
    const cases: [string, string][] = [
      [big, `cdktf-clickpipes sql: cannot read stack "${big}": ${big} is not a synthesized stack: ${600 * 1024 * 1024} bytes, over the limit of 67108864\n`],
      [binary, `cdktf-clickpipes sql: cannot read stack "${binary}": ${binary} is not a synthesized stack: binary: not UTF-8 text\n`],
    ];
    for (const [file, line] of cases) {
      const r = await run(["sql", file]);
      expect(r).toEqual({ code: 2, out: "", err: line });
    }
    const r = await run(["sql", controls]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^cdktf-clickpipes sql: cannot read stack ".*": .* is not valid JSON \(.*\)\n$/);
    expect(r.err.slice(0, -1)).not.toMatch(/[\u0000-\u001f]/);
  });

  it("exits 2 for JSON that is not a synthesized stack (a manifest, a plan, a wrong shape)", async () => {
    const cases: [string, unknown][] = [
      ["manifest.json", { version: "0.21.0", stacks: { a: { name: "a" } } }],
      ["plan.json", { format_version: "1.2", resource_changes: [] }],
      ["shape.json", { terraform: {}, resource: 5 }],
    ];
    for (const [name, doc] of cases) {
      const file = path.join(tmp, name);
      fs.writeFileSync(file, JSON.stringify(doc));
      const r = await run(["sql", file]);
      expect(r.code, name).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(
        /^cdktf-clickpipes sql: cannot read stack ".*": .* is not a synthesized stack(?: \(no valid "terraform" block; expected cdktf\.out\/stacks\/<stack>\/cdk\.tf\.json\)|: resource is a number, not an object of resource blocks by label)\n$/,
      );
    }
  });
});

/**
 * Each statement as resource_postgresql_*.go of cyrilgdn/terraform-provider-postgresql v1.26.0
 * builds it (the comment names the Go function). The script runs them through EXECUTE, so the
 * statement text is in SQL string literals: quotes are doubled there.
 */
describe("statements as the provider writes them", () => {
  const sqlOf = (type: string, attrs: Record<string, unknown>) => renderResource(type, attrs).join("\n");

  it("postgresql_publication: the name and the owner unquoted", () => {
    const pub = sqlOf("postgresql_publication", {
      name: "MyPub",
      database: "db",
      owner: "App_Owner",
      tables: ["s.t", 'Odd "S".T'],
      publish_param: ["insert", "update"],
      publish_via_partition_root_param: true,
    });
    // resourcePostgreSQLPublicationCreate(): "CREATE PUBLICATION %s %s %s" (name, getTablesForPublication(), getPublicationParameters()).
    expect(pub).toContain(
      `EXECUTE 'CREATE PUBLICATION MyPub ' || CASE WHEN cardinality(wanted) > 0 THEN 'FOR TABLE ' || array_to_string(wanted, ', ') ELSE '' END || ' WITH (publish_via_partition_root = true,publish = ''insert, update'')';`,
    );
    // getTablesForPublication(): quoteTableName() of each table, every part double-quoted, in the set's order.
    const quoted: Record<string, string> = { "s.t": `'"s"."t"'`, 'Odd "S".T': `'"Odd ""S"""."T"'` };
    expect(pub).toContain(
      `wanted text[] := ARRAY[${providerSetOrder(["s.t", 'Odd "S".T'])
        .map((t) => quoted[t])
        .join(", ")}]::text[];`,
    );
    // setPubOwner(): "ALTER PUBLICATION %s OWNER TO %s", neither quoted (on create, and on update when it differs).
    expect(pub.split("EXECUTE 'ALTER PUBLICATION MyPub OWNER TO App_Owner';")).toHaveLength(3);
    // setPubTables(): "ALTER PUBLICATION %s ADD TABLE %s" / "... DROP TABLE %s" with quoteTableName().
    expect(pub).toContain(`EXECUTE 'ALTER PUBLICATION MyPub ADD TABLE ' || t;`);
    expect(pub).toContain(`EXECUTE 'ALTER PUBLICATION MyPub DROP TABLE ' || (SELECT string_agg('"' || replace(x.part, '"', '""') || '"', '.' ORDER BY x.i)`);
    // setPubParams(): "ALTER PUBLICATION %s %s" with getPublicationParameters()' "SET (%s)" of the changed ones.
    expect(pub).toContain(`EXECUTE 'ALTER PUBLICATION MyPub SET (' || array_to_string(params, ',') || ')';`);
    expect(pub).toContain(`params := params || 'publish = ''insert, update''';`);
    // resourcePostgreSQLPublicationExists(): WHERE pubname = $1 with the name as given (an upper-case one is then not found).
    expect(pub).toContain("SELECT * INTO p FROM pg_publication WHERE pubname = 'MyPub';");
    expect(pub).not.toContain('"MyPub"');
  });

  it("postgresql_publication: a false publish_via_partition_root is left out on create (d.GetOk), FOR ALL TABLES", () => {
    const pub = sqlOf("postgresql_publication", { name: "p", database: "db", all_tables: true, publish_via_partition_root_param: false });
    // getTablesForPublication() "FOR ALL TABLES"; getPublicationParameters() adds nothing: "CREATE PUBLICATION p FOR ALL TABLES ".
    expect(pub).toContain(`EXECUTE 'CREATE PUBLICATION p FOR ALL TABLES ';`);
    expect(pub).toContain(`params := params || 'publish_via_partition_root = false'`);
    expect(pub).not.toContain("ADD TABLE");
  });

  it("postgresql_role: create, password and update in the provider's order and quoting", () => {
    const r = sqlOf("postgresql_role", { name: "cp", login: true, replication: true, password_wo: "${var.pw}", password_wo_version: "1", valid_until: "2030-01-01 00:00:00+00" });
    const pq = `'''' || replace(replace(current_setting('cdktf_clickpipes.pw'), chr(92), chr(92) || chr(92)), '''', '''''') || ''''`;
    // resourcePostgreSQLRoleCreate(): "CREATE ROLE %s%s", " WITH " + ENCRYPTED PASSWORD '<pqQuoteLiteral>' VALID UNTIL ... CONNECTION LIMIT ... flags.
    expect(r).toContain(
      `EXECUTE 'CREATE ROLE "cp"' || ' WITH' || CASE WHEN current_setting('cdktf_clickpipes.pw') = '' THEN '' WHEN upper(current_setting('cdktf_clickpipes.pw')) = 'NULL' THEN ' PASSWORD NULL' ELSE ' ENCRYPTED PASSWORD ' || ${pq} END || ' VALID UNTIL ''2030-01-01 00:00:00+00'' CONNECTION LIMIT -1 NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT LOGIN NOBYPASSRLS REPLICATION';`,
    );
    // setRolePassword(): "ALTER ROLE %s PASSWORD '%s'" with pqQuoteLiteral() (backslashes doubled), no NULL keyword.
    expect(r).toContain(`EXECUTE 'ALTER ROLE "cp" PASSWORD ' || ${pq};`);
    // resourcePostgreSQLRoleUpdate(): setRolePassword, setRoleBypassRLS, setRoleConnLimit, setRoleCreateDB, setRoleCreateRole,
    // setRoleInherit, setRoleLogin, setRoleReplication, setRoleSuperuser, setRoleValidUntil.
    const order = [
      "PASSWORD ' ||",
      "WITH NOBYPASSRLS",
      "CONNECTION LIMIT -1'",
      "WITH NOCREATEDB",
      "WITH NOCREATEROLE",
      "WITH INHERIT",
      "WITH LOGIN",
      "WITH REPLICATION",
      "WITH NOSUPERUSER",
      `VALID UNTIL ''2030-01-01 00:00:00+00'''`,
    ];
    const update = r.slice(r.indexOf("  ELSE"));
    const at = order.map((o) => update.indexOf(`ALTER ROLE "cp" ${o}`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Both password statements are raised again without their text when they fail.
    expect(r.split("RAISE EXCEPTION USING ERRCODE = SQLSTATE, MESSAGE = SQLERRM")).toHaveLength(3);
  });

  it("postgresql_grant: quoteIdentifyIdent() keeps a signature's first argument list and drops text after a second '('", () => {
    const g = sqlOf("postgresql_grant", { role: "r", database: "db", schema: "s", object_type: "function", objects: ["f(int, text)", "g(a(b))"], privileges: ["EXECUTE"] });
    // createRevokeQuery() / createGrantQuery(): setToPgIdentList() = "schema".quoteIdentifyIdent(object), joined by ",".
    expect(g).toContain(`REVOKE EXECUTE ON FUNCTION "s"."f"(int, text),"s"."g"(a FROM "r";`);
    expect(g).toContain(`GRANT EXECUTE ON FUNCTION "s"."f"(int, text),"s"."g"(a TO "r";`);
  });

  it("postgresql_default_privileges: two spaces where the schema would be", () => {
    const d = sqlOf("postgresql_default_privileges", { role: "r", database: "db", owner: "o", object_type: "table", privileges: ["SELECT"] });
    // revokeRoleDefaultPrivileges() / grantRoleDefaultPrivileges(): "ALTER DEFAULT PRIVILEGES FOR ROLE %s %s REVOKE|GRANT ...".
    expect(d).toContain(`ALTER DEFAULT PRIVILEGES FOR ROLE "o"  REVOKE ALL ON TABLES FROM "r";`);
    expect(d).toContain(`ALTER DEFAULT PRIVILEGES FOR ROLE "o"  GRANT SELECT ON TABLES TO "r";`);
    const s = sqlOf("postgresql_default_privileges", { role: "r", database: "db", owner: "o", schema: "S", object_type: "sequence", privileges: ["USAGE"] });
    expect(s).toContain(`ALTER DEFAULT PRIVILEGES FOR ROLE "o" IN SCHEMA "S" GRANT USAGE ON SEQUENCES TO "r";`);
  });

  it("postgresql_grant_role: createRevokeRoleQuery() then createGrantRoleQuery(), both quoted", () => {
    const g = sqlOf("postgresql_grant_role", { role: "Cp", grant_role: "rds_replication", with_admin_option: true });
    expect(g).toContain(`REVOKE "rds_replication" FROM "Cp";\nGRANT "rds_replication" TO "Cp" WITH ADMIN OPTION;`);
  });
});
