import { Check, pass, settingFix, warn } from "../context";
import { MIN_RECOMMENDED_WAL_SENDER_TIMEOUT_MS } from "../../model/thresholds";
import { CheckId } from "../types";

/** The recommended floor for `wal_sender_timeout`, in ms (5 minutes): the model's threshold. */
export const MIN_WAL_SENDER_TIMEOUT_MS = MIN_RECOMMENDED_WAL_SENDER_TIMEOUT_MS;

/** `wal_sender_timeout` 0 (off) or at least 5 minutes. */
export const walSenderTimeoutCheck: Check = {
  id: CheckId.WAL_SENDER_TIMEOUT,
  fallbackFix: "ALTER SYSTEM SET wal_sender_timeout = '5min'; SELECT pg_reload_conf();",
  async run(ctx) {
    const ms = Number(
      (await ctx.client.query<{ setting: string }>("SELECT setting FROM pg_settings WHERE name = 'wal_sender_timeout'")).rows[0].setting,
    );
    if (ms === 0) return pass("wal_sender_timeout = 0 (disabled)");
    if (ms >= MIN_WAL_SENDER_TIMEOUT_MS) return pass(`wal_sender_timeout = ${ms} ms (at least ${MIN_WAL_SENDER_TIMEOUT_MS})`);
    return warn(
      `wal_sender_timeout = ${ms} ms is below ${MIN_WAL_SENDER_TIMEOUT_MS} ms (5 min): the server may drop the pipe's connection during long transactions`,
      ctx.rdsLike ? "set wal_sender_timeout = 0 in the DB (cluster) parameter group" : settingFix(ctx, "wal_sender_timeout", "5min", false),
    );
  },
};
