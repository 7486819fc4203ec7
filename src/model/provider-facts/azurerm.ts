/**
 * hashicorp/azurerm 4.55.0 (github.com/hashicorp/terraform-provider-azurerm, tag v4.55.0 =
 * 37bf7f03b661b804a59fd62fd6f6e6b8ee4a69df, read from a checkout of the tag on 2026-12-07): the two
 * resources an Azure Flexible Server source declares. SDKv2 resources: `ForceNew`.
 *
 * azurerm_postgresql_flexible_server_configuration: create and update write the value, then, when
 * the parameter is static (`IsDynamicConfig` false) and writable, restart the server if the provider
 * feature `postgresql_flexible_server.restart_server_on_configuration_value_change` is on (default
 * true; PR #23811); delete writes the parameter's default back and restarts the same way.
 */
import type { ResourceTypeFacts } from "./types";

const PROVIDER = "hashicorp/azurerm 4.55.0";
const DIR = "internal/services/postgres";

export const AZURERM_FACTS: readonly ResourceTypeFacts[] = [
  {
    // value: written in place (ConfigurationsClient.UpdateThenPoll); no Optional+Computed attribute.
    type: "azurerm_postgresql_flexible_server_configuration",
    provider: PROVIDER,
    goFile: `${DIR}/postgresql_flexible_server_configuration_resource.go`,
    readAt: "37bf7f03b661b804a59fd62fd6f6e6b8ee4a69df",
    forceNew: ["name", "server_id"],
    restartsServer: {
      feature: "features.postgresql_flexible_server.restart_server_on_configuration_value_change",
      providerDefault: true,
      when: "a static parameter is created, changed or deleted (reset to its default)",
    },
  },
  {
    // start_ip_address / end_ip_address: CreateOrUpdate in place.
    type: "azurerm_postgresql_flexible_server_firewall_rule",
    provider: PROVIDER,
    goFile: `${DIR}/postgresql_flexible_server_firewall_rule_resource.go`,
    readAt: "37bf7f03b661b804a59fd62fd6f6e6b8ee4a69df",
    forceNew: ["name", "server_id"],
  },
];
