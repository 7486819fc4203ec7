import { AZURE_MAX_WAL_SENDERS, AZURE_PRIVATE_LINK_SOURCE, parseAzureServerId } from "../azure";
import { parseCidr } from "../cidr";
import { HostProfile } from "../host-profiles";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding } from "../validation";

const SERVER_ID_SHAPE = "/subscriptions/<subscription id>/resourceGroups/<group>/providers/Microsoft.DBforPostgreSQL/flexibleServers/<server>";
const KEYS = ["serverId", "privateLink"];

interface AzureRuleInput {
  readonly hostProfile?: string;
  readonly azure?: unknown;
  readonly network?: { readonly allowedCidrs?: readonly unknown[] };
  readonly serverSettings?: { readonly maxWalSenders?: unknown };
}

/**
 * `azure` only with hostProfile azure: a Flexible Server resource ID, no unknown key, no Private Link
 * (ClickPipes does not support it), IPv4 networks only (Azure firewall rules have no IPv6), and
 * max_wal_senders within Azure's 5-100.
 */
export const hostAzureRule: Rule<PostgresSourceSpec> = {
  id: "host-azure",
  summary: "azure is given only with hostProfile azure: a Flexible Server resource ID, no Private Link (ClickPipes does not support it), IPv4 networks only",
  check: (spec) => {
    const s = spec as AzureRuleInput;
    if (s.azure === undefined) return [];
    if (s.hostProfile !== HostProfile.AZURE) return [{ field: "azure", value: s.azure, allowed: "unset unless hostProfile is azure" }];
    const a = s.azure as Record<string, unknown>;
    if (typeof a !== "object" || a === null || Array.isArray(a)) return [{ field: "azure", value: s.azure, allowed: "an object { serverId }" }];
    const out: RuleFinding[] = [];
    for (const k of Object.keys(a).filter((k) => !KEYS.includes(k))) out.push({ field: `azure.${k}`, value: a[k], allowed: `unset: azure has only ${KEYS.join(", ")}` });
    if (!parseAzureServerId(a.serverId)) out.push({ field: "azure.serverId", value: a.serverId, allowed: `the Flexible Server's resource ID, ${SERVER_ID_SHAPE}` });
    if (a.privateLink !== undefined && a.privateLink !== false) {
      out.push({
        field: "azure.privateLink",
        value: a.privateLink,
        allowed: `false or unset: ClickPipes does not support Azure Private Link (ClickHouse/ClickHouse ${AZURE_PRIVATE_LINK_SOURCE.path} @${AZURE_PRIVATE_LINK_SOURCE.commit!.slice(0, 8)}); use an SSH tunnel to a server without public access`,
      });
    }
    (s.network?.allowedCidrs ?? []).forEach((c, i) => {
      const p = parseCidr(c);
      if (p.ok && p.cidr.family === 6)
        out.push({ field: `network.allowedCidrs[${i}]`, value: c, allowed: "an IPv4 CIDR with azure.serverId (Azure Flexible Server firewall rules are IPv4 ranges only)" });
    });
    const senders = s.serverSettings?.maxWalSenders;
    if (typeof senders === "number" && senders > AZURE_MAX_WAL_SENDERS) {
      out.push({ field: "serverSettings.maxWalSenders", value: senders, allowed: `at most ${AZURE_MAX_WAL_SENDERS} on Azure (allowed 5-100)` });
    }
    return out;
  },
};
