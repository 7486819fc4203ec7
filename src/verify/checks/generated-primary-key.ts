import { Check, existingTables, fail, pass, skip } from "../context";
import { quoteIdent } from "../names";
import { CheckId } from "../types";

/**
 * A generated column inside a primary key: its values never reach ClickHouse (pgoutput does not
 * publish generated columns), so the destination cannot identify and deduplicate rows. ClickHouse
 * docs, "Postgres generated columns: gotchas and best practices" (ClickHouse/ClickHouse
 * docs/integrations/clickpipes/postgres/postgres-generated-columns.mdx @5ada7215, read 2026-12-03):
 * "avoid including generated columns as part of the primary key".
 */
export const generatedPrimaryKeyCheck: Check = {
  id: CheckId.GENERATED_PRIMARY_KEY,
  fallbackFix: "build the primary key from stored (non-generated) columns",
  async run(ctx) {
    const tables = existingTables(ctx);
    if (tables.length === 0) return skip("no tables to check");
    if (ctx.major < 12) return skip("no generated columns before PostgreSQL 12");
    const r = await ctx.client.query<{ schema: string; name: string; constraint: string; column: string; key_columns: string[] }>(
      `SELECT n.nspname AS schema, c.relname AS name, con.conname AS constraint, a.attname AS column,
              ARRAY(SELECT k.attname FROM unnest(i.indkey) WITH ORDINALITY AS u(attnum, ord)
                      JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = u.attnum ORDER BY u.ord)::text[] AS key_columns
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.contype = 'p'
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = ANY ($1::oid[]) AND i.indisprimary AND a.attgenerated <> ''
        ORDER BY 1, 2, a.attnum`,
      [tables.map((t) => t.oid)],
    );
    if (r.rows.length === 0) return pass("no generated column in a primary key");
    const reasons: string[] = [];
    const fixes: string[] = [];
    const byTable = new Map<string, typeof r.rows>();
    for (const row of r.rows) {
      const key = `${quoteIdent(row.schema)}.${quoteIdent(row.name)}`;
      byTable.set(key, [...(byTable.get(key) ?? []), row]);
    }
    for (const [table, rows] of byTable) {
      const generated = rows.map((row) => row.column);
      const stored = rows[0].key_columns.filter((c) => !generated.includes(c)).map(quoteIdent);
      reasons.push(`generated column ${generated.map(quoteIdent).join(", ")} is part of the primary key of ${table}`);
      fixes.push(`ALTER TABLE ${table} DROP CONSTRAINT ${quoteIdent(rows[0].constraint)}, ADD PRIMARY KEY (${[...stored, "<stored columns>"].join(", ")});`);
    }
    return fail(
      `${reasons.join("; ")} (generated columns are not replicated, so ClickHouse cannot deduplicate these rows)`,
      `${fixes.join(" ")} (a key of stored columns only; compute the generated value in ClickHouse)`,
    );
  },
};
