import { AwsEngine, AwsSourceSpec } from "../../aws-types";
import { alarmDbIdentifier, DB_IDENTIFIER } from "../../cloudwatch-alarms";
import { Rule } from "../../validation";
import { refusedEndpoint } from "./aws-endpoint";

/**
 * With alarms on, the alarms' dimension needs the DB cluster (Aurora) or instance (RDS) identifier:
 * `alarms.dbIdentifier`, or one derived from `resourceArn` or an `*.rds.amazonaws.com` host.
 */
export function alarmDbIdentifierRule(engine: AwsEngine): Rule<AwsSourceSpec> {
  const what = engine === AwsEngine.AURORA_POSTGRESQL ? "DB cluster identifier" : "DB instance identifier";
  return {
    id: "alarm-db-identifier",
    summary: `alarms on: the ${what} of the alarms' dimension is given or derivable (alarms.dbIdentifier, resourceArn, or the RDS endpoint in host)`,
    check: (s) => {
      const a = s.alarms;
      if (a?.enabled === false || (a !== undefined && (typeof a !== "object" || a === null))) return [];
      const given = a?.dbIdentifier;
      if (given !== undefined) {
        // A Terraform reference (the identifier of a cluster/instance the same app manages) is checked by AWS at apply.
        if (typeof given === "string" && (DB_IDENTIFIER.test(given) || given.includes("${"))) return [];
        return [{ field: "alarms.dbIdentifier", value: given, allowed: `a ${what}: a letter, then letters, digits and single hyphens, at most 63 characters` }];
      }
      // A host refused outright (reader or proxy endpoint) is reported by its own rule, once.
      if (typeof s.host !== "string" || refusedEndpoint(s.host) !== undefined) return [];
      if (alarmDbIdentifier(engine, { host: s.host, resourceArn: s.resourceArn }) !== undefined) return [];
      return [
        {
          field: "alarms.dbIdentifier",
          value: undefined,
          allowed: `the ${what} the CloudWatch alarms watch: set alarms.dbIdentifier (host ${JSON.stringify(s.host)} and resourceArn name none), or alarms.enabled = false`,
        },
      ];
    },
  };
}
