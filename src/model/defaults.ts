/**
 * Defaults of a source spec, resolved in one place so constructs, renderers and checks agree.
 */
import { AzureServerId, parseAzureServerId } from "./azure";
import { Cidr, hostNetwork, parseCidr } from "./cidr";
import { resolveClickPipesIps, ResolvedClickPipesIps } from "./clickpipes-ips";
import { resolveHealthThresholds, ResolvedHealthThresholds } from "./health";
import type { HostProfile, ManagedPostgresServiceRef, ManagedPostgresSpec } from "./host-profiles";
import { PostgresMajorVersion, PostgresSourceSpec, PublishOperation, SslMode } from "./types";

export const DEFAULT_PORT = 5432;
export const DEFAULT_ADMIN_USER = "postgres";
export const DEFAULT_USER_NAME = "clickpipes_user";
export const DEFAULT_PUBLICATION_NAME = "clickpipes_publication";
export const DEFAULT_MONITORING_ROLE_NAME = "clickpipes_monitor";
export const DEFAULT_PLAN_ROLE_NAME = "clickpipes_plan";
export const DEFAULT_PUBLISH_OPERATIONS: readonly PublishOperation[] = [PublishOperation.INSERT, PublishOperation.UPDATE, PublishOperation.DELETE, PublishOperation.TRUNCATE];
// Thresholds live in ./thresholds (shared with verify); re-exported here for existing importers.
import { MIN_REPLICATION_SLOTS, MIN_WAL_SENDERS, RECOMMENDED_MAX_SLOT_WAL_KEEP_SIZE_MB } from "./thresholds";
export { MIN_REPLICATION_SLOTS, MIN_WAL_SENDERS, RECOMMENDED_MAX_SLOT_WAL_KEEP_SIZE_MB };

/** A schema with its owners resolved. */
export interface ResolvedSchema {
  readonly name: string;
  readonly owners: readonly string[];
}

/** A table split into schema and name. */
export interface TableRef {
  readonly schema: string;
  readonly table: string;
}

/** A source spec with every default applied and every list in a canonical (sorted) order. */
export interface ResolvedSource {
  readonly name: string;
  /** Where the server runs (generic sources' `hostProfile`; `self-managed` otherwise). */
  readonly hostProfile: HostProfile;
  /** Generic sources' `timescaleDb`: the publication must hold `_timescaledb_internal` (false otherwise). */
  readonly timescaleDb: boolean;
  /** Generic sources' `azure.serverId` (hostProfile azure), parsed; undefined otherwise. */
  readonly azure?: { readonly serverId: string } & AzureServerId;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly postgresVersion: PostgresMajorVersion;
  readonly adminUser: string;
  readonly adminIsSuperuser: boolean;
  readonly sslmode: SslMode;
  readonly userName: string;
  readonly passwordVersion: number;
  readonly bypassRowLevelSecurity: boolean;
  /** Schemas granted whole, sorted by name. */
  readonly schemas: readonly ResolvedSchema[];
  /** Listed tables, sorted. */
  readonly tables: readonly TableRef[];
  /** Listed tables outside `schemas`, grouped by schema (sorted): they get table-scoped grants. */
  readonly tableScopedGrants: ReadonlyMap<string, readonly string[]>;
  readonly publicationName: string;
  readonly allTables: boolean;
  /** `undefined` on PostgreSQL 12 unless set. */
  readonly publishViaPartitionRoot: boolean | undefined;
  /** In PostgreSQL's canonical order. */
  readonly publishOperations: readonly PublishOperation[];
  /**
   * CIDRs ClickPipes connects from, canonical text (see `model/cidr.ts`), each network once: an
   * override sorted by text, the ClickPipes IPs in the order of the IP table.
   */
  readonly allowedCidrs: readonly string[];
  /** The same networks, parsed (same order). */
  readonly networks: readonly Cidr[];
  /** Set when the CIDRs come from the ClickPipes IP table rather than an override. */
  readonly clickPipesIps: ResolvedClickPipesIps | undefined;
  readonly maxSlotWalKeepSizeMb: number;
  readonly maxWalSenders: number;
  readonly maxReplicationSlots: number;
  readonly protectFromDestroy: boolean;
  /** Thresholds of health, the alert rules and the alarms, with defaults applied. */
  readonly health: ResolvedHealthThresholds;
  /** The monitoring role, when the spec asks for one. */
  readonly monitoring: { readonly name: string; readonly passwordVersion: number; readonly networks: readonly Cidr[] } | undefined;
  /** The read-only plan role, when the spec asks for one. */
  readonly planRole: { readonly name: string; readonly passwordVersion: number } | undefined;
  /** Where the ClickHouse Cloud service runs (`clickhouse.cloud`, `clickhouse.region`). */
  readonly clickhouseLocation: { readonly cloud: string; readonly region: string };
  /**
   * `clickhouse-managed` sources: the service. `host` is then its host name when `service` is given,
   * and empty with `serviceId` alone (the constructs read the host name from the service).
   */
  readonly managedPostgres: { readonly serviceId: string; readonly service: ManagedPostgresServiceRef | undefined } | undefined;
}

/** Split `schema.table` at its first dot. */
export function parseTableRef(ref: string): TableRef {
  const dot = ref.indexOf(".");
  return dot < 0 ? { schema: "", table: ref } : { schema: ref.slice(0, dot), table: ref.slice(dot + 1) };
}

