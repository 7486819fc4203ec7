/**
 * Hostile-input corpus (issue 10): names and addresses an adversarial user would try. Each case
 * either makes synth refuse with ONE line naming the field and write nothing, or every artefact is
 * safe: the rendered pg_hba.conf parses on a real server (no error rows in pg_hba_file_rules, the
 * configured database, user and network per line), the SQL preview applies twice and creates
 * exactly the named objects, and the -aws stack's ingress rules carry the normalized CIDRs.
 *
 * Servers: PostgreSQL 18 runs everything; 12 and 16 (16 added `/regex` fields to pg_hba) parse the
 * pg_hba files only. One server per major, reused by every case.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Client } from "pg";
import { listFiles as listTree } from "../../src/util/file-tree";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app/app";
import { warningsOf } from "../../src/tf/annotations";
import { AppConfig, AuroraSourceConfig, GenericSourceConfig } from "../../src/model/app-config";
import { parseCidr } from "../../src/model/cidr";
import { alterSystemStatement, confLine } from "../../src/model/quoting/conf";
import { ValidationError } from "../../src/model/validation";
import { renderStackSql } from "../../src/render/sql";
import { auroraSource } from "../support/aws-helpers";
import { genericSource } from "../support/helpers";
import { PgServer, quoteIdentifier, quoteLiteral, runPsqlScript, startServer } from "../support/harness";

type Over = Partial<GenericSourceConfig>;

interface Case {
  readonly title: string;
  readonly over: Over;
  /** Refused: the field the one line names. Omitted: must synthesize safely. */
  readonly refusedField?: string;
}

// A small valid base: one schema granted whole and one table-scoped grant.
const BASE: Over = { database: "orders", schemas: [{ name: "public" }], tables: ["public.customers", "inv.stock"], network: { allowedCidrs: ["203.0.113.7/32"] } };
const withNames = (over: Over): Over => ({ ...BASE, ...over });

