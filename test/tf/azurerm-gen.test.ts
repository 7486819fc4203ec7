import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../src/util/file-tree";

const ROOT = path.resolve(__dirname, "..", "..");
const COMMITTED = path.join(ROOT, "src", "tf", "azurerm");

describe("npm run gen:azurerm", () => {
  it("regenerates exactly the committed azurerm bindings from the committed schema (two resources and the provider block)", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gen-azurerm-test-"));
    try {
      const out = path.join(tmp, "generated");
      execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "gen-azurerm.ts"), out], { cwd: ROOT, stdio: "pipe" });
      const committed = listFiles(COMMITTED);
      expect(committed.filter((f) => f.endsWith("index.ts") && !f.endsWith("lazy-index.ts")).sort()).toEqual(
        ["index.ts", "postgresql-flexible-server-configuration/index.ts", "postgresql-flexible-server-firewall-rule/index.ts", "provider/index.ts"].map((f) => f.split("/").join(path.sep)).sort(),
      );
      expect(listFiles(out)).toEqual(committed);
      for (const f of committed) expect(fs.readFileSync(path.join(out, f), "utf8"), f).toBe(fs.readFileSync(path.join(COMMITTED, f), "utf8"));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
