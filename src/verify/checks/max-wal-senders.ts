import { Check, fail, pass, settingFix } from "../context";
import { MIN_WAL_SENDERS } from "../../model/thresholds";
import { CheckId } from "../types";

/** `max_wal_senders` at least 2, and one of them free. */
export const maxWalSendersCheck: Check = {
  id: CheckId.MAX_WAL_SENDERS,
  cdcOnly: true,
  fallbackFix: `ALTER SYSTEM SET max_wal_senders = '${MIN_WAL_SENDERS}'; then restart the server`,
  async run(ctx) {
    const max = Number(await ctx.setting("max_wal_senders"));
    const used = Number((await ctx.client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'walsender'")).rows[0].n);
    const fix = settingFix(ctx, "max_wal_senders", String(Math.max(MIN_WAL_SENDERS, used + 2)), true);
    if (max < 2) return fail(`max_wal_senders must be at least 2 (it is ${max})`, fix);
    if (used >= max) return fail(`no free WAL sender: ${used} of max_wal_senders = ${max} in use`, fix);
    return pass(`max_wal_senders = ${max}, ${used} in use`);
  },
};
