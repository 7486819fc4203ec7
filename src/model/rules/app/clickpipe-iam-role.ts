import { AppRuleInput, AuroraSourceConfig, hasKnownKind, RdsSourceConfig, SourceKind } from "../../app-config";
import { AwsEngine } from "../../aws-types";
import { CLICKPIPES_IAM_ROLE_PREFIX, dbIdentifier, defaultIamRoleName, IAM_ROLE_ARN, IAM_ROLE_NAME, IAM_ROLE_NAME_MAX } from "../../iam-auth";
import { Rule, RuleFinding } from "../../validation";

/**
 * IAM authentication of the pipe (Aurora/RDS with `iamAuth`): the ClickHouse service's role ARN is
 * given, the role name is valid, and the cluster / instance identifier can be read from
 * `resourceArn` or the endpoint host; the ARN is refused without `iamAuth`.
 */
export const clickpipeIamRoleRule: Rule<AppRuleInput> = {
  id: "clickpipe-iam-role",
  summary: "with iamAuth, clickpipe.clickhouseServiceRoleArn is an IAM role ARN and the cluster/instance identifier is known",
  check: (app) => {
    const out: RuleFinding[] = [];
    for (const s of (Array.isArray(app.sources) ? app.sources : []).filter(hasKnownKind)) {
      const p = s.clickpipe;
      if (p === undefined) continue;
      const source = s.name;
      const aws = s.kind === SourceKind.AURORA || s.kind === SourceKind.RDS;
      const iam = aws && (s as AuroraSourceConfig | RdsSourceConfig).iamAuth === true;
      if (!iam) {
        if (p.clickhouseServiceRoleArn !== undefined) {
          out.push({
            source,
            field: "clickpipe.clickhouseServiceRoleArn",
            value: p.clickhouseServiceRoleArn,
            allowed: aws ? "unset unless iamAuth is true (the pipe uses password authentication)" : "unset for a generic source (IAM database authentication is for Aurora/RDS)",
          });
        }
        continue;
      }
      const arn = p.clickhouseServiceRoleArn;
      if (typeof arn !== "string" || !IAM_ROLE_ARN.test(arn)) {
        out.push({
          source,
          field: "clickpipe.clickhouseServiceRoleArn",
          value: arn,
          allowed:
            'the ClickHouse service\'s IAM role ARN (service Settings, Network security information, "Service role ID (IAM)"), e.g. arn:aws:iam::123456789012:role/CH-S3-...-Role (required with iamAuth)',
        });
      }
      const roleName = p.iamRoleName ?? defaultIamRoleName(String(s.name));
      if (!IAM_ROLE_NAME.test(roleName)) {
        out.push({
          source,
          field: "clickpipe.iamRoleName",
          value: roleName,
          allowed: `an IAM role name: at most ${IAM_ROLE_NAME_MAX} letters, digits or +=,.@_- (the default "${CLICKPIPES_IAM_ROLE_PREFIX}<source name>" is too long for this source; set iamRoleName)`,
        });
      }
      const a = s as AuroraSourceConfig | RdsSourceConfig;
      const engine = s.kind === SourceKind.AURORA ? AwsEngine.AURORA_POSTGRESQL : AwsEngine.RDS_POSTGRESQL;
      if (dbIdentifier(engine, a.host, a.resourceArn) === undefined) {
        out.push({
          source,
          field: a.resourceArn !== undefined ? "resourceArn" : "host",
          value: a.resourceArn ?? a.host,
          allowed:
            s.kind === SourceKind.AURORA
              ? "with iamAuth, the cluster's ARN (arn:aws:rds:<region>:<account>:cluster:<id>) or its writer endpoint <id>.cluster-<hash>.<region>.rds.amazonaws.com, so the role's rds-db:connect names this cluster"
              : "with iamAuth, the instance's ARN (arn:aws:rds:<region>:<account>:db:<id>) or its endpoint <id>.<hash>.<region>.rds.amazonaws.com, so the role's rds-db:connect names this instance",
        });
      }
    }
    return out;
  },
};
