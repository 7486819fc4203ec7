import { AWS_REGIONS, isAwsRegion } from "../../aws-regions";
import { AwsSourceSpec } from "../../aws-types";
import { Rule } from "../../validation";

/** The AWS provider's region: a region AWS runs. */
export const awsRegionRule: Rule<AwsSourceSpec> = {
  id: "aws-region",
  summary: "awsRegion is a known AWS region",
  check: (s) => (isAwsRegion(s.awsRegion) ? [] : [{ field: "awsRegion", value: s.awsRegion, allowed: `an AWS region: ${AWS_REGIONS.join(", ")}` }]),
};