const NAME_CASES: Case[] = [
  // Refused: what a format cannot carry, and publication names the provider would not quote.
  { title: "publication with upper case", over: withNames({ publication: { name: "Orders" } }), refusedField: "publication.name" },
  { title: "publication with ; (SQL injection through the provider)", over: withNames({ publication: { name: "p; DROP ROLE postgres" } }), refusedField: "publication.name" },
  { title: "publication with a newline", over: withNames({ publication: { name: "p\nx" } }), refusedField: "publication.name" },
  { title: "publication of 64 bytes", over: withNames({ publication: { name: "p".repeat(64) } }), refusedField: "publication.name" },
  { title: "publication with unicode", over: withNames({ publication: { name: "pübl" } }), refusedField: "publication.name" },
  { title: "publication with a double quote", over: withNames({ publication: { name: 'p"x' } }), refusedField: "publication.name" },
  { title: "database injecting a pg_hba line", over: withNames({ database: "all all all trust\nhost all" }), refusedField: "database" },
  { title: "database with a double quote", over: withNames({ database: 'ord"ers' }), refusedField: "database" },
  { title: "database with NUL", over: withNames({ database: "ord\u0000ers" }), refusedField: "database" },
  { title: "database with ? (provider URL parameters)", over: withNames({ database: "orders?sslmode=disable" }), refusedField: "database" },
  { title: "database with # (provider URL fragment)", over: withNames({ database: "orders#x" }), refusedField: "database" },
  { title: "database of 64 bytes", over: withNames({ database: "d".repeat(64) }), refusedField: "database" },
  { title: "user with a double quote", over: withNames({ user: { name: 'cp"user' } }), refusedField: "user.name" },
  { title: "user with a carriage return", over: withNames({ user: { name: "cp\ruser" } }), refusedField: "user.name" },
  { title: "user empty", over: withNames({ user: { name: "" } }), refusedField: "user.name" },
  { title: "table with ( (provider grant objects)", over: withNames({ tables: ["public.f(x) TO PUBLIC; --"] }), refusedField: "tables[0] (table part)" },
  { title: "schema with ' in a schema-wide publication", over: withNames({ tables: [], schemas: [{ name: "it's" }] }), refusedField: "schemas[0].name" },
  { title: "owner with a newline", over: withNames({ schemas: [{ name: "public", owners: ["own\ner"] }] }), refusedField: "schemas[0].owners[0]" },
  // Safe: any PostgreSQL name of an existing object, quoted by every format.
  { title: "database with a space", over: withNames({ database: "my orders" }) },
  { title: "database named all", over: withNames({ database: "all" }) },
  { title: "database named sameuser", over: withNames({ database: "sameuser" }) },
  { title: "database named replication", over: withNames({ database: "replication" }) },
  { title: "database starting with +", over: withNames({ database: "+orders" }) },
  { title: "database starting with @", over: withNames({ database: "@orders" }) },
  { title: "database with upper case", over: withNames({ database: "Orders" }) },
  { title: "database with unicode", over: withNames({ database: "ördérs" }) },
  { title: "database with ; , and a quote", over: withNames({ database: "o;r'ders x,y" }) },
  { title: "database of 63 bytes", over: withNames({ database: "d".repeat(63) }) },
  { title: "database of 63 multi-byte bytes", over: withNames({ database: "é".repeat(31) + "d" }) },
  { title: "user named all", over: withNames({ user: { name: "all" } }) },
  { title: "user named samerole", over: withNames({ user: { name: "samerole" } }) },
  { title: "user starting with +", over: withNames({ user: { name: "+clickpipes" } }) },
  { title: "user starting with @", over: withNames({ user: { name: "@clickpipes" } }) },
  { title: "user like a pg_hba regex", over: withNames({ user: { name: "/^click(pipes)?$" } }) },
  { title: "user with upper case, space and quote", over: withNames({ user: { name: "O'Brien CP" } }) },
  { title: "user of 63 bytes", over: withNames({ user: { name: "u".repeat(63) } }) },
  { title: "publication of 63 bytes", over: withNames({ publication: { name: "p".repeat(63) } }) },
  { title: "publication starting with _", over: withNames({ publication: { name: "_pub_1" } }) },
  {
    title: "schemas, tables and owners with quotes, ; and unicode",
    over: withNames({ schemas: [{ name: 'Sales "EU"', owners: ["O'Owner", "all"] }], tables: ['Sales "EU".Tab\'le; DROP', "Ïnv.stöck"] }),
  },
  // The SQL preview writes these as U&"..." escapes: the same names to PostgreSQL, nothing reordered on screen.
  { title: "user and tables with bidi overrides and isolates (Trojan Source)", over: withNames({ user: { name: "cp\u202euser" }, tables: ["public.cust\u202eomers", "inv.st\u2066ock\u2069"] }) },
  { title: "schema-wide publication over a schema with ; and a double quote", over: withNames({ tables: [], schemas: [{ name: 'Sales; "x"' }] }) },
];

const ADDRESS_CASES: Case[] = [
  { title: "0.0.0.0/00", over: withNames({ network: { allowedCidrs: ["0.0.0.0/00"] } }), refusedField: "network.allowedCidrs[0]" },
  { title: "::0/0", over: withNames({ network: { allowedCidrs: ["::0/0"] } }), refusedField: "network.allowedCidrs[0]" },
  { title: "0::/0", over: withNames({ network: { allowedCidrs: ["0::/0"] } }), refusedField: "network.allowedCidrs[0]" },
  { title: "10.0.0.0/0", over: withNames({ network: { allowedCidrs: ["10.0.0.0/0"] } }), refusedField: "network.allowedCidrs[0]" },
  { title: "1.2.3.4/0", over: withNames({ network: { allowedCidrs: ["1.2.3.4/0"] } }), refusedField: "network.allowedCidrs[0]" },
  { title: "::ffff:0:0/96 (all of IPv4, mapped)", over: withNames({ network: { allowedCidrs: ["::ffff:0:0/96"] } }), refusedField: "network.allowedCidrs[0]" },
  { title: "0.0.0.0/1 + 128.0.0.0/1", over: withNames({ network: { allowedCidrs: ["0.0.0.0/1", "128.0.0.0/1"] } }), refusedField: "network.allowedCidrs" },
  { title: "::/1 + 8000::/1", over: withNames({ network: { allowedCidrs: ["::/1", "8000::/1"] } }), refusedField: "network.allowedCidrs" },
  { title: "host bits set", over: withNames({ network: { allowedCidrs: ["10.0.0.1/24"] } }), refusedField: "network.allowedCidrs[0]" },
  { title: "no prefix", over: withNames({ network: { allowedCidrs: ["10.0.0.1"] } }), refusedField: "network.allowedCidrs[0]" },
  { title: "zone id", over: withNames({ network: { allowedCidrs: ["fe80::1%eth0/64"] } }), refusedField: "network.allowedCidrs[0]" },
  { title: "a newline after the CIDR", over: withNames({ network: { allowedCidrs: ["10.0.0.1/32\nhost all all 0.0.0.0/0 trust"] } }), refusedField: "network.allowedCidrs[0]" },
  { title: "one network in two spellings", over: withNames({ network: { allowedCidrs: ["10.0.0.1/32", "010.000.000.001/32"] } }), refusedField: "network.allowedCidrs[1]" },
  { title: "leading zeros", over: withNames({ network: { allowedCidrs: ["010.000.000.001/32", "192.168.001.000/024"] } }) },
  { title: "expanded upper-case IPv6", over: withNames({ network: { allowedCidrs: ["2001:0DB8:0000:0000:0000:0000:0000:0000/48"] } }) },
  { title: "IPv4-mapped IPv6", over: withNames({ network: { allowedCidrs: ["::ffff:203.0.113.7/128", "0:0:0:0:0:ffff:198.51.100.0/120"] } }) },
  { title: "IPv6 with a single zero group and a long run", over: withNames({ network: { allowedCidrs: ["2001:db8:0:0:1:0:0:1/128", "2001:db8:1:0:0:0:0:0/64"] } }) },
  { title: "IPv4 and IPv6 together, the whole space only with the flag", over: withNames({ network: { allowedCidrs: ["0.0.0.0/1", "128.0.0.0/1", "::1/128"], allowAnyAddress: true } }) },
];

