import { Construct } from "constructs";
import { TerraformProvider } from "../tf/tf";
import { RamPrincipalAssociation, RamResourceAssociation, RamResourceShare, VpclatticeResourceConfiguration, VpclatticeResourceGateway } from "../tf/tf-aws";
import { reportWarnings } from "../tf/annotations";
import { CLICKPIPES_AWS_ACCOUNT, latticeName } from "../model/aws";
import { AwsNetworkMode, AwsSourceSpec } from "../model/aws-types";
import { PRIVATELINK_RULES } from "../model/rules/aws";
import { requireValidated, validateProps, ValidatedAwsSource } from "../model/validate";
import { PRIVATE_LINK_IDS } from "../model/construct-ids";
import { refuseUnknownProps } from "../model/known-keys";

export interface ClickPipesPrivateLinkProps {
  /** Base of the VPC Lattice and RAM names (the source name; lower-cased and trimmed to fit). */
  readonly name: string;
  /** ARN of the Aurora cluster or RDS instance. */
  readonly resourceArn: string;
  /** VPC of the resource gateway. */
  readonly vpcId: string;
  /** Subnets of the resource gateway (at least one; each at least /26). */
  readonly subnetIds: readonly string[];
  /**
   * Security groups of the resource gateway.
   * @default - none (the VPC's default group)
   */
  readonly securityGroupIds?: readonly string[];
  /**
   * Principal the share goes to.
   * @default "072088201116" (ClickPipes)
   */
  readonly principal?: string;
  /**
   * Provider to use.
   * @default - the stack's default aws provider
   */
  readonly provider?: TerraformProvider;
}

/** Props from a source already validated (what `AuroraSource`/`RdsSource` pass): everything comes from it. */
export interface ValidatedPrivateLinkProps {
  /** The validated, resolved Aurora/RDS spec in privatelink mode. */
  readonly validated: ValidatedAwsSource;
  /**
   * Provider to use.
   * @default - the stack's default aws provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * AWS PrivateLink to a database for ClickPipes (VPC resource, same region): a VPC Lattice resource
 * gateway, a resource configuration of type ARN pointing at the database, and a RAM share with
 * external principals allowed, holding the configuration and shared with ClickPipes.
 *
 * The ARN-type configuration carries no `port_ranges` or `protocol`: for an RDS/Aurora ARN, AWS
 * derives the endpoint and the Postgres port from the database itself, and the provider's schema
 * (hashicorp/aws 6.x) rejects `port_ranges`/`protocol` together with `arn_resource`.
 *
 * Raw props are checked once by the rules of the tree (`PRIVATELINK_RULES`: privatelink-subnets,
 * security-group-id); props with a `validated` spec are not.
 *
 * Construct IDs below this one (public API): `ResourceGateway`, `ResourceConfiguration`,
 * `ResourceShare`, `ResourceAssociation`, `PrincipalAssociation`.
 */
export class ClickPipesPrivateLink extends Construct {
  public readonly resourceGateway: VpclatticeResourceGateway;
  public readonly resourceConfiguration: VpclatticeResourceConfiguration;
  public readonly resourceShare: RamResourceShare;
  /** What ClickPipes asks for: the resource configuration ID (`rcfg-...`). */
  public readonly resourceConfigurationId: string;
  /** What ClickPipes asks for: the RAM resource share ARN. */
  public readonly resourceShareArn: string;

  constructor(scope: Construct, id: string, input: ClickPipesPrivateLinkProps | ValidatedPrivateLinkProps) {
    super(scope, id);
    refuseUnknownProps("validated" in input ? "ValidatedPrivateLink" : "ClickPipesPrivateLink", input, this.node.path);
    let props: ClickPipesPrivateLinkProps;
    if ("validated" in input) {
      const r = requireValidated(input.validated, "ClickPipesPrivateLink").value;
      if (r.privateLink === undefined || r.resourceArn === undefined) throw new TypeError("ClickPipesPrivateLink: the validated spec is not in privatelink mode");
      props = { provider: input.provider, name: r.name, resourceArn: r.resourceArn, ...r.privateLink };
    } else {
      props = input;
      const spec = {
        name: this.node.path,
        network: { mode: AwsNetworkMode.PRIVATELINK, privateLink: { vpcId: props.vpcId, subnetIds: props.subnetIds, securityGroupIds: props.securityGroupIds } },
      } as unknown as AwsSourceSpec; // the rules read only these fields
      reportWarnings(
        this,
        validateProps(spec, PRIVATELINK_RULES, (f) => f.replace(/^network\.privateLink\./, "")),
      );
    }
    const provider = props.provider;
    this.resourceGateway = new VpclatticeResourceGateway(this, PRIVATE_LINK_IDS.RESOURCE_GATEWAY, {
      provider,
      name: latticeName(props.name, "clickpipes-gw"),
      vpcId: props.vpcId,
      subnetIds: [...props.subnetIds].sort(),
      securityGroupIds: props.securityGroupIds && props.securityGroupIds.length > 0 ? [...props.securityGroupIds].sort() : undefined,
    });
    this.resourceConfiguration = new VpclatticeResourceConfiguration(this, PRIVATE_LINK_IDS.RESOURCE_CONFIGURATION, {
      provider,
      name: latticeName(props.name, "clickpipes"),
      type: "ARN",
      resourceGatewayIdentifier: this.resourceGateway.id,
      resourceConfigurationDefinition: [{ arnResource: [{ arn: props.resourceArn }] }],
    });
    this.resourceShare = new RamResourceShare(this, PRIVATE_LINK_IDS.RESOURCE_SHARE, {
      provider,
      name: latticeName(props.name, "clickpipes"),
      allowExternalPrincipals: true,
    });
    new RamResourceAssociation(this, PRIVATE_LINK_IDS.RESOURCE_ASSOCIATION, {
      provider,
      resourceArn: this.resourceConfiguration.arn,
      resourceShareArn: this.resourceShare.arn,
    });
    new RamPrincipalAssociation(this, PRIVATE_LINK_IDS.PRINCIPAL_ASSOCIATION, {
      provider,
      principal: props.principal ?? CLICKPIPES_AWS_ACCOUNT,
      resourceShareArn: this.resourceShare.arn,
    });
    this.resourceConfigurationId = this.resourceConfiguration.id;
    this.resourceShareArn = this.resourceShare.arn;
  }
}
