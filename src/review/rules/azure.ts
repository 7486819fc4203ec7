/** Azure Flexible Server: its firewall rules and server parameters, and changes the provider applies by restarting the server. */
import type { ResourceChange } from "../change";
import { factsFor } from "../../model/provider-facts";
import { attr } from "../pipe-json";
import { JudgeContext, rule, RuleFamily } from "./rule";

export const AZURE_RULES: RuleFamily = {
  rules: [
    rule(
      "azure-server",
      "BLOCK",
      "Azure Flexible Server firewall rule or server parameter (`wal_level`, ...) deleted or replaced",
      "the server stops accepting the pipe's connections, or is back to its default (`wal_level = replica`) after the restart",
    ),
    rule(
      "server-restart",
      "WARN",
      "a resource whose apply restarts the database server changed (any `azurerm_postgresql_flexible_server_configuration`: azurerm restarts the server after a static parameter unless `features.postgresql_flexible_server.restart_server_on_configuration_value_change` is false)",
      "the pipe's connection drops during the restart; apply in a maintenance window",
    ),
  ],
  loss: {
    "azure.serverParameter": { rule: "azure-server", label: "Azure server parameter" },
    "azure.firewallRule": { rule: "azure-server", label: "Azure firewall rule" },
    "azure.firewallRuleCidr": { rule: "azure-server", label: "Azure firewall rule" },
  },
};

/** By what the resource is, ours or not: a change the provider applies by restarting the server. */
export function judgeRestart(c: ResourceChange, ctx: JudgeContext): void {
  const restart = factsFor(c.type)?.restartsServer;
  if (!restart) return;
  const name = attr(c.after ?? c.before, "name");
  ctx.push(
    "server-restart",
    `${typeof name === "string" ? `${name} ` : ""}${c.action === "delete" ? "reset to its default" : c.action === "create" ? "set" : "changed"}: the provider restarts the server when ${restart.when} (${restart.feature}, default ${restart.providerDefault}); ${ctx.why("server-restart")}`,
  );
}
