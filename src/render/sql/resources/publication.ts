/** postgresql_publication (+ data postgresql_tables): resource_postgresql_publication.go of cyrilgdn/terraform-provider-postgresql v1.26.0. */
import { BEGIN, COMMIT } from "../../../util/sql-boilerplate";
import { commentText, providerLiteralBody, quoteLiteral, quoteTableNameText } from "../../../model/quoting";
import { dollarQuote } from "../plpgsql";
import { providerSetOrder } from "../provider-set";
import { Attributes, bool, checkKeys, literal, optLiteral, RenderContext, stringList, Unrenderable } from "../values";

const PUBLICATION_KEYS = ["name", "database", "owner", "tables", "all_tables", "publish_param", "publish_via_partition_root_param", "drop_cascade"];
const PUBLISH_OPERATIONS = ["insert", "update", "delete", "truncate"];
const TABLES_FOR_EXPRESSION =
  /^\$\{\[\s*for\s+(?:[A-Za-z_][A-Za-z0-9_]*\s*,\s*)?([A-Za-z_][A-Za-z0-9_]*)\s+in\s+(?:toset\()?\s*data\.postgresql_tables\.([A-Za-z0-9_-]+)\.tables\s*\)?\s*:\s*"\$\{\1\.schema_name\}\.\$\{\1\.object_name\}"\s*\]\}$/;
const TABLES_DATA_KEYS = ["database", "schemas", "table_types", "like_any_patterns", "like_all_patterns", "not_like_all_patterns", "regex_pattern"];

/**
 * The runtime query of the postgresql_tables data source, as the names the provider then puts in
 * FOR TABLE (quoteTableName() of "schema.table", every part double-quoted):
 * mirrors dataSourcePostgreSQLTablesRead() and applyTableDataSourceQueryFilters() in
 * data_source_postgresql_tables.go / data_source_helpers.go (information_schema.tables, filtered
 * by schema, table type and name patterns). Terraform reads it at plan time; the script at run time.
 */
export function tablesDataQuery(c: Attributes, ctx: RenderContext): string {
  checkKeys(c, TABLES_DATA_KEYS);
  // generatePatternArrayString() / applyPatternMatchingToQuery(): each value as '%s', NOT escaped (a quote
  // or backslash in it breaks the provider's query, and the script's alike; such schemas are refused at synth).
  const raw = (v: string) => `'${v}'`;
  const list = (key: string) => stringList(c, key, ctx).map(raw).join(",");
  const filters: string[] = [];
  if (stringList(c, "schemas", ctx).length > 0) filters.push(`table_schema = ANY (array[${list("schemas")}])`);
  if (stringList(c, "table_types", ctx).length > 0) filters.push(`table_type = ANY (array[${list("table_types")}])`);
  if (stringList(c, "like_any_patterns", ctx).length > 0) filters.push(`table_name LIKE ANY (array[${list("like_any_patterns")}])`);
  if (stringList(c, "like_all_patterns", ctx).length > 0) filters.push(`table_name LIKE ALL (array[${list("like_all_patterns")}])`);
  if (stringList(c, "not_like_all_patterns", ctx).length > 0) filters.push(`table_name NOT LIKE ALL (array[${list("not_like_all_patterns")}])`);
  const regex = optLiteral(c, "regex_pattern", ctx, "");
  if (regex !== "") filters.push(`table_name ~ ${raw(regex)}`);
  return (
    // "${t.schema_name}.${t.object_name}" of each table, then quoteTableName() (every part quoted, split at dots).
    `SELECT coalesce(array_agg(DISTINCT q.name), '{}') FROM information_schema.tables CROSS JOIN LATERAL ` +
    `(SELECT string_agg('"' || replace(x.part, '"', '""') || '"', '.' ORDER BY x.i) AS name FROM unnest(string_to_array(table_schema || '.' || table_name, '.')) WITH ORDINALITY AS x(part, i)) q` +
    (filters.length > 0 ? ` WHERE ${filters.join(" AND ")}` : "")
  );
}

/**
 * Statements for one `postgresql_publication` (create, or update what differs), in one transaction.
 * A `tables` list computed from a `postgresql_tables` data source of `ctx` is queried at run time.
 */