const CASES = [...NAME_CASES, ...ADDRESS_CASES];

interface Synth {
  readonly error?: ValidationError;
  readonly warnings: string[];
  readonly files: string[];
  readonly hba?: string;
  readonly json?: object;
}

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-"));

/** Every file below `dir`, as paths (the project's one walker). */
function listFiles(dir: string): string[] {
  return listTree(dir).map((f) => path.join(dir, ...f.split("/")));
}

function synth(config: AppConfig, dir: string, stack = config.sources[0]!.name): Synth {
  const outdir = path.join(tmpRoot, dir);
  const warnings: string[] = [];
  try {
    const app = buildApp(config, { outdir });
    warnings.push(...warningsOf(app).map((w) => w.message)); // the warning annotations `cdktf synth` prints
    app.synth();
  } catch (e) {
    if (e instanceof ValidationError) return { error: e, warnings, files: listFiles(outdir) };
    throw e;
  }
  const name = config.sources[0]!.name;
  const stackDir = path.join(outdir, "stacks", stack);
  const hbaFile = path.join(stackDir, "server-setup", name, "pg_hba.conf");
  return {
    warnings,
    files: listFiles(outdir),
    hba: fs.existsSync(hbaFile) ? fs.readFileSync(hbaFile, "utf8") : undefined,
    json: JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8")) as object,
  };
}

const genericOf = (c: Case): GenericSourceConfig => genericSource({ name: "hostile", ...c.over });
const results = new Map<string, { generic: Synth; aws: Synth }>();
CASES.forEach((c, i) => {
  const generic = synth({ sources: [genericOf(c)] }, `g${i}`);
  const aurora: AuroraSourceConfig = auroraSource({
    name: "hostile-aurora",
    ...(c.over.network ? { network: { ...auroraSource().network!, ...c.over.network } } : {}),
  });
  results.set(c.title, { generic, aws: synth({ sources: [aurora] }, `a${i}`, "hostile-aurora-aws") });
});

afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

