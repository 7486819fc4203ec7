/**
 * The two stacks of an Amazon Aurora PostgreSQL or RDS for PostgreSQL source:
 * - `<name>-aws`: the parameter group and the network path (aws provider only);
 * - `<name>-db`: the ClickPipes user, grants and publication (postgresql provider only).
 * They are separate because the postgresql provider cannot be configured from values unknown at
 * plan time. The host reaches the db stack as the Terraform variable `db_host` (default: the
 * config's `host`), not as a cross-stack reference: no remote-state plumbing, and the provider
 * never sees an unknown value.
 */
import { Construct } from "constructs";
import { applyBackend } from "../backend";
import { AuroraSource } from "../aws/aurora-source";
import { AwsSourceBase } from "../aws/aws-source";
import { ClickPipesIamRole } from "../aws/clickpipes-iam-role";
import { AwsSourceDatabase } from "../aws/database-objects";
import { RdsSource } from "../aws/rds-source";
import { TerraformStack, TerraformVariable } from "../tf/tf";
import { AwsProvider } from "../tf/tf-aws";
import { reportWarnings } from "../tf/annotations";
import { AuroraSourceConfig, AWS_STACK_SUFFIX, DB_STACK_SUFFIX, RdsSourceConfig, SourceKind } from "../model/app-config";
import { AwsEngine, AwsNetworkMode } from "../model/aws-types";
import { OUTPUT_IDS, PROVIDER_IDS, VARIABLE_IDS } from "../model/construct-ids";
import { clickPipesIamRoleId } from "../model/construct-ids";
import { dbIdentifier, defaultIamRoleName } from "../model/iam-auth";
import { BackendSpec } from "../model/backend";
import { engineOfKind, isValidatedSourceConfig, validateSourceConfig, ValidatedAwsSourceConfig } from "../model/validate";
import { addStackClickPipe } from "./clickpipe";
import { addConnectionOutputs, addDatabaseAccess, addMonitoringPassword, addPlanRolePassword, initStack, output } from "./common";

/** Name of the db stack's variable that holds the host (the cluster WRITER endpoint address). */
export const DB_HOST_VARIABLE = VARIABLE_IDS.DB_HOST;
/** Output of `<name>-aws` and variable of `<name>-db`: the IAM role ClickPipes assumes (with `iamAuth` and a pipe). */
export const CLICKPIPES_IAM_ROLE_ARN = VARIABLE_IDS.CLICKPIPES_IAM_ROLE_ARN;

export type AwsSourceConfig = AuroraSourceConfig | RdsSourceConfig;

export function engineOf(config: AwsSourceConfig): AwsEngine {
  return engineOfKind(config.kind);
}

/**
 * The validated source of a stack: as given by `buildApp` (not validated again), or a raw config
 * validated here once, with the app rules for it (their warnings go on `stack`).
 */
function validatedAwsConfig(
  input: AwsSourceConfig | ValidatedAwsSourceConfig,
  defaultBackend: BackendSpec | undefined,
): { v: ValidatedAwsSourceConfig; warnings: ReturnType<typeof validateSourceConfig>["warnings"] } {
  if (isValidatedSourceConfig(input)) return { v: input as ValidatedAwsSourceConfig, warnings: [] };
  const checked = validateSourceConfig(input, defaultBackend);
  return { v: checked.source as ValidatedAwsSourceConfig, warnings: checked.warnings };
}

/**
 * The AWS side of an Aurora/RDS source, stack `<name>-aws`. Top-level construct IDs (public API):
 * `aws` (provider), `<source name>` (`AuroraSource` or `RdsSource`, with its `Alarms`), and the outputs
 * `parameter_group_name`, `parameter_group_family`, `parameters`, `reboot_required`, and by network
 * mode `security_group_id` + `allowed_cidrs` + `clickpipes_ip_region`, or
 * `privatelink_resource_configuration_id` + `privatelink_resource_share_arn`; with `iamAuth` and a
 * `clickpipe`, `<source name>-clickpipes-iam` (`ClickPipesIamRole`) and the output `clickpipes_iam_role_arn`.
 *
 * Given a raw config, the stack validates it once; given a source `validateApp` validated (what
 * `buildApp` passes), it does not validate again.
 */
