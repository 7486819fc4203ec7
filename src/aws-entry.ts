/**
 * `cdktf-clickpipes-postgres/aws`: the Amazon Aurora PostgreSQL and RDS for PostgreSQL constructs and
 * stacks. They need the optional peer `@cdktf/provider-aws`; a team with only self-managed sources
 * imports the package root and never installs it. Semver-stable like the root; its construct IDs are
 * public API. Names are listed one by one (no `export *`).
 *
 * @packageDocumentation
 */

// Constructs: Amazon Aurora PostgreSQL and RDS for PostgreSQL.
export { AwsSourceBase } from "./aws/aws-source";
export type { AwsSourceProps, ManagedDatabaseView, ValidatedAwsSourceProps } from "./aws/aws-source";
export { AuroraSource } from "./aws/aurora-source";
export type { AuroraSourceProps } from "./aws/aurora-source";
export { RdsSource } from "./aws/rds-source";
export type { RdsSourceProps } from "./aws/rds-source";
export { AwsSourceDatabase } from "./aws/database-objects";
export type { AwsSourceDatabaseProps, ValidatedAwsSourceDatabaseProps } from "./aws/database-objects";
export { ClickPipesParameterGroup, ParameterGroupKind } from "./aws/parameter-group";
export type { ClickPipesParameterGroupProps } from "./aws/parameter-group";
export { ClickPipesIpAllowList } from "./aws/ip-allow-list";
export type { ClickPipesIpAllowListProps, ValidatedIpAllowListProps } from "./aws/ip-allow-list";
export { ClickPipesAlarms } from "./aws/cloudwatch-alarms";
export type { ClickPipesAlarmsProps } from "./aws/cloudwatch-alarms";
export { ClickPipesPrivateLink } from "./aws/privatelink";
export type { ClickPipesPrivateLinkProps, ValidatedPrivateLinkProps } from "./aws/privatelink";
// The IAM role ClickPipes assumes for IAM database authentication.
export { ClickPipesIamRole } from "./aws/clickpipes-iam-role";
export type { ClickPipesIamRoleProps } from "./aws/clickpipes-iam-role";
// The ready-made stack pair of an Aurora/RDS source (`<name>-aws`, `<name>-db`).
export { AwsSourceAwsStack, AwsSourceDbStack, DB_HOST_VARIABLE } from "./app/aws-source-stacks";
export type { AwsSourceConfig } from "./app/aws-source-stacks";
// The provider's classes the constructs above show in their props and members (types only: build
// them with @cdktf/provider-aws's own deep imports, e.g. `@cdktf/provider-aws/lib/rds-cluster`).
export type {
  CloudwatchMetricAlarm,
  DbInstance,
  DbParameterGroup,
  IamRole,
  RamResourceShare,
  RdsCluster,
  RdsClusterInstance,
  RdsClusterParameterGroup,
  SecurityGroup,
  VpclatticeResourceConfiguration,
  VpclatticeResourceGateway,
  VpcSecurityGroupIngressRule,
} from "./tf/tf-aws";
