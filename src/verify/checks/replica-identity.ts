import { Check, existingTables, fail, listNames, pass, skip } from "../context";
import { quoteIdent } from "../names";
import { CheckId } from "../types";

interface Row {
  table_oid: number;
  schema: string;
  name: string;
  relreplident: string;
  has_pk: boolean;
}

/**
 * Every table (for a partitioned table: every leaf partition) has a primary key, or REPLICA
 * IDENTITY FULL / USING INDEX. NOTHING, or DEFAULT without a key, makes UPDATE and DELETE fail
 * once the table is published.
 */
export const replicaIdentityCheck: Check = {
  id: CheckId.REPLICA_IDENTITY,
  cdcOnly: true,
  fallbackFix: "ALTER TABLE <table> ADD PRIMARY KEY (...); or ALTER TABLE <table> REPLICA IDENTITY FULL;",
  async run(ctx) {
    const tables = existingTables(ctx);
    if (tables.length === 0) return skip("no tables to check");
    const r = await ctx.client.query<Row>(
      // Partition trees from pg_inherits (catalog only): pg_partition_tree() locks every member and
      // would wait on a table another session holds locked.
      `WITH RECURSIVE tree(root, relid) AS (
         SELECT t.oid, t.oid FROM unnest($1::oid[]) AS t(oid)
         UNION ALL
         SELECT tree.root, i.inhrelid FROM tree JOIN pg_inherits i ON i.inhparent = tree.relid
       )
       SELECT tree.root::int AS table_oid, n.nspname AS schema, c.relname AS name, c.relreplident::text AS relreplident,
              EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) AS has_pk
         FROM tree
         JOIN pg_class top ON top.oid = tree.root
         JOIN pg_class c ON c.oid = tree.relid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE (top.relkind = 'p' AND c.relkind <> 'p') OR (top.relkind <> 'p' AND c.oid = top.oid)
        ORDER BY n.nspname, c.relname`,
      [tables.map((t) => t.oid)],
    );
    const nothing: string[] = [];
    const noKey: string[] = [];
    for (const row of r.rows) {
      const name = `${quoteIdent(row.schema)}.${quoteIdent(row.name)}`;
      if (row.relreplident === "n") nothing.push(name);
      else if (row.relreplident === "d" && !row.has_pk) noKey.push(name);
    }
    if (nothing.length + noKey.length === 0) {
      return pass(`all ${r.rows.length} table${r.rows.length === 1 ? "" : "s"} have a primary key or REPLICA IDENTITY FULL / USING INDEX`);
    }
    const reasons = [...nothing.map((t) => `table ${t} has replica identity 'n'/NOTHING`), ...noKey.map((t) => `table ${t} has no primary keys and does not have REPLICA IDENTITY FULL`)];
    const fixes = [
      ...nothing.map((t) => `ALTER TABLE ${t} REPLICA IDENTITY DEFAULT; (with a primary key) or REPLICA IDENTITY FULL;`),
      ...noKey.map((t) => `ALTER TABLE ${t} ADD PRIMARY KEY (<columns>); or ALTER TABLE ${t} REPLICA IDENTITY FULL;`),
    ];
    return fail(listNames(reasons, 3), fixes.join(" "));
  },
};
