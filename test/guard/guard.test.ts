import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runGuard } from "../../src/cli/guard";
import { generateGuardSchema, GUARD_SCHEMA_PATH } from "../../scripts/gen-guard-schema";
import { validateJsonSchema } from "../support/json-schema";
import { CidrUnion, ruleNetwork } from "../../src/review/cidr-set";
import { guardPlan } from "../../src/guard/guard";
import { genericSource, synthApp } from "../support/helpers";
import { changeKind, ChangeKind, parsePlan, PlanFormatError } from "../../src/guard/plan";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(ROOT, "test/fixtures/plans");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-guard-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Actions = string[];
/** A resource change in Terraform's JSON plan format. */
function rc(type: string, name: string, actions: Actions, before: Record<string, unknown> | null = {}, after: Record<string, unknown> | null = {}) {
  return { address: `${type}.${name}`, mode: "managed", type, name, provider_name: "x", change: { actions, before, after, after_unknown: {} } };
}
function plan(changes: unknown[], formatVersion = "1.2"): string {
  return JSON.stringify({ format_version: formatVersion, terraform_version: "1.11.4", resource_changes: changes });
}
const REPLACE = ["delete", "create"];
const REPLACE_CBD = ["create", "delete"];
const DELETE = ["delete"];

/** `rule:address` of each blocking verdict. */
function blockedIds(text: string, allow: string[] = []): string[] {
  return guardPlan(parsePlan(text), { allow }).blocking.map((v) => `${v.rule}:${v.address}`);
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runGuard(args, { write: (s: string) => ((out += s), true) } as never, { write: (s: string) => ((err += s), true) } as never);
  return { code, out, err };
}

function writePlan(name: string, text: string): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
}

describe("plan reading", () => {
  it("classifies actions", () => {
    expect(changeKind(["no-op"])).toBe(ChangeKind.NONE);
    expect(changeKind(["read"])).toBe(ChangeKind.NONE);
    expect(changeKind(["create"])).toBe(ChangeKind.CREATE);
    expect(changeKind(["update"])).toBe(ChangeKind.UPDATE);
    expect(changeKind(["delete"])).toBe(ChangeKind.DELETE);
    expect(changeKind(["delete", "create"])).toBe(ChangeKind.REPLACE);
    expect(changeKind(["create", "delete"])).toBe(ChangeKind.REPLACE);
    expect(changeKind(["forget"])).toBe(ChangeKind.DELETE);
  });

  it("accepts plan formats 0.x and 1.x and refuses others with one line", () => {
    expect(parsePlan(plan([], "0.1")).formatVersion).toBe("0.1");
    expect(parsePlan(plan([], "1.2")).formatVersion).toBe("1.2");
    expect(() => parsePlan(plan([], "2.0"), "p.json")).toThrow('p.json: format_version "2.0" is not supported; supported: 0.x and 1.x');
    expect(() => parsePlan("not json", "p.json")).toThrow("p.json: is not JSON; expected the output of: terraform show -json <planfile>");
    expect(() => parsePlan("PK\u0003\u0004binary", "plan.out")).toThrow("plan.out: is a binary plan file; convert it with: terraform show -json plan.out > plan.json");
    expect(() => parsePlan("{}", "p.json")).toThrow(PlanFormatError);
    // `terraform show -json` without a plan file prints state: refuse it rather than pass it.
    const state = JSON.stringify({ format_version: "1.0", terraform_version: "1.11.4", values: { root_module: { resources: [] } } });
    expect(() => parsePlan(state, "state.json")).toThrow("state.json: has no planned_values or resource_changes (state JSON?); expected the output of: terraform show -json <planfile>");
    expect(parsePlan(JSON.stringify({ format_version: "1.2", planned_values: {} })).resourceChanges).toEqual([]);
  });
});

