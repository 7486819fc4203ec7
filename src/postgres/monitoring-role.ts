import { Construct } from "constructs";
import { PgGrant, PgGrantRole, PgRole, TerraformProvider } from "../tf/tf";
import { MONITORING_IDS } from "../model/construct-ids";
import { writeOnlyPasswordArgs } from "./clickpipes-user";
import { refuseUnknownProps } from "../model/known-keys";

/** Why a monitoring password with a backslash is refused at plan time (see `PASSWORD_BACKSLASH_MESSAGE`). */
export const MONITORING_PASSWORD_BACKSLASH_MESSAGE =
  "The monitoring password must not contain a backslash: the postgresql provider (cyrilgdn 1.26.0) doubles backslashes in the PASSWORD literal, so the role would get a different password. Choose a password without backslashes.";

export interface ClickPipesMonitoringRoleProps {
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
 * A login role for monitoring the source (`cdktf-clickpipes health`, exporters): member of
 * `pg_monitor` (read every session of `pg_stat_activity`, the replication and slot statistics,
 * the settings) with CONNECT on the source database, and nothing else: no table, no schema, no
 * REPLICATION. CONNECT is granted explicitly so the role works where CONNECT was revoked from
 * PUBLIC; where PUBLIC still has it, the grant adds nothing. What PUBLIC itself may do (CREATE on
 * schema `public` before PostgreSQL 15, TEMP tables) the role may do too: revoke it from PUBLIC.
 *
 * Not pipe-critical: no `prevent_destroy`, and `guard`/`diff` treat changes to it as ordinary.
 * Construct IDs (public API): `Role` (postgresql_role), `PgMonitor` (postgresql_grant_role),
 * `Connect` (postgresql_grant).
 */
export class ClickPipesMonitoringRole extends Construct {
  /** The role resource. */
  public readonly role: PgRole;
  /** The role name as a reference, so dependents wait for the role. */
  public readonly roleName: string;
  /** GRANT pg_monitor. */
  public readonly pgMonitor: PgGrantRole;
  /** GRANT CONNECT on the source database. */
  public readonly connect: PgGrant;

  constructor(scope: Construct, id: string, props: ClickPipesMonitoringRoleProps) {
    super(scope, id);
    refuseUnknownProps("ClickPipesMonitoringRole", props, this.node.path);
    const { precondition, ...password } = writeOnlyPasswordArgs(props.password, props.passwordVersion, MONITORING_PASSWORD_BACKSLASH_MESSAGE);
    this.role = new PgRole(this, MONITORING_IDS.ROLE, {
      provider: props.provider,
      name: props.name,
      login: true,
      ...password,
      // The membership is managed by postgresql_grant_role; the role must not revoke it.
      lifecycle: { ignoreChanges: ["roles"], precondition },
    });
    this.roleName = this.role.name;
    this.pgMonitor = new PgGrantRole(this, MONITORING_IDS.PG_MONITOR, { provider: props.provider, role: this.roleName, grantRole: "pg_monitor" });
    // After the membership: the provider never runs two grants on one role at once (cyrilgdn/terraform-provider-postgresql#178).
    this.connect = new PgGrant(this, MONITORING_IDS.CONNECT, {
      provider: props.provider,
      role: this.roleName,
      database: props.database,
      objectType: "database",
      privileges: ["CONNECT"],
      dependsOn: [this.pgMonitor],
    });
  }
}
