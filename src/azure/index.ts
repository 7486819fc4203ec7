/**
 * `cdktf-clickpipes-postgres/azure`: Azure Database for PostgreSQL Flexible Server, declared. The
 * construct that declares the server parameters and firewall rules of a source, and the azurerm
 * provider block it needs, from bindings generated for azurerm 4.55.0 (no `@cdktf/provider-azurerm`
 * needed; `@cdktf/provider-azurerm`'s own `AzurermProvider` works as well).
 *
 * @packageDocumentation
 */
export { ClickPipesAzureFlexibleServer } from "./flexible-server";
export type { ClickPipesAzureFlexibleServerProps } from "./flexible-server";
export { AzurermProvider } from "../tf/tf";
export type { AzurermProviderConfig } from "../tf/tf";
