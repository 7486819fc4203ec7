/**
 * The construct-ID contract (docs/reference.md "Construct IDs are public API"): a hand-written golden list of
 * every documented construct path, per mode, compared with what synth produces (the construct tree
 * and the `//`.metadata.path of cdk.tf.json) — independent of the snapshots, which `vitest -u`
 * rewrites. Then the module (src/model/construct-ids.ts) and the docs/reference.md tables against the same list.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IConstruct } from "constructs";
import { buildApp } from "../../src/app/app";
import { AppConfig } from "../../src/model/app-config";
import { AwsNetworkMode } from "../../src/model/aws-types";
import { ClickPipeReplicationMode } from "../../src/model/clickpipe";
import {
  CONSTRUCT_ID_ENTRIES,
  ConstructKind,
  documentedConstructIndex,
  documentedConstructs,
  matchConstructPath,
  StackConstructsSpec,
  StackRole,
  terraformLogicalId,
} from "../../src/model/construct-ids";
import { auroraSource, CLUSTER_ARN, PRIVATELINK, rdsSource } from "../support/aws-helpers";
import { genericSource } from "../support/helpers";
import { HostProfile } from "../../src/model/host-profiles";
import { CloudProvider, PostgresMajorVersion } from "../../src/model/types";

const SERVICE_A = "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d";
const SERVICE_B = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const SERVICE_C = "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a";
const CH_ROLE = "arn:aws:iam::426924874929:role/CH-S3-steel-ab-12-ue1-29-Role";

/** One app with every mode: generic (table-scoped and schema-wide), Aurora (existing group, new group + IAM, PrivateLink + pipe), RDS. */
const CONFIG: AppConfig = {
  sources: [
    // Generic: two schemas granted whole (one with two owners), one table-scoped schema, no pipe, a monitoring role, a plan role.
    genericSource({ monitoring: {}, planRole: {} }),
    // Generic, schema-wide publication (plan-time table list), pipe with CDC infrastructure.
    genericSource({
      name: "events",
      schemas: [{ name: "public" }],
      tables: [],
      clickpipe: { serviceId: SERVICE_A, tables: ["public.events"], cdcInfrastructure: { cpuMillicores: 2000 } },
    }),
    // Aurora, IP allow list on an existing group (built-in ClickPipes IPs), pipe with a renamed table.
    auroraSource({ name: "billing", clickpipe: { serviceId: SERVICE_B, targetTables: { "public.invoices": "invoices" } } }),
    // Aurora, IP allow list on a new group in a VPC with custom CIDRs (IPv4 /32, /24, IPv6), IAM auth,
    // pipe with IAM authentication (the role ClickPipes assumes in -aws).
    auroraSource({
      name: "ledger",
      alarms: { enabled: false },
      iamAuth: true,
      clickpipe: { serviceId: SERVICE_A, replicationMode: ClickPipeReplicationMode.SNAPSHOT, clickhouseServiceRoleArn: CH_ROLE },
      network: { mode: AwsNetworkMode.IP_ALLOW_LIST, vpcId: "vpc-0a1b2c3d4e5f60718", allowedCidrs: ["192.0.2.10/32", "198.51.100.0/24", "2001:db8::/64"] },
    }),
    // Aurora over PrivateLink, pipe with reverse private endpoint and CDC infrastructure.
    auroraSource({ name: "payments", resourceArn: CLUSTER_ARN, network: PRIVATELINK, clickpipe: { serviceId: SERVICE_C, cdcInfrastructure: { cpuMillicores: 1000 } } }),
    // ClickHouse Managed Postgres by service ID, with a pipe (the service's host, port and CA read by data sources).
    genericSource({
      name: "warehouse",
      hostProfile: HostProfile.CLICKHOUSE_MANAGED,
      host: undefined,
      postgresVersion: PostgresMajorVersion.V18,
      managedPostgres: { serviceId: SERVICE_C },
      schemas: [{ name: "public" }],
      tables: ["public.orders"],
      clickpipe: { serviceId: SERVICE_A },
    }),
    // AlloyDB on GCP over Private Service Connect.
    genericSource({
      name: "analytics",
      hostProfile: HostProfile.ALLOYDB,
      clickhouse: { cloud: CloudProvider.GCP, region: "us-central1" },
      schemas: [{ name: "public" }],
      tables: ["public.orders"],
      clickpipe: { serviceId: SERVICE_B, privateServiceConnect: { serviceAttachment: "projects/acme/regions/us-central1/serviceAttachments/analytics", privateDnsName: "analytics.db.internal" } },
    }),
    // Generic on Azure Flexible Server, declared: wal_level and max_wal_senders, a /32 and a /29 firewall rule.
    genericSource({
      name: "sales-azure",
      schemas: [{ name: "public" }],
      tables: ["sales.orders"],
      hostProfile: HostProfile.AZURE,
      azure: { serverId: "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/sales-rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/sales-pg" },
      serverSettings: { maxWalSenders: 16 },
      network: { allowedCidrs: ["198.51.100.9/32", "203.0.113.8/29"] },
    }),
    // RDS, no network resource; IAM auth with a pipe (the instance's resource ID).
    rdsSource({
      name: "crm",
      monitoring: { name: "crm_monitor" },
      planRole: { name: "crm_plan" },
      network: { mode: AwsNetworkMode.NONE },
      iamAuth: true,
      clickpipe: { serviceId: SERVICE_B, replicationMode: ClickPipeReplicationMode.SNAPSHOT, clickhouseServiceRoleArn: CH_ROLE },
    }),
  ],
};

