/**
 * The API report of the package root: `api/cdktf-clickpipes-postgres.api.md`, made by API Extractor
 * (@microsoft/api-extractor, which bundles its own TypeScript) from the declarations `tsc` emits.
 *
 *   npm run api              update the committed report
 *   npm run api -- --check   exit 1 when the committed report is stale (what `npm test` runs)
 *
 * Declarations go to a temporary folder inside the project (so `cdktf`, `constructs` and the
 * providers resolve from node_modules), never to dist/, which other tests run.
 * Exit 0 ok, 1 the report is stale (check) or API Extractor reported an error, 2 could not run.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { Extractor, ExtractorConfig, ExtractorLogLevel, ExtractorMessage } from "@microsoft/api-extractor";

const ROOT = path.resolve(__dirname, "..");

/**
 * Types a public member shows but the root does not export: the generated bindings of the ClickHouse
 * provider's resources (`ClickPipe.pipe`, `.reversePrivateEndpoint`, `.cdcInfrastructure`). Exporting
 * them would pull in every generated config type of the provider schema; users reach them through
 * those members (e.g. `addOverride`). Any other forgotten export fails the report.
 */
const ACCEPTED_FORGOTTEN_EXPORTS = new Set(["Clickpipe", "ClickpipesReversePrivateEndpoint", "ClickpipeCdcInfrastructure"]);
export const REPORT_FOLDER = path.join(ROOT, "api");
export const REPORT_FILE = "cdktf-clickpipes-postgres.api.md";

/** Emit the declarations, run API Extractor; returns the exit code and writes progress with `log`. */
export function apiReport(mode: "check" | "update", log: (line: string) => void, reportFolder = REPORT_FOLDER): number {
  const work = fs.mkdtempSync(path.join(ROOT, ".api-"));
  try {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.json"), "--emitDeclarationOnly", "--declaration", "--outDir", work], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    fs.mkdirSync(reportFolder, { recursive: true });
    const tempReports = path.join(work, "report");
    fs.mkdirSync(tempReports);
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: ROOT,
        mainEntryPointFilePath: path.join(work, "src/index.d.ts"),
        compiler: { tsconfigFilePath: path.join(ROOT, "tsconfig.json") },
        apiReport: { enabled: true, reportFolder, reportTempFolder: tempReports, reportFileName: REPORT_FILE.replace(/\.api\.md$/, "") },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        newlineKind: "lf",
        messages: {
          compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
          extractorMessageReporting: {
            default: { logLevel: ExtractorLogLevel.Warning },
            // Release tags (@public/@beta) are not used: everything exported from the root is public.
            "ae-missing-release-tag": { logLevel: ExtractorLogLevel.None },
            // Undocumented members are marked "(undocumented)" in the report itself.
            "ae-undocumented": { logLevel: ExtractorLogLevel.None },
            // A type used by a public signature but not exported: an error (export it or hide it),
            // except the generated ClickHouse resource classes below (marked in the report).
            "ae-forgotten-export": { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
          },
          tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
        },
      },
      configObjectFullPath: undefined,
      packageJsonFullPath: path.join(ROOT, "package.json"),
    });
    const problems: string[] = [];
    const result = Extractor.invoke(config, {
      localBuild: mode === "update",
      showVerboseMessages: false,
      messageCallback(m: ExtractorMessage) {
        if (m.logLevel === ExtractorLogLevel.Error || m.logLevel === ExtractorLogLevel.Warning) {
          const where = m.sourceFilePath ? `${path.relative(work, m.sourceFilePath)}:${m.sourceFileLine ?? 0}: ` : "";
          const accepted = m.messageId === "ae-forgotten-export" && ACCEPTED_FORGOTTEN_EXPORTS.has(/"([^"]+)"/.exec(m.text)?.[1] ?? "");
          const level = m.messageId === "ae-forgotten-export" ? "error" : m.logLevel;
          if (!accepted && m.messageId !== "console-api-report-changed" && m.messageId !== "console-api-report-not-copied" && m.messageId !== "console-api-report-created") {
            problems.push(`${level}: ${where}${m.text} [${m.messageId}]`);
          }
        }
        m.handled = true;
      },
    });
    for (const p of problems) log(p);
    if (result.errorCount > 0 || problems.some((p) => p.startsWith("error"))) {
      log(`api: API Extractor reported ${result.errorCount} error(s)`);
      return 1;
    }
    if (mode === "check" && result.apiReportChanged) {
      const fresh = path.join(tempReports, REPORT_FILE);
      log(`api: api/${REPORT_FILE} is stale: the public API changed. Review the change, then run: npm run api`);
      if (fs.existsSync(fresh)) log(firstDifference(readOr(path.join(reportFolder, REPORT_FILE)), fs.readFileSync(fresh, "utf8")));
      return 1;
    }
    log(mode === "update" ? `api: wrote api/${REPORT_FILE}` : `api: api/${REPORT_FILE} is up to date`);
    return 0;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function readOr(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
}

/** The first differing line of the committed and the fresh report, for a readable failure. */
function firstDifference(committed: string, fresh: string): string {
  const a = committed.split("\n");
  const b = fresh.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `first difference at line ${i + 1}:\n- ${a[i] ?? "(end of file)"}\n+ ${b[i] ?? "(end of file)"}`;
  }
  return "(only line endings differ)";
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.some((a) => a !== "--check")) {
    process.stderr.write(`api-report: unknown argument ${JSON.stringify(args.find((a) => a !== "--check"))}; usage: npm run api [-- --check]\n`);
    process.exit(2);
  }
  process.exit(apiReport(args.includes("--check") ? "check" : "update", (l) => process.stdout.write(l + "\n")));
}
