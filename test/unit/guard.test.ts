import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runGuard } from "../../src/cli/guard";
import { guardPlan } from "../../src/guard/guard";
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

function blockedIds(text: string, allow: string[] = []): string[] {
  return guardPlan(parsePlan(text), allow).blocking.map((f) => `${f.kind}:${f.protectedBy}`);
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
    expect(() => parsePlan(state, "state.json")).toThrow(
      "state.json: has no planned_values or resource_changes (state JSON?); expected the output of: terraform show -json <planfile>",
    );
    expect(parsePlan(JSON.stringify({ format_version: "1.2", planned_values: {} })).resourceChanges).toEqual([]);
  });
});

describe("guard", () => {
  it("passes a plan with no changes and one with only creates", () => {
    expect(blockedIds(plan([]))).toEqual([]);
    expect(blockedIds(plan([rc("postgresql_publication", "p", ["no-op"]), rc("postgresql_role", "r", ["create"], null, {})]))).toEqual([]);
  });

  it("passes an update in place of a grant's privileges", () => {
    expect(blockedIds(plan([rc("postgresql_grant", "g", ["update"], { privileges: ["SELECT"] }, { privileges: ["SELECT", "REFERENCES"] })]))).toEqual([]);
  });

  it("passes updates in place of protected resources", () => {
    expect(blockedIds(plan([rc("postgresql_publication", "p", ["update"]), rc("postgresql_role", "r", ["update"]), rc("aws_rds_cluster_parameter_group", "pg", ["update"])]))).toEqual([]);
  });

  it("blocks deleting or replacing the publication (either replace order)", () => {
    expect(blockedIds(plan([rc("postgresql_publication", "p", DELETE)]))).toEqual(["delete:publication"]);
    expect(blockedIds(plan([rc("postgresql_publication", "p", REPLACE)]))).toEqual(["replace:publication"]);
    expect(blockedIds(plan([rc("postgresql_publication", "p", REPLACE_CBD)]))).toEqual(["replace:publication"]);
  });

  it("blocks deleting or replacing the ClickPipes role", () => {
    expect(blockedIds(plan([rc("postgresql_role", "r", DELETE, { name: "clickpipes_user" }, null)]))).toEqual(["delete:clickpipes-role"]);
    expect(blockedIds(plan([rc("postgresql_role", "r", REPLACE, { name: "clickpipes_user" })]))).toEqual(["replace:clickpipes-role"]);
  });

  it("blocks revoking rds_replication but not other role grants", () => {
    expect(blockedIds(plan([rc("postgresql_grant_role", "a", DELETE, { grant_role: "rds_replication", role: "clickpipes_user" }, null)]))).toEqual(["delete:rds-replication"]);
    expect(blockedIds(plan([rc("postgresql_grant_role", "a", REPLACE, { grant_role: "rds_replication" })]))).toEqual(["replace:rds-replication"]);
    expect(blockedIds(plan([rc("postgresql_grant_role", "b", DELETE, { grant_role: "rds_iam" }, null)]))).toEqual([]);
  });

  it("blocks deleting or replacing a source's parameter group (cluster or instance)", () => {
    expect(blockedIds(plan([rc("aws_rds_cluster_parameter_group", "pg", DELETE)]))).toEqual(["delete:parameter-group"]);
    expect(blockedIds(plan([rc("aws_db_parameter_group", "pg", REPLACE_CBD)]))).toEqual(["replace:parameter-group"]);
  });

  it("blocks removing a ClickPipes ingress rule, not other ingress rules", () => {
    const sg = (cidr: string, actions: Actions) => rc("aws_vpc_security_group_ingress_rule", `r_${cidr.replace(/\W/g, "_")}`, actions, { cidr_ipv4: cidr, from_port: 5432 }, null);
    expect(blockedIds(plan([sg("3.127.86.90/32", DELETE)]))).toEqual(["delete:clickpipes-ingress"]);
    expect(blockedIds(plan([sg("3.127.86.90/32", REPLACE)]))).toEqual(["replace:clickpipes-ingress"]);
    expect(blockedIds(plan([sg("10.1.2.3/32", DELETE)]))).toEqual([]);
  });

  it("compares ingress addresses as networks, not spellings", () => {
    const sg = (key: string, cidr: string) => rc("aws_vpc_security_group_ingress_rule", `r_${cidr.replace(/\W/g, "_")}`, DELETE, { [key]: cidr, from_port: 5432 }, null);
    expect(blockedIds(plan([sg("cidr_ipv4", "003.127.086.090/32")]))).toEqual(["delete:clickpipes-ingress"]);
    expect(blockedIds(plan([sg("cidr_ipv6", "::ffff:3.127.86.90/128")]))).toEqual(["delete:clickpipes-ingress"]);
    expect(blockedIds(plan([sg("cidr_ipv4", "3.127.86.0/24")]))).toEqual([]);
  });

  it("ignores data sources and unrelated resources", () => {
    const data = { ...rc("postgresql_publication", "p", DELETE), mode: "data" };
    expect(blockedIds(plan([data, rc("aws_s3_bucket", "b", DELETE)]))).toEqual([]);
  });

  it("lets --allow name deliberate changes by address", () => {
    const text = plan([rc("postgresql_publication", "p", REPLACE), rc("postgresql_role", "r", DELETE)]);
    expect(blockedIds(text, ["postgresql_publication.p"])).toEqual(["delete:clickpipes-role"]);
    const all = guardPlan(parsePlan(text), ["postgresql_publication.p"]);
    expect(all.findings.find((f) => f.address === "postgresql_publication.p")?.allowed).toBe(true);
  });
});

