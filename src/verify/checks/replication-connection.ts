import { connect } from "../../pg/connection";
import { Check, fail, pass, settingFix } from "../context";
import { quoteIdent } from "../names";
import { CheckId, VerifyError } from "../types";

/** A replication connection (`replication=database`, as ClickPipes opens) runs IDENTIFY_SYSTEM. */
export const replicationConnectionCheck: Check = {
  id: CheckId.REPLICATION_CONNECTION,
  cdcOnly: true,
  fallbackFix: "give the user the replication right and allow it in pg_hba.conf",
  async run(ctx) {
    const user = quoteIdent(ctx.user);
    const db = ctx.target.database;
    let message: string;
    try {
      const repl = await connect(ctx.connection, ctx.timeoutSeconds, { replication: "database" } as object);
      try {
        const r = await repl.query<{ systemid: string; timeline: number; xlogpos: string; dbname: string }>("IDENTIFY_SYSTEM");
        const row = r.rows[0];
        return pass(`IDENTIFY_SYSTEM on a replication connection: system ${row.systemid}, timeline ${row.timeline}, database ${row.dbname}`);
      } finally {
        await repl.end().catch(() => {});
      }
    } catch (e) {
      message = e instanceof VerifyError ? e.message.replace(/^could not connect to \S+: /, "") : String((e as Error).message ?? e).split("\n")[0];
    }
    let fix: string;
    if (/replication attribute|permission denied to start WAL sender|must be superuser or replication role|REPLICATION attribute/i.test(message)) {
      fix = ctx.rdsLike ? `GRANT rds_replication TO ${user};` : `ALTER ROLE ${user} WITH REPLICATION;`;
    } else if (/pg_hba\.conf/i.test(message)) {
      fix = `add "host ${db} ${ctx.user} <ClickPipes IP>/32 scram-sha-256" to pg_hba.conf (logical replication connections match the database name, not "replication"), then SELECT pg_reload_conf();`;
    } else if (/max_wal_senders|wal_level/i.test(message)) {
      fix = settingFix(ctx, "max_wal_senders", "10", true);
    } else {
      fix = `ALTER ROLE ${user} WITH REPLICATION; and a pg_hba.conf line "host ${db} ${ctx.user} <ClickPipes IP>/32 scram-sha-256", then SELECT pg_reload_conf();`;
    }
    return fail(`unable to establish replication connectivity: ${message}`, fix);
  },
};
