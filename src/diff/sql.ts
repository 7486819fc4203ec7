/**
 * The SQL a change runs, where the synthesized JSON alone tells it, mirroring cyrilgdn/postgresql
 * 1.26.0 as the SQL preview does:
 * - created, replaced and in-place updated postgresql_* resources: the statements of the SQL
 *   preview's renderer for that resource type (`renderResource` of src/render/sql, its
 *   create-or-update path; for grants and default privileges the provider's own REVOKE + GRANT);
 * - publication and role updates: the statements of resourcePostgreSQLPublicationUpdate() /
 *   resourcePostgreSQLRoleUpdate() for exactly this change, in the provider's order;
 * - deletes: what the provider's Delete function runs (publication, role), or what it does in words.
 * Values that are Terraform expressions are not resolved: no SQL is shown for them.
 */
import { quoteIdent, quoteLiteral, quoteTableName } from "../model/quoting/sql";
import { providerSetOrder, renderContext, renderResource, Unrenderable } from "../render/sql";
import { stackNodes } from "../synth-output/stack-json";
import { BEGIN, COMMIT } from "../util/sql-boilerplate";
import { scrub, secretLiterals } from "./attributes";
import type { ResourceDiff, StackDiff } from "./compare";
import type { Json } from "./read";

const literal = (v: unknown): string | undefined => (typeof v === "string" && !v.includes("${") ? v : undefined);
const literals = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => literal(x) !== undefined) ? (v as string[]) : undefined);

/**
 * The SQL preview's statements for one resource of a stack (`renderResource` of src/render/sql,
 * with the stack's other resources for references), or undefined when the preview cannot render it.
 */
function previewOf(json: Json | undefined, address: string, nodes: () => ReadonlyMap<string, ReturnType<typeof stackNodes>[number]>): string[] | undefined {
  if (!json) return undefined;
  const byAddress = nodes();
  const node = byAddress.get(address);
  if (!node) return undefined;
  try {
    // One node map per stack (a fresh context per resource: its variable and data sets are per render).
    return renderResource(node.type, node.config, { ...renderContext(), nodes: byAddress });
  } catch (e) {
    if (e instanceof Unrenderable) return undefined;
    throw e;
  }
}

/**
 * resourcePostgreSQLPublicationUpdate() for this change, statement by statement: setPubOwner,
 * setPubTables, setPubParams, then setPubName. As the provider does, the first three use the NEW
 * name, unquoted (`d.Get("name")`), and only the rename quotes (pq.QuoteIdentifier); the table names
 * are quoted part by part (quoteTableName in helpers.go).
 */
function publicationUpdate(r: ResourceDiff): string[] | undefined {
  const before = r.before ?? {};
  const after = r.after ?? {};
  const oldName = literal(before.name);
  const name = literal(after.name);
  if (!oldName || !name) return undefined;
  const out: string[] = [];
  const changed = (k: string) => r.changes.some((c) => c.path === k && !c.noEffect);
  if (changed("owner") && literal(after.owner)) out.push(`ALTER PUBLICATION ${name} OWNER TO ${literal(after.owner)};`);
  if (changed("tables")) {
    const a = literals(before.tables);
    const b = literals(after.tables);
    if (!a || !b) return undefined;
    // arrayDifference() over the sets' List(): the provider's set order (providerSetOrder).
    for (const t of providerSetOrder(b).filter((x) => !a.includes(x))) out.push(`ALTER PUBLICATION ${name} ADD TABLE ${quoteTableName(t)};`);
    for (const t of providerSetOrder(a).filter((x) => !b.includes(x))) out.push(`ALTER PUBLICATION ${name} DROP TABLE ${quoteTableName(t)};`);
  }
  // getPublicationParameters(): `k = v` pairs joined by "," (the provider's order is a Go map's).
  const params: string[] = [];
  if (changed("publish_via_partition_root_param") && typeof after.publish_via_partition_root_param === "boolean") {
    params.push(`publish_via_partition_root = ${after.publish_via_partition_root_param}`);
  }
  if (changed("publish_param")) {
    const ops = literals(after.publish_param);
    if (ops) params.push(`publish = '${ops.join(", ")}'`);
  }
  if (params.length > 0) out.push(`ALTER PUBLICATION ${name} SET (${params.join(",")});`);
  const renamed = oldName !== name;
  if (renamed && out.length > 0) {
    out.unshift(`-- the provider runs these with the new name before it renames the publication: this apply fails; rename in an apply of its own`);
  }
  if (renamed) out.push(`ALTER PUBLICATION ${quoteIdent(oldName)} RENAME TO ${quoteIdent(name)};`);
  return out.length > 0 ? [BEGIN, ...out, COMMIT] : undefined;
}

/** setRole*() flags of resourcePostgreSQLRoleUpdate(), in its order: attribute, keyword, provider default. */
const ROLE_FLAGS: readonly [string, string, boolean][] = [
  ["bypass_row_level_security", "BYPASSRLS", false],
  ["create_database", "CREATEDB", false],
  ["create_role", "CREATEROLE", false],
  ["inherit", "INHERIT", true],
  ["login", "LOGIN", false],
  ["replication", "REPLICATION", false],
  ["superuser", "SUPERUSER", false],
];
const ROLE_PRECISE = new Set(["name", "password", "password_wo", "password_wo_version", "connection_limit", "valid_until", ...ROLE_FLAGS.map(([a]) => a)]);

