/**
 * Generates schemas/diff-report.schema.json (the JSON Schema of `cdktf-clickpipes diff --json`)
 * from the `DiffReport` type, so the published schema cannot drift from the output.
 *   node --import tsx scripts/gen-diff-schema.ts           write it
 *   node --import tsx scripts/gen-diff-schema.ts --check   exit 1 when the committed file is stale
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { createGenerator } from "ts-json-schema-generator";

const ROOT = path.resolve(__dirname, "..");
export const DIFF_SCHEMA_PATH = path.join(ROOT, "schemas/diff-report.schema.json");

export function generateDiffSchema(): string {
  const schema = createGenerator({
    path: path.join(ROOT, "src/diff/report.ts"),
    tsconfig: path.join(ROOT, "tsconfig.json"),
    type: "DiffReport",
    expose: "export",
    topRef: true,
    jsDoc: "extended",
    sortProps: true,
    additionalProperties: false,
    skipTypeCheck: true,
  }).createSchema("DiffReport");
  const out = {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://github.com/cdktf-clickpipes-postgres/schemas/diff-report.schema.json",
    title: "cdktf-clickpipes diff --json report",
    description: "The difference of two synthesized outputs: per stack, resource changes with replace/in-place, SQL, pipe effects and BLOCK/WARN verdicts.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
  return JSON.stringify(out, null, 2) + "\n";
}

if (require.main === module) {
  const text = generateDiffSchema();
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(DIFF_SCHEMA_PATH) ? fs.readFileSync(DIFF_SCHEMA_PATH, "utf8") : "";
    if (current !== text) {
      process.stderr.write(`${path.relative(ROOT, DIFF_SCHEMA_PATH)} is stale: run node --import tsx scripts/gen-diff-schema.ts\n`);
      process.exit(1);
    }
  } else fs.writeFileSync(DIFF_SCHEMA_PATH, text);
}
