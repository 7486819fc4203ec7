import { Check, fail, pass, settingFix, stackManagedFix } from "../context";
import { quoteIdent } from "../names";
import { CheckId } from "../types";

/**
 * The user may open replication connections: the REPLICATION attribute (or superuser), or on
 * RDS/Aurora membership in `rds_replication` with `rds.logical_replication` on. Like PeerDB, an
 * `rds.logical_replication` setting that exists and is off fails a role without the attribute.
 */
export const replicationRightCheck: Check = {
  id: CheckId.REPLICATION_RIGHT,
  cdcOnly: true,
  fallbackFix: "ALTER ROLE <user> WITH REPLICATION; (RDS/Aurora: GRANT rds_replication TO <user>;)",
  async run(ctx) {
    const user = quoteIdent(ctx.user);
    const r = await ctx.client.query<{ rolreplication: boolean; rolsuper: boolean; rds_member: boolean | null }>(
      `SELECT rolreplication, rolsuper,
              CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rds_replication')
                   THEN pg_has_role(current_user, 'rds_replication', 'MEMBER') END AS rds_member
         FROM pg_roles WHERE rolname = current_user`,
    );
    const role = r.rows[0];
    if (role.rolreplication || role.rolsuper) {
      return pass(`role ${ctx.user} has the ${role.rolreplication ? "REPLICATION attribute" : "superuser attribute"}`);
    }
    const rds = await ctx.setting("rds.logical_replication");
    const rdsOn = rds !== null && ["on", "1", "true"].includes(rds.toLowerCase());
    if (role.rds_member) {
      if (rdsOn) return pass(`role ${ctx.user} is a member of rds_replication and rds.logical_replication is on`);
      return fail(
        `rds.logical_replication setting must be enabled (role ${ctx.user} is a member of rds_replication; rds.logical_replication is ${rds ?? "not set"})`,
        settingFix(ctx, "rds.logical_replication", "1", true),
      );
    }
    if (rds !== null && !rdsOn) {
      return fail(
        `rds.logical_replication setting must be enabled (it is ${rds}), and role ${ctx.user} has neither REPLICATION nor rds_replication`,
        `${settingFix(ctx, "rds.logical_replication", "1", true)}; GRANT rds_replication TO ${user};`,
      );
    }
    const grant = ctx.rdsLike ? `GRANT rds_replication TO ${user};` : `ALTER ROLE ${user} WITH REPLICATION;`;
    return fail(`role ${ctx.user} has neither the REPLICATION attribute nor rds_replication membership`, stackManagedFix(ctx, grant));
  },
};
