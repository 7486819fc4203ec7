import { Client } from "pg";
import { Check, existingTables, fail, listNames, pass, skip } from "../context";
import { quoteIdent, sameTable } from "../names";
import { CheckId } from "../types";

/** Columns of a table, and the columns of its replica identity (null for REPLICA IDENTITY FULL). */
export async function identityColumns(client: Client, oid: number): Promise<{ columns: string[]; identity: string[] | null; replident: string }> {
  const cols = await client.query<{ attname: string }>("SELECT attname FROM pg_attribute WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped ORDER BY attnum", [oid]);
  const rel = await client.query<{ relreplident: string }>("SELECT relreplident::text AS relreplident FROM pg_class WHERE oid = $1", [oid]);
  const replident = rel.rows[0]?.relreplident ?? "d";
  if (replident === "f") return { columns: cols.rows.map((r) => r.attname), identity: null, replident };
  const idx = await client.query<{ attname: string }>(
    `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = $1 AND (CASE WHEN $2 = 'i' THEN i.indisreplident ELSE i.indisprimary END) ORDER BY a.attnum`,
    [oid, replident],
  );
  return { columns: cols.rows.map((r) => r.attname), identity: replident === "n" ? [] : idx.rows.map((r) => r.attname), replident };
}

/**
 * The pipe's per-table settings against the live tables: excluded columns exist and are not part of
 * the replica identity (primary key / identity index); sorting-key columns exist and are covered by
 * the replica identity (or the table has REPLICA IDENTITY FULL).
 */
export const pipeColumnsCheck: Check = {
  id: CheckId.PIPE_COLUMNS,
  fallbackFix: "ALTER TABLE <table> REPLICA IDENTITY FULL; or change excludedColumns / sortingKeys",
  async run(ctx) {
    const settings = ctx.pipe?.tables ?? [];
    if (settings.length === 0) return skip("the pipe excludes no columns and uses no custom sorting key");
    const problems: string[] = [];
    const fixes: string[] = [];
    for (const t of existingTables(ctx)) {
      const s = settings.find((x) => sameTable(x, t));
      if (!s) continue;
      const { columns, identity, replident } = await identityColumns(ctx.client, t.oid);
      const missing = [...s.excludedColumns, ...(s.sortingKeys ?? [])].filter((c) => !columns.includes(c));
      if (missing.length > 0) {
        problems.push(`${t.display} has no column ${[...new Set(missing)].map(quoteIdent).join(", ")}`);
        fixes.push(`correct the column names of ${t.display} in the pipe's tableOptions (case-sensitive)`);
        continue;
      }
      const excludedKey = identity === null ? [] : s.excludedColumns.filter((c) => identity.includes(c));
      if (excludedKey.length > 0) {
        problems.push(`${t.display}: excluded column ${excludedKey.map(quoteIdent).join(", ")} is part of the ${replident === "i" ? "replica identity index" : "primary key"}`);
        fixes.push(`keep ${excludedKey.map(quoteIdent).join(", ")} of ${t.display} (remove it from excludedColumns)`);
      }
      const uncovered = identity === null ? [] : (s.sortingKeys ?? []).filter((c) => !identity.includes(c));
      if (uncovered.length > 0) {
        problems.push(
          `${t.display}: sorting key column ${uncovered.map(quoteIdent).join(", ")} is not covered by the replica identity (${identity!.length > 0 ? identity!.map(quoteIdent).join(", ") : "none"})`,
        );
        fixes.push(`ALTER TABLE ${t.display} REPLICA IDENTITY FULL; (or sort by primary-key columns only)`);
      }
    }
    if (problems.length > 0) return fail(listNames(problems, 3), fixes.join(" "));
    return pass(`excluded columns and sorting keys of ${settings.length} table${settings.length === 1 ? "" : "s"} fit their replica identity`);
  },
};
