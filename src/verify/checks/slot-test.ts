import { randomBytes } from "node:crypto";
import { Check, fail, pass, skip } from "../context";
import { quoteIdent } from "../names";
import { CheckId } from "../types";

/** With `--slot-test`: create a temporary pgoutput slot and drop it again. */
export const slotTestCheck: Check = {
  id: CheckId.SLOT_TEST,
  cdcOnly: true,
  fallbackFix: "fix the failures above, then retry",
  async run(ctx) {
    if (!ctx.slotTest) return skip("not requested (--slot-test)");
    const slot = `clickpipes_verify_${randomBytes(4).toString("hex")}`;
    try {
      const r = await ctx.client.query<{ lsn: string }>("SELECT lsn::text AS lsn FROM pg_create_logical_replication_slot($1, 'pgoutput', true)", [slot]);
      await ctx.client.query("SELECT pg_drop_replication_slot($1)", [slot]);
      return pass(`created and dropped temporary pgoutput slot ${slot} at ${r.rows[0].lsn}`);
    } catch (e) {
      const message = String((e as Error).message).split("\n")[0];
      const fix = /permission|replication attribute|must be superuser/i.test(message)
        ? ctx.rdsLike
          ? `GRANT rds_replication TO ${quoteIdent(ctx.user)};`
          : `ALTER ROLE ${quoteIdent(ctx.user)} WITH REPLICATION;`
        : /wal_level/i.test(message)
          ? "ALTER SYSTEM SET wal_level = 'logical'; then restart the server"
          : /max_replication_slots|all replication slots are in use/i.test(message)
            ? "raise max_replication_slots (restart) or drop an unused slot"
            : /statement timeout|canceling statement/i.test(message)
              ? "a long-running transaction blocks slot creation: find it in pg_stat_activity (xact_start) and end it, or retry with a longer --timeout"
              : "fix the failures above, then retry";
      return fail(`could not create a temporary pgoutput slot: ${message}`, fix);
    }
  },
};
