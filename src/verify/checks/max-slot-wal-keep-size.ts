import { Check, pass, settingFix, skip, warn } from "../context";
import { RECOMMENDED_MAX_SLOT_WAL_KEEP_SIZE_MB } from "../../model/thresholds";
import { CheckId } from "../types";

/** The recommended floor for `max_slot_wal_keep_size`, in MB (100 GB): the model's threshold. */
export const MIN_SLOT_WAL_KEEP_SIZE_MB = RECOMMENDED_MAX_SLOT_WAL_KEEP_SIZE_MB;

/** `max_slot_wal_keep_size` (PostgreSQL 13+) at least 100 GB or unlimited (-1). */
export const maxSlotWalKeepSizeCheck: Check = {
  id: CheckId.MAX_SLOT_WAL_KEEP_SIZE,
  cdcOnly: true,
  fallbackFix: `ALTER SYSTEM SET max_slot_wal_keep_size = '${MIN_SLOT_WAL_KEEP_SIZE_MB}'; SELECT pg_reload_conf();`,
  async run(ctx) {
    if (ctx.major < 13) return skip(`max_slot_wal_keep_size exists on PostgreSQL 13 and later (this is ${ctx.version})`);
    const mb = Number((await ctx.client.query<{ setting: string }>("SELECT setting FROM pg_settings WHERE name = 'max_slot_wal_keep_size'")).rows[0].setting);
    if (mb === -1) return pass("max_slot_wal_keep_size = -1 (unlimited; watch the disk)");
    if (mb >= MIN_SLOT_WAL_KEEP_SIZE_MB) return pass(`max_slot_wal_keep_size = ${mb} MB (at least ${MIN_SLOT_WAL_KEEP_SIZE_MB})`);
    return warn(
      `max_slot_wal_keep_size = ${mb} MB is below ${MIN_SLOT_WAL_KEEP_SIZE_MB} MB: a paused or slow pipe can lose its slot and need a full resync`,
      settingFix(ctx, "max_slot_wal_keep_size", String(MIN_SLOT_WAL_KEEP_SIZE_MB), false),
    );
  },
};
