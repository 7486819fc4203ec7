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
  cdcOnly: true,
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
      // Catalog tables only: pg_partition_tree() and the pg_publication_tables view open (lock) the
      // tables, and would wait on a table another session holds locked. Ancestors and descendants
      // come from pg_inherits; FOR TABLES IN SCHEMA (PostgreSQL 15+) from pg_publication_namespace.
      `WITH RECURSIVE down(root, relid) AS (
         SELECT t.oid, t.oid FROM unnest($2::oid[]) AS t(oid)
         UNION ALL
         SELECT down.root, i.inhrelid FROM down JOIN pg_inherits i ON i.inhparent = down.relid
       ), up(root, relid) AS (
         SELECT t.oid, t.oid FROM unnest($2::oid[]) AS t(oid)
         UNION ALL
         SELECT up.root, i.inhparent FROM up JOIN pg_inherits i ON i.inhrelid = up.relid
       ), family AS (SELECT root, relid FROM down UNION SELECT root, relid FROM up),
       published AS (
         SELECT pr.prrelid AS relid FROM pg_publication_rel pr JOIN pg_publication p ON p.oid = pr.prpubid WHERE p.pubname = $1
         ${
           ctx.major >= 15
             ? `UNION SELECT c.oid FROM pg_publication_namespace pn JOIN pg_publication p ON p.oid = pn.pnpubid
                  JOIN pg_class c ON c.relnamespace = pn.pnnspid AND c.relkind IN ('r', 'p') WHERE p.pubname = $1`
             : ""
         }
       )
       SELECT DISTINCT f.root::int AS oid FROM family f JOIN published ON published.relid = f.relid`,
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
