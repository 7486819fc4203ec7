/**
 * Generates the typed cdktf bindings of the two azurerm resources an Azure Flexible Server source
 * declares (`azurerm_postgresql_flexible_server_configuration`, `..._firewall_rule`) and of a subset
 * of the provider block, from the committed schema schemas/azurerm-provider-schema.json (written
 * from hashicorp/terraform-provider-azurerm v4.55.0's Go source; see docs/sources.md#azure-flexible-server-declared
 * for why not the 269 MB `@cdktf/provider-azurerm`).
 *
 *   npm run gen:azurerm                              # writes src/azure/generated
 *   node --import tsx scripts/gen-azurerm.ts <outdir>  # writes elsewhere (reproducibility test)
 */
import * as path from "node:path";
import { generateBindings } from "./gen-clickhouse";

const ROOT = path.resolve(__dirname, "..");
export const SCHEMA_FILE = path.join(ROOT, "schemas", "azurerm-provider-schema.json");
export const DEFAULT_OUTDIR = path.join(ROOT, "src", "azure", "generated");
/** Provider source and pinned version (keep in step with provider_versions in the schema file). */
export const PROVIDER = "hashicorp/azurerm@4.55.0";

if (require.main === module) {
  const outdir = path.resolve(process.argv[2] ?? DEFAULT_OUTDIR);
  generateBindings(SCHEMA_FILE, PROVIDER, outdir).then(
    (files) => console.log(`gen:azurerm: wrote ${files.length} files to ${path.relative(process.cwd(), outdir) || "."}`),
    (err) => {
      console.error(`gen:azurerm: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