describe("guard by declared constructs", () => {
  const role = (name: string, actions: Actions, before: Record<string, unknown> | null = { name: "clickpipes_user", login: true }, after: Record<string, unknown> | null = null) =>
    rc("postgresql_role", name, actions, before, after);

  it("passes a plan with no changes and one with only creates", () => {
    expect(blockedIds(plan([]))).toEqual([]);
    expect(blockedIds(plan([rc("postgresql_publication", "orders-db_Publication_92C9D745", ["no-op"]), role("orders-db_User_Role_99178045", ["create"], null, {})]))).toEqual([]);
  });

  it("passes updates in place that keep what the pipe needs (a grant's privileges, the role's password version)", () => {
    expect(blockedIds(plan([rc("postgresql_grant", "orders-db_Grants_schema-public_Usage_574BE263", ["update"], { privileges: ["USAGE"] }, { privileges: ["USAGE", "CREATE"] })]))).toEqual([]);
    expect(
      blockedIds(plan([role("orders-db_User_Role_99178045", ["update"], { login: true, replication: true, password_wo_version: "1" }, { login: true, replication: true, password_wo_version: "2" })])),
    ).toEqual([]);
  });

  it("blocks deleting or replacing the declared ClickPipes role, in either replace order", () => {
    expect(blockedIds(plan([role("orders-db_User_Role_99178045", DELETE)]))).toEqual(["clickpipes-role:postgresql_role.orders-db_User_Role_99178045"]);
    expect(blockedIds(plan([role("orders-db_User_Role_99178045", REPLACE)]))).toEqual(["clickpipes-role:postgresql_role.orders-db_User_Role_99178045"]);
    expect(blockedIds(plan([role("orders-db_User_Role_99178045", REPLACE_CBD)]))).toEqual(["clickpipes-role:postgresql_role.orders-db_User_Role_99178045"]);
  });

  it("never blocks resources these stacks did not declare, whatever their type", () => {
    const text = plan([
      role("reporting", DELETE, { name: "reporting", login: true }),
      role("analytics_Role_0A1B2C3D", REPLACE),
      rc("postgresql_grant_role", "reporting_rds_replication", DELETE, { grant_role: "rds_replication" }),
      rc("aws_vpc_security_group_ingress_rule", "office", DELETE, { cidr_ipv4: "3.127.86.90/32", from_port: 5432, to_port: 5432, ip_protocol: "tcp" }),
      rc("clickhouse_clickpipe", "kafka", REPLACE),
      rc("aws_s3_bucket", "b", DELETE),
    ]);
    expect(guardPlan(parsePlan(text)).verdicts).toEqual([]);
  });

  it("protects a publication or a parameter group by its type alone, whatever its address says", () => {
    const text = plan([
      rc("postgresql_publication", "legacy", DELETE),
      rc("aws_db_parameter_group", "other", ["update"], { parameter: [{ name: "rds.logical_replication", value: "1" }] }, { parameter: [] }),
    ]);
    expect(blockedIds(text)).toEqual(["publication:postgresql_publication.legacy", "logical-replication-off:aws_db_parameter_group.other"]);
  });

  it("recognises a construct nested in a user's own construct, ignores data sources, and blocks a forget (dropped from state) as state-block", () => {
    expect(blockedIds(plan([role("app_orders-db_User_Role_0123ABCD", DELETE)]))).toEqual(["clickpipes-role:postgresql_role.app_orders-db_User_Role_0123ABCD"]);
    const data = { ...rc("postgresql_publication", "orders-db_Publication_92C9D745", DELETE), mode: "data" };
    expect(blockedIds(plan([data]))).toEqual([]);
    expect(blockedIds(plan([data, rc("postgresql_publication", "orders-db_Publication_92C9D745", ["forget"])]))).toEqual(["state-block:postgresql_publication.orders-db_Publication_92C9D745"]);
  });

  it("lets --allow name deliberate changes by address; warnings are never blocking", () => {
    const text = plan([
      rc("postgresql_publication", "orders-db_Publication_92C9D745", REPLACE, { tables: ["public.a"] }, { tables: ["public.a", "public.b"] }),
      role("orders-db_User_Role_99178045", DELETE),
    ]);
    const r = guardPlan(parsePlan(text), { allow: ["postgresql_publication.orders-db_Publication_92C9D745"] });
    expect(r.blocking.map((v) => v.rule)).toEqual(["clickpipes-role"]);
    expect(r.verdicts.map((v) => `${v.level}:${v.rule}:${v.allowed ?? false}`)).toEqual(["BLOCK:clickpipes-role:false", "BLOCK:publication:true", "WARN:publication-tables-added:false"]);
    expect(r.verdicts.find((v) => v.rule === "publication-tables-added")?.tables).toEqual(["public.b"]);
  });

  it("compares ingress addresses as sets: a rule whose addresses stay allowed is not blocked", () => {
    const sg = "sg-0123456789abcdef0";
    const ing = (id: string, actions: Actions, cidr: string, port = 5432, group = sg) => {
      const body = { [cidr.includes(":") ? "cidr_ipv6" : "cidr_ipv4"]: cidr, from_port: port, to_port: port, ip_protocol: "tcp", security_group_id: group };
      return rc("aws_vpc_security_group_ingress_rule", `src_IpAllowList_${id}_0A1B2C3D`, actions, actions[0] === "create" ? null : body, actions.includes("create") ? body : null);
    };
    // A /32 gone, its /24 added: still allowed.
    expect(blockedIds(plan([ing("Ingress-198511007", DELETE, "198.51.100.7/32"), ing("Ingress-198511000_24", ["create"], "198.51.100.0/24")]))).toEqual([]);
    // The same IPv6 address spelled two ways (the construct ID follows the spelling): still allowed.
    expect(blockedIds(plan([ing("Ingress-2001db81", DELETE, "2001:db8::1/128"), ing("Ingress-20010db800000001_128", ["create"], "2001:0db8:0:0:0:0:0:1/128")]))).toEqual([]);
    // Two halves cover the whole; an unchanged (no-op) rule counts too.
    expect(blockedIds(plan([ing("Ingress-10000_24", DELETE, "10.0.0.0/24"), ing("Ingress-10000_25", ["create"], "10.0.0.0/25"), ing("Ingress-1000128_25", ["no-op"], "10.0.0.128/25")]))).toEqual([]);
    // Only one half left, another port, another group, another family: blocked.
    expect(blockedIds(plan([ing("Ingress-10000_24", DELETE, "10.0.0.0/24"), ing("Ingress-10000_25", ["create"], "10.0.0.0/25")]))).toEqual([
      "ingress-rule:aws_vpc_security_group_ingress_rule.src_IpAllowList_Ingress-10000_24_0A1B2C3D",
    ]);
    expect(blockedIds(plan([ing("Ingress-10001", DELETE, "10.0.0.1/32"), ing("Ingress-10000_24", ["create"], "10.0.0.0/24", 6432)]))).toHaveLength(1);
    expect(blockedIds(plan([ing("Ingress-10001", DELETE, "10.0.0.1/32"), ing("Ingress-10000_24", ["create"], "10.0.0.0/24", 5432, "sg-0fedcba9876543210")]))).toHaveLength(1);
    expect(blockedIds(plan([ing("Ingress-ffff10001_128", DELETE, "::ffff:10.0.0.1/128"), ing("Ingress-10000_24", ["create"], "10.0.0.0/24")]))).toHaveLength(1);
    // A remaining rule spelled with leading zeros still allows the address; a mapped IPv6 one does not.
    expect(blockedIds(plan([ing("Ingress-31278690", DELETE, "3.127.86.90/32"), ing("Ingress-00312708609_32", ["create"], "003.127.086.090/32")]))).toEqual([]);
    expect(blockedIds(plan([ing("Ingress-31278690", DELETE, "3.127.86.90/32"), ing("Ingress-ffff31278690_128", ["create"], "::ffff:3.127.86.90/128")]))).toHaveLength(1);
  });

  it("names the attributes that force a pipe replacement, never their values", () => {
    const before = { name: "orders", source: { postgres: { credentials: { password_wo: null, username: "clickpipes_user" }, settings: { replication_slot_name: "s1" } } } };
    const after = { name: "orders", source: { postgres: { credentials: { password_wo: null, username: "clickpipes_user" }, settings: { replication_slot_name: "s2" } } } };
    const [v] = guardPlan(parsePlan(plan([rc("clickhouse_clickpipe", "orders-db-clickpipe_Pipe_0A1B2C3D", REPLACE, before, after)]))).verdicts;
    expect(v.message).toContain("(source.postgres.settings.replication_slot_name changed)");
    expect(v.message).not.toContain("s2");
  });
});

