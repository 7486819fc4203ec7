import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../src/util/file-tree";

const ROOT = path.resolve(__dirname, "..", "..");
const COMMITTED = path.join(ROOT, "src", "tf", "clickhouse");

describe("npm run gen:clickhouse", () => {
  it("regenerates exactly the committed bindings from the committed schema", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gen-clickhouse-test-"));
    try {
      const out = path.join(tmp, "generated");
      execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "gen-clickhouse.ts"), out], { cwd: ROOT, stdio: "pipe" });
      const committed = listFiles(COMMITTED);
      expect(committed.length).toBeGreaterThanOrEqual(5);
      expect(listFiles(out)).toEqual(committed);
      for (const f of committed) {
        expect(fs.readFileSync(path.join(out, f), "utf8"), f).toBe(fs.readFileSync(path.join(COMMITTED, f), "utf8"));
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