/**
 * resourcePostgreSQLRoleUpdate() for this change (setRoleName, setRolePassword, setRole<flag>...,
 * setRoleValidUntil), when only those attributes change; undefined otherwise (the preview's block is
 * shown instead). The password is never shown: a psql variable or `(sensitive)`.
 */
function roleUpdate(r: ResourceDiff): string[] | undefined {
  const before = r.before ?? {};
  const after = r.after ?? {};
  const changed = new Set(r.changes.filter((c) => !c.noEffect).map((c) => c.path));
  if ([...changed].some((p) => !ROLE_PRECISE.has(p))) return undefined;
  const oldName = literal(before.name);
  const name = literal(after.name);
  if (!oldName || !name) return undefined;
  const role = quoteIdent(name);
  const out: string[] = [];
  if (oldName !== name) out.push(`ALTER ROLE ${quoteIdent(oldName)} RENAME TO ${role};`);
  const wo = after.password_wo !== undefined;
  if ((wo && changed.has("password_wo_version")) || (!wo && (changed.has("password") || changed.has("name")) && after.password !== undefined)) {
    const src = wo ? after.password_wo : after.password;
    const m = typeof src === "string" ? /^\$\{var\.([A-Za-z0-9_-]+)\}$/.exec(src) : null;
    out.push(`ALTER ROLE ${role} PASSWORD ${m ? `:'${m[1]}'` : "'(sensitive)'"};  -- the new password`);
  }
  const bool = (v: unknown, d: boolean) => (v === undefined ? d : v === true || v === "true");
  for (const [attr, kw, d] of ROLE_FLAGS.slice(0, 1)) if (changed.has(attr)) out.push(`ALTER ROLE ${role} WITH ${bool(after[attr], d) ? "" : "NO"}${kw};`);
  if (changed.has("connection_limit")) out.push(`ALTER ROLE ${role} CONNECTION LIMIT ${Number(after.connection_limit ?? -1)};`);
  for (const [attr, kw, d] of ROLE_FLAGS.slice(1)) if (changed.has(attr)) out.push(`ALTER ROLE ${role} WITH ${bool(after[attr], d) ? "" : "NO"}${kw};`);
  if (changed.has("valid_until")) out.push(`ALTER ROLE ${role} VALID UNTIL ${quoteLiteral(String(after.valid_until ?? "infinity"))};`);
  return out.length > 0 ? [BEGIN, ...out, COMMIT] : undefined;
}

function deleteSql(r: ResourceDiff): string[] | undefined {
  const before = r.before ?? {};
  switch (r.type) {
    case "postgresql_publication": {
      const name = literal(before.name);
      return name ? [`DROP PUBLICATION ${quoteIdent(name)} ${before.drop_cascade === true ? "CASCADE" : "RESTRICT"};`] : undefined;
    }
    case "postgresql_role": {
      const name = literal(before.name);
      if (!name) return undefined;
      const out: string[] = [];
      if (before.skip_reassign_owned !== true) out.push(`REASSIGN OWNED BY ${quoteIdent(name)} TO CURRENT_USER;  -- in every database`, `DROP OWNED BY ${quoteIdent(name)};`);
      if (before.skip_drop_role !== true) out.push(`DROP ROLE ${quoteIdent(name)};`);
      return out;
    }
    case "postgresql_grant":
    case "postgresql_default_privileges":
    case "postgresql_grant_role":
      return [`-- the provider revokes what ${r.address} granted (its Delete function)`];
    default:
      return undefined;
  }
}

/** SQL per resource address of one stack (postgresql_* resources only). */
export function changeSql(stack: StackDiff): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const pg = stack.resources.filter((r) => r.mode === "managed" && r.type.startsWith("postgresql_"));
  if (pg.length === 0) return out;
  // The preview renders a resource only when a change needs its statements (a create, a replace,
  // an update the precise mirrors above do not cover): a table added to a publication needs none.
  let nodes: Map<string, ReturnType<typeof stackNodes>[number]> | undefined;
  const head = { get: (address: string) => previewOf(stack.head, address, () => (nodes ??= new Map((stack.head ? stackNodes(stack.head) : []).map((n) => [n.address, n])))) };
  let secrets: string[] | undefined;
  // The preview puts literal values into the SQL; a literal password must never reach the report.
  const scrubbed = (lines: string[]) => {
    secrets ??= [...new Set([...secretLiterals(stack.base), ...secretLiterals(stack.head)])].sort((a, b) => b.length - a.length);
    return lines.map((l) => scrub(l, secrets!));
  };
  for (const r of pg) {
    let sql: string[] | undefined;
    if (r.action === "delete") sql = deleteSql(r);
    else if (r.action === "update" && r.type === "postgresql_publication") sql = publicationUpdate(r) ?? head.get(r.address);
    else if (r.action === "update" && r.type === "postgresql_role") sql = roleUpdate(r) ?? head.get(r.address);
    else if (r.action === "replace") {
      const drop = deleteSql(r);
      const create = head.get(r.address);
      sql = drop || create ? [...(drop ?? []), ...(create ?? [])] : undefined;
    } else sql = head.get(r.address);
    if (sql && sql.length > 0) out.set(r.address, scrubbed(sql));
  }
  return out;
}