describe("cidr sets", () => {
  const n = (text: string, family: 4 | 6 = text.includes(":") ? 6 : 4) => ruleNetwork(text, family);
  const covers = (have: string[], want: string) => new CidrUnion(have.map((h) => n(h)!)).covers(n(want)!);

  it("reads a rule's network with the project's CIDR type: spellings do not matter, the attribute's family does", () => {
    expect(n("003.127.086.090/32")?.text).toBe("3.127.86.90/32");
    expect(n("10.0.0.1")?.text).toBe("10.0.0.1/32");
    expect(n("10.0.0.7/24")?.text).toBe("10.0.0.0/24");
    expect(n("2001:0DB8:0:0:0:0:0:1/128")?.text).toBe("2001:db8::1/128");
    // An IPv4-mapped address in cidr_ipv6 opens nothing to IPv4 clients in AWS.
    expect(n("::ffff:3.127.86.90/128", 6)).toBeUndefined();
    expect(n("10.0.0.0/8", 6)).toBeUndefined();
    expect(n("1.2.3.4/33")).toBeUndefined();
    expect(ruleNetwork(42, 4)).toBeUndefined();
  });

  it("compares address ranges, not spellings", () => {
    expect(covers(["10.0.0.1/32"], "010.000.000.001/32")).toBe(true);
    expect(covers(["2001:DB8::/32"], "2001:db8:0:0::1/128")).toBe(true);
    expect(covers(["10.0.0.0/9", "10.128.0.0/9"], "10.0.0.0/8")).toBe(true);
    expect(covers(["10.0.0.0/9", "10.128.0.1/32"], "10.0.0.0/8")).toBe(false);
    expect(covers(["0.0.0.0/0"], "::1/128")).toBe(false);
    // Adjacent and overlapping ranges merge; a gap of one address does not.
    expect(covers(["10.0.0.128/25", "10.0.0.0/26", "10.0.0.64/26", "10.0.0.100/32"], "10.0.0.0/24")).toBe(true);
    expect(covers(["10.0.0.0/26", "10.0.0.65/32", "10.0.0.66/31", "10.0.0.68/30", "10.0.0.72/29", "10.0.0.80/28", "10.0.0.96/27"], "10.0.0.0/25")).toBe(false);
    expect(covers(["10.0.0.0/26", "10.0.0.64/32", "10.0.0.65/32", "10.0.0.66/31", "10.0.0.68/30", "10.0.0.72/29", "10.0.0.80/28", "10.0.0.96/27"], "10.0.0.0/25")).toBe(true);
  });
});

