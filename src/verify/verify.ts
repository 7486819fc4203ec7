/** `verifySource`: run every check against a live source and return the report. */
import type { Client } from "pg";
import { VERIFY_CHECKS } from "./checks";
import { connectNegotiated, lockTimeoutMs, ResolvedConnection, resolveConnection } from "../pg/connection";
import { ExpectedTable, VerifyContext, resolveTables } from "./context";
import { qualified, sameTable } from "./names";
import { readStack, StackExpectations } from "./stack";
import { PipeExpectations, readPipe } from "./pipe";
import { CheckResult, CheckStatus, ConnectionOptions, TableName, VerifyError, VerifyOptions, VerifyReport } from "./types";

/** `replication_mode` of an Initial Load Only pipe. */
const SNAPSHOT_MODE = "snapshot";
/** Reason of a CDC-only check on an Initial Load Only pipe. */
export const INITIAL_LOAD_ONLY_SKIP = "Initial Load Only pipe (replication_mode snapshot): no replication, slot or publication needed";

/** Default seconds before a connection attempt or a query gives up. */
export const DEFAULT_TIMEOUT_SECONDS = 10;

function dedupe(tables: readonly TableName[]): TableName[] {
  const out: TableName[] = [];
  for (const t of tables) if (!out.some((o) => sameTable(o, t))) out.push(t);
  return out;
}

async function expectedTables(
  client: Client,
  explicit: readonly TableName[],
  schemas: readonly string[],
  publication: string | undefined,
): Promise<{ tables: ExpectedTable[]; missingSchemas: string[]; from: VerifyContext["tablesFrom"] }> {
  const names: TableName[] = [...explicit];
  const missingSchemas: string[] = [];
  for (const schema of schemas) {
    const exists = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
    if (exists.rows.length === 0) {
      missingSchemas.push(schema);
      continue;
    }
    const r = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
      [schema],
    );
    names.push(...r.rows.map((row) => ({ schema, name: row.name })));
  }
  if (explicit.length > 0 || schemas.length > 0) return { tables: await resolveTables(client, dedupe(names)), missingSchemas, from: "options" };
  if (publication) {
    const r = await client.query<{ schema: string; name: string }>("SELECT schemaname AS schema, tablename AS name FROM pg_publication_tables WHERE pubname = $1 ORDER BY 1, 2", [publication]);
    if (r.rows.length > 0) return { tables: await resolveTables(client, r.rows), missingSchemas, from: "publication" };
  }
  return { tables: [], missingSchemas, from: "none" };
}

function checkOptions(options: VerifyOptions): number {
  const timeout = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(typeof timeout === "number" && Number.isFinite(timeout) && timeout > 0 && timeout <= 3600)) {
    throw new VerifyError(`--timeout = ${String(timeout)} is not allowed: a number of seconds from 1 to 3600`);
  }
  for (const s of options.schemas ?? []) if (s === "") throw new VerifyError(`--schemas: an empty schema name is not allowed`);
  return timeout;
}

/**
 * The admin login's connection: host, port, database and sslmode default to the ClickPipes
 * connection's; the password comes from its URL or ~/.pgpass, never from PGPASSWORD or PGUSER
 * (those belong to the ClickPipes user).
 */
function resolveAdmin(admin: ConnectionOptions, env: Readonly<Record<string, string | undefined>>, main: ResolvedConnection, timeoutSeconds: number): ResolvedConnection {
  const adminEnv = { ...env, PGUSER: undefined, PGPASSWORD: undefined, PGHOST: undefined, PGPORT: undefined, PGDATABASE: undefined };
  const { host, port, database } = main.target;
  try {
    if (!admin.user && !(admin.url && /@|(^|\s)user\s*=/.test(admin.url)))
      throw new VerifyError("--admin: no user: give the admin login Terraform uses, e.g. --admin postgres://tf_admin@db.example.com/orders");
    const resolved = resolveConnection(admin, adminEnv, { host, port, database }, timeoutSeconds);
    // Without an sslmode of its own the admin connection follows the ClickPipes one.
    const ownMode = admin.url !== undefined && /sslmode/i.test(admin.url);
    return ownMode ? resolved : { ...resolved, sslmode: main.sslmode, attempts: main.attempts, config: { ...resolved.config, ssl: main.attempts[0] } };
  } catch (e) {
    if (e instanceof VerifyError) throw new VerifyError(e.message.replace(/^--url\b/, "--admin").replace(/^(?!--admin)/, "--admin: "));
    throw e;
  }
}

/**
 * A login refused as the stack's user (a wrong password and a role that does not exist look the
 * same to a client, SQLSTATE 28P01; `role ... does not exist` with trust auth) gets a hint: the
 * role exists only once the stack is applied.
 */
