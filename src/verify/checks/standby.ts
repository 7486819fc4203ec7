import { Check, fail, pass, settingFix } from "../context";
import { CheckId } from "../types";

/** On a standby: PostgreSQL 16+ (logical slots on standbys) and hot_standby_feedback on. */
export const standbyCheck: Check = {
  id: CheckId.STANDBY,
  cdcOnly: true,
  fallbackFix: "connect to the primary (writer endpoint)",
  async run(ctx) {
    const inRecovery = (await ctx.client.query<{ r: boolean }>("SELECT pg_is_in_recovery() AS r")).rows[0].r;
    if (!inRecovery) return pass("primary server (not in recovery)");
    if (ctx.major < 16) {
      return fail(
        `cannot create replication slots on a standby server with version <16 (this is ${ctx.version})`,
        "connect ClickPipes to the primary (on Aurora the cluster writer endpoint), or upgrade to PostgreSQL 16+",
      );
    }
    const feedback = await ctx.setting("hot_standby_feedback");
    if (feedback !== "on") {
      return fail("hot_standby_feedback setting must be enabled on standby servers", settingFix(ctx, "hot_standby_feedback", "on", false));
    }
    return pass(`standby on PostgreSQL ${ctx.version} with hot_standby_feedback on`);
  },
};
