/**
 * The construct-ID contract: every construct ID docs/reference.md calls public API, in one place.
 *
 * Terraform addresses derive from construct paths (cdktf's logical ID = the path below the stack,
 * made safe, plus a hash of it), so renaming any ID below destroys and recreates what it declares.
 * The constructs (src/postgres, src/aws, src/clickhouse, src/app) take their IDs from here, the guard
 * and the diff find what a stack declared through `matchConstructPath`, and
 * test/unit/construct-ids.test.ts holds the golden list that pins them.
 *
 * Pure TypeScript (no cdktf): the guard and the diff load it without loading cdktf.
 *
 * To add a construct (e.g. a new resource of the `-aws` stack): add its ID constant, one entry to
 * `CONSTRUCT_ID_ENTRIES`, the path to `documentedConstructs`, the docs/reference.md table row and the golden list.
 */
import { createHash } from "node:crypto";
import { canonicalCidr } from "./cidr";
import { AZURE_FIREWALL_PREFIX, AZURE_PARAMETER_PREFIX } from "./azure";

// ---------------------------------------------------------------------------------------------
// ID constants
// ---------------------------------------------------------------------------------------------

/** Provider IDs (stack level): also the Terraform provider names. */
export const PROVIDER_IDS = {
  POSTGRESQL: "postgresql",
  AWS: "aws",
  CLICKHOUSE: "clickhouse",
  /** Generic stacks with `azure.serverId`. */
  AZURERM: "azurerm",
} as const;

/** Variable IDs (stack level) of the ready-made stacks: also the Terraform variable names. */
export const VARIABLE_IDS = {
  /** Sensitive: the ClickPipes role's password (generic and `-db` stacks). */
  CLICKPIPES_PASSWORD: "clickpipes_password",
  /** Sensitive: the password the postgresql provider logs in with (generic and `-db` stacks). */
  ADMIN_PASSWORD: "postgres_admin_password",
  /** The writer endpoint address (`-db` stacks). */
  DB_HOST: "db_host",
  /** ClickHouse Cloud organization (stacks with a pipe). */
  CLICKHOUSE_ORGANIZATION_ID: "clickhouse_organization_id",
  /** Sensitive: ClickHouse Cloud API key ID (stacks with a pipe). */
  CLICKHOUSE_TOKEN_KEY: "clickhouse_token_key",
  /** Sensitive: ClickHouse Cloud API key secret (stacks with a pipe). */
  CLICKHOUSE_TOKEN_SECRET: "clickhouse_token_secret",
  /** Output of the `-aws` stack, passed to the `-db` stack (pipe over PrivateLink). */
  PRIVATELINK_RESOURCE_CONFIGURATION_ID: "privatelink_resource_configuration_id",
  /** Output of the `-aws` stack, passed to the `-db` stack (pipe over PrivateLink). */
  PRIVATELINK_RESOURCE_SHARE_ARN: "privatelink_resource_share_arn",
  /** Output of the `-aws` stack, passed to the `-db` stack (pipe with IAM authentication). */
  CLICKPIPES_IAM_ROLE_ARN: "clickpipes_iam_role_arn",
  /** Sensitive: the monitoring role's password (generic and `-db` stacks, with `monitoring`). */
  MONITORING_PASSWORD: "monitoring_password",
  /** Sensitive: the read-only plan role's password (generic and `-db` stacks, with `planRole`). */
  PLAN_ROLE_PASSWORD: "plan_role_password",
} as const;

/** Output IDs (stack level) of the ready-made stacks: also the Terraform output names. */
export const OUTPUT_IDS = {
  HOST: "host",
  PORT: "port",
  DATABASE: "database",
  USER: "user",
  PUBLICATION: "publication",
  SERVER_SETTINGS: "server_settings",
  RESTART_REQUIRED: "restart_required",
  PG_HBA_LINES: "pg_hba_lines",
  AUTHENTICATION: "authentication",
  CLICKPIPE_SOURCE_TYPE: "clickpipe_source_type",
  PARAMETER_GROUP_NAME: "parameter_group_name",
  PARAMETER_GROUP_FAMILY: "parameter_group_family",
  PARAMETERS: "parameters",
  REBOOT_REQUIRED: "reboot_required",
  SECURITY_GROUP_ID: "security_group_id",
  ALLOWED_CIDRS: "allowed_cidrs",
  CLICKPIPES_IP_REGION: "clickpipes_ip_region",
  PRIVATELINK_RESOURCE_CONFIGURATION_ID: "privatelink_resource_configuration_id",
  PRIVATELINK_RESOURCE_SHARE_ARN: "privatelink_resource_share_arn",
  CLICKPIPES_IAM_ROLE_ARN: "clickpipes_iam_role_arn",
} as const;

/** Children of a source construct (`GenericPostgresSource`, `AwsSourceDatabase`, `AuroraSource`, `RdsSource`). */
export const SOURCE_IDS = {
  /** `ClickPipesUser` (generic and `-db`). */
  USER: "User",
  /** `ClickPipesGrants` (generic and `-db`). */
  GRANTS: "Grants",
  /** `ClickPipesPublication` (generic and `-db`). */
  PUBLICATION: "Publication",
  /** `ServerSetupFiles`: the rendered server settings and pg_hba lines (generic; no resource). */
  SERVER_SETUP: "ServerSetup",
  /** `ClickPipesParameterGroup` (`-aws`). */
  PARAMETER_GROUP: "ParameterGroup",
  /** `ClickPipesIpAllowList` (`-aws`, network mode ip-allow-list). */
  IP_ALLOW_LIST: "IpAllowList",
  /** `ClickPipesPrivateLink` (`-aws`, network mode privatelink). */
  PRIVATE_LINK: "PrivateLink",
  /** `ClickPipesMonitoringRole` (generic and `-db`, with `monitoring`). */
  MONITORING: "Monitoring",
  /** `ClickPipesPlanRole` (generic and `-db`, with `planRole`). */
  PLAN_ROLE: "PlanRole",
  /** `ClickPipesAlarms`: the CloudWatch alarms (`-aws`, unless `alarms.enabled` is false). */
  ALARMS: "Alarms",
  /** `ManagedPostgresConnection` (generic, `clickhouse-managed`): where the Managed Postgres service is reached. */
  MANAGED_POSTGRES: "ManagedPostgres",
  /** `ClickPipesAzureFlexibleServer`: server parameters and firewall rules (generic, hostProfile azure with `azure.serverId`). */
  AZURE: "Azure",
} as const;

/** Children of `ManagedPostgresConnection`. */
export const MANAGED_POSTGRES_IDS = {
  /** clickhouse_postgres_service data source (with `managedPostgres.serviceId` only): host name and port. */
  SERVICE: "Service",
} as const;

/** Children of `ClickPipesMonitoringRole`. */
export const MONITORING_IDS = {
  /** postgresql_role: the monitoring login. */
  ROLE: "Role",
  /** postgresql_grant_role of pg_monitor. */
  PG_MONITOR: "PgMonitor",
  /** postgresql_grant CONNECT on the source database. */
  CONNECT: "Connect",
} as const;

/** Children of `ClickPipesPlanRole`. */
export const PLAN_ROLE_IDS = {
  /** postgresql_role: the read-only plan login. */
  ROLE: "Role",
  /** postgresql_grant CONNECT on the source database. */
  CONNECT: "Connect",
} as const;

/**
 * Children of `ClickPipesAlarms`: one `aws_cloudwatch_metric_alarm` per metric, the construct ID
 * being the metric name (see `src/model/cloudwatch-alarms.ts` for which apply to which engine).
 */
export const ALARM_IDS = {
  OLDEST_REPLICATION_SLOT_LAG: "OldestReplicationSlotLag",
  REPLICATION_SLOT_DISK_USAGE: "ReplicationSlotDiskUsage",
  TRANSACTION_LOGS_DISK_USAGE: "TransactionLogsDiskUsage",
  /** RDS only. */
  FREE_STORAGE_SPACE: "FreeStorageSpace",
  /** Aurora only. */
  FREE_LOCAL_STORAGE: "FreeLocalStorage",
} as const;

