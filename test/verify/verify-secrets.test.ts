/**
 * verify's secret handling without a database: the key/value connection string, the secrets found in
 * every form of connection input, redaction of each form, and pgpass lookups.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { escapeControl, runVerify } from "../../src/cli/verify";
import { parseKeyValueConninfo, resolveConnection } from "../../src/pg/connection";
import { collectSecrets, pgpassEntries, pgpassLookup, redact } from "../../src/pg/secrets";
import { VerifyError } from "../../src/verify/types";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verify-secrets-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[], env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const code = await runVerify(args, { out: (s) => void (out += s), err: (s) => void (err += s) }, env);
  return { code, out, err };
}

describe("libpq key/value connection strings", () => {
  it("parses keywords, quoted values and escapes", () => {
    expect(parseKeyValueConninfo("host=db.example.com port=6543 dbname=orders user=cp password='a b\\'c\\\\d' sslmode=require")).toEqual({
      host: "db.example.com",
      port: 6543,
      database: "orders",
      user: "cp",
      password: "a b'c\\d",
      sslmode: "require",
    });
    expect(parseKeyValueConninfo("  hostaddr = 10.0.0.5   user=cp ")).toMatchObject({ host: "10.0.0.5", user: "cp" });
  });

  it("refuses unknown keywords, bad ports and unterminated quotes by name, never echoing values", () => {
    const cases: [string, string][] = [
      [
        "host=h password=Secr3t-pw bogus=Secr3t-pw",
        'keyword "bogus" is not allowed in the connection string: allowed host, hostaddr, port, dbname, user, password, sslmode, connect_timeout, application_name',
      ],
      ["host=h port=70000 password=Secr3t-pw", 'port = "70000" is not allowed: an integer from 1 to 65535'],
      ["host=h password='Secr3t-pw", 'the value of "password" has an unterminated quote'],
      ["host=h password", 'keyword "password" has no "=value"'],
    ];
    for (const [input, message] of cases) {
      let thrown: unknown;
      try {
        parseKeyValueConninfo(input);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(VerifyError);
      expect((thrown as Error).message).toContain(message);
      expect((thrown as Error).message).not.toContain("Secr3t");
    }
  });

  it("resolves a key/value string like a URL", () => {
    const r = resolveConnection({ url: "host=db port=5433 dbname=orders user=cp password=pw1234" }, {}, {}, 10);
    expect(r.target).toEqual({ host: "db", port: 5433, database: "orders", user: "cp" });
    expect(r.config.password).toBe("pw1234");
  });
});

describe("secrets of every connection input", () => {
  it("finds the password of URLs (encoded, unencoded, malformed, query), key/value strings, PGPASSWORD and the pgpass file", () => {
    const pgpass = path.join(tmp, "pgpass");
    fs.writeFileSync(pgpass, "# comment\nh:5432:db:u:file\\:pw\\\\1\n*:*:*:*:wild-pw\nmalformed:line\n");
    const secrets = collectSecrets(
      ["postgres://u:p%40ss-one@h/db", "postgres://u:top:secret/x@h/db", "postgres://u@h/db?password=query-pw", "host=h password='kv pw'", "host=h password=kv-plain", "--publication"],
      { PGPASSWORD: "env-pw", PGPASSFILE: pgpass },
    );
    for (const s of ["p%40ss-one", "p@ss-one", "top:secret/x", "query-pw", "kv pw", "kv-plain", "env-pw", "file:pw\\1", "wild-pw"]) {
      expect(secrets).toContain(s);
    }
  });

  it("redacts each secret as given, percent-encoded and JSON-escaped; short ones only where they stand alone", () => {
    const secrets = ['pa"ss\\word', "p@ss", "ab"];
    const text = `a pa"ss\\word b ${JSON.stringify({ x: 'pa"ss\\word' })} c p%40ss d abc ab.`;
    expect(redact(text, secrets)).toBe('a *** b {"x":"***"} c *** d abc ***.');
  });

  it("looks up the pgpass file the way libpq does: first matching line, * wildcards", () => {
    const file = path.join(tmp, "pgpass2");
    fs.writeFileSync(file, "other:5432:*:cp:no\ndb:5432:orders:cp:first\n*:*:*:cp:second\n");
    expect(pgpassEntries(fs.readFileSync(file, "utf8"))).toHaveLength(3);
    expect(pgpassLookup({ PGPASSFILE: file }, { host: "db", port: 5432, database: "orders", user: "cp" })).toBe("first");
    expect(pgpassLookup({ PGPASSFILE: file }, { host: "x", port: 1, database: "y", user: "cp" })).toBe("second");
    expect(pgpassLookup({ PGPASSFILE: file }, { host: "x", port: 1, database: "y", user: "other" })).toBeUndefined();
    expect(pgpassLookup({ PGPASSFILE: path.join(tmp, "none") }, { host: "x", port: 1, database: "y", user: "cp" })).toBeUndefined();
    // A password from the file is used when none is given elsewhere, and never when one is.
    expect(resolveConnection({ url: "postgres://cp@db/orders" }, { PGPASSFILE: file }, {}, 10).config.password).toBe("first");
    expect(resolveConnection({ url: "postgres://cp:given@db/orders" }, { PGPASSFILE: file }, {}, 10).config.password).toBe("given");
  });
});

describe("verify output", () => {
  it("never prints a key/value string's password, and names the bad keyword (the issue's reproduction)", async () => {
    const r = await run(["host=127.0.0.1 port=1 dbname=db user=cp password=kv-Secr3t connect_timeout=1 bogus=1"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'cdktf-clickpipes verify: --url: keyword "bogus" is not allowed in the connection string: allowed host, hostaddr, port, dbname, user, password, sslmode, connect_timeout, application_name\n',
    );
  });

  it("redacts secrets from every line, even where a message would carry them", async () => {
    // The password doubles as an option value: the one-line error quotes the option, redacted.
    const r = await run(["--timeout", "env-Secr3t"], { PGPASSWORD: "env-Secr3t" });
    expect(r.code).toBe(2);
    expect(r.err).toBe('cdktf-clickpipes verify: --timeout = "***" is not allowed: a number of seconds from 1 to 3600\n');
  });

  it("refuses a timeout below 1 s as its message says (1 to 3600)", async () => {
    for (const t of ["0.001", "0.5", "0", "3601", "NaN", ""]) {
      const r = await run(["postgres://u@h/db", "--timeout", t]);
      expect(r.code, t).toBe(2);
      expect(r.err).toBe(`cdktf-clickpipes verify: --timeout = "${t}" is not allowed: a number of seconds from 1 to 3600\n`);
    }
  });

  it("escapes control characters of input in messages", async () => {
    expect(escapeControl("a\u0007b\u001b[31mc\nd\te")).toBe("a\\x07b\\x1b[31mc\nd\te");
    const r = await run(["--bogus\u001b[2J"]);
    expect(r.err).toBe(`cdktf-clickpipes verify: unknown option --bogus\\x1b[2J; run "cdktf-clickpipes verify --help" for the options\n`);
  });

  it("refuses a binary or oversized --stack / --pipe file in one line without echoing its bytes", async () => {
    const binary = path.join(tmp, "binary.json");
    fs.writeFileSync(binary, Buffer.from([0x7b, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0x00]));
    const big = path.join(tmp, "big.json");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 65 * 1024 * 1024);
    for (const flag of ["--stack", "--pipe"]) {
      expect(await run(["postgres://u@h/db", flag, binary])).toEqual({ code: 2, out: "", err: `cdktf-clickpipes verify: ${flag}: ${binary} is not a synthesized stack: binary: not UTF-8 text\n` });
      expect(await run(["postgres://u@h/db", flag, big])).toEqual({
        code: 2,
        out: "",
        err: `cdktf-clickpipes verify: ${flag}: ${big} is not a synthesized stack: ${65 * 1024 * 1024} bytes, over the limit of 67108864\n`,
      });
    }
  });
});
