import { refuseUnknownProps } from "../model/known-keys";
import { Construct } from "constructs";
import { AzPgConfiguration, AzPgFirewallRule, TerraformProvider, TerraformStack } from "../tf/tf";
import { AZURE_PARAMETER_PREFIX, azureFirewallRanges, azureServerParameters, AzureServerParameter, AzureFirewallRange } from "../model/azure";
import { ResolvedSource } from "../model/defaults";

export interface ClickPipesAzureFlexibleServerProps {
  /** The resolved source (hostProfile azure, with `azure.serverId`). */
  readonly resolved: ResolvedSource;
  /**
   * The azurerm provider to declare through: this package's `AzurermProvider` (subpath
   * `cdktf-clickpipes-postgres/azure`) or `@cdktf/provider-azurerm`'s, with `features` set and the
   * server's subscription. Synth fails with one line when the stack has no azurerm provider.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * The Azure side of a Flexible Server source: one `azurerm_postgresql_flexible_server_configuration`
 * per server parameter (`Parameter-<name>`: `wal_level = logical`, and `max_replication_slots` /
 * `max_wal_senders` above Azure's default of 10) and one
 * `azurerm_postgresql_flexible_server_firewall_rule` per allowed IPv4 network (`Firewall-<ip>`, or
 * `Firewall-<ip>_<bits>`; start = end for one address). Construct IDs are public API.
 *
 * azurerm restarts the server after writing a static parameter (and after resetting one on
 * destroy) unless its provider block sets `features.postgresql_flexible_server.restart_server_on_configuration_value_change = false`.
 */
export class ClickPipesAzureFlexibleServer extends Construct {
  public readonly parameters: readonly AzureServerParameter[];
  public readonly firewallRanges: readonly AzureFirewallRange[];

  constructor(scope: Construct, id: string, props: ClickPipesAzureFlexibleServerProps) {
    super(scope, id);
    refuseUnknownProps("ClickPipesAzureFlexibleServer", props, this.node.path);
    const src = props.resolved;
    if (!src.azure) throw new Error("ClickPipesAzureFlexibleServer: the source has no azure.serverId (a programming error: validate the spec first)");
    const serverId = src.azure.serverId;
    this.parameters = azureServerParameters(src);
    this.firewallRanges = azureFirewallRanges(src.name, src.networks);
    for (const p of this.parameters) {
      new AzPgConfiguration(this, `${AZURE_PARAMETER_PREFIX}${p.name}`, { serverId, name: p.name, value: p.value, provider: props.provider });
    }
    for (const r of this.firewallRanges) {
      new AzPgFirewallRule(this, r.id, { serverId, name: r.name, startIpAddress: r.start, endIpAddress: r.end, provider: props.provider });
    }
    if (!props.provider) {
      const stack = TerraformStack.of(this);
      this.node.addValidation({
        validate: () =>
          stack.node
            .findAll()
            .some((c) => (c as { terraformResourceType?: unknown }).terraformResourceType === "azurerm" && typeof (c as { terraformProviderSource?: unknown }).terraformProviderSource === "string")
            ? []
            : [
                `${this.node.path}: the stack has no azurerm provider; add one (AzurermProvider from cdktf-clickpipes-postgres/azure with features: {} and subscriptionId of ${src.azure!.subscriptionId}) or pass provider`,
              ],
      });
    }
  }
}