export class AwsSourceAwsStack extends TerraformStack {
  public readonly source: AwsSourceBase;
  /** The role ClickPipes assumes, with `iamAuth` and a `clickpipe`. */
  public readonly clickPipesIamRole?: ClickPipesIamRole;

  constructor(scope: Construct, input: AwsSourceConfig | ValidatedAwsSourceConfig, defaultBackend?: BackendSpec) {
    const { v, warnings } = validatedAwsConfig(input, defaultBackend);
    const config = v.config;
    const name = `${config.name}${AWS_STACK_SUFFIX}`;
    super(scope, name);
    reportWarnings(this, warnings);
    applyBackend(this, name, config.backend ?? defaultBackend);
    new AwsProvider(this, PROVIDER_IDS.AWS, { region: config.awsRegion });
    this.source = config.kind === SourceKind.AURORA ? new AuroraSource(this, config.name, { validated: v.source }) : new RdsSource(this, config.name, { validated: v.source });
    const r = this.source.resolved;

    const out = (id: string, value: unknown, description: string) => output(this, id, value, description);
    out(
      OUTPUT_IDS.PARAMETER_GROUP_NAME,
      this.source.parameterGroup.name,
      r.engine === AwsEngine.AURORA_POSTGRESQL
        ? "Set it as db_cluster_parameter_group_name of the Aurora cluster (if this app does not manage the cluster)."
        : "Set it as parameter_group_name of the RDS instance (if this app does not manage the instance).",
    );
    out(OUTPUT_IDS.PARAMETER_GROUP_FAMILY, r.family, "Family of the parameter group (follows postgresVersion).");
    out(OUTPUT_IDS.PARAMETERS, Object.fromEntries(r.parameters.map((p) => [p.name, p.value])), "Parameters of the group.");
    out(OUTPUT_IDS.REBOOT_REQUIRED, this.source.rebootNotice, "The step Terraform does not do.");
    if (this.source.ipAllowList) {
      out(OUTPUT_IDS.SECURITY_GROUP_ID, this.source.ipAllowList.securityGroupId, "Security group holding the ClickPipes ingress rules (attach a new one to the database).");
      out(OUTPUT_IDS.ALLOWED_CIDRS, r.allowedCidrs, "CIDRs allowed on the database port.");
      if (r.clickPipesIps) out(OUTPUT_IDS.CLICKPIPES_IP_REGION, r.clickPipesIps.ipRegion, r.clickPipesIps.reason);
    }
    if (this.source.privateLink) {
      out(OUTPUT_IDS.PRIVATELINK_RESOURCE_CONFIGURATION_ID, this.source.privateLink.resourceConfigurationId, "ClickPipes reverse private endpoint: VPC resource configuration ID.");
      out(OUTPUT_IDS.PRIVATELINK_RESOURCE_SHARE_ARN, this.source.privateLink.resourceShareArn, "ClickPipes reverse private endpoint: VPC resource share ARN.");
    }
    if (r.iamAuth && config.clickpipe?.clickhouseServiceRoleArn !== undefined) {
      this.clickPipesIamRole = new ClickPipesIamRole(this, clickPipesIamRoleId(config.name), {
        engine: r.engine,
        dbIdentifier: dbIdentifier(r.engine, r.host, r.resourceArn)!,
        clickhouseServiceRoleArn: config.clickpipe.clickhouseServiceRoleArn,
        userName: r.userName,
        region: r.awsRegion,
        roleName: config.clickpipe.iamRoleName ?? defaultIamRoleName(config.name),
      });
      out(OUTPUT_IDS.CLICKPIPES_IAM_ROLE_ARN, this.clickPipesIamRole.roleArn, `IAM role ClickPipes assumes; variable ${CLICKPIPES_IAM_ROLE_ARN} of stack ${config.name}${DB_STACK_SUFFIX}.`);
    }
  }
}

