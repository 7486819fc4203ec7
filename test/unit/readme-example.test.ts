import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
// Inside the project so the example resolves node_modules like a user's app would.
const work = fs.mkdtempSync(path.join(ROOT, "test", ".readme-"));
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "cp-readme-"));
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(outdir, { recursive: true, force: true });
});

/** The first ```ts block after the given heading of docs/getting-started.md. */
function readmeExample(heading: string): string {
  const readme = fs.readFileSync(path.join(ROOT, "docs/getting-started.md"), "utf8");
  const at = readme.indexOf(heading);
  expect(at, `docs/getting-started.md has "${heading}"`).toBeGreaterThanOrEqual(0);
  const m = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  expect(m, "a ts block follows").not.toBeNull();
  return m![1]!;
}

describe("README example", () => {
  it("compiles and synthesizes the construct example", () => {
    const code = readmeExample("## Use the construct in your own cdktf app").replace(
      /from "cdktf-clickpipes-postgres"/g,
      `from ${JSON.stringify(path.relative(work, path.join(ROOT, "src/index")).split(path.sep).join("/"))}`,
    );
    const file = path.join(work, "example.ts");
    fs.writeFileSync(file, code);
    execFileSync(
      process.execPath,
      [path.join(ROOT, "node_modules/typescript/bin/tsc"), "--noEmit", "--strict", "--esModuleInterop", "--skipLibCheck", "--types", "node", "--module", "commonjs", "--target", "ES2022", file],
      { cwd: ROOT, encoding: "utf8" },
    );
    const stdout = execFileSync(process.execPath, ["--import", "tsx", file], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CDKTF_OUTDIR: outdir } });
    expect(stdout).toContain("host orders clickpipes_user 54.82.38.199/32 scram-sha-256");
    const json = JSON.parse(fs.readFileSync(path.join(outdir, "stacks/orders-db/cdk.tf.json"), "utf8"));
    expect(Object.keys(json.resource)).toEqual(expect.arrayContaining(["postgresql_role", "postgresql_grant", "postgresql_publication"]));
    expect(fs.existsSync(path.join(outdir, "stacks/orders-db/server-setup/orders/pg_hba.conf"))).toBe(true);
  }, 300_000); // tsc over a user app importing the package types: slow on a loaded machine
});
