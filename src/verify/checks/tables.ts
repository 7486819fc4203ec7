import { Check, fail, listNames, pass, selectList, skip } from "../context";
import { quoteIdent } from "../names";
import { CheckId } from "../types";

/** Every expected table exists, is a table, and `SELECT * FROM t LIMIT 0` works as the user. */
export const tablesCheck: Check = {
  id: CheckId.TABLES,
  fallbackFix: "GRANT USAGE ON SCHEMA <schema> TO <user>; GRANT SELECT ON <schema>.<table> TO <user>;",
  async run(ctx) {
    const user = quoteIdent(ctx.user);
    if (ctx.missingSchemas.length > 0) {
      return fail(`schemas do not exist: ${listNames(ctx.missingSchemas.map(quoteIdent))}`, "create the schema or correct --schemas / the stack's schemas (names are case-sensitive)");
    }
    if (ctx.tables.length === 0) {
      return skip(ctx.tablesFrom === "options" ? "the given schemas hold no tables" : "no tables given (--tables, --schemas or --stack) and none in a publication");
    }
    const missing = ctx.tables.filter((t) => t.oid === null).map((t) => t.display);
    if (missing.length > 0) {
      return fail(`source tables do not exist: ${listNames(missing)}`, "create the tables, or correct the names (case-sensitive, schema.table) in --tables / the stack");
    }
    const notTables = ctx.tables.filter((t) => t.relkind !== "r" && t.relkind !== "p").map((t) => t.display);
    if (notTables.length > 0) {
      return fail(`not tables (views, sequences or foreign tables cannot be replicated): ${listNames(notTables)}`, "replicate the underlying tables instead");
    }
    const denied: string[] = [];
    const schemas = new Set<string>();
    for (const t of ctx.tables) {
      try {
        // Excluded columns (--pipe) are not read by ClickPipes: column grants may leave them out.
        await ctx.client.query(`SELECT ${await selectList(ctx, t)} FROM ${t.display} LIMIT 0`);
      } catch (e) {
        denied.push(`${t.display} (${String((e as Error).message).split("\n")[0]})`);
        schemas.add(quoteIdent(t.schema));
      }
    }
    if (denied.length > 0) {
      const tables = ctx.tables.filter((t) => denied.some((d) => d.startsWith(`${t.display} (`))).map((t) => t.display);
      return fail(
        `failed to select from table ${listNames(denied, 3)}`,
        `GRANT USAGE ON SCHEMA ${[...schemas].join(", ")} TO ${user}; GRANT SELECT ON ${tables.join(", ")} TO ${user};`,
      );
    }
    return pass(`${ctx.tables.length} table${ctx.tables.length === 1 ? "" : "s"} exist and SELECT ... LIMIT 0 works`);
  },
};
