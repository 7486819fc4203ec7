/**
 * verify without a database: argument parsing, table names, URL redaction, reading a synthesized
 * stack, the report schema validator, and the exit code 2 paths (wrong call, refused connection,
 * a server that accepts and never answers).
 */
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { parseVerifyArgs, runVerify } from "../../src/cli/verify";
import { redactUrl, resolveConnection } from "../../src/pg/connection";
import { parseTableName, qualified, splitList } from "../../src/verify/names";
import { readStack } from "../../src/verify/stack";
import { brokenReleaseUpgrade } from "../../src/verify/checks/server-version";
import { VerifyError } from "../../src/verify/types";
import { synthGeneric } from "../support/helpers";
import { validateJsonSchema } from "../support/json-schema";

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "../../schemas/verify-report.schema.json"), "utf8"));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

describe("verify arguments", () => {
  it("parses table names exactly, with quotes for dots", () => {
    expect(parseTableName("public.Orders")).toEqual({ schema: "public", name: "Orders" });
    expect(parseTableName('"my.schema"."a""b"')).toEqual({ schema: "my.schema", name: 'a"b' });
    expect(qualified({ schema: "my.schema", name: "Orders" })).toBe('"my.schema"."Orders"');
    expect(splitList('public.a, "x,y".b ,')).toEqual(["public.a", '"x,y".b']);
    expect(() => parseTableName("orders")).toThrow(/--tables: "orders" is not a table name: no schema/);
    expect(() => parseTableName("a.b.c")).toThrow(/more than one dot outside quotes/);
    expect(() => parseTableName('"a.b')).toThrow(/unterminated quote/);
  });

  it("reads options and the positional URL", () => {
    const p = parseVerifyArgs(["postgres://u@h/db", "--publication=pub", "--tables", "s.a,s.b", "--schemas", "x", "--json", "--slot-test", "--timeout", "3"], {});
    expect(p.json).toBe(true);
    expect(p.options).toMatchObject({
      connection: { url: "postgres://u@h/db" },
      publication: "pub",
      tables: [
        { schema: "s", name: "a" },
        { schema: "s", name: "b" },
      ],
      schemas: ["x"],
      slotTest: true,
      timeoutSeconds: 3,
    });
  });

  it("reads --admin and --require-scram / --no-require-scram", () => {
    const p = parseVerifyArgs(["postgres://u@h/db", "--admin", "postgres://tf_admin@h/db", "--no-require-scram"], {});
    expect(p.options.admin).toEqual({ url: "postgres://tf_admin@h/db", requireScram: false });
    expect(p.options.connection).toEqual({ url: "postgres://u@h/db", requireScram: false });
    expect(parseVerifyArgs(["--require-scram"], {}).options.connection?.requireScram).toBe(true);
    expect(parseVerifyArgs([], {}).options.connection?.requireScram).toBeUndefined();
    expect(() => parseVerifyArgs(["--require-scram", "--no-require-scram"], {})).toThrow("--require-scram and --no-require-scram exclude each other");
    expect(() => parseVerifyArgs(["--admin"], {})).toThrow("option --admin needs a value");
  });

  it("tries the transports of each sslmode in libpq's order", () => {
    const attempts = (mode?: string) => resolveConnection({ url: `postgres://u@h/db${mode ? `?sslmode=${mode}` : ""}` }, {}, {}, 5).attempts;
    const tls = { rejectUnauthorized: false };
    expect(attempts()).toEqual([tls, false]);
    expect(attempts("prefer")).toEqual([tls, false]);
    expect(attempts("allow")).toEqual([false, tls]);
    expect(attempts("disable")).toEqual([false]);
    expect(attempts("require")).toEqual([tls]);
    expect(attempts("verify-full")).toEqual([{ rejectUnauthorized: true }]);
    expect(resolveConnection({}, { PGUSER: "u" }, {}, 5).sslmode).toBe("prefer");
    expect(resolveConnection({}, { PGUSER: "u", PGSSLMODE: "allow" }, {}, 5).attempts).toEqual([false, tls]);
  });

  it("rejects a wrong call with one line and exit 2", async () => {
    for (const [args, message] of [
      [["--bogus"], `unknown option --bogus; run "cdktf-clickpipes verify --help" for the options`],
      [["--timeout", "0"], '--timeout = "0" is not allowed: a number of seconds from 1 to 3600'],
      [["--publication"], "option --publication needs a value"],
      [["postgres://a:secret@h/db", "postgres://b@h/db"], "unexpected argument"],
      [["postgres://b@h/db", "postgres://u:top:secret/x@h/db"], 'unexpected argument "postgres://u:***@h/db"'],
      [["--url", "mysql://u:secret@h/db"], 'scheme "mysql:" is not allowed'],
      [["--stack", "/nonexistent/dir"], "--stack /nonexistent/dir: no such file or folder"],
    ] as const) {
      const c = capture();
      expect(await runVerify([...args], c.io, {})).toBe(2);
      expect(c.err.join("")).toContain(message);
      expect(c.err.join("").trim().split("\n")).toHaveLength(1);
      expect(c.err.join("")).not.toContain("secret");
      expect(c.err.join("")).not.toContain("top:");
      expect(c.err.join("")).not.toMatch(/\n\s+at /);
    }
  });

  it("is registered as a cdktf-clickpipes command", async () => {
    const c = capture();
    const write = process.stdout.write;
    let printed = "";
    process.stdout.write = ((s: string) => ((printed += s), true)) as typeof process.stdout.write;
    try {
      expect(await main(["verify", "--help"])).toBe(0);
      expect(await main(["--help"])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(printed).toContain("usage: cdktf-clickpipes verify");
    expect(printed).toMatch(/verify\s+preflight check/);
    expect(c.err).toEqual([]);
  });

  it("redacts the password of an echoed URL and never puts it in the target", () => {
    expect(redactUrl("postgres://cp:s3cr%40t@db:5432/x?sslmode=require")).toBe("postgres://cp:***@db:5432/x?sslmode=require");
    const r = resolveConnection({ url: "postgres://cp:s3cr%40t@db.example.com:6543/orders?sslmode=require" }, { PGHOST: "other", PGPASSWORD: "envpw" }, {}, 10);
    expect(r.target).toEqual({ host: "db.example.com", port: 6543, database: "orders", user: "cp" });
    expect(r.config.password).toBe("s3cr@t");
    expect(r.config.ssl).toEqual({ rejectUnauthorized: false });
    expect(JSON.stringify(r.target)).not.toContain("s3cr");
  });

  it("takes PG* variables, then the stack", () => {
    const r = resolveConnection({}, { PGUSER: "envuser", PGPORT: "6000", PGSSLMODE: "verify-full" }, { user: "stackuser", host: "stackhost", database: "stackdb", port: 7000 }, 5);
    expect(r.target).toEqual({ host: "stackhost", port: 6000, database: "stackdb", user: "envuser" });
    expect(r.config.ssl).toEqual({ rejectUnauthorized: true });
    expect(r.config.connectionTimeoutMillis).toBe(5000);
    expect(() => resolveConnection({}, {}, {}, 5)).toThrow(VerifyError);
    expect(() => resolveConnection({}, { PGUSER: "u", PGSSLMODE: "sometimes" }, {}, 5)).toThrow(/PGSSLMODE: sslmode = "sometimes" is not allowed/);
  });

  it("names the upgrade for the known-broken minor releases only", () => {
    expect(brokenReleaseUpgrade(170005)).toBe("17.6");
    expect(brokenReleaseUpgrade(160009)).toBe("16.10");
    expect(brokenReleaseUpgrade(130021)).toBe("13.22");
    expect(brokenReleaseUpgrade(160010)).toBeUndefined();
    expect(brokenReleaseUpgrade(170004)).toBeUndefined();
  });
});

describe("verify --stack", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-stack-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("takes user, publication, tables, database, host and port from a synthesized stack", () => {
    const file = path.join(dir, "listed", "cdk.tf.json");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, synthGeneric({ host: "db.internal", port: 6432, database: "orders" }));
    const s = readStack(path.dirname(file));
    expect(s).toMatchObject({
      user: "clickpipes_user",
      publication: "clickpipes_publication",
      database: "orders",
      host: "db.internal",
      port: 6432,
      allTables: false,
      schemas: [],
    });
    expect(s.tables.map(qualified)).toEqual(["inventory.stock_levels", "public.customers", "public.orders", "sales.invoices"]);
  });

  it("reads the schemas of a plan-time table list, and finds the one stack of a cdktf.out", () => {
    const file = path.join(dir, "cdktf.out", "stacks", "orders-db", "cdk.tf.json");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, synthGeneric({ tables: undefined }));
    const s = readStack(path.join(dir, "cdktf.out"));
    expect(s.file).toBe(file);
    expect(s.schemas).toEqual(["public", "sales"]);
    expect(s.tables).toEqual([]);
  });

  it("refuses a file that is not a source stack", () => {
    const file = path.join(dir, "other.json");
    fs.writeFileSync(file, JSON.stringify({ resource: { aws_s3_bucket: { b: {} } } }));
    expect(() => readStack(file)).toThrow(/has no postgresql_role or postgresql_publication resource/);
  });
});

