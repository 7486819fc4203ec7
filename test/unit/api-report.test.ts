import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { apiReport, REPORT_FILE, REPORT_FOLDER } from "../../scripts/api-report";
import { listFiles } from "../../src/internal/file-tree";

// API Extractor over the declarations of src/index.ts; `npm run api` rewrites the report.
describe("API report (api/cdktf-clickpipes-postgres.api.md)", () => {
  it("is up to date with the root exports", () => {
    const lines: string[] = [];
    const code = apiReport("check", (l) => lines.push(l));
    expect(code, lines.join("\n")).toBe(0);
    expect(lines.join("\n")).toContain("is up to date");
  });

  it("fails with the first differing line when the committed report is stale", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "cp-api-"));
    try {
      const committed = fs.readFileSync(path.join(REPORT_FOLDER, REPORT_FILE), "utf8");
      // A report that still lists an export the root no longer has.
      fs.writeFileSync(path.join(folder, REPORT_FILE), committed.replace("export class AuroraSource ", "export class AuroraSourceOld "));
      const lines: string[] = [];
      expect(apiReport("check", (l) => lines.push(l), folder)).toBe(1);
      const text = lines.join("\n");
      expect(text).toContain("is stale: the public API changed");
      expect(text).toContain("- export class AuroraSourceOld extends AwsSourceBase {");
      expect(text).toContain("+ export class AuroraSource extends AwsSourceBase {");
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("lists the names the examples of the README and docs/ import, and no internal helper", () => {
    const report = fs.readFileSync(path.join(REPORT_FOLDER, REPORT_FILE), "utf8");
    const exported = new Set([...report.matchAll(/^export (?:declare )?(?:abstract )?(?:class|interface|type|function|const|enum) (\w+)/gm)].map((m) => m[1]));
    const root = path.join(__dirname, "../..");
    const pages = ["README.md", ...listFiles(path.join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
    const readme = pages.map((f) => fs.readFileSync(path.join(root, f), "utf8")).join("\n");
    const imported = [...readme.matchAll(/import \{([^}]+)\} from "cdktf-clickpipes-postgres"/g)].flatMap((m) => m[1]!.split(",").map((s) => s.trim()));
    expect(imported.length).toBeGreaterThan(5);
    for (const name of imported) expect(exported.has(name), `the docs import ${name}`).toBe(true);
    for (const name of ["renderStackSql", "guardPlan", "verifySource", "buildApp", "runApp", "CLICKPIPES_IP_TABLE", "GenericPostgresSource", "AuroraSource", "ClickPipe"]) {
      expect(exported.has(name), name).toBe(true);
    }
    for (const internal of ["runRules", "assertValid", "SOURCE_RULES", "addSourceObjects", "literal", "quoteIdent", "dependencyOrder", "VERIFY_CHECKS"]) {
      expect(exported.has(internal), internal).toBe(false);
    }
  });
});
