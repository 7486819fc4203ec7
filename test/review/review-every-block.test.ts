/**
 * Issue 24 part 1: every block Terraform acts on is judged or refused, in `diff` (hostile heads
 * edited from real synth output), `guard` and `run-task` (plans), with `terraform_data` proofs of
 * what Terraform does where the binary exists.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDiff } from "../../src/cli/diff";
import { guardPlan } from "../../src/guard/guard";
import { parsePlan } from "../../src/guard/plan";
import { judgePlanText } from "../../src/runtask/result";
import type { DiffReport } from "../../src/diff/report";
import { AppConfig } from "../../src/model/app-config";
import { BackendType } from "../../src/model/backend";
import { genericSource, synthApp } from "../support/helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-every-block-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SERVICE = "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d";
const config: AppConfig = {
  backend: { type: BackendType.LOCAL },
  sources: [genericSource({ clickpipe: { serviceId: SERVICE, destinationDatabase: "orders" } })],
};

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let base: string;
let baseJson: Json;
beforeAll(() => {
  base = path.join(tmp, "base");
  synthApp(config, base);
  baseJson = JSON.parse(fs.readFileSync(path.join(base, "stacks/orders-db/cdk.tf.json"), "utf8"));
});

let n = 0;
function head(edit: (j: Json) => void, opts: { readonly rename?: string } = {}): string {
  const dir = path.join(tmp, `head-${++n}`);
  fs.cpSync(base, dir, { recursive: true });
  const file = path.join(dir, "stacks/orders-db/cdk.tf.json");
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  edit(j);
  fs.writeFileSync(file, JSON.stringify(j, null, 2));
  if (opts.rename) {
    fs.renameSync(path.join(dir, "stacks/orders-db"), path.join(dir, "stacks", opts.rename));
    const moved = path.join(dir, "stacks", opts.rename, "cdk.tf.json");
    const k = JSON.parse(fs.readFileSync(moved, "utf8"));
    if (k["//"]?.metadata) k["//"].metadata.stackName = opts.rename;
    fs.writeFileSync(moved, JSON.stringify(k, null, 2));
  }
  return dir;
}
const name = (j: Json, type: string) => Object.keys(j.resource[type])[0]!;
const body = (j: Json, type: string) => Object.values(j.resource[type])[0] as Json;

async function diff(h: string): Promise<{ code: number; r: DiffReport }> {
  let out = "";
  const sink = (f: (s: string) => void) => ({ write: (s: string) => (f(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await runDiff(
    [base, h, "--json"],
    sink((s) => (out += s)),
    sink(() => {}),
  );
  return { code, r: JSON.parse(out) as DiffReport };
}
const verdicts = (r: DiffReport) => r.stacks.flatMap((s) => [...s.configVerdicts, ...s.verdicts].map((v) => `${v.level} ${v.rule} ${v.address}`));

describe("diff: import, moved and removed blocks, triggers, backends, providers, grants", () => {
  it("an import of the ClickPipes role into a second resource is refused (BLOCK state-block), as are moved and removed blocks", async () => {
    const role = name(baseJson, "postgresql_role");
    const h = head((j) => {
      const r = body(j, "postgresql_role");
      j.resource.postgresql_role.laundered = { ...r, login: false, "//": undefined };
      j.import = [{ to: "postgresql_role.laundered", id: r.name }];
      j.moved = [{ from: `postgresql_grant.${name(j, "postgresql_grant")}`, to: "postgresql_grant.elsewhere" }];
      j.removed = [{ from: "postgresql_publication.gone", lifecycle: { destroy: false } }];
    });
    const { code, r } = await diff(h);
    expect(code).toBe(1);
    const v = verdicts(r);
    expect(v).toEqual(expect.arrayContaining(["BLOCK state-block import[0]", "BLOCK state-block moved[0]", "BLOCK state-block removed[0]"]));
    expect(role).toBeTruthy();
    // A base that already has the same blocks: nothing new to judge.
  });

  it("lifecycle.replace_triggered_by added on the publication, the role or the pipe: BLOCK", async () => {
    const h = head((j) => {
      body(j, "postgresql_publication").lifecycle = { ...(body(j, "postgresql_publication").lifecycle ?? {}), replace_triggered_by: ["terraform_data.t"] };
      body(j, "postgresql_role").lifecycle = { ...(body(j, "postgresql_role").lifecycle ?? {}), replace_triggered_by: ["terraform_data.t"] };
      body(j, "clickhouse_clickpipe").lifecycle = { replace_triggered_by: ["terraform_data.t"] };
    });
    const { code, r } = await diff(h);
    expect(code).toBe(1);
    const v = verdicts(r).filter((x) => x.startsWith("BLOCK replace-triggered-by "));
    expect(v.map((x) => x.split(" ")[2]!.split(".")[0]).sort()).toEqual(["clickhouse_clickpipe", "postgresql_publication", "postgresql_role"]);
  });

  it("terraform.backend changed: BLOCK; a stack renamed onto the same state is diffed against the stack owning it", async () => {
    const moved = await diff(head((j) => (j.terraform.backend = { local: { path: "/elsewhere/terraform.tfstate" } })));
    expect(moved.code).toBe(1);
    expect(verdicts(moved.r).some((x) => x.startsWith("BLOCK backend terraform.backend.local.path"))).toBe(true);
    // Renamed folder, same backend, and the publication renamed: not "stack removed / stack added".
    const renamed = await diff(head((j) => (body(j, "postgresql_publication").name = "other_pub"), { rename: "orders-db-v2" }));
    expect(renamed.r.stacks.map((s) => `${s.name} ${s.status}`)).toEqual(["orders-db-v2 changed"]);
    expect(renamed.code).toBe(1);
    expect(verdicts(renamed.r).some((x) => x.startsWith("BLOCK publication-renamed postgresql_publication."))).toBe(true);
  });

  it("resources and data sources of providers the stacks do not use: BLOCK naming the provider", async () => {
    const h = head((j) => {
      j.data = { ...(j.data ?? {}), external: { run: { program: ["sh", "-c", "echo {}"] } } };
      j.resource.null_resource = { x: { triggers: { a: "1" } } };
      j.resource.local_file = { f: { filename: "/tmp/x", content: "y" } };
    });
    const { code, r } = await diff(h);
    expect(code).toBe(1);
    const v = r.stacks.flatMap((s) => s.verdicts).filter((x) => x.rule === "foreign-provider");
    expect(v.map((x) => x.address).sort()).toEqual(["data.external.run", "local_file.f", "null_resource.x"]);
    expect(v.find((x) => x.address === "data.external.run")!.message).toContain('provider "external"');
  });

  it("a grant of the ClickPipes role with privileges = []: BLOCK; the provider block pointed at another host: BLOCK naming it", async () => {
    const h = head((j) => {
      const role = `\${postgresql_role.${name(j, "postgresql_role")}.name}`;
      j.resource.postgresql_grant.revoke_all = { database: "orders", role, schema: "public", object_type: "table", privileges: [] };
      j.provider.postgresql[0].host = "other.example.com";
    });
    const { code, r } = await diff(h);
    expect(code).toBe(1);
    const v = verdicts(r);
    expect(v).toContain("BLOCK grants-revoke-all postgresql_grant.revoke_all");
    expect(v).toContain("BLOCK provider-target provider.postgresql.host");
  });
});

/** A plan of the synthesized stack: every resource no-op, plus `extra` changes. */
function plan(extra: Json[]): string {
  const rc: Json[] = [];
  for (const [type, byName] of Object.entries(baseJson.resource as Json)) {
    for (const [n, b] of Object.entries(byName as Json)) {
      const values = { ...(b as Json) };
      delete values["//"];
      delete values.lifecycle;
      delete values.depends_on;
      if (type === "clickhouse_clickpipe") values.source = [{ postgres: [{ credentials: [{ username: roleName() }] }] }];
      rc.push({ address: `${type}.${n}`, mode: "managed", type, name: n, change: { actions: ["no-op"], before: values, after: values } });
    }
  }
  return JSON.stringify({ format_version: "1.2", resource_changes: [...rc, ...extra] });
}
const roleName = () => body(baseJson, "postgresql_role").name as string;

