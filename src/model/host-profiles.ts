/**
 * Host profiles of a generic source: where the PostgreSQL server runs. A profile sets the pipe's
 * `type` and applies that host's rules from its ClickPipes source guide (the rule table
 * `HOST_PROFILE_RULES`); it never weakens the defaults (same least-privilege user and grants, same
 * network rules, no 0.0.0.0/0). Facts: the ClickPipes Postgres source guides in
 * ClickHouse/ClickHouse `docs/integrations/clickpipes/postgres/source/`, each profile's `source`
 * naming the file and commit read (2026-12-03).
 *
 * Changed 2026-12-03 (against the guides read 2026-11-22): Tiger Cloud cannot enable logical
 * replication, so a `tigerdata` source runs Initial Load Only pipes (rule `host-initial-load-only`);
 * PlanetScale's PSBouncer port 6432 is fine for Initial Load Only pipes (5432 stays required for
 * CDC); Supabase's direct connection is IPv6; Neon's IP Allow is an Enterprise-plan feature;
 * Crunchy Bridge has logical replication on by default.
 */
import { ClickPipePostgresType } from "./clickpipe";
import { clickPipesPage, FactSource } from "./fact-source";
import { AZURE_RESTART_NOTE, AZURE_SLOT_WAL_NOTE, AzureFlexibleServerSpec } from "./azure";

/** Where a generic source's server runs. */
export enum HostProfile {
  SUPABASE = "supabase",
  NEON = "neon",
  CRUNCHY_BRIDGE = "crunchybridge",
  PLANETSCALE = "planetscale",
  TIGERDATA = "tigerdata",
  ALLOYDB = "alloydb",
  CLOUDSQL = "cloudsql",
  AZURE = "azure",
  SELF_MANAGED = "self-managed",
  CLICKHOUSE_MANAGED = "clickhouse-managed",
}

export interface HostProfileFacts {
  /** Display name. */
  readonly title: string;
  /** `source.postgres.type` of the pipe. */
  readonly pipeType: ClickPipePostgresType;
  /** The ClickPipes source guide the rules come from. */
  readonly guide: string;
  /** Whether you can edit postgresql.conf / run ALTER SYSTEM yourself (false: the host's console). */
  readonly serverSettingsInFiles: boolean;
  /** What to set in the host's console instead (empty for self-managed servers). */
  readonly consoleSteps: readonly string[];
  /** Where the ClickPipes IPs are allowed instead of pg_hba.conf (undefined: pg_hba.conf). */
  readonly networkConsole?: string;
  /** The guide's file and commit these facts were read from, and when. */
  readonly source: FactSource;
}

const READ = "2026-12-03";
/** The day Neon's logical replication guide (40 h slot removal) and the Managed Postgres guide were read. */
const NEON_READ = "2026-12-07";
const guide = (title: string, file: string, commit: string) => clickPipesPage(`ClickPipes ${title} source guide`, `postgres/source/${file}`, commit, READ);

const GUIDES = "https://clickhouse.com/docs/integrations/clickpipes/postgres/source";

