import { Check, existingTables, fail, listNames, pass, skip } from "../context";
import { quoteIdent } from "../names";
import { CheckId } from "../types";

/**
 * The publication exists and holds every expected table. A partitioned table counts as held when
 * it, one of its partitions or one of its ancestors is published (the partition-root check warns
 * about the form).
 */
export const publicationCheck: Check = {
  id: CheckId.PUBLICATION,
  fallbackFix: "CREATE PUBLICATION <name> FOR TABLE <schema.table>, ...;",
  async run(ctx) {
    if (!ctx.publication) return skip("no publication given (--publication or --stack)");
    const pub = quoteIdent(ctx.publication);
    const tables = existingTables(ctx);
    const list = tables.map((t) => t.display).join(", ");
    const r = await ctx.client.query<{ puballtables: boolean }>("SELECT puballtables FROM pg_publication WHERE pubname = $1", [ctx.publication]);
    if (r.rows.length === 0) {
      const via = ctx.major >= 13 ? " WITH (publish_via_partition_root = true)" : "";
      return fail(
        `publication does not exist: ${ctx.publication}`,
        tables.length > 0 ? `CREATE PUBLICATION ${pub} FOR TABLE ${list}${via};` : `CREATE PUBLICATION ${pub} FOR TABLE <schema.table>, ...${via};`,
      );
    }
    if (r.rows[0].puballtables) return pass(`publication ${ctx.publication} exists (FOR ALL TABLES)`);
    if (tables.length === 0) return pass(`publication ${ctx.publication} exists (no tables to compare)`);
    const held = await ctx.client.query<{ oid: number }>(
      `SELECT t.oid::int AS oid
         FROM unnest($2::oid[]) AS t(oid)
        WHERE EXISTS (
          SELECT 1 FROM pg_publication_tables p
            JOIN pg_namespace n ON n.nspname = p.schemaname
            JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = p.tablename
           WHERE p.pubname = $1
             AND (c.oid = t.oid
                  OR c.oid IN (SELECT relid FROM pg_partition_tree(t.oid))
                  OR c.oid IN (SELECT relid FROM pg_partition_ancestors(t.oid))))`,
      [ctx.publication, tables.map((t) => t.oid)],
    );
    const heldOids = new Set(held.rows.map((row) => row.oid));
    const missing = tables.filter((t) => !heldOids.has(t.oid)).map((t) => t.display);
    if (missing.length > 0) {
      return fail(`tables not in publication "${ctx.publication}": ${listNames(missing)}`, `ALTER PUBLICATION ${pub} ADD TABLE ${missing.join(", ")};`);
    }
    return pass(`publication ${ctx.publication} holds all ${tables.length} table${tables.length === 1 ? "" : "s"}`);
  },
};
