/** The construct IDs themselves: stack-level providers, variables and outputs, and the children of each construct. Part of the construct-ID contract (see index.ts). */
import { canonicalCidr } from "../cidr";

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
/** @internal Shared with entries.ts. */
export const INGRESS_PREFIX = "Ingress-";

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

/** @internal Shared with entries.ts. */
export const CLICKPIPES_IAM_SUFFIX = "-clickpipes-iam";

/** ID of the `ClickPipesIamRole` of a source in the `-aws` stack: `<source>-clickpipes-iam`. */
export function clickPipesIamRoleId(sourceName: string): string {
  return `${sourceName}${CLICKPIPES_IAM_SUFFIX}`;
}

const CLICKPIPE_SUFFIX = "-clickpipe";

/** ID of the pipe of a source in the ready-made stacks: `<source>-clickpipe`. */
export function clickPipeId(sourceName: string): string {
  return `${sourceName}${CLICKPIPE_SUFFIX}`;
}