export const HOST_PROFILES: Readonly<Record<HostProfile, HostProfileFacts>> = {
  [HostProfile.SUPABASE]: {
    title: "Supabase",
    pipeType: ClickPipePostgresType.SUPABASE,
    guide: `${GUIDES}/supabase`,
    serverSettingsInFiles: false,
    consoleSteps: [
      "wal_level is already logical on Supabase; change max_slot_wal_keep_size and the other settings below with the Supabase CLI (supabase postgres-config update) or support, not ALTER SYSTEM; raising max_slot_wal_keep_size restarts the database (plan a window)",
      "connect ClickPipes to the direct connection (db.<project ref>.supabase.co:5432, IPv6 unless the project has Supabase's IPv4 add-on; ClickPipes reaches Supabase over IPv6 natively), not the IPv4 connection pooler (it cannot carry CDC)",
    ],
    networkConsole: "Supabase: Database settings, Network restrictions (allow the ClickPipes IPs below)",
    source: guide("Supabase", "supabase.mdx", "2d4672c32006ce7c89d7c675ac5ee6711eff36d6"),
  },
  [HostProfile.NEON]: {
    title: "Neon",
    pipeType: ClickPipePostgresType.NEON,
    guide: `${GUIDES}/neon-postgres`,
    serverSettingsInFiles: false,
    consoleSteps: [
      "Neon console: Project settings, Logical Replication, Enable (sets wal_level = logical; the compute restarts)",
      "use the direct endpoint (without -pooler in the host name), not the pooled one",
      `Neon removes an inactive replication slot after about 40 hours when other slots are active (Neon "Logical replication in Neon", read ${NEON_READ}): a pipe paused or down that long loses its slot and needs a full resync; keep pauses short and let health alert on inactive slots`,
    ],
    networkConsole: "Neon console: Settings, IP Allow, an Enterprise-plan feature (allow the ClickPipes IPs below; other plans have no IP allow list)",
    source: guide("Neon", "neon-postgres.mdx", "013b51e1868b3c5c04333709dbac2dfd1ee2f2cb"),
  },
  [HostProfile.CRUNCHY_BRIDGE]: {
    title: "Crunchy Bridge",
    pipeType: ClickPipePostgresType.CRUNCHY_BRIDGE,
    guide: `${GUIDES}/crunchy-postgres`,
    serverSettingsInFiles: false,
    consoleSteps: [
      "logical replication is on by default on Crunchy Bridge (wal_level = logical): check SHOW wal_level, max_wal_senders and max_replication_slots (10 each)",
      "Crunchy Bridge dashboard: the cluster's Configuration (set the other settings below there)",
    ],
    networkConsole: "Crunchy Bridge dashboard: the cluster's Networking, firewall rules (allow the ClickPipes IPs below)",
    source: guide("Crunchy Bridge", "crunchy-postgres.mdx", "5b551f3d6e7c2419fde2b13d09e448cc67bef9df"),
  },
  [HostProfile.PLANETSCALE]: {
    title: "PlanetScale for Postgres",
    pipeType: ClickPipePostgresType.PLANETSCALE,
    guide: `${GUIDES}/planetscale`,
    serverSettingsInFiles: false,
    consoleSteps: [
      "PlanetScale console: the branch's Cluster configuration, Parameters: raise max_slot_wal_keep_size from its 4 GB default (to the value below), wal_level = logical",
      "connect to the primary (not a replica) as <user>.<branch>, on port 5432 for CDC pipes; PSBouncer on 6432 serves Initial Load Only (snapshot) pipes only",
    ],
    networkConsole: "PlanetScale console: the database's IP restrictions (allow the ClickPipes IPs below)",
    source: guide("PlanetScale for Postgres", "planetscale.mdx", "46bc66c36d15faefc9c34c9dc4c7cd7112a78010"),
  },
  [HostProfile.TIGERDATA]: {
    title: "Tiger Data (Timescale)",
    pipeType: ClickPipePostgresType.TIGERDATA,
    guide: `${GUIDES}/timescale`,
    serverSettingsInFiles: false,
    consoleSteps: [
      "Tiger Cloud cannot enable logical replication: only Initial Load Only pipes (replication mode snapshot) work, so wal_level and the replication settings below cannot and need not be set",
      "for CDC from TimescaleDB, run it yourself (hostProfile self-managed) and publish the _timescaledb_internal schema with the hypertables",
    ],
    networkConsole: "Tiger Cloud console: the service's IP allow list (allow the ClickPipes IPs below)",
    source: guide("Timescale", "timescale.mdx", "d6e9dae5afbaa5166e29e065f988268c6a25a104"),
  },
  [HostProfile.ALLOYDB]: {
    title: "AlloyDB for PostgreSQL",
    pipeType: ClickPipePostgresType.ALLOYDB,
    guide: `${GUIDES}/alloydb`,
    serverSettingsInFiles: false,
    consoleSteps: ["AlloyDB console: the primary instance's flags alloydb.enable_pglogical = on and alloydb.logical_decoding = on (the instance restarts); AlloyDB 14 or later"],
    networkConsole: "AlloyDB: the instance's authorized external networks / public IP (allow the ClickPipes IPs below)",
    source: guide("AlloyDB", "alloydb.mdx", "7cbac2a7b0267805a54ad777df3d29463d17c8b3"),
  },
  [HostProfile.CLOUDSQL]: {
    title: "Cloud SQL for PostgreSQL",
    pipeType: ClickPipePostgresType.CLOUDSQL_POSTGRES,
    guide: `${GUIDES}/google-cloudsql`,
    serverSettingsInFiles: false,
    consoleSteps: ["Cloud SQL console: the instance's flag cloudsql.logical_decoding = on (the instance restarts), and the other settings below as flags"],
    networkConsole: "Cloud SQL console: Connections, Authorized networks (add the ClickPipes IPs below)",
    source: guide("Google Cloud SQL", "google-cloudsql.mdx", "5f6c4b7469b6f63745694131224ac476055d7ea8"),
  },
  [HostProfile.AZURE]: {
    title: "Azure Database for PostgreSQL (Flexible Server)",
    pipeType: ClickPipePostgresType.AZURE_POSTGRES,
    guide: `${GUIDES}/azure-flexible-server-postgres`,
    serverSettingsInFiles: false,
    // Corrected 2026-12-07: max_slot_wal_keep_size is read-only on Azure (src/model/azure.ts AZURE_PARAMETERS_SOURCE); with azure.serverId synth declares the rest.
    consoleSteps: [
      "with azure.serverId the stack declares wal_level = logical (and max_replication_slots / max_wal_senders above Azure's default of 10) and the ClickPipes firewall rules; without it: Azure portal, the server's Server parameters, wal_level = LOGICAL (Save, then restart the server)",
      AZURE_SLOT_WAL_NOTE,
      `with azure.serverId: ${AZURE_RESTART_NOTE}`,
    ],
    networkConsole: "Azure portal: the server's Networking, firewall rules (add the ClickPipes IPs below; with azure.serverId the stack declares them)",
    source: guide("Azure Flexible Server", "azure-flexible-server-postgres.mdx", "4f508f11d10fbaddba586e3536bf487c0360b4d3"),
  },
  [HostProfile.CLICKHOUSE_MANAGED]: {
    title: "ClickHouse Managed Postgres",
    // The provider has no managed-Postgres source type (internal/api/clickpipe.go @ v3.25.3): a regular Postgres pipe.
    pipeType: ClickPipePostgresType.POSTGRES,
    guide: `${GUIDES}/managed-postgres`,
    serverSettingsInFiles: false,
    consoleSteps: [
      "nothing to apply by hand: logical replication is enabled on every ClickHouse Managed Postgres instance (no wal_level or parameter group to change); the settings below are what verify checks",
      "the stack connects to the direct connection (the service's hostname and port), never the PgBouncer one, and pins the service's own CA in the pipe (clickhouse_postgres_service_ca_certificates)",
    ],
    networkConsole:
      "ClickHouse Managed Postgres accepts ClickPipes by default; only if you set IP filters on the Postgres service (ClickHouse Cloud console, the service's Settings; the provider cannot declare them) add the ClickPipes IPs below there",
    source: clickPipesPage("ClickPipes ClickHouse Managed Postgres source guide", "postgres/source/managed-postgres.mdx", "af78a3279f1b7e316fc483789b0a0f397cc738e5", NEON_READ),
  },
  [HostProfile.SELF_MANAGED]: {
    title: "self-managed PostgreSQL",
    pipeType: ClickPipePostgresType.POSTGRES,
    guide: `${GUIDES}/generic`,
    serverSettingsInFiles: true,
    consoleSteps: [],
    source: guide("generic Postgres", "generic.mdx", "1932be9b6ba83564a4fbdcf5f8818db6415a8142"),
  },
};

