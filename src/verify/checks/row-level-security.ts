import { Check, existingTables, listNames, pass, skip, warn } from "../context";
import { quoteIdent } from "../names";
import { CheckId } from "../types";

/** Row-level security hides rows from a user without BYPASSRLS (the owner is exempt unless FORCEd). */
export const rowLevelSecurityCheck: Check = {
  id: CheckId.ROW_LEVEL_SECURITY,
  fallbackFix: "ALTER ROLE <user> BYPASSRLS;",
  async run(ctx) {
    const tables = existingTables(ctx);
    if (tables.length === 0) return skip("no tables to check");
    const role = (await ctx.client.query<{ bypass: boolean }>("SELECT rolbypassrls OR rolsuper AS bypass FROM pg_roles WHERE rolname = current_user")).rows[0];
    const r = await ctx.client.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.oid = ANY($1::oid[]) AND c.relrowsecurity
          AND (c.relforcerowsecurity OR NOT pg_has_role(current_user, c.relowner, 'USAGE'))
        ORDER BY 1, 2`,
      [tables.map((t) => t.oid)],
    );
    if (r.rows.length === 0) return pass("no row-level security on the tables");
    const names = listNames(r.rows.map((row) => `${quoteIdent(row.schema)}.${quoteIdent(row.name)}`));
    if (role.bypass) return pass(`row-level security on ${names}; ${ctx.user} has BYPASSRLS`);
    return warn(`row-level security is enabled on ${names} and ${ctx.user} lacks BYPASSRLS: the initial load misses the rows its policies hide`, `ALTER ROLE ${quoteIdent(ctx.user)} BYPASSRLS;`);
  },
};
