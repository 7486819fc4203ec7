import { Construct } from "constructs";
import { reportWarnings } from "../tf/annotations";
import { TerraformProvider } from "../tf/tf";
import { SecurityGroup, VpcSecurityGroupIngressRule } from "../tf/tf-aws";
import { AwsNetworkMode, AwsSourceSpec } from "../model/aws-types";
import { IP_ALLOW_LIST_RULES } from "../model/rules/aws";
import { requireValidated, validateProps, ValidatedAwsSource } from "../model/validate";
import { parseCidr } from "../model/cidr";
import { IP_ALLOW_LIST_IDS, ingressRuleId } from "../model/construct-ids";
import { refuseUnknownProps } from "../model/known-keys";

/** Construct ID of the rule for a CIDR (defined with the other construct IDs in `model/construct-ids`). */
export { ingressRuleId };

export interface ClickPipesIpAllowListProps {
  /**
   * CIDRs ClickPipes connects from (usually the region's static IPs as /32), in any spelling: each
   * is normalized (`model/cidr.ts`) and listed once; one with host bits set is refused.
   */
  readonly cidrs: readonly string[];
  /** Database port the rules open. */
  readonly port: number;
  /**
   * Existing security group that gets the rules. Exactly one of `securityGroupId` and `vpcId`.
   * @default - none (then `vpcId` is required)
   */
  readonly securityGroupId?: string;
  /**
   * VPC in which to create a dedicated security group for the rules. Exactly one of `securityGroupId` and `vpcId`.
   * @default - none (then `securityGroupId` is required)
   */
  readonly vpcId?: string;
  /**
   * Allow `0.0.0.0/0` or `::/0` in `cidrs` (the whole internet).
   * @default false
   */
  readonly allowAnyAddress?: boolean;
  /**
   * `name_prefix` of the dedicated security group.
   * @default "clickpipes-"
   */
  readonly namePrefix?: string;
  /**
   * Description of each rule.
   * @default "ClickPipes CDC"
   */
  readonly description?: string;
  /**
   * Provider to use.
   * @default - the stack's default aws provider
   */
  readonly provider?: TerraformProvider;
}

/** Props from a source already validated (what `AuroraSource`/`RdsSource` pass): CIDRs, port, group or VPC come from it. */
export interface ValidatedIpAllowListProps {
  /** The validated, resolved Aurora/RDS spec. */
  readonly validated: ValidatedAwsSource;
  /**
   * `name_prefix` of the dedicated security group.
   * @default "clickpipes-"
   */
  readonly namePrefix?: string;
  /**
   * Description of each rule.
   * @default "ClickPipes CDC"
   */
  readonly description?: string;
  /**
   * Provider to use.
   * @default - the stack's default aws provider
   */
  readonly provider?: TerraformProvider;
}

/** The props' names for the spec fields the rules report. */
function propField(specField: string): string {
  return specField.replace(/^network\.allowedCidrs/, "cidrs").replace(/^network\./, "");
}

/**
 * One `aws_vpc_security_group_ingress_rule` per CIDR on the database port (the resource AWS
 * recommends; do not mix it with inline rules or `aws_security_group_rule` on the same group).
 *
 * Raw props are checked once by the rules of the tree (`IP_ALLOW_LIST_RULES`: cidr, open-to-world,
 * aws-port, security-group-id, security-group-target); props with a `validated` spec are not.
 *
 * Construct IDs below this one (public API): `SecurityGroup` (only with `vpcId`) and one
 * `Ingress-<ip>` per CIDR (see `ingressRuleId`). Rules are keyed by address, not by position, so
 * a change to the IP list adds and removes only the rules of the changed addresses.
 */
export class ClickPipesIpAllowList extends Construct {
  /** The group the rules are on (the given one or the new one). */
  public readonly securityGroupId: string;
  /** The new dedicated group, when `vpcId` was given. */
  public readonly securityGroup?: SecurityGroup;
  public readonly rules: VpcSecurityGroupIngressRule[] = [];

  constructor(scope: Construct, id: string, input: ClickPipesIpAllowListProps | ValidatedIpAllowListProps) {
    super(scope, id);
    refuseUnknownProps("validated" in input ? "ValidatedIpAllowList" : "ClickPipesIpAllowList", input, this.node.path);
    let props: ClickPipesIpAllowListProps;
    if ("validated" in input) {
      const r = requireValidated(input.validated, "ClickPipesIpAllowList").value;
      props = { ...input, cidrs: r.allowedCidrs, port: r.port, securityGroupId: r.securityGroupId, vpcId: r.vpcId };
    } else {
      props = input;
      const spec = {
        name: this.node.path,
        port: props.port,
        network: {
          mode: AwsNetworkMode.IP_ALLOW_LIST,
          securityGroupId: props.securityGroupId,
          vpcId: props.vpcId,
          allowedCidrs: props.cidrs,
          allowAnyAddress: props.allowAnyAddress,
        },
      } as unknown as AwsSourceSpec; // the rules read only these fields
      reportWarnings(this, validateProps(spec, IP_ALLOW_LIST_RULES, propField));
    }
    if (props.vpcId !== undefined) {
      this.securityGroup = new SecurityGroup(this, IP_ALLOW_LIST_IDS.SECURITY_GROUP, {
        provider: props.provider,
        namePrefix: props.namePrefix ?? "clickpipes-",
        description: "ClickPipes CDC access to PostgreSQL",
        vpcId: props.vpcId,
        lifecycle: { createBeforeDestroy: true },
      });
      this.securityGroupId = this.securityGroup.id;
    } else {
      this.securityGroupId = props.securityGroupId!;
    }
    // Checked above by the cidr and open-to-world rules (or, with `validated`, by the source's table):
    // every entry parses. The rules are keyed by the canonical network.
    const canonical = props.cidrs.map((text) => {
      const p = parseCidr(text);
      if (!p.ok) throw new TypeError(`ClickPipesIpAllowList: unchecked CIDR ${JSON.stringify(text)}`);
      return p.cidr;
    });
    for (const cidr of [...new Set(canonical.map((c) => c.text))].sort()) {
      const v6 = cidr.includes(":");
      this.rules.push(
        new VpcSecurityGroupIngressRule(this, ingressRuleId(cidr), {
          provider: props.provider,
          securityGroupId: this.securityGroupId,
          ipProtocol: "tcp",
          fromPort: props.port,
          toPort: props.port,
          cidrIpv4: v6 ? undefined : cidr,
          cidrIpv6: v6 ? cidr : undefined,
          description: props.description ?? "ClickPipes CDC",
        }),
      );
    }
  }
}