/** Children of `ClickPipesUser`. */
export const USER_IDS = {
  /** postgresql_role. */
  ROLE: "Role",
  /** postgresql_grant_role of rds_replication (RDS/Aurora). */
  RDS_REPLICATION: "RdsReplication",
  /** postgresql_grant_role of rds_iam (RDS/Aurora with IAM auth). */
  RDS_IAM: "RdsIam",
} as const;

/** Children of a grant group of `ClickPipesGrants` (`schema-<schema>` or `tables-<schema>`). */
export const GRANT_IDS = {
  /** postgresql_grant USAGE on the schema (both kinds of group). */
  USAGE: "Usage",
  /** postgresql_grant SELECT on all tables of the schema (`schema-<schema>`). */
  SELECT_ALL_TABLES: "SelectAllTables",
  /** postgresql_grant SELECT on the listed tables (`tables-<schema>`). */
  SELECT_TABLES: "SelectTables",
} as const;

/** Prefixes of the parametric grant IDs. */
const SCHEMA_GROUP_PREFIX = "schema-";
const TABLES_GROUP_PREFIX = "tables-";
const DEFAULT_SELECT_PREFIX = "DefaultSelect-";
const INGRESS_PREFIX = "Ingress-";

/** ID of the group of grants of a schema granted whole: `schema-<schema>`. */
export function schemaGrantGroupId(schema: string): string {
  return `${SCHEMA_GROUP_PREFIX}${schema}`;
}

/** ID of the group of grants of a schema whose tables are granted one by one: `tables-<schema>`. */
export function tablesGrantGroupId(schema: string): string {
  return `${TABLES_GROUP_PREFIX}${schema}`;
}

/** ID of the default privileges for tables an owner creates later: `DefaultSelect-<owner>`. */
export function defaultSelectId(owner: string): string {
  return `${DEFAULT_SELECT_PREFIX}${owner}`;
}

/** Paths, relative to `Grants`, of the grants of a schema granted whole (USAGE, SELECT, default privileges per owner). */
export function schemaGrantIds(schema: string, owners: readonly string[] = []): string[] {
  const g = schemaGrantGroupId(schema);
  return [`${g}/${GRANT_IDS.USAGE}`, `${g}/${GRANT_IDS.SELECT_ALL_TABLES}`, ...owners.map((o) => `${g}/${defaultSelectId(o)}`)];
}

/** Paths, relative to `Grants`, of the grants of a schema whose tables are granted one by one. */
export function tableGrantIds(schema: string): string[] {
  const g = tablesGrantGroupId(schema);
  return [`${g}/${GRANT_IDS.USAGE}`, `${g}/${GRANT_IDS.SELECT_TABLES}`];
}

/** Children of `ClickPipesPublication`. */
export const PUBLICATION_IDS = {
  /** postgresql_publication. */
  PUBLICATION: "Publication",
  /** data postgresql_tables: the tables of the schemas, read at plan time (schema-wide publications). */
  SCHEMA_TABLES: "SchemaTables",
} as const;

/** Child of `ClickPipesParameterGroup`. */
export const PARAMETER_GROUP_IDS = {
  /** aws_rds_cluster_parameter_group (Aurora) or aws_db_parameter_group (RDS). */
  PARAMETER_GROUP: "ParameterGroup",
} as const;

/** Children of `ClickPipesIpAllowList` (besides one `Ingress-<ip>` per CIDR, see `ingressRuleId`). */
export const IP_ALLOW_LIST_IDS = {
  /** aws_security_group, only with `vpcId` (a new dedicated group). */
  SECURITY_GROUP: "SecurityGroup",
} as const;

/**
 * Construct ID of the ingress rule of a CIDR, from its canonical text (`model/cidr.ts`):
 * `Ingress-<ip>` for a /32, `Ingress-<ip>_<bits>` otherwise, so every spelling of one network gets
 * the same ID.
 */
export function ingressRuleId(cidr: string): string {
  const [ip, bits] = (canonicalCidr(cidr) ?? cidr).split("/");
  return bits === undefined || bits === "32" ? `${INGRESS_PREFIX}${ip}` : `${INGRESS_PREFIX}${ip}_${bits}`;
}

/** Children of `ClickPipesPrivateLink`. */
export const PRIVATE_LINK_IDS = {
  RESOURCE_GATEWAY: "ResourceGateway",
  RESOURCE_CONFIGURATION: "ResourceConfiguration",
  RESOURCE_SHARE: "ResourceShare",
  RESOURCE_ASSOCIATION: "ResourceAssociation",
  PRINCIPAL_ASSOCIATION: "PrincipalAssociation",
} as const;

/** Children of `ClickPipe`. */
export const CLICKPIPE_IDS = {
  /** clickhouse_clickpipe. */
  PIPE: "Pipe",
  /** clickhouse_clickpipes_reverse_private_endpoint (with `privateLink`). */
  REVERSE_PRIVATE_ENDPOINT: "ReversePrivateEndpoint",
  /** clickhouse_clickpipe_cdc_infrastructure (with `cdcInfrastructure`). */
  CDC_INFRASTRUCTURE: "CdcInfrastructure",
  /** Terraform local of the target-table renames (derived mappings with renames only). */
  TARGET_TABLES: "TargetTables",
  /** clickhouse_clickpipes_reverse_private_endpoint of type GCP_PSC_SERVICE_ATTACHMENT (with `privateServiceConnect`). */
  PSC_ENDPOINT: "PscEndpoint",
  /** clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns of the PSC endpoint (with `privateServiceConnect`). */
  PSC_PRIVATE_DNS: "PscPrivateDns",
  /** clickhouse_postgres_service_ca_certificates data source (ClickHouse Managed Postgres sources). */
  MANAGED_POSTGRES_CA: "ManagedPostgresCa",
} as const;

/** Children of `ClickPipesIamRole` (the role ClickPipes assumes, `-aws` stack, IAM authentication). */
export const CLICKPIPES_IAM_ROLE_IDS = {
  /** aws_partition data source. */
  PARTITION: "Partition",
  /** aws_caller_identity data source. */
  ACCOUNT: "Account",
  /** aws_rds_cluster data source (Aurora): the cluster resource ID. */
  CLUSTER: "Cluster",
  /** aws_db_instance data source (RDS): the instance resource ID. */
  INSTANCE: "Instance",
  /** aws_iam_role. */
  ROLE: "Role",
  /** aws_iam_role_policy (rds-db:connect). */
  CONNECT_POLICY: "ConnectPolicy",
} as const;

const CLICKPIPES_IAM_SUFFIX = "-clickpipes-iam";

/** ID of the `ClickPipesIamRole` of a source in the `-aws` stack: `<source>-clickpipes-iam`. */
export function clickPipesIamRoleId(sourceName: string): string {
  return `${sourceName}${CLICKPIPES_IAM_SUFFIX}`;
}

const CLICKPIPE_SUFFIX = "-clickpipe";

/** ID of the pipe of a source in the ready-made stacks: `<source>-clickpipe`. */
export function clickPipeId(sourceName: string): string {
  return `${sourceName}${CLICKPIPE_SUFFIX}`;
}

// ---------------------------------------------------------------------------------------------
// The table: one entry per documented construct, with its Terraform type and whether it is pipe-critical
// ---------------------------------------------------------------------------------------------

/** Which stack of the ready-made app a construct lives in. */
export enum StackRole {
  /** A self-managed PostgreSQL source's stack, `<name>`. */
  GENERIC = "generic",
  /** The AWS side of an Aurora/RDS source, `<name>-aws`. */
  AWS = "aws",
  /** The database objects of an Aurora/RDS source, `<name>-db`. */
  DB = "db",
}

/** What a documented construct is in Terraform. */
export enum ConstructKind {
  RESOURCE = "resource",
  DATA = "data",
  PROVIDER = "provider",
  VARIABLE = "variable",
  OUTPUT = "output",
  LOCAL = "local",
  /** Writes files at synth, declares nothing in Terraform (`ServerSetup`). */
  FILES = "files",
}

