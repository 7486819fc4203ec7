import { Check, existingTables, listNames, pass, skip, warn } from "../context";
import { quoteIdent } from "../names";
import { CheckId } from "../types";

/** Generated columns are not replicated by ClickPipes: their values never reach ClickHouse. */
export const generatedColumnsCheck: Check = {
  id: CheckId.GENERATED_COLUMNS,
  fallbackFix: "compute the column in ClickHouse (a MATERIALIZED or ALIAS column, or a view)",
  async run(ctx) {
    const tables = existingTables(ctx);
    if (tables.length === 0) return skip("no tables to check");
    if (ctx.major < 12) return skip("no generated columns before PostgreSQL 12");
    const r = await ctx.client.query<{ schema: string; name: string; column: string }>(
      `SELECT n.nspname AS schema, c.relname AS name, a.attname AS column
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE a.attrelid = ANY ($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated <> ''
        ORDER BY 1, 2, a.attnum`,
      [tables.map((t) => t.oid)],
    );
    if (r.rows.length === 0) return pass("no generated columns");
    const cols = r.rows.map((row) => `${quoteIdent(row.schema)}.${quoteIdent(row.name)}.${quoteIdent(row.column)}`);
    return warn(
      `generated columns are not replicated (ClickPipes skips them; ClickHouse gets no values): ${listNames(cols)}`,
      "compute them in ClickHouse (a MATERIALIZED or ALIAS column, or a view over the replicated table)",
    );
  },
};
