/** The ClickPipes role's grants on the published schemas and tables: deleted, or SELECT/USAGE revoked. */
import { attr } from "../pipe-json";
import { list, lossVerb, rule, RuleFamily, setMinus } from "./rule";

export const GRANTS_RULES: RuleFamily = {
  rules: [
    rule(
      "grants-removed",
      "WARN",
      "grants of the ClickPipes role deleted, or SELECT/USAGE revoked in place (a schema or its tables no longer granted)",
      "the pipe can no longer read those tables; keep them out of the publication too",
    ),
  ],
  keys: new Set(["grants.schemaUsage", "grants.schemaSelectAllTables", "grants.schemaDefaultSelect", "grants.tablesUsage", "grants.tablesSelect"]),
  check(c, _key, ctx) {
    const privileges = attr(c.after, "privileges");
    if (c.action !== "delete" && Array.isArray(privileges) && privileges.length === 0) {
      ctx.push("grants-revoke-all", `privileges = [] on ${JSON.stringify(attr(c.after, "role") ?? "?")}: ${ctx.why("grants-revoke-all")}`);
    }
    const b = c.before ?? {};
    const on = [attr(b, "schema"), ...(Array.isArray(attr(b, "objects")) ? (attr(b, "objects") as unknown[]) : [])].filter((x) => typeof x === "string" && x !== "");
    const where = on.length ? ` (${list(on as string[])})` : "";
    if (c.action === "delete") ctx.push("grants-removed", `grant ${lossVerb(c)}${where}: ${ctx.why("grants-removed")}`);
    else if (c.action === "update") {
      const privs = (v: unknown) => (Array.isArray(v) ? v.map((x) => String(x).toUpperCase()) : []);
      const revoked = setMinus(privs(attr(c.before, "privileges")), privs(attr(c.after, "privileges"))).filter((p) => p === "SELECT" || p === "USAGE");
      if (revoked.length > 0) ctx.push("grants-removed", `${list(revoked)} revoked in place${where}: ${ctx.why("grants-removed")}`);
    }
    return true;
  },
};
