/** postgresql_publication (+ data postgresql_tables): resource_postgresql_publication.go of cyrilgdn/terraform-provider-postgresql v1.26.0. */
import { commentText, quoteIdent, quoteLiteral, quoteTableName } from "../../../model/quoting";
import { dollarQuote } from "../plpgsql";
import { Attributes, bool, checkKeys, literal, optLiteral, RenderContext, stringList, Unrenderable } from "../values";

const PUBLICATION_KEYS = ["name", "database", "owner", "tables", "all_tables", "publish_param", "publish_via_partition_root_param", "drop_cascade"];
const PUBLISH_OPERATIONS = ["insert", "update", "delete", "truncate"];
const TABLES_FOR_EXPRESSION =
  /^\$\{\[\s*for\s+(?:[A-Za-z_][A-Za-z0-9_]*\s*,\s*)?([A-Za-z_][A-Za-z0-9_]*)\s+in\s+(?:toset\()?\s*data\.postgresql_tables\.([A-Za-z0-9_-]+)\.tables\s*\)?\s*:\s*"\$\{\1\.schema_name\}\.\$\{\1\.object_name\}"\s*\]\}$/;
const TABLES_DATA_KEYS = ["database", "schemas", "table_types", "like_any_patterns", "like_all_patterns", "not_like_all_patterns", "regex_pattern"];

/**
 * The runtime query of the postgresql_tables data source, as `format('%I.%I', ...)` names:
 * mirrors dataSourcePostgreSQLTablesRead() and applyTableDataSourceQueryFilters() in
 * data_source_postgresql_tables.go / data_source_helpers.go (information_schema.tables, filtered
 * by schema, table type and name patterns). Terraform reads it at plan time; the script at run time.
 */
