/**
 * SQL preview of a synthesized stack: the statements cyrilgdn/postgresql 1.26.0 runs for its
 * `postgresql_*` resources, in apply (dependency) order, as one psql script.
 *
 * - Reads the synthesized Terraform JSON (`cdk.tf.json`), never the construct tree.
 * - `${var.X}` becomes the psql variable `:'X'`; values are never read from the environment.
 * - Re-runnable: each resource is rendered as its create AND its update path behind an existence
 *   check (roles, publications), or as the provider's own REVOKE + GRANT in one transaction
 *   (grants, default privileges, role memberships), so a second run succeeds and changes nothing.
 * - Resource types and data sources it does not know are listed as "not rendered" (in the SQL, as
 *   comments, and in the result), never dropped silently.
 *
 * Each part says which provider function it mirrors (files under `postgresql/` of
 * github.com/cyrilgdn/terraform-provider-postgresql at tag v1.26.0). The SQL is re-expressed here,
 * not copied; where the script deliberately differs from the provider, a comment says so.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Options of `renderStackSql`. */
export interface RenderSqlOptions {
  /**
   * Name shown in the header (the stack's name).
   * @default - the stack name in the JSON metadata, else "stack"
   */
  readonly stackName?: string;
}

/** Result of `renderStackSql`. */
export interface RenderedSql {
  /** The psql script. */
  readonly sql: string;
  /** One line per resource or data source without SQL: `<address>: <why>`. Also in `sql` as comments. */
  readonly notRendered: string[];
  /** Addresses rendered, in the order of the script. */
  readonly order: string[];
  /** psql variables the script needs (`-v name=...`), sorted. */
  readonly variables: string[];
}

/** A stack path that cannot be read: the message is one line for the user. */
export class StackReadError extends Error {}

type Json = Record<string, unknown>;

/** The provider types this renderer knows. */
export const RENDERED_RESOURCE_TYPES = [
  "postgresql_role",
  "postgresql_grant",
  "postgresql_default_privileges",
  "postgresql_grant_role",
  "postgresql_publication",
] as const;
/** Data sources rendered inline (as a runtime query) where a resource uses them. */
export const RENDERED_DATA_SOURCES = ["postgresql_tables"] as const;

/** Read `cdk.tf.json` from a stack directory or a file path. Throws `StackReadError`. */
export function readStackJson(location: string): { file: string; json: Json } {
  let file = location;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(location);
  } catch {
    throw new StackReadError(`cannot read stack "${location}": no such file or directory (expected a stack directory or its cdk.tf.json)`);
  }
  if (stat.isDirectory()) file = path.join(location, "cdk.tf.json");
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new StackReadError(`cannot read stack "${location}": ${file} is missing or unreadable (run "cdktf synth" first)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new StackReadError(`cannot read stack "${location}": ${file} is not valid JSON (${(e as Error).message.split("\n")[0]})`);
  }
  assertStackShape(json, `stack "${location}": ${file}`, true);
  return { file, json: json as Json };
}

/**
 * A synthesized stack is an object with a `terraform` block, and `resource`/`data` (when present)
 * are objects: anything else (a manifest, a plan, a state file) is refused rather than rendered empty.
 */
function assertStackShape(json: unknown, label: string, requireTerraformBlock: boolean): asserts json is Json {
  const isObject = (v: unknown) => !!v && typeof v === "object" && !Array.isArray(v);
  if (!isObject(json)) throw new StackReadError(`cannot read ${label} is not a Terraform JSON object`);
  const j = json as Record<string, unknown>;
  const bad = requireTerraformBlock && !isObject(j.terraform) ? "terraform" : j.resource !== undefined && !isObject(j.resource) ? "resource" : j.data !== undefined && !isObject(j.data) ? "data" : undefined;
  if (bad) {
    throw new StackReadError(`cannot read ${label} is not a synthesized stack (no valid "${bad}" block; expected cdktf.out/stacks/<stack>/cdk.tf.json)`);
  }
}

// ---------------------------------------------------------------------------------------------
// Quoting. The provider quotes identifiers with pq.QuoteIdentifier and literals by doubling quotes
// (pqQuoteLiteral); we quote the same way, for every name (see the publication note below).

/** `"name"` with embedded quotes doubled (pq.QuoteIdentifier; NUL bytes dropped like it does). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/\0/g, "").replace(/"/g, '""')}"`;
}

/** `'text'` with embedded quotes doubled (standard_conforming_strings = on, the default since 9.1). */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `schema.table` split at dots, each part quoted: mirrors quoteTableName() in helpers.go. */
export function quoteTableName(ref: string): string {
  return ref.split(".").map(quoteIdent).join(".");
}

/** One line of a comment, whatever the text holds. */
function commentText(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}

// ---------------------------------------------------------------------------------------------
// Values: literals, psql variables, and references to other resources' literal attributes.

class Unrenderable extends Error {}

type Value = { readonly kind: "literal"; readonly value: string } | { readonly kind: "variable"; readonly name: string };

