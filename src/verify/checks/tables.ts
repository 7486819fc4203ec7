import { lockTimeoutMs } from "../../pg/connection";
import { Check, ExpectedTable, fail, listNames, pass, selectList, skip, stackManagedFix, VerifyContext, warn } from "../context";
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
    const locked: { table: ExpectedTable; holders: string }[] = [];
    for (const t of ctx.tables) {
      try {
        // Excluded columns (--pipe) are not read by ClickPipes: column grants may leave them out.
        await ctx.client.query(`SELECT ${await selectList(ctx, t)} FROM ${t.display} LIMIT 0`);
      } catch (e) {
        if ((e as { code?: string }).code === LOCK_NOT_AVAILABLE && (await canSelect(ctx, t))) {
          // Locked by another session: the privileges are there (read from the catalog, which
          // takes no table lock); the SELECT itself could not run.
          locked.push({ table: t, holders: await lockHolders(ctx, t) });
          continue;
        }
        denied.push(`${t.display} (${String((e as Error).message).split("\n")[0]})`);
        schemas.add(quoteIdent(t.schema));
      }
    }
    if (denied.length > 0) {
      const tables = ctx.tables.filter((t) => denied.some((d) => d.startsWith(`${t.display} (`))).map((t) => t.display);
      return fail(
        `failed to select from table ${listNames(denied, 3)}`,
        stackManagedFix(ctx, `GRANT USAGE ON SCHEMA ${[...schemas].join(", ")} TO ${user}; GRANT SELECT ON ${tables.join(", ")} TO ${user};`),
      );
    }
    if (locked.length > 0) {
      const lockSeconds = lockTimeoutMs(ctx.timeoutSeconds) / 1000;
      return warn(
        `locked by another session, SELECT ... LIMIT 0 waited lock_timeout = ${lockSeconds} s: ${listNames(
          locked.map((l) => `${l.table.display} (${l.holders})`),
          3,
        )}; the user has USAGE and SELECT on them`,
        "wait for that session to end (a long migration or an open transaction holding ACCESS EXCLUSIVE), then run verify again; the pipe's initial load waits on the same lock",
      );
    }
    return pass(`${ctx.tables.length} table${ctx.tables.length === 1 ? "" : "s"} exist and SELECT ... LIMIT 0 works`);
  },
};

/** SQLSTATE lock_not_available: `lock_timeout` expired. */
const LOCK_NOT_AVAILABLE = "55P03";

/** Whether the user may read the table, from the catalog (no table lock needed). */
async function canSelect(ctx: VerifyContext, t: ExpectedTable): Promise<boolean> {
  const r = await ctx.client.query<{ ok: boolean }>("SELECT has_schema_privilege(current_user, $1, 'USAGE') AND has_table_privilege(current_user, $2::oid, 'SELECT') AS ok", [t.schema, t.oid]);
  return r.rows[0]?.ok === true;
}

/** "pid 123 holds AccessExclusiveLock", from pg_locks (readable by every user). */
async function lockHolders(ctx: VerifyContext, t: ExpectedTable): Promise<string> {
  const r = await ctx.client.query<{ pid: number; mode: string }>(
    "SELECT pid, mode FROM pg_locks WHERE locktype = 'relation' AND relation = $1::oid AND granted AND pid <> pg_backend_pid() ORDER BY pid",
    [t.oid],
  );
  if (r.rows.length === 0) return "the lock was released meanwhile";
  return r.rows.map((row) => `pid ${row.pid} holds ${row.mode}`).join(", ");
}
