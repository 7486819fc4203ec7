/**
 * The rule tables of the AWS sources: every generic rule (`SOURCE_RULES`), then the AWS rules,
 * one per file. Aurora and RDS differ only in the engine the rules are built for.
 */
import { AwsEngine, AwsSourceSpec } from "../../aws-types";
import { Rule } from "../../validation";
import { cidrRule } from "../cidr";
import { SOURCE_RULES } from "../index";
import { openToWorldRule } from "../open-to-world";
import { alarmDbIdentifierRule } from "./alarm-db-identifier";
import { alarmSnsTopicRule } from "./alarm-sns-topic";
import { alarmThresholdsRule } from "./alarm-thresholds";
import { awsPortRule } from "./aws-port";
import { awsRegionRule } from "./aws-region";
import { awsEndpointRule } from "./aws-endpoint";
import { engineMajorRule } from "./engine-major";
import { engineSettingsRule } from "./engine-settings";
import { engineVersionRule } from "./engine-version";
import { extraParametersRule } from "./extra-parameters";
import { networkModeRule } from "./network-mode";
import { privateLinkSubnetsRule } from "./privatelink-subnets";
import { privateLinkTargetRule } from "./privatelink-target";
import { securityGroupIdRule } from "./security-group-id";
import { securityGroupTargetRule } from "./security-group-target";
import { walSenderTimeoutRule } from "./wal-sender-timeout";

/** The AWS rules of one engine (without the generic ones). */
export function awsRules(engine: AwsEngine): Rule<AwsSourceSpec>[] {
  return [
    engineMajorRule(engine),
    engineVersionRule,
    awsRegionRule,
    awsPortRule,
    awsEndpointRule,
    networkModeRule,
    securityGroupIdRule,
    securityGroupTargetRule,
    privateLinkSubnetsRule,
    privateLinkTargetRule,
    walSenderTimeoutRule,
    extraParametersRule(engine),
    engineSettingsRule(engine),
    alarmThresholdsRule,
    alarmSnsTopicRule,
    alarmDbIdentifierRule(engine),
  ];
}

/** Every rule an Aurora PostgreSQL source is checked against. */
export const AURORA_SOURCE_RULES: readonly Rule<AwsSourceSpec>[] = [...SOURCE_RULES, ...awsRules(AwsEngine.AURORA_POSTGRESQL)];
/** Every rule an RDS for PostgreSQL source is checked against. */
export const RDS_SOURCE_RULES: readonly Rule<AwsSourceSpec>[] = [...SOURCE_RULES, ...awsRules(AwsEngine.RDS_POSTGRESQL)];

/** The rule table of an engine. */
export function awsSourceRules(engine: AwsEngine): readonly Rule<AwsSourceSpec>[] {
  return engine === AwsEngine.AURORA_POSTGRESQL ? AURORA_SOURCE_RULES : RDS_SOURCE_RULES;
}

/**
 * The rules of the network path (security group ingress or PrivateLink) and of the CloudWatch
 * alarms: only the `-aws` half (`AuroraSource`/`RdsSource`) uses `network` and `alarms`, so
 * `AwsSourceDatabase` (the `-db` half) skips them.
 */
const AWS_SIDE_RULE_IDS: ReadonlySet<string> = new Set(
  [
    networkModeRule,
    securityGroupIdRule,
    securityGroupTargetRule,
    privateLinkSubnetsRule,
    privateLinkTargetRule,
    alarmThresholdsRule,
    alarmSnsTopicRule,
    alarmDbIdentifierRule(AwsEngine.AURORA_POSTGRESQL),
  ].map((r) => r.id),
);
const AURORA_DATABASE_RULES = AURORA_SOURCE_RULES.filter((r) => !AWS_SIDE_RULE_IDS.has(r.id));
const RDS_DATABASE_RULES = RDS_SOURCE_RULES.filter((r) => !AWS_SIDE_RULE_IDS.has(r.id));

/** The rule table of an engine's database half (`AwsSourceDatabase`): every rule but the network and alarm ones. */
export function awsDatabaseRules(engine: AwsEngine): readonly Rule<AwsSourceSpec>[] {
  return engine === AwsEngine.AURORA_POSTGRESQL ? AURORA_DATABASE_RULES : RDS_DATABASE_RULES;
}

/**
 * The rules `ClickPipesIpAllowList` runs on its own props when used without a validated spec (its
 * props mapped onto `network`, `port`): CIDRs, the whole internet, port, security group or VPC.
 */
export const IP_ALLOW_LIST_RULES: readonly Rule<AwsSourceSpec>[] = [cidrRule, openToWorldRule, awsPortRule, securityGroupIdRule, securityGroupTargetRule];

/** The rules `ClickPipesPrivateLink` runs on its own props when used without a validated spec. */
export const PRIVATELINK_RULES: readonly Rule<AwsSourceSpec>[] = [privateLinkSubnetsRule, securityGroupIdRule];

export { SECURITY_GROUP_ID } from "./security-group-id";
