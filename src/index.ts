/**
 * Public API of cdktf-clickpipes-postgres. Everything exported here is semver-stable, and so are
 * the construct IDs documented on each construct (they derive Terraform addresses). The API report
 * `api/cdktf-clickpipes-postgres.api.md` lists it; `npm run api` updates the report and `npm test`
 * fails when it is stale. Names are listed one by one (no `export *`), so a new export is a
 * deliberate change that shows in the report.
 *
 * Importing this module loads cdktf and the postgresql provider (the constructs need them), but
 * never `@cdktf/provider-aws` (an optional peer: the Aurora/RDS constructs and stacks are in
 * `cdktf-clickpipes-postgres/aws`, and `buildApp` loads them only for an Aurora or RDS source) and
 * never a database client: `pg` is loaded by `verifySource` when it connects.
 *
 * @packageDocumentation
 */

// Source configuration: the typed spec of a PostgreSQL source, and its enums.
export { CloudProvider, PostgresMajorVersion, PublishOperation, SslMode, SUPPORTED_POSTGRES_MAJORS } from "./model/types";
export type { ClickHouseServiceLocation, ClickPipesUserSpec, MonitoringRoleSpec, PlanRoleSpec, NetworkSpec, PostgresSourceSpec, PublicationSpec, SchemaSpec, ServerSettingsSpec } from "./model/types";
export { AwsEngine, AwsNetworkMode, ParameterApplyMethod } from "./model/aws-types";
export type { AuroraSourceSpec, AwsNetworkSpec, AwsSourceSpec, CloudWatchAlarmsSpec, ParameterGroupSpec, ParameterSpec, PrivateLinkSpec, RdsSourceSpec } from "./model/aws-types";
export { ALARM_DEFAULTS, ALARM_METRICS, alarmDefinitions } from "./model/cloudwatch-alarms";
export type { AlarmDefinition, AlarmMetric, AlarmMetricFacts, ResolvedAlarms } from "./model/cloudwatch-alarms";
export { ClickPipeAuthentication, ClickPipePostgresType, ClickPipeReplicationMode, ClickPipeTableEngine, CLICKPIPES_GCP_CONSUMER_PROJECT } from "./model/clickpipe";
export type { CdcInfrastructureSizing, ClickPipePrivateServiceConnect, ClickPipeRuleInput, ClickPipeSpec, ClickPipeTableOptions, TableMapping } from "./model/clickpipe";
export { HOST_PROFILES, HostProfile, MANAGED_POSTGRES_VERSIONS } from "./model/host-profiles";
export type { HostProfileFacts, HostProfileSpec, ManagedPostgresServiceRef, ManagedPostgresSpec } from "./model/host-profiles";
export type { AzureFirewallRange, AzureFlexibleServerSpec, AzureServerId, AzureServerParameter } from "./model/azure";
export { BackendType } from "./model/backend";
export type { BackendSpec, CloudBackendSpec, LocalBackendSpec, S3BackendSpec } from "./model/backend";

// What a construct resolved from its spec (read-only views on the constructs).
export type { ResolvedSchema, ResolvedSource, TableRef } from "./model/defaults";
export type { Cidr, IpFamily } from "./model/cidr";
export type { ResolvedAwsSource, ResolvedParameter } from "./model/aws";
export type { ServerSetting } from "./model/server-setup";

// Bad input and warnings; validate once, then hand the validated spec to the constructs/stacks.
export { Severity, ValidationError } from "./model/validation";
export type { Finding, RuleFinding } from "./model/validation";
export { Validated, validateApp, validateAwsSource, validateClickPipe, validateSource, validateSourceConfig } from "./model/validate";
export type { ValidatedApp, ValidatedAwsSource, ValidatedAwsSourceConfig, ValidatedClickPipe, ValidatedGenericSourceConfig, ValidatedSource, ValidatedSourceConfig } from "./model/validate";

// The ClickPipes static IP table (which addresses the allow lists open).
export { CLICKPIPES_IP_TABLE, CLICKPIPES_IP_TABLE_SOURCE, CLICKPIPES_IP_TABLE_VERSION, resolveClickPipesIps } from "./model/clickpipes-ips";
export type { ClickPipesIpRegion, ResolvedClickPipesIps } from "./model/clickpipes-ips";
// Every outside fact with its source and the day it was read (README "Facts and their sources").
export { FACT_KINDS } from "./model/facts";
export type { FactEntry, FactKind } from "./model/facts";
export { citeSource } from "./model/fact-source";
export type { FactSource } from "./model/fact-source";
// A downloaded static-ips.json as the table instead (the app's clickPipesIpsFile; `clickhouse.ipTable` in code).
export { EMBEDDED_CLICKPIPES_IPS } from "./model/clickpipes-ips";
export type { ClickPipesIpTable } from "./model/clickpipes-ips";

// Constructs: generic PostgreSQL.
export { GenericPostgresSource } from "./postgres/generic-source";
export type { GenericPostgresSourceProps, ValidatedGenericPostgresSourceProps } from "./postgres/generic-source";
// The Azure side of a Flexible Server source (also under cdktf-clickpipes-postgres/azure, with the provider block).
export { ClickPipesAzureFlexibleServer } from "./azure/flexible-server";
export type { ClickPipesAzureFlexibleServerProps } from "./azure/flexible-server";
export { ClickPipesUser, ReplicationRight } from "./postgres/clickpipes-user";
export { ClickPipesMonitoringRole } from "./postgres/monitoring-role";
export type { ClickPipesMonitoringRoleProps } from "./postgres/monitoring-role";
export { ClickPipesPlanRole } from "./postgres/plan-role";
export type { ClickPipesPlanRoleProps } from "./postgres/plan-role";
export type { ClickPipesUserProps } from "./postgres/clickpipes-user";
export { ClickPipesGrants } from "./postgres/grants";
export type { ClickPipesGrantsProps } from "./postgres/grants";
export { ClickPipesPublication } from "./postgres/publication";
export type { ClickPipesPublicationProps } from "./postgres/publication";
export { ServerSetupFiles, SERVER_SETUP_DIR } from "./postgres/server-setup-files";

