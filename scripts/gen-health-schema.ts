/**
 * Generates schemas/health-report.schema.json (the JSON Schema of `cdktf-clickpipes health --json`)
 * from the `HealthReport` type, so the published schema cannot drift from the output.
 *   node --import tsx scripts/gen-health-schema.ts           write it
 *   node --import tsx scripts/gen-health-schema.ts --check   exit 1 when the committed file is stale
 */
import * as path from "node:path";
import { generateSchema, ROOT, schemaMain } from "./json-schema-gen";

export const HEALTH_SCHEMA_PATH = path.join(ROOT, "schemas/health-report.schema.json");

export function generateHealthSchema(): string {
  return generateSchema({
    source: "src/health/types.ts",
    type: "HealthReport",
    id: "https://github.com/cdktf-clickpipes-postgres/schemas/health-report.schema.json",
    title: "cdktf-clickpipes health --json report",
    description: "Replication slots, old transactions and the settings that bound them on a live source, with OK/WARN/CRIT verdicts.",
  });
}

if (require.main === module) schemaMain(HEALTH_SCHEMA_PATH, generateHealthSchema(), "node --import tsx scripts/gen-health-schema.ts");