/** THE GOLDEN LIST: literal paths (stack name first, as in cdk.tf.json), written by hand. Do not derive them. */
const GOLDEN: Record<string, readonly string[]> = {
  "orders-db": [
    "orders-db/postgresql",
    "orders-db/clickpipes_password",
    "orders-db/postgres_admin_password",
    "orders-db/monitoring_password",
    "orders-db/plan_role_password",
    "orders-db/orders-db/User/Role",
    "orders-db/orders-db/Grants/schema-public/Usage",
    "orders-db/orders-db/Grants/schema-public/SelectAllTables",
    "orders-db/orders-db/Grants/schema-public/DefaultSelect-postgres",
    "orders-db/orders-db/Grants/schema-sales/Usage",
    "orders-db/orders-db/Grants/schema-sales/SelectAllTables",
    "orders-db/orders-db/Grants/schema-sales/DefaultSelect-app_owner",
    "orders-db/orders-db/Grants/schema-sales/DefaultSelect-postgres",
    "orders-db/orders-db/Grants/tables-inventory/Usage",
    "orders-db/orders-db/Grants/tables-inventory/SelectTables",
    "orders-db/orders-db/Publication/Publication",
    "orders-db/orders-db/Monitoring/Role",
    "orders-db/orders-db/Monitoring/PgMonitor",
    "orders-db/orders-db/Monitoring/Connect",
    "orders-db/orders-db/PlanRole/Role",
    "orders-db/orders-db/PlanRole/Connect",
    "orders-db/orders-db/ServerSetup",
    "orders-db/host",
    "orders-db/port",
    "orders-db/database",
    "orders-db/user",
    "orders-db/publication",
    "orders-db/server_settings",
    "orders-db/restart_required",
    "orders-db/pg_hba_lines",
  ],
  events: [
    "events/postgresql",
    "events/clickpipes_password",
    "events/postgres_admin_password",
    "events/events/User/Role",
    "events/events/Grants/schema-public/Usage",
    "events/events/Grants/schema-public/SelectAllTables",
    "events/events/Grants/schema-public/DefaultSelect-postgres",
    "events/events/Publication/SchemaTables",
    "events/events/Publication/Publication",
    "events/events/ServerSetup",
    "events/host",
    "events/port",
    "events/database",
    "events/user",
    "events/publication",
    "events/server_settings",
    "events/restart_required",
    "events/pg_hba_lines",
    "events/clickhouse_organization_id",
    "events/clickhouse_token_key",
    "events/clickhouse_token_secret",
    "events/clickhouse",
    "events/events-clickpipe/Pipe",
    "events/events-clickpipe/CdcInfrastructure",
  ],
  warehouse: [
    "warehouse/postgresql",
    "warehouse/clickpipes_password",
    "warehouse/postgres_admin_password",
    "warehouse/warehouse/User/Role",
    "warehouse/warehouse/Grants/schema-public/Usage",
    "warehouse/warehouse/Grants/schema-public/SelectAllTables",
    "warehouse/warehouse/Grants/schema-public/DefaultSelect-postgres",
    "warehouse/warehouse/Publication/Publication",
    "warehouse/warehouse/ManagedPostgres/Service",
    "warehouse/warehouse/ServerSetup",
    "warehouse/host",
    "warehouse/port",
    "warehouse/database",
    "warehouse/user",
    "warehouse/publication",
    "warehouse/server_settings",
    "warehouse/restart_required",
    "warehouse/pg_hba_lines",
    "warehouse/clickhouse_organization_id",
    "warehouse/clickhouse_token_key",
    "warehouse/clickhouse_token_secret",
    "warehouse/clickhouse",
    "warehouse/warehouse-clickpipe/ManagedPostgresCa",
    "warehouse/warehouse-clickpipe/Pipe",
  ],
  analytics: [
    "analytics/postgresql",
    "analytics/clickpipes_password",
    "analytics/postgres_admin_password",
    "analytics/analytics/User/Role",
    "analytics/analytics/Grants/schema-public/Usage",
    "analytics/analytics/Grants/schema-public/SelectAllTables",
    "analytics/analytics/Grants/schema-public/DefaultSelect-postgres",
    "analytics/analytics/Publication/Publication",
    "analytics/analytics/ServerSetup",
    "analytics/host",
    "analytics/port",
    "analytics/database",
    "analytics/user",
    "analytics/publication",
    "analytics/server_settings",
    "analytics/restart_required",
    "analytics/pg_hba_lines",
    "analytics/clickhouse_organization_id",
    "analytics/clickhouse_token_key",
    "analytics/clickhouse_token_secret",
    "analytics/clickhouse",
    "analytics/analytics-clickpipe/PscEndpoint",
    "analytics/analytics-clickpipe/PscPrivateDns",
    "analytics/analytics-clickpipe/Pipe",
  ],
  "sales-azure": [
    "sales-azure/postgresql",
    "sales-azure/clickpipes_password",
    "sales-azure/postgres_admin_password",
    "sales-azure/azurerm",
    "sales-azure/sales-azure/User/Role",
    "sales-azure/sales-azure/Grants/schema-public/Usage",
    "sales-azure/sales-azure/Grants/schema-public/SelectAllTables",
    "sales-azure/sales-azure/Grants/schema-public/DefaultSelect-postgres",
    "sales-azure/sales-azure/Grants/tables-sales/Usage",
    "sales-azure/sales-azure/Grants/tables-sales/SelectTables",
    "sales-azure/sales-azure/Publication/Publication",
    "sales-azure/sales-azure/ServerSetup",
    "sales-azure/sales-azure/Azure/Parameter-wal_level",
    "sales-azure/sales-azure/Azure/Parameter-max_wal_senders",
    "sales-azure/sales-azure/Azure/Firewall-198.51.100.9",
    "sales-azure/sales-azure/Azure/Firewall-203.0.113.8_29",
    "sales-azure/host",
    "sales-azure/port",
    "sales-azure/database",
    "sales-azure/user",
    "sales-azure/publication",
    "sales-azure/server_settings",
    "sales-azure/restart_required",
    "sales-azure/pg_hba_lines",
  ],
  "billing-aws": [
    "billing-aws/aws",
    "billing-aws/billing/ParameterGroup/ParameterGroup",
    "billing-aws/billing/IpAllowList/Ingress-3.127.86.90",
    "billing-aws/billing/IpAllowList/Ingress-3.122.25.29",
    "billing-aws/billing/IpAllowList/Ingress-18.195.233.217",
    "billing-aws/billing/IpAllowList/Ingress-18.197.167.47",
    "billing-aws/billing/IpAllowList/Ingress-35.157.23.2",
    "billing-aws/billing/IpAllowList/Ingress-52.28.148.40",
    "billing-aws/billing/Alarms/OldestReplicationSlotLag",
    "billing-aws/billing/Alarms/ReplicationSlotDiskUsage",
    "billing-aws/billing/Alarms/TransactionLogsDiskUsage",
    "billing-aws/billing/Alarms/FreeLocalStorage",
    "billing-aws/parameter_group_name",
    "billing-aws/parameter_group_family",
    "billing-aws/parameters",
    "billing-aws/reboot_required",
    "billing-aws/security_group_id",
    "billing-aws/allowed_cidrs",
    "billing-aws/clickpipes_ip_region",
  ],
  "billing-db": [
    "billing-db/db_host",
    "billing-db/clickpipes_password",
    "billing-db/postgres_admin_password",
    "billing-db/postgresql",
    "billing-db/billing/User/Role",
    "billing-db/billing/User/RdsReplication",
    "billing-db/billing/Grants/schema-public/Usage",
    "billing-db/billing/Grants/schema-public/SelectAllTables",
    "billing-db/billing/Grants/schema-public/DefaultSelect-postgres",
    "billing-db/billing/Grants/schema-sales/Usage",
    "billing-db/billing/Grants/schema-sales/SelectAllTables",
    "billing-db/billing/Grants/schema-sales/DefaultSelect-postgres",
    "billing-db/billing/Publication/Publication",
    "billing-db/host",
    "billing-db/port",
    "billing-db/database",
    "billing-db/user",
    "billing-db/publication",
    "billing-db/authentication",
    "billing-db/clickpipe_source_type",
    "billing-db/clickhouse_organization_id",
    "billing-db/clickhouse_token_key",
    "billing-db/clickhouse_token_secret",
    "billing-db/clickhouse",
    "billing-db/billing-clickpipe/TargetTables",
    "billing-db/billing-clickpipe/Pipe",
  ],
  "ledger-aws": [
    "ledger-aws/aws",
    "ledger-aws/ledger/ParameterGroup/ParameterGroup",
    "ledger-aws/ledger/IpAllowList/SecurityGroup",
    "ledger-aws/ledger/IpAllowList/Ingress-192.0.2.10",
    "ledger-aws/ledger/IpAllowList/Ingress-198.51.100.0_24",
    "ledger-aws/ledger/IpAllowList/Ingress-2001:db8::_64",
    "ledger-aws/parameter_group_name",
    "ledger-aws/parameter_group_family",
    "ledger-aws/parameters",
    "ledger-aws/reboot_required",
    "ledger-aws/security_group_id",
    "ledger-aws/allowed_cidrs",
    "ledger-aws/ledger-clickpipes-iam/Partition",
    "ledger-aws/ledger-clickpipes-iam/Account",
    "ledger-aws/ledger-clickpipes-iam/Cluster",
    "ledger-aws/ledger-clickpipes-iam/Role",
    "ledger-aws/ledger-clickpipes-iam/ConnectPolicy",
    "ledger-aws/clickpipes_iam_role_arn",
  ],
  "ledger-db": [
    "ledger-db/db_host",
    "ledger-db/clickpipes_password",
    "ledger-db/postgres_admin_password",
    "ledger-db/postgresql",
    "ledger-db/ledger/User/Role",
    "ledger-db/ledger/User/RdsReplication",
    "ledger-db/ledger/User/RdsIam",
    "ledger-db/ledger/Grants/schema-public/Usage",
    "ledger-db/ledger/Grants/schema-public/SelectAllTables",
    "ledger-db/ledger/Grants/schema-public/DefaultSelect-postgres",
    "ledger-db/ledger/Grants/schema-sales/Usage",
    "ledger-db/ledger/Grants/schema-sales/SelectAllTables",
    "ledger-db/ledger/Grants/schema-sales/DefaultSelect-postgres",
    "ledger-db/ledger/Publication/Publication",
    "ledger-db/host",
    "ledger-db/port",
    "ledger-db/database",
    "ledger-db/user",
    "ledger-db/publication",
    "ledger-db/authentication",
    "ledger-db/clickpipe_source_type",
    "ledger-db/clickpipes_iam_role_arn",
    "ledger-db/clickhouse_organization_id",
    "ledger-db/clickhouse_token_key",
    "ledger-db/clickhouse_token_secret",
    "ledger-db/clickhouse",
    "ledger-db/ledger-clickpipe/Pipe",
  ],
  "payments-aws": [
    "payments-aws/aws",
    "payments-aws/payments/ParameterGroup/ParameterGroup",
    "payments-aws/payments/PrivateLink/ResourceGateway",
    "payments-aws/payments/PrivateLink/ResourceConfiguration",
    "payments-aws/payments/PrivateLink/ResourceShare",
    "payments-aws/payments/PrivateLink/ResourceAssociation",
    "payments-aws/payments/PrivateLink/PrincipalAssociation",
    "payments-aws/payments/Alarms/OldestReplicationSlotLag",
    "payments-aws/payments/Alarms/ReplicationSlotDiskUsage",
    "payments-aws/payments/Alarms/TransactionLogsDiskUsage",
    "payments-aws/payments/Alarms/FreeLocalStorage",
    "payments-aws/parameter_group_name",
    "payments-aws/parameter_group_family",
    "payments-aws/parameters",
    "payments-aws/reboot_required",
    "payments-aws/privatelink_resource_configuration_id",
    "payments-aws/privatelink_resource_share_arn",
  ],
  "payments-db": [
    "payments-db/db_host",
    "payments-db/clickpipes_password",
    "payments-db/postgres_admin_password",
    "payments-db/postgresql",
    "payments-db/payments/User/Role",
    "payments-db/payments/User/RdsReplication",
    "payments-db/payments/Grants/schema-public/Usage",
    "payments-db/payments/Grants/schema-public/SelectAllTables",
    "payments-db/payments/Grants/schema-public/DefaultSelect-postgres",
    "payments-db/payments/Grants/schema-sales/Usage",
    "payments-db/payments/Grants/schema-sales/SelectAllTables",
    "payments-db/payments/Grants/schema-sales/DefaultSelect-postgres",
    "payments-db/payments/Publication/Publication",
    "payments-db/host",
    "payments-db/port",
    "payments-db/database",
    "payments-db/user",
    "payments-db/publication",
    "payments-db/authentication",
    "payments-db/clickpipe_source_type",
    "payments-db/privatelink_resource_configuration_id",
    "payments-db/privatelink_resource_share_arn",
    "payments-db/clickhouse_organization_id",
    "payments-db/clickhouse_token_key",
    "payments-db/clickhouse_token_secret",
    "payments-db/clickhouse",
    "payments-db/payments-clickpipe/ReversePrivateEndpoint",
    "payments-db/payments-clickpipe/Pipe",
    "payments-db/payments-clickpipe/CdcInfrastructure",
  ],
  "crm-aws": [
    "crm-aws/aws",
    "crm-aws/crm/ParameterGroup/ParameterGroup",
    "crm-aws/crm/Alarms/OldestReplicationSlotLag",
    "crm-aws/crm/Alarms/ReplicationSlotDiskUsage",
    "crm-aws/crm/Alarms/TransactionLogsDiskUsage",
    "crm-aws/crm/Alarms/FreeStorageSpace",
    "crm-aws/parameter_group_name",
    "crm-aws/parameter_group_family",
    "crm-aws/parameters",
    "crm-aws/reboot_required",
    "crm-aws/crm-clickpipes-iam/Partition",
    "crm-aws/crm-clickpipes-iam/Account",
    "crm-aws/crm-clickpipes-iam/Instance",
    "crm-aws/crm-clickpipes-iam/Role",
    "crm-aws/crm-clickpipes-iam/ConnectPolicy",
    "crm-aws/clickpipes_iam_role_arn",
  ],
  "crm-db": [
    "crm-db/db_host",
    "crm-db/clickpipes_password",
    "crm-db/postgres_admin_password",
    "crm-db/monitoring_password",
    "crm-db/plan_role_password",
    "crm-db/postgresql",
    "crm-db/crm/User/Role",
    "crm-db/crm/User/RdsReplication",
    "crm-db/crm/User/RdsIam",
    "crm-db/crm/Grants/schema-public/Usage",
    "crm-db/crm/Grants/schema-public/SelectAllTables",
    "crm-db/crm/Grants/schema-public/DefaultSelect-postgres",
    "crm-db/crm/Grants/schema-sales/Usage",
    "crm-db/crm/Grants/schema-sales/SelectAllTables",
    "crm-db/crm/Grants/schema-sales/DefaultSelect-postgres",
    "crm-db/crm/Publication/Publication",
    "crm-db/crm/Monitoring/Role",
    "crm-db/crm/Monitoring/PgMonitor",
    "crm-db/crm/Monitoring/Connect",
    "crm-db/crm/PlanRole/Role",
    "crm-db/crm/PlanRole/Connect",
    "crm-db/host",
    "crm-db/port",
    "crm-db/database",
    "crm-db/user",
    "crm-db/publication",
    "crm-db/authentication",
    "crm-db/clickpipe_source_type",
    "crm-db/clickpipes_iam_role_arn",
    "crm-db/clickhouse_organization_id",
    "crm-db/clickhouse_token_key",
    "crm-db/clickhouse_token_secret",
    "crm-db/clickhouse",
    "crm-db/crm-clickpipe/Pipe",
  ],
};

