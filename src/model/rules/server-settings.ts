import { MIN_REPLICATION_SLOTS, MIN_WAL_SENDERS, RECOMMENDED_MAX_SLOT_WAL_KEEP_SIZE_MB } from "../defaults";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding, Severity } from "../validation";

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

/** The server settings the source needs, as the ClickHouse generic Postgres source guide sets them. */
export const serverSettingsRule: Rule<PostgresSourceSpec> = {
  id: "server-settings",
  summary: `max_wal_senders >= ${MIN_WAL_SENDERS} and max_replication_slots >= ${MIN_REPLICATION_SLOTS}; max_slot_wal_keep_size >= ${RECOMMENDED_MAX_SLOT_WAL_KEEP_SIZE_MB} MB or -1 (warning below)`,
  check: (s) => {
    const out: RuleFinding[] = [];
    const ss = s.serverSettings ?? {};
    if (ss.maxWalSenders !== undefined && !(isInt(ss.maxWalSenders) && ss.maxWalSenders >= MIN_WAL_SENDERS)) {
      out.push({ field: "serverSettings.maxWalSenders", value: ss.maxWalSenders, allowed: `an integer of at least ${MIN_WAL_SENDERS}` });
    }
    if (ss.maxReplicationSlots !== undefined && !(isInt(ss.maxReplicationSlots) && ss.maxReplicationSlots >= MIN_REPLICATION_SLOTS)) {
      out.push({ field: "serverSettings.maxReplicationSlots", value: ss.maxReplicationSlots, allowed: `an integer of at least ${MIN_REPLICATION_SLOTS}` });
    }
    const keep = ss.maxSlotWalKeepSizeMb;
    if (keep !== undefined) {
      if (!isInt(keep) || keep < -1) {
        out.push({ field: "serverSettings.maxSlotWalKeepSizeMb", value: keep, allowed: "an integer number of MB, or -1 for no limit" });
      } else if (s.postgresVersion === 12) {
        out.push({ field: "serverSettings.maxSlotWalKeepSizeMb", value: keep, allowed: "unset on PostgreSQL 12 (the setting exists from 13 on)" });
      } else if (keep !== -1 && keep < RECOMMENDED_MAX_SLOT_WAL_KEEP_SIZE_MB) {
        out.push({
          severity: Severity.WARNING,
          field: "serverSettings.maxSlotWalKeepSizeMb",
          value: keep,
          allowed: `at least ${RECOMMENDED_MAX_SLOT_WAL_KEEP_SIZE_MB} MB is recommended, or a large transaction can invalidate the slot and force a full resync`,
        });
      }
    }
    return out;
  },
};