/** PgBouncer's default port (and PlanetScale's PSBouncer: Initial Load Only pipes only, planetscale.mdx caveat 2). */
export const PGBOUNCER_PORT = 6432;
/** Supabase's transaction pooler port. */
export const SUPABASE_POOLER_PORT = 6543;
/** The schema holding TimescaleDB hypertable chunks. */
export const TIMESCALE_INTERNAL_SCHEMA = "_timescaledb_internal";
/** `TABLES IN SCHEMA` in publications: PostgreSQL 15 and later (PostgreSQL 15 release notes). */
export const SCHEMA_PUBLICATION_MIN_VERSION = 15;
/** AlloyDB supports logical replication from version 14 on (AlloyDB guide, "Supported versions"). */
export const ALLOYDB_MIN_VERSION = 14;

/** Where each host constant above comes from (keyed by its export name). */
export const HOST_CONSTANT_SOURCES: Readonly<Record<"PGBOUNCER_PORT" | "SUPABASE_POOLER_PORT" | "TIMESCALE_INTERNAL_SCHEMA" | "SCHEMA_PUBLICATION_MIN_VERSION" | "ALLOYDB_MIN_VERSION", FactSource>> = {
  PGBOUNCER_PORT: HOST_PROFILES[HostProfile.PLANETSCALE].source,
  // Supabase docs: shared pooler (Supavisor) transaction mode on :6543, IPv4; the direct connection db.<ref>.supabase.co:5432 is IPv6 (IPv4 with the IPv4 add-on).
  SUPABASE_POOLER_PORT: {
    title: "Supabase: Connect to your database (pooler ports, IPv6 direct connection)",
    url: "https://supabase.com/docs/guides/database/connecting-to-postgres",
    read: "2026-12-03",
  },
  TIMESCALE_INTERNAL_SCHEMA: HOST_PROFILES[HostProfile.TIGERDATA].source,
  // CREATE PUBLICATION ... FOR TABLES IN SCHEMA first appears in PostgreSQL 15.
  SCHEMA_PUBLICATION_MIN_VERSION: {
    title: "PostgreSQL 15 documentation: CREATE PUBLICATION (FOR TABLES IN SCHEMA)",
    url: "https://www.postgresql.org/docs/15/sql-createpublication.html",
    read: "2026-12-03",
  },
  ALLOYDB_MIN_VERSION: HOST_PROFILES[HostProfile.ALLOYDB].source,
};

