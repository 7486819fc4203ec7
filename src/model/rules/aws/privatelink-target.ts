import { AwsNetworkMode, AwsSourceSpec } from "../../aws-types";
import { CloudProvider } from "../../types";
import { Rule, RuleFinding } from "../../validation";

/**
 * PrivateLink (VPC resource) works only in the ClickHouse service's own AWS region, needs the
 * database's ARN, and AWS refuses a resource configuration for a publicly accessible database.
 */
export const privateLinkTargetRule: Rule<AwsSourceSpec> = {
  id: "privatelink-target",
  summary: "privatelink mode: a private database, its ARN, and a ClickHouse service on AWS in awsRegion",
  check: (s) => {
    if (s.network?.mode !== AwsNetworkMode.PRIVATELINK) return [];
    const out: RuleFinding[] = [];
    if (s.publiclyAccessible === true) {
      out.push({
        field: "publiclyAccessible",
        value: true,
        allowed: "false for privatelink (AWS refuses a resource configuration for a publicly accessible database); make it private or use the ip-allow-list mode",
      });
    }
    const arn = s.resourceArn;
    // A Terraform reference (`${...}`, e.g. the ARN of a cluster the same app manages) is checked by AWS at apply.
    if (!(typeof arn === "string" && (/^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:(cluster|db):.+$/.test(arn) || arn.includes("${")))) {
      out.push({
        field: "resourceArn",
        value: s.resourceArn,
        allowed: "the cluster (arn:aws:rds:<region>:<account>:cluster:<id>) or instance (...:db:<id>) ARN, or pass the cluster/instance to the construct",
      });
    }
    if (s.clickhouse?.cloud !== CloudProvider.AWS || s.clickhouse?.region !== s.awsRegion) {
      out.push({
        field: "clickhouse.region",
        value: `${s.clickhouse?.cloud}/${s.clickhouse?.region}`,
        allowed: `aws/${s.awsRegion} (PrivateLink to a VPC resource is same-region only; use the ip-allow-list mode across regions)`,
      });
    }
    return out;
  },
};
