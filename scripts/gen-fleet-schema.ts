/**
 * Generates schemas/fleet.schema.json (the JSON Schema of fleet files) from the `AppConfig` type,
 * so the schema editors autocomplete can never drift from the TypeScript config.
 *   npm run gen:schema            write it
 *   npm run gen:schema -- --check exit 1 when the committed file is stale
 */
import * as path from "node:path";
import { generateSchema, ROOT, schemaMain } from "./json-schema-gen";

export const FLEET_SCHEMA_PATH = path.join(ROOT, "schemas/fleet.schema.json");

export function generateFleetSchema(): string {
  return generateSchema({
    source: "src/model/app-config.ts",
    type: "AppConfig",
    id: "https://github.com/cdktf-clickpipes-postgres/schemas/fleet.schema.json",
    title: "cdktf-clickpipes-postgres fleet file",
    description: "Sources to prepare as ClickPipes Postgres CDC sources; each becomes its own stack (or stack pair).",
    tidy: (schema) => {
      tidyDefaults(schema);
      // JSON fleet files may name their schema, as editors expect.
      const app = (schema.definitions as Record<string, { properties: Record<string, unknown> }>).AppConfig!;
      app.properties = { $schema: { type: "string", description: "URL or path of this schema, for editors." }, ...app.properties };
    },
  });
}

type Node = { [k: string]: unknown };

/**
 * JSDoc `@default` texts that are prose ("- the source's host") or of another type than the property
 * would make editors insert wrong values: keep `default` only when it is a value of the property's
 * type, and move the rest into the description.
 */
function tidyDefaults(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(tidyDefaults);
  if (!node || typeof node !== "object") return;
  const n = node as Node;
  if ("default" in n) {
    const d = n.default;
    const t = n.type;
    const matches =
      (t === "string" && typeof d === "string" && !d.startsWith("- ") && !d.startsWith('"')) ||
      ((t === "number" || t === "integer") && typeof d === "number") ||
      (t === "boolean" && typeof d === "boolean");
    if (!matches) {
      const text = typeof d === "string" ? d.replace(/^- /, "") : JSON.stringify(d);
      n.description = `${n.description ? `${n.description} ` : ""}Default: ${text}.`;
      delete n.default;
    }
  }
  for (const v of Object.values(n)) tidyDefaults(v);
}

if (require.main === module) schemaMain(FLEET_SCHEMA_PATH, generateFleetSchema(), "npm run gen:schema");
