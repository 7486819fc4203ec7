import { AwsNetworkMode, AwsSourceSpec } from "../../aws-types";
import { AWS_VPC_ID } from "../../patterns";
import { Rule } from "../../validation";

/** IP allow list: the rules go on an existing group or on a new one in a VPC, never both, never neither. */
export const securityGroupTargetRule: Rule<AwsSourceSpec> = {
  id: "security-group-target",
  summary: "ip-allow-list mode names exactly one of network.securityGroupId (existing group) and network.vpcId (new group)",
  check: (s) => {
    const n = s.network;
    if ((n?.mode ?? AwsNetworkMode.IP_ALLOW_LIST) !== AwsNetworkMode.IP_ALLOW_LIST) return [];
    const hasSg = n?.securityGroupId !== undefined;
    const hasVpc = n?.vpcId !== undefined;
    if (hasSg && hasVpc) {
      return [{ field: "network.vpcId", value: n!.vpcId, allowed: "unset when network.securityGroupId is set (exactly one of: an existing security group, or a VPC for a new one)" }];
    }
    if (!hasSg && !hasVpc) {
      return [{ field: "network.securityGroupId", value: undefined, allowed: "an existing security group id, or network.vpcId for a new dedicated group (exactly one of the two)" }];
    }
    if (hasVpc && !(typeof n!.vpcId === "string" && AWS_VPC_ID.test(n!.vpcId))) {
      return [{ field: "network.vpcId", value: n!.vpcId, allowed: "a VPC id: vpc- followed by 8 or 17 lower-case hex digits" }];
    }
    return [];
  },
};