export function tablesDataQuery(c: Attributes, ctx: RenderContext): string {
  checkKeys(c, TABLES_DATA_KEYS);
  const list = (key: string) => stringList(c, key, ctx).map(quoteLiteral).join(",");
  const filters: string[] = [];
  if (stringList(c, "schemas", ctx).length > 0) filters.push(`table_schema = ANY (array[${list("schemas")}])`);
  if (stringList(c, "table_types", ctx).length > 0) filters.push(`table_type = ANY (array[${list("table_types")}])`);
  if (stringList(c, "like_any_patterns", ctx).length > 0) filters.push(`table_name LIKE ANY (array[${list("like_any_patterns")}])`);
  if (stringList(c, "like_all_patterns", ctx).length > 0) filters.push(`table_name LIKE ALL (array[${list("like_all_patterns")}])`);
  if (stringList(c, "not_like_all_patterns", ctx).length > 0) filters.push(`table_name NOT LIKE ALL (array[${list("not_like_all_patterns")}])`);
  const regex = optLiteral(c, "regex_pattern", ctx, "");
  if (regex !== "") filters.push(`table_name ~ ${quoteLiteral(regex)}`);
  return (
    `SELECT coalesce(array_agg(DISTINCT format('%I.%I', table_schema, table_name)), '{}') FROM information_schema.tables` +
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
    const tables = [...new Set(stringList(c, "tables", ctx))].sort();
    if (tables.length !== (Array.isArray(c.tables) ? c.tables.length : 0)) throw new Unrenderable("tables holds a duplicate");
    tablesSql = `ARRAY[${tables.map((t) => quoteLiteral(quoteTableName(t))).join(", ")}]::text[]`;
    tablesNote = "";
  }
  if (allTables && tablesSql !== "ARRAY[]::text[]") throw new Unrenderable("all_tables conflicts with tables");
  const publish = stringList(c, "publish_param", ctx);
  for (const p of publish) if (!PUBLISH_OPERATIONS.includes(p)) throw new Unrenderable(`publish_param "${p}" is not one of ${PUBLISH_OPERATIONS.join(", ")}`);
  if (new Set(publish).size !== publish.length) throw new Unrenderable("publish_param holds a duplicate");
  const viaRoot = c.publish_via_partition_root_param === undefined || c.publish_via_partition_root_param === null ? undefined : bool(c, "publish_via_partition_root_param", false);

  // getPublicationParameters(): on create WITH (...), on update SET (...) of the changed ones.
  // (The provider builds them from a Go map, in no fixed order; here via-root comes first.)
  const params: string[] = [];
  if (viaRoot !== undefined) params.push(`publish_via_partition_root = ${viaRoot}`);
  if (publish.length > 0) params.push(`publish = ${quoteLiteral(publish.join(", "))}`);
  const withClause = params.length > 0 ? ` WITH (${params.join(",")})` : "";
  const pub = quoteIdent(name);

  const body: string[] = [
    "DECLARE",
    "  p record;",
    `  wanted text[] := ${tablesSql};`,
    "  have regclass[];",
    "  wanted_rel regclass[];",
    "  t text;",
    "  h regclass;",
    "BEGIN",
    `  SELECT * INTO p FROM pg_publication WHERE pubname = ${quoteLiteral(name)};`,
    "  IF NOT FOUND THEN",
    "    -- resourcePostgreSQLPublicationCreate(): CREATE PUBLICATION with getTablesForPublication() and getPublicationParameters().",
    allTables
      ? `    EXECUTE ${quoteLiteral(`CREATE PUBLICATION ${pub} FOR ALL TABLES${withClause}`)};`
      : `    EXECUTE ${quoteLiteral(`CREATE PUBLICATION ${pub}`)} || CASE WHEN cardinality(wanted) > 0 THEN ' FOR TABLE ' || array_to_string(wanted, ', ') ELSE '' END || ${quoteLiteral(withClause)};`,
    "  ELSE",
    "    -- resourcePostgreSQLPublicationUpdate(). all_tables forces a replacement in Terraform (drop + create,",
    "    -- which breaks a running pipe): the script refuses instead.",
    `    IF p.puballtables IS DISTINCT FROM ${allTables} THEN`,
    `      RAISE EXCEPTION 'publication % exists with all_tables = %; this stack wants %', p.pubname, p.puballtables, ${allTables};`,
    "    END IF;",
  ];
  if (!allTables) {
    body.push(
      "    -- setPubTables(): ADD TABLE for tables not yet published, DROP TABLE for tables no longer wanted",
      "    -- (compared as regclass, so quoting differences do not matter; the tables the publication holds are pg_publication_rel).",
      "    SELECT coalesce(array_agg(pr.prrelid::regclass), '{}') INTO have FROM pg_publication_rel pr WHERE pr.prpubid = p.oid;",
      "    SELECT coalesce(array_agg(x::regclass), '{}') INTO wanted_rel FROM unnest(wanted) AS x;",
      "    FOREACH t IN ARRAY wanted LOOP",
      `      IF NOT t::regclass = ANY (have) THEN EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} ADD TABLE `)} || t; END IF;`,
      "    END LOOP;",
      "    FOREACH h IN ARRAY have LOOP",
      `      IF NOT h = ANY (wanted_rel) THEN EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} DROP TABLE `)} || h::text; END IF;`,
      "    END LOOP;",
    );
  }
  if (publish.length > 0) {
    const want = (op: string) => publish.includes(op);
    body.push(
      "    -- setPubParams(): publish, when it differs.",
      `    IF (p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate) IS DISTINCT FROM (${want("insert")}, ${want("update")}, ${want("delete")}, ${want("truncate")}) THEN`,
      `      EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} SET (publish = ${quoteLiteral(publish.join(", "))})`)};`,
      "    END IF;",
    );
  }
  if (viaRoot !== undefined) {
    body.push(
      "    -- setPubParams(): publish_via_partition_root (PostgreSQL 13+), when it differs.",
      `    IF (to_jsonb(p) ->> 'pubviaroot')::boolean IS DISTINCT FROM ${viaRoot} THEN`,
      `      EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} SET (publish_via_partition_root = ${viaRoot})`)};`,
      "    END IF;",
    );
  }
  body.push("  END IF;");
  if (owner !== "") {
    body.push(
      "  -- setPubOwner() (the provider does not quote the names here; the script does).",
      `  IF (SELECT pg_get_userbyid(pubowner) FROM pg_publication WHERE pubname = ${quoteLiteral(name)}) IS DISTINCT FROM ${quoteLiteral(owner)} THEN`,
      `    EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} OWNER TO ${quoteIdent(owner)}`)};`,
      "  END IF;",
    );
  }
  body.push("END");
  return [
    "-- mirrors resourcePostgreSQLPublicationCreate() / resourcePostgreSQLPublicationUpdate() in resource_postgresql_publication.go.",
    "-- (The provider puts the publication name into the SQL unquoted; the script quotes it: the same for plain lowercase names.)",
    ...(tablesNote ? [tablesNote] : []),
    "BEGIN;",
    dollarQuote(body.join("\n")),
    "COMMIT;",
  ];
}