/** One documented construct ID (pattern) of the contract. */
export interface ConstructIdEntry {
  /** Stable key, e.g. `user.role`. */
  readonly key: string;
  /**
   * Path relative to the stack, with placeholders in angle brackets: `<source>` (the source
   * construct), `<pipe>` (the ClickPipe construct), `<schema>`, `<owner>`, `<ip>`, `<bits>`, `<param>`.
   */
  readonly pattern: string;
  readonly kind: ConstructKind;
  /** Terraform types it may declare (resource or data kinds; providers: the provider name). */
  readonly terraformTypes: readonly string[];
  /**
   * Whether deleting or replacing it breaks a running pipe (the role, its replication right, the
   * grants the pipe reads with, the publication, the parameter group, the network path, the pipe and
   * its endpoint and sizing).
   */
  readonly pipeCritical: boolean;
  /** Stacks of the ready-made app it appears in. */
  readonly stacks: readonly StackRole[];
  /** When it exists, and why it matters. */
  readonly description: string;
}

const G = StackRole.GENERIC;
const A = StackRole.AWS;
const D = StackRole.DB;
const PG_STACKS = [G, D] as const;

const entry = (key: string, pattern: string, kind: ConstructKind, terraformTypes: readonly string[], pipeCritical: boolean, stacks: readonly StackRole[], description: string): ConstructIdEntry => ({
  key,
  pattern,
  kind,
  terraformTypes,
  pipeCritical,
  stacks,
  description,
});

const R = ConstructKind.RESOURCE;
const grantsPath = (group: string, id: string) => `<source>/${SOURCE_IDS.GRANTS}/${group}/${id}`;

