/** The table: one entry per documented construct, with its Terraform type and whether it is pipe-critical. Part of the construct-ID contract (see index.ts). */
import { AZURE_FIREWALL_PREFIX, AZURE_PARAMETER_PREFIX } from "../azure";
import {
  ALARM_IDS,
  CLICKPIPES_IAM_ROLE_IDS,
  CLICKPIPES_IAM_SUFFIX,
  CLICKPIPE_IDS,
  GRANT_IDS,
  INGRESS_PREFIX,
  IP_ALLOW_LIST_IDS,
  MANAGED_POSTGRES_IDS,
  MONITORING_IDS,
  OUTPUT_IDS,
  PARAMETER_GROUP_IDS,
  PLAN_ROLE_IDS,
  PRIVATE_LINK_IDS,
  PROVIDER_IDS,
  PUBLICATION_IDS,
  SOURCE_IDS,
  USER_IDS,
  VARIABLE_IDS,
  defaultSelectId,
  schemaGrantGroupId,
  tablesGrantGroupId,
} from "./ids";

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
