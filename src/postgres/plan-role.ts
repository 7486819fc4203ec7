import { refuseUnknownProps } from "../model/known-keys";
import { Construct } from "constructs";
import { PgGrant, PgRole, TerraformProvider } from "../tf/tf";
import { PLAN_ROLE_IDS } from "../model/construct-ids";
import { writeOnlyPasswordArgs } from "./clickpipes-user";

/** Why a plan-role password with a backslash is refused at plan time (see `PASSWORD_BACKSLASH_MESSAGE`). */
export const PLAN_ROLE_PASSWORD_BACKSLASH_MESSAGE =
  "The plan role password must not contain a backslash: the postgresql provider (cyrilgdn 1.26.0) doubles backslashes in the PASSWORD literal, so the role would get a different password. Choose a password without backslashes.";

export interface ClickPipesPlanRoleProps {
  /** Role name. */
  readonly name: string;
  /** The password, as a reference to a sensitive Terraform variable. Written with `password_wo`. */
  readonly password: string;
  /**
   * `password_wo_version`; bump to rotate.
   * @default 1
   */
  readonly passwordVersion?: number;
  /** The database the role may connect to (the source database). */
  readonly database: string;
  /**
   * Provider to use.
   * @default - the stack's default postgresql provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * A read-only login for `terraform plan` of pull requests: LOGIN and CONNECT on the source database,
 * nothing else (no membership, no REPLICATION, no privilege on a schema or table). Every query the
 * postgresql provider (cyrilgdn 1.26.0) runs to refresh the stacks' roles, grants, default
 * privileges, memberships and publications reads catalogs every role may read (`pg_roles`,
 * `pg_auth_members`, `pg_database`, `pg_namespace`, `pg_class`, `pg_default_acl`, `pg_publication`,
 * `pg_publication_tables`) or takes an advisory lock (EXECUTE granted to PUBLIC), so a plan as this
 * role shows the same changes as a plan as the admin, and a pull request that gets this credential
 * can change nothing (test/integration/plan-role.test.ts runs the provider's read queries as this
 * role on PostgreSQL 12-18). CONNECT is granted explicitly so the role works where CONNECT was
 * revoked from PUBLIC. What PUBLIC itself may do (CREATE on schema `public` before PostgreSQL 15,
 * TEMP tables) the role may do too: revoke it from PUBLIC.
 *
 * The provider must log in with `superuser = false` as this role only where a `postgresql_role`
 * sets a plain `password` (it then reads pg_shadow); the stacks write `password_wo`, so it never does.
 *
 * Not pipe-critical: no `prevent_destroy`, and `guard`/`diff` treat changes to it as ordinary.
 * Construct IDs (public API): `Role` (postgresql_role), `Connect` (postgresql_grant).
 */
export class ClickPipesPlanRole extends Construct {
  /** The role resource. */
  public readonly role: PgRole;
  /** The role name as a reference, so dependents wait for the role. */
  public readonly roleName: string;
  /** GRANT CONNECT on the source database. */
  public readonly connect: PgGrant;

  constructor(scope: Construct, id: string, props: ClickPipesPlanRoleProps) {
    super(scope, id);
    refuseUnknownProps("ClickPipesPlanRole", props, this.node.path);
    const { precondition, ...password } = writeOnlyPasswordArgs(props.password, props.passwordVersion, PLAN_ROLE_PASSWORD_BACKSLASH_MESSAGE);
    this.role = new PgRole(this, PLAN_ROLE_IDS.ROLE, {
      provider: props.provider,
      name: props.name,
      login: true,
      ...password,
      lifecycle: { precondition },
    });
    this.roleName = this.role.name;
    this.connect = new PgGrant(this, PLAN_ROLE_IDS.CONNECT, {
      provider: props.provider,
      role: this.roleName,
      database: props.database,
      objectType: "database",
      privileges: ["CONNECT"],
    });
  }
}
