import { Check, fail, pass, settingFix } from "../context";
import { CheckId } from "../types";

/** `wal_level` must be `logical`. */
export const walLevelCheck: Check = {
  id: CheckId.WAL_LEVEL,
  cdcOnly: true,
  fallbackFix: "ALTER SYSTEM SET wal_level = 'logical'; then restart the server",
  async run(ctx) {
    const level = (await ctx.client.query<{ wal_level: string }>("SHOW wal_level")).rows[0].wal_level;
    if (level === "logical") return pass("wal_level is logical");
    const fix = ctx.rdsLike ? "set rds.logical_replication = 1 in the DB (cluster) parameter group, then reboot" : settingFix(ctx, "wal_level", "logical", true);
    return fail(`wal_level is not logical (it is ${level})`, fix);
  },
};
