import { Construct } from "constructs";
import { SecurityGroup, TerraformProvider, VpcSecurityGroupIngressRule } from "../internal/tf";
import { parseCidr } from "../model/cidr";
import { IP_ALLOW_LIST_IDS, ingressRuleId } from "../model/construct-ids";
import { Severity, ValidationError } from "../model/validation";

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

/**
 * One `aws_vpc_security_group_ingress_rule` per CIDR on the database port (the resource AWS
 * recommends; do not mix it with inline rules or `aws_security_group_rule` on the same group).
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

  constructor(scope: Construct, id: string, props: ClickPipesIpAllowListProps) {
    super(scope, id);
    if ((props.securityGroupId === undefined) === (props.vpcId === undefined)) {
      throw new ValidationError([
        {
          rule: "security-group-target",
          source: this.node.path,
          severity: Severity.ERROR,
          field: "securityGroupId",
          value: props.securityGroupId ?? null,
          allowed: `exactly one of securityGroupId and vpcId (vpcId is ${props.vpcId === undefined ? "unset" : JSON.stringify(props.vpcId)})`,
        },
      ]);
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
    const canonical = props.cidrs.map((text, i) => {
      const p = parseCidr(text);
      if (p.ok) return p.cidr;
      throw new ValidationError([
        {
          rule: "cidr",
          source: this.node.path,
          severity: Severity.ERROR,
          field: `cidrs[${i}]`,
          value: text,
          allowed: p.error.suggestion
            ? `a network without host bits: use ${p.error.suggestion} (this one ${p.error.reason})`
            : `an IPv4 or IPv6 CIDR such as 203.0.113.7/32 (this one ${p.error.reason})`,
        },
      ]);
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
