/**
 * The SQL preview never shows the password (issue 10), proven on a real PostgreSQL 15 with the real
 * psql when the machine has one: the statement carrying the password is made to fail on purpose,
 * with the server logging statements and errors, and psql's stdout/stderr and the server log are
 * searched for the password. Three runners:
 *
 * - a role without CREATEROLE that may set the logging settings (GRANT SET ON PARAMETER, 15+), with
 *   log_statement = 'all';
 * - a role without CREATEROLE that may not set them (the script goes on with a NOTICE), with
 *   log_statement = 'ddl' and no duration logging (with log_statement = 'all' or
 *   log_min_duration_statement = 0 the server logs the set_config statement that hands the password
 *   over, as it logs Terraform's own CREATE ROLE ... PASSWORD: the script header says so);
 * - a superuser whose transactions are read-only, with log_statement = 'all': first the create
 *   path fails (CREATE ROLE), then, with the role created, the update path (ALTER ROLE ... PASSWORD).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderStackSql } from "../../src/render/sql";
import { findPsql, PgServer, runPsqlScript, runRealPsql, startServer } from "../support/harness";

const MARKER = "Zq9-marker";
/** A password with a quote, a double quote, a backslash and a colon around a marker to search for. */
const PASSWORD = `${MARKER}-'x" \\ :y`;
const DATABASE = "orders";
/** What PostgreSQL 15 says to a role without CREATEROLE creating a REPLICATION role (16+: permission denied to create role). */
const DENIED = /must be superuser to create replication users|permission denied to create role/;

const STACK = {
  resource: {
    postgresql_role: {
      cp: { name: "clickpipes_user", login: true, replication: true, password_wo: "${var.clickpipes_password}", password_wo_version: "1" },
    },
  },
  provider: { postgresql: [{ database: DATABASE }] },
};