function notAppliedHint(e: VerifyError, user: string): VerifyError {
  if (!/password authentication failed|role "[^"]*" does not exist/.test(e.message)) return e;
  return new VerifyError(`${e.message}; not applied yet? role ${user} exists only after the stack is applied (cdktf deploy, or the SQL of cdktf-clickpipes sql); otherwise check the password`);
}

/**
 * Connect as the ClickPipes user and run every check of `VERIFY_CHECKS`. Resolves with the report
 * (including FAILs); rejects with `VerifyError` (one line, no password) when the options are wrong,
 * the stack cannot be read, or the source cannot be reached within the timeout.
 */
export async function verifySource(options: VerifyOptions = {}): Promise<VerifyReport> {
  const timeoutSeconds = checkOptions(options);
  const stack: StackExpectations | undefined = options.stack ? readStack(options.stack) : undefined;
  const pipe: PipeExpectations | undefined = typeof options.pipe === "string" ? readPipe(options.pipe) : options.pipe;
  const env = options.env ?? process.env;
  const resolved = resolveConnection(options.connection ?? {}, env, stack ?? {}, timeoutSeconds);
  const admin = options.admin ? resolveAdmin(options.admin, env, resolved, timeoutSeconds) : undefined;
  const { client, connection, tls } = await connectNegotiated(resolved, timeoutSeconds).catch((e: unknown) => {
    throw stack?.user !== undefined && e instanceof VerifyError ? notAppliedHint(e, stack.user) : e;
  });
  try {
    const info = (
      await client.query<{ num: string; version: string; user: string; rds: boolean }>(
        `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version, current_user AS user,
                current_setting('rds.logical_replication', true) IS NOT NULL AS rds`,
      )
    ).rows[0];
    const versionNum = Number(info.num);
    const publication = options.publication ?? stack?.publication;
    const explicit = dedupe([...(options.tables ?? []), ...(stack?.tables ?? [])]);
    const schemas = [...new Set([...(options.schemas ?? []), ...(stack?.schemas ?? [])])];
    const { tables, missingSchemas, from } = await expectedTables(client, explicit, schemas, publication);
    const settings = new Map<string, string | null>();
    const ctx: VerifyContext = {
      client,
      connection,
      target: connection.target,
      timeoutSeconds,
      versionNum,
      version: info.version.split(" ")[0],
      major: Math.floor(versionNum / 10000),
      user: info.user,
      expectedUser: stack?.user,
      publication,
      tables,
      missingSchemas,
      tablesFrom: from,
      rdsLike: info.rds,
      slotTest: options.slotTest ?? false,
      pipe,
      admin,
      async setting(name) {
        if (!settings.has(name)) {
          const r = await client.query<{ v: string | null }>("SELECT current_setting($1, true) AS v", [name]);
          settings.set(name, r.rows[0].v);
        }
        return settings.get(name) ?? null;
      },
    };
    const checks: CheckResult[] = [];
    const initialLoadOnly = pipe?.replicationMode === SNAPSHOT_MODE;
    for (const check of VERIFY_CHECKS) {
      if (check.cdcOnly && initialLoadOnly) {
        checks.push({ id: check.id, status: CheckStatus.SKIP, reason: INITIAL_LOAD_ONLY_SKIP, fix: null });
        continue;
      }
      try {
        const outcome = await check.run(ctx);
        // Names may hold line breaks (quoted identifiers); the report keeps every reason and fix on one line.
        const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ");
        checks.push({ id: check.id, status: outcome.status, reason: oneLine(outcome.reason), fix: outcome.fix === null ? null : oneLine(outcome.fix) });
      } catch (e) {
        const message = String((e as Error)?.message ?? e).split("\n")[0];
        const locked = (e as { code?: string }).code === "55P03";
        const timedOut = /timeout|canceling statement/i.test(message);
        checks.push({
          id: check.id,
          status: CheckStatus.FAIL,
          reason: locked
            ? `check could not run: an object it reads is locked by another session (lock_timeout = ${lockTimeoutMs(timeoutSeconds) / 1000} s)`
            : timedOut
              ? `check did not finish within ${timeoutSeconds} s: ${message}`
              : `check could not run: ${message}`,
          fix: check.fallbackFix,
        });
        if (/Connection terminated|not queryable|ECONNRESET/i.test(message)) break;
      }
    }
    const count = (s: CheckStatus) => checks.filter((c) => c.status === s).length;
    const summary = { pass: count(CheckStatus.PASS), warn: count(CheckStatus.WARN), fail: count(CheckStatus.FAIL), skip: count(CheckStatus.SKIP) };
    return {
      reportVersion: 1,
      target: connection.target,
      tls,
      serverVersion: ctx.version,
      publication: publication ?? null,
      tables: tables.map((t) => qualified(t)),
      checks,
      summary,
      ok: summary.fail === 0,
    };
  } finally {
    await client.end().catch(() => {});
  }
}
