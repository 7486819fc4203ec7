/**
 * verify connects as libpq does, on real PostgreSQL 16 servers: one with TLS (a self-signed
 * certificate made by openssl) where pg_hba.conf lets clickpipes_user in over TLS only and another
 * user over plain TCP only, and one without TLS. sslmode prefer (also no sslmode) and allow reach
 * both; disable and require fail with one line. SCRAM is required by default when the password
 * would travel without TLS: md5 and cleartext (`password`) requests are refused with one line and
 * exit 2, `--no-require-scram` answers them, `--require-scram` refuses them over TLS too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifySource } from "../../src/verify/verify";
import { PgServer, startServer } from "../support/harness";
import { cli, CP_PASSWORD, CP_USER, url } from "./verify-fixtures";

const PW = "weak-auth-pw";

async function roles(server: PgServer): Promise<void> {
  const admin = await server.adminClient();
  try {
    await admin.query(`CREATE ROLE ${CP_USER} LOGIN PASSWORD '${CP_PASSWORD}'`);
    await admin.query(`CREATE ROLE plain_only LOGIN PASSWORD '${PW}'`);
    await admin.query(`CREATE ROLE pw_user LOGIN PASSWORD '${PW}'`);
    // md5 authentication needs an md5-stored password (a SCRAM verifier makes "md5" use SCRAM).
    await admin.query("SET password_encryption = 'md5'");
    await admin.query(`CREATE ROLE md5_user LOGIN PASSWORD '${PW}'`);
  } finally {
    await admin.end();
  }
}

describe("verify's sslmode and password rules, as libpq's", () => {
  let tlsServer: PgServer;
  let plainServer: PgServer;
  const reportOf = (u: string) => verifySource({ connection: { url: u }, env: {} });

  beforeAll(async () => {
    [tlsServer, plainServer] = await Promise.all([
      startServer({
        major: 16,
        ssl: true,
        hba: [`hostnossl all ${CP_USER} 127.0.0.1/32 reject`, "hostssl all plain_only 127.0.0.1/32 reject", "hostssl all md5_user 127.0.0.1/32 md5"],
      }),
      startServer({ major: 16, hba: ["host all md5_user 127.0.0.1/32 md5", "host all pw_user 127.0.0.1/32 password"], settings: { log_connections: true } }),
    ]);
    await Promise.all([roles(tlsServer), roles(plainServer)]);
  });
  afterAll(async () => {
    await Promise.all([tlsServer?.stop(), plainServer?.stop()]);
  });

  it("no sslmode and prefer reach a TLS-only login over TLS and a plain-only login without it", async () => {
    expect((await reportOf(url(tlsServer, "postgres"))).tls).toBe(true);
    expect((await reportOf(`${url(tlsServer, "postgres")}?sslmode=prefer`)).tls).toBe(true);
    // TLS is offered, but pg_hba.conf turns plain_only down over TLS: libpq's prefer retries without.
    expect((await reportOf(`${url(tlsServer, "postgres", "plain_only", PW)}?sslmode=prefer`)).tls).toBe(false);
    expect((await reportOf(url(plainServer, "postgres"))).tls).toBe(false);
  });

  it("allow tries plain first, then TLS", async () => {
    expect((await reportOf(`${url(plainServer, "postgres")}?sslmode=allow`)).tls).toBe(false);
    expect((await reportOf(`${url(tlsServer, "postgres", "plain_only", PW)}?sslmode=allow`)).tls).toBe(false);
    expect((await reportOf(`${url(tlsServer, "postgres")}?sslmode=allow`)).tls).toBe(true);
  });

  it("disable and require try one transport and fail with one line", async () => {
    const disable = await cli([`${url(tlsServer, "postgres")}?sslmode=disable`]);
    expect(disable.code).toBe(2);
    expect(disable.err).toMatch(/^cdktf-clickpipes verify: could not connect to clickpipes_user@127\.0\.0\.1:\d+\/postgres: [^\n]*no encryption\n$/);
    const require = await cli([`${url(plainServer, "postgres")}?sslmode=require`]);
    expect(require).toEqual({
      code: 2,
      out: "",
      err: `cdktf-clickpipes verify: could not connect to clickpipes_user@127.0.0.1:${plainServer.port}/postgres: The server does not support SSL connections\n`,
    });
    const both = await cli([`${url(tlsServer, "postgres", CP_USER, "wrong")}`]);
    expect(both.code).toBe(2);
    expect(both.err.split("\n")).toHaveLength(2);
    // Both attempts' reasons, as libpq reports them: TLS (wrong password), then plain (pg_hba.conf).
    expect(both.err).toMatch(
      /: pg_hba\.conf rejects connection for host "127\.0\.0\.1", user "clickpipes_user", database "postgres", no encryption \(sslmode=prefer: tried TLS first: password authentication failed for user "clickpipes_user"\)\n$/,
    );
    expect(both.err).not.toContain("wrong");
  });

  it("refuses md5 and cleartext password requests without TLS by default, with one line and exit 2", async () => {
    const md5 = await cli([url(plainServer, "postgres", "md5_user", PW)]);
    expect(md5).toEqual({
      code: 2,
      out: "",
      err:
        `cdktf-clickpipes verify: could not connect to md5_user@127.0.0.1:${plainServer.port}/postgres: the server asked for the password as an MD5 hash over a connection without TLS; ` +
        "verify sends a password unprotected by TLS only through SCRAM: use scram-sha-256 in pg_hba.conf (with password_encryption = 'scram-sha-256', then set the password again), " +
        "or connect with sslmode=require, or pass --no-require-scram to send it anyway\n",
    });
    const clear = await cli([`${url(plainServer, "postgres", "pw_user", PW)}?sslmode=disable`]);
    expect(clear.code).toBe(2);
    expect(clear.err).toBe(
      `cdktf-clickpipes verify: could not connect to pw_user@127.0.0.1:${plainServer.port}/postgres: the server asked for the password in cleartext over a connection without TLS; ` +
        "verify sends a password unprotected by TLS only through SCRAM: use scram-sha-256 in pg_hba.conf (with password_encryption = 'scram-sha-256', then set the password again), " +
        "or connect with sslmode=require, or pass --no-require-scram to send it anyway\n",
    );
    // Nothing was sent: the server authenticated neither login (log_connections is on).
    const authorized = (user: string) => new RegExp(`connection authorized: user=${user} `).test(plainServer.log());
    expect(authorized("md5_user") || authorized("pw_user")).toBe(false);
    // Opting out answers them (the checks then run: exit 1 for this bare server, not 2).
    expect((await cli([url(plainServer, "postgres", "md5_user", PW), "--no-require-scram"])).code).toBe(1);
    expect((await cli([url(plainServer, "postgres", "pw_user", PW), "--no-require-scram"])).code).toBe(1);
    expect(authorized("md5_user") && authorized("pw_user")).toBe(true);
  });

  it("answers md5 over TLS by default; --require-scram refuses it there too", async () => {
    expect((await reportOf(url(tlsServer, "postgres", "md5_user", PW))).tls).toBe(true);
    const strict = await cli([url(tlsServer, "postgres", "md5_user", PW), "--require-scram"]);
    expect(strict.code).toBe(2);
    expect(strict.err).toBe(
      `cdktf-clickpipes verify: could not connect to md5_user@127.0.0.1:${tlsServer.port}/postgres: the server asked for the password as an MD5 hash and --require-scram allows only SCRAM: ` +
        "use scram-sha-256 in pg_hba.conf (with password_encryption = 'scram-sha-256', then set the password again), or drop --require-scram\n",
    );
    expect((await cli([url(tlsServer, "postgres", CP_USER, CP_PASSWORD), "--require-scram"])).code).toBe(1);
    expect((await cli([url(tlsServer, "postgres"), "--require-scram", "--no-require-scram"])).err).toBe("cdktf-clickpipes verify: --require-scram and --no-require-scram exclude each other\n");
  });
});