describe("hostile-input corpus: synth", () => {
  it("has at least 40 cases, names and addresses, refused and accepted", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(CASES.filter((c) => c.refusedField).length).toBeGreaterThan(15);
    expect(CASES.filter((c) => !c.refusedField).length).toBeGreaterThan(15);
  });

  const refused = CASES.filter((c) => c.refusedField);
  it.each(refused.map((c) => [c.title, c] as const))("refuses %s with one line naming the field, writing nothing", (_t, c) => {
    const { generic } = results.get(c.title)!;
    expect(generic.error, "synth should refuse").toBeDefined();
    const lines = generic.error!.message.split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`source "hostile": ${c.refusedField} = `);
    expect(lines[0]).toMatch(/ is not allowed: .+ \[[a-z-]+\]$/);
    expect(generic.files).toEqual([]);
  });

  const accepted = CASES.filter((c) => !c.refusedField);
  it.each(accepted.map((c) => [c.title, c] as const))("synthesizes %s", (_t, c) => {
    const { generic } = results.get(c.title)!;
    expect(generic.error?.message).toBeUndefined();
    expect(generic.hba).toBeDefined();
  });

  const addressCases = ADDRESS_CASES.map((c) => [c.title, c] as const);
  it.each(addressCases)("-aws stack for %s: refused, or ingress rules with the normalized CIDRs", (_t, c) => {
    const { aws } = results.get(c.title)!;
    if (c.refusedField) {
      expect(aws.error!.message.split("\n")).toHaveLength(1);
      expect(aws.error!.message).toContain(`${c.refusedField} = `);
      expect(aws.files).toEqual([]);
      return;
    }
    const rules = (aws.json as { resource: Record<string, Record<string, { cidr_ipv4?: string; cidr_ipv6?: string }>> }).resource.aws_vpc_security_group_ingress_rule;
    const got = Object.values(rules)
      .map((r) => r.cidr_ipv4 ?? r.cidr_ipv6)
      .sort();
    const want = [
      ...new Set(
        c.over.network!.allowedCidrs!.map((t) => {
          const p = parseCidr(t);
          if (!p.ok) throw new Error(t);
          return p.cidr.text;
        }),
      ),
    ].sort();
    expect(got).toEqual(want);
    // Every value is already canonical: the same text comes back from parsing it again.
    for (const v of got) expect(parseCidr(v)).toMatchObject({ ok: true, cidr: { text: v } });
  });
});

/** What each line of our rendered pg_hba.conf must say, from the spec (not from the renderer). */
function expectedHba(c: Case): { database: string; user: string; cidr: string }[] {
  const s = genericOf(c);
  const cidrs = [...new Set((s.network?.allowedCidrs ?? []).map((t) => (parseCidr(t) as { cidr: { text: string } }).cidr.text))];
  // An override is rendered sorted by canonical text.
  return cidrs.sort().map((cidr) => ({ database: s.database, user: s.user?.name ?? "clickpipes_user", cidr }));
}

const ADMIN_HBA = "host all postgres 127.0.0.1/32 scram-sha-256\nhost replication postgres 127.0.0.1/32 scram-sha-256\n";

/** Write `ours` after the admin lines, parse the file with pg_hba_file_rules (which reads the file, not the loaded rules), restore it. */
async function hbaRules(server: PgServer, ours: string) {
  const [{ hba_file: file }] = await server.query<{ hba_file: string }>("SHOW hba_file");
  const original = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, ADMIN_HBA + ours);
  const rows = await server
    .query<{ line_number: number; database: string[] | null; user_name: string[] | null; address: string | null; netmask: string | null; error: string | null }>(
      "SELECT line_number, database, user_name, address, netmask, error FROM pg_hba_file_rules ORDER BY line_number",
    )
    .finally(() => fs.writeFileSync(file, original));
  return rows.filter((r) => r.line_number > 2 || r.error !== null);
}

/** Canonical network of a pg_hba_file_rules row, computed by PostgreSQL itself from address and netmask. */
async function rowNetwork(server: PgServer, address: string, netmask: string): Promise<string> {
  const bits = [...(netmask.includes(":") ? netmask.split(":").map((g) => parseInt(g || "0", 16).toString(2)) : netmask.split(".").map((o) => Number(o).toString(2)))]
    .join("")
    .replace(/0/g, "").length;
  const [{ net }] = await server.query<{ net: string }>("SELECT set_masklen($1::inet, $2)::cidr::text AS net", [address, bits]);
  return net;
}

async function checkHba(server: PgServer, c: Case): Promise<void> {
  const { generic } = results.get(c.title)!;
  const rows = await hbaRules(server, generic.hba!);
  expect(rows.filter((r) => r.error !== null)).toEqual([]);
  const want = expectedHba(c);
  expect(rows).toHaveLength(want.length);
  for (const [i, r] of rows.entries()) {
    expect(r.database).toEqual([want[i]!.database]);
    expect(r.user_name).toEqual([want[i]!.user]);
    // Same address set: PostgreSQL compares the two as cidr values, not as text.
    const [{ same }] = await server.query<{ same: boolean }>("SELECT $1::cidr = $2::cidr AS same", [await rowNetwork(server, r.address!, r.netmask!), want[i]!.cidr]);
    expect(same, `${r.address}/${r.netmask} vs ${want[i]!.cidr}`).toBe(true);
  }
}

