import { Construct } from "constructs";
import { reportWarnings } from "../tf/annotations";
import { TerraformProvider } from "../tf/tf";
import { ResolvedAwsSource } from "../model/aws";
import { AwsEngine, AwsSourceSpec } from "../model/aws-types";
import { refuseUnknownProps } from "../model/known-keys";
import { requireValidated, validateAwsDatabaseSource, ValidatedAwsSource } from "../model/validate";
import { validatedAwsProps } from "./aws-source";
import { ReplicationRight } from "../postgres/clickpipes-user";
import { ClickPipesGrants } from "../postgres/grants";
import { ClickPipesPublication } from "../postgres/publication";
import { ClickPipesUser } from "../postgres/clickpipes-user";
import { ClickPipesMonitoringRole } from "../postgres/monitoring-role";
import { ClickPipesPlanRole } from "../postgres/plan-role";
import { addSourceObjects } from "../postgres/source-objects";

export interface AwsSourceDatabaseProps extends AwsSourceSpec {
  /** Aurora PostgreSQL or RDS for PostgreSQL. */
  readonly engine: AwsEngine;
  /** The ClickPipes password: a reference to a sensitive Terraform variable (a literal is refused). */
  readonly password: string;
  /**
   * The monitoring role's password: a reference to a sensitive Terraform variable (required with `monitoring`).
   * @default - none (no monitoring role without `monitoring`)
   */
  readonly monitoringPassword?: string;
  /**
   * The read-only plan role's password: a reference to a sensitive Terraform variable (required with `planRole`).
   * @default - none (no plan role without `planRole`)
   */
  readonly planRolePassword?: string;
  /**
   * Provider to use (configure it with `superuser = false`, `sslmode = require`, the real
   * `expected_version` and the WRITER endpoint address).
   * @default - the stack's default postgresql provider
   */
  readonly provider?: TerraformProvider;
}

/** Props of a source already validated by `validateAwsSource` (or `validateApp`): no second validation. */
export interface ValidatedAwsSourceDatabaseProps {
  /** The validated, resolved spec (it names the engine). */
  readonly validated: ValidatedAwsSource;
  /** The ClickPipes password: a reference to a sensitive Terraform variable (a literal is refused). */
  readonly password: string;
  /**
   * The monitoring role's password: a reference to a sensitive Terraform variable (required with `monitoring`).
   * @default - none (no monitoring role without `monitoring`)
   */
  readonly monitoringPassword?: string;
  /**
   * The read-only plan role's password: a reference to a sensitive Terraform variable (required with `planRole`).
   * @default - none (no plan role without `planRole`)
   */
  readonly planRolePassword?: string;
  /**
   * Provider to use.
   * @default - the stack's default postgresql provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * The database side of an Aurora/RDS source: the same user, grants and publication as the generic
 * source (`addSourceObjects`), except that the replication right is `GRANT rds_replication`
 * (`postgresql_grant_role`; `REPLICATION` fails on RDS/Aurora) and, with IAM auth, `GRANT rds_iam`.
 *
 * Raw props are validated here, once, without the network rules (this half never uses `network`, so
 * it does not demand it); a `validated` spec is not validated again, and its warnings are
 * reported by the first construct given it (in the ready-made stacks: the `AuroraSource`/`RdsSource`).
 *
 * Construct IDs below this one (public API): `User` (`User/Role`, `User/RdsReplication`,
 * `User/RdsIam`), `Grants`, `Publication`, with `monitoring` `Monitoring`, with `planRole` `PlanRole` — as in `GenericPostgresSource`.
 */
export class AwsSourceDatabase extends Construct {
  public readonly resolved: ResolvedAwsSource;
  public readonly user: ClickPipesUser;
  public readonly grants: ClickPipesGrants;
  public readonly publication: ClickPipesPublication;
  /** The monitoring role, with `monitoring`. */
  public readonly monitoring?: ClickPipesMonitoringRole;
  /** The read-only plan role, with `planRole`. */
  public readonly planRole?: ClickPipesPlanRole;

  constructor(scope: Construct, id: string, props: AwsSourceDatabaseProps | ValidatedAwsSourceDatabaseProps) {
    super(scope, id);
    refuseUnknownProps("validated" in props ? "ValidatedAwsSourceDatabase" : "AwsSourceDatabase", props, `${scope.node.path}/${id}`);
    const engine = "validated" in props ? requireValidated(props.validated, "AwsSourceDatabase").value.engine : props.engine;
    const validated = validatedAwsProps("AwsSourceDatabase", engine, props, validateAwsDatabaseSource);
    reportWarnings(this, validated.takeWarnings());
    this.resolved = validated.value;
    const objects = addSourceObjects(this, this.resolved, {
      password: props.password,
      monitoringPassword: props.monitoringPassword,
      planRolePassword: props.planRolePassword,
      replication: ReplicationRight.RDS_REPLICATION,
      iamAuth: this.resolved.iamAuth,
      provider: props.provider,
    });
    this.user = objects.user;
    this.grants = objects.grants;
    this.publication = objects.publication;
    this.monitoring = objects.monitoring;
    this.planRole = objects.planRole;
  }
}
