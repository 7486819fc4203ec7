/**
 * The ClickPipes password may not contain a backslash: cyrilgdn/postgresql 1.26.0 doubles backslashes
 * in its PASSWORD literal (pqQuoteLiteral), so the role would get another password than ClickPipes.
 * The role carries a lifecycle precondition; where a `terraform` binary exists, Terraform itself
 * evaluates that precondition (copied verbatim from the synthesized JSON onto a provider-less
 * `terraform_data`) and must refuse a backslash without printing the password.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { PASSWORD_BACKSLASH_MESSAGE } from "../../src/postgres/clickpipes-user";
import { synthGeneric } from "../support/helpers";

function roleLifecycle(): { precondition: { condition: string; error_message: string }[] } {
  const json = JSON.parse(synthGeneric());
  const roles = Object.values(json.resource.postgresql_role) as { lifecycle: { precondition: { condition: string; error_message: string }[] } }[];
  expect(roles).toHaveLength(1);
  return roles[0]!.lifecycle;
}

function findTerraform(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).concat("/usr/local/bin")) {
    const f = path.join(dir, "terraform");
    if (fs.existsSync(f)) return f;
  }
  return undefined;
}

describe("ClickPipes password without backslashes", () => {
  it("the role refuses a backslash at plan time with a precondition on the password variable", () => {
    expect(roleLifecycle().precondition).toEqual([{ condition: '${!strcontains(var.clickpipes_password, "\\\\")}', error_message: PASSWORD_BACKSLASH_MESSAGE }]);
  });

  const terraform = findTerraform();
  it.skipIf(!terraform)("Terraform evaluates the precondition: refuses a backslash, never prints the password, accepts others", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-precondition-"));
    try {
      const config = {
        variable: { clickpipes_password: { type: "string", sensitive: true, nullable: false } },
        resource: { terraform_data: { role: { input: "role", lifecycle: roleLifecycle() } } },
      };
      fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(config));
      const env = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
      const tf = (...args: string[]) => spawnSync(terraform!, args, { cwd: dir, env, encoding: "utf8" });
      expect(tf("init", "-input=false", "-no-color").status).toBe(0);
      const bad = tf("plan", "-input=false", "-no-color", "-var", "clickpipes_password=Top\\Secr3t");
      expect(bad.status).toBe(1);
      expect(bad.stderr.replace(/\s+/g, " ")).toContain(PASSWORD_BACKSLASH_MESSAGE);
      expect(bad.stdout + bad.stderr).not.toContain("Secr3t");
      const good = tf("plan", "-input=false", "-no-color", "-var", "clickpipes_password=TopSecr3t");
      expect(good.status, good.stderr).toBe(0);
      expect(good.stdout + good.stderr).not.toContain("Secr3t");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