/** The Terraform type of a few golden paths, also by hand (the module's entries are checked against the JSON below). */
const GOLDEN_TYPES: Record<string, string> = {
  "ledger-db/ledger/User/RdsIam": "postgresql_grant_role",
  "billing-aws/billing/ParameterGroup/ParameterGroup": "aws_rds_cluster_parameter_group",
  "crm-aws/crm/ParameterGroup/ParameterGroup": "aws_db_parameter_group",
  "ledger-aws/ledger/IpAllowList/SecurityGroup": "aws_security_group",
  "payments-aws/payments/PrivateLink/ResourceShare": "aws_ram_resource_share",
  "payments-aws/payments/PrivateLink/PrincipalAssociation": "aws_ram_principal_association",
  "payments-db/payments-clickpipe/ReversePrivateEndpoint": "clickhouse_clickpipes_reverse_private_endpoint",
  "ledger-aws/ledger-clickpipes-iam/Role": "aws_iam_role",
  "ledger-aws/ledger-clickpipes-iam/ConnectPolicy": "aws_iam_role_policy",
  "ledger-aws/ledger-clickpipes-iam/Cluster": "aws_rds_cluster",
  "crm-aws/crm-clickpipes-iam/Instance": "aws_db_instance",
  "payments-db/payments-clickpipe/CdcInfrastructure": "clickhouse_clickpipe_cdc_infrastructure",
  "events/events/Publication/SchemaTables": "postgresql_tables",
  "orders-db/orders-db/Monitoring/Role": "postgresql_role",
  "orders-db/orders-db/Monitoring/PgMonitor": "postgresql_grant_role",
  "crm-db/crm/Monitoring/Connect": "postgresql_grant",
  "billing-aws/billing/Alarms/FreeLocalStorage": "aws_cloudwatch_metric_alarm",
  "crm-aws/crm/Alarms/FreeStorageSpace": "aws_cloudwatch_metric_alarm",
  "warehouse/warehouse/ManagedPostgres/Service": "clickhouse_postgres_service",
  "warehouse/warehouse-clickpipe/ManagedPostgresCa": "clickhouse_postgres_service_ca_certificates",
  "analytics/analytics-clickpipe/PscEndpoint": "clickhouse_clickpipes_reverse_private_endpoint",
  "analytics/analytics-clickpipe/PscPrivateDns": "clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns",
};

