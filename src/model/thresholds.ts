/**
 * Server-setting thresholds, defined once: the model's defaults and rules, the AWS parameter
 * groups and verify's checks all read them from here. Each one's source is in `THRESHOLD_SOURCES`
 * (a test fails for a threshold without one).
 */
import { clickPipesPage, FactSource, webPage } from "./fact-source";

/** `max_slot_wal_keep_size` of the ClickHouse generic Postgres source guide (100 GB, in MB); less is a warning (synth and verify). */
export const RECOMMENDED_MAX_SLOT_WAL_KEEP_SIZE_MB = 102400;
/** `max_wal_senders` of the ClickHouse generic Postgres source guide; less is an error at synth, and the value verify suggests. */
export const MIN_WAL_SENDERS = 10;
/** `max_replication_slots` of the ClickHouse generic Postgres source guide; less is an error at synth, and the value verify suggests. */
export const MIN_REPLICATION_SLOTS = 10;
/** The ClickPipes FAQ: `wal_sender_timeout` of at least 5 minutes (in ms), or 0 (no timeout); less is a warning. */
export const MIN_RECOMMENDED_WAL_SENDER_TIMEOUT_MS = 300000;
/**
 * The `wal_sender_timeout` ClickPipes sets on its own replication connections (120 s, in ms; PeerDB
 * sets it per connection, and ClickHouse docs PR "Remove mentions of wal_sender_timeout=0", merged
 * 2026-04-11, dropped the server-side advice). verify reports the server value as information.
 */
export const CLICKPIPES_WAL_SENDER_TIMEOUT_MS = 120000;

/**
 * PostgreSQL 18's `idle_replication_slot_timeout` (seconds, default 0 = off) invalidates a slot
 * idle that long: a paused pipe's slot. The server settings keep it 0; verify WARNs when it is not.
 */
export const IDLE_REPLICATION_SLOT_TIMEOUT_MIN_VERSION = 18;
/** Neon removes an inactive replication slot after about 40 hours when other slots are active (seconds). */
export const NEON_INACTIVE_SLOT_REMOVAL_SECONDS = 40 * 3600;

const GENERIC_GUIDE = clickPipesPage("ClickPipes generic Postgres source guide", "postgres/source/generic.mdx", "1932be9b6ba83564a4fbdcf5f8818db6415a8142", "2026-12-03");

/** Where each threshold above comes from (keyed by its export name). */
export const THRESHOLD_SOURCES: Readonly<
  Record<
    | "RECOMMENDED_MAX_SLOT_WAL_KEEP_SIZE_MB"
    | "MIN_WAL_SENDERS"
    | "MIN_REPLICATION_SLOTS"
    | "MIN_RECOMMENDED_WAL_SENDER_TIMEOUT_MS"
    | "CLICKPIPES_WAL_SENDER_TIMEOUT_MS"
    | "IDLE_REPLICATION_SLOT_TIMEOUT_MIN_VERSION"
    | "NEON_INACTIVE_SLOT_REMOVAL_SECONDS",
    FactSource
  >
> = {
  // "at least 100GB or 102400" (the FAQ now asks for two days of WAL, ideally 200 GB+; 100 GB stays the floor).
  RECOMMENDED_MAX_SLOT_WAL_KEEP_SIZE_MB: GENERIC_GUIDE,
  // "ALTER SYSTEM SET max_wal_senders = 10" / "max_replication_slots = 10".
  MIN_WAL_SENDERS: GENERIC_GUIDE,
  MIN_REPLICATION_SLOTS: GENERIC_GUIDE,
  // The FAQ's "5 minutes or higher" as read on 2026-11-22 (dropped since by docs PR #6018); the warning stays as a floor.
  MIN_RECOMMENDED_WAL_SENDER_TIMEOUT_MS: webPage(
    "ClickPipes for Postgres FAQ (wal_sender_timeout, before docs PR #6018)",
    "https://clickhouse.com/docs/integrations/clickpipes/postgres/faq",
    "2026-11-22",
  ),
  // PeerDB sets 120 s on its own replication connections (PeerDB PR #3681).
  CLICKPIPES_WAL_SENDER_TIMEOUT_MS: webPage("PeerDB PR #3681 (wal_sender_timeout = 120s per replication connection)", "https://github.com/PeerDB-io/peerdb/pull/3681", "2026-11-22"),
  // "Invalidate replication slots that have remained inactive ... longer than this duration"; default 0 disables it; sighup; since 18.
  IDLE_REPLICATION_SLOT_TIMEOUT_MIN_VERSION: webPage(
    "PostgreSQL 18 documentation: idle_replication_slot_timeout",
    "https://www.postgresql.org/docs/18/runtime-config-replication.html#GUC-IDLE-REPLICATION-SLOT-TIMEOUT",
    "2026-12-07",
  ),
  // "Neon automatically removes inactive replication slots after approximately 40 hours if there are other active replication slots" (page updated 2026-01-07).
  NEON_INACTIVE_SLOT_REMOVAL_SECONDS: webPage("Neon: Logical replication in Neon (removal of inactive replication slots)", "https://neon.com/docs/guides/logical-replication-neon", "2026-12-07"),
};