describe("the SQL preview never shows the password (PostgreSQL 15)", () => {
  let server: PgServer;
  let admin: Client;
  let tmp = "";
  let file = "";
  const psql = findPsql();

  beforeAll(async () => {
    server = await startServer({
      major: 15,
      settings: { log_statement: "all", log_min_error_statement: "error", log_error_verbosity: "verbose", log_min_duration_statement: 0 },
    });
    await server.query(`CREATE DATABASE ${DATABASE}`);
    admin = await server.adminClient(DATABASE);
    await admin.query(`
      CREATE ROLE runner_granted LOGIN PASSWORD 'runner-pw' NOCREATEROLE;
      GRANT SET ON PARAMETER log_statement, log_min_duration_statement, log_min_error_statement, log_error_verbosity TO runner_granted;
      CREATE ROLE runner_plain LOGIN PASSWORD 'runner-pw' NOCREATEROLE;
      ALTER ROLE runner_plain SET log_statement = 'ddl';
      ALTER ROLE runner_plain SET log_min_duration_statement = -1;
      CREATE ROLE su_readonly LOGIN SUPERUSER PASSWORD 'runner-pw';
      ALTER ROLE su_readonly SET default_transaction_read_only = on;
    `);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "render-sql-password-"));
    file = path.join(tmp, "preview.sql");
    const { sql, notRendered } = renderStackSql(STACK);
    expect(notRendered).toEqual([]);
    fs.writeFileSync(file, sql);
  });
  afterAll(async () => {
    await admin?.end().catch(() => {});
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Run the script as `user`; its exit status and everything it printed. */
  async function run(user: string, args: string[] = []): Promise<{ failed: boolean; output: string; via: string }> {
    if (psql) {
      const r = runRealPsql(psql, { host: server.host, port: server.port, user, password: "runner-pw", database: DATABASE, file, vars: { clickpipes_password: PASSWORD }, args });
      return { failed: r.status !== 0, output: `${r.stdout}\n${r.stderr}`, via: psql };
    }
    const client = await server.connect({ user, password: "runner-pw", database: DATABASE });
    try {
      await runPsqlScript(client, fs.readFileSync(file, "utf8"), { clickpipes_password: PASSWORD });
      return { failed: false, output: "", via: "test harness" };
    } catch (e) {
      // The harness quotes the failing statement itself: keep only the server's message.
      return {
        failed: true,
        output: String((e as Error).message)
          .split("\n")[0]
          .replace(/^statement \d+ of \d+ failed: /, ""),
        via: "test harness",
      };
    } finally {
      await client.end();
    }
  }

  /** The server log written while `fn` ran. */
  async function logDuring<T>(fn: () => Promise<T>): Promise<{ result: T; log: string }> {
    const before = server.log().length;
    const result = await fn();
    await new Promise((r) => setTimeout(r, 300)); // let the server flush its log
    return { result, log: server.log().slice(before) };
  }

  const hits = (text: string) => text.split(MARKER).length - 1;

  it("a role without CREATEROLE that may change the logging settings: the CREATE ROLE fails, log_statement = 'all'", async () => {
    const { result, log } = await logDuring(() => run("runner_granted"));
    expect(result.failed).toBe(true);
    expect(result.output).toMatch(DENIED);
    expect(log).toMatch(new RegExp(`ERROR: {2}(42501: )?(${DENIED.source})`)); // errors are logged (terse: the script set log_error_verbosity) ...
    expect(log).toMatch(/LOG: {2}00000: statement: DO \$cdktf\$/); // ... and so are statements, up to the quiet block
    expect({ output: hits(result.output), log: hits(log), via: result.via }).toEqual({ output: 0, log: 0, via: result.via });
  });

  it("a role without CREATEROLE that may not change them: a NOTICE, the same error, nothing shown (log_statement = 'ddl')", async () => {
    const { result, log } = await logDuring(() => run("runner_plain"));
    expect(result.failed).toBe(true);
    expect(result.output).toMatch(DENIED);
    if (psql) expect(result.output).toMatch(/cannot set log_statement here \(not a superuser\)/);
    expect(log).toMatch(new RegExp(`ERROR: {2}(42501: )?(${DENIED.source})`));
    expect(log).toMatch(/STATEMENT: {2}DO \$cdktf\$/); // log_min_error_statement is kept: the failing DO block is logged, without the password
    expect({ output: hits(result.output), log: hits(log) }).toEqual({ output: 0, log: 0 });
  });

  it("a superuser in read-only transactions: CREATE ROLE, then ALTER ROLE ... PASSWORD fail, log_statement = 'all'", async () => {
    const create = await logDuring(() => run("su_readonly"));
    expect(create.result.failed).toBe(true);
    expect(create.result.output).toMatch(/cannot execute CREATE ROLE in a read-only transaction/);
    expect(create.log).toMatch(/ERROR: {2}(25006: )?cannot execute CREATE ROLE in a read-only transaction/);
    expect({ output: hits(create.result.output), log: hits(create.log) }).toEqual({ output: 0, log: 0 });

    await admin.query("CREATE ROLE clickpipes_user LOGIN REPLICATION");
    const update = await logDuring(() => run("su_readonly"));
    expect(update.result.failed).toBe(true);
    expect(update.result.output).toMatch(/cannot execute ALTER ROLE in a read-only transaction/);
    expect(update.log).toMatch(/ERROR: {2}(25006: )?cannot execute ALTER ROLE in a read-only transaction/);
    expect({ output: hits(update.result.output), log: hits(update.log) }).toEqual({ output: 0, log: 0 });
    await admin.query("DROP ROLE clickpipes_user");
  });

  it.runIf(psql)("psql -e (echo every query) and psql -b (echo the failing one): the queries carrying the password are not echoed", async () => {
    const echoAll = await run("su_readonly", ["-e"]);
    expect(echoAll.failed).toBe(true);
    expect(echoAll.output).toMatch(/DO \$cdktf\$/); // echoing is on outside the password's transaction
    expect(echoAll.output).toMatch(/cannot execute CREATE ROLE in a read-only transaction/);
    expect(hits(echoAll.output)).toBe(0);
    const echoErrors = await run("su_readonly", ["-b"]);
    expect(echoErrors.output).toMatch(/cannot execute CREATE ROLE in a read-only transaction/);
    expect(hits(echoErrors.output)).toBe(0);
  });

  it("the same script as the admin applies, and the role logs in with the password as the provider stores it", async () => {
    const r = psql
      ? runRealPsql(psql, { host: server.host, port: server.port, user: server.adminUser, password: server.adminPassword, database: DATABASE, file, vars: { clickpipes_password: PASSWORD } })
      : undefined;
    if (r) expect(r.status, r.stderr).toBe(0);
    else await runPsqlScript(admin, fs.readFileSync(file, "utf8"), { clickpipes_password: PASSWORD });
    // pqQuoteLiteral() doubles the backslash; the preview mirrors the provider.
    const user = await server.connect({ user: "clickpipes_user", password: PASSWORD.replace(/\\/g, "\\\\"), database: DATABASE });
    await user.end();
  });
});
