import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
// Inside the project so the example resolves node_modules like a user's app would.
const work = fs.mkdtempSync(path.join(ROOT, "test", ".readme-"));
const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), "cp-readme-"));
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(outRoot, { recursive: true, force: true });
});

/** The first ```ts block after the given heading of a Markdown file of the repository. */
function readmeExample(file: string, heading: string): string {
  const readme = fs.readFileSync(path.join(ROOT, file), "utf8");
  const at = readme.indexOf(`\n${heading}\n`);
  expect(at, `${file} has "${heading}"`).toBeGreaterThanOrEqual(0);
  const m = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  expect(m, "a ts block follows").not.toBeNull();
  return m![1]!;
}

describe.each([
  ["README.md", "## Use the constructs in your own app", "orders", "public.customers"],
  ["docs/getting-started.md", "## Use the construct in your own cdktf app", "orders", undefined],
])("the construct example of %s", (doc, heading, source, table) => {
  it("compiles and synthesizes", () => {
    const code = readmeExample(doc, heading).replace(/from "cdktf-clickpipes-postgres"/g, `from ${JSON.stringify(path.relative(work, path.join(ROOT, "src/index")).split(path.sep).join("/"))}`);
    const file = path.join(work, `${doc.replace(/\W/g, "-")}.ts`);
    fs.writeFileSync(file, code);
    const outdir = fs.mkdtempSync(path.join(outRoot, "out-"));
    execFileSync(
      process.execPath,
      [path.join(ROOT, "node_modules/typescript/bin/tsc"), "--noEmit", "--strict", "--esModuleInterop", "--skipLibCheck", "--types", "node", "--module", "commonjs", "--target", "ES2022", file],
      { cwd: ROOT, encoding: "utf8" },
    );
    const stdout = execFileSync(process.execPath, ["--import", "tsx", file], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CDKTF_OUTDIR: outdir } });
    expect(stdout).toContain(`host ${source} clickpipes_user 54.82.38.199/32 scram-sha-256`);
    const json = JSON.parse(fs.readFileSync(path.join(outdir, "stacks/orders-db/cdk.tf.json"), "utf8"));
    expect(Object.keys(json.resource)).toEqual(expect.arrayContaining(["postgresql_role", "postgresql_grant", "postgresql_publication"]));
    if (table) expect(JSON.stringify(json.resource.postgresql_publication)).toContain(table);
    // The password comes from the sensitive variable, write-only: never a literal in the JSON.
    expect(JSON.stringify(json.resource.postgresql_role)).toContain('"password_wo":"${var.clickpipes_password}"');
    expect(fs.existsSync(path.join(outdir, `stacks/orders-db/server-setup/${source}/pg_hba.conf`))).toBe(true);
  }, 300_000); // tsc over a user app importing the package types: slow on a loaded machine
});
