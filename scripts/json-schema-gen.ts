/**
 * The JSON Schemas this project publishes are generated from TypeScript types (ts-json-schema-generator),
 * so they cannot drift from the code. Shared by gen-fleet-schema.ts and gen-diff-schema.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { createGenerator } from "ts-json-schema-generator";

export const ROOT = path.resolve(__dirname, "..");

export interface SchemaSpec {
  /** Source file of the type, relative to the repository root. */
  readonly source: string;
  /** The exported type. */
  readonly type: string;
  /** `$id`, `title` and `description` of the published schema. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Adjust the generated schema (e.g. defaults) before it is wrapped. */
  readonly tidy?: (schema: Record<string, unknown>) => void;
}

/** The schema of `spec.type`, as the committed file's text. */
export function generateSchema(spec: SchemaSpec): string {
  const schema = createGenerator({
    path: path.join(ROOT, spec.source),
    tsconfig: path.join(ROOT, "tsconfig.json"),
    type: spec.type,
    expose: "export",
    topRef: true,
    jsDoc: "extended",
    sortProps: true,
    additionalProperties: false,
    skipTypeCheck: true,
  }).createSchema(spec.type) as Record<string, unknown>;
  spec.tidy?.(schema);
  const out = {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: spec.id,
    title: spec.title,
    description: spec.description,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
  return JSON.stringify(out, null, 2) + "\n";
}

/** A generator script's entry: write the file, or with `--check` exit 1 (one line) when it is stale. */
export function schemaMain(file: string, text: string, command: string): void {
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (current !== text) {
      process.stderr.write(`${path.relative(ROOT, file)} is stale; run: ${command}\n`);
      process.exit(1);
    }
  } else fs.writeFileSync(file, text);
}