/** The spec of each stack for `documentedConstructs` (hand-written, from the config above). */
const SPECS: Record<string, StackConstructsSpec> = {
  "orders-db": {
    stack: StackRole.GENERIC,
    source: "orders-db",
    schemas: [
      { name: "public", owners: ["postgres"] },
      { name: "sales", owners: ["app_owner", "postgres"] },
    ],
    tableScopedSchemas: ["inventory"],
    monitoring: true,
    planRole: true,
  },
  events: {
    stack: StackRole.GENERIC,
    source: "events",
    schemas: [{ name: "public", owners: ["postgres"] }],
    tableScopedSchemas: [],
    schemaWidePublication: true,
    pipe: { id: "events-clickpipe", cdcInfrastructure: true },
  },
  warehouse: {
    stack: StackRole.GENERIC,
    source: "warehouse",
    schemas: [{ name: "public", owners: ["postgres"] }],
    tableScopedSchemas: [],
    managedPostgresService: true,
    pipe: { id: "warehouse-clickpipe", managedPostgresCa: true },
  },
  analytics: {
    stack: StackRole.GENERIC,
    source: "analytics",
    schemas: [{ name: "public", owners: ["postgres"] }],
    tableScopedSchemas: [],
    pipe: { id: "analytics-clickpipe", privateServiceConnect: true },
  },
  "sales-azure": {
    stack: StackRole.GENERIC,
    source: "sales-azure",
    schemas: [{ name: "public", owners: ["postgres"] }],
    tableScopedSchemas: ["sales"],
    azure: { parameters: ["wal_level", "max_wal_senders"], cidrs: ["198.51.100.9/32", "203.0.113.8/29"] },
  },
  "billing-aws": {
    stack: StackRole.AWS,
    source: "billing",
    engine: "aurora-postgresql",
    network: {
      mode: "ip-allow-list",
      newSecurityGroup: false,
      cidrs: ["3.127.86.90/32", "3.122.25.29/32", "18.195.233.217/32", "18.197.167.47/32", "35.157.23.2/32", "52.28.148.40/32"],
      clickPipesIpRegion: true,
    },
    alarms: true,
  },
  "billing-db": {
    stack: StackRole.DB,
    source: "billing",
    schemas: [
      { name: "public", owners: ["postgres"] },
      { name: "sales", owners: ["postgres"] },
    ],
    tableScopedSchemas: [],
    pipe: { id: "billing-clickpipe", targetTablesLocal: true },
  },
  "ledger-aws": {
    stack: StackRole.AWS,
    source: "ledger",
    engine: "aurora-postgresql",
    network: { mode: "ip-allow-list", newSecurityGroup: true, cidrs: ["192.0.2.10/32", "198.51.100.0/24", "2001:db8::/64"], clickPipesIpRegion: false },
    clickPipesIamRole: true,
  },
  "ledger-db": {
    stack: StackRole.DB,
    source: "ledger",
    schemas: [
      { name: "public", owners: ["postgres"] },
      { name: "sales", owners: ["postgres"] },
    ],
    tableScopedSchemas: [],
    iamAuth: true,
    iamRoleVariable: true,
    pipe: { id: "ledger-clickpipe" },
  },
  "payments-aws": { stack: StackRole.AWS, source: "payments", engine: "aurora-postgresql", network: { mode: "privatelink" }, alarms: true },
  "payments-db": {
    stack: StackRole.DB,
    source: "payments",
    schemas: [
      { name: "public", owners: ["postgres"] },
      { name: "sales", owners: ["postgres"] },
    ],
    tableScopedSchemas: [],
    privateLinkVariables: true,
    pipe: { id: "payments-clickpipe", reversePrivateEndpoint: true, cdcInfrastructure: true },
  },
  "crm-aws": { stack: StackRole.AWS, source: "crm", engine: "postgres", network: { mode: "none" }, clickPipesIamRole: true, alarms: true },
  "crm-db": {
    stack: StackRole.DB,
    source: "crm",
    schemas: [
      { name: "public", owners: ["postgres"] },
      { name: "sales", owners: ["postgres"] },
    ],
    tableScopedSchemas: [],
    iamAuth: true,
    iamRoleVariable: true,
    monitoring: true,
    planRole: true,
    pipe: { id: "crm-clickpipe" },
  },
};

