/**
 * cyrilgdn/postgresql 1.26.0 (github.com/cyrilgdn/terraform-provider-postgresql, tag v1.26.0):
 * which attribute changes force a replacement, read from each resource's schema.
 */
import type { ResourceTypeFacts } from "./types";

const PROVIDER = "cyrilgdn/postgresql 1.26.0";

export const POSTGRESQL_FACTS: readonly ResourceTypeFacts[] = [
  {
    // No attribute is ForceNew: every change runs ALTER ROLE (resourcePostgreSQLRoleUpdate).
    type: "postgresql_role",
    provider: PROVIDER,
    goFile: "postgresql/resource_postgresql_role.go",
    forceNew: [],
    sensitive: ["password", "password_wo"],
    writeOnly: [{ path: "password_wo", versionPath: "password_wo_version" }],
  },
  {
    // Update (resourcePostgreSQLGrantUpdate) only for `privileges`: REVOKE + GRANT in one transaction.
    type: "postgresql_grant",
    provider: PROVIDER,
    goFile: "postgresql/resource_postgresql_grant.go",
    forceNew: ["role", "database", "schema", "object_type", "objects", "columns", "with_grant_option"],
  },
  {
    // No Update function: every attribute is ForceNew.
    type: "postgresql_grant_role",
    provider: PROVIDER,
    goFile: "postgresql/resource_postgresql_grant_role.go",
    forceNew: ["role", "grant_role", "with_admin_option"],
  },
  {
    // Update = Create (resourcePostgreSQLDefaultPrivilegesCreate) for `privileges`.
    type: "postgresql_default_privileges",
    provider: PROVIDER,
    goFile: "postgresql/resource_postgresql_default_privileges.go",
    forceNew: ["role", "database", "owner", "schema", "object_type", "with_grant_option"],
  },
  {
    // name, owner, tables, publish_param, publish_via_partition_root_param: ALTER PUBLICATION in place.
    type: "postgresql_publication",
    provider: PROVIDER,
    goFile: "postgresql/resource_postgresql_publication.go",
    forceNew: ["database", "all_tables"],
    optionalComputed: ["database", "owner", "tables", "all_tables", "publish_param"],
  },
];