const ACCEPTED = CASES.filter((c) => !c.refusedField);

describe.each([12, 16])("hostile-input corpus: pg_hba.conf on PostgreSQL %i", (major) => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startServer({ major });
  });
  afterAll(async () => {
    await server?.stop();
  });
  it("parses every accepted case's pg_hba.conf with the configured database, user and network per line", async () => {
    for (const c of ACCEPTED) await checkHba(server, c);
  });
});

describe("hostile-input corpus: PostgreSQL 18", () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startServer({ major: 18, walLevel: "logical" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each(ACCEPTED.map((c) => [c.title, c] as const))("pg_hba.conf of %s parses", async (_t, c) => {
    await checkHba(server, c);
  });

  it('a quoted keyword is a literal name: database "all" admits only the database named all', async () => {
    const c: Case = { title: "keyword login", over: withNames({ database: "all", user: { name: "+clickpipes" }, network: { allowedCidrs: ["127.0.0.1/32"] } }) };
    const s = synth({ sources: [genericOf(c)] }, "login");
    const [{ hba_file: file }] = await server.query<{ hba_file: string }>("SHOW hba_file");
    const original = fs.readFileSync(file, "utf8");
    await server.query('CREATE DATABASE "all"');
    await server.query(`CREATE ROLE "+clickpipes" LOGIN PASSWORD 'pw'`);
    try {
      fs.writeFileSync(file, ADMIN_HBA + s.hba!);
      await server.query("SELECT pg_reload_conf()");
      const ok = await server.connect({ user: "+clickpipes", password: "pw", database: "all" });
      await ok.end();
      await expect(server.connect({ user: "+clickpipes", password: "pw", database: "postgres" })).rejects.toThrow(/no pg_hba.conf entry/);
    } finally {
      fs.writeFileSync(file, original);
      await server.query("SELECT pg_reload_conf()");
      await server.query('DROP DATABASE "all"');
      await server.query('DROP ROLE "+clickpipes"');
    }
  });

  it("postgresql.conf lines and ALTER SYSTEM statements carry hostile values exactly (pg_file_settings)", async () => {
    const values = ["logical", "it's", "back\\slash", "a # not a comment", "'; DROP", "ünï", "x\\'y"];
    const { generic } = results.get(ACCEPTED[0]!.title)!;
    const setupDir = path.join(tmpRoot, "g" + CASES.indexOf(ACCEPTED[0]!), "stacks", "hostile", "server-setup", "hostile");
    const conf = path.join(server.baseDir, "hostile.conf");
    fs.writeFileSync(conf, [fs.readFileSync(path.join(setupDir, "postgresql.conf"), "utf8"), ...values.map((v, i) => confLine(`hostile.v${i}`, v))].join("\n") + "\n");
    const [{ config_file: main }] = await server.query<{ config_file: string }>("SHOW config_file");
    const original = fs.readFileSync(main, "utf8");
    fs.writeFileSync(main, `${original}\ninclude '${conf}'\n`);
    try {
      const rows = await server.query<{ name: string; setting: string; error: string | null }>("SELECT name, setting, error FROM pg_file_settings WHERE sourcefile = $1 ORDER BY seqno", [conf]);
      expect(rows.filter((r) => r.error !== null)).toEqual([]);
      expect(rows.filter((r) => r.name.startsWith("hostile.")).map((r) => r.setting)).toEqual(values);
      expect(rows.find((r) => r.name === "wal_level")?.setting).toBe("logical");
      expect(generic.hba).toBeDefined();
    } finally {
      fs.writeFileSync(main, original);
    }
    const admin = await server.adminClient();
    try {
      await runPsqlScript(admin, fs.readFileSync(path.join(setupDir, "alter-system.sql"), "utf8"));
      for (const [i, v] of values.entries()) await admin.query(alterSystemStatement(`hostile.a${i}`, v));
      const rows = (
        await admin.query<{ name: string; setting: string; error: string | null }>("SELECT name, setting, error FROM pg_file_settings WHERE sourcefile LIKE '%postgresql.auto.conf' ORDER BY seqno")
      ).rows;
      expect(rows.filter((r) => r.error !== null)).toEqual([]);
      expect(rows.filter((r) => r.name.startsWith("hostile.")).map((r) => r.setting)).toEqual(values);
      expect(rows.find((r) => r.name === "wal_level")?.setting).toBe("logical");
    } finally {
      await admin.query("ALTER SYSTEM RESET ALL");
      await admin.end();
    }
  });

  /** Existing objects of a case: database, schemas (with their owners) and tables. */
  async function createExisting(c: Case): Promise<Client> {
    const s = genericOf(c);
    const roles = new Set<string>();
    for (const sc of s.schemas ?? []) for (const o of sc.owners ?? []) roles.add(o);
    for (const r of roles) {
      await server.query(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${quoteLiteral(r)}) THEN CREATE ROLE ${quoteIdentifier(r)}; END IF; END $$`);
    }
    await server.query(`CREATE DATABASE ${quoteIdentifier(s.database)}`);
    const client = await server.adminClient(s.database);
    const schemas = new Set([...(s.schemas ?? []).map((x) => x.name), ...(s.tables ?? []).map((t) => t.slice(0, t.indexOf(".")))]);
    for (const sc of schemas) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(sc)}`);
    const tables = s.tables?.length ? s.tables : [...schemas].map((sc) => `${sc}.t1`);
    for (const t of tables) {
      const dot = t.indexOf(".");
      await client.query(`CREATE TABLE ${quoteIdentifier(t.slice(0, dot))}.${quoteIdentifier(t.slice(dot + 1))} (id int PRIMARY KEY)`);
    }
    return client;
  }

  async function dropCase(c: Case, client: Client | undefined): Promise<void> {
    const s = genericOf(c);
    await client?.end().catch(() => {});
    await server.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(s.database)}`);
    const roles = [s.user?.name ?? "clickpipes_user", ...(s.schemas ?? []).flatMap((x) => x.owners ?? [])].filter((r) => r !== "postgres");
    for (const r of new Set(roles)) await server.query(`DROP ROLE IF EXISTS ${quoteIdentifier(r)}`);
  }

  const sqlCases = NAME_CASES.filter((c) => !c.refusedField);
  it.each(sqlCases.map((c) => [c.title, c] as const))("the SQL preview of %s applies twice and creates exactly the named objects", async (_t, c) => {
    const s = genericOf(c);
    const { generic } = results.get(c.title)!;
    const { sql, notRendered } = renderStackSql(generic.json!);
    expect(notRendered).toEqual([]);
    expect(sql).not.toMatch(/[\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/);
    let client: Client | undefined;
    try {
      client = await createExisting(c);
      const vars = { clickpipes_password: "pw'\\1" };
      await runPsqlScript(client, sql, vars);
      await runPsqlScript(client, sql, vars);
      const user = s.user?.name ?? "clickpipes_user";
      const pub = s.publication?.name ?? "clickpipes_publication";
      const roles = await client.query("SELECT rolname, rolcanlogin, rolreplication FROM pg_roles WHERE rolname = $1", [user]);
      expect(roles.rows).toEqual([{ rolname: user, rolcanlogin: true, rolreplication: true }]);
      const pubs = await client.query("SELECT pubname FROM pg_publication");
      expect(pubs.rows).toEqual([{ pubname: pub }]);
      const published = (await client.query("SELECT schemaname || '.' || tablename AS t FROM pg_publication_tables ORDER BY 1")).rows.map((r) => r.t as string);
      const wantTables = (s.tables?.length ? s.tables : (s.schemas ?? []).map((x) => `${x.name}.t1`)).slice().sort();
      expect(published).toEqual(wantTables);
      for (const t of wantTables) {
        const dot = t.indexOf(".");
        const [{ ok }] = (await client.query("SELECT has_table_privilege($1, format('%I.%I', $2::text, $3::text), 'SELECT') AS ok", [user, t.slice(0, dot), t.slice(dot + 1)])).rows;
        expect(ok, t).toBe(true);
      }
      // The user logs in with the password through the variable, quote included; the backslash is doubled, as
      // the provider's pqQuoteLiteral() stores it (the preview mirrors the provider).
      const login = await server.connect({ user, password: "pw'\\\\1", database: s.database });
      await login.end();
    } finally {
      await dropCase(c, client);
    }
  });
});