interface StackJson {
  resource?: Record<string, Record<string, { "//": { metadata: { path: string } } }>>;
  data?: Record<string, Record<string, { "//": { metadata: { path: string } } }>>;
  provider?: Record<string, unknown>;
  variable?: Record<string, unknown>;
  output?: Record<string, unknown>;
  locals?: Record<string, unknown>;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-construct-ids-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Leaf constructs of each stack (everything that declares something), by stack name; and each stack's JSON. */
const leaves = new Map<string, string[]>();
const jsons = new Map<string, StackJson>();

beforeAll(() => {
  const app = buildApp(CONFIG, { outdir: tmp });
  app.synth();
  for (const stack of app.node.children) {
    const isLeaf = (c: IConstruct) => c !== stack && c.node.children.length === 0 && c.node.id !== "backend";
    leaves.set(
      stack.node.id,
      stack.node
        .findAll()
        .filter(isLeaf)
        .map((c) => c.node.path),
    );
    jsons.set(stack.node.id, JSON.parse(fs.readFileSync(path.join(tmp, "stacks", stack.node.id, "cdk.tf.json"), "utf8")) as StackJson);
  }
});

const sorted = (xs: Iterable<string>) => [...xs].sort();

/**
 * The paths cdk.tf.json names: `//`.metadata.path of resources and data sources, `<stack>/<name>` of
 * providers, variables and outputs (named by their ID). Locals carry neither: checked apart.
 */
function pathsInJson(stack: string, j: StackJson): string[] {
  const out: string[] = [];
  for (const kind of ["resource", "data"] as const) for (const byName of Object.values(j[kind] ?? {})) for (const r of Object.values(byName)) out.push(r["//"].metadata.path);
  for (const kind of ["provider", "variable", "output"] as const) for (const name of Object.keys(j[kind] ?? {})) out.push(`${stack}/${name}`);
  return out;
}

describe("construct IDs: the golden list against synth", () => {
  it("synthesizes exactly the stacks of the golden list", () => {
    expect(sorted(leaves.keys())).toEqual(sorted(Object.keys(GOLDEN)));
  });

  it.each(Object.keys(GOLDEN))("%s: every construct of the tree is in the golden list, and every golden path is in the tree", (stack) => {
    expect(sorted(leaves.get(stack)!)).toEqual(sorted(GOLDEN[stack]));
  });

  it.each(Object.keys(GOLDEN))("%s: the synthesized JSON names exactly the golden paths (ServerSetup writes files only)", (stack) => {
    const expected = GOLDEN[stack].filter((p) => !p.endsWith("/ServerSetup") && !p.endsWith("/TargetTables"));
    expect(sorted(pathsInJson(stack, jsons.get(stack)!))).toEqual(sorted(expected));
  });

  it("the one local is the pipe's TargetTables", () => {
    for (const [stack, j] of jsons) {
      expect(Object.keys(j.locals ?? {}), stack).toEqual(stack === "billing-db" ? [expect.stringMatching(/^billing-clickpipe_TargetTables_[0-9A-F]{8}$/)] : []);
    }
  });

  it("the resources the issue names declare the documented Terraform types", () => {
    for (const [p, type] of Object.entries(GOLDEN_TYPES)) {
      const stack = p.split("/")[0];
      const j = jsons.get(stack)!;
      const found = [...Object.entries(j.resource ?? {}), ...Object.entries(j.data ?? {})].filter(([, byName]) => Object.values(byName).some((r) => r["//"].metadata.path === p));
      expect(
        found.map(([t]) => t),
        p,
      ).toEqual([type]);
    }
  });
});

describe("construct IDs: the module", () => {
  it.each(Object.keys(SPECS))("%s: documentedConstructs lists the golden paths", (stack) => {
    const listed = documentedConstructs(SPECS[stack]).map((c) => `${stack}/${c.path}`);
    expect(sorted(listed)).toEqual(sorted(GOLDEN[stack]));
    expect(new Set(listed).size).toBe(listed.length);
  });

  it.each(Object.keys(SPECS))("%s: every address the module computes is the one in cdk.tf.json, with the entry's type", (stack) => {
    const j = jsons.get(stack)!;
    const inJson = new Set<string>();
    for (const [t, byName] of Object.entries(j.resource ?? {})) for (const n of Object.keys(byName)) inJson.add(`${t}.${n}`);
    for (const [t, byName] of Object.entries(j.data ?? {})) for (const n of Object.keys(byName)) inJson.add(`data.${t}.${n}`);
    for (const n of Object.keys(j.variable ?? {})) inJson.add(`var.${n}`);
    for (const n of Object.keys(j.output ?? {})) inJson.add(`output.${n}`);
    for (const n of Object.keys(j.locals ?? {})) inJson.add(`local.${n}`);
    for (const n of Object.keys(j.provider ?? {})) inJson.add(n);
    const computed = documentedConstructs(SPECS[stack])
      .map((c) => c.address)
      .filter((a): a is string => a !== undefined);
    expect(sorted(computed)).toEqual(sorted(inJson));
  });

  it.each(Object.keys(SPECS))("%s: each metadata path of cdk.tf.json matches exactly one entry, of its type", (stack) => {
    const j = jsons.get(stack)!;
    const index = documentedConstructIndex(SPECS[stack]);
    for (const kind of ["resource", "data"] as const) {
      for (const [type, byName] of Object.entries(j[kind] ?? {})) {
        for (const [name, r] of Object.entries(byName)) {
          const p = r["//"].metadata.path;
          const m = matchConstructPath(p, type);
          expect(m, p).toBeDefined();
          expect(m!.stack).toBe(stack);
          expect(m!.entry.kind).toBe(kind === "resource" ? ConstructKind.RESOURCE : ConstructKind.DATA);
          expect(m!.entry.terraformTypes).toContain(type);
          expect(terraformLogicalId(m!.path)).toBe(name);
          // The spec-based index agrees with the pattern match.
          expect(index.get(m!.path)?.entry.key).toBe(m!.entry.key);
          expect(index.get(m!.path)?.terraformType).toBe(type);
          // Exactly one entry matches.
          expect(CONSTRUCT_ID_ENTRIES.filter((e) => matchConstructPath(p, type)?.entry === e)).toHaveLength(1);
        }
      }
    }
  });

  it("pipe-critical: the constructs whose delete or replace breaks a running pipe", () => {
    const critical = (p: string) => matchConstructPath(p)!.entry.pipeCritical;
    for (const p of [
      "orders-db/orders-db/User/Role",
      "billing-db/billing/User/RdsReplication",
      "ledger-db/ledger/User/RdsIam",
      "orders-db/orders-db/Grants/schema-public/Usage",
      "orders-db/orders-db/Grants/schema-public/SelectAllTables",
      "orders-db/orders-db/Grants/tables-inventory/Usage",
      "orders-db/orders-db/Grants/tables-inventory/SelectTables",
      "orders-db/orders-db/Publication/Publication",
      "billing-aws/billing/ParameterGroup/ParameterGroup",
      "ledger-aws/ledger/IpAllowList/SecurityGroup",
      "billing-aws/billing/IpAllowList/Ingress-3.127.86.90",
      "ledger-aws/ledger/IpAllowList/Ingress-198.51.100.0_24",
      "ledger-aws/ledger/IpAllowList/Ingress-2001:db8::_64",
      "payments-aws/payments/PrivateLink/ResourceGateway",
      "payments-aws/payments/PrivateLink/ResourceConfiguration",
      "payments-aws/payments/PrivateLink/ResourceShare",
      "payments-aws/payments/PrivateLink/ResourceAssociation",
      "payments-aws/payments/PrivateLink/PrincipalAssociation",
      "payments-db/payments-clickpipe/Pipe",
      "payments-db/payments-clickpipe/ReversePrivateEndpoint",
      "payments-db/payments-clickpipe/CdcInfrastructure",
      "ledger-aws/ledger-clickpipes-iam/Role",
      "ledger-aws/ledger-clickpipes-iam/ConnectPolicy",
    ]) {
      expect(critical(p), p).toBe(true);
    }
    for (const p of [
      "orders-db/orders-db/Grants/schema-sales/DefaultSelect-app_owner",
      "events/events/Publication/SchemaTables",
      "orders-db/orders-db/ServerSetup",
      "billing-db/billing-clickpipe/TargetTables",
      "orders-db/postgresql",
      "orders-db/clickpipes_password",
      "orders-db/host",
      "ledger-aws/ledger-clickpipes-iam/Cluster",
    ]) {
      expect(critical(p), p).toBe(false);
    }
  });

  it("does not match what the stacks never declared", () => {
    expect(matchConstructPath("orders-db/reporting/Role", "postgresql_role")).toBeUndefined();
    expect(matchConstructPath("orders-db/orders-db/User/Role", "postgresql_grant")).toBeUndefined();
    expect(matchConstructPath("orders-db/orders-db/User/Role/Extra")).toBeUndefined();
    expect(matchConstructPath("orders-db/orders-db/Grants/schema-public/Delete")).toBeUndefined();
    expect(matchConstructPath("billing-aws/billing/IpAllowList/Ingress-not-an-ip")).toBeUndefined();
    expect(matchConstructPath("User/Role")).toBeUndefined();
    expect(matchConstructPath("orders-db")).toBeUndefined();
  });

  it("returns the placeholders' values", () => {
    expect(matchConstructPath("orders-db/orders-db/Grants/schema-sales/DefaultSelect-app_owner")).toMatchObject({
      stack: "orders-db",
      path: "orders-db/Grants/schema-sales/DefaultSelect-app_owner",
      params: { source: "orders-db", schema: "sales", owner: "app_owner" },
    });
    expect(matchConstructPath("ledger-aws/ledger/IpAllowList/Ingress-198.51.100.0_24")?.params).toEqual({ source: "ledger", ip: "198.51.100.0", bits: "24" });
    expect(matchConstructPath("payments-db/payments-clickpipe/Pipe")?.params).toEqual({ pipe: "payments-clickpipe" });
  });

  it("entry keys are unique, and so are pattern and kind together", () => {
    expect(new Set(CONSTRUCT_ID_ENTRIES.map((e) => e.key)).size).toBe(CONSTRUCT_ID_ENTRIES.length);
    expect(new Set(CONSTRUCT_ID_ENTRIES.map((e) => `${e.pattern} ${e.kind}`)).size).toBe(CONSTRUCT_ID_ENTRIES.length);
    // The same name is a variable of the -db stack and an output of the -aws stack: the kind tells them apart.
    expect(matchConstructPath("payments-db/privatelink_resource_share_arn", undefined, ConstructKind.VARIABLE)?.entry.stacks).toEqual([StackRole.DB]);
    expect(matchConstructPath("payments-aws/privatelink_resource_share_arn", undefined, ConstructKind.OUTPUT)?.entry.stacks).toEqual([StackRole.AWS]);
  });
});

describe("construct IDs: the tables of docs/reference.md", () => {
  const readme = fs.readFileSync(path.join(__dirname, "../../docs/reference.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Construct IDs are public API"));
  const body = section.slice(0, section.indexOf("\n## "));
  /** Rows of the section's tables: [path pattern, kind, Terraform type(s), stacks, pipe-critical]. */
  const rows = body
    .split("\n")
    .filter((l) => /^\| `/.test(l))
    .map((l) =>
      l
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

  it("has a row for every entry of the module and no other, with the same kind, types, stacks and pipe-critical flag", () => {
    expect(rows.length).toBeGreaterThan(40);
    const byPattern = new Map(rows.map((r) => [`${code(r[0])[0]} ${r[1]}`, r]));
    expect(byPattern.size).toBe(rows.length);
    expect(sorted(byPattern.keys())).toEqual(sorted(CONSTRUCT_ID_ENTRIES.map((e) => `${e.pattern} ${e.kind}`)));
    for (const e of CONSTRUCT_ID_ENTRIES) {
      const [, , types, stacks, critical, what] = byPattern.get(`${e.pattern} ${e.kind}`)!;
      expect(what, e.pattern).toBe(e.description);
      expect(sorted(code(types)), e.pattern).toEqual(sorted(e.terraformTypes));
      expect(sorted(code(stacks)), e.pattern).toEqual(sorted(e.stacks.map((s) => ({ generic: "<name>", aws: "<name>-aws", db: "<name>-db" })[s])));
      expect(critical, e.pattern).toBe(e.pipeCritical ? "yes" : "no");
    }
  });

  it("every documented pattern is exercised by the golden list, and every golden path is a README pattern", () => {
    const patterns = rows.map((r) => {
      const re = code(r[0])[0]
        .split(/(<[a-z]+>)/)
        .map((part) => (/^<[a-z]+>$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("");
      return { pattern: code(r[0])[0], re: new RegExp(`^${re}$`) };
    });
    const golden = Object.values(GOLDEN).flatMap((paths) => paths.map((p) => p.slice(p.indexOf("/") + 1)));
    for (const p of golden)
      expect(
        patterns.some((x) => x.re.test(p)),
        p,
      ).toBe(true);
    for (const x of patterns)
      expect(
        golden.some((p) => x.re.test(p)),
        x.pattern,
      ).toBe(true);
  });
});