/**
 * The database objects of an Aurora/RDS source, stack `<name>-db`. Top-level construct IDs
 * (public API): `postgresql` (provider), `db_host`, `clickpipes_password`, `postgres_admin_password`
 * (variables; with `monitoring` also `monitoring_password`), `<source name>` (`AwsSourceDatabase`), and the outputs `host`, `port`, `database`,
 * `user`, `publication`, `authentication`, `clickpipe_source_type`.
 *
 * Validation as in `AwsSourceAwsStack`: once for a raw config, not again for a validated one.
 */
export class AwsSourceDbStack extends TerraformStack {
  public readonly source: AwsSourceDatabase;

  constructor(scope: Construct, input: AwsSourceConfig | ValidatedAwsSourceConfig, defaultBackend?: BackendSpec) {
    const { v, warnings } = validatedAwsConfig(input, defaultBackend);
    const config = v.config;
    const name = `${config.name}${DB_STACK_SUFFIX}`;
    super(scope, name);
    reportWarnings(this, warnings);
    initStack(this, name, config.backend ?? defaultBackend);
    const engine = v.engine;
    const resolved = v.source.value;

    const host = new TerraformVariable(this, DB_HOST_VARIABLE, {
      type: "string",
      nullable: false,
      default: resolved.host,
      description:
        engine === AwsEngine.AURORA_POSTGRESQL
          ? "Aurora cluster WRITER endpoint address (no port), e.g. the endpoint attribute of aws_rds_cluster."
          : "RDS instance endpoint address (no port), e.g. the address attribute of aws_db_instance.",
    });
    // RDS/Aurora have no superuser: with superuser = true the provider reads pg_shadow and fails.
    const password = addDatabaseAccess(this, resolved, { host: host.stringValue, superuser: false });
    const monitoringPassword = addMonitoringPassword(this, resolved);
    const planRolePassword = addPlanRolePassword(this, resolved);
    this.source = new AwsSourceDatabase(this, config.name, { validated: v.source, password, monitoringPassword, planRolePassword });

    const out = (id: string, value: unknown, description: string) => output(this, id, value, description);
    addConnectionOutputs(this, {
      host: host.stringValue,
      hostDescription: "Host ClickPipes connects to (the WRITER endpoint).",
      port: resolved.port,
      database: resolved.database,
      user: this.source.user.roleName,
      publication: this.source.publication.publicationName,
    });
    out(OUTPUT_IDS.AUTHENTICATION, resolved.iamAuth ? "IAM_ROLE" : "basic", "ClickPipe authentication.");
    out(OUTPUT_IDS.CLICKPIPE_SOURCE_TYPE, engine === AwsEngine.AURORA_POSTGRESQL ? "aurorapostgres" : "rdspostgres", "ClickPipe Postgres source type.");

    if (config.clickpipe && v.clickpipe) {
      // PrivateLink: the -aws stack's outputs come in as variables, so this stack needs no state of the other.
      const privateLink =
        config.network?.mode === AwsNetworkMode.PRIVATELINK
          ? {
              resourceConfigurationId: new TerraformVariable(this, VARIABLE_IDS.PRIVATELINK_RESOURCE_CONFIGURATION_ID, {
                type: "string",
                nullable: false,
                description: `Output privatelink_resource_configuration_id of stack ${config.name}${AWS_STACK_SUFFIX}.`,
              }).stringValue,
              resourceShareArn: new TerraformVariable(this, VARIABLE_IDS.PRIVATELINK_RESOURCE_SHARE_ARN, {
                type: "string",
                nullable: false,
                description: `Output privatelink_resource_share_arn of stack ${config.name}${AWS_STACK_SUFFIX}.`,
              }).stringValue,
            }
          : undefined;
      addStackClickPipe(this, {
        sourceName: config.name,
        serviceId: config.clickpipe.serviceId,
        validated: v.clickpipe,
        source: this.source,
        password,
        host: host.stringValue,
        privateLink,
        iamRoleArn: resolved.iamAuth
          ? new TerraformVariable(this, CLICKPIPES_IAM_ROLE_ARN, {
              type: "string",
              nullable: false,
              description: `Output ${CLICKPIPES_IAM_ROLE_ARN} of stack ${config.name}${AWS_STACK_SUFFIX}.`,
            }).stringValue
          : undefined,
      });
    }
  }
}