describe("verify connection failures", () => {
  let silent: net.Server;
  let silentPort = 0;
  const sockets: net.Socket[] = [];
  beforeAll(async () => {
    silent = net.createServer((s) => void sockets.push(s)); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
    silentPort = (silent.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise((r) => silent.close(r));
  });

  it("gives up on a server that accepts and never answers, with one line and exit 2", async () => {
    const c = capture();
    const code = await runVerify(["--url", `postgres://cp:topsecret@127.0.0.1:${silentPort}/db`, "--timeout", "1"], c.io, {});
    expect(code).toBe(2);
    expect(c.err.join("")).toBe(
      `cdktf-clickpipes verify: could not connect to cp@127.0.0.1:${silentPort}/db: no answer within 1 s (timeout); check host, port, firewall and that it is PostgreSQL (--timeout to wait longer)\n`,
    );
    expect(c.out).toEqual([]);
  });

  it("reports a refused connection with exit 2", async () => {
    const free = await new Promise<number>((r) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => r(p));
      });
    });
    const c = capture();
    expect(await runVerify([], c.io, { PGHOST: "127.0.0.1", PGPORT: String(free), PGUSER: "cp", PGPASSWORD: "pw", PGDATABASE: "d" })).toBe(2);
    expect(c.err.join("")).toBe(`cdktf-clickpipes verify: could not connect to cp@127.0.0.1:${free}/d: connection refused (is the server running and listening on that port?)\n`);
  });
});