// Constructs: the ClickPipe in ClickHouse Cloud, and the ClickHouse provider it needs.
export { ClickPipe } from "./clickhouse/clickpipe";
export type { ClickPipePrivateLink, ClickPipeProps, ClickPipeSource, ValidatedClickPipeProps } from "./clickhouse/clickpipe";

// What the ClickHouse provider (v3.25.3) does with each attribute: replace, update in place, refuse.
export { CLICKHOUSE_PROVIDER_FACTS, providerAttributeFact, requiresReplace } from "./model/provider-facts/clickhouse";
export type { ClickHouseResourceType, ProviderAttributeFact, ProviderChangeKind, ProviderValidator } from "./model/provider-facts/clickhouse";
export { refusedMappingEdits } from "./model/clickpipe-mapping-edits";
export type { TableMappingJson } from "./model/clickpipe-mapping-edits";
export { ClickhouseProvider } from "./tf/tf";
export type { ClickhouseProviderConfig } from "./tf/tf";
// ClickHouse Managed Postgres: the service resource (so one app creates the database and the pipe) and its connection.
export { ChPostgresService as ClickhousePostgresService, PostgresServiceRestoreToPointInTimeOutputReference } from "./tf/tf";
export type { PostgresServiceConfig, PostgresServiceRestoreToPointInTime } from "./tf/tf";
export { ManagedPostgresConnection } from "./clickhouse/managed-postgres";
export type { ManagedPostgresConnectionProps } from "./clickhouse/managed-postgres";

// Backends for a stack of your own.
export { applyBackend } from "./backend";

// The app runner: a typed config (plus fleet files) in, one stack or stack pair per source out.
export { SourceKind, stackNames, AWS_STACK_SUFFIX, DB_STACK_SUFFIX } from "./model/app-config";
export type { AppConfig, AuroraSourceConfig, GenericSourceConfig, RdsSourceConfig, SourceClickPipeConfig, SourceConfig } from "./model/app-config";
export { applyClickPipesIpsFile, buildApp, fleetFileList, loadAppConfig, runApp, validateAppConfig } from "./app/app";
export type { BuildAppOptions } from "./app/app";
export { checkFleetFile, FleetFileCheck, loadFleetFile, mergeFleets } from "./fleet/load";
export { MissingAwsProviderError } from "./tf/tf-aws";
export { GenericPostgresStack } from "./app/generic-postgres-stack";
export { ADMIN_PASSWORD_VARIABLE, CLICKPIPES_PASSWORD_VARIABLE, REQUIRED_TERRAFORM_VERSION } from "./app/common";
export { CLICKHOUSE_ORG_VARIABLE, CLICKHOUSE_TOKEN_KEY_VARIABLE, CLICKHOUSE_TOKEN_SECRET_VARIABLE } from "./app/clickpipe";
export { checkSynth, checkSynthMain } from "./app/check-synth";

// The review and operations tools moved to `cdktf-clickpipes-postgres/tools`, which loads without
// cdktf (guard, its verdicts, the SQL preview, verify, health, the IP file reader). Deprecated here:
// the root re-exports them for one minor version (CHANGELOG, docs/versioning.md).
export {
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  loadIpTableFile,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  renderStackSql,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  StackReadError,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  guardPlan,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  planChanges,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  readSynthIndex,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  SynthIndexError,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  ChangeKind,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  parsePlan,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  PlanFormatError,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  judge,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  RULES,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  ruleById,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  verifySource,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  DEFAULT_TIMEOUT_SECONDS,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  formatReport,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  CheckId,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  CheckStatus,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  VerifyError,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  checkHealth,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  DEFAULT_HEALTH_TIMEOUT_SECONDS,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  HealthError,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  formatHealthPrometheus,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  formatHealthText,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  HEALTH_METRICS,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  METRIC_PREFIX,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  HealthFindingKind,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  HealthStatus,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  ALERT_RULES_FILE,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  HEALTH_THRESHOLDS_FILE,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  renderAlertRules,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  renderHealthThresholds,
} from "./tools";
export type {
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  RenderedSql,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  RenderSqlOptions,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  StackReadErrorKind,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  GuardResult,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  PlanChanges,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  SynthEntry,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  SynthIndex,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  ChangeAction,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  Plan,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  ResourceChange,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  JudgedChangeAction,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  JudgeOptions,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  MetaChange,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  JudgedResourceChange,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  Rule,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  Verdict,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  VerdictLevel,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  CheckResult,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  ConnectionOptions,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  TableName,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  VerifyOptions,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  VerifyReport,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  VerifyTarget,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  PipeExpectations,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  PipeTableSettings,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  HealthFinding,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  HealthOptions,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  HealthReport,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  HealthReportThresholds,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  SessionHealth,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  SettingHealth,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  SlotHealth,
  /** @deprecated import from "cdktf-clickpipes-postgres/tools" (loads without cdktf); removed from the root in the next minor version */
  SlotStats,
} from "./tools";
// Health thresholds are part of a source's config.
export { HEALTH_DEFAULTS, parseDuration, resolveHealthThresholds } from "./model/health";
export type { HealthThresholdsSpec, ResolvedHealthThresholds } from "./model/health";
