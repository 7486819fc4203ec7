/**
 * Every generator of the project, in one command:
 *
 *   npm run gen              regenerate every generated file
 *   npm run gen -- --check   exit 1 when a committed generated file differs from what its generator makes
 *
 * Each generator runs in its own `node --import tsx` process. The schema generators check
 * themselves (`--check`); the ClickHouse bindings and the guard's rule fixtures are generated into
 * a temporary folder and compared with the committed folder file by file.
 * Exit 0 all up to date (or written), 1 something is stale, 2 a generator failed.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { listFiles } from "../src/util/file-tree";

const ROOT = path.resolve(__dirname, "..");

interface Generator {
  readonly name: string;
  readonly script: string;
  /** `self`: the script takes `--check`; `folder`: it takes an output folder, compared with this committed one. */
  readonly check: { readonly kind: "self" } | { readonly kind: "folder"; readonly committed: string };
}

export const GENERATORS: readonly Generator[] = [
  { name: "fleet schema", script: "scripts/gen-fleet-schema.ts", check: { kind: "self" } },
  { name: "diff report schema", script: "scripts/gen-diff-schema.ts", check: { kind: "self" } },
  { name: "health report schema", script: "scripts/gen-health-schema.ts", check: { kind: "self" } },
  { name: "ips report schema", script: "scripts/gen-ips-schema.ts", check: { kind: "self" } },
  { name: "guard report schema", script: "scripts/gen-guard-schema.ts", check: { kind: "self" } },
  { name: "ClickHouse provider bindings", script: "scripts/gen-clickhouse.ts", check: { kind: "folder", committed: "src/tf/clickhouse" } },
  { name: "azurerm provider bindings", script: "scripts/gen-azurerm.ts", check: { kind: "folder", committed: "src/tf/azurerm" } },
  { name: "guard rule fixtures", script: "scripts/gen-guard-fixtures.ts", check: { kind: "folder", committed: "test/fixtures/plans/rules" } },
];

function run(script: string, args: readonly string[]): { code: number; output: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, script), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
  return { code: r.status ?? 2, output: `${r.stdout ?? ""}${r.stderr ?? ""}`.trim() };
}

/** The first file that differs between two folders, or undefined when they hold the same files. */
function folderDifference(committed: string, fresh: string): string | undefined {
  const a = fs.existsSync(committed) ? listFiles(committed) : [];
  const b = listFiles(fresh);
  for (const f of new Set([...a, ...b])) {
    if (!a.includes(f)) return `${f} is not committed`;
    if (!b.includes(f)) return `${f} is no longer generated`;
    if (fs.readFileSync(path.join(committed, f), "utf8") !== fs.readFileSync(path.join(fresh, f), "utf8")) return `${f} differs`;
  }
  return undefined;
}

/** Run every generator (writing, or checking); returns the exit code and writes one line per generator. */
export function gen(check: boolean, log: (line: string) => void): number {
  let code = 0;
  for (const g of GENERATORS) {
    if (!check || g.check.kind === "self") {
      const r = run(g.script, check ? ["--check"] : []);
      if (r.code !== 0) {
        log(`gen: ${g.name}: ${check && r.code === 1 ? "stale" : "failed"} (${g.script})${r.output ? `: ${r.output.split("\n")[0]}` : ""}`);
        code = Math.max(code, check && r.code === 1 ? 1 : 2);
      } else log(`gen: ${g.name}: ${check ? "up to date" : "written"}`);
      continue;
    }
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-gen-"));
    try {
      const out = path.join(tmp, "out");
      const r = run(g.script, [out]);
      if (r.code !== 0) {
        log(`gen: ${g.name}: failed (${g.script})${r.output ? `: ${r.output.split("\n")[0]}` : ""}`);
        code = 2;
        continue;
      }
      const diff = folderDifference(path.join(ROOT, g.check.committed), out);
      if (diff) {
        log(`gen: ${g.name}: stale: ${g.check.committed}/${diff}; run: npm run gen`);
        code = Math.max(code, 1);
      } else log(`gen: ${g.name}: up to date`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  return code;
}

if (require.main === module) process.exitCode = gen(process.argv.includes("--check"), (l) => console.log(l));
