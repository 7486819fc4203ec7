/**
 * Generates schemas/guard-report.schema.json (the JSON Schema of `cdktf-clickpipes guard --json`)
 * from the `GuardReport` type, so the published schema cannot drift from the output.
 *   node --import tsx scripts/gen-guard-schema.ts           write it
 *   node --import tsx scripts/gen-guard-schema.ts --check   exit 1 when the committed file is stale
 */
import * as path from "node:path";
import { generateSchema, ROOT, schemaMain } from "./json-schema-gen";

export const GUARD_SCHEMA_PATH = path.join(ROOT, "schemas/guard-report.schema.json");

export function generateGuardSchema(): string {
  return generateSchema({
    source: "src/guard/review.ts",
    type: "GuardReport",
    id: "https://github.com/cdktf-clickpipes-postgres/schemas/guard-report.schema.json",
    title: "cdktf-clickpipes guard --json report",
    description: "The verdicts on Terraform plans: per plan file, BLOCK/WARN verdicts (allowed or not), and the allowances that allowed nothing.",
  });
}

if (require.main === module) schemaMain(GUARD_SCHEMA_PATH, generateGuardSchema(), "node --import tsx scripts/gen-guard-schema.ts");
