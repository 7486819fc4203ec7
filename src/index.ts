/**
 * Public API of cdktf-clickpipes-postgres. Everything exported here is semver-stable, and so are
 * the construct IDs documented on each construct (they derive Terraform addresses).
 */
export * from "./model/types";
export * from "./model/defaults";
export * from "./model/validation";
export * from "./model/validate";
export * from "./model/clickpipes-ips";
export * from "./model/server-setup";
export * from "./model/backend";
export * from "./model/app-config";
export { SOURCE_RULES, isCidr, isAnyAddress, isPort, SOURCE_NAME_PATTERN } from "./model/rules";
export { identifierProblem, MAX_IDENTIFIER_BYTES } from "./model/identifiers";
export { renderServerSetup, ServerSetupFiles as RenderedServerSetupFiles } from "./render/server-setup";
export { applyBackend } from "./backend";
export * from "./postgres/clickpipes-user";
export * from "./postgres/grants";
export * from "./postgres/publication";
export * from "./postgres/source-objects";
export * from "./postgres/server-setup-files";
export * from "./postgres/generic-source";
export * from "./model/aws-types";
export * from "./model/aws";
export { AWS_REGIONS, isAwsRegion } from "./model/aws-regions";
export { AURORA_SOURCE_RULES, RDS_SOURCE_RULES, awsRules, awsSourceRules, SECURITY_GROUP_ID, IP_ALLOW_LIST_RULES, PRIVATELINK_RULES } from "./model/rules/aws";
export { APP_RULES } from "./model/rules/app";
export * from "./aws/parameter-group";
export * from "./aws/ip-allow-list";
export * from "./aws/privatelink";
export { AwsSourceBase, AwsSourceProps, ManagedDatabaseView, ValidatedAwsSourceProps } from "./aws/aws-source";
export * from "./aws/aurora-source";
export * from "./aws/rds-source";
export * from "./aws/database-objects";
export * from "./model/clickpipe";
export { CLICKPIPE_RULES } from "./model/rules/pipe";
export * from "./clickhouse/clickpipe";
export { ClickhouseProvider } from "./internal/tf";
export type { ClickhouseProviderConfig } from "./internal/tf";
export * from "./verify";
