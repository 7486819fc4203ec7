/**
 * Server-setting thresholds, defined once: the model's defaults and rules, the AWS parameter
 * groups and verify's checks all read them from here.
 */

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
