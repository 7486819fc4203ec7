/**
 * Generates schemas/ips-report.schema.json (the JSON Schema of `cdktf-clickpipes ips --json`, with
 * and without --check) from the `IpsReport` type, so the published schema cannot drift from the output.
 *   node --import tsx scripts/gen-ips-schema.ts           write it
 *   node --import tsx scripts/gen-ips-schema.ts --check   exit 1 when the committed file is stale
 */
import * as path from "node:path";
import { generateSchema, ROOT, schemaMain } from "./json-schema-gen";

export const IPS_SCHEMA_PATH = path.join(ROOT, "schemas/ips-report.schema.json");

export function generateIpsSchema(): string {
  return generateSchema({
    source: "src/ips/report.ts",
    type: "IpsReport",
    id: "https://github.com/cdktf-clickpipes-postgres/schemas/ips-report.schema.json",
    title: "cdktf-clickpipes ips --json report",
    description: "The embedded ClickPipes static IP table (kind table), or its comparison with ClickHouse Cloud's static-ips.json document (kind check).",
  });
}

if (require.main === module) schemaMain(IPS_SCHEMA_PATH, generateIpsSchema(), "node --import tsx scripts/gen-ips-schema.ts");
