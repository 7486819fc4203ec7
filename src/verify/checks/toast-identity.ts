import { Check, existingTables, listNames, pass, skip, warn } from "../context";
import { quoteIdent } from "../names";
import { CheckId } from "../types";

/**
 * Tables with TOAST-able columns (storage other than plain: text, jsonb, bytea, numeric, ...)
 * and no REPLICA IDENTITY FULL: an UPDATE that leaves such a value unchanged sends no value for
 * it, and ClickPipes stores NULL.
 */
export const toastIdentityCheck: Check = {
  id: CheckId.TOAST_IDENTITY,
  cdcOnly: true,
  fallbackFix: "ALTER TABLE <table> REPLICA IDENTITY FULL;",
  async run(ctx) {
    const tables = existingTables(ctx);
    if (tables.length === 0) return skip("no tables to check");
    const r = await ctx.client.query<{ schema: string; name: string; columns: string[] }>(
      `SELECT n.nspname AS schema, c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attstorage <> 'p'
        WHERE c.oid = ANY($1::oid[]) AND c.relreplident <> 'f'
        GROUP BY n.nspname, c.relname
        ORDER BY n.nspname, c.relname`,
      [tables.map((t) => t.oid)],
    );
    if (r.rows.length === 0) return pass("no table with TOAST-able columns lacks REPLICA IDENTITY FULL");
    const names = r.rows.map((row) => `${quoteIdent(row.schema)}.${quoteIdent(row.name)}`);
    const detail = r.rows.map((row, i) => `${names[i]} (${listNames(row.columns.map(quoteIdent), 3)})`);
    return warn(
      `TOAST-able columns without REPLICA IDENTITY FULL: unchanged values arrive as NULL on UPDATE: ${listNames(detail, 3)}`,
      names.map((t) => `ALTER TABLE ${t} REPLICA IDENTITY FULL;`).join(" "),
    );
  },
};
