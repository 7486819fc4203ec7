/**
 * The AWS half of the one door to cdktf's providers (see `./tf`). `@cdktf/provider-aws` (about
 * 390 MB) is an optional peer dependency: each class below is loaded from its deep import on first
 * use (`new`, a static member), so importing the Aurora/RDS constructs, the stacks or `buildApp`
 * costs nothing until an Aurora or RDS source is built, and a team with only self-managed sources
 * never installs the package. A move to the CDK Terrain fork changes the module names here.
 * Deep imports only.
 */

/** The AWS provider package, for messages. */
const AWS_PROVIDER_PACKAGE = "@cdktf/provider-aws";

/**
 * An Aurora/RDS construct was built where the optional peer `@cdktf/provider-aws` is not installed.
 * Its message is one line saying what to install; like a `ValidationError`, it prints without frames.
 */
export class MissingAwsProviderError extends Error {
  constructor() {
    super(`an Aurora or RDS source needs the optional peer dependency ${AWS_PROVIDER_PACKAGE} (^21), which is not installed: npm install ${AWS_PROVIDER_PACKAGE}@^21`);
    Object.defineProperty(this, "name", { value: "MissingAwsProviderError", enumerable: false, writable: true, configurable: true });
    Object.defineProperty(this, "stack", { value: `${this.name}: ${this.message}`, enumerable: false, writable: true, configurable: true });
  }
}