/**
 * A `clickhouse_postgres_service` declared in the same app, as the ClickPipe and the postgresql
 * provider need it (the generated `PostgresService` resource has this shape).
 */
export interface ManagedPostgresServiceRef {
  /** The service ID (a reference). */
  readonly id: string;
  /** The direct connection's host name (a reference). */
  readonly hostname: string;
  /** The direct connection's port (a reference; not PgBouncer's). */
  readonly port: number;
}

/** Which ClickHouse Managed Postgres service a `clickhouse-managed` source is (exactly one field). */
export interface ManagedPostgresSpec {
  /**
   * ID of an existing `clickhouse_postgres_service` (a UUID): synth reads its host name and port
   * with the data source `clickhouse_postgres_service`.
   * @default - none (give `service` instead)
   */
  readonly serviceId?: string;
  /**
   * The `clickhouse_postgres_service` resource of the same app (TypeScript API only), so one app
   * creates the database and the pipe.
   * @default - none (give `serviceId` instead)
   */
  readonly service?: ManagedPostgresServiceRef;
}

/** Major versions a Managed Postgres service runs (`postgresVersions`, postgres_service_constants.go @ v3.25.3). */
export const MANAGED_POSTGRES_VERSIONS: readonly number[] = [17, 18];

/** The host-profile fields of a generic source (construct props and config). */
export interface HostProfileSpec {
  /**
   * Where the server runs: sets the pipe's `type`, applies the host's rules from its ClickPipes
   * source guide (`HOST_PROFILE_RULES`) and, for hosts whose server settings you cannot edit, says
   * what to set in their console in the rendered server-setup files. Never weakens the defaults.
   * @default HostProfile.SELF_MANAGED
   */
  readonly hostProfile?: HostProfile;
  /**
   * PlanetScale only (and required there): the branch; ClickPipes logs in as `<user>.<branch>`.
   * @default - none
   */
  readonly planetScaleBranch?: string;
  /**
   * `clickhouse-managed` only (and required there): the ClickHouse Managed Postgres service. Its
   * host name and port replace `host` and `port` (leave both unset), the pipe pins the service's CA
   * (data source `clickhouse_postgres_service_ca_certificates`), and nothing is rendered to apply by hand.
   * @default - none
   */
  readonly managedPostgres?: ManagedPostgresSpec;
  /**
   * The database runs the TimescaleDB extension (self-hosted, e.g. with `self-managed`).
   * Hypertable rows live in chunk tables under `_timescaledb_internal`, created continuously, so
   * the publication must hold that whole schema (ClickHouse Timescale guide): PostgreSQL 15 or later
   * (`TABLES IN SCHEMA`) unless `publication.allTables`. The pinned postgresql provider cannot
   * publish a schema, so synth renders the step as `server-setup/<source>/timescaledb-publication.sql`
   * (run it as a superuser after the first apply), and Terraform stops managing the publication's
   * table list after creating it (the provider would read the chunks back and try to drop them).
   * `cdktf-clickpipes verify` FAILs (timescale_chunks) while chunk tables are missing.
   * @default false
   */
  readonly timescaleDb?: boolean;
  /**
   * Azure only: the Flexible Server to declare settings and firewall rules on (through azurerm; the
   * stack adds an `azurerm` provider). See `AzureFlexibleServerSpec`.
   * @default - none (the rendered notes say what to set in the portal)
   */
  readonly azure?: AzureFlexibleServerSpec;
}

/** A generic source spec with its host profile. */
export interface HostProfileRuleInput {
  readonly name?: unknown;
  readonly host?: unknown;
  readonly port?: unknown;
  readonly postgresVersion?: unknown;
  readonly schemas?: readonly { readonly name: string }[];
  readonly publication?: { readonly allTables?: boolean };
  readonly user?: { readonly bypassRowLevelSecurity?: boolean };
  readonly hostProfile?: HostProfile;
  readonly planetScaleBranch?: string;
  readonly managedPostgres?: unknown;
  readonly timescaleDb?: boolean;
  /** The source's pipe, when the app config declares one (its mode decides what some hosts accept). */
  readonly clickpipe?: { readonly replicationMode?: unknown };
}
