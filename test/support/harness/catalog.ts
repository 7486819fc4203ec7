/**
 * A snapshot of the catalog state a ClickPipes source setup touches, for "nothing changed" checks:
 * role attributes and memberships, schema and table ACLs, default ACLs, publications and their
 * tables. Everything is sorted, so two snapshots compare with `toEqual`.
 */
import type { Client } from "pg";

export interface CatalogSnapshot {
  readonly roles: Record<string, unknown>[];
  readonly memberships: Record<string, unknown>[];
  readonly schemaAcls: Record<string, unknown>[];
  readonly tableAcls: Record<string, unknown>[];
  readonly defaultAcls: Record<string, unknown>[];
  readonly publications: Record<string, unknown>[];
  readonly publicationTables: Record<string, unknown>[];
}

const USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'";

/** Snapshot of the current database (roles are cluster-wide; role OIDs are left out, names kept). */
export async function catalogSnapshot(client: Client): Promise<CatalogSnapshot> {
  const q = async (sql: string) => (await client.query(sql)).rows as Record<string, unknown>[];
  return {
    roles: await q(
      `SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication,
              rolbypassrls, rolconnlimit, rolvaliduntil::text AS rolvaliduntil, rolconfig::text AS rolconfig
         FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%' ORDER BY rolname`,
    ),
    memberships: await q(
      `SELECT r.rolname AS role, m.rolname AS member, am.admin_option
         FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
        ORDER BY 1, 2`,
    ),
    schemaAcls: await q(`SELECT n.nspname, n.nspacl::text AS acl FROM pg_namespace n WHERE ${USER_SCHEMAS} ORDER BY 1`),
    tableAcls: await q(
      `SELECT n.nspname, c.relname, c.relkind::text AS relkind, c.relacl::text AS acl
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE ${USER_SCHEMAS} AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
        ORDER BY 1, 2`,
    ),
    defaultAcls: await q(
      `SELECT pg_get_userbyid(d.defaclrole) AS owner, coalesce(n.nspname, '') AS nspname, d.defaclobjtype::text AS objtype,
              d.defaclacl::text AS acl
         FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
        ORDER BY 1, 2, 3`,
    ),
    publications: await q(
      `SELECT p.pubname, pg_get_userbyid(p.pubowner) AS owner, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate,
              p.oid::text AS oid, to_jsonb(p) -> 'pubviaroot' AS pubviaroot
         FROM pg_publication p ORDER BY 1`,
    ),
    publicationTables: await q(`SELECT pubname, schemaname, tablename FROM pg_publication_tables ORDER BY 1, 2, 3`),
  };
}
