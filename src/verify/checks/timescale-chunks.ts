import { TIMESCALE_INTERNAL_SCHEMA } from "../../model/host-profiles";
import { Check, fail, listNames, pass, skip, warn } from "../context";
import { quoteIdent } from "../names";
import { CheckId } from "../types";

/**
 * TimescaleDB keeps a hypertable's rows in chunk tables under `_timescaledb_internal` and creates
 * new chunks continuously; ClickPipes maps changes of a chunk back to its hypertable. The
 * publication must hold that whole schema (`TABLES IN SCHEMA`, PostgreSQL 15+): a table list fixed
 * at plan time misses every later chunk. ClickHouse docs, Timescale source guide
 * (docs/integrations/clickpipes/postgres/source/timescale.mdx @d6e9dae5, read 2026-12-03).
 * Chunk tables: the ordinary tables of `_timescaledb_internal` (where the schema exists).
 */
export const timescaleChunksCheck: Check = {
  id: CheckId.TIMESCALE_CHUNKS,
  cdcOnly: true,
  fallbackFix: `ALTER PUBLICATION <publication> ADD TABLES IN SCHEMA ${TIMESCALE_INTERNAL_SCHEMA}; (as a superuser, PostgreSQL 15+)`,
  async run(ctx) {
    const ns = await ctx.client.query<{ oid: number }>("SELECT oid::int AS oid FROM pg_namespace WHERE nspname = $1", [TIMESCALE_INTERNAL_SCHEMA]);
    if (ns.rows.length === 0) return skip(`no TimescaleDB (no ${TIMESCALE_INTERNAL_SCHEMA} schema)`);
    if (!ctx.publication) return skip("no publication given (--publication or --stack)");
    const pub = await ctx.client.query<{ oid: number; puballtables: boolean }>("SELECT oid::int AS oid, puballtables FROM pg_publication WHERE pubname = $1", [ctx.publication]);
    if (pub.rows.length === 0) return skip(`publication ${ctx.publication} does not exist (see the publication check)`);
    if (pub.rows[0].puballtables) return pass(`publication ${ctx.publication} is FOR ALL TABLES (holds every chunk)`);
    const schemaWide = ctx.major >= 15 && (await ctx.client.query("SELECT 1 FROM pg_publication_namespace WHERE pnpubid = $1 AND pnnspid = $2", [pub.rows[0].oid, ns.rows[0].oid])).rows.length > 0;
    if (schemaWide) return pass(`publication ${ctx.publication} holds the whole ${TIMESCALE_INTERNAL_SCHEMA} schema (TABLES IN SCHEMA)`);
    const chunks = await ctx.client.query<{ name: string; published: boolean }>(
      `SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_publication_rel pr WHERE pr.prpubid = $1 AND pr.prrelid = c.oid) AS published
         FROM pg_class c WHERE c.relnamespace = $2 AND c.relkind = 'r' ORDER BY c.relname`,
      [pub.rows[0].oid, ns.rows[0].oid],
    );
    const p = quoteIdent(ctx.publication);
    const schemaFix = `ALTER PUBLICATION ${p} ADD TABLES IN SCHEMA ${TIMESCALE_INTERNAL_SCHEMA}; (as a superuser)`;
    const missing = chunks.rows.filter((row) => !row.published).map((row) => `${TIMESCALE_INTERNAL_SCHEMA}.${quoteIdent(row.name)}`);
    if (missing.length > 0) {
      return fail(
        `${missing.length} of ${chunks.rows.length} chunk tables of ${TIMESCALE_INTERNAL_SCHEMA} are not in publication ${ctx.publication}: ${listNames(missing)} (their hypertables' changes will not reach ClickHouse)`,
        ctx.major >= 15
          ? schemaFix
          : `ALTER PUBLICATION ${p} ADD TABLE ${missing.join(", ")}; and again for every new chunk (PostgreSQL ${ctx.major} has no TABLES IN SCHEMA; upgrade to 15+ or use FOR ALL TABLES)`,
      );
    }
    if (chunks.rows.length === 0) {
      return ctx.major >= 15
        ? warn(`publication ${ctx.publication} does not hold the ${TIMESCALE_INTERNAL_SCHEMA} schema; chunks created later will be missing`, schemaFix)
        : pass(`${TIMESCALE_INTERNAL_SCHEMA} holds no chunk tables yet`);
    }
    return ctx.major >= 15
      ? warn(`publication ${ctx.publication} lists all ${chunks.rows.length} chunk tables one by one; chunks created later will be missing`, schemaFix)
      : pass(`publication ${ctx.publication} holds all ${chunks.rows.length} chunk tables (PostgreSQL ${ctx.major}: add every new chunk too)`);
  },
};
