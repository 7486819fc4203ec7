/**
 * Output is never cut: the bin used to call `process.exit` before Node had handed a pipe all of
 * stdout, so piped output stopped at 64 KiB (`diff --json | jq` got invalid JSON) while the same
 * command redirected to a file was whole. Each command here writes megabytes; its output read
 * through a pipe must equal, byte for byte, its output written to a file, and parse.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { genericSource, synthApp } from "../support/helpers";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/cdktf-clickpipes.js");
const MB = 1024 * 1024;
let tmp: string;
let base: string;
let head: string;
let plan: string;

/** The bin's stdout through a pipe the parent reads only after a pause, so the pipe fills up first. */
function piped(args: readonly string[]): Promise<{ code: number | null; out: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "ignore"] });
    const chunks: Buffer[] = [];
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 300);
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out: Buffer.concat(chunks) }));
  });
}

/** The bin's stdout redirected to a file. */
function toFile(args: readonly string[], name: string): { code: number | null; out: Buffer } {
  const file = path.join(tmp, name);
  const fd = fs.openSync(file, "w");
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ["ignore", fd, "ignore"] });
    return { code: r.status, out: fs.readFileSync(file) };
  } finally {
    fs.closeSync(fd);
  }
}

beforeAll(() => {
  // The bin runs dist/: compile the current sources first, as the guard's bin test does.
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.json")], { cwd: ROOT });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-flush-"));
  synthApp({ sources: [genericSource()] }, path.join(tmp, "base"));
  base = path.join(tmp, "base/stacks/orders-db");
  head = path.join(tmp, "head/stacks/orders-db");
  fs.cpSync(base, head, { recursive: true });
  // The head's publication gains 30,000 tables: megabytes of diff, SQL and guard output.
  const stackFile = path.join(head, "cdk.tf.json");
  const stack = JSON.parse(fs.readFileSync(stackFile, "utf8"));
  const [pub] = Object.values(stack.resource.postgresql_publication) as { tables: string[] }[];
  const added = Array.from({ length: 30_000 }, (_, i) => `public.table_${String(i).padStart(5, "0")}_of_a_large_fleet`);
  const before = [...pub.tables];
  pub.tables = [...before, ...added];
  fs.writeFileSync(stackFile, JSON.stringify(stack, null, 2));
  // A plan that changes that publication in place (tables leave and join: WARN verdicts naming them).
  const [address] = Object.keys(stack.resource.postgresql_publication);
  plan = path.join(tmp, "plan.json");
  const attrs = { name: "clickpipes_publication", database: "orders" };
  fs.writeFileSync(
    plan,
    JSON.stringify({
      format_version: "1.2",
      terraform_version: "1.11.0",
      resource_changes: [
        {
          address: `postgresql_publication.${address}`,
          mode: "managed",
          type: "postgresql_publication",
          name: address,
          provider_name: "registry.terraform.io/cyrilgdn/postgresql",
          change: { actions: ["update"], before: { ...attrs, tables: [...before, ...added.map((t) => t + "_old")] }, after: { ...attrs, tables: pub.tables } },
        },
      ],
    }),
  );
}, 180_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("piped output is whole", () => {
  const cases: { name: string; args: () => string[]; json: boolean; minBytes: number }[] = [
    { name: "diff --json", args: () => ["diff", base, head, "--json"], json: true, minBytes: 2 * MB },
    { name: "diff (text)", args: () => ["diff", base, head], json: false, minBytes: 1 * MB },
    { name: "sql", args: () => ["sql", head], json: false, minBytes: 1 * MB },
    { name: "guard --json", args: () => ["guard", plan, "--no-synth", "--json"], json: true, minBytes: 1 * MB },
  ];
  for (const c of cases) {
    it(`${c.name}: the pipe gets every byte the file gets`, async () => {
      const file = toFile(c.args(), `${c.name.replace(/\W+/g, "-")}.out`);
      expect(file.out.length).toBeGreaterThan(c.minBytes);
      const pipe = await piped(c.args());
      expect(pipe.code).toBe(file.code);
      expect(pipe.out.length).toBe(file.out.length);
      expect(pipe.out.equals(file.out)).toBe(true);
      if (c.json) expect(() => JSON.parse(pipe.out.toString("utf8"))).not.toThrow();
    });
  }
});
