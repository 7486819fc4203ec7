/** postgresql_default_privileges: resource_postgresql_default_privileges.go of cyrilgdn/terraform-provider-postgresql v1.26.0. */
import { BEGIN, COMMIT } from "../../../util/sql-boilerplate";
import { quoteIdent } from "../../../model/quoting";
import { lockRole } from "../plpgsql";
import { Attributes, bool, checkKeys, literal, optLiteral, privilegeList, RenderContext, Unrenderable } from "../values";

const DEFAULT_PRIVILEGES_KEYS = ["role", "database", "owner", "schema", "object_type", "privileges", "with_grant_option"];
const DEFAULT_PRIVILEGES_OBJECT_TYPES = ["table", "sequence", "function", "type", "schema", "routine"];

/** Statements for one `postgresql_default_privileges`: revoke then grant, in one transaction. */
export function renderDefaultPrivileges(c: Attributes, ctx: RenderContext): string[] {
  checkKeys(c, DEFAULT_PRIVILEGES_KEYS);
  const role = literal(c.role, "role", ctx);
  literal(c.database, "database", ctx);
  const owner = literal(c.owner, "owner", ctx);
  const schema = optLiteral(c, "schema", ctx, "");
  const objectType = literal(c.object_type, "object_type", ctx);
  if (!DEFAULT_PRIVILEGES_OBJECT_TYPES.includes(objectType)) throw new Unrenderable(`object_type "${objectType}" is not one the provider knows`);
  if (schema !== "" && objectType === "schema") throw new Unrenderable("schema cannot be set when object_type is schema");
  const privileges = privilegeList(c, ctx);
  const withGrant = bool(c, "with_grant_option", false);
  if (withGrant && role.toLowerCase() === "public") throw new Unrenderable("with_grant_option cannot be true for role public");
  // "FOR ROLE %s %s REVOKE": with no schema the provider leaves two spaces.
  const inSchema = schema !== "" ? ` IN SCHEMA ${quoteIdent(schema)}` : " ";
  const kind = `${objectType.toUpperCase()}S`;
  const lines = [
    "-- mirrors resourcePostgreSQLDefaultPrivilegesCreate() in resource_postgresql_default_privileges.go: pgLockRole(owner),",
    "-- then revokeRoleDefaultPrivileges() and grantRoleDefaultPrivileges() in one transaction.",
    BEGIN,
    ...lockRole(owner),
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(owner)}${inSchema} REVOKE ALL ON ${kind} FROM ${quoteIdent(role)};`,
  ];
  if (privileges.length > 0) {
    lines.push(`ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(owner)}${inSchema} GRANT ${privileges.join(",")} ON ${kind} TO ${quoteIdent(role)}${withGrant ? " WITH GRANT OPTION" : ""};`);
  }
  lines.push(COMMIT);
  return lines;
}
