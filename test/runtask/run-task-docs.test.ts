/**
 * docs/tools/run-task.md: its options table says what `run-task --help` says (the `--allow`
 * placeholder `[<stack>:]<address>` included), and its `tfe` provider snippet is HCL that
 * `terraform fmt` accepts, using only the arguments and values the provider has.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { RUN_TASK_DOC } from "../../src/cli/run-task";

const PAGE = fs.readFileSync(path.join(__dirname, "../../docs/tools/run-task.md"), "utf8");

/**
 * Arguments of the two resources and the data source, and the values the provider accepts:
 * hashicorp/terraform-provider-tfe internal/provider/resource_tfe_organization_run_task.go @06f1c28f,
 * resource_tfe_workspace_run_task.go @02cc2c66 (read 2026-12-07).
 */
const ARGUMENTS: Record<string, readonly string[]> = {
  "resource tfe_organization_run_task": ["organization", "name", "url", "category", "description", "enabled", "hmac_key", "hmac_key_wo", "hmac_key_wo_version"],
  "resource tfe_workspace_run_task": ["workspace_id", "task_id", "enforcement_level", "stage", "stages"],
  "data tfe_workspace": ["name", "organization"],
};
const META = new Set(["for_each", "count", "depends_on", "provider", "lifecycle"]);
const STAGES = ["pre_plan", "post_plan", "pre_apply", "post_apply"];
const ENFORCEMENT = ["advisory", "mandatory"];

/** The ```hcl block under the tfe heading. */
function snippet(): string {
  const at = PAGE.indexOf("\n### As code: the `tfe` provider\n");
  expect(at, "run-task.md has the tfe section").toBeGreaterThan(0);
  const m = /```hcl\n([\s\S]*?)```/.exec(PAGE.slice(at));
  expect(m, "an hcl block follows").not.toBeNull();
  return m![1]!;
}

/** Top-level blocks of a small HCL file: kind + type, and the attribute lines of their body. */
function blocks(hcl: string): { head: string; attrs: Map<string, string> }[] {
  const out: { head: string; attrs: Map<string, string> }[] = [];
  let current: { head: string; attrs: Map<string, string> } | undefined;
  for (const line of hcl.split("\n")) {
    const open = /^(resource|data|variable) "([^"]+)"(?: "[^"]+")? \{$/.exec(line);
    if (open) {
      current = { head: open[1] === "variable" ? "variable" : `${open[1]} ${open[2]}`, attrs: new Map() };
      out.push(current);
    } else if (line === "}") current = undefined;
    else if (current) {
      const attr = /^ {2}([a-z_]+)\s*=\s*(.*?)\s*(#.*)?$/.exec(line);
      if (attr) current.attrs.set(attr[1]!, attr[2]!);
    }
  }
  return out;
}

describe("docs/tools/run-task.md", () => {
  it("its options table gives every option of run-task --help, with the same placeholder", () => {
    for (const o of RUN_TASK_DOC.options) {
      const row = PAGE.split("\n").find((l) => l.startsWith(`| \`${o.name}`) && /^\| `--[a-z-]+( |`)/.test(l));
      expect(row, `a row for ${o.name}`).toBeDefined();
      const cell = /^\| `([^`]+)`/.exec(row!)![1]!;
      if (cell.includes(" ")) expect(cell, o.name).toBe(`${o.name} ${o.value}`);
    }
    const allow = RUN_TASK_DOC.options.find((o) => o.name === "--allow")!;
    expect(allow.value).toBe("[<stack>:]<address>");
    expect(PAGE).toContain("| `--allow [<stack>:]<address>` |");
  });

  it("the tfe snippet uses only the provider's arguments and values, with the key write-only", () => {
    const parsed = blocks(snippet());
    expect(parsed.map((b) => b.head)).toEqual(["variable", "resource tfe_organization_run_task", "data tfe_workspace", "resource tfe_workspace_run_task"]);
    for (const b of parsed) {
      if (b.head === "variable") {
        expect(Object.fromEntries(b.attrs)).toMatchObject({ sensitive: "true", ephemeral: "true" });
        continue;
      }
      for (const name of b.attrs.keys()) if (!META.has(name)) expect(ARGUMENTS[b.head], `${b.head}.${name}`).toContain(name);
    }
    const task = parsed.find((b) => b.head === "resource tfe_organization_run_task")!.attrs;
    expect(task.has("hmac_key"), "hmac_key would keep the key in the state").toBe(false);
    expect(task.get("hmac_key_wo")).toBe("var.clickpipes_run_task_hmac_key");
    expect(task.get("hmac_key_wo_version")).toMatch(/^\d+$/);
    const attach = parsed.find((b) => b.head === "resource tfe_workspace_run_task")!.attrs;
    expect(ENFORCEMENT).toContain(JSON.parse(attach.get("enforcement_level")!));
    expect(attach.get("enforcement_level")).toBe('"mandatory"');
    const stages = JSON.parse(attach.get("stages")!) as string[];
    for (const s of stages) expect(STAGES).toContain(s);
    expect(stages).toEqual(["post_plan"]);
    expect(attach.has("stage"), "stage is deprecated").toBe(false);
  });

  const terraform = spawnSync("terraform", ["version"], { encoding: "utf8" }).status === 0;
  it.skipIf(!terraform)("the tfe snippet is HCL that terraform fmt -check accepts as written", () => {
    const r = spawnSync("terraform", ["fmt", "-check", "-"], { input: snippet(), encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const broken = spawnSync("terraform", ["fmt", "-check", "-"], { input: snippet().replace("stages", "stages {"), encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
    expect(broken.status).not.toBe(0);
  });
});