/** Every documented construct ID below a source or pipe construct. */
export const SOURCE_CONSTRUCT_ENTRIES: readonly ConstructIdEntry[] = [
  entry("user.role", `<source>/${SOURCE_IDS.USER}/${USER_IDS.ROLE}`, R, ["postgresql_role"], true, PG_STACKS, "The ClickPipes login role."),
  entry("user.rdsReplication", `<source>/${SOURCE_IDS.USER}/${USER_IDS.RDS_REPLICATION}`, R, ["postgresql_grant_role"], true, [D], "GRANT rds_replication (RDS/Aurora): the role's replication right."),
  entry("user.rdsIam", `<source>/${SOURCE_IDS.USER}/${USER_IDS.RDS_IAM}`, R, ["postgresql_grant_role"], true, [D], "GRANT rds_iam (RDS/Aurora with IAM auth): the pipe's way to log in."),
  entry("grants.schemaUsage", grantsPath(schemaGrantGroupId("<schema>"), GRANT_IDS.USAGE), R, ["postgresql_grant"], true, PG_STACKS, "USAGE on a schema granted whole."),
  entry(
    "grants.schemaSelectAllTables",
    grantsPath(schemaGrantGroupId("<schema>"), GRANT_IDS.SELECT_ALL_TABLES),
    R,
    ["postgresql_grant"],
    true,
    PG_STACKS,
    "SELECT on all tables of a schema granted whole.",
  ),
  entry(
    "grants.schemaDefaultSelect",
    grantsPath(schemaGrantGroupId("<schema>"), defaultSelectId("<owner>")),
    R,
    ["postgresql_default_privileges"],
    false,
    PG_STACKS,
    "SELECT on tables an owner creates later (the running pipe reads existing tables without it).",
  ),
  entry("grants.tablesUsage", grantsPath(tablesGrantGroupId("<schema>"), GRANT_IDS.USAGE), R, ["postgresql_grant"], true, PG_STACKS, "USAGE on the schema of tables granted one by one."),
  entry("grants.tablesSelect", grantsPath(tablesGrantGroupId("<schema>"), GRANT_IDS.SELECT_TABLES), R, ["postgresql_grant"], true, PG_STACKS, "SELECT on the tables granted one by one."),
  entry("publication.publication", `<source>/${SOURCE_IDS.PUBLICATION}/${PUBLICATION_IDS.PUBLICATION}`, R, ["postgresql_publication"], true, PG_STACKS, "The publication the pipe reads."),
  entry(
    "publication.schemaTables",
    `<source>/${SOURCE_IDS.PUBLICATION}/${PUBLICATION_IDS.SCHEMA_TABLES}`,
    ConstructKind.DATA,
    ["postgresql_tables"],
    false,
    PG_STACKS,
    "The tables of the schemas, read at plan time (schema-wide publication only).",
  ),
  entry("serverSetup", `<source>/${SOURCE_IDS.SERVER_SETUP}`, ConstructKind.FILES, [], false, [G], "The rendered postgresql.conf, pg_hba.conf and alter-system.sql (no Terraform object)."),
  entry(
    "parameterGroup",
    `<source>/${SOURCE_IDS.PARAMETER_GROUP}/${PARAMETER_GROUP_IDS.PARAMETER_GROUP}`,
    R,
    ["aws_rds_cluster_parameter_group", "aws_db_parameter_group"],
    true,
    [A],
    "The parameter group with rds.logical_replication = 1 (cluster group for Aurora, DB group for RDS).",
  ),
  entry(
    "ipAllowList.securityGroup",
    `<source>/${SOURCE_IDS.IP_ALLOW_LIST}/${IP_ALLOW_LIST_IDS.SECURITY_GROUP}`,
    R,
    ["aws_security_group"],
    true,
    [A],
    "The new dedicated security group (network.vpcId only).",
  ),
  entry(
    "ipAllowList.ingress",
    `<source>/${SOURCE_IDS.IP_ALLOW_LIST}/${INGRESS_PREFIX}<ip>`,
    R,
    ["aws_vpc_security_group_ingress_rule"],
    true,
    [A],
    "The ingress rule of a /32 CIDR (one IPv4 address).",
  ),
  entry(
    "ipAllowList.ingressCidr",
    `<source>/${SOURCE_IDS.IP_ALLOW_LIST}/${INGRESS_PREFIX}<ip>_<bits>`,
    R,
    ["aws_vpc_security_group_ingress_rule"],
    true,
    [A],
    "The ingress rule of any other prefix length (e.g. /24, or /64 for IPv6).",
  ),
  entry(
    "privateLink.resourceGateway",
    `<source>/${SOURCE_IDS.PRIVATE_LINK}/${PRIVATE_LINK_IDS.RESOURCE_GATEWAY}`,
    R,
    ["aws_vpclattice_resource_gateway"],
    true,
    [A],
    "The VPC Lattice resource gateway.",
  ),
  entry(
    "privateLink.resourceConfiguration",
    `<source>/${SOURCE_IDS.PRIVATE_LINK}/${PRIVATE_LINK_IDS.RESOURCE_CONFIGURATION}`,
    R,
    ["aws_vpclattice_resource_configuration"],
    true,
    [A],
    "The resource configuration pointing at the database.",
  ),
  entry(
    "privateLink.resourceShare",
    `<source>/${SOURCE_IDS.PRIVATE_LINK}/${PRIVATE_LINK_IDS.RESOURCE_SHARE}`,
    R,
    ["aws_ram_resource_share"],
    true,
    [A],
    "The RAM share ClickPipes reads the configuration through.",
  ),
  entry(
    "privateLink.resourceAssociation",
    `<source>/${SOURCE_IDS.PRIVATE_LINK}/${PRIVATE_LINK_IDS.RESOURCE_ASSOCIATION}`,
    R,
    ["aws_ram_resource_association"],
    true,
    [A],
    "The configuration in the share.",
  ),
  entry(
    "privateLink.principalAssociation",
    `<source>/${SOURCE_IDS.PRIVATE_LINK}/${PRIVATE_LINK_IDS.PRINCIPAL_ASSOCIATION}`,
    R,
    ["aws_ram_principal_association"],
    true,
    [A],
    "The share given to ClickPipes.",
  ),
  entry("clickpipe.pipe", `<pipe>/${CLICKPIPE_IDS.PIPE}`, R, ["clickhouse_clickpipe"], true, PG_STACKS, "The ClickPipe (a new one runs a full initial load on a new slot)."),
  entry(
    "clickpipe.reversePrivateEndpoint",
    `<pipe>/${CLICKPIPE_IDS.REVERSE_PRIVATE_ENDPOINT}`,
    R,
    ["clickhouse_clickpipes_reverse_private_endpoint"],
    true,
    [D],
    "The pipe's network path over PrivateLink.",
  ),
  entry("clickpipe.pscEndpoint", `<pipe>/${CLICKPIPE_IDS.PSC_ENDPOINT}`, R, ["clickhouse_clickpipes_reverse_private_endpoint"], true, [G], "The pipe's network path over GCP Private Service Connect."),
  entry(
    "clickpipe.pscPrivateDns",
    `<pipe>/${CLICKPIPE_IDS.PSC_PRIVATE_DNS}`,
    R,
    ["clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns"],
    true,
    [G],
    "The host name ClickPipes maps to the PSC endpoint (PSC carries no DNS).",
  ),
  entry(
    "clickpipe.managedPostgresCa",
    `<pipe>/${CLICKPIPE_IDS.MANAGED_POSTGRES_CA}`,
    ConstructKind.DATA,
    ["clickhouse_postgres_service_ca_certificates"],
    false,
    [G],
    "The Managed Postgres service's CA, pinned in the pipe.",
  ),
  entry(
    "managedPostgres.service",
    `<source>/${SOURCE_IDS.MANAGED_POSTGRES}/${MANAGED_POSTGRES_IDS.SERVICE}`,
    ConstructKind.DATA,
    ["clickhouse_postgres_service"],
    false,
    [G],
    "The Managed Postgres service's host name and port (managedPostgres.serviceId).",
  ),
  entry("clickpipe.cdcInfrastructure", `<pipe>/${CLICKPIPE_IDS.CDC_INFRASTRUCTURE}`, R, ["clickhouse_clickpipe_cdc_infrastructure"], true, PG_STACKS, "The service's CDC sizing."),
  entry("clickpipe.targetTables", `<pipe>/${CLICKPIPE_IDS.TARGET_TABLES}`, ConstructKind.LOCAL, [], false, PG_STACKS, "The target-table renames (derived mappings with renames)."),
  entry(
    "iamRole.partition",
    `<source>${CLICKPIPES_IAM_SUFFIX}/${CLICKPIPES_IAM_ROLE_IDS.PARTITION}`,
    ConstructKind.DATA,
    ["aws_partition"],
    false,
    [A],
    "The AWS partition of the rds-db ARN (IAM authentication).",
  ),
  entry(
    "iamRole.account",
    `<source>${CLICKPIPES_IAM_SUFFIX}/${CLICKPIPES_IAM_ROLE_IDS.ACCOUNT}`,
    ConstructKind.DATA,
    ["aws_caller_identity"],
    false,
    [A],
    "The account of the rds-db ARN (IAM authentication).",
  ),
  entry(
    "iamRole.cluster",
    `<source>${CLICKPIPES_IAM_SUFFIX}/${CLICKPIPES_IAM_ROLE_IDS.CLUSTER}`,
    ConstructKind.DATA,
    ["aws_rds_cluster"],
    false,
    [A],
    "The Aurora cluster's resource ID (IAM authentication).",
  ),
  entry(
    "iamRole.instance",
    `<source>${CLICKPIPES_IAM_SUFFIX}/${CLICKPIPES_IAM_ROLE_IDS.INSTANCE}`,
    ConstructKind.DATA,
    ["aws_db_instance"],
    false,
    [A],
    "The RDS instance's resource ID (IAM authentication).",
  ),
  entry("iamRole.role", `<source>${CLICKPIPES_IAM_SUFFIX}/${CLICKPIPES_IAM_ROLE_IDS.ROLE}`, R, ["aws_iam_role"], true, [A], "The role ClickPipes assumes to log in with IAM authentication."),
  entry(
    "monitoring.role",
    `<source>/${SOURCE_IDS.MONITORING}/${MONITORING_IDS.ROLE}`,
    R,
    ["postgresql_role"],
    false,
    PG_STACKS,
    "The monitoring login role (`monitoring`; not the pipe's: deleting it is an ordinary change).",
  ),
  entry("monitoring.pgMonitor", `<source>/${SOURCE_IDS.MONITORING}/${MONITORING_IDS.PG_MONITOR}`, R, ["postgresql_grant_role"], false, PG_STACKS, "GRANT pg_monitor to the monitoring role."),
  entry("monitoring.connect", `<source>/${SOURCE_IDS.MONITORING}/${MONITORING_IDS.CONNECT}`, R, ["postgresql_grant"], false, PG_STACKS, "CONNECT on the source database to the monitoring role."),
  entry(
    "planRole.role",
    `<source>/${SOURCE_IDS.PLAN_ROLE}/${PLAN_ROLE_IDS.ROLE}`,
    R,
    ["postgresql_role"],
    false,
    PG_STACKS,
    "The read-only plan login (`planRole`; for `terraform plan` of pull requests; deleting it is an ordinary change).",
  ),
  entry("planRole.connect", `<source>/${SOURCE_IDS.PLAN_ROLE}/${PLAN_ROLE_IDS.CONNECT}`, R, ["postgresql_grant"], false, PG_STACKS, "CONNECT on the source database to the plan role."),
  entry(
    "alarms.oldestReplicationSlotLag",
    `<source>/${SOURCE_IDS.ALARMS}/${ALARM_IDS.OLDEST_REPLICATION_SLOT_LAG}`,
    R,
    ["aws_cloudwatch_metric_alarm"],
    false,
    [A],
    "CloudWatch alarm: OldestReplicationSlotLag over its threshold.",
  ),
  entry(
    "alarms.replicationSlotDiskUsage",
    `<source>/${SOURCE_IDS.ALARMS}/${ALARM_IDS.REPLICATION_SLOT_DISK_USAGE}`,
    R,
    ["aws_cloudwatch_metric_alarm"],
    false,
    [A],
    "CloudWatch alarm: ReplicationSlotDiskUsage over its threshold.",
  ),
  entry(
    "alarms.transactionLogsDiskUsage",
    `<source>/${SOURCE_IDS.ALARMS}/${ALARM_IDS.TRANSACTION_LOGS_DISK_USAGE}`,
    R,
    ["aws_cloudwatch_metric_alarm"],
    false,
    [A],
    "CloudWatch alarm: TransactionLogsDiskUsage over its threshold.",
  ),
  entry(
    "alarms.freeStorageSpace",
    `<source>/${SOURCE_IDS.ALARMS}/${ALARM_IDS.FREE_STORAGE_SPACE}`,
    R,
    ["aws_cloudwatch_metric_alarm"],
    false,
    [A],
    "CloudWatch alarm: FreeStorageSpace under its threshold (RDS).",
  ),
  entry(
    "alarms.freeLocalStorage",
    `<source>/${SOURCE_IDS.ALARMS}/${ALARM_IDS.FREE_LOCAL_STORAGE}`,
    R,
    ["aws_cloudwatch_metric_alarm"],
    false,
    [A],
    "CloudWatch alarm: FreeLocalStorage of the writer under its threshold (Aurora).",
  ),
  entry(
    "azure.serverParameter",
    `<source>/${SOURCE_IDS.AZURE}/${AZURE_PARAMETER_PREFIX}<param>`,
    R,
    ["azurerm_postgresql_flexible_server_configuration"],
    true,
    [G],
    "A server parameter of the Azure Flexible Server (`wal_level = logical`; deleting it resets the default, replica).",
  ),
  entry(
    "azure.firewallRule",
    `<source>/${SOURCE_IDS.AZURE}/${AZURE_FIREWALL_PREFIX}<ip>`,
    R,
    ["azurerm_postgresql_flexible_server_firewall_rule"],
    true,
    [G],
    "The Azure Flexible Server firewall rule of one ClickPipes IPv4 address.",
  ),
  entry(
    "azure.firewallRuleCidr",
    `<source>/${SOURCE_IDS.AZURE}/${AZURE_FIREWALL_PREFIX}<ip>_<bits>`,
    R,
    ["azurerm_postgresql_flexible_server_firewall_rule"],
    true,
    [G],
    "The Azure Flexible Server firewall rule of a wider IPv4 network (`network.allowedCidrs`).",
  ),
  entry(
    "iamRole.connectPolicy",
    `<source>${CLICKPIPES_IAM_SUFFIX}/${CLICKPIPES_IAM_ROLE_IDS.CONNECT_POLICY}`,
    R,
    ["aws_iam_role_policy"],
    true,
    [A],
    "rds-db:connect as the ClickPipes user on this cluster or instance.",
  ),
];

