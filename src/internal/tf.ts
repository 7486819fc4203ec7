/**
 * The one module that imports cdktf and its prebuilt providers. A move to the CDK Terrain fork
 * (`cdktn`, `@cdktn/provider-*`) changes the module names here and nowhere else.
 * Deep imports only: the package roots of the providers cost seconds and hundreds of MB to load.
 */
export {
  App,
  Annotations,
  CloudBackend,
  Fn,
  LocalBackend,
  NamedCloudWorkspace,
  S3Backend,
  TaggedCloudWorkspaces,
  TerraformIterator,
  TerraformOutput,
  TerraformStack,
  TerraformVariable,
  Testing,
  Token,
  testingMatchers,
} from "cdktf";
export type { ITerraformDependable, TerraformResource, TerraformProvider } from "cdktf";
export type { ISynthesisSession } from "cdktf/lib/synthesize/types";
export { addCustomSynthesis } from "cdktf/lib/synthesize/synthesizer";

export { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
export { Role as PgRole } from "@cdktf/provider-postgresql/lib/role";
export { Grant as PgGrant } from "@cdktf/provider-postgresql/lib/grant";
export { GrantRole as PgGrantRole } from "@cdktf/provider-postgresql/lib/grant-role";
export { DefaultPrivileges as PgDefaultPrivileges } from "@cdktf/provider-postgresql/lib/default-privileges";
export { Publication as PgPublication } from "@cdktf/provider-postgresql/lib/publication";
export { DataPostgresqlTables as PgTablesData } from "@cdktf/provider-postgresql/lib/data-postgresql-tables";

export { AwsProvider } from "@cdktf/provider-aws/lib/provider";
export { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
export { RdsClusterInstance } from "@cdktf/provider-aws/lib/rds-cluster-instance";
export { DbInstance } from "@cdktf/provider-aws/lib/db-instance";
export { RdsClusterParameterGroup } from "@cdktf/provider-aws/lib/rds-cluster-parameter-group";
export { DbParameterGroup } from "@cdktf/provider-aws/lib/db-parameter-group";
export { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
export { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
export { VpclatticeResourceGateway } from "@cdktf/provider-aws/lib/vpclattice-resource-gateway";
export { VpclatticeResourceConfiguration } from "@cdktf/provider-aws/lib/vpclattice-resource-configuration";
export { RamResourceShare } from "@cdktf/provider-aws/lib/ram-resource-share";
export { RamResourceAssociation } from "@cdktf/provider-aws/lib/ram-resource-association";
export { RamPrincipalAssociation } from "@cdktf/provider-aws/lib/ram-principal-association";
