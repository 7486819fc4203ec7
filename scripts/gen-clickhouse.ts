/**
 * Generates the typed cdktf bindings for the ClickHouse provider from the committed provider-schema
 * JSON (schemas/clickhouse-provider-schema.json) with the cdktf provider generator.
 *
 *   npm run gen:clickhouse               # writes src/clickhouse/generated
 *   node --import tsx scripts/gen-clickhouse.ts <outdir>   # writes elsewhere (reproducibility test)
 *
 * Deterministic: the output depends only on the schema file and the generator version; the target
 * directory is emptied first, so running it twice gives byte-identical files.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CodeMaker } from "codemaker";
import { ConstructsMakerProviderTarget, LANGUAGES, TerraformProviderConstraint } from "@cdktf/commons";
import { TerraformProviderGenerator } from "@cdktf/provider-generator/lib/get/generator/provider-generator";
import { listFiles } from "../src/util/file-tree";

const ROOT = path.resolve(__dirname, "..");
export const SCHEMA_FILE = path.join(ROOT, "schemas", "clickhouse-provider-schema.json");
export const DEFAULT_OUTDIR = path.join(ROOT, "src", "clickhouse", "generated");
/** Provider source and pinned version (keep in step with provider_versions in the schema file). */
export const PROVIDER = "clickhouse/clickhouse@3.25.3";

export async function generate(outdir: string): Promise<string[]> {
  return generateBindings(SCHEMA_FILE, PROVIDER, outdir);
}

/**
 * Bindings of one provider (`namespace/name@version`) from a committed provider-schema JSON file
 * (what `terraform providers schema -json` prints), written to `outdir` (emptied first). Shared with
 * scripts/gen-azurerm.ts.
 */
export async function generateBindings(schemaFile: string, provider: string, outdir: string): Promise<string[]> {
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  const code = new CodeMaker();
  const generator = new TerraformProviderGenerator(code, schema);
  const constraint = new TerraformProviderConstraint(provider);
  const target = new ConstructsMakerProviderTarget(constraint, LANGUAGES[0]);
  generator.generate(target);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gen-provider-"));
  try {
    await generator.save(tmp);
    const produced = path.join(tmp, "providers", constraint.name);
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(outdir), { recursive: true });
    fs.cpSync(produced, outdir, { recursive: true });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return listFiles(outdir);
}

if (require.main === module) {
  const outdir = path.resolve(process.argv[2] ?? DEFAULT_OUTDIR);
  generate(outdir).then(
    (files) => console.log(`gen:clickhouse: wrote ${files.length} files to ${path.relative(process.cwd(), outdir) || "."}`),
    (err) => {
      console.error(`gen:clickhouse: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
