import { Construct } from "constructs";
import { Fn, Op, PgGrantRole, PgRole, TerraformProvider } from "../tf/tf";
import { USER_IDS } from "../model/construct-ids";
import { refuseUnknownProps } from "../model/known-keys";

/**
 * Why a password with a backslash is refused at plan time: cyrilgdn/postgresql 1.26.0 writes the
 * password with its pqQuoteLiteral, which doubles backslashes, and PostgreSQL (standard_conforming_strings
 * on) stores both: the role's password would differ from the one ClickPipes is given.
 */
export const PASSWORD_BACKSLASH_MESSAGE =
  "The ClickPipes password must not contain a backslash: the postgresql provider (cyrilgdn 1.26.0) doubles backslashes in the PASSWORD literal, so the role would get a different password than ClickPipes. Choose a password without backslashes.";

/**
 * The password arguments of a login role: `password_wo` from a sensitive variable, its version,
 * and the precondition that refuses a backslash (`message`). Shared by every role this library creates.
 */
export function writeOnlyPasswordArgs(password: string, version: number | undefined, message: string = PASSWORD_BACKSLASH_MESSAGE) {
  return {
    passwordWo: password,
    passwordWoVersion: String(version ?? 1),
    // A precondition, not a variable validation: Terraform 1.11 prints the variable's value in a
    // failed validation's diagnostic even when it is sensitive, never in a precondition's.
    // cdktf writes string arguments into the expression unescaped: "\\\\" is HCL's "\\" (one backslash).
    precondition: [{ condition: Op.not(Fn.strcontains(password, "\\\\")), errorMessage: message }],
  };
}

/** How the ClickPipes role gets the right to open replication connections. */
export enum ReplicationRight {
  /** `ALTER ROLE ... REPLICATION` (self-managed PostgreSQL). */
  ATTRIBUTE = "attribute",
  /** `GRANT rds_replication TO ...` (Amazon RDS and Aurora, where the attribute needs superuser). */
  RDS_REPLICATION = "rds_replication",
}

export interface ClickPipesUserProps {
  /** Role name. */
  readonly name: string;
  /** The password, as a reference to a sensitive Terraform variable. Written with `password_wo`. */
  readonly password: string;
  /**
   * `password_wo_version`; bump to rotate.
   * @default 1
   */
  readonly passwordVersion?: number;
  /**
   * How the role gets the replication right.
   * @default ReplicationRight.ATTRIBUTE
   */
  readonly replication?: ReplicationRight;
  /**
   * Also grant `rds_iam` (IAM database authentication on RDS/Aurora).
   * @default false
   */
  readonly iamAuth?: boolean;
  /**
   * BYPASSRLS on the role.
   * @default false
   */
  readonly bypassRowLevelSecurity?: boolean;
  /**
   * `lifecycle.prevent_destroy` on the role.
   * @default true
   */
  readonly protectFromDestroy?: boolean;
  /**
   * Provider to use.
   * @default - the stack's default postgresql provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * The ClickPipes login role. Construct IDs (public API): `Role` (postgresql_role),
 * `RdsReplication` and `RdsIam` (postgresql_grant_role, RDS/Aurora only).
 */
export class ClickPipesUser extends Construct {
  /** The role resource. */
  public readonly role: PgRole;
  /** The role name as a reference, so dependents wait for the role. */
  public readonly roleName: string;
  /** Role memberships granted (rds_replication, rds_iam), if any. */
  public readonly memberships: PgGrantRole[] = [];

  constructor(scope: Construct, id: string, props: ClickPipesUserProps) {
    super(scope, id);
    refuseUnknownProps("ClickPipesUser", props, this.node.path);
    const rds = props.replication === ReplicationRight.RDS_REPLICATION;
    const { precondition, ...password } = writeOnlyPasswordArgs(props.password, props.passwordVersion);
    this.role = new PgRole(this, USER_IDS.ROLE, {
      provider: props.provider,
      name: props.name,
      login: true,
      replication: rds ? undefined : true,
      bypassRowLevelSecurity: props.bypassRowLevelSecurity ? true : undefined,
      ...password,
      lifecycle: {
        preventDestroy: props.protectFromDestroy ?? true,
        // Memberships are managed by postgresql_grant_role; the role must not revoke them.
        ignoreChanges: rds ? ["roles"] : undefined,
        precondition,
      },
    });
    this.roleName = this.role.name;
    const grantRole = (id: string, role: string, preventDestroy: boolean) =>
      this.memberships.push(new PgGrantRole(this, id, { provider: props.provider, role: this.roleName, grantRole: role, lifecycle: { preventDestroy } }));
    // Revoking rds_replication breaks the pipe like dropping the role does: same protection.
    if (rds) grantRole(USER_IDS.RDS_REPLICATION, "rds_replication", props.protectFromDestroy ?? true);
    if (props.iamAuth) grantRole(USER_IDS.RDS_IAM, "rds_iam", false);
  }
}
