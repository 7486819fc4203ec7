import { Construct } from "constructs";
import { TerraformProvider } from "../tf/tf";
import { reportWarnings } from "../tf/annotations";
import { ResolvedSource } from "../model/defaults";
import { pgHbaLines, restartRequired, serverSettings, ServerSetting } from "../model/server-setup";
import { PostgresSourceSpec } from "../model/types";
import { requireValidated, validateSource, ValidatedSource } from "../model/validate";
import { ClickPipesGrants } from "./grants";
import { ClickPipesPublication } from "./publication";
import { ClickPipesUser, ReplicationRight } from "./clickpipes-user";
import { ClickPipesMonitoringRole } from "./monitoring-role";
import { ClickPipesPlanRole } from "./plan-role";
import { ServerSetupFiles } from "./server-setup-files";
import { HostProfile, HostProfileSpec } from "../model/host-profiles";
import { addSourceObjects } from "./source-objects";
import { SOURCE_IDS } from "../model/construct-ids";
import { ClickPipesAzureFlexibleServer } from "../azure/flexible-server";
import { refuseUnknownProps } from "../model/known-keys";

export interface GenericPostgresSourceProps extends PostgresSourceSpec, HostProfileSpec {
  /**
   * The ClickPipes password: a reference to a sensitive Terraform variable. A literal is refused.
   * It is written with `password_wo`, so it is in neither the plan nor the state.
   */
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
  /**
   * hostProfile azure with `azure.serverId`: the azurerm provider the server parameters and firewall
   * rules are declared through (see `ClickPipesAzureFlexibleServer`).
   * @default - the stack's default azurerm provider
   */
  readonly azureProvider?: TerraformProvider;
}

/** Props of a source already validated by `validateSource` (or `validateApp`): no second validation. */
export interface ValidatedGenericPostgresSourceProps {
  /** The validated, resolved spec. */
  readonly validated: ValidatedSource;
  /** The ClickPipes password: a reference to a sensitive Terraform variable. A literal is refused. */
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
  /**
   * hostProfile azure with `azure.serverId`: the azurerm provider the server parameters and firewall
   * rules are declared through (see `ClickPipesAzureFlexibleServer`).
   * @default - the stack's default azurerm provider
   */
  readonly azureProvider?: TerraformProvider;
}

/**
 * A self-managed PostgreSQL database prepared as a ClickPipes Postgres CDC source.
 *
 * Raw props are validated here, once (`SOURCE_RULES`; errors throw `ValidationError`); props with a
 * `validated` spec are not validated again. Warnings become cdktf warning annotations on this construct.
 *
 * Construct IDs below this one (public API): `User` (see `ClickPipesUser`), `Grants` (see
 * `ClickPipesGrants`), `Publication` (see `ClickPipesPublication`), with `monitoring` `Monitoring`
 * (see `ClickPipesMonitoringRole`), with `planRole` `PlanRole` (see `ClickPipesPlanRole`), `ServerSetup` (the rendered
 * server settings and pg_hba lines, written beside the stack at synth), with `azure.serverId` `Azure`
 * (see `ClickPipesAzureFlexibleServer`; the stack needs an azurerm provider).
 */
export class GenericPostgresSource extends Construct {
  /** The spec with every default applied. */
  public readonly resolved: ResolvedSource;
  public readonly user: ClickPipesUser;
  public readonly grants: ClickPipesGrants;
  public readonly publication: ClickPipesPublication;
  /** The monitoring role, with `monitoring`. */
  public readonly monitoring?: ClickPipesMonitoringRole;
  /** The read-only plan role, with `planRole`. */
  public readonly planRole?: ClickPipesPlanRole;
  /** Server settings the DBA must apply (Terraform cannot). */
  public readonly serverSettings: readonly ServerSetting[];
  /** Whether applying `serverSettings` needs a restart. */
  public readonly restartRequired: boolean;
  /** pg_hba.conf lines, one per ClickPipes CIDR. */
  public readonly pgHbaLines: readonly string[];
  /** Where the server runs. */
  public readonly hostProfile: HostProfile;
  /** hostProfile azure with `azure.serverId`: the declared server parameters and firewall rules. */
  public readonly azure?: ClickPipesAzureFlexibleServer;

  constructor(scope: Construct, id: string, props: GenericPostgresSourceProps | ValidatedGenericPostgresSourceProps) {
    super(scope, id);
    refuseUnknownProps("validated" in props ? "ValidatedGenericPostgresSource" : "GenericPostgresSource", props, `${scope.node.path}/${id}`);
    const validated = "validated" in props ? requireValidated(props.validated, "GenericPostgresSource") : validateSource(props);
    reportWarnings(this, validated.takeWarnings());
    this.resolved = validated.value;
    const objects = addSourceObjects(this, this.resolved, {
      password: props.password,
      monitoringPassword: props.monitoringPassword,
      planRolePassword: props.planRolePassword,
      replication: ReplicationRight.ATTRIBUTE,
      provider: props.provider,
    });
    this.monitoring = objects.monitoring;
    this.planRole = objects.planRole;
    this.user = objects.user;
    this.grants = objects.grants;
    this.publication = objects.publication;
    this.serverSettings = serverSettings(this.resolved);
    this.restartRequired = restartRequired(this.serverSettings);
    this.pgHbaLines = pgHbaLines(this.resolved);
    this.hostProfile = this.resolved.hostProfile;
    new ServerSetupFiles(this, SOURCE_IDS.SERVER_SETUP, this.resolved, this.hostProfile);
    if (this.resolved.azure) this.azure = new ClickPipesAzureFlexibleServer(this, SOURCE_IDS.AZURE, { resolved: this.resolved, provider: props.azureProvider });
  }
}
