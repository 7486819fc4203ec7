import { Check, fail, pass, settingFix } from "../context";
import { MIN_REPLICATION_SLOTS } from "../../model/thresholds";
import { CheckId } from "../types";

/** `max_replication_slots` leaves a slot free for the pipe. */
export const maxReplicationSlotsCheck: Check = {
  id: CheckId.MAX_REPLICATION_SLOTS,
  cdcOnly: true,
  fallbackFix: `ALTER SYSTEM SET max_replication_slots = '${MIN_REPLICATION_SLOTS}'; then restart the server`,
  async run(ctx) {
    const max = Number(await ctx.setting("max_replication_slots"));
    const used = Number((await ctx.client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_replication_slots")).rows[0].n);
    if (used >= max) {
      return fail(
        `no free replication slot: ${used} of max_replication_slots = ${max} in use`,
        `${settingFix(ctx, "max_replication_slots", String(Math.max(MIN_REPLICATION_SLOTS, used + 4)), true)} (or drop an unused slot: SELECT pg_drop_replication_slot('<name>');)`,
      );
    }
    return pass(`max_replication_slots = ${max}, ${used} in use`);
  },
};
