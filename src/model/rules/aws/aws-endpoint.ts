import { AwsSourceSpec } from "../../aws-types";
import { Rule } from "../../validation";

/** What a refused endpoint must be instead, or undefined when `host` is not a reader or RDS Proxy endpoint. */
export function refusedEndpoint(host: unknown): string | undefined {
  const h = typeof host === "string" ? host : "";
  if (/\.cluster-ro-[a-z0-9]+\./.test(h)) return "the cluster WRITER endpoint (<cluster>.cluster-<id>.<region>.rds.amazonaws.com): slots are created on the primary";
  if (/\.proxy-[a-z0-9]+\./.test(h)) return "the cluster or instance endpoint: RDS Proxy does not support logical replication connections";
  return undefined;
}

/** Logical replication needs the primary: never a reader endpoint or an RDS Proxy. */
export const awsEndpointRule: Rule<AwsSourceSpec> = {
  id: "aws-endpoint",
  summary: "host is not an Aurora reader endpoint (cluster-ro-) nor an RDS Proxy endpoint (proxy-)",
  check: (s) => {
    const allowed = refusedEndpoint(s.host);
    return allowed === undefined ? [] : [{ field: "host", value: s.host, allowed }];
  },
};