describe("guard and run-task: plans that import, move, or read with foreign providers", () => {
  it("the ClickPipes role imported at another address with LOGIN off: BLOCK (identity by the pipe's user, change.importing)", () => {
    const imported = {
      address: "postgresql_role.laundered",
      mode: "managed",
      type: "postgresql_role",
      name: "laundered",
      change: { actions: ["update"], importing: { id: roleName() }, before: { name: roleName(), login: true, replication: true }, after: { name: roleName(), login: false, replication: true } },
    };
    const r = guardPlan(parsePlan(plan([imported])));
    expect(r.blocking.map((v) => `${v.rule} ${v.address}`).sort()).toEqual(["role-login postgresql_role.laundered", "state-block postgresql_role.laundered"]);
    const task = judgePlanText(plan([imported]), []);
    expect(task.status).toBe("failed");
    expect(task.message).toContain("2 changes would break a running ClickPipe");
  });

  it("a moved publication (previous_address) is judged; a data source of an unused provider blocks", () => {
    const pub = name(baseJson, "postgresql_publication");
    const moved = {
      address: "postgresql_publication.p2",
      previous_address: `postgresql_publication.${pub}`,
      mode: "managed",
      type: "postgresql_publication",
      name: "p2",
      change: { actions: ["no-op"], before: { name: "x" }, after: { name: "x" } },
    };
    const ext = { address: "data.external.run", mode: "data", type: "external", name: "run", change: { actions: ["read"], before: null, after: { program: ["sh"] } } };
    const r = guardPlan(parsePlan(plan([moved, ext])));
    expect(r.blocking.map((v) => `${v.rule} ${v.address}`).sort()).toEqual(["foreign-provider data.external.run", "state-block postgresql_publication.p2"]);
    expect(judgePlanText(plan([ext]), []).status).toBe("failed");
  });

  it("the publication forgotten (a removed block, destroy = false): BLOCK state-block in guard and run-task; a forget of another type is no verdict", () => {
    const pub = name(baseJson, "postgresql_publication");
    const forgotten = {
      address: `postgresql_publication.${pub}`,
      mode: "managed",
      type: "postgresql_publication",
      name: pub,
      change: { actions: ["forget"], before: { name: "x" }, after: null },
    };
    const other = { address: "terraform_data.t", mode: "managed", type: "terraform_data", name: "t", change: { actions: ["forget"], before: { input: "a" }, after: null } };
    const r = guardPlan(parsePlan(plan([forgotten, other])));
    expect(r.blocking.map((v) => `${v.rule} ${v.address}`)).toEqual([`state-block postgresql_publication.${pub}`]);
    expect(r.blocking[0]!.message).toContain("removed from state");
    const task = judgePlanText(plan([forgotten]), []);
    expect(task.status).toBe("failed");
    // Without the forget, the same plan passes: the verdict is the forget's.
    expect(judgePlanText(plan([]), []).status).toBe("passed");
  });
});