const stackEntry = (key: string, id: string, kind: ConstructKind, stacks: readonly StackRole[], description: string, types: readonly string[] = []) =>
  entry(key, id, kind, types, false, stacks, description);
const P = ConstructKind.PROVIDER;
const V = ConstructKind.VARIABLE;
const O = ConstructKind.OUTPUT;

/** Every documented stack-level ID of the ready-made stacks (providers, variables, outputs, and the source and pipe constructs). */
export const STACK_CONSTRUCT_ENTRIES: readonly ConstructIdEntry[] = [
  stackEntry("provider.postgresql", PROVIDER_IDS.POSTGRESQL, P, PG_STACKS, "The postgresql provider, logged in as the admin user.", ["postgresql"]),
  stackEntry("provider.aws", PROVIDER_IDS.AWS, P, [A], "The aws provider (region = awsRegion).", ["aws"]),
  stackEntry("provider.azurerm", PROVIDER_IDS.AZURERM, P, [G], "The azurerm provider (hostProfile azure with `azure.serverId`; subscription of the server, credentials from the environment).", [
    "azurerm",
  ]),
  stackEntry("provider.clickhouse", PROVIDER_IDS.CLICKHOUSE, P, PG_STACKS, "The clickhouse provider (stacks with a pipe).", ["clickhouse"]),
  stackEntry("variable.clickpipesPassword", VARIABLE_IDS.CLICKPIPES_PASSWORD, V, PG_STACKS, "Sensitive: the ClickPipes password."),
  stackEntry("variable.adminPassword", VARIABLE_IDS.ADMIN_PASSWORD, V, PG_STACKS, "Sensitive: the admin password of the provider."),
  stackEntry("variable.dbHost", VARIABLE_IDS.DB_HOST, V, [D], "The writer endpoint address."),
  stackEntry("variable.clickhouseOrganizationId", VARIABLE_IDS.CLICKHOUSE_ORGANIZATION_ID, V, PG_STACKS, "ClickHouse Cloud organization (stacks with a pipe)."),
  stackEntry("variable.clickhouseTokenKey", VARIABLE_IDS.CLICKHOUSE_TOKEN_KEY, V, PG_STACKS, "Sensitive: API key ID (stacks with a pipe)."),
  stackEntry("variable.clickhouseTokenSecret", VARIABLE_IDS.CLICKHOUSE_TOKEN_SECRET, V, PG_STACKS, "Sensitive: API key secret (stacks with a pipe)."),
  stackEntry("variable.privateLinkResourceConfigurationId", VARIABLE_IDS.PRIVATELINK_RESOURCE_CONFIGURATION_ID, V, [D], "The -aws stack's output (pipe over PrivateLink)."),
  stackEntry("variable.privateLinkResourceShareArn", VARIABLE_IDS.PRIVATELINK_RESOURCE_SHARE_ARN, V, [D], "The -aws stack's output (pipe over PrivateLink)."),
  stackEntry("variable.clickpipesIamRoleArn", VARIABLE_IDS.CLICKPIPES_IAM_ROLE_ARN, V, [D], "The -aws stack's output (pipe with IAM authentication)."),
  stackEntry("variable.monitoringPassword", VARIABLE_IDS.MONITORING_PASSWORD, V, PG_STACKS, "Sensitive: the monitoring role's password (`monitoring`)."),
  stackEntry("variable.planRolePassword", VARIABLE_IDS.PLAN_ROLE_PASSWORD, V, PG_STACKS, "Sensitive: the read-only plan role's password (`planRole`)."),
  stackEntry("output.host", OUTPUT_IDS.HOST, O, PG_STACKS, "Host ClickPipes connects to."),
  stackEntry("output.port", OUTPUT_IDS.PORT, O, PG_STACKS, "Port ClickPipes connects to."),
  stackEntry("output.database", OUTPUT_IDS.DATABASE, O, PG_STACKS, "Database ClickPipes replicates from."),
  stackEntry("output.user", OUTPUT_IDS.USER, O, PG_STACKS, "The ClickPipes user name."),
  stackEntry("output.publication", OUTPUT_IDS.PUBLICATION, O, PG_STACKS, "The publication name."),
  stackEntry("output.serverSettings", OUTPUT_IDS.SERVER_SETTINGS, O, [G], "Server settings to apply by hand."),
  stackEntry("output.restartRequired", OUTPUT_IDS.RESTART_REQUIRED, O, [G], "Whether they need a restart."),
  stackEntry("output.pgHbaLines", OUTPUT_IDS.PG_HBA_LINES, O, [G], "pg_hba.conf lines to add."),
  stackEntry("output.authentication", OUTPUT_IDS.AUTHENTICATION, O, [D], "ClickPipe authentication (basic or IAM_ROLE)."),
  stackEntry("output.clickpipeSourceType", OUTPUT_IDS.CLICKPIPE_SOURCE_TYPE, O, [D], "ClickPipe Postgres source type."),
  stackEntry("output.parameterGroupName", OUTPUT_IDS.PARAMETER_GROUP_NAME, O, [A], "The parameter group's name."),
  stackEntry("output.parameterGroupFamily", OUTPUT_IDS.PARAMETER_GROUP_FAMILY, O, [A], "The parameter group's family."),
  stackEntry("output.parameters", OUTPUT_IDS.PARAMETERS, O, [A], "The group's parameters."),
  stackEntry("output.rebootRequired", OUTPUT_IDS.REBOOT_REQUIRED, O, [A], "The reboot Terraform does not do."),
  stackEntry("output.securityGroupId", OUTPUT_IDS.SECURITY_GROUP_ID, O, [A], "The group holding the ingress rules (ip-allow-list)."),
  stackEntry("output.allowedCidrs", OUTPUT_IDS.ALLOWED_CIDRS, O, [A], "The allowed CIDRs (ip-allow-list)."),
  stackEntry("output.clickpipesIpRegion", OUTPUT_IDS.CLICKPIPES_IP_REGION, O, [A], "Region of the ClickPipes static IPs (ip-allow-list with the built-in IPs)."),
  stackEntry("output.privateLinkResourceConfigurationId", OUTPUT_IDS.PRIVATELINK_RESOURCE_CONFIGURATION_ID, O, [A], "What the reverse private endpoint asks for (privatelink)."),
  stackEntry("output.privateLinkResourceShareArn", OUTPUT_IDS.PRIVATELINK_RESOURCE_SHARE_ARN, O, [A], "What the reverse private endpoint asks for (privatelink)."),
  stackEntry("output.clickpipesIamRoleArn", OUTPUT_IDS.CLICKPIPES_IAM_ROLE_ARN, O, [A], "The role the pipe's iam_role names (IAM authentication with a pipe)."),
];

/** Every entry of the contract. */
export const CONSTRUCT_ID_ENTRIES: readonly ConstructIdEntry[] = [...STACK_CONSTRUCT_ENTRIES, ...SOURCE_CONSTRUCT_ENTRIES];

const ENTRY_BY_KEY: ReadonlyMap<string, ConstructIdEntry> = new Map(CONSTRUCT_ID_ENTRIES.map((e) => [e.key, e]));

