import { AwsSourceSpec } from "../../aws-types";
import { Rule } from "../../validation";

/** Logical replication needs the primary: never a reader endpoint or an RDS Proxy. */
export const awsEndpointRule: Rule<AwsSourceSpec> = {
  id: "aws-endpoint",
  summary: "host is not an Aurora reader endpoint (cluster-ro-) nor an RDS Proxy endpoint (proxy-)",
  check: (s) => {
    const h = typeof s.host === "string" ? s.host : "";
    if (/\.cluster-ro-[a-z0-9]+\./.test(h)) {
      return [{ field: "host", value: h, allowed: "the cluster WRITER endpoint (<cluster>.cluster-<id>.<region>.rds.amazonaws.com): slots are created on the primary" }];
    }
    if (/\.proxy-[a-z0-9]+\./.test(h)) {
      return [{ field: "host", value: h, allowed: "the cluster or instance endpoint: RDS Proxy does not support logical replication connections" }];
    }
    return [];
  },
};
