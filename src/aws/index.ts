/**
 * `cdktf-clickpipes-postgres/aws`: the Amazon Aurora PostgreSQL and RDS for PostgreSQL constructs and
 * stacks. They need the optional peer `@cdktf/provider-aws`; a team with only self-managed sources
 * imports the package root and never installs it. Semver-stable like the root; its construct IDs are
 * public API. Names are listed one by one (no `export *`).
 *
 * @packageDocumentation
 */

// Constructs: Amazon Aurora PostgreSQL and RDS for PostgreSQL.
export { AwsSourceBase } from "./aws-source";
export type { AwsSourceProps, ManagedDatabaseView, ValidatedAwsSourceProps } from "./aws-source";
export { AuroraSource } from "./aurora-source";
export type { AuroraSourceProps } from "./aurora-source";
export { RdsSource } from "./rds-source";
export type { RdsSourceProps } from "./rds-source";
export { AwsSourceDatabase } from "./database-objects";
export type { AwsSourceDatabaseProps, ValidatedAwsSourceDatabaseProps } from "./database-objects";
export { ClickPipesParameterGroup, ParameterGroupKind } from "./parameter-group";
export type { ClickPipesParameterGroupProps } from "./parameter-group";
export { ClickPipesIpAllowList } from "./ip-allow-list";
export type { ClickPipesIpAllowListProps, ValidatedIpAllowListProps } from "./ip-allow-list";
export { ClickPipesAlarms } from "./cloudwatch-alarms";
export type { ClickPipesAlarmsProps } from "./cloudwatch-alarms";
export { ClickPipesPrivateLink } from "./privatelink";
export type { ClickPipesPrivateLinkProps, ValidatedPrivateLinkProps } from "./privatelink";
// The IAM role ClickPipes assumes for IAM database authentication.
export { ClickPipesIamRole } from "./clickpipes-iam-role";
export type { ClickPipesIamRoleProps } from "./clickpipes-iam-role";
// The ready-made stack pair of an Aurora/RDS source (`<name>-aws`, `<name>-db`).
export { AwsSourceAwsStack, AwsSourceDbStack, DB_HOST_VARIABLE } from "../app/aws-source-stacks";
export type { AwsSourceConfig } from "../app/aws-source-stacks";
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
} from "../tf/tf-aws";
