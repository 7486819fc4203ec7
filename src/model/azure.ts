/**
 * Azure Database for PostgreSQL Flexible Server, declared (hostProfile `azure` with `azure.serverId`):
 * which server parameters the stack declares through azurerm, the firewall rules it opens, and the
 * facts behind them. Pure data and functions (no cdktf); the constructs are in src/azure/.
 *
 * Facts, each with its source:
 * - the ClickPipes guide asks only for `wal_level = logical` (restart when requested) and the
 *   ClickPipes IPs in the server's firewall (`AZURE_GUIDE_SOURCE`);
 * - `max_replication_slots` and `max_wal_senders` are static, default 10 (allowed 2-262143 and
 *   5-100); `max_slot_wal_keep_size` is read-only: default -1, allowed -1 (`AZURE_PARAMETERS_SOURCE`);
 * - the azurerm provider restarts the server after it writes a static, writable parameter (and when it
 *   resets one on destroy) unless `features { postgresql_flexible_server {
 *   restart_server_on_configuration_value_change = false } }` (`AZURERM_RESTART_SOURCE`);
 * - ClickPipes does not support Azure Private Link (`AZURE_PRIVATE_LINK_SOURCE`).
 */
import { Cidr, lastAddress } from "./cidr";
import { clickPipesPage, FactSource, repoFile, webPage } from "./fact-source";

const READ = "2026-12-07";

/** The ClickPipes Azure Flexible Server source guide. */
export const AZURE_GUIDE_SOURCE: FactSource = clickPipesPage(
  "ClickPipes Azure Flexible Server source guide",
  "postgres/source/azure-flexible-server-postgres.mdx",
  "4f508f11d10fbaddba586e3536bf487c0360b4d3",
  READ,
);
/** Microsoft's server parameter page of the replication (sending servers) settings. */
export const AZURE_PARAMETERS_SOURCE: FactSource = webPage(
  "Microsoft Learn: Azure Database for PostgreSQL server parameters, Replication / Sending Servers (max_slot_wal_keep_size: default -1, allowed -1, read-only)",
  "https://learn.microsoft.com/en-us/azure/postgresql/server-parameters/param-replication-sending-servers",
  READ,
);
/** ClickPipes' Azure Private Link page: not supported. */
export const AZURE_PRIVATE_LINK_SOURCE: FactSource = clickPipesPage("ClickPipes Azure Private Link page", "networking/azure-privatelink.mdx", "0605de7fae1a31488bf87b06153a9a0b41ade3b9", READ);
/** The azurerm provider's configuration resource (restart after a static parameter) at v4.55.0. */
export const AZURERM_RESTART_SOURCE: FactSource = repoFile(
  "azurerm 4.55.0: azurerm_postgresql_flexible_server_configuration restarts the server after a static parameter (feature postgresql_flexible_server.restart_server_on_configuration_value_change, default true; PR #23811)",
  "hashicorp/terraform-provider-azurerm",
  "internal/services/postgres/postgresql_flexible_server_configuration_resource.go",
  "37bf7f03b661b804a59fd62fd6f6e6b8ee4a69df",
  READ,
);

/** The azurerm release the bindings and facts are read from (schemas/azurerm-provider-schema.json). */
export const AZURERM_PROVIDER_VERSION = "4.55.0";
/** Azure's default of `max_replication_slots` and `max_wal_senders` (static parameters). */
export const AZURE_DEFAULT_REPLICATION_SLOTS = 10;
export const AZURE_DEFAULT_WAL_SENDERS = 10;
/** Azure's upper bound of `max_wal_senders` (allowed 5-100). */
export const AZURE_MAX_WAL_SENDERS = 100;

/** What the rendered notes and docs say about `max_slot_wal_keep_size` on Azure. */
export const AZURE_SLOT_WAL_NOTE =
  "max_slot_wal_keep_size is read-only on Azure (always -1): a slot keeps WAL without limit, so a stopped or lagging pipe fills the server's storage instead of losing its slot; watch the health alerts (cdktf-clickpipes health, clickpipes-alerts.rules.yml) closely";
/** What the rendered notes and docs say about the restart. */
export const AZURE_RESTART_NOTE =
  "azurerm restarts the server after it writes a static parameter (wal_level, max_replication_slots, max_wal_senders) and when it resets one on destroy, unless the provider block sets features { postgresql_flexible_server { restart_server_on_configuration_value_change = false } } (then restart it yourself)";