/** A class of `@cdktf/provider-aws`, required on first use; `new` builds the real class. */
function lazyClass<C extends abstract new (...args: never[]) => unknown>(require: () => C): C {
  let real: C | undefined;
  const load = (): C => {
    try {
      return require();
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === "MODULE_NOT_FOUND" && String(err.message).includes(AWS_PROVIDER_PACKAGE)) throw new MissingAwsProviderError();
      throw e;
    }
  };
  const get = (): C => (real ??= load());
  return new Proxy(function lazyAwsClass() {} as unknown as C, {
    construct: (_target, args) => Reflect.construct(get() as unknown as new (...a: unknown[]) => object, args),
    get: (_target, key) => Reflect.get(get(), key),
    has: (_target, key) => Reflect.has(get(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
  });
}

export type AwsProvider = import("@cdktf/provider-aws/lib/provider").AwsProvider;
export const AwsProvider: typeof import("@cdktf/provider-aws/lib/provider").AwsProvider = lazyClass(
  () => (require("@cdktf/provider-aws/lib/provider") as typeof import("@cdktf/provider-aws/lib/provider")).AwsProvider,
);
export type RdsCluster = import("@cdktf/provider-aws/lib/rds-cluster").RdsCluster;
export const RdsCluster: typeof import("@cdktf/provider-aws/lib/rds-cluster").RdsCluster = lazyClass(
  () => (require("@cdktf/provider-aws/lib/rds-cluster") as typeof import("@cdktf/provider-aws/lib/rds-cluster")).RdsCluster,
);
export type RdsClusterInstance = import("@cdktf/provider-aws/lib/rds-cluster-instance").RdsClusterInstance;
export const RdsClusterInstance: typeof import("@cdktf/provider-aws/lib/rds-cluster-instance").RdsClusterInstance = lazyClass(
  () => (require("@cdktf/provider-aws/lib/rds-cluster-instance") as typeof import("@cdktf/provider-aws/lib/rds-cluster-instance")).RdsClusterInstance,
);
export type DbInstance = import("@cdktf/provider-aws/lib/db-instance").DbInstance;
export const DbInstance: typeof import("@cdktf/provider-aws/lib/db-instance").DbInstance = lazyClass(
  () => (require("@cdktf/provider-aws/lib/db-instance") as typeof import("@cdktf/provider-aws/lib/db-instance")).DbInstance,
);
export type RdsClusterParameterGroup = import("@cdktf/provider-aws/lib/rds-cluster-parameter-group").RdsClusterParameterGroup;
export const RdsClusterParameterGroup: typeof import("@cdktf/provider-aws/lib/rds-cluster-parameter-group").RdsClusterParameterGroup = lazyClass(
  () => (require("@cdktf/provider-aws/lib/rds-cluster-parameter-group") as typeof import("@cdktf/provider-aws/lib/rds-cluster-parameter-group")).RdsClusterParameterGroup,
);
export type DbParameterGroup = import("@cdktf/provider-aws/lib/db-parameter-group").DbParameterGroup;
export const DbParameterGroup: typeof import("@cdktf/provider-aws/lib/db-parameter-group").DbParameterGroup = lazyClass(
  () => (require("@cdktf/provider-aws/lib/db-parameter-group") as typeof import("@cdktf/provider-aws/lib/db-parameter-group")).DbParameterGroup,
);
export type SecurityGroup = import("@cdktf/provider-aws/lib/security-group").SecurityGroup;
export const SecurityGroup: typeof import("@cdktf/provider-aws/lib/security-group").SecurityGroup = lazyClass(
  () => (require("@cdktf/provider-aws/lib/security-group") as typeof import("@cdktf/provider-aws/lib/security-group")).SecurityGroup,
);
export type VpcSecurityGroupIngressRule = import("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule").VpcSecurityGroupIngressRule;
export const VpcSecurityGroupIngressRule: typeof import("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule").VpcSecurityGroupIngressRule = lazyClass(
  () => (require("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule") as typeof import("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule")).VpcSecurityGroupIngressRule,
);
export type VpclatticeResourceGateway = import("@cdktf/provider-aws/lib/vpclattice-resource-gateway").VpclatticeResourceGateway;
export const VpclatticeResourceGateway: typeof import("@cdktf/provider-aws/lib/vpclattice-resource-gateway").VpclatticeResourceGateway = lazyClass(
  () => (require("@cdktf/provider-aws/lib/vpclattice-resource-gateway") as typeof import("@cdktf/provider-aws/lib/vpclattice-resource-gateway")).VpclatticeResourceGateway,
);
export type VpclatticeResourceConfiguration = import("@cdktf/provider-aws/lib/vpclattice-resource-configuration").VpclatticeResourceConfiguration;
export const VpclatticeResourceConfiguration: typeof import("@cdktf/provider-aws/lib/vpclattice-resource-configuration").VpclatticeResourceConfiguration = lazyClass(
  () => (require("@cdktf/provider-aws/lib/vpclattice-resource-configuration") as typeof import("@cdktf/provider-aws/lib/vpclattice-resource-configuration")).VpclatticeResourceConfiguration,
);
export type RamResourceShare = import("@cdktf/provider-aws/lib/ram-resource-share").RamResourceShare;
export const RamResourceShare: typeof import("@cdktf/provider-aws/lib/ram-resource-share").RamResourceShare = lazyClass(
  () => (require("@cdktf/provider-aws/lib/ram-resource-share") as typeof import("@cdktf/provider-aws/lib/ram-resource-share")).RamResourceShare,
);
export type RamResourceAssociation = import("@cdktf/provider-aws/lib/ram-resource-association").RamResourceAssociation;
export const RamResourceAssociation: typeof import("@cdktf/provider-aws/lib/ram-resource-association").RamResourceAssociation = lazyClass(
  () => (require("@cdktf/provider-aws/lib/ram-resource-association") as typeof import("@cdktf/provider-aws/lib/ram-resource-association")).RamResourceAssociation,
);
export type RamPrincipalAssociation = import("@cdktf/provider-aws/lib/ram-principal-association").RamPrincipalAssociation;
export const RamPrincipalAssociation: typeof import("@cdktf/provider-aws/lib/ram-principal-association").RamPrincipalAssociation = lazyClass(
  () => (require("@cdktf/provider-aws/lib/ram-principal-association") as typeof import("@cdktf/provider-aws/lib/ram-principal-association")).RamPrincipalAssociation,
);
export type IamRole = import("@cdktf/provider-aws/lib/iam-role").IamRole;
export const IamRole: typeof import("@cdktf/provider-aws/lib/iam-role").IamRole = lazyClass(
  () => (require("@cdktf/provider-aws/lib/iam-role") as typeof import("@cdktf/provider-aws/lib/iam-role")).IamRole,
);
export type IamRolePolicy = import("@cdktf/provider-aws/lib/iam-role-policy").IamRolePolicy;
export const IamRolePolicy: typeof import("@cdktf/provider-aws/lib/iam-role-policy").IamRolePolicy = lazyClass(
  () => (require("@cdktf/provider-aws/lib/iam-role-policy") as typeof import("@cdktf/provider-aws/lib/iam-role-policy")).IamRolePolicy,
);
export type DataAwsPartition = import("@cdktf/provider-aws/lib/data-aws-partition").DataAwsPartition;
export const DataAwsPartition: typeof import("@cdktf/provider-aws/lib/data-aws-partition").DataAwsPartition = lazyClass(
  () => (require("@cdktf/provider-aws/lib/data-aws-partition") as typeof import("@cdktf/provider-aws/lib/data-aws-partition")).DataAwsPartition,
);
export type DataAwsCallerIdentity = import("@cdktf/provider-aws/lib/data-aws-caller-identity").DataAwsCallerIdentity;
export const DataAwsCallerIdentity: typeof import("@cdktf/provider-aws/lib/data-aws-caller-identity").DataAwsCallerIdentity = lazyClass(
  () => (require("@cdktf/provider-aws/lib/data-aws-caller-identity") as typeof import("@cdktf/provider-aws/lib/data-aws-caller-identity")).DataAwsCallerIdentity,
);
export type DataAwsRdsCluster = import("@cdktf/provider-aws/lib/data-aws-rds-cluster").DataAwsRdsCluster;
export const DataAwsRdsCluster: typeof import("@cdktf/provider-aws/lib/data-aws-rds-cluster").DataAwsRdsCluster = lazyClass(
  () => (require("@cdktf/provider-aws/lib/data-aws-rds-cluster") as typeof import("@cdktf/provider-aws/lib/data-aws-rds-cluster")).DataAwsRdsCluster,
);
export type DataAwsDbInstance = import("@cdktf/provider-aws/lib/data-aws-db-instance").DataAwsDbInstance;
export const DataAwsDbInstance: typeof import("@cdktf/provider-aws/lib/data-aws-db-instance").DataAwsDbInstance = lazyClass(
  () => (require("@cdktf/provider-aws/lib/data-aws-db-instance") as typeof import("@cdktf/provider-aws/lib/data-aws-db-instance")).DataAwsDbInstance,
);
export type CloudwatchMetricAlarm = import("@cdktf/provider-aws/lib/cloudwatch-metric-alarm").CloudwatchMetricAlarm;
export const CloudwatchMetricAlarm: typeof import("@cdktf/provider-aws/lib/cloudwatch-metric-alarm").CloudwatchMetricAlarm = lazyClass(
  () => (require("@cdktf/provider-aws/lib/cloudwatch-metric-alarm") as typeof import("@cdktf/provider-aws/lib/cloudwatch-metric-alarm")).CloudwatchMetricAlarm,
);
