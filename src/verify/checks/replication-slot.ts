import { Check, fail, pass, skip } from "../context";
import { quoteLiteral as literal } from "../../model/quoting";
import { CheckId } from "../types";

/** With `cdc_only` and a named slot, the slot exists: a logical pgoutput slot of this database. */
export const replicationSlotCheck: Check = {
  id: CheckId.REPLICATION_SLOT,
  cdcOnly: true,
  fallbackFix: "SELECT pg_create_logical_replication_slot('<slot>', 'pgoutput');",
  async run(ctx) {
    const slot = ctx.pipe?.replicationSlotName;
    if (ctx.pipe?.replicationMode !== "cdc_only" || slot === undefined) {
      return skip("no existing slot named (only replication mode cdc_only uses one; ClickPipes creates its own otherwise)");
    }
    const r = await ctx.client.query<{ slot_type: string; plugin: string | null; database: string | null }>("SELECT slot_type, plugin, database FROM pg_replication_slots WHERE slot_name = $1", [
      slot,
    ]);
    const row = r.rows[0];
    const create = `SELECT pg_create_logical_replication_slot(${literal(slot)}, 'pgoutput');`;
    if (!row) return fail(`replication slot ${slot} does not exist`, `${create} (as a user with REPLICATION, in database ${ctx.target.database})`);
    if (row.slot_type !== "logical" || row.plugin !== "pgoutput") {
      return fail(
        `replication slot ${slot} is a ${row.slot_type} slot with plugin ${row.plugin ?? "none"}, not a logical pgoutput slot`,
        `SELECT pg_drop_replication_slot(${literal(slot)}); ${create}`,
      );
    }
    if (row.database !== ctx.target.database) {
      return fail(`replication slot ${slot} belongs to database ${row.database}, not ${ctx.target.database}`, `${create} (connected to ${ctx.target.database})`);
    }
    return pass(`replication slot ${slot} exists (logical, pgoutput, database ${row.database})`);
  },
};