function findTerraform(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).concat("/usr/local/bin")) {
    const f = path.join(dir, "terraform");
    if (fs.existsSync(f)) return f;
  }
  return undefined;
}

describe("what Terraform does (terraform_data, offline)", () => {
  const terraform = findTerraform();
  type PlannedChange = { address: string; previous_address?: string; change: { actions: string[]; importing?: { id: string } } };
  /** A folder with one main.tf.json, terraform run in it offline, and its plans as JSON. */
  const workspace = () => {
    const dir = fs.mkdtempSync(path.join(tmp, "tf-"));
    const env = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
    const tf = (...args: string[]) => spawnSync(terraform!, args, { cwd: dir, env, encoding: "utf8" });
    const write = (json: Json) => fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(json));
    const planJson = () => {
      const p = tf("plan", "-input=false", "-no-color", "-out=plan.bin");
      expect(p.status, p.stderr).toBe(0);
      const s = tf("show", "-json", "plan.bin");
      expect(s.status, s.stderr).toBe(0);
      return JSON.parse(s.stdout) as { resource_changes: PlannedChange[] };
    };
    return { tf, write, planJson };
  };

  it.skipIf(!terraform)("a moved block keeps the object (no destroy: an address diff is wrong); replace_triggered_by replaces on a mere update of the trigger", () => {
    const { tf, write, planJson } = workspace();
    write({ resource: { terraform_data: { pub: { input: "publication" }, trigger: { input: "a" } } } });
    expect(tf("init", "-input=false", "-no-color").status).toBe(0);
    expect(tf("apply", "-auto-approve", "-input=false", "-no-color").status).toBe(0);
    // moved: the object keeps its identity under the new address (previous_address), nothing destroyed.
    write({ resource: { terraform_data: { pub2: { input: "publication" }, trigger: { input: "a" } } }, moved: [{ from: "terraform_data.pub", to: "terraform_data.pub2" }] });
    const mv = planJson().resource_changes.find((c) => c.address === "terraform_data.pub2")!;
    expect(mv.previous_address).toBe("terraform_data.pub");
    expect(mv.change.actions).toEqual(["no-op"]);
    // replace_triggered_by: updating the trigger in place replaces the publication.
    write({ resource: { terraform_data: { pub: { input: "publication", lifecycle: { replace_triggered_by: ["terraform_data.trigger"] } }, trigger: { input: "b" } } } });
    const rt = planJson().resource_changes.find((c) => c.address === "terraform_data.pub")!;
    expect(rt.change.actions.sort()).toEqual(["create", "delete"]);
  });

  it.skipIf(!terraform)("a removed block with destroy = false plans `forget` (the object stays); an import block plans an update of the imported object with change.importing", () => {
    const { tf, write, planJson } = workspace();
    write({ resource: { terraform_data: { pub: { input: "publication" } } } });
    expect(tf("init", "-input=false", "-no-color").status).toBe(0);
    expect(tf("apply", "-auto-approve", "-input=false", "-no-color").status).toBe(0);
    write({ removed: [{ from: "terraform_data.pub", lifecycle: { destroy: false } }] });
    expect(planJson().resource_changes.map((c) => [c.address, c.change.actions])).toEqual([["terraform_data.pub", ["forget"]]]);
    const applied = tf("apply", "-auto-approve", "-input=false", "-no-color");
    expect(applied.status, applied.stderr).toBe(0);
    expect(tf("state", "list").stdout.trim()).toBe("");
    // import: an object Terraform did not manage is taken under an address and changed in the same apply.
    write({ resource: { terraform_data: { laundered: { input: "LOGIN off" } } }, import: [{ to: "terraform_data.laundered", id: "the-role" }] });
    const imp = planJson().resource_changes.find((c) => c.address === "terraform_data.laundered")!;
    expect(imp.change.importing).toEqual({ id: "the-role" });
    expect(imp.change.actions).toEqual(["update"]);
  });
});
