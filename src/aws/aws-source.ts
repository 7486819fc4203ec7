import { Construct } from "constructs";
import { TerraformProvider, Token } from "../internal/tf";
import { awsNamePrefix, rebootNotice, resolveAwsSource, ResolvedAwsSource } from "../model/aws";
import { AwsEngine, AwsNetworkMode, AwsSourceSpec } from "../model/aws-types";
import { awsSourceRules } from "../model/rules/aws";
import { assertValid, WarningSink } from "../model/validation";
import { ClickPipesIpAllowList } from "./ip-allow-list";
import { ClickPipesParameterGroup, ParameterGroupKind } from "./parameter-group";
import { ClickPipesPrivateLink } from "./privatelink";
import { SOURCE_IDS } from "../model/construct-ids";

/** Props every AWS-side source construct takes. */
export interface AwsSourceProps extends AwsSourceSpec {
  /**
   * Provider to use.
   * @default - the stack's default aws provider
   */
  readonly provider?: TerraformProvider;
  /**
   * Where synth warnings go.
   * @default - standard error
   */
  readonly warn?: WarningSink;
}

/** What the AWS-side construct can see of a cluster or instance the same app manages. */
export interface ManagedDatabaseView {
  /** ARN (a reference). */
  readonly arn: string;
  /** Engine version as configured, when it is a literal. */
  readonly engineVersion?: string;
  /** Port as configured, when it is a literal. */
  readonly port?: number;
  /** True when an instance is configured with `publicly_accessible = true` (a literal). */
  readonly publiclyAccessible: boolean;
}

/** The literal value of an input, or undefined when it is unset or a Terraform reference. */
export function literal<T>(value: T | unknown): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object" || (typeof value === "string" && Token.isUnresolved(value)) || (typeof value === "number" && Token.isUnresolved(value))) {
    return undefined;
  }
  return value as T;
}

/**
 * The AWS side of an Aurora or RDS source (shared by `AuroraSource` and `RdsSource`): the
 * parameter group and the network path ClickPipes takes.
 *
 * Construct IDs below this one (public API): `ParameterGroup` (see `ClickPipesParameterGroup`),
 * and, by network mode, `IpAllowList` (see `ClickPipesIpAllowList`) or `PrivateLink` (see
 * `ClickPipesPrivateLink`).
 */
export abstract class AwsSourceBase extends Construct {
  public readonly resolved: ResolvedAwsSource;
  public readonly parameterGroup: ClickPipesParameterGroup;
  public readonly ipAllowList?: ClickPipesIpAllowList;
  public readonly privateLink?: ClickPipesPrivateLink;
  /** What Terraform will not do (the reboot), one sentence. */
  public readonly rebootNotice: string;

  protected constructor(scope: Construct, id: string, engine: AwsEngine, props: AwsSourceProps, managed?: ManagedDatabaseView) {
    super(scope, id);
    // What the construct sees of a managed database fills the spec's gaps and is validated with it.
    const spec: AwsSourceSpec = {
      ...props,
      resourceArn: props.resourceArn ?? managed?.arn,
      engineVersion: props.engineVersion ?? managed?.engineVersion,
      port: props.port ?? managed?.port,
      publiclyAccessible: props.publiclyAccessible === true || managed?.publiclyAccessible === true ? true : props.publiclyAccessible,
    };
    assertValid<AwsSourceSpec>(spec, awsSourceRules(engine), props.warn);
    this.resolved = resolveAwsSource(engine, spec);
    const r = this.resolved;
    const provider = props.provider;

    this.parameterGroup = new ClickPipesParameterGroup(this, SOURCE_IDS.PARAMETER_GROUP, {
      provider,
      kind: engine === AwsEngine.AURORA_POSTGRESQL ? ParameterGroupKind.CLUSTER : ParameterGroupKind.INSTANCE,
      family: r.family,
      parameters: r.parameters,
      namePrefix: awsNamePrefix(r.name, "clickpipes"),
      description: r.parameterGroupDescription,
    });
    this.rebootNotice = rebootNotice(engine);

    if (r.networkMode === AwsNetworkMode.IP_ALLOW_LIST) {
      this.ipAllowList = new ClickPipesIpAllowList(this, SOURCE_IDS.IP_ALLOW_LIST, {
        provider,
        cidrs: r.allowedCidrs,
        port: r.port,
        securityGroupId: r.securityGroupId,
        vpcId: r.vpcId,
        namePrefix: awsNamePrefix(r.name, "clickpipes"),
        description: r.clickPipesIps ? `ClickPipes CDC (${r.clickPipesIps.ipRegion} static IP)` : "ClickPipes CDC",
      });
    } else if (r.networkMode === AwsNetworkMode.PRIVATELINK) {
      const pl = r.privateLink!;
      this.privateLink = new ClickPipesPrivateLink(this, SOURCE_IDS.PRIVATE_LINK, {
        provider,
        name: r.name,
        resourceArn: r.resourceArn!,
        vpcId: pl.vpcId,
        subnetIds: pl.subnetIds,
        securityGroupIds: pl.securityGroupIds,
        principal: pl.principal,
      });
    }
  }
}