describe("verify report schema validator", () => {
  const good = {
    reportVersion: 1,
    target: { host: "h", port: 5432, database: "d", user: "u" },
    tls: false,
    serverVersion: "16.14",
    publication: null,
    tables: ["public.t"],
    checks: [
      { id: "wal_level", status: "PASS", reason: "wal_level is logical", fix: null },
      { id: "publication", status: "FAIL", reason: "publication does not exist: p", fix: "CREATE PUBLICATION p FOR TABLE public.t;" },
    ],
    summary: { pass: 1, warn: 0, fail: 1, skip: 0 },
    ok: false,
  };

  it("accepts a well-formed report", () => {
    expect(validateJsonSchema(schema, good)).toEqual([]);
  });

  it("rejects reports that break the shape", () => {
    const bad = (patch: (r: any) => void) => {
      const r = JSON.parse(JSON.stringify(good));
      patch(r);
      return validateJsonSchema(schema, r);
    };
    expect(bad((r) => (r.checks[1].fix = null))).toEqual(["$.checks[1].fix: is null, expected string"]);
    expect(bad((r) => (r.checks[0].fix = "x"))).toEqual(["$.checks[0].fix: is string, expected null"]);
    expect(bad((r) => (r.checks[0].status = "OK"))).toEqual(['$.checks[0].status: "OK" is not one of ["PASS","WARN","FAIL","SKIP"]']);
    expect(bad((r) => (r.checks[0].reason = "two\nlines"))).toEqual(["$.checks[0].reason: does not match ^[^\\n]*$"]);
    expect(bad((r) => (r.target.password = "x"))).toEqual(['$.target: unexpected property "password"']);
    expect(bad((r) => delete r.ok)).toEqual(['$: missing required property "ok"']);
    expect(bad((r) => (r.target.port = 70000))).toEqual(["$.target.port: above 65535"]);
    expect(bad((r) => (r.reportVersion = 2))).toEqual(["$.reportVersion: must be 1"]);
  });

  it("refuses a schema with a keyword the validator does not know (ajv strict mode)", () => {
    expect(() => validateJsonSchema({ type: "object", propertiez: {} }, {})).toThrow(/unknown keyword: "propertiez"/);
  });
});
