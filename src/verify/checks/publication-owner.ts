import type { Client } from "pg";
import { connect } from "../../pg/connection";
import { Check, existingTables, fail, listNames, pass, skip } from "../context";
import { quoteIdent } from "../names";
import { CheckId } from "../types";

/**
 * With `--admin`: the login Terraform's postgresql provider uses can create the `FOR TABLE`
 * publication. `CREATE PUBLICATION ... FOR TABLE` (and `ALTER PUBLICATION ... ADD TABLE`) need
 * ownership of every table (membership in the owning role counts), or superuser; `FOR ALL TABLES`
 * needs superuser. On RDS/Aurora `rds_superuser` is not a superuser and owns nothing by itself.
 * Runs on its own connection as the admin login.
 */
export const publicationOwnerCheck: Check = {
  id: CheckId.PUBLICATION_OWNER,
  cdcOnly: true,
  fallbackFix: "GRANT <table owner> TO <admin login>; (or run Terraform as the tables' owner)",
  async run(ctx) {
    if (!ctx.admin) return skip("no admin login given (--admin postgres://<terraform admin>@host/db)");
    const admin: Client = await connect(ctx.admin, ctx.timeoutSeconds);
    try {
      const me = (await admin.query<{ user: string; rolsuper: boolean }>("SELECT current_user AS user, rolsuper FROM pg_roles WHERE rolname = current_user")).rows[0];
      const login = quoteIdent(me.user);
      if (me.rolsuper) return pass(`admin login ${me.user} is a superuser (may publish any table)`);
      const all = ctx.publication ? (await admin.query<{ puballtables: boolean }>("SELECT puballtables FROM pg_publication WHERE pubname = $1", [ctx.publication])).rows[0]?.puballtables : false;
      if (all) {
        return fail(
          `admin login ${me.user} is not a superuser, and publication ${ctx.publication} is FOR ALL TABLES (only a superuser may create or change it)`,
          `publish the tables FOR TABLE instead (publication.allTables = false), or run Terraform as a superuser`,
        );
      }
      const tables = existingTables(ctx);
      if (tables.length === 0) return skip("no tables to check");
      const r = await admin.query<{ oid: number; owner: string }>(
        `SELECT c.oid::int AS oid, pg_get_userbyid(c.relowner) AS owner FROM pg_class c
          WHERE c.oid = ANY ($1::oid[]) AND NOT pg_has_role(current_user, c.relowner, 'USAGE') ORDER BY c.oid`,
        [tables.map((t) => t.oid)],
      );
      if (r.rows.length === 0) {
        return pass(`admin login ${me.user} owns all ${tables.length} table${tables.length === 1 ? "" : "s"} (directly or through its roles)`);
      }
      const display = new Map(tables.map((t) => [t.oid, t.display]));
      const notOwned = r.rows.map((row) => `${display.get(row.oid)} (owner ${quoteIdent(row.owner)})`);
      const owners = [...new Set(r.rows.map((row) => row.owner))].sort();
      const rds = ctx.rdsLike ? "; on RDS/Aurora rds_superuser is not enough" : "";
      return fail(
        `admin login ${me.user} is neither superuser nor owner of ${listNames(notOwned)} (CREATE PUBLICATION ... FOR TABLE needs ownership of every table${rds})`,
        `${owners.map((o) => `GRANT ${quoteIdent(o)} TO ${login};`).join(" ")} (membership in the owning role is enough; or ALTER TABLE ... OWNER TO ${login};)`,
      );
    } finally {
      await admin.end().catch(() => {});
    }
  },
};
