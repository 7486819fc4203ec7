import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { apiReport, AWS_REPORT_FILE, exportedNames, REPORT_FILE, REPORT_FOLDER, TOOLS_REPORT_FILE } from "../../scripts/api-report";
import { listFiles } from "../../src/util/file-tree";

// API Extractor over the declarations of src/index.ts, src/aws-entry.ts and src/tools.ts; `npm run api` rewrites the reports.
describe("API reports (api/cdktf-clickpipes-postgres.api.md, api/cdktf-clickpipes-postgres-aws.api.md, api/cdktf-clickpipes-postgres-tools.api.md)", () => {
  it("are up to date with the exports of the root, of /aws and of /tools", () => {
    const lines: string[] = [];
    const code = apiReport("check", (l) => lines.push(l));
    expect(code, lines.join("\n")).toBe(0);
    expect(lines).toEqual([`api: api/${REPORT_FILE} is up to date`, `api: api/${AWS_REPORT_FILE} is up to date`, `api: api/${TOOLS_REPORT_FILE} is up to date`]);
  }, 300_000); // API Extractor over two entry points: minutes on a loaded 2-core machine

  it("fails with the first differing line when the committed report is stale", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "cp-api-"));
    try {
      const committed = fs.readFileSync(path.join(REPORT_FOLDER, REPORT_FILE), "utf8");
      // A report that still lists an export the root no longer has.
      fs.writeFileSync(path.join(folder, REPORT_FILE), committed.replace("export class GenericPostgresSource ", "export class GenericPostgresSourceOld "));
      fs.copyFileSync(path.join(REPORT_FOLDER, AWS_REPORT_FILE), path.join(folder, AWS_REPORT_FILE));
      fs.copyFileSync(path.join(REPORT_FOLDER, TOOLS_REPORT_FILE), path.join(folder, TOOLS_REPORT_FILE));
      const lines: string[] = [];
      expect(apiReport("check", (l) => lines.push(l), folder)).toBe(1);
      const text = lines.join("\n");
      expect(text).toContain(`api/${REPORT_FILE} is stale: the public API changed`);
      expect(text).toContain("- export class GenericPostgresSourceOld extends Construct {");
      expect(text).toContain("+ export class GenericPostgresSource extends Construct {");
      expect(text).toContain(`api/${AWS_REPORT_FILE} is up to date`);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 300_000); // API Extractor over two entry points: minutes on a loaded 2-core machine

  it("lists the names the docs examples import, AWS constructs only under /aws, and no internal helper", () => {
    const root = new Set(exportedNames(fs.readFileSync(path.join(REPORT_FOLDER, REPORT_FILE), "utf8")));
    const aws = new Set(exportedNames(fs.readFileSync(path.join(REPORT_FOLDER, AWS_REPORT_FILE), "utf8")));
    const repo = path.join(__dirname, "../..");
    const pages = [
      "README.md",
      ...listFiles(path.join(repo, "docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => `docs/${f}`),
    ];
    const docs = pages.map((f) => fs.readFileSync(path.join(repo, f), "utf8")).join("\n");
    const imports = (from: string) =>
      [...docs.matchAll(new RegExp(`import \\{([^}]+)\\} from "${from}"`, "g"))].flatMap((m) =>
        m[1]!
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      );
    expect(imports("cdktf-clickpipes-postgres").length).toBeGreaterThan(5);
    for (const name of imports("cdktf-clickpipes-postgres")) expect(root.has(name), `docs import ${name} from the root`).toBe(true);
    for (const name of imports("cdktf-clickpipes-postgres/aws")) expect(aws.has(name), `docs import ${name} from /aws`).toBe(true);
    for (const name of ["renderStackSql", "guardPlan", "verifySource", "buildApp", "runApp", "CLICKPIPES_IP_TABLE", "GenericPostgresSource", "ClickPipe", "AwsEngine"]) {
      expect(root.has(name), name).toBe(true);
    }
    // The AWS constructs and stacks load @cdktf/provider-aws (an optional peer): /aws only.
    for (const name of [
      "AuroraSource",
      "RdsSource",
      "AwsSourceDatabase",
      "ClickPipesIamRole",
      "ClickPipesIpAllowList",
      "ClickPipesPrivateLink",
      "ClickPipesParameterGroup",
      "AwsSourceAwsStack",
      "AwsSourceDbStack",
    ]) {
      expect(aws.has(name), name).toBe(true);
      expect(root.has(name), name).toBe(false);
    }
    // The tools are at /tools (the root keeps deprecated re-exports for one minor version).
    const tools = new Set(exportedNames(fs.readFileSync(path.join(REPORT_FOLDER, TOOLS_REPORT_FILE), "utf8")));
    for (const name of ["guardPlan", "parsePlan", "judge", "RULES", "renderStackSql", "verifySource", "checkHealth", "formatHealthPrometheus", "loadIpTableFile", "renderAlertRules"]) {
      expect(tools.has(name), name).toBe(true);
    }
    for (const name of ["GenericPostgresSource", "ClickPipe", "buildApp", "ClickhouseProvider", "AuroraSource"]) expect(tools.has(name), name).toBe(false);
    for (const name of imports("cdktf-clickpipes-postgres/tools")) expect(tools.has(name), `docs import ${name} from /tools`).toBe(true);
    for (const internal of ["runRules", "assertValid", "SOURCE_RULES", "addSourceObjects", "literal", "quoteIdent", "dependencyOrder", "VERIFY_CHECKS"]) {
      expect(root.has(internal) || aws.has(internal), internal).toBe(false);
    }
  });
});
