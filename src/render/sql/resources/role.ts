/** postgresql_role: resource_postgresql_role.go of cyrilgdn/terraform-provider-postgresql v1.26.0. */
import { BEGIN, COMMIT } from "../../../util/sql-boilerplate";
import { providerLiteralBody, quoteIdent, quoteLiteral } from "../../../model/quoting";
import { dollarQuote, hidingStatement, lockRole, plExpr, providerLiteralExpr } from "../plpgsql";
import { providerSetOrder } from "../provider-set";
import { Attributes, bool, checkKeys, int, literal, optLiteral, RenderContext, resolveValue, stringList, Unrenderable } from "../values";

const ROLE_KEYS = [
  "name",
  "login",
  "replication",
  "bypass_row_level_security",
  "superuser",
  "create_database",
  "create_role",
  "inherit",
  "connection_limit",
  "valid_until",
  "password",
  "password_wo",
  "password_wo_version",
  "encrypted_password",
  "encrypted",
  "roles",
  "search_path",
  "statement_timeout",
  "idle_in_transaction_session_timeout",
  "assume_role",
  "skip_drop_role",
  "skip_reassign_owned",
];

/** Statements for one `postgresql_role` (create, or update what differs), in one transaction. */
export function renderRole(c: Attributes, ctx: RenderContext): string[] {
  checkKeys(c, ROLE_KEYS);
  const name = literal(c.name, "name", ctx);
  if (c.password !== undefined && c.password_wo !== undefined) throw new Unrenderable("password conflicts with password_wo");
  const passwordRaw = c.password_wo ?? c.password;
  const password = passwordRaw === undefined || passwordRaw === null || passwordRaw === "" ? undefined : resolveValue(passwordRaw, c.password_wo !== undefined ? "password_wo" : "password", ctx, true);
  const encrypted = bool(c, "encrypted_password", true);
  const validUntilRaw = optLiteral(c, "valid_until", ctx, "infinity");
  const validUntil = validUntilRaw === "" || validUntilRaw.toLowerCase() === "infinity" ? "infinity" : validUntilRaw;
  const connLimit = int(c, "connection_limit", -1);
  // Boolean options in the order resourcePostgreSQLRoleCreate() appends them (featureRLS and
  // featureReplication are supported on every PostgreSQL this project targets).
  const flags: { key: string; on: string; off: string; column: string; value: boolean }[] = [
    { key: "superuser", on: "SUPERUSER", off: "NOSUPERUSER", column: "rolsuper", value: bool(c, "superuser", false) },
    { key: "create_database", on: "CREATEDB", off: "NOCREATEDB", column: "rolcreatedb", value: bool(c, "create_database", false) },
    { key: "create_role", on: "CREATEROLE", off: "NOCREATEROLE", column: "rolcreaterole", value: bool(c, "create_role", false) },
    { key: "inherit", on: "INHERIT", off: "NOINHERIT", column: "rolinherit", value: bool(c, "inherit", true) },
    { key: "login", on: "LOGIN", off: "NOLOGIN", column: "rolcanlogin", value: bool(c, "login", false) },
    { key: "bypass_row_level_security", on: "BYPASSRLS", off: "NOBYPASSRLS", column: "rolbypassrls", value: bool(c, "bypass_row_level_security", false) },
    { key: "replication", on: "REPLICATION", off: "NOREPLICATION", column: "rolreplication", value: bool(c, "replication", false) },
  ];
  const memberOf = providerSetOrder(stringList(c, "roles", ctx));
  const searchPath = stringList(c, "search_path", ctx);
  for (const p of searchPath) if (p.includes(", ")) throw new Unrenderable(`search_path cannot contain ", ": ${p}`);
  const statementTimeout = int(c, "statement_timeout", 0);
  const idleTimeout = int(c, "idle_in_transaction_session_timeout", 0);
  const assumeRole = optLiteral(c, "assume_role", ctx, "");

  const q = quoteIdent(name);
  const pw = password ? plExpr(password) : undefined;
  // Password clause of resourcePostgreSQLRoleCreate(): nothing for "", "PASSWORD NULL" for the
  // value NULL (any case), else ENCRYPTED/UNENCRYPTED PASSWORD '<pqQuoteLiteral(value)>': the
  // provider doubles backslashes too, so a backslash in the password is stored twice (mirrored).
  const createPassword = pw
    ? `CASE WHEN ${pw} = '' THEN '' WHEN upper(${pw}) = 'NULL' THEN ' PASSWORD NULL' ELSE ' ${encrypted ? "ENCRYPTED" : "UNENCRYPTED"} PASSWORD ' || ${providerLiteralExpr(pw)} END`
    : "''";
  const createOpts = `' WITH' || ${createPassword} || ${quoteLiteral(` VALID UNTIL '${providerLiteralBody(validUntil)}' CONNECTION LIMIT ${connLimit} ${flags.map((f) => (f.value ? f.on : f.off)).join(" ")}`)}`;
  const flag = (key: string) => flags.find((f) => f.key === key)!;
  const setFlag = (key: string) => {
    const f = flag(key);
    return `    IF r.${f.column} IS DISTINCT FROM ${f.value} THEN EXECUTE ${quoteLiteral(`ALTER ROLE ${q} WITH ${f.value ? f.on : f.off}`)}; END IF;`;
  };
  const createStatement = `EXECUTE ${quoteLiteral(`CREATE ROLE ${q}`)} || ${createOpts};`;

  const body: string[] = [
    "DECLARE",
    "  r pg_roles%ROWTYPE;",
    "BEGIN",
    `  SELECT * INTO r FROM pg_roles WHERE rolname = ${quoteLiteral(name)};`,
    "  IF NOT FOUND THEN",
    "    -- resourcePostgreSQLRoleCreate(): CREATE ROLE with every option.",
    ...(pw ? hidingStatement([`      ${createStatement}`], "    ") : [`    ${createStatement}`]),
    "  ELSE",
    "    -- resourcePostgreSQLRoleUpdate(): the setRole*() functions in its order, each only where the role differs.",
  ];
  if (pw) {
    body.push(
      "    -- setRolePassword(): ALTER ROLE ... PASSWORD '<pqQuoteLiteral(value)>' (no NULL keyword on update). The",
      "    -- provider sets password_wo again only when password_wo_version changes; the script cannot know the",
      "    -- applied version, so a re-run sets the same password again (a new SCRAM salt, the same password).",
      `    IF ${pw} <> '' THEN`,
      ...hidingStatement([`        EXECUTE ${quoteLiteral(`ALTER ROLE ${q} PASSWORD `)} || ${providerLiteralExpr(pw)};`], "      "),
      "    END IF;",
    );
  }
  body.push(
    setFlag("bypass_row_level_security"),
    `    IF r.rolconnlimit IS DISTINCT FROM ${connLimit} THEN EXECUTE ${quoteLiteral(`ALTER ROLE ${q} CONNECTION LIMIT ${connLimit}`)}; END IF;`,
    setFlag("create_database"),
    setFlag("create_role"),
    setFlag("inherit"),
    setFlag("login"),
    setFlag("replication"),
    setFlag("superuser"),
    `    IF coalesce(r.rolvaliduntil, 'infinity') IS DISTINCT FROM ${quoteLiteral(validUntil)}::timestamptz THEN EXECUTE ${quoteLiteral(`ALTER ROLE ${q} VALID UNTIL '${providerLiteralBody(validUntil)}'`)}; END IF;`,
  );
  body.push("  END IF;", "END");

  // pgLockRole() runs on the update path only; taking the same lock before a create changes nothing.
  const lines: string[] = [BEGIN, ...lockRole(name), dollarQuote(body.join("\n"))];
  // grantRoles(): GRANT each listed role. On update the provider first revokes every membership
  // (revokeRoles()); the script only adds, so memberships managed elsewhere (postgresql_grant_role)
  // are left alone.
  for (const role of memberOf) {
    lines.push(
      dollarQuote(
        ["BEGIN", `  IF NOT pg_has_role(${quoteLiteral(name)}, ${quoteLiteral(role)}, 'MEMBER') THEN`, `    EXECUTE ${quoteLiteral(`GRANT ${quoteIdent(role)} TO ${q}`)};`, "  END IF;", "END"].join(
          "\n",
        ),
      ),
    );
  }
  // alterSearchPath(): runs on create and on every update.
  lines.push(`ALTER ROLE ${q} SET search_path TO ${searchPath.length > 0 ? searchPath.map(quoteIdent).join(", ") : "DEFAULT"};`);
  // setStatementTimeout(), setIdleInTransactionSessionTimeout(), setAssumeRole(): run when the
  // value changed from its default; setting the same value again changes nothing.
  if (statementTimeout !== 0) lines.push(`ALTER ROLE ${q} SET statement_timeout TO ${statementTimeout};`);
  if (idleTimeout !== 0) lines.push(`ALTER ROLE ${q} SET idle_in_transaction_session_timeout TO ${idleTimeout};`);
  if (assumeRole !== "") lines.push(`ALTER ROLE ${q} SET ROLE TO ${quoteIdent(assumeRole)};`);
  lines.push(COMMIT);
  return ["-- mirrors resourcePostgreSQLRoleCreate() / resourcePostgreSQLRoleUpdate() in resource_postgresql_role.go", ...lines];
}
