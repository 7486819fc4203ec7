/**
 * Host profiles of a generic source: where the PostgreSQL server runs. A profile sets the pipe's
 * `type` and applies that host's rules from its ClickPipes source guide (the rule table
 * `HOST_PROFILE_RULES`); it never weakens the defaults (same least-privilege user and grants, same
 * network rules, no 0.0.0.0/0). Facts: ClickPipes Postgres source guides, read 2026-11-22.
 */
import { ClickPipePostgresType } from "./clickpipe";

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
}

const GUIDES = "https://clickhouse.com/docs/integrations/clickpipes/postgres/source";

export const HOST_PROFILES: Readonly<Record<HostProfile, HostProfileFacts>> = {
  [HostProfile.SUPABASE]: {
    title: "Supabase",
    pipeType: ClickPipePostgresType.SUPABASE,
    guide: `${GUIDES}/supabase`,
    serverSettingsInFiles: false,
    consoleSteps: [
      "wal_level is already logical on Supabase; change max_slot_wal_keep_size and the other settings below with the Supabase CLI (supabase postgres-config update) or support, not ALTER SYSTEM",
      "connect ClickPipes to the direct connection (db.<project ref>.supabase.co:5432), not the connection pooler",
    ],
    networkConsole: "Supabase: Database settings, Network restrictions (allow the ClickPipes IPs below)",
  },
  [HostProfile.NEON]: {
    title: "Neon",
    pipeType: ClickPipePostgresType.NEON,
    guide: `${GUIDES}/neon-postgres`,
    serverSettingsInFiles: false,
    consoleSteps: [
      "Neon console: Project settings, Logical Replication, Enable (sets wal_level = logical; the compute restarts)",
      "use the direct endpoint (without -pooler in the host name), not the pooled one",
    ],
    networkConsole: "Neon console: Project settings, IP Allow (allow the ClickPipes IPs below)",
  },
  [HostProfile.CRUNCHY_BRIDGE]: {
    title: "Crunchy Bridge",
    pipeType: ClickPipePostgresType.CRUNCHY_BRIDGE,
    guide: `${GUIDES}/crunchy-postgres`,
    serverSettingsInFiles: false,
    consoleSteps: ["Crunchy Bridge dashboard: the cluster's Configuration (set the settings below; wal_level = logical needs a restart)"],
    networkConsole: "Crunchy Bridge dashboard: the cluster's Networking, firewall rules (allow the ClickPipes IPs below)",
  },
  [HostProfile.PLANETSCALE]: {
    title: "PlanetScale for Postgres",
    pipeType: ClickPipePostgresType.PLANETSCALE,
    guide: `${GUIDES}/planetscale`,
    serverSettingsInFiles: false,
    consoleSteps: [
      "PlanetScale console: the branch's Cluster configuration, Parameters: raise max_slot_wal_keep_size from its 4 GB default (to the value below), wal_level = logical",
      "connect to the primary on port 5432 (not PSBouncer on 6432, not a replica), as <user>.<branch>",
    ],
    networkConsole: "PlanetScale console: the database's IP restrictions (allow the ClickPipes IPs below)",
  },
  [HostProfile.TIGERDATA]: {
    title: "Tiger Data (Timescale)",
    pipeType: ClickPipePostgresType.TIGERDATA,
    guide: `${GUIDES}/timescale`,
    serverSettingsInFiles: false,
    consoleSteps: [
      "Tiger Cloud console: the service's Operations, Database parameters (set the settings below; wal_level = logical needs a restart)",
      "publish the hypertables' chunks: include the _timescaledb_internal schema in the publication",
    ],
    networkConsole: "Tiger Cloud console: the service's IP allow list (allow the ClickPipes IPs below)",
  },
  [HostProfile.ALLOYDB]: {
    title: "AlloyDB for PostgreSQL",
    pipeType: ClickPipePostgresType.ALLOYDB,
    guide: `${GUIDES}/alloydb`,
    serverSettingsInFiles: false,
    consoleSteps: ["AlloyDB console: the primary instance's flags alloydb.enable_pglogical = on and alloydb.logical_decoding = on (the instance restarts); AlloyDB 14 or later"],
    networkConsole: "AlloyDB: the instance's authorized external networks / public IP (allow the ClickPipes IPs below)",
  },
  [HostProfile.CLOUDSQL]: {
    title: "Cloud SQL for PostgreSQL",
    pipeType: ClickPipePostgresType.CLOUDSQL_POSTGRES,
    guide: `${GUIDES}/google-cloudsql`,
    serverSettingsInFiles: false,
    consoleSteps: ["Cloud SQL console: the instance's flag cloudsql.logical_decoding = on (the instance restarts), and the other settings below as flags"],
    networkConsole: "Cloud SQL console: Connections, Authorized networks (add the ClickPipes IPs below)",
  },
  [HostProfile.AZURE]: {
    title: "Azure Database for PostgreSQL (Flexible Server)",
    pipeType: ClickPipePostgresType.AZURE_POSTGRES,
    guide: `${GUIDES}/azure-flexible-server-postgres`,
    serverSettingsInFiles: false,
    consoleSteps: ["Azure portal: the server's Server parameters, wal_level = LOGICAL and the settings below (Save, then restart the server)"],
    networkConsole: "Azure portal: the server's Networking, firewall rules (add the ClickPipes IPs below)",
  },
  [HostProfile.SELF_MANAGED]: {
    title: "self-managed PostgreSQL",
    pipeType: ClickPipePostgresType.POSTGRES,
    guide: `${GUIDES}/generic`,
    serverSettingsInFiles: true,
    consoleSteps: [],
  },
};

/** PgBouncer's default port (and PlanetScale's PSBouncer). */
export const PGBOUNCER_PORT = 6432;
/** Supabase's transaction pooler port. */
export const SUPABASE_POOLER_PORT = 6543;
/** The schema holding TimescaleDB hypertable chunks. */
export const TIMESCALE_INTERNAL_SCHEMA = "_timescaledb_internal";
/** `TABLES IN SCHEMA` in publications: PostgreSQL 15 and later (PostgreSQL 15 release notes). */
export const SCHEMA_PUBLICATION_MIN_VERSION = 15;
/** AlloyDB supports logical replication from version 14 on (AlloyDB guide, "Supported versions"). */
export const ALLOYDB_MIN_VERSION = 14;

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
  readonly timescaleDb?: boolean;
}
