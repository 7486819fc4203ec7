/**
 * Generates schemas/diff-report.schema.json (the JSON Schema of `cdktf-clickpipes diff --json`)
 * from the `DiffReport` type, so the published schema cannot drift from the output.
 *   node --import tsx scripts/gen-diff-schema.ts           write it
 *   node --import tsx scripts/gen-diff-schema.ts --check   exit 1 when the committed file is stale
 */
import * as path from "node:path";
import { generateSchema, ROOT, schemaMain } from "./json-schema-gen";

export const DIFF_SCHEMA_PATH = path.join(ROOT, "schemas/diff-report.schema.json");

export function generateDiffSchema(): string {
  return generateSchema({
    source: "src/diff/report.ts",
    type: "DiffReport",
    id: "https://github.com/cdktf-clickpipes-postgres/schemas/diff-report.schema.json",
    title: "cdktf-clickpipes diff --json report",
    description: "The difference of two synthesized outputs: per stack, resource changes with replace/in-place, SQL, pipe effects and BLOCK/WARN verdicts.",
  });
}

if (require.main === module) schemaMain(DIFF_SCHEMA_PATH, generateDiffSchema(), "node --import tsx scripts/gen-diff-schema.ts");
