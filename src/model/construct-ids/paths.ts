/** Every documented path of a stack, by mode (what a stack of a given config declares). Part of the construct-ID contract (see index.ts). */
import { terraformAddress } from "./match";
import { canonicalCidr } from "../cidr";
import { AZURE_FIREWALL_PREFIX, AZURE_PARAMETER_PREFIX } from "../azure";
import {
  ALARM_IDS,
  CLICKPIPES_IAM_ROLE_IDS,
  CLICKPIPE_IDS,
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
  clickPipesIamRoleId,
  ingressRuleId,
  schemaGrantIds,
  tableGrantIds,
} from "./ids";
import { ConstructIdEntry, StackRole, constructIdEntry } from "./entries";

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