const WHOLE_VAR = /^\$\{var\.([A-Za-z0-9_-]+)\}$/;
const PSQL_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const REF = /\$\{\s*(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\s*\}/g;

interface Node {
  readonly address: string;
  readonly mode: "resource" | "data";
  readonly type: string;
  readonly name: string;
  readonly config: Json;
}

interface Context {
  readonly nodes: Map<string, Node>;
  readonly variables: Set<string>;
}

/** Resolve a string attribute: `${var.X}` (whole value) or literal text with `${type.name.attr}` references. */
function resolveValue(raw: unknown, field: string, ctx: Context, allowVariable = false): Value {
  if (typeof raw === "number" || typeof raw === "boolean") return { kind: "literal", value: String(raw) };
  if (typeof raw !== "string") throw new Unrenderable(`${field} is not a string`);
  const whole = WHOLE_VAR.exec(raw);
  if (whole) {
    if (!allowVariable) throw new Unrenderable(`${field} references variable ${whole[1]}; only passwords may`);
    if (!PSQL_VAR_NAME.test(whole[1])) throw new Unrenderable(`variable ${whole[1]} is not a valid psql variable name`);
    ctx.variables.add(whole[1]);
    return { kind: "variable", name: whole[1] };
  }
  return { kind: "literal", value: resolveLiteral(raw, field, ctx) };
}

function resolveLiteral(raw: string, field: string, ctx: Context, depth = 0): string {
  if (depth > 8) throw new Unrenderable(`${field}: references nest too deep`);
  const out = raw.replace(REF, (match, data: string | undefined, type: string, name: string, attr: string) => {
    const node = ctx.nodes.get(`${data ? "data." : ""}${type}.${name}`);
    const v = node?.mode === "resource" ? node.config[attr] : undefined;
    if (typeof v === "string") return resolveLiteral(v, field, ctx, depth + 1);
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    throw new Unrenderable(`${field} references ${match}, which is not a literal attribute of a resource in this stack`);
  });
  if (out.includes("${")) throw new Unrenderable(`${field} holds an expression this preview cannot evaluate: ${commentText(raw)}`);
  return out;
}

function literal(raw: unknown, field: string, ctx: Context): string {
  const v = resolveValue(raw, field, ctx);
  return (v as { value: string }).value;
}

function optLiteral(cfg: Json, key: string, ctx: Context, fallback: string): string {
  return cfg[key] === undefined || cfg[key] === null ? fallback : literal(cfg[key], key, ctx);
}

function bool(cfg: Json, key: string, fallback: boolean): boolean {
  const v = cfg[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw new Unrenderable(`${key} is not a boolean literal`);
}

function int(cfg: Json, key: string, fallback: number): number {
  const v = cfg[key];
  if (v === undefined || v === null) return fallback;
  const n = typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw new Unrenderable(`${key} is not an integer literal`);
  return n;
}

function stringList(cfg: Json, key: string, ctx: Context): string[] {
  const v = cfg[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Unrenderable(`${key} is not a list of literals`);
  return v.map((x, i) => literal(x, `${key}[${i}]`, ctx));
}

/** Privilege keywords go into the SQL unquoted (as the provider does): accept keywords only. */
function privilegeList(cfg: Json, ctx: Context): string[] {
  const privs = stringList(cfg, "privileges", ctx);
  for (const p of privs) if (!/^[A-Za-z]+( [A-Za-z]+)*$/.test(p)) throw new Unrenderable(`privileges: "${p}" is not a privilege keyword`);
  return [...new Set(privs)].sort();
}

function checkKeys(node: Node, known: readonly string[]): void {
  const meta = ["//", "depends_on", "lifecycle", "provider", "timeouts"];
  for (const key of ["count", "for_each"]) if (key in node.config) throw new Unrenderable(`${key} is not supported by the preview`);
  const unknown = Object.keys(node.config).filter((k) => !known.includes(k) && !meta.includes(k));
  if (unknown.length > 0) throw new Unrenderable(`attribute(s) ${unknown.sort().join(", ")} not supported by the preview`);
}

/** A dollar-quote tag that does not occur in the body. */
function dollarQuote(body: string): string {
  let tag = "$cdktf$";
  for (let i = 1; body.includes(tag); i++) tag = `$cdktf${i}$`;
  return `DO ${tag}\n${body}\n${tag};`;
}

/** A PL/pgSQL text expression for a value: a literal, or the session setting holding a psql variable. */
function plExpr(v: Value): string {
  return v.kind === "literal" ? quoteLiteral(v.value) : `current_setting(${quoteLiteral(varSetting(v.name))})`;
}

/** Session setting that carries a psql variable into DO blocks (psql does not substitute inside dollar quotes). */
function varSetting(name: string): string {
  return `cdktf_clickpipes.${name}`;
}

/**
 * Statements of pgLockRole() in helpers.go: statement_timeout off, then advisory locks on the
 * role and its members. (The provider runs `SET statement_timeout = 0` for the session; we use
 * SET LOCAL so the setting ends with the transaction.)
 */
function lockRole(role: string): string[] {
  return [
    "SET LOCAL statement_timeout = 0;",
    dollarQuote(
      [
        "BEGIN",
        `  PERFORM pg_advisory_xact_lock(oid::bigint) FROM pg_roles WHERE rolname = ${quoteLiteral(role)};`,
        `  PERFORM pg_advisory_xact_lock(member::bigint) FROM pg_auth_members JOIN pg_roles ON roleid = pg_roles.oid WHERE rolname = ${quoteLiteral(role)};`,
        "END",
      ].join("\n"),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// postgresql_role

const ROLE_KEYS = [
  "name", "login", "replication", "bypass_row_level_security", "superuser", "create_database", "create_role", "inherit",
  "connection_limit", "valid_until", "password", "password_wo", "password_wo_version", "encrypted_password", "encrypted",
  "roles", "search_path", "statement_timeout", "idle_in_transaction_session_timeout", "assume_role", "skip_drop_role",
  "skip_reassign_owned",
];

function renderRole(node: Node, ctx: Context): string[] {
  const c = node.config;
  checkKeys(node, ROLE_KEYS);
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
  const memberOf = [...new Set(stringList(c, "roles", ctx))].sort();
  const searchPath = stringList(c, "search_path", ctx);
  for (const p of searchPath) if (p.includes(", ")) throw new Unrenderable(`search_path cannot contain ", ": ${p}`);
  const statementTimeout = int(c, "statement_timeout", 0);
  const idleTimeout = int(c, "idle_in_transaction_session_timeout", 0);
  const assumeRole = optLiteral(c, "assume_role", ctx, "");

  const q = quoteIdent(name);
  const pw = password ? plExpr(password) : undefined;
  // Password clause of resourcePostgreSQLRoleCreate(): "PASSWORD NULL" for the value NULL, else
  // ENCRYPTED/UNENCRYPTED PASSWORD '<value>'. The provider escapes with pqQuoteLiteral, which also
  // doubles backslashes; quote_literal() here keeps the value exactly as given.
  const createPassword = pw
    ? `CASE WHEN ${pw} = '' THEN '' WHEN upper(${pw}) = 'NULL' THEN ' PASSWORD NULL' ELSE ' ${encrypted ? "ENCRYPTED" : "UNENCRYPTED"} PASSWORD ' || quote_literal(${pw}) END`
    : "''";
  const createOpts =
    `' WITH' || ${createPassword} || ${quoteLiteral(` VALID UNTIL ${quoteLiteral(validUntil)} CONNECTION LIMIT ${connLimit} ${flags.map((f) => (f.value ? f.on : f.off)).join(" ")}`)}`;

  const body: string[] = [
    "DECLARE",
    "  r pg_roles%ROWTYPE;",
    "BEGIN",
    `  SELECT * INTO r FROM pg_roles WHERE rolname = ${quoteLiteral(name)};`,
    "  IF NOT FOUND THEN",
    "    -- resourcePostgreSQLRoleCreate(): CREATE ROLE with every option.",
    `    EXECUTE ${quoteLiteral(`CREATE ROLE ${q}`)} || ${createOpts};`,
    "  ELSE",
    "    -- resourcePostgreSQLRoleUpdate(): only the options that differ (setRole*() functions).",
    ...flags.map(
      (f) => `    IF r.${f.column} IS DISTINCT FROM ${f.value} THEN EXECUTE ${quoteLiteral(`ALTER ROLE ${q} WITH ${f.value ? f.on : f.off}`)}; END IF;`,
    ),
    `    IF r.rolconnlimit IS DISTINCT FROM ${connLimit} THEN EXECUTE ${quoteLiteral(`ALTER ROLE ${q} CONNECTION LIMIT ${connLimit}`)}; END IF;`,
    `    IF coalesce(r.rolvaliduntil, 'infinity') IS DISTINCT FROM ${quoteLiteral(validUntil)}::timestamptz THEN EXECUTE ${quoteLiteral(`ALTER ROLE ${q} VALID UNTIL ${quoteLiteral(validUntil)}`)}; END IF;`,
  ];
  if (pw) {
    body.push(
      "    -- setRolePassword(): the provider sets password_wo again only when password_wo_version changes.",
      "    -- The script cannot know the applied version, so a re-run sets the same password again:",
      "    -- harmless (a new SCRAM salt, the same password), and the only thing a re-run rewrites.",
      `    IF ${pw} <> '' THEN EXECUTE ${quoteLiteral(`ALTER ROLE ${q} PASSWORD `)} || CASE WHEN upper(${pw}) = 'NULL' THEN 'NULL' ELSE quote_literal(${pw}) END; END IF;`,
    );
  }
  body.push("  END IF;", "END");

  const lines: string[] = ["BEGIN;", ...lockRole(name), dollarQuote(body.join("\n"))];
  // grantRoles(): GRANT each listed role. On update the provider first revokes every membership
  // (revokeRoles()); the script only adds, so memberships managed elsewhere (postgresql_grant_role)
  // are left alone.
  for (const role of memberOf) {
    lines.push(
      dollarQuote(
        [
          "BEGIN",
          `  IF NOT pg_has_role(${quoteLiteral(name)}, ${quoteLiteral(role)}, 'MEMBER') THEN`,
          `    EXECUTE ${quoteLiteral(`GRANT ${quoteIdent(role)} TO ${q}`)};`,
          "  END IF;",
          "END",
        ].join("\n"),
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
  lines.push("COMMIT;");
  return [
    "-- mirrors resourcePostgreSQLRoleCreate() / resourcePostgreSQLRoleUpdate() in resource_postgresql_role.go",
    ...lines,
  ];
}

// ---------------------------------------------------------------------------------------------
// postgresql_grant

const GRANT_KEYS = ["role", "database", "schema", "object_type", "objects", "columns", "privileges", "with_grant_option"];
const GRANT_OBJECT_TYPES = ["database", "schema", "table", "sequence", "function", "procedure", "routine", "foreign_data_wrapper", "foreign_server", "column"];

function renderGrant(node: Node, ctx: Context): string[] {
  const c = node.config;
  checkKeys(node, GRANT_KEYS);
  const role = literal(c.role, "role", ctx);
  const database = literal(c.database, "database", ctx);
  const schema = optLiteral(c, "schema", ctx, "");
  const objectType = literal(c.object_type, "object_type", ctx);
  if (!GRANT_OBJECT_TYPES.includes(objectType)) throw new Unrenderable(`object_type "${objectType}" is not one the provider knows`);
  const objects = [...new Set(stringList(c, "objects", ctx))].sort();
  const columns = [...new Set(stringList(c, "columns", ctx))].sort();
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
    "BEGIN;",
    ...lockRole(role),
  ];
  if (objectType === "database") {
    // pgLockDatabase()
    lines.push(dollarQuote(`BEGIN\n  PERFORM pg_advisory_xact_lock(oid::bigint) FROM pg_database WHERE datname = ${quoteLiteral(database)};\nEND`));
  }
  lines.push(`${revoke};`);
  // grantRolePrivileges() grants nothing when the privilege list is empty.
  if (privileges.length > 0) lines.push(`${grant};`);
  lines.push("COMMIT;");
  return lines;
}

/** quoteIdentifyIdent() in helpers.go: a function signature keeps its argument list unquoted. */
function quoteIdentifyIdent(ident: string): string {
  const paren = ident.indexOf("(");
  return paren < 0 ? quoteIdent(ident) : quoteIdent(ident.slice(0, paren)) + ident.slice(paren);
}

// ---------------------------------------------------------------------------------------------
// postgresql_default_privileges

const DEFAULT_PRIVILEGES_KEYS = ["role", "database", "owner", "schema", "object_type", "privileges", "with_grant_option"];
const DEFAULT_PRIVILEGES_OBJECT_TYPES = ["table", "sequence", "function", "type", "schema", "routine"];

function renderDefaultPrivileges(node: Node, ctx: Context): string[] {
  const c = node.config;
  checkKeys(node, DEFAULT_PRIVILEGES_KEYS);
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
  const inSchema = schema !== "" ? ` IN SCHEMA ${quoteIdent(schema)}` : "";
  const kind = `${objectType.toUpperCase()}S`;
  const lines = [
    "-- mirrors resourcePostgreSQLDefaultPrivilegesCreate() in resource_postgresql_default_privileges.go: pgLockRole(owner),",
    "-- then revokeRoleDefaultPrivileges() and grantRoleDefaultPrivileges() in one transaction.",
    "BEGIN;",
    ...lockRole(owner),
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(owner)}${inSchema} REVOKE ALL ON ${kind} FROM ${quoteIdent(role)};`,
  ];
  if (privileges.length > 0) {
    lines.push(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(owner)}${inSchema} GRANT ${privileges.join(",")} ON ${kind} TO ${quoteIdent(role)}${withGrant ? " WITH GRANT OPTION" : ""};`,
    );
  }
  lines.push("COMMIT;");
  return lines;
}

// ---------------------------------------------------------------------------------------------
// postgresql_grant_role

function renderGrantRole(node: Node, ctx: Context): string[] {
  const c = node.config;
  checkKeys(node, ["role", "grant_role", "with_admin_option"]);
  const role = literal(c.role, "role", ctx);
  const grantRole = literal(c.grant_role, "grant_role", ctx);
  const admin = bool(c, "with_admin_option", false);
  return [
    "-- mirrors resourcePostgreSQLGrantRoleCreate() in resource_postgresql_grant_role.go: revokeRole() (createRevokeRoleQuery())",
    "-- then grantRole() (createGrantRoleQuery()) in one transaction. The REVOKE warns when there is nothing to revoke.",
    "BEGIN;",
    `REVOKE ${quoteIdent(grantRole)} FROM ${quoteIdent(role)};`,
    `GRANT ${quoteIdent(grantRole)} TO ${quoteIdent(role)}${admin ? " WITH ADMIN OPTION" : ""};`,
    "COMMIT;",
  ];
}

// ---------------------------------------------------------------------------------------------
// postgresql_publication (+ data postgresql_tables)

const PUBLICATION_KEYS = ["name", "database", "owner", "tables", "all_tables", "publish_param", "publish_via_partition_root_param", "drop_cascade"];
const PUBLISH_OPERATIONS = ["insert", "update", "delete", "truncate"];
const TABLES_FOR_EXPRESSION =
  /^\$\{\[\s*for\s+(?:[A-Za-z_][A-Za-z0-9_]*\s*,\s*)?([A-Za-z_][A-Za-z0-9_]*)\s+in\s+(?:toset\()?\s*data\.postgresql_tables\.([A-Za-z0-9_-]+)\.tables\s*\)?\s*:\s*"\$\{\1\.schema_name\}\.\$\{\1\.object_name\}"\s*\]\}$/;
const TABLES_DATA_KEYS = ["database", "schemas", "table_types", "like_any_patterns", "like_all_patterns", "not_like_all_patterns", "regex_pattern"];

/**
 * The runtime query of the postgresql_tables data source, as `format('%I.%I', ...)` names:
 * mirrors dataSourcePostgreSQLTablesRead() and applyTableDataSourceQueryFilters() in
 * data_source_postgresql_tables.go / data_source_helpers.go (information_schema.tables, filtered
 * by schema, table type and name patterns). Terraform reads it at plan time; the script at run time.
 */
function tablesDataQuery(data: Node, ctx: Context): string {
  checkKeys(data, TABLES_DATA_KEYS);
  const c = data.config;
  const list = (key: string) => stringList(c, key, ctx).map(quoteLiteral).join(",");
  const filters: string[] = [];
  if (stringList(c, "schemas", ctx).length > 0) filters.push(`table_schema = ANY (array[${list("schemas")}])`);
  if (stringList(c, "table_types", ctx).length > 0) filters.push(`table_type = ANY (array[${list("table_types")}])`);
  if (stringList(c, "like_any_patterns", ctx).length > 0) filters.push(`table_name LIKE ANY (array[${list("like_any_patterns")}])`);
  if (stringList(c, "like_all_patterns", ctx).length > 0) filters.push(`table_name LIKE ALL (array[${list("like_all_patterns")}])`);
  if (stringList(c, "not_like_all_patterns", ctx).length > 0) filters.push(`table_name NOT LIKE ALL (array[${list("not_like_all_patterns")}])`);
  const regex = optLiteral(c, "regex_pattern", ctx, "");
  if (regex !== "") filters.push(`table_name ~ ${quoteLiteral(regex)}`);
  return (
    `SELECT coalesce(array_agg(DISTINCT format('%I.%I', table_schema, table_name)), '{}') FROM information_schema.tables` +
    (filters.length > 0 ? ` WHERE ${filters.join(" AND ")}` : "")
  );
}

function renderPublication(node: Node, ctx: Context, usedData: Set<string>): string[] {
  const c = node.config;
  checkKeys(node, PUBLICATION_KEYS);
  const name = literal(c.name, "name", ctx);
  literal(c.database, "database", ctx);
  const owner = optLiteral(c, "owner", ctx, "");
  const allTables = bool(c, "all_tables", false);
  let tablesSql: string; // PL/pgSQL text[] expression of quoted "schema"."table" names
  let tablesNote: string;
  if (typeof c.tables === "string") {
    const m = TABLES_FOR_EXPRESSION.exec(c.tables);
    const data = m ? ctx.nodes.get(`data.postgresql_tables.${m[2]}`) : undefined;
    if (!m || !data) throw new Unrenderable(`tables holds an expression this preview cannot evaluate: ${commentText(c.tables)}`);
    usedData.add(data.address);
    tablesSql = `(${tablesDataQuery(data, ctx)})`;
    tablesNote = `-- tables: every table ${data.address} lists, computed now (Terraform computes them at plan time).`;
  } else {
    const tables = [...new Set(stringList(c, "tables", ctx))].sort();
    if (tables.length !== (Array.isArray(c.tables) ? c.tables.length : 0)) throw new Unrenderable("tables holds a duplicate");
    tablesSql = `ARRAY[${tables.map((t) => quoteLiteral(quoteTableName(t))).join(", ")}]::text[]`;
    tablesNote = "";
  }
  if (allTables && tablesSql !== "ARRAY[]::text[]") throw new Unrenderable("all_tables conflicts with tables");
  const publish = stringList(c, "publish_param", ctx);
  for (const p of publish) if (!PUBLISH_OPERATIONS.includes(p)) throw new Unrenderable(`publish_param "${p}" is not one of ${PUBLISH_OPERATIONS.join(", ")}`);
  if (new Set(publish).size !== publish.length) throw new Unrenderable("publish_param holds a duplicate");
  const viaRoot = c.publish_via_partition_root_param === undefined || c.publish_via_partition_root_param === null ? undefined : bool(c, "publish_via_partition_root_param", false);

  // getPublicationParameters(): on create WITH (...), on update SET (...) of the changed ones.
  // (The provider builds them from a Go map, in no fixed order; here via-root comes first.)
  const params: string[] = [];
  if (viaRoot !== undefined) params.push(`publish_via_partition_root = ${viaRoot}`);
  if (publish.length > 0) params.push(`publish = ${quoteLiteral(publish.join(", "))}`);
  const withClause = params.length > 0 ? ` WITH (${params.join(",")})` : "";
  const pub = quoteIdent(name);

  const body: string[] = [
    "DECLARE",
    "  p record;",
    `  wanted text[] := ${tablesSql};`,
    "  have regclass[];",
    "  wanted_rel regclass[];",
    "  t text;",
    "  h regclass;",
    "BEGIN",
    `  SELECT * INTO p FROM pg_publication WHERE pubname = ${quoteLiteral(name)};`,
    "  IF NOT FOUND THEN",
    "    -- resourcePostgreSQLPublicationCreate(): CREATE PUBLICATION with getTablesForPublication() and getPublicationParameters().",
    allTables
      ? `    EXECUTE ${quoteLiteral(`CREATE PUBLICATION ${pub} FOR ALL TABLES${withClause}`)};`
      : `    EXECUTE ${quoteLiteral(`CREATE PUBLICATION ${pub}`)} || CASE WHEN cardinality(wanted) > 0 THEN ' FOR TABLE ' || array_to_string(wanted, ', ') ELSE '' END || ${quoteLiteral(withClause)};`,
    "  ELSE",
    "    -- resourcePostgreSQLPublicationUpdate(). all_tables forces a replacement in Terraform (drop + create,",
    "    -- which breaks a running pipe): the script refuses instead.",
    `    IF p.puballtables IS DISTINCT FROM ${allTables} THEN`,
    `      RAISE EXCEPTION 'publication % exists with all_tables = %; this stack wants %', p.pubname, p.puballtables, ${allTables};`,
    "    END IF;",
  ];
  if (!allTables) {
    body.push(
      "    -- setPubTables(): ADD TABLE for tables not yet published, DROP TABLE for tables no longer wanted",
      "    -- (compared as regclass, so quoting differences do not matter; the tables the publication holds are pg_publication_rel).",
      "    SELECT coalesce(array_agg(pr.prrelid::regclass), '{}') INTO have FROM pg_publication_rel pr WHERE pr.prpubid = p.oid;",
      "    SELECT coalesce(array_agg(x::regclass), '{}') INTO wanted_rel FROM unnest(wanted) AS x;",
      "    FOREACH t IN ARRAY wanted LOOP",
      `      IF NOT t::regclass = ANY (have) THEN EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} ADD TABLE `)} || t; END IF;`,
      "    END LOOP;",
      "    FOREACH h IN ARRAY have LOOP",
      `      IF NOT h = ANY (wanted_rel) THEN EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} DROP TABLE `)} || h::text; END IF;`,
      "    END LOOP;",
    );
  }
  if (publish.length > 0) {
    const want = (op: string) => publish.includes(op);
    body.push(
      "    -- setPubParams(): publish, when it differs.",
      `    IF (p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate) IS DISTINCT FROM (${want("insert")}, ${want("update")}, ${want("delete")}, ${want("truncate")}) THEN`,
      `      EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} SET (publish = ${quoteLiteral(publish.join(", "))})`)};`,
      "    END IF;",
    );
  }
  if (viaRoot !== undefined) {
    body.push(
      "    -- setPubParams(): publish_via_partition_root (PostgreSQL 13+), when it differs.",
      `    IF (to_jsonb(p) ->> 'pubviaroot')::boolean IS DISTINCT FROM ${viaRoot} THEN`,
      `      EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} SET (publish_via_partition_root = ${viaRoot})`)};`,
      "    END IF;",
    );
  }
  body.push("  END IF;");
  if (owner !== "") {
    body.push(
      "  -- setPubOwner() (the provider does not quote the names here; the script does).",
      `  IF (SELECT pg_get_userbyid(pubowner) FROM pg_publication WHERE pubname = ${quoteLiteral(name)}) IS DISTINCT FROM ${quoteLiteral(owner)} THEN`,
      `    EXECUTE ${quoteLiteral(`ALTER PUBLICATION ${pub} OWNER TO ${quoteIdent(owner)}`)};`,
      "  END IF;",
    );
  }
  body.push("END");
  return [
    "-- mirrors resourcePostgreSQLPublicationCreate() / resourcePostgreSQLPublicationUpdate() in resource_postgresql_publication.go.",
    "-- (The provider puts the publication name into the SQL unquoted; the script quotes it: the same for plain lowercase names.)",
    ...(tablesNote ? [tablesNote] : []),
    "BEGIN;",
    dollarQuote(body.join("\n")),
    "COMMIT;",
  ];
}