export function formatTableRef(t: TableRef): string {
  return `${t.schema}.${t.table}`;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Parse validated CIDRs once: canonical, each network once, in the given order. */
function parseNetworks(list: readonly string[]): Cidr[] {
  const byCanonical = new Map<string, Cidr>();
  for (const text of list) {
    const p = parseCidr(text);
    if (!p.ok) throw new Error(`resolveSource: ${JSON.stringify(text)} ${p.error.reason} (validate the spec first)`);
    byCanonical.set(p.cidr.text, p.cidr);
  }
  return [...byCanonical.values()];
}

/** The parsed `azure.serverId` of a generic source (hostProfile azure). */
function azureOf(spec: PostgresSourceSpec): { azure?: ResolvedSource["azure"] } {
  const serverId = (spec as { readonly azure?: { readonly serverId?: string } }).azure?.serverId;
  const parts = parseAzureServerId(serverId);
  return parts ? { azure: { serverId: serverId!, ...parts } } : {};
}

/** Apply defaults. Call after validation: it assumes a valid spec. */
export function resolveSource(spec: PostgresSourceSpec): ResolvedSource {
  const adminUser = spec.adminUser ?? DEFAULT_ADMIN_USER;
  const schemas = [...(spec.schemas ?? [])]
    .map((s) => ({ name: s.name, owners: [...new Set(s.owners && s.owners.length > 0 ? s.owners : [adminUser])].sort(byText) }))
    .sort((a, b) => byText(a.name, b.name));
  const tables = [...(spec.tables ?? [])].sort(byText).map(parseTableRef);
  const wholeSchemas = new Set(schemas.map((s) => s.name));
  const scoped = new Map<string, string[]>();
  for (const t of tables) {
    if (wholeSchemas.has(t.schema)) continue;
    scoped.set(t.schema, [...(scoped.get(t.schema) ?? []), t.table]);
  }
  const managed = (spec as { readonly managedPostgres?: ManagedPostgresSpec }).managedPostgres;
  const ops = new Set(spec.publication?.operations ?? DEFAULT_PUBLISH_OPERATIONS);
  const clickPipesIps = spec.network?.allowedCidrs ? undefined : resolveClickPipesIps(spec.clickhouse.cloud, spec.clickhouse.region, spec.clickhouse.serviceCreatedOn, spec.clickhouse.ipTable);
  const networks = spec.network?.allowedCidrs ? parseNetworks(spec.network.allowedCidrs).sort((a, b) => byText(a.text, b.text)) : parseNetworks(clickPipesIps!.ips.map(hostNetwork));
  const allowedCidrs = networks.map((c) => c.text);
  return {
    name: spec.name,
    hostProfile: (spec as { readonly hostProfile?: HostProfile }).hostProfile ?? ("self-managed" as HostProfile),
    timescaleDb: (spec as { readonly timescaleDb?: boolean }).timescaleDb === true,
    ...azureOf(spec),
    host: spec.host ?? managed?.service?.hostname ?? "",
    port: spec.port ?? DEFAULT_PORT,
    database: spec.database,
    postgresVersion: spec.postgresVersion,
    adminUser,
    adminIsSuperuser: spec.adminIsSuperuser ?? true,
    sslmode: spec.sslmode ?? SslMode.REQUIRE,
    userName: spec.user?.name ?? DEFAULT_USER_NAME,
    passwordVersion: spec.user?.passwordVersion ?? 1,
    bypassRowLevelSecurity: spec.user?.bypassRowLevelSecurity ?? false,
    schemas,
    tables,
    tableScopedGrants: new Map([...scoped.entries()].sort(([a], [b]) => byText(a, b))),
    publicationName: spec.publication?.name ?? DEFAULT_PUBLICATION_NAME,
    allTables: spec.publication?.allTables ?? false,
    publishViaPartitionRoot: spec.publication?.publishViaPartitionRoot ?? (spec.postgresVersion >= 13 ? true : undefined),
    publishOperations: DEFAULT_PUBLISH_OPERATIONS.filter((o) => ops.has(o)),
    allowedCidrs,
    networks,
    clickPipesIps,
    maxSlotWalKeepSizeMb: spec.serverSettings?.maxSlotWalKeepSizeMb ?? RECOMMENDED_MAX_SLOT_WAL_KEEP_SIZE_MB,
    maxWalSenders: spec.serverSettings?.maxWalSenders ?? MIN_WAL_SENDERS,
    maxReplicationSlots: spec.serverSettings?.maxReplicationSlots ?? MIN_REPLICATION_SLOTS,
    protectFromDestroy: spec.protectFromDestroy ?? true,
    health: resolveHealthThresholds(spec.health),
    monitoring: spec.monitoring
      ? {
          name: spec.monitoring.name ?? DEFAULT_MONITORING_ROLE_NAME,
          passwordVersion: spec.monitoring.passwordVersion ?? 1,
          networks: parseNetworks(spec.monitoring.allowedCidrs ?? []).sort((a, b) => byText(a.text, b.text)),
        }
      : undefined,
    planRole: spec.planRole ? { name: spec.planRole.name ?? DEFAULT_PLAN_ROLE_NAME, passwordVersion: spec.planRole.passwordVersion ?? 1 } : undefined,
    clickhouseLocation: { cloud: spec.clickhouse.cloud, region: spec.clickhouse.region },
    managedPostgres: managed ? { serviceId: managed.service?.id ?? managed.serviceId!, service: managed.service } : undefined,
  };
}
