/**
 * What the postgresql provider cannot manage: the server settings and the pg_hba.conf lines a
 * self-managed source needs. Pure data; `render/server-setup.ts` turns it into files.
 */
import { ResolvedSource } from "./defaults";
import { hbaHostLine, quoteHbaField } from "./quoting/pg-hba";
import { IDLE_REPLICATION_SLOT_TIMEOUT_MIN_VERSION } from "./thresholds";

/** One server setting. */
export interface ServerSetting {
  readonly name: string;
  /** The value as postgresql.conf spells it. */
  readonly value: string;
  /** Whether a change needs a server restart (not just `pg_reload_conf()`). */
  readonly restart: boolean;
  /** Why the source needs it. */
  readonly reason: string;
}

/** Settings the source needs, in postgresql.conf order. */
export function serverSettings(src: ResolvedSource): ServerSetting[] {
  const settings: ServerSetting[] = [
    { name: "wal_level", value: "logical", restart: true, reason: "logical decoding for CDC" },
    { name: "max_wal_senders", value: String(src.maxWalSenders), restart: true, reason: "one WAL sender per ClickPipes replication connection, with room to spare" },
    { name: "max_replication_slots", value: String(src.maxReplicationSlots), restart: true, reason: "ClickPipes creates its own slot per pipe" },
  ];
  // Azure: read-only there (default -1, allowed -1; src/model/azure.ts), so never asked for.
  if (src.postgresVersion >= 13 && src.hostProfile !== "azure") {
    settings.push({
      name: "max_slot_wal_keep_size",
      value: String(src.maxSlotWalKeepSizeMb),
      restart: false,
      reason: "WAL kept for the slot (MB) before PostgreSQL invalidates it and forces a full resync",
    });
  }
  if (src.postgresVersion >= IDLE_REPLICATION_SLOT_TIMEOUT_MIN_VERSION) {
    settings.push({
      name: "idle_replication_slot_timeout",
      value: "0",
      restart: false,
      reason: "PostgreSQL 18+: a non-zero value invalidates a paused pipe's slot after that long (full resync); 0 keeps it",
    });
  }
  return settings;
}

/**
 * One `host <database> <user> <network> scram-sha-256` line per allowed network: names quoted by
 * pg_hba's rules (`quoting/pg-hba.ts`), networks in canonical text.
 */
export function pgHbaLines(src: ResolvedSource): string[] {
  return src.networks.map((cidr) => hbaHostLine(src.database, src.userName, cidr, "scram-sha-256"));
}

/**
 * The monitoring role's pg_hba.conf lines (where `health` or an exporter connects from, never the
 * ClickPipes IPs): one `host` line per `monitoring.allowedCidrs` network, quoted like the ClickPipes
 * lines; without that field, one commented line naming the role and what to fill in. None without
 * `monitoring`.
 */
export function monitoringHbaLines(src: ResolvedSource): string[] {
  const m = src.monitoring;
  if (!m) return [];
  if (m.networks.length > 0) return m.networks.map((cidr) => hbaHostLine(src.database, m.name, cidr, "scram-sha-256"));
  return [
    `# Monitoring role ${m.name}: set monitoring.allowedCidrs to the networks health or your exporter connects from, or uncomment and fill in:`,
    `# host ${quoteHbaField(src.database)} ${quoteHbaField(m.name)} <network health/the exporter connects from, e.g. 10.0.5.0/24> scram-sha-256`,
  ];
}

/** True when any setting needs a restart to take effect. */
export function restartRequired(settings: readonly ServerSetting[]): boolean {
  return settings.some((s) => s.restart);
}

/** File names of the rendered health files. */
export const ALERT_RULES_FILE = "clickpipes-alerts.rules.yml" as const;
export const HEALTH_THRESHOLDS_FILE = "health.json" as const;

/** Folder, inside the stack's output folder, that holds the rendered setup files of each source. */
export const SERVER_SETUP_DIR = "server-setup";

/**
 * The files synth writes in `server-setup/<source>/` (the keys of `ServerSetupFiles`). The review
 * tools refuse a stack folder holding any other file (see `synth-output/stack-folder.ts`); `render/server-setup.ts` checks that these are exactly the
 * keys of its `ServerSetupFiles`: a file added
 * here by a new feature must be added to this list.
 */
const FILE_NAMES = ["postgresql.conf", "pg_hba.conf", "alter-system.sql", ALERT_RULES_FILE, HEALTH_THRESHOLDS_FILE, "timescaledb-publication.sql"] as const;

/** A file name of `server-setup/<source>/`. */
export type ServerSetupFileName = (typeof FILE_NAMES)[number];
export const SERVER_SETUP_FILE_NAMES: readonly string[] = FILE_NAMES;