describe("guard command", () => {
  it("exits 1 on a plan that replaces the publication, listing it", async () => {
    const r = await cli([path.join(FIXTURES, "replace-publication.json")]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("BLOCKED");
    expect(r.out).toContain("replace postgresql_publication.orders-db_Publication_92C9D745 (publication)");
    expect(r.out).toContain("guard: 1 change(s) would break a running ClickPipe");
  });

  it("exits 0 on an update in place of a grant's privileges", async () => {
    const r = await cli([path.join(FIXTURES, "update-grant-in-place.json")]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toBe("guard: no protected resource is deleted or replaced in 1 plan(s)\n");
  });

  it("checks several plans and honours --allow (repeated or comma-separated)", async () => {
    const a = writePlan("a.json", plan([rc("postgresql_publication", "p", DELETE)]));
    const b = writePlan("b.json", plan([rc("postgresql_role", "r", DELETE)], "0.2"));
    expect((await cli([a, b])).code).toBe(1);
    expect((await cli([a, b, "--allow", "postgresql_publication.p"])).code).toBe(1);
    const ok = await cli([a, b, "--allow", "postgresql_publication.p,postgresql_role.r"]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("ALLOWED  ");
    const json = await cli([a, b, "--allow", "postgresql_role.r", "--json"]);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out);
    expect(parsed.blocked).toBe(true);
    expect(parsed.plans.map((p: { findings: { allowed: boolean }[] }) => p.findings.map((f) => f.allowed))).toEqual([[false], [true]]);
  });

  it("exits 2 with one line when called wrongly or given something that is not a plan", async () => {
    expect(await cli([])).toMatchObject({ code: 2 });
    const missing = await cli([path.join(tmp, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`cdktf-clickpipes guard: cannot read ${path.join(tmp, "nope.json")}: ENOENT\n`);
    const bad = await cli([writePlan("bad.json", "{]")]);
    expect(bad).toMatchObject({ code: 2, err: `cdktf-clickpipes guard: ${path.join(tmp, "bad.json")}: is not JSON; expected the output of: terraform show -json <planfile>\n` });
    expect((await cli(["--bogus", "x.json"])).code).toBe(2);
  });

  it("runs through the installed bin", () => {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.json")], { cwd: ROOT });
    const bin = path.join(ROOT, "bin/cdktf-clickpipes.js");
    const r = spawnSync(process.execPath, [bin, "guard", path.join(FIXTURES, "replace-publication.json")], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("BLOCKED");
    const ok = spawnSync(process.execPath, [bin, "guard", path.join(FIXTURES, "update-grant-in-place.json")], { encoding: "utf8" });
    expect(ok.status).toBe(0);
  });
});