export function renderPublication(c: Attributes, ctx: RenderContext): string[] {
  checkKeys(c, PUBLICATION_KEYS);
  const name = literal(c.name, "name", ctx);
  literal(c.database, "database", ctx);
  const owner = optLiteral(c, "owner", ctx, "");
  const allTables = bool(c, "all_tables", false);
  let tablesSql: string; // PL/pgSQL text[] expression of quoted "schema"."table" names
  let tablesNote: string;
  if (typeof c.tables === "string") {
    const m = TABLES_FOR_EXPRESSION.exec(c.tables);
    const data = m ? ctx.nodes.get(`data.postgresql_tables.${m[2]}`) : undefined;
    if (!m || !data) throw new Unrenderable(`tables holds an expression this preview cannot evaluate: ${commentText(c.tables)}`);
    ctx.usedData.add(data.address);
    tablesSql = `(${tablesDataQuery(data.config, ctx)})`;
    tablesNote = `-- tables: every table ${data.address} lists, computed now (Terraform computes them at plan time).`;
  } else {
    const tables = providerSetOrder(stringList(c, "tables", ctx));
    if (tables.length !== (Array.isArray(c.tables) ? c.tables.length : 0)) throw new Unrenderable("tables holds a duplicate");
    tablesSql = `ARRAY[${tables.map((t) => quoteLiteral(quoteTableNameText(t))).join(", ")}]::text[]`;
    tablesNote = "";
  }
  if (allTables && tablesSql !== "ARRAY[]::text[]") throw new Unrenderable("all_tables conflicts with tables");
  const publish = stringList(c, "publish_param", ctx);
  for (const p of publish) if (!PUBLISH_OPERATIONS.includes(p)) throw new Unrenderable(`publish_param "${p}" is not one of ${PUBLISH_OPERATIONS.join(", ")}`);
  if (new Set(publish).size !== publish.length) throw new Unrenderable("publish_param holds a duplicate");
  const viaRoot = c.publish_via_partition_root_param === undefined || c.publish_via_partition_root_param === null ? undefined : bool(c, "publish_via_partition_root_param", false);

  // The provider interpolates the publication name (and the owner) into its SQL WITHOUT quoting
  // (resource_postgresql_publication.go: CREATE, ADD/DROP TABLE, OWNER TO, SET (...); only RENAME
  // and DROP quote it), so the script does the same: an upper-case name is folded to lower case by
  // the server, and the provider's read (pubname = $1 with pqQuoteLiteral(name)) then misses it.
  const pub = name;
  const ownerSql = owner;
  // getPublicationParameters(): on create WITH (...) of the set ones (d.GetOk: a false
  // publish_via_partition_root is left out), on update SET (...) of the changed ones. The provider
  // builds the list from a Go map, in no fixed order; here publish_via_partition_root comes first.
  const createParams: string[] = [];
  if (viaRoot === true) createParams.push("publish_via_partition_root = true");
  if (publish.length > 0) createParams.push(`publish = '${publish.join(", ")}'`);
  const withClause = createParams.length > 0 ? `WITH (${createParams.join(",")})` : "";
  // resourcePostgreSQLPublicationExists()/Read(): WHERE pubname = $1 with pqQuoteLiteral(name) as the value.
  const readName = quoteLiteral(providerLiteralBody(name));
  // quoteTableName() of a regclass's schema and name, as the provider quotes a table of its state.
  const relName = (rel: string) =>
    `(SELECT string_agg('"' || replace(x.part, '"', '""') || '"', '.' ORDER BY x.i) FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace ` +
    `CROSS JOIN LATERAL unnest(string_to_array(ns.nspname || '.' || c.relname, '.')) WITH ORDINALITY AS x(part, i) WHERE c.oid = ${rel})`;

  const body: string[] = [
    "DECLARE",
    "  p record;",
    `  wanted text[] := ${tablesSql};`,
    "  have regclass[];",
    "  wanted_rel regclass[];",
    "  params text[] := '{}';",
    "  t text;",
    "  h regclass;",
    "BEGIN",
    `  SELECT * INTO p FROM pg_publication WHERE pubname = ${readName};`,
    "  IF NOT FOUND THEN",
    "    -- resourcePostgreSQLPublicationCreate(): CREATE PUBLICATION %s %s %s with the name unquoted,",
    "    -- getTablesForPublication() (FOR TABLE of quoteTableName() names, or FOR ALL TABLES) and getPublicationParameters().",
    allTables
      ? `    EXECUTE ${quoteLiteral(`CREATE PUBLICATION ${pub} FOR ALL TABLES ${withClause}`)};`
      : `    EXECUTE ${quoteLiteral(`CREATE PUBLICATION ${pub} `)} || CASE WHEN cardinality(wanted) > 0 THEN 'FOR TABLE ' || array_to_string(wanted, ', ') ELSE '' END || ${quoteLiteral(` ${withClause}`)};`,
  ];
  if (ownerSql !== "") {
    body.push(
      "    -- setPubOwner() (owner set: a change on create): ALTER PUBLICATION %s OWNER TO %s, both unquoted.",
      `    EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} OWNER TO ${ownerSql}`)};`,
    );
  }
  body.push(
    "  ELSE",
    "    -- resourcePostgreSQLPublicationUpdate(): setPubOwner(), setPubTables(), setPubParams(), each where the",
    "    -- publication differs. all_tables forces a replacement in Terraform (drop + create, which breaks a",
    "    -- running pipe): the script refuses instead.",
    `    IF p.puballtables IS DISTINCT FROM ${allTables} THEN`,
    `      RAISE EXCEPTION 'publication % exists with all_tables = %; this stack wants %', p.pubname, p.puballtables, ${allTables};`,
    "    END IF;",
  );
  if (ownerSql !== "") {
    body.push(`    IF pg_get_userbyid(p.pubowner) IS DISTINCT FROM ${quoteLiteral(owner)} THEN`, `      EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} OWNER TO ${ownerSql}`)};`, "    END IF;");
  }
  if (!allTables) {
    body.push(
      "    -- setPubTables(): ALTER PUBLICATION %s ADD TABLE %s for each added table, then DROP TABLE for each",
      "    -- removed one (compared as regclass; the tables the publication holds are pg_publication_rel).",
      "    SELECT coalesce(array_agg(pr.prrelid::regclass), '{}') INTO have FROM pg_publication_rel pr WHERE pr.prpubid = p.oid;",
      "    SELECT coalesce(array_agg(x::regclass), '{}') INTO wanted_rel FROM unnest(wanted) AS x;",
      "    FOREACH t IN ARRAY wanted LOOP",
      `      IF NOT t::regclass = ANY (have) THEN EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} ADD TABLE `)} || t; END IF;`,
      "    END LOOP;",
      "    FOREACH h IN ARRAY have LOOP",
      `      IF NOT h = ANY (wanted_rel) THEN EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} DROP TABLE `)} || ${relName("h")}; END IF;`,
      "    END LOOP;",
    );
  }
  if (viaRoot !== undefined) {
    body.push(
      "    -- getPublicationParameters() on update: publish_via_partition_root (PostgreSQL 13+) when it differs.",
      `    IF (to_jsonb(p) ->> 'pubviaroot')::boolean IS DISTINCT FROM ${viaRoot} THEN params := params || ${quoteLiteral(`publish_via_partition_root = ${viaRoot}`)}; END IF;`,
    );
  }
  if (publish.length > 0) {
    const want = (op: string) => publish.includes(op);
    body.push(
      "    -- ... and publish when it differs.",
      `    IF (p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate) IS DISTINCT FROM (${want("insert")}, ${want("update")}, ${want("delete")}, ${want("truncate")}) THEN params := params || ${quoteLiteral(`publish = '${publish.join(", ")}'`)}; END IF;`,
    );
  }
  if (viaRoot !== undefined || publish.length > 0) {
    body.push(
      "    -- setPubParams(): one ALTER PUBLICATION %s SET (...) with the changed ones.",
      `    IF cardinality(params) > 0 THEN EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} SET (`)} || array_to_string(params, ',') || ')'; END IF;`,
    );
  }
  body.push("  END IF;", "END");
  return [
    "-- mirrors resourcePostgreSQLPublicationCreate() / resourcePostgreSQLPublicationUpdate() in resource_postgresql_publication.go.",
    "-- The provider puts the publication name and the owner into the SQL unquoted; so does this script.",
    ...(tablesNote ? [tablesNote] : []),
    BEGIN,
    dollarQuote(body.join("\n")),
    COMMIT,
  ];
}
