import { CLICKPIPES_WAL_SENDER_TIMEOUT_MS } from "../../model/thresholds";
import { Check, pass } from "../context";
import { CheckId } from "../types";

export { CLICKPIPES_WAL_SENDER_TIMEOUT_MS };

/**
 * `wal_sender_timeout`: informational. ClickPipes overrides it per replication connection, so the
 * server value does not decide whether the pipe's connection survives; the check reports it.
 */
export const walSenderTimeoutCheck: Check = {
  id: CheckId.WAL_SENDER_TIMEOUT,
  cdcOnly: true,
  fallbackFix: "SHOW wal_sender_timeout;",
  async run(ctx) {
    const ms = Number((await ctx.client.query<{ setting: string }>("SELECT setting FROM pg_settings WHERE name = 'wal_sender_timeout'")).rows[0].setting);
    return pass(
      `wal_sender_timeout = ${ms === 0 ? "0 (disabled)" : `${ms} ms`} on the server (informational: ClickPipes sets ${CLICKPIPES_WAL_SENDER_TIMEOUT_MS / 1000} s on its own replication connections)`,
    );
  },
};
