/** postgresql_grant_role: resource_postgresql_grant_role.go of cyrilgdn/terraform-provider-postgresql v1.26.0. */
import { BEGIN, boilerplate, COMMIT } from "../../../util/sql-boilerplate";
import { quoteIdent } from "../../../model/quoting";
import { Attributes, bool, checkKeys, literal, RenderContext } from "../values";

/** Ours, not the provider's: keeps the REVOKE's harmless warning out of a psql apply (folded in the review comment). */
const QUIET_REVOKE_WARNING = boilerplate("SET LOCAL client_min_messages = error;");

const GRANT_ROLE_KEYS = ["role", "grant_role", "with_admin_option"];

/** Statements for one `postgresql_grant_role`: REVOKE then GRANT in one transaction. */
export function renderGrantRole(c: Attributes, ctx: RenderContext): string[] {
  checkKeys(c, GRANT_ROLE_KEYS);
  const role = literal(c.role, "role", ctx);
  const grantRole = literal(c.grant_role, "grant_role", ctx);
  const admin = bool(c, "with_admin_option", false);
  return [
    "-- mirrors resourcePostgreSQLGrantRoleCreate() in resource_postgresql_grant_role.go: revokeRole() (createRevokeRoleQuery())",
    "-- then grantRole() (createGrantRoleQuery()) in one transaction. With nothing to revoke (a first apply) that REVOKE warns",
    '-- "WARNING: role ... has not been granted membership in role ..."; harmless, and SET LOCAL keeps it out of this transaction\'s output.',
    BEGIN,
    QUIET_REVOKE_WARNING,
    `REVOKE ${quoteIdent(grantRole)} FROM ${quoteIdent(role)};`,
    `GRANT ${quoteIdent(grantRole)} TO ${quoteIdent(role)}${admin ? " WITH ADMIN OPTION" : ""};`,
    COMMIT,
  ];
}