/** The entry of a key (throws on an unknown key: a programming error). */
export function constructIdEntry(key: string): ConstructIdEntry {
  const e = ENTRY_BY_KEY.get(key);
  if (!e) throw new Error(`no construct-ID entry "${key}"`);
  return e;
}

// ---------------------------------------------------------------------------------------------
// Every documented path of a stack, by mode
// ---------------------------------------------------------------------------------------------

/** The pipe of a stack. */
export interface PipeConstructsSpec {
  /** The ClickPipe construct's ID (`<source>-clickpipe` in the ready-made stacks). */
  readonly id: string;
  /** With `privateLink`: `ReversePrivateEndpoint`. */
  readonly reversePrivateEndpoint?: boolean;
  /** With `cdcInfrastructure`: `CdcInfrastructure`. */
  readonly cdcInfrastructure?: boolean;
  /** Mappings derived from the publication with renames: the `TargetTables` local. */
  readonly targetTablesLocal?: boolean;
  /** With `privateServiceConnect`: `PscEndpoint` and `PscPrivateDns`. */
  readonly privateServiceConnect?: boolean;
  /** A ClickHouse Managed Postgres source: `ManagedPostgresCa`. */
  readonly managedPostgresCa?: boolean;
}

/** The database objects of a source (generic or `-db` stack). */
export interface PostgresConstructsSpec {
  readonly stack: StackRole.GENERIC | StackRole.DB;
  /** The source construct's ID (the source name in the ready-made stacks). */
  readonly source: string;
  /** Schemas granted whole, each with the owners that get default privileges. */
  readonly schemas: readonly { readonly name: string; readonly owners: readonly string[] }[];
  /** Schemas whose tables are granted one by one. */
  readonly tableScopedSchemas: readonly string[];
  /** The publication lists the schemas' tables at plan time (no `tables`, not FOR ALL TABLES): `SchemaTables`. */
  readonly schemaWidePublication?: boolean;
  /** `-db` only: GRANT rds_iam. */
  readonly iamAuth?: boolean;
  /** Generic `clickhouse-managed` with `managedPostgres.serviceId`: `ManagedPostgres/Service` (and the clickhouse provider and its variables, pipe or not). */
  readonly managedPostgresService?: boolean;
  /** `-db` only: the pipe connects over PrivateLink (two more variables). */
  readonly privateLinkVariables?: boolean;
  /** `-db` only: the pipe uses IAM authentication (variable `clickpipes_iam_role_arn`). */
  readonly iamRoleVariable?: boolean;
  /** A monitoring role (`monitoring`): `Monitoring/*` and the variable `monitoring_password`. */
  readonly monitoring?: boolean;
  /** A read-only plan role (`planRole`): `PlanRole/*` and the variable `plan_role_password`. */
  readonly planRole?: boolean;
  /** Generic, hostProfile azure with `azure.serverId`: the provider `azurerm`, `Azure/Parameter-<name>` and `Azure/Firewall-<ip>[_<bits>]`. */
  readonly azure?: { readonly parameters: readonly string[]; readonly cidrs: readonly string[] };
  /** The pipe, if any. */
  readonly pipe?: PipeConstructsSpec;
}

/** Network of an `-aws` stack. */
export type AwsNetworkConstructsSpec =
  | {
      readonly mode: "ip-allow-list";
      /** A new dedicated security group (`vpcId`): `SecurityGroup`. */
      readonly newSecurityGroup: boolean;
      /** The allowed CIDRs. */
      readonly cidrs: readonly string[];
      /** The built-in ClickPipes IPs are used (output `clickpipes_ip_region`). */
      readonly clickPipesIpRegion: boolean;
    }
  | { readonly mode: "privatelink" }
  | { readonly mode: "none" };

/** The AWS side of an Aurora/RDS source (`-aws` stack). */
export interface AwsConstructsSpec {
  readonly stack: StackRole.AWS;
  readonly source: string;
  /** Aurora (cluster parameter group) or RDS (DB parameter group). */
  readonly engine: "aurora-postgresql" | "postgres";
  readonly network: AwsNetworkConstructsSpec;
  /** IAM authentication with a pipe: `<source>-clickpipes-iam` and the output `clickpipes_iam_role_arn`. */
  readonly clickPipesIamRole?: boolean;
  /** CloudWatch alarms (`Alarms/*`), unless `alarms.enabled` is false. */
  readonly alarms?: boolean;
}

export type StackConstructsSpec = PostgresConstructsSpec | AwsConstructsSpec;

/** One documented construct of a given stack. */
export interface DocumentedConstruct {
  /** Path relative to the stack, e.g. `orders-db/User/Role`. */
  readonly path: string;
  readonly entry: ConstructIdEntry;
  /** The Terraform type it declares in this stack (resource/data; providers: the provider name). */
  readonly terraformType?: string;
  /** Its Terraform address (`type.logicalId`, `data.type.logicalId`; variables `var.x`, outputs `output.x`, locals `local.x`, providers the name). */
  readonly address?: string;
}

export interface DocumentedConstructsOptions {
  /**
   * Include stack-level IDs (providers, variables, outputs) of the ready-made stacks.
   * @default true
   */
  readonly stackLevel?: boolean;
}

/**
 * Every documented construct path of one stack, relative to the stack, in a fixed order (stack
 * level first, then the source's, then the pipe's). Prefix the stack name to get the
 * `//`.metadata.path cdktf writes into cdk.tf.json.
 */
