/**
 * verify on a real PostgreSQL 16 with every form of connection input: the password never reaches
 * stdout, stderr or the JSON report; a missing password is one line with exit 2; a table locked by
 * another session is reported as a lock, not as missing grants.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckId, CheckStatus, VerifyReport } from "../../src/verify/types";
import { PgServer, startServer } from "../support/harness";
import { APP_OWNER_SQL, APP_TABLES_SQL, applyDefaultStack, check, cli, CP_PASSWORD, CP_USER, createDatabase, PUBLICATION, url } from "./verify-fixtures";

describe("verify's secrets and locks on PostgreSQL 16", () => {
  let server: PgServer;
  let tmp: string;
  let stackFile: string;
  // A role whose password is also the name of its database: the report names the database, so
  // only redaction keeps the password out of it.
  const SECRET_DB = "secretdb_pw_4711";

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verify-secrets-it-"));
    server = await startServer({ major: 16, walLevel: "logical", settings: { max_wal_senders: 10, max_replication_slots: 10, max_slot_wal_keep_size: 102400 } });
    await server.query(APP_OWNER_SQL);
    await createDatabase(server, "good", APP_TABLES_SQL);
    stackFile = await applyDefaultStack(server, "good", path.join(tmp, "stack"));
    await server.query(`CREATE ROLE secret_user LOGIN PASSWORD '${SECRET_DB}'`);
    await server.query(`CREATE DATABASE ${SECRET_DB} OWNER secret_user`);
  });
  afterAll(async () => {
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const kv = (password: string, database = "good", user = CP_USER) => `host=${server.host} port=${server.port} dbname=${database} user=${user} password='${password}'`;

  it("connects with a key/value string, PGPASSWORD and PGPASSFILE, and prints none of them", async () => {
    const pgpass = path.join(tmp, "pgpass");
    fs.writeFileSync(pgpass, `${server.host}:${server.port}:good:${CP_USER}:${CP_PASSWORD}\n`, { mode: 0o600 });
    const bare = `postgres://${CP_USER}@${server.host}:${server.port}/good`;
    for (const [args, env] of [
      [[kv(CP_PASSWORD), "--stack", stackFile], {}],
      [[bare, "--stack", stackFile], { PGPASSWORD: CP_PASSWORD }],
      [[bare, "--stack", stackFile, "--json"], { PGPASSFILE: pgpass }],
    ] as [string[], Record<string, string>][]) {
      const r = await cli(args, env);
      expect(r.code, r.err + r.out).toBe(0);
      expect(r.out + r.err).not.toContain(CP_PASSWORD);
    }
  });

  it("keeps the password out of a failed connection's line for every form", async () => {
    const wrong = "Wr0ng-Secr3t-pw";
    const bare = `postgres://${CP_USER}@${server.host}:${server.port}/good`;
    const pgpass = path.join(tmp, "pgpass-wrong");
    fs.writeFileSync(pgpass, `*:*:*:*:${wrong}\n`, { mode: 0o600 });
    for (const [args, env] of [
      [[kv(wrong)], {}],
      [[url(server, "good", CP_USER, wrong)], {}],
      [[bare], { PGPASSWORD: wrong }],
      [[bare], { PGPASSFILE: pgpass }],
    ] as [string[], Record<string, string>][]) {
      const r = await cli(args, env);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`cdktf-clickpipes verify: could not connect to ${CP_USER}@${server.host}:${server.port}/good: password authentication failed for user "${CP_USER}"\n`);
      expect(r.out).toBe("");
    }
  });

  it("--json stays JSON when a name holds C1 control characters (escaped as \\u00NN, not \\xNN)", async () => {
    // JSON.stringify leaves U+0080-U+009F raw; the terminal escaping after it once wrote them as
    // `\x9b`, which no JSON parser reads. jsonText writes `\u009b`: the same value, safe on a terminal.
    const r = await cli([url(server, "good"), "--json", "--publication", "pub\u009bx", "--tables", "public.t\u0085u"]);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/[\u0080-\u009f]/);
    expect(r.out).toContain("\\u009b");
    const report = JSON.parse(r.out) as VerifyReport;
    expect(report.publication).toBe("pub\u009bx");
    expect(report.tables.join(" ")).toContain("\u0085");
  });

  it("redacts the password from the JSON report and the text report", async () => {
    const json = await cli([`postgres://secret_user:${SECRET_DB}@${server.host}:${server.port}/${SECRET_DB}`, "--json", "--tables", "public.none"]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as VerifyReport;
    expect(report.target.database).toBe("***");
    expect(json.out).not.toContain(SECRET_DB);
    const text = await cli([kv(SECRET_DB, SECRET_DB, "secret_user"), "--tables", "public.none"]);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`verify secret_user@${server.host}:${server.port}/***`);
    expect(text.out + text.err).not.toContain(SECRET_DB);
  });

  it("says in one line, exit 2, that no password was given when the server asks for one", async () => {
    const home = fs.mkdtempSync(path.join(tmp, "home-")); // no ~/.pgpass there
    for (const args of [[`postgres://${CP_USER}@${server.host}:${server.port}/good`], [`host=${server.host} port=${server.port} dbname=good user=${CP_USER}`]]) {
      const r = await cli(args, { HOME: home });
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `cdktf-clickpipes verify: could not connect to ${CP_USER}@${server.host}:${server.port}/good: the server asks for a password and none was given: put it in the URL or key/value string, in PGPASSWORD, or in PGPASSFILE (~/.pgpass)\n`,
      );
    }
  });

  it("reports a table locked by another session as a lock (lock_timeout), not as missing grants", async () => {
    const locker = await server.adminClient("good");
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE");
      const pid = (await locker.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      const r = await cli([url(server, "good"), "--stack", stackFile, "--json", "--timeout", "2"]);
      const report = JSON.parse(r.out) as VerifyReport;
      const tables = check(report, CheckId.TABLES);
      expect(tables.status).toBe(CheckStatus.WARN);
      expect(tables.reason).toBe(
        `locked by another session, SELECT ... LIMIT 0 waited lock_timeout = 1 s: public.orders (pid ${pid} holds AccessExclusiveLock); the user has USAGE and SELECT on them`,
      );
      expect(tables.fix).not.toContain("GRANT");
      expect(r.code, JSON.stringify(report.checks.filter((c) => c.status === CheckStatus.FAIL))).toBe(0);
      // A locked table the user may NOT read is still a missing grant.
      await locker.query("ROLLBACK");
      await locker.query(`REVOKE SELECT ON public.orders FROM ${CP_USER}`);
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE");
      const denied = JSON.parse((await cli([url(server, "good"), "--publication", PUBLICATION, "--tables", "public.orders", "--json", "--timeout", "2"])).out) as VerifyReport;
      expect(check(denied, CheckId.TABLES).status).toBe(CheckStatus.FAIL);
      expect(check(denied, CheckId.TABLES).fix).toContain("GRANT SELECT ON public.orders");
    } finally {
      await locker.query("ROLLBACK");
      await locker.query(`GRANT SELECT ON public.orders TO ${CP_USER}`);
      await locker.end();
    }
  });
});