/** `azure` of a generic source with hostProfile `azure`. */
export interface AzureFlexibleServerSpec {
  /**
   * Resource ID of the Flexible Server:
   * `/subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.DBforPostgreSQL/flexibleServers/<server>`.
   * With it, synth declares `wal_level = logical` (and any replication setting above Azure's
   * default) as `azurerm_postgresql_flexible_server_configuration` and one
   * `azurerm_postgresql_flexible_server_firewall_rule` per ClickPipes IPv4 address.
   */
  readonly serverId: string;
  /**
   * Reach the server over Azure Private Link. Refused: ClickPipes does not support Azure Private
   * Link (ClickPipes `networking/azure-privatelink.mdx`); use SSH tunnelling for a server without
   * public access.
   * @default false
   */
  readonly privateLink?: boolean;
}

/** `/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.DBforPostgreSQL/flexibleServers/<name>` (ARM IDs are case-insensitive). */
const SERVER_ID =
  /^\/subscriptions\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\/resourceGroups\/([-\w._()]{1,90})\/providers\/Microsoft\.DBforPostgreSQL\/flexibleServers\/([a-z0-9][a-z0-9-]{1,61}[a-z0-9])$/i;

export interface AzureServerId {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly serverName: string;
}

/** The parts of a Flexible Server resource ID, or undefined when it is not one. */
export function parseAzureServerId(id: unknown): AzureServerId | undefined {
  if (typeof id !== "string") return undefined;
  const m = SERVER_ID.exec(id);
  if (!m || m[2]!.endsWith(".")) return undefined;
  return { subscriptionId: m[1]!.toLowerCase(), resourceGroup: m[2]!, serverName: m[3]! };
}

/** One server parameter the stack declares. */
export interface AzureServerParameter {
  readonly name: string;
  readonly value: string;
  readonly reason: string;
}

/**
 * The parameters to declare: `wal_level = logical`, and `max_replication_slots` / `max_wal_senders`
 * only when the source asks for more than Azure's default (declaring a value equal to the default
 * would restart the server for nothing). Never `max_slot_wal_keep_size` (read-only).
 */
export function azureServerParameters(src: { readonly maxReplicationSlots: number; readonly maxWalSenders: number }): AzureServerParameter[] {
  const out: AzureServerParameter[] = [{ name: "wal_level", value: "logical", reason: "logical decoding for CDC (ClickPipes Azure guide)" }];
  if (src.maxReplicationSlots > AZURE_DEFAULT_REPLICATION_SLOTS) {
    out.push({ name: "max_replication_slots", value: String(src.maxReplicationSlots), reason: `above Azure's default of ${AZURE_DEFAULT_REPLICATION_SLOTS}` });
  }
  if (src.maxWalSenders > AZURE_DEFAULT_WAL_SENDERS) {
    out.push({ name: "max_wal_senders", value: String(src.maxWalSenders), reason: `above Azure's default of ${AZURE_DEFAULT_WAL_SENDERS}` });
  }
  return out;
}

/** One firewall rule: an IPv4 range (start = end for one address). */
export interface AzureFirewallRange {
  /** Construct ID: `Firewall-<a.b.c.d>` (plus `_<bits>` for a wider network). */
  readonly id: string;
  /**
   * The rule's name on the server, `clickpipes-<source>-<a>-<b>-<c>-<d>[_<bits>]` (names are unique
   * per server: the source name keeps two sources of one server apart; at most 128 of a-z A-Z 0-9 - _).
   */
  readonly name: string;
  readonly start: string;
  readonly end: string;
}

const ipv4 = (n: bigint) => [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join(".");

/** The firewall rules of the allowed networks (IPv4 only: Azure firewall rules have no IPv6). */
export function azureFirewallRanges(sourceName: string, networks: readonly Cidr[]): AzureFirewallRange[] {
  return networks
    .filter((c) => c.family === 4)
    .map((c) => {
      const start = ipv4(c.network);
      const bits = c.prefix === 32 ? "" : `_${c.prefix}`;
      return { id: `${AZURE_FIREWALL_PREFIX}${start}${bits}`, name: `clickpipes-${sourceName}-${start.replace(/\./g, "-")}${bits}`, start, end: ipv4(lastAddress(c)) };
    });
}

/** Prefix of the firewall rules' construct IDs. */
export const AZURE_FIREWALL_PREFIX = "Firewall-";
/** Prefix of the server parameters' construct IDs: `Parameter-<name>`. */
export const AZURE_PARAMETER_PREFIX = "Parameter-";