export function documentedConstructs(spec: StackConstructsSpec, options: DocumentedConstructsOptions = {}): DocumentedConstruct[] {
  const out: DocumentedConstruct[] = [];
  const add = (key: string, path: string, terraformType?: string) => {
    const e = constructIdEntry(key);
    const type = terraformType ?? (e.terraformTypes.length === 1 ? e.terraformTypes[0] : undefined);
    out.push({ path, entry: e, terraformType: type, address: terraformAddress(e.kind, path, type) });
  };
  const stackLevel = options.stackLevel ?? true;
  const s = spec.source;

  if (spec.stack === StackRole.AWS) {
    if (stackLevel) add("provider.aws", PROVIDER_IDS.AWS);
    add(
      "parameterGroup",
      `${s}/${SOURCE_IDS.PARAMETER_GROUP}/${PARAMETER_GROUP_IDS.PARAMETER_GROUP}`,
      spec.engine === "aurora-postgresql" ? "aws_rds_cluster_parameter_group" : "aws_db_parameter_group",
    );
    const n = spec.network;
    if (n.mode === "ip-allow-list") {
      if (n.newSecurityGroup) add("ipAllowList.securityGroup", `${s}/${SOURCE_IDS.IP_ALLOW_LIST}/${IP_ALLOW_LIST_IDS.SECURITY_GROUP}`);
      for (const cidr of [...new Set(n.cidrs)].sort()) {
        const id = ingressRuleId(cidr);
        add(id.includes("_") ? "ipAllowList.ingressCidr" : "ipAllowList.ingress", `${s}/${SOURCE_IDS.IP_ALLOW_LIST}/${id}`);
      }
    } else if (n.mode === "privatelink") {
      for (const [key, id] of [
        ["privateLink.resourceGateway", PRIVATE_LINK_IDS.RESOURCE_GATEWAY],
        ["privateLink.resourceConfiguration", PRIVATE_LINK_IDS.RESOURCE_CONFIGURATION],
        ["privateLink.resourceShare", PRIVATE_LINK_IDS.RESOURCE_SHARE],
        ["privateLink.resourceAssociation", PRIVATE_LINK_IDS.RESOURCE_ASSOCIATION],
        ["privateLink.principalAssociation", PRIVATE_LINK_IDS.PRINCIPAL_ASSOCIATION],
      ] as const) {
        add(key, `${s}/${SOURCE_IDS.PRIVATE_LINK}/${id}`);
      }
    }
    if (stackLevel) {
      add("output.parameterGroupName", OUTPUT_IDS.PARAMETER_GROUP_NAME);
      add("output.parameterGroupFamily", OUTPUT_IDS.PARAMETER_GROUP_FAMILY);
      add("output.parameters", OUTPUT_IDS.PARAMETERS);
      add("output.rebootRequired", OUTPUT_IDS.REBOOT_REQUIRED);
      if (n.mode === "ip-allow-list") {
        add("output.securityGroupId", OUTPUT_IDS.SECURITY_GROUP_ID);
        add("output.allowedCidrs", OUTPUT_IDS.ALLOWED_CIDRS);
        if (n.clickPipesIpRegion) add("output.clickpipesIpRegion", OUTPUT_IDS.CLICKPIPES_IP_REGION);
      } else if (n.mode === "privatelink") {
        add("output.privateLinkResourceConfigurationId", OUTPUT_IDS.PRIVATELINK_RESOURCE_CONFIGURATION_ID);
        add("output.privateLinkResourceShareArn", OUTPUT_IDS.PRIVATELINK_RESOURCE_SHARE_ARN);
      }
    }
    if (spec.alarms) {
      const alarms = `${s}/${SOURCE_IDS.ALARMS}`;
      add("alarms.oldestReplicationSlotLag", `${alarms}/${ALARM_IDS.OLDEST_REPLICATION_SLOT_LAG}`);
      add("alarms.replicationSlotDiskUsage", `${alarms}/${ALARM_IDS.REPLICATION_SLOT_DISK_USAGE}`);
      add("alarms.transactionLogsDiskUsage", `${alarms}/${ALARM_IDS.TRANSACTION_LOGS_DISK_USAGE}`);
      if (spec.engine === "aurora-postgresql") add("alarms.freeLocalStorage", `${alarms}/${ALARM_IDS.FREE_LOCAL_STORAGE}`);
      else add("alarms.freeStorageSpace", `${alarms}/${ALARM_IDS.FREE_STORAGE_SPACE}`);
    }
    if (spec.clickPipesIamRole) {
      const iam = clickPipesIamRoleId(s);
      add("iamRole.partition", `${iam}/${CLICKPIPES_IAM_ROLE_IDS.PARTITION}`);
      add("iamRole.account", `${iam}/${CLICKPIPES_IAM_ROLE_IDS.ACCOUNT}`);
      if (spec.engine === "aurora-postgresql") add("iamRole.cluster", `${iam}/${CLICKPIPES_IAM_ROLE_IDS.CLUSTER}`);
      else add("iamRole.instance", `${iam}/${CLICKPIPES_IAM_ROLE_IDS.INSTANCE}`);
      add("iamRole.role", `${iam}/${CLICKPIPES_IAM_ROLE_IDS.ROLE}`);
      add("iamRole.connectPolicy", `${iam}/${CLICKPIPES_IAM_ROLE_IDS.CONNECT_POLICY}`);
      if (stackLevel) add("output.clickpipesIamRoleArn", OUTPUT_IDS.CLICKPIPES_IAM_ROLE_ARN);
    }
    return out;
  }

  const db = spec.stack === StackRole.DB;
  if (stackLevel) {
    add("provider.postgresql", PROVIDER_IDS.POSTGRESQL);
    if (db) add("variable.dbHost", VARIABLE_IDS.DB_HOST);
    add("variable.clickpipesPassword", VARIABLE_IDS.CLICKPIPES_PASSWORD);
    add("variable.adminPassword", VARIABLE_IDS.ADMIN_PASSWORD);
    if (spec.monitoring) add("variable.monitoringPassword", VARIABLE_IDS.MONITORING_PASSWORD);
    if (spec.planRole) add("variable.planRolePassword", VARIABLE_IDS.PLAN_ROLE_PASSWORD);
  }
  const user = `${s}/${SOURCE_IDS.USER}`;
  add("user.role", `${user}/${USER_IDS.ROLE}`);
  if (db) add("user.rdsReplication", `${user}/${USER_IDS.RDS_REPLICATION}`);
  if (db && spec.iamAuth) add("user.rdsIam", `${user}/${USER_IDS.RDS_IAM}`);
  const grants = `${s}/${SOURCE_IDS.GRANTS}`;
  for (const schema of spec.schemas) {
    const [usage, select, ...defaults] = schemaGrantIds(schema.name, schema.owners);
    add("grants.schemaUsage", `${grants}/${usage}`);
    add("grants.schemaSelectAllTables", `${grants}/${select}`);
    for (const d of defaults) add("grants.schemaDefaultSelect", `${grants}/${d}`);
  }
  for (const schema of spec.tableScopedSchemas) {
    const [usage, select] = tableGrantIds(schema);
    add("grants.tablesUsage", `${grants}/${usage}`);
    add("grants.tablesSelect", `${grants}/${select}`);
  }
  const publication = `${s}/${SOURCE_IDS.PUBLICATION}`;
  if (spec.schemaWidePublication) add("publication.schemaTables", `${publication}/${PUBLICATION_IDS.SCHEMA_TABLES}`);
  add("publication.publication", `${publication}/${PUBLICATION_IDS.PUBLICATION}`);
  if (spec.monitoring) {
    const monitoring = `${s}/${SOURCE_IDS.MONITORING}`;
    add("monitoring.role", `${monitoring}/${MONITORING_IDS.ROLE}`);
    add("monitoring.pgMonitor", `${monitoring}/${MONITORING_IDS.PG_MONITOR}`);
    add("monitoring.connect", `${monitoring}/${MONITORING_IDS.CONNECT}`);
  }
  if (spec.managedPostgresService) add("managedPostgres.service", `${s}/${SOURCE_IDS.MANAGED_POSTGRES}/${MANAGED_POSTGRES_IDS.SERVICE}`);
  if (spec.planRole) {
    const plan = `${s}/${SOURCE_IDS.PLAN_ROLE}`;
    add("planRole.role", `${plan}/${PLAN_ROLE_IDS.ROLE}`);
    add("planRole.connect", `${plan}/${PLAN_ROLE_IDS.CONNECT}`);
  }
  if (!db) add("serverSetup", `${s}/${SOURCE_IDS.SERVER_SETUP}`);
  if (spec.azure) {
    if (stackLevel) add("provider.azurerm", PROVIDER_IDS.AZURERM);
    const azure = `${s}/${SOURCE_IDS.AZURE}`;
    for (const name of spec.azure.parameters) add("azure.serverParameter", `${azure}/${AZURE_PARAMETER_PREFIX}${name}`);
    for (const cidr of [...new Set(spec.azure.cidrs)].sort()) {
      const [ip, bits] = (canonicalCidr(cidr) ?? cidr).split("/");
      add(bits === undefined || bits === "32" ? "azure.firewallRule" : "azure.firewallRuleCidr", `${azure}/${AZURE_FIREWALL_PREFIX}${ip}${bits === undefined || bits === "32" ? "" : `_${bits}`}`);
    }
  }
  if (stackLevel) {
    for (const [key, id] of [
      ["output.host", OUTPUT_IDS.HOST],
      ["output.port", OUTPUT_IDS.PORT],
      ["output.database", OUTPUT_IDS.DATABASE],
      ["output.user", OUTPUT_IDS.USER],
      ["output.publication", OUTPUT_IDS.PUBLICATION],
    ] as const) {
      add(key, id);
    }
    if (db) {
      add("output.authentication", OUTPUT_IDS.AUTHENTICATION);
      add("output.clickpipeSourceType", OUTPUT_IDS.CLICKPIPE_SOURCE_TYPE);
    } else {
      add("output.serverSettings", OUTPUT_IDS.SERVER_SETTINGS);
      add("output.restartRequired", OUTPUT_IDS.RESTART_REQUIRED);
      add("output.pgHbaLines", OUTPUT_IDS.PG_HBA_LINES);
    }
  }
  const pipe = spec.pipe;
  if (!pipe && stackLevel && spec.managedPostgresService) {
    add("variable.clickhouseOrganizationId", VARIABLE_IDS.CLICKHOUSE_ORGANIZATION_ID);
    add("variable.clickhouseTokenKey", VARIABLE_IDS.CLICKHOUSE_TOKEN_KEY);
    add("variable.clickhouseTokenSecret", VARIABLE_IDS.CLICKHOUSE_TOKEN_SECRET);
    add("provider.clickhouse", PROVIDER_IDS.CLICKHOUSE);
  }
  if (pipe) {
    if (stackLevel) {
      if (db && spec.privateLinkVariables) {
        add("variable.privateLinkResourceConfigurationId", VARIABLE_IDS.PRIVATELINK_RESOURCE_CONFIGURATION_ID);
        add("variable.privateLinkResourceShareArn", VARIABLE_IDS.PRIVATELINK_RESOURCE_SHARE_ARN);
      }
      if (db && spec.iamRoleVariable) add("variable.clickpipesIamRoleArn", VARIABLE_IDS.CLICKPIPES_IAM_ROLE_ARN);
      add("variable.clickhouseOrganizationId", VARIABLE_IDS.CLICKHOUSE_ORGANIZATION_ID);
      add("variable.clickhouseTokenKey", VARIABLE_IDS.CLICKHOUSE_TOKEN_KEY);
      add("variable.clickhouseTokenSecret", VARIABLE_IDS.CLICKHOUSE_TOKEN_SECRET);
      add("provider.clickhouse", PROVIDER_IDS.CLICKHOUSE);
    }
    if (pipe.reversePrivateEndpoint) add("clickpipe.reversePrivateEndpoint", `${pipe.id}/${CLICKPIPE_IDS.REVERSE_PRIVATE_ENDPOINT}`);
    if (pipe.privateServiceConnect) {
      add("clickpipe.pscEndpoint", `${pipe.id}/${CLICKPIPE_IDS.PSC_ENDPOINT}`);
      add("clickpipe.pscPrivateDns", `${pipe.id}/${CLICKPIPE_IDS.PSC_PRIVATE_DNS}`);
    }
    if (pipe.managedPostgresCa) add("clickpipe.managedPostgresCa", `${pipe.id}/${CLICKPIPE_IDS.MANAGED_POSTGRES_CA}`);
    if (pipe.targetTablesLocal) add("clickpipe.targetTables", `${pipe.id}/${CLICKPIPE_IDS.TARGET_TABLES}`);
    add("clickpipe.pipe", `${pipe.id}/${CLICKPIPE_IDS.PIPE}`);
    if (pipe.cdcInfrastructure) add("clickpipe.cdcInfrastructure", `${pipe.id}/${CLICKPIPE_IDS.CDC_INFRASTRUCTURE}`);
  }
  return out;
}

