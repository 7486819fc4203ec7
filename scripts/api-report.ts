/**
 * The API reports of the package's entry points: the root (`api/cdktf-clickpipes-postgres.api.md`) and
 * `cdktf-clickpipes-postgres/aws` (`api/cdktf-clickpipes-postgres-aws.api.md`) and
 * `cdktf-clickpipes-postgres/tools` (`api/cdktf-clickpipes-postgres-tools.api.md`), made by API Extractor
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
 * provider's resources and data sources (`ClickPipe.pipe`, `.reversePrivateEndpoint`, `.cdcInfrastructure`,
 * `.pscEndpoint`, `.pscPrivateDns`, `.managedPostgresCa`, `ManagedPostgresConnection.serviceData`). Exporting
 * them would pull in every generated config type of the provider schema; users reach them through
 * those members (e.g. `addOverride`). Any other forgotten export fails the report.
 */
const ACCEPTED_FORGOTTEN_EXPORTS = new Set([
  "Clickpipe",
  "ClickpipesReversePrivateEndpoint",
  "ClickpipeCdcInfrastructure",
  "ClickpipesReversePrivateEndpointCustomPrivateDns",
  "DataClickhousePostgresService",
  "DataClickhousePostgresServiceCaCertificates",
]);
export const REPORT_FOLDER = path.join(ROOT, "api");
export const REPORT_FILE = "cdktf-clickpipes-postgres.api.md";
/** The report of the `cdktf-clickpipes-postgres/aws` entry point. */
export const AWS_REPORT_FILE = "cdktf-clickpipes-postgres-aws.api.md";

/** The report of the `cdktf-clickpipes-postgres/tools` entry point. */
export const TOOLS_REPORT_FILE = "cdktf-clickpipes-postgres-tools.api.md";

/** Each entry point (its declaration file below the emitted `src/`) and its report. */
const ENTRIES: readonly { readonly dts: string; readonly file: string; readonly source: string }[] = [
  { dts: "src/index.d.ts", file: REPORT_FILE, source: "src/index.ts" },
  { dts: "src/aws-entry.d.ts", file: AWS_REPORT_FILE, source: "src/aws-entry.ts" },
  { dts: "src/tools.d.ts", file: TOOLS_REPORT_FILE, source: "src/tools.ts" },
];

/** Emit the declarations, run API Extractor; returns the exit code and writes progress with `log`. */
export function apiReport(mode: "check" | "update", log: (line: string) => void, reportFolder = REPORT_FOLDER): number {
  const work = fs.mkdtempSync(path.join(ROOT, ".api-"));
  try {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.json"), "--emitDeclarationOnly", "--declaration", "--outDir", work], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    fs.mkdirSync(reportFolder, { recursive: true });
    let code = 0;
    const rootNames = new Set<string>();
    for (const entry of ENTRIES) code = Math.max(code, reportEntry(entry, work, mode, log, reportFolder, rootNames));
    return code;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** API Extractor over one entry point's declarations (emitted into `work`); returns the exit code. */
function reportEntry(entry: (typeof ENTRIES)[number], work: string, mode: "check" | "update", log: (line: string) => void, reportFolder: string, rootNames: Set<string>): number {
  const tempReports = path.join(work, "report-" + entry.file);
  fs.mkdirSync(tempReports);
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: ROOT,
      mainEntryPointFilePath: path.join(work, entry.dts),
      compiler: { tsconfigFilePath: path.join(ROOT, "tsconfig.json") },
      apiReport: { enabled: true, reportFolder, reportTempFolder: tempReports, reportFileName: entry.file.replace(/\.api\.md$/, "") },
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
        // The console-* messages say what happened to the report file; reported below in one line.
        if (!String(m.messageId).startsWith("console-api-report-")) problems.push(`${m.logLevel}: ${where}${m.text} [${m.messageId}]`);
      }
      m.handled = true;
    },
  });
  // Forgotten exports go into the report (not through the callback): read them from there.
  const fresh = path.join(tempReports, entry.file);
  const report = fs.existsSync(fresh) ? fs.readFileSync(fresh, "utf8") : readOr(path.join(reportFolder, entry.file));
  for (const m of report.matchAll(/\(ae-forgotten-export\) The symbol "([^"]+)" needs to be exported/g)) {
    // A subpath entry (`/aws`) may use what the root exports: users import those from the root.
    if (!ACCEPTED_FORGOTTEN_EXPORTS.has(m[1]!) && !rootNames.has(m[1]!))
      problems.push(`error: the public API uses "${m[1]}", which ${entry.source} does not export: export it or keep it out of public signatures [ae-forgotten-export]`);
  }
  if (entry.file === REPORT_FILE) for (const name of exportedNames(report)) rootNames.add(name);
  for (const p of problems) log(p);
  const errors = Math.max(result.errorCount, problems.filter((p) => p.startsWith("error")).length);
  if (errors > 0) {
    log(`api: ${errors} error(s); the report was not checked`);
    return 1;
  }
  if (mode === "check" && result.apiReportChanged) {
    log(`api: api/${entry.file} is stale: the public API changed. Review the change, then run: npm run api`);
    if (fs.existsSync(fresh)) log(firstDifference(readOr(path.join(reportFolder, entry.file)), fs.readFileSync(fresh, "utf8")));
    return 1;
  }
  log(mode === "update" ? `api: wrote api/${entry.file}` : `api: api/${entry.file} is up to date`);
  return 0;
}

/** The names a report lists as exported. */
export function exportedNames(report: string): string[] {
  return [...report.matchAll(/^export (?:declare )?(?:abstract )?(?:class|interface|type|function|const|enum) (\w+)/gm)].map((m) => m[1]!);
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
