import { Check, pass, settingFix, skip, warn } from "../context";
import { IDLE_REPLICATION_SLOT_TIMEOUT_MIN_VERSION } from "../../model/thresholds";
import { CheckId } from "../types";

/**
 * PostgreSQL 18+: `idle_replication_slot_timeout` is 0. A non-zero value invalidates a slot idle that
 * long at the next checkpoint — the slot of a paused pipe, which then needs a full resync
 * (PostgreSQL 18 docs, runtime-config-replication). A running pipe keeps its slot active, so this
 * is a WARN, with the fix.
 */
export const idleReplicationSlotTimeoutCheck: Check = {
  id: CheckId.IDLE_REPLICATION_SLOT_TIMEOUT,
  cdcOnly: true,
  fallbackFix: "ALTER SYSTEM SET idle_replication_slot_timeout = '0'; SELECT pg_reload_conf();",
  async run(ctx) {
    if (ctx.major < IDLE_REPLICATION_SLOT_TIMEOUT_MIN_VERSION) {
      return skip(`idle_replication_slot_timeout exists on PostgreSQL ${IDLE_REPLICATION_SLOT_TIMEOUT_MIN_VERSION} and later (this is ${ctx.version})`);
    }
    const row = (await ctx.client.query<{ setting: string }>("SELECT setting FROM pg_settings WHERE name = 'idle_replication_slot_timeout'")).rows[0];
    const seconds = Number(row?.setting ?? "0");
    if (seconds === 0) return pass("idle_replication_slot_timeout = 0 (idle slots are never invalidated for idleness)");
    return warn(
      `idle_replication_slot_timeout = ${seconds} s: a pipe paused (or down) longer than that loses its slot at the next checkpoint and needs a full resync`,
      settingFix(ctx, "idle_replication_slot_timeout", "0", false),
    );
  },
};
