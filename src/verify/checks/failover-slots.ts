import { Check, fail, pass, skip, warn } from "../context";
import { CheckId } from "../types";

/**
 * With `enable_failover_slots`: PostgreSQL 17+ (failover slots are new in 17), and the primary names
 * its standbys' physical slots in `synchronized_standby_slots`, so a standby that syncs the slot
 * (`sync_replication_slots = on`, `hot_standby_feedback = on`) never falls behind it.
 */
export const failoverSlotsCheck: Check = {
  id: CheckId.FAILOVER_SLOTS,
  cdcOnly: true,
  fallbackFix: "ALTER SYSTEM SET synchronized_standby_slots = '<physical slot of the standby>'; SELECT pg_reload_conf();",
  async run(ctx) {
    if (ctx.pipe?.enableFailoverSlots !== true) return skip("the pipe does not ask for failover slots");
    if (ctx.major < 17) {
      return fail(`failover slots need PostgreSQL 17 or later (server is ${ctx.version})`, "set enableFailoverSlots: false, or upgrade to PostgreSQL 17+");
    }
    const standbySlots = (await ctx.setting("synchronized_standby_slots")) ?? "";
    const physical = (await ctx.client.query<{ slot_name: string }>("SELECT slot_name FROM pg_replication_slots WHERE slot_type = 'physical' ORDER BY 1")).rows.map((r) => r.slot_name);
    if (standbySlots.trim() === "") {
      return warn(
        "synchronized_standby_slots is empty: the failover slot can get ahead of the standbys, so after a failover the promoted standby's copy of the slot may be unusable",
        `ALTER SYSTEM SET synchronized_standby_slots = '${physical[0] ?? "<physical slot of the standby>"}'; SELECT pg_reload_conf(); and on the standby: sync_replication_slots = on, hot_standby_feedback = on, primary_slot_name set`,
      );
    }
    const listed = standbySlots.split(",").map((s) => s.trim().replace(/^"(.*)"$/, "$1"));
    const unknown = listed.filter((s) => !physical.includes(s));
    if (unknown.length > 0) {
      return warn(
        `synchronized_standby_slots names ${unknown.join(", ")}, which ${unknown.length === 1 ? "is not a physical slot" : "are not physical slots"} on this server`,
        "create the standby's physical slot (pg_create_physical_replication_slot) and set it as the standby's primary_slot_name",
      );
    }
    return pass(`PostgreSQL ${ctx.major}; synchronized_standby_slots = ${standbySlots} (physical slots present)`);
  },
};
