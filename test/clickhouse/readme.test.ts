import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const work = fs.mkdtempSync(path.join(ROOT, "test", ".readme-ch-"));
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "cp-readme-ch-"));
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(outdir, { recursive: true, force: true });
});

describe('docs/pipe.md "From source to pipe" example', () => {
  it("runs and writes a pipe that references the source user, publication and password variable", () => {
    const readme = fs.readFileSync(path.join(ROOT, "docs/pipe.md"), "utf8");
    const at = readme.indexOf("# From source to pipe");
    expect(at).toBeGreaterThanOrEqual(0);
    const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(at))![1]!;
    const index = JSON.stringify(path.relative(work, path.join(ROOT, "src/index")).split(path.sep).join("/"));
    const file = path.join(work, "example.ts");
    fs.writeFileSync(file, block.replace(/from "cdktf-clickpipes-postgres"/g, `from ${index}`));
    execFileSync(process.execPath, ["--import", "tsx", file], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CDKTF_OUTDIR: outdir } });

    const stack = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", "orders-db", "cdk.tf.json"), "utf8"));
    const pipes = Object.values(stack.resource.clickhouse_clickpipe) as any[];
    expect(pipes).toHaveLength(1);
    const pg = pipes[0].source.postgres;
    expect(pg.credentials.username).toMatch(/^\$\{postgresql_role\.[^}]+\.name\}$/);
    expect(pg.credentials.password_wo).toBe("${var.clickpipes_password}");
    expect(pg.settings.publication_name).toMatch(/^\$\{postgresql_publication\.[^}]+\.name\}$/);
    // Derived in Terraform from the publication's tables (a reference), renames from a local map.
    expect(pg.table_mappings).toMatch(/^\$\{\[ for key, val in toset\(tolist\(postgresql_publication\.[^.]+\.tables\)\): .*lookup\(local\.[^,]+, val, replace\(val, "\.", "_"\)\) \}\]\}$/);
    expect(Object.values(stack.locals)).toEqual([{ "public.orders": "orders" }]);
    expect(stack.terraform.required_providers.clickhouse).toEqual({ source: "clickhouse/clickhouse", version: "3.25.3" });
  });
});
