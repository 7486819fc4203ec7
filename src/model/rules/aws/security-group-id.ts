import { AwsSourceSpec } from "../../aws-types";
import { Rule, RuleFinding } from "../../validation";

/** `sg-` followed by 8 (old) or 17 (current) lower-case hex digits. */
export const SECURITY_GROUP_ID = /^sg-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** Security group ids are well-formed. */
export const securityGroupIdRule: Rule<AwsSourceSpec> = {
  id: "security-group-id",
  summary: "network.securityGroupId and network.privateLink.securityGroupIds are sg- followed by 8 or 17 hex digits",
  check: (s) => {
    const out: RuleFinding[] = [];
    const allowed = "a security group id: sg- followed by 8 or 17 lower-case hex digits (sg-0123456789abcdef0)";
    const id = s.network?.securityGroupId;
    if (id !== undefined && !(typeof id === "string" && SECURITY_GROUP_ID.test(id))) out.push({ field: "network.securityGroupId", value: id, allowed });
    (s.network?.privateLink?.securityGroupIds ?? []).forEach((g, i) => {
      if (!(typeof g === "string" && SECURITY_GROUP_ID.test(g))) out.push({ field: `network.privateLink.securityGroupIds[${i}]`, value: g, allowed });
    });
    return out;
  },
};