/** `documentedConstructs` by path (relative to the stack), for exact lookups. */
export function documentedConstructIndex(spec: StackConstructsSpec, options?: DocumentedConstructsOptions): ReadonlyMap<string, DocumentedConstruct> {
  return new Map(documentedConstructs(spec, options).map((c) => [c.path, c]));
}

// ---------------------------------------------------------------------------------------------
// From a construct path (cdk.tf.json `//`.metadata.path) or an address back to the entry
// ---------------------------------------------------------------------------------------------

/** A construct path matched to its entry. */
export interface ConstructMatch {
  readonly entry: ConstructIdEntry;
  /** The stack name (first segment of a metadata path), when the path had one. */
  readonly stack?: string;
  /** The path relative to the stack. */
  readonly path: string;
  /** The placeholders' values, e.g. `{ source: "orders-db", schema: "public" }`. */
  readonly params: Readonly<Record<string, string>>;
}

const PLACEHOLDER_PATTERNS: Readonly<Record<string, string>> = {
  source: "[^/]+",
  pipe: "[^/]+",
  schema: "[^/]+",
  owner: "[^/]+",
  ip: "[0-9A-Fa-f.:]+",
  param: "[A-Za-z0-9_.]+",
  bits: "[0-9]{1,3}",
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const MATCHERS: readonly { readonly entry: ConstructIdEntry; readonly re: RegExp; readonly names: readonly string[] }[] = CONSTRUCT_ID_ENTRIES.map((e) => {
  const names: string[] = [];
  const source = e.pattern
    .split(/(<[a-z]+>)/)
    .map((part) => {
      const m = /^<([a-z]+)>$/.exec(part);
      if (!m) return escapeRegExp(part);
      names.push(m[1]);
      return `(${PLACEHOLDER_PATTERNS[m[1]]})`;
    })
    .join("");
  return { entry: e, re: new RegExp(`^${source}$`), names };
});

/**
 * The entry of a path relative to the stack (e.g. `orders-db/User/Role`), or undefined when the
 * path is not a documented construct. With `terraformType`, the entry must also declare that type
 * (a user's own construct that happens to sit at a documented path but declares something else
 * does not match). With `kind`, the entry must be of that kind (two stack-level IDs are both a
 * variable of the `-db` stack and an output of the `-aws` stack: `privatelink_resource_*`).
 */
export function matchRelativeConstructPath(path: string, terraformType?: string, kind?: ConstructKind): ConstructMatch | undefined {
  for (const m of MATCHERS) {
    const r = m.re.exec(path);
    if (!r) continue;
    if (terraformType !== undefined && !m.entry.terraformTypes.includes(terraformType)) continue;
    if (kind !== undefined && m.entry.kind !== kind) continue;
    const params: Record<string, string> = {};
    m.names.forEach((n, i) => (params[n] = r[i + 1]));
    return { entry: m.entry, path, params };
  }
  return undefined;
}

/**
 * The entry of a construct path as cdktf writes it into cdk.tf.json (`//`.metadata.path: the stack
 * name first, e.g. `orders-db/orders-db/User/Role`), or undefined when it is not a documented construct.
 */
export function matchConstructPath(metadataPath: string, terraformType?: string, kind?: ConstructKind): ConstructMatch | undefined {
  const slash = metadataPath.indexOf("/");
  if (slash <= 0) return undefined;
  const m = matchRelativeConstructPath(metadataPath.slice(slash + 1), terraformType, kind);
  return m ? { ...m, stack: metadataPath.slice(0, slash) } : undefined;
}

/**
 * The Terraform logical ID cdktf 0.21 allocates to a construct at `path` (relative to its stack):
 * a single component as is (characters other than letters, digits, `_` and `-` dropped); otherwise
 * the components (those equal to `Default` left out) joined by `_` — a component the previous one
 * ends with is skipped, `Resource` is hidden, the text is cut to 240 characters — then `_` and the
 * first 8 hex digits (upper case) of the MD5 of the components joined by `/`. Tested against synth.
 */
export function terraformLogicalId(path: string): string {
  const components = path.split("/").filter((c) => c !== "Default");
  if (components.length === 0) throw new Error("an empty construct path has no logical ID");
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, "");
  if (components.length === 1) {
    const one = clean(components[0]);
    if (one.length <= 255) return one;
  }
  const hash = createHash("md5").update(components.join("/")).digest("hex").slice(0, 8).toUpperCase();
  const kept: string[] = [];
  for (const c of components) if (kept.length === 0 || !kept[kept.length - 1].endsWith(c)) kept.push(c);
  const human = kept
    .filter((c) => c !== "Resource")
    .map(clean)
    .join("_")
    .slice(0, 240);
  return `${human}_${hash}`;
}

/** The Terraform address of a documented construct, when it has one. */
function terraformAddress(kind: ConstructKind, path: string, type: string | undefined): string | undefined {
  const id = terraformLogicalId(path);
  switch (kind) {
    case ConstructKind.RESOURCE:
      return type ? `${type}.${id}` : undefined;
    case ConstructKind.DATA:
      return type ? `data.${type}.${id}` : undefined;
    case ConstructKind.VARIABLE:
      return `var.${id}`;
    case ConstructKind.OUTPUT:
      return `output.${id}`;
    case ConstructKind.LOCAL:
      return `local.${id}`;
    case ConstructKind.PROVIDER:
      return path;
    default:
      return undefined;
  }
}