describe("guard command", () => {
  it("exits 1 on a plan that replaces the publication, listing it", async () => {
    const r = await cli([path.join(FIXTURES, "replace-publication.json"), "--no-synth"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`plan ${path.join(FIXTURES, "replace-publication.json")}:\n  BLOCK [publication] postgresql_publication.orders-db_Publication_92C9D745: publication replaced: `);
    expect(r.out).toContain("guard: 1 change would break a running ClickPipe; if deliberate, allow with --allow-file or --allow [<stack>:]<address> (constructs from addresses (no synth output))");
  });

  it("exits 0 on an update in place of a grant's privileges", async () => {
    const r = await cli([path.join(FIXTURES, "update-grant-in-place.json"), "--no-synth"]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toBe("guard: nothing breaks a running ClickPipe in 1 plan (constructs from addresses (no synth output))\n");
  });

  it("--allow-file allows like --allow; an allowance that allows nothing is named as stale (text and --json)", async () => {
    const a = writePlan("af-a.json", plan([rc("postgresql_publication", "orders-db_Publication_92C9D745", DELETE)]));
    const file = writePlan(
      "allow.txt",
      ["# deliberate: the publication is rebuilt in this PR", "", "postgresql_publication.orders-db_Publication_92C9D745  # trailing comment", "orders-db:postgresql_role.gone_Role_00000000", ""].join(
        "\r\n",
      ),
    );
    const r = await cli([a, "--no-synth", "--allow-file", file, "--allow", "postgresql_slot.none"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^  ALLOWED \[/m);
    expect(r.out.split("\n").filter((l) => l.startsWith("stale allowance: "))).toEqual([
      "stale allowance: postgresql_slot.none allows nothing (no blocking change there); remove it",
      "stale allowance: orders-db:postgresql_role.gone_Role_00000000 allows nothing (no blocking change there); remove it",
    ]);
    const j = JSON.parse((await cli([a, "--no-synth", "--allow-file", file, "--json"])).out);
    expect(j.staleAllowances).toEqual(["orders-db:postgresql_role.gone_Role_00000000"]);
    expect(j.blocked).toBe(false);
    // Without the file the same plan blocks: the file is what allowed it.
    expect((await cli([a, "--no-synth"])).code).toBe(1);
    const bad = writePlan("bad-allow.txt", "postgresql_publication.ok\nnot an address\n");
    expect(await cli([a, "--no-synth", "--allow-file", bad])).toEqual({
      code: 2,
      out: "",
      err: `cdktf-clickpipes guard: --allow-file ${bad}:2: "not an address" is not an allowance; expected one [<stack>:]<address> per line (e.g. orders-db:postgresql_publication.orders-db_Publication_1A2B3C4D)\n`,
    });
    const missing = path.join(path.dirname(bad), "no-such-allow.txt");
    const m = await cli([a, "--no-synth", "--allow-file", missing]);
    expect(m.code).toBe(2);
    expect(m.err).toMatch(new RegExp(`^cdktf-clickpipes guard: --allow-file ${missing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: [^\n]+\n$`));
  });

  it("checks several plans and honours --allow (repeated or comma-separated)", async () => {
    const a = writePlan("a.json", plan([rc("postgresql_publication", "orders-db_Publication_92C9D745", DELETE)]));
    const b = writePlan("b.json", plan([rc("postgresql_role", "orders-db_User_Role_99178045", DELETE)], "0.2"));
    expect((await cli([a, b, "--no-synth"])).code).toBe(1);
    expect((await cli([a, b, "--no-synth", "--allow", "postgresql_publication.orders-db_Publication_92C9D745"])).code).toBe(1);
    const ok = await cli([a, b, "--no-synth", "--allow", "postgresql_publication.orders-db_Publication_92C9D745,postgresql_role.orders-db_User_Role_99178045"]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^  ALLOWED \[/m);
    const json = await cli([a, b, "--no-synth", "--allow", "postgresql_role.orders-db_User_Role_99178045", "--json"]);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out);
    expect(parsed).toMatchObject({ blocked: true, constructsFrom: "address", synth: null });
    expect(parsed.plans.map((p: { verdicts: { rule: string; allowed?: boolean }[] }) => p.verdicts.map((v) => `${v.rule}:${v.allowed ?? false}`))).toEqual([
      ["publication:false"],
      ["clickpipes-role:true"],
    ]);
  });

  it("--json validates against schemas/guard-report.schema.json, which matches the GuardReport type", async () => {
    expect(fs.readFileSync(GUARD_SCHEMA_PATH, "utf8")).toBe(generateGuardSchema());
    const schema = JSON.parse(fs.readFileSync(GUARD_SCHEMA_PATH, "utf8"));
    const a = writePlan("schema-a.json", plan([rc("postgresql_publication", "orders-db_Publication_92C9D745", DELETE)]));
    const w = writePlan(
      "schema-w.json",
      plan([rc("postgresql_publication", "orders-db_Publication_92C9D745", ["update"], { tables: ["public.a", "public.b"] }, { tables: ["public.a", "public.c"] })]),
    );
    const runs = [
      await cli([a, "--no-synth", "--json"]),
      await cli([a, w, "--no-synth", "--allow", "postgresql_publication.orders-db_Publication_92C9D745,nothing.here", "--json"]),
      await cli([w, "--no-synth", "--json"]),
    ];
    for (const r of runs) expect(validateJsonSchema(schema, JSON.parse(r.out))).toEqual([]);
    expect(JSON.parse(runs[1]!.out).staleAllowances).toEqual(["nothing.here"]);
    expect(validateJsonSchema(schema, { blocked: "no", constructsFrom: "address", synth: null, plans: [], staleAllowances: [] })).not.toEqual([]);
  });

  it("prints warnings with the table names and still exits 0", async () => {
    const p = writePlan("w.json", plan([rc("postgresql_publication", "orders-db_Publication_92C9D745", ["update"], { tables: ["public.a", "public.b"] }, { tables: ["public.a", "public.c"] })]));
    const r = await cli([p, "--no-synth"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`plan ${p}:\n  WARN [publication-tables-removed] postgresql_publication.orders-db_Publication_92C9D745: 1 table leaves the publication (public.b): `);
    expect(r.out).toContain("[publication-tables-added] postgresql_publication.orders-db_Publication_92C9D745: 1 table joins the publication (public.c): an initial load of each runs");
    expect(r.out).toContain("guard: nothing breaks a running ClickPipe in 1 plan; 2 warnings");
  });

  it("exits 2 with one line for a --synth folder that is not synth output, or both --synth and --no-synth", async () => {
    const p = path.join(FIXTURES, "update-grant-in-place.json");
    expect(await cli([p, "--synth", path.join(tmp, "nope")])).toMatchObject({ code: 2, err: `cdktf-clickpipes guard: --synth ${path.join(tmp, "nope")}: no such folder\n` });
    fs.mkdirSync(path.join(tmp, "empty"), { recursive: true });
    expect(await cli([p, "--synth", path.join(tmp, "empty")])).toMatchObject({
      code: 2,
      err: `cdktf-clickpipes guard: --synth ${path.join(tmp, "empty")}: not synth output (no stacks/<name>/cdk.tf.json); run: npx cdktf synth\n`,
    });
    const bad = path.join(tmp, "bad-out", "stacks", "orders-db");
    fs.mkdirSync(bad, { recursive: true });
    fs.writeFileSync(path.join(bad, "cdk.tf.json"), "{ not json");
    expect(await cli([p, "--synth", path.join(tmp, "bad-out")])).toMatchObject({
      code: 2,
      err: `cdktf-clickpipes guard: --synth ${path.join(bad, "cdk.tf.json")}: is not JSON; run: npx cdktf synth\n`,
    });
    fs.writeFileSync(path.join(bad, "cdk.tf.json"), JSON.stringify({ resource: {} }));
    expect(await cli([p, "--synth", path.join(tmp, "bad-out")])).toMatchObject({
      code: 2,
      err: `cdktf-clickpipes guard: --synth ${path.join(bad, "cdk.tf.json")}: is not a synthesized stack; run: npx cdktf synth\n`,
    });
    expect((await cli([p, "--synth", tmp, "--no-synth"])).code).toBe(2);
  });

  it("with --synth: the stack by the plan's addresses, exact construct paths, a warning when the plan is of no stack there", async () => {
    const out = path.join(tmp, "synth-one");
    synthApp({ sources: [genericSource()] }, out);
    const exact = await cli([path.join(FIXTURES, "replace-publication.json"), "--synth", out, "--json"]);
    expect(exact.code).toBe(1);
    expect(JSON.parse(exact.out)).toMatchObject({ constructsFrom: "synth", synth: out, plans: [{ stack: "orders-db", verdicts: [{ rule: "publication" }] }] });
    const other = writePlan("other.json", plan([rc("postgresql_role", "billing_User_Role_0A1B2C3D", DELETE)]));
    const r = await cli([other, "--synth", out]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`cdktf-clickpipes guard: warning: ${other}: cannot tell which stack of ${out} it is of (its addresses are not there); constructs recognised from addresses\n`);
  });

  it("exits 2 with one line when called wrongly or given something that is not a plan", async () => {
    expect(await cli([])).toMatchObject({ code: 2 });
    const missing = await cli([path.join(tmp, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`cdktf-clickpipes guard: plan ${path.join(tmp, "nope.json")}: no such file\n`);
    const bad = await cli([writePlan("bad.json", "{]")]);
    expect(bad).toMatchObject({ code: 2, err: `cdktf-clickpipes guard: ${path.join(tmp, "bad.json")}: is not JSON; expected the output of: terraform show -json <planfile>\n` });
    expect((await cli(["--bogus", "x.json"])).code).toBe(2);
  });

  it("--markdown: the diff's layout and wording; the stack named from the synth output; --full-report", async () => {
    const app = path.join(tmp, "md-app");
    fs.mkdirSync(app, { recursive: true });
    synthApp({ sources: [genericSource()] }, path.join(app, "cdktf.out"));
    const plans = [path.join(FIXTURES, "replace-publication.json"), path.join(FIXTURES, "update-grant-in-place.json")];
    const full = path.join(tmp, "guard-full.md");
    const r = await cli([...plans, "--synth", path.join(app, "cdktf.out"), "--markdown", "--full-report", full]);
    expect(r.code).toBe(1);
    expect(r.out.startsWith("### cdktf-clickpipes guard: BLOCKED\n")).toBe(true);
    expect(r.out).toContain("**BLOCKED**: 1 change would break a running ClickPipe, in 1 stack: `orders-db`.");
    expect(r.out).toMatch(/^<details open><summary>BLOCKED <code>orders-db<\/code>: plan .*replace-publication\.json \(1 to replace\)<\/summary>$/m);
    expect(r.out).toMatch(/^- -\/\+ `orders-db › Publication` `postgresql_publication\.orders-db_Publication_92C9D745`: replace$/m);
    expect(r.out).toContain("  - **BLOCK** `publication`: publication replaced");
    expect(fs.readFileSync(full, "utf8").startsWith("### cdktf-clickpipes guard: BLOCKED\n")).toBe(true);
    // --synth takes cdktf.out, its stacks/ folder or one stack folder alike.
    for (const synth of [path.join(app, "cdktf.out/stacks"), path.join(app, "cdktf.out/stacks/orders-db")]) {
      const alike = await cli([plans[0]!, "--synth", synth]);
      expect(alike.code).toBe(1);
      expect(alike.out).toContain(" (stack orders-db):\n  BLOCK [publication] orders-db:postgresql_publication.");
    }
    // Attribute names only, never values, from a plan.
    const upd = await cli([plans[1]!, "--no-synth", "--markdown"]);
    expect(upd.code).toBe(0);
    expect(upd.out).toMatch(/^ {2}- `changed: privileges`$/m);
    expect((await cli([plans[0]!, "--markdown", "--json"])).err).toContain("--json and --markdown exclude each other");
    expect((await cli([plans[0]!, "--max-chars", "3000"])).err).toContain("--max-chars applies to --markdown");
  });

  it("runs through the installed bin", () => {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.json")], { cwd: ROOT });
    const bin = path.join(ROOT, "bin/cdktf-clickpipes.js");
    const r = spawnSync(process.execPath, [bin, "guard", path.join(FIXTURES, "replace-publication.json")], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^  BLOCK \[publication\] /m);
    const ok = spawnSync(process.execPath, [bin, "guard", path.join(FIXTURES, "update-grant-in-place.json")], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    // In a folder with cdktf.out, the guard reads it by default: exact construct paths and the stack name.
    const app = path.join(tmp, "app");
    fs.mkdirSync(app, { recursive: true });
    synthApp({ sources: [genericSource()] }, path.join(app, "cdktf.out"));
    const exact = spawnSync(process.execPath, [bin, "guard", path.join(FIXTURES, "replace-publication.json")], { encoding: "utf8", cwd: app });
    expect(exact.status).toBe(1);
    expect(exact.stdout).toContain(
      `plan ${path.join(FIXTURES, "replace-publication.json")} (stack orders-db):\n  BLOCK [publication] orders-db:postgresql_publication.orders-db_Publication_92C9D745: `,
    );
    expect(exact.stdout).toContain("(constructs from synth output cdktf.out)");
  });
});
