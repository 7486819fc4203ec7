import { AWS_MAX_PORT, AWS_MIN_PORT } from "../../aws";
import { AwsSourceSpec } from "../../aws-types";
import { Rule } from "../../validation";

/** Aurora and RDS listen on ports 1150-65535 only. */
export const awsPortRule: Rule<AwsSourceSpec> = {
  id: "aws-port",
  summary: `port is from ${AWS_MIN_PORT} to ${AWS_MAX_PORT} (the ports Aurora and RDS accept)`,
  check: (s) =>
    s.port === undefined || (typeof s.port === "number" && Number.isInteger(s.port) && s.port >= AWS_MIN_PORT && s.port <= AWS_MAX_PORT)
      ? []
      : [{ field: "port", value: s.port, allowed: `an integer from ${AWS_MIN_PORT} to ${AWS_MAX_PORT} (the ports Aurora and RDS accept)` }],
};
