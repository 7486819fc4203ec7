/** postgresql_grant: resource_postgresql_grant.go of cyrilgdn/terraform-provider-postgresql v1.26.0. */
import { BEGIN, COMMIT } from "../../../util/sql-boilerplate";
import { quoteIdent, quoteLiteral } from "../../../model/quoting";
import { dollarQuote, lockRole } from "../plpgsql";
import { providerSetOrder } from "../provider-set";
import { Attributes, bool, checkKeys, literal, optLiteral, privilegeList, RenderContext, stringList, Unrenderable } from "../values";

const GRANT_KEYS = ["role", "database", "schema", "object_type", "objects", "columns", "privileges", "with_grant_option"];
const GRANT_OBJECT_TYPES = ["database", "schema", "table", "sequence", "function", "procedure", "routine", "foreign_data_wrapper", "foreign_server", "column"];

/** Statements for one `postgresql_grant`: REVOKE then GRANT in one transaction. */
export function renderGrant(c: Attributes, ctx: RenderContext): string[] {
  checkKeys(c, GRANT_KEYS);
  const role = literal(c.role, "role", ctx);
  const database = literal(c.database, "database", ctx);
  const schema = optLiteral(c, "schema", ctx, "");
  const objectType = literal(c.object_type, "object_type", ctx);
  if (!GRANT_OBJECT_TYPES.includes(objectType)) throw new Unrenderable(`object_type "${objectType}" is not one the provider knows`);
  const objects = providerSetOrder(stringList(c, "objects", ctx));
  const columns = providerSetOrder(stringList(c, "columns", ctx));
  const privileges = privilegeList(c, ctx);
  const withGrant = bool(c, "with_grant_option", false);
  // Checks of resourcePostgreSQLGrantCreateOrUpdate().
  if (schema === "" && !["database", "foreign_data_wrapper", "foreign_server"].includes(objectType)) throw new Unrenderable("schema is mandatory for this object_type");
  if (objects.length > 0 && (objectType === "database" || objectType === "schema")) throw new Unrenderable("objects cannot be set for database or schema");
  if (["foreign_data_wrapper", "foreign_server"].includes(objectType) && objects.length !== 1) throw new Unrenderable("exactly one object is needed");
  if (objectType === "column" && (columns.length === 0 || privileges.length !== 1 || objects.length !== 1)) throw new Unrenderable("a column grant needs one table, one privilege and columns");

  const r = quoteIdent(role);
  const privs = privileges.join(",");
  const upper = objectType.toUpperCase();
  const onObjects = objects.map((o) => `${quoteIdent(schema)}.${quoteIdentifyIdent(o)}`).join(",");
  let revoke: string;
  let grant: string;
  // createRevokeQuery() and createGrantQuery() in resource_postgresql_grant.go.
  switch (objectType) {
    case "database":
      revoke = `REVOKE ALL PRIVILEGES ON DATABASE ${quoteIdent(database)} FROM ${r}`;
      grant = `GRANT ${privs} ON DATABASE ${quoteIdent(database)} TO ${r}`;
      break;
    case "schema":
      revoke = `REVOKE ALL PRIVILEGES ON SCHEMA ${quoteIdent(schema)} FROM ${r}`;
      grant = `GRANT ${privs} ON SCHEMA ${quoteIdent(schema)} TO ${r}`;
      break;
    case "foreign_data_wrapper":
      revoke = `REVOKE ALL PRIVILEGES ON FOREIGN DATA WRAPPER ${quoteIdent(objects[0])} FROM ${r}`;
      grant = `GRANT ${privs} ON FOREIGN DATA WRAPPER ${quoteIdent(objects[0])} TO ${r}`;
      break;
    case "foreign_server":
      revoke = `REVOKE ALL PRIVILEGES ON FOREIGN SERVER ${quoteIdent(objects[0])} FROM ${r}`;
      grant = `GRANT ${privs} ON FOREIGN SERVER ${quoteIdent(objects[0])} TO ${r}`;
      break;
    case "column": {
      const cols = columns.map(quoteIdent).join(",");
      revoke = `REVOKE ${privs} (${cols}) ON TABLE ${onObjects} FROM ${r}`;
      grant = `GRANT ${privs} (${cols}) ON TABLE ${onObjects} TO ${r}`;
      break;
    }
    default:
      if (objects.length > 0) {
        // With privileges listed, only those are revoked ("to avoid messing with column level grants").
        revoke = privileges.length > 0 ? `REVOKE ${privs} ON ${upper} ${onObjects} FROM ${r}` : `REVOKE ALL PRIVILEGES ON ${upper} ${onObjects} FROM ${r}`;
        grant = `GRANT ${privs} ON ${upper} ${onObjects} TO ${r}`;
      } else {
        revoke = `REVOKE ALL PRIVILEGES ON ALL ${upper}S IN SCHEMA ${quoteIdent(schema)} FROM ${r}`;
        grant = `GRANT ${privs} ON ALL ${upper}S IN SCHEMA ${quoteIdent(schema)} TO ${r}`;
      }
  }
  if (withGrant) grant += " WITH GRANT OPTION";
  const lines = [
    "-- mirrors resourcePostgreSQLGrantCreateOrUpdate() in resource_postgresql_grant.go: pgLockRole(), then",
    "-- revokeRolePrivileges() (createRevokeQuery()) and grantRolePrivileges() (createGrantQuery()) in one transaction.",
    "-- (withRolesGranted() adds temporary owner memberships only for a non-superuser admin; not needed here.)",
    BEGIN,
    ...lockRole(role),
  ];
  if (objectType === "database") {
    // pgLockDatabase()
    lines.push(dollarQuote(`BEGIN\n  PERFORM pg_advisory_xact_lock(oid::bigint) FROM pg_database WHERE datname = ${quoteLiteral(database)};\nEND`));
  }
  lines.push(`${revoke};`);
  // grantRolePrivileges() grants nothing when the privilege list is empty.
  if (privileges.length > 0) lines.push(`${grant};`);
  lines.push(COMMIT);
  return lines;
}

/**
 * quoteIdentifyIdent() in helpers.go: the text before the first "(" quoted, then "(" and the text up
 * to the next "(" (a function signature keeps its argument list unquoted; anything after a second
 * "(" is dropped, as the provider drops it).
 */
export function quoteIdentifyIdent(ident: string): string {
  const parts = ident.split("(");
  return quoteIdent(parts[0]) + (parts.length > 1 ? `(${parts[1]}` : "");
}
