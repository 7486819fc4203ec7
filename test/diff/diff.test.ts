/**
 * `cdktf-clickpipes diff` over pairs of real synth outputs built from configs (buildApp into temp
 * folders): add / remove / change / replace, stacks added and removed, secret redaction, the exit
 * codes, and the text, markdown and JSON shapes (JSON validated against the published schema).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDiff } from "../../src/cli/diff";
import { main } from "../../src/cli/main";
import { AppConfig, SourceKind } from "../../src/model/app-config";
import { BackendType } from "../../src/model/backend";
import { AwsNetworkMode } from "../../src/model/aws-types";
import { DIFF_SCHEMA_PATH, generateDiffSchema } from "../../scripts/gen-diff-schema";
import type { DiffReport } from "../../src/diff/report";
import { auroraSource, SG } from "../support/aws-helpers";
import { genericSource, synthApp } from "../support/helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-diff-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SERVICE = "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d";

function baseConfig(): AppConfig {
  return {
    backend: { type: BackendType.LOCAL },
    sources: [genericSource(), auroraSource({ clickpipe: { serviceId: SERVICE, destinationDatabase: "billing" }, network: { mode: AwsNetworkMode.IP_ALLOW_LIST, securityGroupId: SG } })],
  };
}

type Mutate = (c: { backend: unknown; sources: Record<string, unknown>[] }) => void;

const outputs = new Map<string, string>();
function build(name: string, mutate: Mutate = () => {}): string {
  const config = JSON.parse(JSON.stringify(baseConfig()));
  mutate(config);
  const dir = path.join(tmp, name);
  synthApp(config, dir);
  outputs.set(name, dir);
  return dir;
}

function capture() {
  let out = "";
  let err = "";
  return {
    out: { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream,
    err: { write: (s: string) => ((err += s), true) } as unknown as NodeJS.WritableStream,
    get stdout() {
      return out;
    },
    get stderr() {
      return err;
    },
  };
}

async function diff(base: string, head: string, ...flags: string[]) {
  const io = capture();
  const code = await runDiff([base, head, ...flags], io.out, io.err);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

async function json(base: string, head: string, ...flags: string[]): Promise<{ code: number; report: DiffReport }> {
  const r = await diff(base, head, "--json", ...flags);
  return { code: r.code, report: JSON.parse(r.stdout) as DiffReport };
}

const generic = (c: { sources: Record<string, unknown>[] }) => c.sources.find((s) => s.kind === SourceKind.GENERIC)!;
const aurora = (c: { sources: Record<string, unknown>[] }) => c.sources.find((s) => s.kind === SourceKind.AURORA)!;

let base: string;
beforeAll(() => {
  base = build("base");
  // Tables: one added, one removed; a new schema granted whole; a table-scoped grant's objects change.
  build("tables", (c) => {
    const g = generic(c);
    g.tables = ["public.customers", "public.refunds", "sales.invoices", "inventory.stock_levels", "inventory.warehouses"];
    g.schemas = [{ name: "public" }, { name: "sales", owners: ["postgres", "app_owner"] }, { name: "billing" }];
  });
  // A pipe setting the provider can only apply by recreating the pipe.
  build("pipe-replace", (c) => {
    (aurora(c).clickpipe as Record<string, unknown>).destinationDatabase = "billing_v2";
  });
  // The generic source leaves the config; a new one arrives.
  build("stacks", (c) => {
    c.sources = c.sources.filter((s) => s.kind !== SourceKind.GENERIC);
    c.sources.push(genericSource({ name: "crm-db", database: "crm", tables: ["public.accounts"], schemas: [{ name: "public" }] }) as never);
  });
  // Password rotation: the write-only password's version changes.
  build("rotate", (c) => {
    aurora(c).user = { passwordVersion: 2 };
  });
  // A monitoring role on the generic source; the Aurora source's alarms switched off.
  build("monitoring", (c) => {
    generic(c).monitoring = {};
    aurora(c).alarms = { enabled: false };
  });
});

describe("diff of two synth outputs", () => {
  it("reports nothing and exits 0 for identical outputs", async () => {
    const { code, report } = await json(base, base);
    expect(code).toBe(0);
    expect(report.blocked).toBe(false);
    expect(report.stacks.every((s) => s.status === "unchanged" && s.resources.length === 0)).toBe(true);
    expect(report.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0, blocked: 0 });
  });

  it("tables added and removed: ALTER PUBLICATION in place, WARN with the tables, the pipe's initial load", async () => {
    const { code, report } = await json(base, outputs.get("tables")!);
    expect(code).toBe(0);
    const stack = report.stacks.find((s) => s.name === "orders-db")!;
    const pub = stack.resources.find((r) => r.type === "postgresql_publication")!;
    expect(pub.action).toBe("update");
    const tables = pub.changes.find((c) => c.path === "tables")!;
    expect(tables.added).toEqual(["inventory.warehouses", "public.refunds"]);
    expect(tables.removed).toEqual(["public.orders"]);
    expect(tables.forcesReplacement).toBeUndefined();
    // In the order the provider lists its Terraform set (providerSetOrder), not the config's.
    expect(pub.sql).toEqual([
      "BEGIN;",
      'ALTER PUBLICATION clickpipes_publication ADD TABLE "public"."refunds";',
      'ALTER PUBLICATION clickpipes_publication ADD TABLE "inventory"."warehouses";',
      'ALTER PUBLICATION clickpipes_publication DROP TABLE "public"."orders";',
      "COMMIT;",
    ]);
    const warns = stack.verdicts.filter((v) => v.level === "WARN");
    expect(warns.flatMap((v) => v.tables ?? []).sort()).toEqual(["inventory.warehouses", "public.orders", "public.refunds"]);
    expect(stack.pipe.join("\n")).toMatch(/initial load: .*inventory\.warehouses, public\.refunds/);
    expect(stack.pipe.join("\n")).toMatch(/replication stops for public\.orders/);
  });

  it("a new schema: the GRANTs it runs; a grant whose objects change is replaced (ForceNew objects)", async () => {
    const { report } = await json(base, outputs.get("tables")!);
    const stack = report.stacks.find((s) => s.name === "orders-db")!;
    const created = stack.resources.filter((r) => r.action === "create").map((r) => r.address);
    expect(created.some((a) => a.startsWith("postgresql_grant.orders-db_Grants_schema-billing_Usage_"))).toBe(true);
    const usage = stack.resources.find((r) => r.address.startsWith("postgresql_grant.orders-db_Grants_schema-billing_Usage_"))!;
    expect(usage.sql).toContain('GRANT USAGE ON SCHEMA "billing" TO "clickpipes_user";');
    const select = stack.resources.find((r) => r.address.startsWith("postgresql_grant.orders-db_Grants_schema-billing_SelectAllTables_"))!;
    expect(select.sql).toContain('GRANT SELECT ON ALL TABLES IN SCHEMA "billing" TO "clickpipes_user";');
    const inventory = stack.resources.find((r) => r.address.startsWith("postgresql_grant.orders-db_Grants_tables-inventory_SelectTables_"))!;
    expect(inventory.action).toBe("replace");
    expect(inventory.replaceBecause).toEqual(["objects"]);
    expect(inventory.changes.find((c) => c.path === "objects")).toMatchObject({ added: ["warehouses"], removed: [], forcesReplacement: true });
    // The replacement's SQL: the provider's REVOKE + GRANT of the new objects.
    expect(inventory.sql).toContain('GRANT SELECT ON TABLE "inventory"."stock_levels","inventory"."warehouses" TO "clickpipes_user";');
    // Nothing here breaks a running pipe.
    expect(report.blocked).toBe(false);
  });

  it("a pipe setting that forces a new pipe: replace, BLOCK, exit 1; --allow <address> lets it pass with exit 0", async () => {
    const head = outputs.get("pipe-replace")!;
    const { code, report } = await json(base, head);
    expect(code).toBe(1);
    const stack = report.stacks.find((s) => s.name === "billing-db")!;
    const pipe = stack.resources[0];
    expect(pipe.type).toBe("clickhouse_clickpipe");
    expect(pipe.action).toBe("replace");
    expect(pipe.replaceBecause).toEqual(["destination.database"]);
    expect(stack.blocked).toBe(true);
    expect(stack.verdicts[0]).toMatchObject({ level: "BLOCK", address: pipe.address });
    expect(stack.pipe.join("\n")).toMatch(/full initial load of every table/);
    const allowed = await json(base, head, "--allow", pipe.address);
    expect(allowed.code).toBe(0);
    expect(allowed.report.stacks.find((s) => s.name === "billing-db")!.verdicts[0]).toMatchObject({ level: "BLOCK", allowed: true });
  });

  it("--allow-file allows like --allow, scoped by stack; an allowance that allows nothing is stale in text, Markdown and JSON", async () => {
    const head = outputs.get("pipe-replace")!;
    const address = (await json(base, head)).report.stacks.find((s) => s.name === "billing-db")!.resources[0].address;
    const file = path.join(tmp, "allow-file.txt");
    fs.writeFileSync(file, `# rebuilt on purpose\nbilling-db:${address}\norders-db:${address} # wrong stack: allows nothing\n`);
    const r = await json(base, head, "--allow-file", file);
    expect(r.code).toBe(0);
    expect(r.report.staleAllowances).toEqual([`orders-db:${address}`]);
    const text = await diff(base, head, "--allow-file", file);
    expect(text.stdout).toContain(`stale allowance: orders-db:${address} allows nothing (no blocking change there); remove it\n`);
    const md = await diff(base, head, "--allow-file", file, "--markdown");
    expect(md.stdout).toContain(`- stale allowance: \`orders-db:${address}\` allows nothing (no blocking change there); remove it\n`);
    // Scoped to the other stack only, the change still blocks.
    fs.writeFileSync(file, `orders-db:${address}\n`);
    expect((await json(base, head, "--allow-file", file)).code).toBe(1);
    const none = await json(base, head);
    expect(none.report.staleAllowances).toEqual([]);
  });

  it("a stack that disappears is reported as no longer managed (not destroyed); a new stack's resources are created", async () => {
    const { code, report } = await json(base, outputs.get("stacks")!);
    expect(code).toBe(0);
    const gone = report.stacks.find((s) => s.name === "orders-db")!;
    expect(gone.status).toBe("removed");
    expect(gone.note).toMatch(/no longer managed; they stay in the database and cloud until destroyed/);
    expect(gone.unmanaged!.some((a) => a.startsWith("postgresql_publication.orders-db_Publication_"))).toBe(true);
    expect(gone.verdicts).toEqual([expect.objectContaining({ level: "WARN", rule: "stack-no-longer-managed" })]);
    const added = report.stacks.find((s) => s.name === "crm-db")!;
    expect(added.status).toBe("added");
    expect(added.resources.every((r) => r.action === "create")).toBe(true);
    expect(added.variables.map((v) => `${v.action} ${v.name}`)).toContain("add clickpipes_password");
    expect(report.summary).toMatchObject({ stacksAdded: 1, stacksRemoved: 1, delete: 0 });
  });

  it("secrets are never printed: write-only passwords, sensitive variable defaults, provider passwords", async () => {
    // A head whose JSON carries literal secrets where a careless config could put them.
    const head = path.join(tmp, "secrets");
    fs.cpSync(outputs.get("rotate")!, head, { recursive: true });
    const file = path.join(head, "stacks/billing-db/cdk.tf.json");
    const j = JSON.parse(fs.readFileSync(file, "utf8"));
    const SECRET = "hunter2-Do-Not-Print";
    const role = Object.values(j.resource.postgresql_role)[0] as Record<string, unknown>;
    role.password_wo = SECRET;
    j.variable.clickpipes_password.default = SECRET;
    j.provider.postgresql[0].password = SECRET;
    const pipe = Object.values(j.resource.clickhouse_clickpipe)[0] as { source: { postgres: { credentials: Record<string, unknown> } } };
    pipe.source.postgres.credentials.password_wo = SECRET;
    fs.writeFileSync(file, JSON.stringify(j, null, 2));
    for (const flags of [[], ["--markdown"], ["--json"]]) {
      const r = await diff(base, head, ...flags);
      expect(r.stdout).not.toContain(SECRET);
      expect(r.stdout).toContain("(sensitive)");
    }
    const { report } = await json(base, head);
    const stack = report.stacks.find((s) => s.name === "billing-db")!;
    const roleChange = stack.resources.find((r) => r.type === "postgresql_role")!;
    expect(roleChange.changes).toContainEqual({ path: "password_wo", sensitive: true });
    expect(roleChange.changes).toContainEqual({ path: "password_wo_version", before: "1", after: "2" });
    expect(stack.variables.find((v) => v.name === "clickpipes_password")).toMatchObject({ sensitive: true, after: expect.objectContaining({ default: "(sensitive)" }) });
    expect(stack.providers.find((p) => p.name === "postgresql.password")).toEqual({ name: "postgresql.password", action: "change", sensitive: true });
  });

  it("a write-only password changed without its version plans nothing (reported as no effect)", async () => {
    const head = path.join(tmp, "wo-only");
    fs.cpSync(base, head, { recursive: true });
    const file = path.join(head, "stacks/orders-db/cdk.tf.json");
    const j = JSON.parse(fs.readFileSync(file, "utf8"));
    (Object.values(j.resource.postgresql_role)[0] as Record<string, unknown>).password_wo = "${var.other_password}";
    fs.writeFileSync(file, JSON.stringify(j));
    const { code, report } = await json(base, head);
    expect(code).toBe(0);
    const stack = report.stacks.find((s) => s.name === "orders-db")!;
    expect(stack.resources).toEqual([]);
    expect(stack.noEffect).toEqual([
      { address: expect.stringMatching(/^postgresql_role\./), changes: [{ path: "password_wo", sensitive: true, noEffect: true, note: "write-only: not applied unless password_wo_version changes" }] },
    ]);
  });

  it("renaming a publication is ALTER PUBLICATION ... RENAME TO in place; deleting it is blocked", async () => {
    const head = path.join(tmp, "rename");
    fs.cpSync(base, head, { recursive: true });
    const file = path.join(head, "stacks/orders-db/cdk.tf.json");
    const j = JSON.parse(fs.readFileSync(file, "utf8"));
    const [pubName] = Object.keys(j.resource.postgresql_publication);
    j.resource.postgresql_publication[pubName].name = "cdc_pub";
    fs.writeFileSync(file, JSON.stringify(j));
    const renamed = await json(base, head);
    const pub = renamed.report.stacks.find((s) => s.name === "orders-db")!.resources[0];
    expect(pub).toMatchObject({ action: "update", sql: ["BEGIN;", 'ALTER PUBLICATION "clickpipes_publication" RENAME TO "cdc_pub";', "COMMIT;"] });
    // Renamed and a table added in one change: the provider adds the table under the new name first.
    j.resource.postgresql_publication[pubName].tables = [...j.resource.postgresql_publication[pubName].tables, "public.refunds"];
    fs.writeFileSync(file, JSON.stringify(j));
    const both = (await json(base, head)).report.stacks.find((s) => s.name === "orders-db")!.resources[0];
    expect(both.sql).toEqual([
      "BEGIN;",
      "-- the provider runs these with the new name before it renames the publication: this apply fails; rename in an apply of its own",
      'ALTER PUBLICATION cdc_pub ADD TABLE "public"."refunds";',
      'ALTER PUBLICATION "clickpipes_publication" RENAME TO "cdc_pub";',
      "COMMIT;",
    ]);
    delete j.resource.postgresql_publication;
    fs.writeFileSync(file, JSON.stringify(j));
    const deleted = await json(base, head);
    expect(deleted.code).toBe(1);
    const del = deleted.report.stacks.find((s) => s.name === "orders-db")!.resources[0];
    expect(del).toMatchObject({ action: "delete", sql: ['DROP PUBLICATION "clickpipes_publication" RESTRICT;'] });
    expect(del.verdicts[0]).toMatchObject({ level: "BLOCK" });
  });

  it("a password rotation is ALTER ROLE ... PASSWORD from the psql variable; a role losing LOGIN is blocked", async () => {
    const rotated = await json(base, outputs.get("rotate")!);
    const role = rotated.report.stacks.find((s) => s.name === "billing-db")!.resources.find((r) => r.type === "postgresql_role")!;
    expect(role).toMatchObject({ action: "update", sql: ["BEGIN;", `ALTER ROLE "clickpipes_user" PASSWORD :'clickpipes_password';  -- the new password`, "COMMIT;"] });
    expect(rotated.code).toBe(0);
    const head = path.join(tmp, "nologin");
    fs.cpSync(base, head, { recursive: true });
    const file = path.join(head, "stacks/orders-db/cdk.tf.json");
    const j = JSON.parse(fs.readFileSync(file, "utf8"));
    (Object.values(j.resource.postgresql_role)[0] as Record<string, unknown>).login = false;
    fs.writeFileSync(file, JSON.stringify(j));
    const { code, report } = await json(base, head);
    expect(code).toBe(1);
    const nologin = report.stacks.find((s) => s.name === "orders-db")!.resources[0];
    expect(nologin).toMatchObject({ action: "update", sql: ["BEGIN;", 'ALTER ROLE "clickpipes_user" WITH NOLOGIN;', "COMMIT;"] });
    expect(nologin.verdicts).toEqual([expect.objectContaining({ level: "BLOCK", address: nologin.address })]);
  });

  it("the monitoring role and the CloudWatch alarms are ordinary resources: created, deleted, replaced without a verdict", async () => {
    // Added role, removed alarms: exit 0, no verdict anywhere.
    const added = await json(base, outputs.get("monitoring")!);
    expect(added.code).toBe(0);
    const orders = added.report.stacks.find((s) => s.name === "orders-db")!.resources;
    expect(orders.map((r) => `${r.action} ${r.type}`).sort()).toEqual(["create postgresql_grant", "create postgresql_grant_role", "create postgresql_role"]);
    const alarms = added.report.stacks.find((s) => s.name === "billing-aws")!.resources;
    expect(alarms.map((r) => `${r.action} ${r.type}`)).toEqual(Array(4).fill("delete aws_cloudwatch_metric_alarm"));
    for (const stack of added.report.stacks) for (const r of stack.resources) expect(r.verdicts, r.address).toEqual([]);
    // The role deleted (the way back): an ordinary delete, not the ClickPipes role's BLOCK.
    const removed = await json(outputs.get("monitoring")!, base);
    expect(removed.code).toBe(0);
    const gone = removed.report.stacks.find((s) => s.name === "orders-db")!.resources.find((r) => r.type === "postgresql_role")!;
    expect(gone).toMatchObject({ action: "delete", verdicts: [] });
    // A renamed alarm is replaced (alarm_name is ForceNew); a new threshold is an update in place.
    const head = path.join(tmp, "alarm-edit");
    fs.cpSync(base, head, { recursive: true });
    const file = path.join(head, "stacks/billing-aws/cdk.tf.json");
    const j = JSON.parse(fs.readFileSync(file, "utf8"));
    const byMetric = (m: string) => Object.values(j.resource.aws_cloudwatch_metric_alarm as Record<string, Record<string, unknown>>).find((a) => a.metric_name === m)!;
    byMetric("OldestReplicationSlotLag").alarm_name = "billing-slot-lag";
    byMetric("FreeLocalStorage").threshold = 1073741824;
    fs.writeFileSync(file, JSON.stringify(j));
    const edited = await json(base, head);
    expect(edited.code).toBe(0);
    const changes = edited.report.stacks.find((s) => s.name === "billing-aws")!.resources;
    expect(changes.map((r) => `${r.action} ${r.verdicts.length}`).sort()).toEqual(["replace 0", "update 0"]);
  });

  it("a schema-wide publication: a schema added to its plan-time table list is an initial load of that schema's tables", async () => {
    const only = (schemas: string[]) => (c: { sources: Record<string, unknown>[] }) => {
      c.sources = [genericSource({ tables: [], schemas: schemas.map((name) => ({ name })) }) as never];
    };
    const a = build("schemas-a", only(["public"]));
    const b = build("schemas-b", only(["public", "sales"]));
    const { report } = await json(a, b);
    const stack = report.stacks.find((s) => s.name === "orders-db")!;
    const data = stack.resources.find((r) => r.mode === "data")!;
    expect(data).toMatchObject({ type: "postgresql_tables", action: "update" });
    expect(data.changes.find((c) => c.path === "schemas")).toMatchObject({ added: ["sales"], removed: [] });
    expect(stack.pipe).toContainEqual(expect.stringMatching(/^initial load: the tables of schema sales join the publication at the next plan/));
  });

  it("a pipe's target table changed for a mapping in use: a locals change, and the plan the provider refuses", async () => {
    const head = build("target", (c) => {
      (aurora(c).clickpipe as Record<string, unknown>).targetTables = { "public.invoices": "invoices_v2" };
    });
    const { report } = await json(base, head);
    const stack = report.stacks.find((s) => s.name === "billing-db")!;
    expect(stack.locals).toEqual([expect.objectContaining({ action: "add", after: { "public.invoices": "invoices_v2" } })]);
    expect(stack.pipe).toContainEqual(
      expect.stringMatching(/^plan fails: clickhouse_clickpipe\.\S+ would change the target table of existing mapping public\.invoices \(public_invoices -> invoices_v2\), which the provider refuses/),
    );
  });

  it("text output: one section per changed stack, the verdicts, the summary line", async () => {
    const r = await diff(base, outputs.get("pipe-replace")!);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^stack billing-db: changed \(BLOCKED\)$/m);
    expect(r.stdout).toMatch(/^ {2}BLOCK \[clickpipe-replaced\] billing-db:clickhouse_clickpipe\.\S+: /m);
    expect(r.stdout).toMatch(/^ {2}-\/\+ clickhouse_clickpipe\.\S+ \(replace: destination\.database\)$/m);
    expect(r.stdout).toMatch(/^ {6}destination\.database: "billing" -> "billing_v2" {2}\(forces replacement\)$/m);
    expect(r.stdout).not.toMatch(/^stack orders-db/m);
    expect(r.stdout.trimEnd().split("\n").pop()).toMatch(/^diff: 1 stack changed; 0 to create, 0 to update, 1 to replace, 0 to destroy; .*BLOCKED: 1 change would break/);
  });

  it("markdown: the overview names the blocked stack, then the blocked stack expanded, then the others", async () => {
    const head = path.join(tmp, "md");
    fs.cpSync(outputs.get("pipe-replace")!, head, { recursive: true });
    fs.cpSync(path.join(outputs.get("tables")!, "stacks/orders-db"), path.join(head, "stacks/orders-db"), { recursive: true });
    const r = await diff(base, head, "--markdown");
    expect(r.code).toBe(1);
    const sections = [...r.stdout.matchAll(/<details( open)?><summary>(.*?)<\/summary>/g)];
    expect(sections.map((m) => [m[1] ?? "", m[2].replace(/ \(.*$/, "")])).toEqual([
      [" open", "BLOCKED <code>billing-db</code>: changed"],
      ["", "<code>orders-db</code>: changed"],
    ]);
    expect(r.stdout.match(/<\/details>/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/^\*\*BLOCKED\*\*: 1 change would break a running ClickPipe, in 1 stack: `billing-db`\.$/m);
    // Overview first, then the blocked stack, then the rest.
    const at = (re: RegExp) => r.stdout.search(re);
    expect(at(/^\*\*BLOCKED\*\*/m)).toBeLessThan(at(/^#### Blocked stack$/m));
    expect(at(/^#### Blocked stack$/m)).toBeLessThan(at(/^#### Per stack$/m));
    expect(r.stdout).toContain("\n| 2 stacks changed | 3 | 1 | 2 | 0 | 1 | 0 | 2 |\n");
    expect(r.stdout).toContain('ALTER PUBLICATION clickpipes_publication ADD TABLE "public"."refunds";');
    expect(r.stdout).toMatch(/^ {4}```sql$/m);
  });

  it("reads cdktf.out, its stacks/ folder or one stack folder alike", async () => {
    const head = outputs.get("tables")!;
    const whole = (await json(base, head)).report.stacks.find((x) => x.name === "orders-db")!;
    const viaStacks = (await json(path.join(base, "stacks"), path.join(head, "stacks"))).report.stacks.find((x) => x.name === "orders-db")!;
    const one = (await json(path.join(base, "stacks/orders-db"), path.join(head, "stacks/orders-db"))).report.stacks;
    expect(viaStacks).toEqual(whole);
    expect(one).toHaveLength(1);
    expect(one[0]!.resources).toEqual(whole.resources);
  });

  it("--max-chars bounds the comment; --full-report writes the whole report atomically; bad values are one line", async () => {
    const head = outputs.get("tables")!;
    const full = path.join(tmp, "full-report.md");
    const r = await diff(base, head, "--markdown", "--max-chars", "2000", "--full-report", full, "--full-report-link", "https://example.com/run/1");
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeLessThanOrEqual(2000);
    const report = fs.readFileSync(full, "utf8");
    expect(report.startsWith("### cdktf-clickpipes diff: no blocking change\n")).toBe(true);
    expect(report).toContain('ALTER PUBLICATION clickpipes_publication ADD TABLE "public"."refunds";');
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // The full report comes with any output format.
    fs.rmSync(full);
    expect((await diff(base, head, "--json", "--full-report", full)).code).toBe(0);
    expect(fs.existsSync(full)).toBe(true);
    for (const [flags, line] of [
      [["--markdown", "--max-chars", "12x"], '--max-chars "12x" is not allowed; expected a whole number of characters from 2000 to 1048576'],
      [["--markdown", "--max-chars", "100"], '--max-chars "100" is not allowed'],
      [["--max-chars", "5000"], "--max-chars applies to --markdown"],
      [["--markdown", "--full-report-link", "http://x.example/"], '--full-report-link "http://x.example/" is not allowed; expected an https:// URL'],
      [["--full-report", path.join(tmp, "no-such-dir", "r.md")], `--full-report ${path.join(tmp, "no-such-dir", "r.md")}: no such folder`],
    ] as const) {
      const bad = await diff(base, head, ...flags);
      expect(bad.code, bad.stderr).toBe(2);
      expect(bad.stderr).toContain(line);
      expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(bad.stdout).toBe("");
    }
  });

  it("JSON output validates against schemas/diff-report.schema.json, which matches the DiffReport type", async () => {
    expect(fs.readFileSync(DIFF_SCHEMA_PATH, "utf8")).toBe(generateDiffSchema());
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(DIFF_SCHEMA_PATH, "utf8")));
    for (const head of ["tables", "pipe-replace", "stacks", "rotate"]) {
      const { report } = await json(base, outputs.get(head)!);
      expect(validate(report) ? [] : validate.errors).toEqual([]);
    }
    expect(validate({ base: "a", head: "b", blocked: "no" })).toBe(false);
  });

  it("never loads cdktf or a provider package (a fresh process running the command)", () => {
    const script = [
      `const { main } = require(${JSON.stringify(path.resolve(__dirname, "../../src/cli/main.ts"))});`,
      `main(["diff", ${JSON.stringify(base)}, ${JSON.stringify(outputs.get("tables")!)}, "--json"]).then((code) => {`,
      `  const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\/](cdktf|@cdktf|constructs)[\\/]/.test(k));`,
      `  process.stderr.write(JSON.stringify({ code, loaded }));`,
      `});`,
    ].join("\n");
    const r = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(JSON.parse(r.stderr.trim().split("\n").pop()!)).toEqual({ code: 0, loaded: [] });
  });

  it("one stack folder on each side works like a cdktf.out folder", async () => {
    const { report } = await json(path.join(base, "stacks/orders-db"), path.join(outputs.get("tables")!, "stacks/orders-db"));
    expect(report.stacks.map((s) => [s.name, s.status])).toEqual([["orders-db", "changed"]]);
  });
});

describe("diff exit 2: one line, nothing else", () => {
  const empty = path.join(tmp, "empty");
  const badJson = path.join(tmp, "bad-json");
  beforeAll(() => {
    fs.mkdirSync(empty, { recursive: true });
    fs.mkdirSync(path.join(badJson, "stacks/x"), { recursive: true });
    fs.writeFileSync(path.join(badJson, "stacks/x/cdk.tf.json"), "{ not json");
  });
  it.each([
    ["a missing folder", () => [path.join(tmp, "nope"), base], /^cdktf-clickpipes diff: base .*nope: no such folder \(expected a cdktf\.out folder/],
    ["a folder that is not synth output", () => [base, empty], /^cdktf-clickpipes diff: head ".*empty" is not synth output: no cdk\.tf\.json and no stacks\/ folder/],
    ["unreadable JSON", () => [base, badJson], /^cdktf-clickpipes diff: head: cannot read stack ".*x": .*cdk\.tf\.json is not valid JSON/],
    ["one folder only", () => [base], /^cdktf-clickpipes diff: expected two synth outputs \(base and head\), got 1 \(".*"\); run "cdktf-clickpipes diff --help" for the options\n$/],
    ["an unknown option", () => [base, base, "--colour"], /^cdktf-clickpipes diff: unknown option --colour; run "cdktf-clickpipes diff --help" for the options\n$/],
  ])("%s", async (_what, args, message) => {
    const io = capture();
    const code = await runDiff(args(), io.out, io.err);
    expect(code).toBe(2);
    expect(io.stdout).toBe("");
    expect(io.stderr.split("\n")).toHaveLength(2);
    expect(io.stderr).toMatch(message);
  });

  it("is wired into the CLI and its help", async () => {
    const write = process.stdout.write;
    let text = "";
    process.stdout.write = ((s: string) => ((text += s), true)) as never;
    try {
      expect(await main(["--help"])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(text).toMatch(/^ {2}diff {7}compare two synth outputs/m);
  });
});