// ---------------------------------------------------------------------------------------------
// The stack: nodes, dependency order, header.

function collectNodes(json: Json): Node[] {
  const nodes: Node[] = [];
  for (const [mode, prefix] of [["resource", ""], ["data", "data."]] as const) {
    const byType = json[mode];
    if (!byType || typeof byType !== "object") continue;
    for (const [type, byName] of Object.entries(byType as Json)) {
      if (!byName || typeof byName !== "object") continue;
      for (const [name, config] of Object.entries(byName as Json)) {
        nodes.push({ address: `${prefix}${type}.${name}`, mode, type, name, config: (config ?? {}) as Json });
      }
    }
  }
  return nodes;
}

/** Addresses this node depends on: depends_on plus every `${type.name...}` reference in its config. */
function dependencies(node: Node, known: Map<string, Node>): string[] {
  const deps = new Set<string>();
  const dependsOn = node.config.depends_on;
  if (Array.isArray(dependsOn)) for (const d of dependsOn) if (typeof d === "string") deps.add(d.replace(/^\$\{(.*)\}$/, "$1"));
  const visit = (v: unknown) => {
    if (typeof v === "string") {
      for (const m of v.matchAll(/(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)/g)) {
        const addr = `${m[1] ?? ""}${m[2]}.${m[3]}`;
        if (known.has(addr) && addr !== node.address) deps.add(addr);
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) if (k !== "//" && k !== "depends_on") visit(x);
  };
  visit(node.config);
  return [...deps].filter((d) => known.has(d)).sort();
}

/** Topological order (Kahn), ties broken by address. Throws on a cycle. */
export function dependencyOrder(nodes: readonly Node[]): Node[] {
  const known = new Map(nodes.map((n) => [n.address, n]));
  const deps = new Map(nodes.map((n) => [n.address, new Set(dependencies(n, known))]));
  const done = new Set<string>();
  const order: Node[] = [];
  while (order.length < nodes.length) {
    const ready = nodes.filter((n) => !done.has(n.address) && [...deps.get(n.address)!].every((d) => done.has(d))).map((n) => n.address).sort();
    if (ready.length === 0) {
      const left = nodes.filter((n) => !done.has(n.address)).map((n) => n.address).sort();
      throw new StackReadError(`dependency cycle among: ${left.join(", ")}`);
    }
    const next = known.get(ready[0])!;
    done.add(next.address);
    order.push(next);
  }
  return order;
}

function outputValue(json: Json, name: string): unknown {
  const out = (json.output as Record<string, { value?: unknown }> | undefined)?.[name];
  return out?.value;
}

function header(json: Json, stackName: string, databases: string[], variables: string[], superuser: unknown): string[] {
  const lines = [
    `-- SQL preview of stack "${commentText(stackName)}": what the cyrilgdn/postgresql 1.26.0 provider runs for it, in apply order.`,
    "-- Generated by `cdktf-clickpipes sql` from the synthesized cdk.tf.json. Review it; Terraform remains the way to apply.",
    "--",
    "-- Run as a superuser" + (databases.length === 1 ? ` in database "${commentText(databases[0])}"` : "") + ":",
    `--   psql -v ON_ERROR_STOP=1${variables.map((v) => ` -v ${v}=...`).join("")}${databases.length === 1 ? ` -d ${commentText(databases[0])}` : ""} -f <this file>`,
    "-- Re-runnable: a second run succeeds and changes nothing (a role password is set again to the same value).",
    "-- Order: dependencies (depends_on and references) first, ties by address; Terraform may run independent ones in parallel.",
  ];
  if (superuser === false) {
    lines.push(
      "-- Note: the stack's provider logs in as a non-superuser (superuser = false). The provider then takes temporary",
      "-- memberships in owner roles (withRolesGranted() in helpers.go); this script does not: run it as a superuser",
      "-- or as a role that is a member of the owners.",
    );
  }
  const settings = outputValue(json, "server_settings");
  const hba = outputValue(json, "pg_hba_lines");
  const restart = outputValue(json, "restart_required");
  lines.push("--", "-- Server settings (output server_settings; Terraform cannot apply them, this script does not either):");
  if (settings && typeof settings === "object" && !Array.isArray(settings) && Object.keys(settings).length > 0) {
    for (const [k, v] of Object.entries(settings as Json)) lines.push(`--   ${commentText(k)} = ${commentText(String(v))}`);
    if (restart !== undefined) lines.push(`--   restart required: ${restart === true ? "yes (wal_level, max_wal_senders, max_replication_slots)" : commentText(String(restart))}`);
  } else lines.push("--   (none in the stack outputs)");
  lines.push("-- pg_hba.conf lines (output pg_hba_lines), then SELECT pg_reload_conf():");
  if (Array.isArray(hba) && hba.length > 0) for (const l of hba) lines.push(`--   ${commentText(String(l))}`);
  else lines.push("--   (none in the stack outputs)");
  return lines;
}

/**
 * Render the SQL of a synthesized stack (a parsed cdk.tf.json, or a path to it or to its stack
 * directory). Throws `StackReadError` for an unreadable path or JSON.
 */
export function renderStackSql(input: string | object, options: RenderSqlOptions = {}): RenderedSql {
  const json: unknown = typeof input === "string" ? readStackJson(input).json : input;
  assertStackShape(json, "the given JSON:", false);
  const meta = (json["//"] as { metadata?: { stackName?: string } } | undefined)?.metadata;
  const stackName = options.stackName ?? meta?.stackName ?? "stack";
  const nodes = collectNodes(json);
  const ordered = dependencyOrder(nodes);
  const ctx: Context = { nodes: new Map(nodes.map((n) => [n.address, n])), variables: new Set() };

  const notRendered: string[] = [];
  const blocks: { node: Node; lines: string[]; database?: string }[] = [];
  const usedData = new Set<string>();
  for (const node of ordered) {
    if (node.mode === "data") continue; // rendered inline by the resources that use them, or listed below
    try {
      let lines: string[];
      switch (node.type) {
        case "postgresql_role":
          lines = renderRole(node, ctx);
          break;
        case "postgresql_grant":
          lines = renderGrant(node, ctx);
          break;
        case "postgresql_default_privileges":
          lines = renderDefaultPrivileges(node, ctx);
          break;
        case "postgresql_grant_role":
          lines = renderGrantRole(node, ctx);
          break;
        case "postgresql_publication":
          lines = renderPublication(node, ctx, usedData);
          break;
        default:
          notRendered.push(`${node.address}: resource type ${node.type} is not rendered by this preview`);
          continue;
      }
      const db = typeof node.config.database === "string" ? resolveLiteral(node.config.database, "database", ctx) : undefined;
      blocks.push({ node, lines, database: db });
    } catch (e) {
      if (!(e instanceof Unrenderable)) throw e;
      notRendered.push(`${node.address}: ${e.message}`);
    }
  }
  for (const node of ordered) {
    if (node.mode !== "data" || usedData.has(node.address)) continue;
    notRendered.push(
      RENDERED_DATA_SOURCES.includes(node.type as (typeof RENDERED_DATA_SOURCES)[number])
        ? `${node.address}: data source not used by a rendered resource`
        : `${node.address}: data source type ${node.type} is not rendered by this preview`,
    );
  }

  // Every rendered resource runs in the database the provider would connect to for it.
  const provider = (json.provider as Record<string, Json[]> | undefined)?.postgresql?.[0];
  const providerDb = typeof provider?.database === "string" && !provider.database.includes("${") ? provider.database : undefined;
  const databases = [...new Set(blocks.map((b) => b.database ?? providerDb).filter((d): d is string => !!d))].sort();
  const variables = [...ctx.variables].sort();

  const out: string[] = header(json, stackName, databases, variables, provider?.superuser);
  out.push("--", "-- Not rendered (no SQL below for these; review them separately):");
  if (notRendered.length > 0) for (const l of notRendered) out.push(`--   ${commentText(l)}`);
  else out.push("--   (nothing: every resource of the stack is rendered)");
  out.push("");
  if (databases.length > 0) {
    const guard = databases.length === 1 ? databases[0] : providerDb ?? databases[0];
    out.push(
      "-- The provider connects to this database for the resources below.",
      dollarQuote(
        `BEGIN\n  IF current_database() <> ${quoteLiteral(guard)} THEN\n    RAISE EXCEPTION 'connect to database %, not % (psql -d %)', ${quoteLiteral(guard)}, current_database(), ${quoteLiteral(guard)};\n  END IF;\nEND`,
      ),
      "",
    );
  }
  if (variables.length > 0) {
    out.push(
      "-- psql variables, carried in session settings into the DO blocks below (psql does not substitute inside",
      "-- dollar quotes). The script stops here if a -v is missing. Reset at the end.",
    );
    for (const v of variables) out.push(`SET ${varSetting(v)} = :'${v}';`);
    out.push("");
  }
  for (const b of blocks) {
    const path = (b.node.config["//"] as { metadata?: { path?: string } } | undefined)?.metadata?.path;
    out.push(`-- ${b.node.address}${path ? ` (${commentText(path)})` : ""}`);
    if (b.database && databases.length > 1) {
      out.push(
        dollarQuote(
          `BEGIN\n  IF current_database() <> ${quoteLiteral(b.database)} THEN\n    RAISE EXCEPTION 'this resource belongs to database %, not %', ${quoteLiteral(b.database)}, current_database();\n  END IF;\nEND`,
        ),
      );
    }
    out.push(...b.lines, "");
  }
  for (const v of variables) out.push(`RESET ${varSetting(v)};`);
  if (variables.length > 0) out.push("");
  if (blocks.length === 0) out.push("-- (no statements)", "");
  return { sql: out.join("\n"), notRendered, order: blocks.map((b) => b.node.address), variables };
}
