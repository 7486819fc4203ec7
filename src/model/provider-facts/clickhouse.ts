/**
 * What the ClickHouse Terraform provider (ClickHouse/terraform-provider-clickhouse, tag v3.25.3 =
 * c320db99ba37b84eca0181a074b2501f946d4d04) does with each attribute of every clickhouse_* resource
 * the stacks declare: whether a change forces a new resource (RequiresReplace) or is updated in place,
 * its validators and its default — read from the provider's Go source at that tag (the Managed
 * Postgres and custom private DNS entries read from a checkout of the tag on 2026-12-07). Pure data;
 * the pipe rules and the `diff` command read it.
 *
 * Sources (all under internal/service/clickhouse/resource/ unless a path says otherwise):
 * - clickpipe.go `(*ClickPipeResource).Schema`, `(*ClickPipeResource).ModifyPlan`,
 *   `(*ClickPipeResource).extractSourceFromPlan`
 * - clickpipe_plan_modifiers.go `requiresReplaceIfSourceTypeChanges`
 * - clickpipe_config_validators.go `cdcClickPipeScalingValidator`
 * - clickpipe_cdc_infrastructure.go `(*ClickPipeCdcInfrastructureResource).Schema` / `.ModifyPlan`
 * - clickpipe_reverse_private_endpoint.go `(*ClickPipeReversePrivateEndpointResource).Schema`
 * - clickpipe_reverse_private_endpoint_custom_private_dns.go
 *   `(*ClickPipeReversePrivateEndpointCustomPrivateDNSResource).Schema`
 * - internal/service/postgres/resource/postgres_service.go `(*PostgresServiceResource).Schema`,
 *   `.ModifyPlan`, `readReplicaOfRequiresReplace`, `postgresPasswordValidators`;
 *   postgres_service_constants.go (enum lists)
 * - internal/api/clickpipe.go (enum lists), internal/api/clickpipe_reverse_private_endpoint.go
 */

/** The provider release these facts were read from. */
export const CLICKHOUSE_PROVIDER_FACTS_VERSION = "3.25.3";

/** The resource types described here. */
export type ClickHouseResourceType =
  | "clickhouse_clickpipe"
  | "clickhouse_clickpipe_cdc_infrastructure"
  | "clickhouse_clickpipes_reverse_private_endpoint"
  | "clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns"
  | "clickhouse_postgres_service";

/**
 * How the provider plans a change of an attribute:
 * - `replace`: RequiresReplace, a change destroys and re-creates the resource (a new pipe
 *   snapshots every table again);
 * - `replace-if-added-or-removed`: replaced only when the attribute turns null / non-null
 *   (`requiresReplaceIfSourceTypeChanges`: switching the source kind);
 * - `replace-unless-promoted`: RequiresReplaceIf on a Managed Postgres read replica's
 *   `read_replica_of`: changing or removing it replaces the instance unless the replica was promoted
 *   out of band (`is_primary` true in state, which a configuration cannot show: read as a replace);
 * - `in-place`: updated in place;
 * - `refused-on-existing-mapping`: a `table_mappings` field; changing it for a mapping already in
 *   state fails the plan with "Cannot modify <field> for existing table mapping '<schema>.<table>'"
 *   (remove the mapping in one apply and add it back in the next: the table is snapshotted again);
 * - `mapping-key`: identifies a mapping; changing it removes one mapping and adds another;
 * - `computed`: read-only, set by the provider.
 */
export type ProviderChangeKind = "replace" | "replace-if-added-or-removed" | "replace-unless-promoted" | "in-place" | "refused-on-existing-mapping" | "mapping-key" | "computed";

/** A provider-side validator of an attribute, as data. */
export type ProviderValidator =
  | { readonly kind: "one-of"; readonly values: readonly string[] }
  | { readonly kind: "between"; readonly min: number; readonly max: number }
  | { readonly kind: "at-least"; readonly min: number }
  | { readonly kind: "multiple-of"; readonly step: number }
  | { readonly kind: "regex"; readonly pattern: string; readonly message: string }
  | { readonly kind: "rule"; readonly text: string };

export interface ProviderAttributeFact {
  /** Attribute path, dot-separated, without list/set indices (`source.postgres.settings.replication_mode`). */
  readonly path: string;
  readonly change: ProviderChangeKind;
  readonly validators?: readonly ProviderValidator[];
  /** The provider's schema default (`Default:`), when it sets one. */
  readonly providerDefault?: string | number | boolean;
  /** Go file and function the facts come from. */
  readonly source: string;
}

const SCHEMA = "clickpipe.go (*ClickPipeResource).Schema";
const MODIFY_PLAN = "clickpipe.go (*ClickPipeResource).ModifyPlan";
const EXTRACT = "clickpipe.go (*ClickPipeResource).extractSourceFromPlan";

/** internal/api/clickpipe.go ClickPipePostgresSourceTypes. */
export const PROVIDER_POSTGRES_SOURCE_TYPES = [
  "postgres",
  "supabase",
  "neon",
  "alloydb",
  "planetscale",
  "rdspostgres",
  "aurorapostgres",
  "cloudsqlpostgres",
  "azurepostgres",
  "crunchybridge",
  "tigerdata",
] as const;
/** internal/api/clickpipe.go ClickPipePostgresReplicationModes. */
export const PROVIDER_POSTGRES_REPLICATION_MODES = ["cdc", "snapshot", "cdc_only"] as const;
/** internal/api/clickpipe.go ClickPipePostgresTableEngines. */
export const PROVIDER_POSTGRES_TABLE_ENGINES = ["MergeTree", "ReplacingMergeTree", "Null"] as const;
/** internal/api/clickpipe.go ClickPipePostgresAuthenticationMethods. */
export const PROVIDER_POSTGRES_AUTHENTICATION_METHODS = ["basic", "IAM_ROLE"] as const;
/** internal/api/clickpipe_reverse_private_endpoint.go ReversePrivateEndpointTypes. */
export const PROVIDER_REVERSE_PRIVATE_ENDPOINT_TYPES = ["VPC_ENDPOINT_SERVICE", "VPC_RESOURCE", "MSK_MULTI_VPC", "GCP_PSC_SERVICE_ATTACHMENT"] as const;

const atLeast1: ProviderValidator = { kind: "at-least", min: 1 };

/** Every attribute of `clickhouse_clickpipe` a Postgres pipe uses (plus the top level). */
const CLICKPIPE: readonly ProviderAttributeFact[] = [
  { path: "id", change: "computed", source: SCHEMA },
  { path: "service_id", change: "replace", source: SCHEMA },
  { path: "name", change: "in-place", source: SCHEMA },
  {
    path: "stopped",
    change: "in-place",
    providerDefault: false,
    validators: [{ kind: "rule", text: 'must be a known false when the pipe is created ("Cannot create a ClickPipe in a stopped state")' }],
    source: `${SCHEMA}; ${MODIFY_PLAN}`,
  },
  { path: "state", change: "computed", source: SCHEMA },
  {
    path: "trigger_resync",
    change: "in-place",
    providerDefault: false,
    validators: [{ kind: "rule", text: "true is planned as false after the resync, so every later plan shows a change while the config says true" }],
    source: `${SCHEMA}; ${MODIFY_PLAN}`,
  },
  { path: "settings", change: "in-place", source: SCHEMA },
  {
    path: "scaling",
    change: "in-place",
    validators: [{ kind: "rule", text: "not allowed with a Postgres source; size with clickhouse_clickpipe_cdc_infrastructure" }],
    source: "clickpipe_config_validators.go cdcClickPipeScalingValidator.ValidateResource",
  },
  { path: "field_mappings", change: "in-place", source: SCHEMA },
  { path: "destination", change: "in-place", source: SCHEMA },
  { path: "destination.database", change: "replace", providerDefault: "default", source: SCHEMA },
  { path: "destination.table", change: "replace", source: SCHEMA },
  { path: "destination.managed_table", change: "replace", providerDefault: true, source: SCHEMA },
  { path: "destination.table_definition", change: "replace", source: SCHEMA },
  { path: "destination.columns", change: "in-place", source: SCHEMA },
  { path: "destination.roles", change: "replace", source: SCHEMA },
  { path: "source", change: "in-place", source: SCHEMA },
  {
    path: "source.postgres",
    change: "replace-if-added-or-removed",
    source: "clickpipe_plan_modifiers.go requiresReplaceIfSourceTypeChanges.PlanModifyObject",
  },
  {
    path: "source.postgres.type",
    change: "replace",
    providerDefault: "postgres",
    validators: [{ kind: "one-of", values: PROVIDER_POSTGRES_SOURCE_TYPES }],
    source: SCHEMA,
  },
  { path: "source.postgres.host", change: "in-place", source: SCHEMA },
  {
    path: "source.postgres.port",
    change: "in-place",
    providerDefault: 5432,
    validators: [{ kind: "between", min: 1, max: 65535 }],
    source: SCHEMA,
  },
  { path: "source.postgres.database", change: "in-place", source: SCHEMA },
  {
    path: "source.postgres.authentication",
    change: "in-place",
    providerDefault: "basic",
    validators: [{ kind: "one-of", values: PROVIDER_POSTGRES_AUTHENTICATION_METHODS }],
    source: SCHEMA,
  },
  {
    path: "source.postgres.iam_role",
    change: "in-place",
    validators: [{ kind: "rule", text: "required with authentication IAM_ROLE, refused with basic; no password with IAM_ROLE" }],
    source: `${SCHEMA}; ${EXTRACT}`,
  },
  { path: "source.postgres.tls_host", change: "in-place", source: SCHEMA },
  { path: "source.postgres.ca_certificate", change: "in-place", source: SCHEMA },
  { path: "source.postgres.credentials", change: "in-place", source: SCHEMA },
  { path: "source.postgres.credentials.username", change: "in-place", source: SCHEMA },
  {
    path: "source.postgres.credentials.password",
    change: "in-place",
    validators: [{ kind: "rule", text: "conflicts with password_wo and password_wo_version; required with basic authentication" }],
    source: `${SCHEMA}; ${EXTRACT}`,
  },
  {
    path: "source.postgres.credentials.password_wo",
    change: "in-place",
    validators: [{ kind: "rule", text: "write-only; also requires password_wo_version" }],
    source: SCHEMA,
  },
  {
    path: "source.postgres.credentials.password_wo_version",
    change: "in-place",
    validators: [{ kind: "rule", text: "also requires password_wo" }],
    source: SCHEMA,
  },
  { path: "source.postgres.settings", change: "in-place", source: SCHEMA },
  {
    path: "source.postgres.settings.replication_mode",
    change: "replace",
    validators: [{ kind: "one-of", values: PROVIDER_POSTGRES_REPLICATION_MODES }],
    source: SCHEMA,
  },
  { path: "source.postgres.settings.sync_interval_seconds", change: "in-place", validators: [atLeast1], source: SCHEMA },
  { path: "source.postgres.settings.pull_batch_size", change: "in-place", validators: [atLeast1], source: SCHEMA },
  { path: "source.postgres.settings.publication_name", change: "replace", source: SCHEMA },
  { path: "source.postgres.settings.replication_slot_name", change: "replace", source: SCHEMA },
  { path: "source.postgres.settings.allow_nullable_columns", change: "replace", source: SCHEMA },
  { path: "source.postgres.settings.initial_load_parallelism", change: "replace", validators: [atLeast1], source: SCHEMA },
  { path: "source.postgres.settings.snapshot_num_rows_per_partition", change: "replace", validators: [atLeast1], source: SCHEMA },
  { path: "source.postgres.settings.snapshot_number_of_parallel_tables", change: "replace", validators: [atLeast1], source: SCHEMA },
  { path: "source.postgres.settings.enable_failover_slots", change: "replace", providerDefault: false, source: SCHEMA },
  { path: "source.postgres.settings.delete_on_merge", change: "replace", providerDefault: false, source: SCHEMA },
  {
    path: "source.postgres.table_mappings",
    change: "in-place",
    validators: [
      { kind: "rule", text: 'at least one mapping ("Postgres CDC pipes require at least one table mapping.")' },
      { kind: "rule", text: 'each target_table used once ("Each target_table must be unique.")' },
    ],
    source: MODIFY_PLAN,
  },
  { path: "source.postgres.table_mappings.source_schema_name", change: "mapping-key", source: MODIFY_PLAN },
  { path: "source.postgres.table_mappings.source_table", change: "mapping-key", source: MODIFY_PLAN },
  { path: "source.postgres.table_mappings.target_table", change: "refused-on-existing-mapping", source: MODIFY_PLAN },
  { path: "source.postgres.table_mappings.excluded_columns", change: "refused-on-existing-mapping", source: MODIFY_PLAN },
  { path: "source.postgres.table_mappings.sorting_keys", change: "refused-on-existing-mapping", source: MODIFY_PLAN },
  {
    path: "source.postgres.table_mappings.use_custom_sorting_key",
    change: "refused-on-existing-mapping",
    providerDefault: false,
    source: `${SCHEMA}; ${MODIFY_PLAN}`,
  },
  {
    path: "source.postgres.table_mappings.table_engine",
    change: "refused-on-existing-mapping",
    validators: [{ kind: "one-of", values: PROVIDER_POSTGRES_TABLE_ENGINES }],
    source: `${SCHEMA}; ${MODIFY_PLAN}`,
  },
  { path: "source.postgres.table_mappings.partition_key", change: "refused-on-existing-mapping", source: MODIFY_PLAN },
  {
    path: "source.postgres.table_mappings.partition_by_expr",
    change: "refused-on-existing-mapping",
    validators: [{ kind: "regex", pattern: "\\S", message: "must not be empty or whitespace-only; omit the attribute instead" }],
    source: `${SCHEMA}; ${MODIFY_PLAN}`,
  },
];

const CDC_INFRA = "clickpipe_cdc_infrastructure.go (*ClickPipeCdcInfrastructureResource)";
const CDC_INFRASTRUCTURE: readonly ProviderAttributeFact[] = [
  { path: "service_id", change: "replace", source: `${CDC_INFRA}.Schema` },
  {
    path: "replica_cpu_millicores",
    change: "in-place",
    validators: [
      { kind: "between", min: 1000, max: 24000 },
      { kind: "multiple-of", step: 1000 },
    ],
    source: `${CDC_INFRA}.Schema; .ModifyPlan`,
  },
  {
    path: "replica_memory_gb",
    change: "in-place",
    validators: [
      { kind: "between", min: 4, max: 96 },
      { kind: "rule", text: "4 x the CPU cores (replica_cpu_millicores / 1000)" },
    ],
    source: `${CDC_INFRA}.Schema; .ModifyPlan`,
  },
];

const RPE = "clickpipe_reverse_private_endpoint.go (*ClickPipeReversePrivateEndpointResource).Schema";
const REVERSE_PRIVATE_ENDPOINT: readonly ProviderAttributeFact[] = [
  { path: "id", change: "computed", source: RPE },
  { path: "service_id", change: "replace", source: RPE },
  { path: "description", change: "replace", source: RPE },
  { path: "type", change: "replace", validators: [{ kind: "one-of", values: PROVIDER_REVERSE_PRIVATE_ENDPOINT_TYPES }], source: RPE },
  { path: "vpc_endpoint_service_name", change: "replace", source: RPE },
  { path: "vpc_resource_configuration_id", change: "replace", source: RPE },
  { path: "vpc_resource_share_arn", change: "replace", source: RPE },
  { path: "msk_cluster_arn", change: "replace", source: RPE },
  { path: "msk_authentication", change: "replace", source: RPE },
  { path: "gcp_service_attachment", change: "replace", source: RPE },
  { path: "endpoint_id", change: "computed", source: RPE },
  { path: "dns_names", change: "computed", source: RPE },
  { path: "private_dns_names", change: "computed", source: RPE },
  { path: "status", change: "computed", source: RPE },
];

const DNS = "clickpipe_reverse_private_endpoint_custom_private_dns.go (*ClickPipeReversePrivateEndpointCustomPrivateDNSResource).Schema";
/** The DNS names a GCP PSC endpoint answers to (PSC carries no DNS); `mapping` is the full list, replaced in place. */
const CUSTOM_PRIVATE_DNS: readonly ProviderAttributeFact[] = [
  { path: "id", change: "computed", source: DNS },
  { path: "service_id", change: "replace", source: DNS },
  { path: "reverse_private_endpoint_id", change: "replace", source: DNS },
  { path: "mapping", change: "in-place", validators: [{ kind: "rule", text: "the full list of mappings; an empty list clears them" }], source: DNS },
  { path: "mapping.private_dns_name", change: "in-place", validators: [{ kind: "rule", text: "at least 1 character" }], source: DNS },
];

/** internal/service/postgres/resource/postgres_service_constants.go postgresCloudProviders. */
export const PROVIDER_MANAGED_POSTGRES_CLOUD_PROVIDERS = ["aws"] as const;
/** internal/service/postgres/resource/postgres_service_constants.go postgresVersions. */
export const PROVIDER_MANAGED_POSTGRES_VERSIONS = ["18", "17"] as const;
/** internal/service/postgres/resource/postgres_service_constants.go postgresHaTypes. */
export const PROVIDER_MANAGED_POSTGRES_HA_TYPES = ["none", "async", "sync"] as const;

const PG_SCHEMA = "internal/service/postgres/resource/postgres_service.go (*PostgresServiceResource).Schema";
const PG_PASSWORD: ProviderValidator = {
  kind: "rule",
  text: "at least 12 characters with a lowercase letter, an uppercase letter and a digit (postgresPasswordValidators); one of password or password_wo for a primary (ModifyPlan), none for a read replica",
};
/**
 * ClickHouse Managed Postgres: the source database itself. Every replacement destroys the database
 * (and with it the publication, the slot and every pipe reading it).
 */
const POSTGRES_SERVICE: readonly ProviderAttributeFact[] = [
  { path: "id", change: "computed", source: PG_SCHEMA },
  { path: "name", change: "replace", validators: [{ kind: "rule", text: "1 to 50 characters" }], source: PG_SCHEMA },
  { path: "cloud_provider", change: "replace", validators: [{ kind: "one-of", values: PROVIDER_MANAGED_POSTGRES_CLOUD_PROVIDERS }], source: PG_SCHEMA },
  { path: "region", change: "replace", source: PG_SCHEMA },
  { path: "postgres_version", change: "replace", validators: [{ kind: "one-of", values: PROVIDER_MANAGED_POSTGRES_VERSIONS }], source: PG_SCHEMA },
  { path: "size", change: "in-place", validators: [{ kind: "rule", text: "at least 1 character; refused on a live read replica (ModifyPlan)" }], source: PG_SCHEMA },
  { path: "ha_type", change: "in-place", validators: [{ kind: "one-of", values: PROVIDER_MANAGED_POSTGRES_HA_TYPES }], source: PG_SCHEMA },
  { path: "tags", change: "in-place", validators: [{ kind: "rule", text: "at most 50 tags, non-empty keys and values" }], source: PG_SCHEMA },
  {
    path: "pg_config",
    change: "in-place",
    validators: [{ kind: "rule", text: "the full map of server parameters; some need a restart, which the provider only warns about (restart out of band)" }],
    source: PG_SCHEMA,
  },
  { path: "pgbouncer_config", change: "in-place", source: PG_SCHEMA },
  { path: "state", change: "computed", source: PG_SCHEMA },
  { path: "created_at", change: "computed", source: PG_SCHEMA },
  { path: "is_primary", change: "computed", source: PG_SCHEMA },
  { path: "hostname", change: "computed", source: PG_SCHEMA },
  { path: "port", change: "computed", source: PG_SCHEMA },
  { path: "username", change: "computed", source: PG_SCHEMA },
  { path: "password", change: "in-place", validators: [PG_PASSWORD, { kind: "rule", text: "conflicts with password_wo; a change rotates the password" }], source: PG_SCHEMA },
  { path: "password_wo", change: "in-place", validators: [PG_PASSWORD, { kind: "rule", text: "write-only; also requires password_wo_version" }], source: PG_SCHEMA },
  { path: "password_wo_version", change: "in-place", validators: [{ kind: "rule", text: "also requires password_wo; a change rotates the password" }], source: PG_SCHEMA },
  {
    path: "read_replica_of",
    change: "replace-unless-promoted",
    validators: [{ kind: "rule", text: "conflicts with restore_to_point_in_time, password, password_wo and password_wo_version" }],
    source: `${PG_SCHEMA}; postgres_service.go readReplicaOfRequiresReplace`,
  },
  { path: "restore_to_point_in_time", change: "replace", source: PG_SCHEMA },
  { path: "restore_to_point_in_time.source_id", change: "replace", source: PG_SCHEMA },
  { path: "restore_to_point_in_time.restore_target", change: "replace", source: PG_SCHEMA },
];

/** The facts, per resource type. */
export const CLICKHOUSE_PROVIDER_FACTS: Readonly<Record<ClickHouseResourceType, readonly ProviderAttributeFact[]>> = {
  clickhouse_clickpipe: CLICKPIPE,
  clickhouse_clickpipe_cdc_infrastructure: CDC_INFRASTRUCTURE,
  clickhouse_clickpipes_reverse_private_endpoint: REVERSE_PRIVATE_ENDPOINT,
  clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns: CUSTOM_PRIVATE_DNS,
  clickhouse_postgres_service: POSTGRES_SERVICE,
};

/**
 * `a.b[0].c`, `a.b.0.c`, `a/b/0/c` and `["a","b",0,"c"]` all name `a.b.c`: indices of lists and sets
 * are dropped.
 */
export function normalizeAttributePath(attributePath: string | readonly (string | number)[]): string {
  const parts = typeof attributePath === "string" ? attributePath.replace(/\[[^\]]*\]/g, "").split(/[./]/) : attributePath.map(String);
  return parts.filter((p) => p !== "" && !/^\d+$/.test(p)).join(".");
}

/**
 * The fact of an attribute, or of its nearest described ancestor (a list element of
 * `destination.roles` answers for `destination.roles`); undefined for unknown types and attributes.
 */
export function providerAttributeFact(resourceType: string, attributePath: string | readonly (string | number)[]): ProviderAttributeFact | undefined {
  const facts = (CLICKHOUSE_PROVIDER_FACTS as Record<string, readonly ProviderAttributeFact[] | undefined>)[resourceType];
  if (facts === undefined) return undefined;
  const parts = normalizeAttributePath(attributePath).split(".");
  for (let n = parts.length; n > 0; n--) {
    const p = parts.slice(0, n).join(".");
    const f = facts.find((x) => x.path === p);
    if (f !== undefined) return f;
  }
  return undefined;
}

/**
 * Whether changing this attribute of a resource of this type makes the provider replace the resource
 * (RequiresReplace at v3.25.3). False for in-place updates, computed attributes, table-mapping fields
 * (refused, not replaced: see `providerAttributeFact(...).change`), `source.postgres` itself (replaced
 * only when added or removed), a Managed Postgres `read_replica_of` (replaced unless promoted: see
 * `providerAttributeFact(...).change`) and anything not described here.
 */
export function requiresReplace(resourceType: string, attributePath: string | readonly (string | number)[]): boolean {
  return providerAttributeFact(resourceType, attributePath)?.change === "replace";
}

/** The pipe settings (paths under `clickhouse_clickpipe`) whose change makes a new pipe. */
export function replacingAttributes(resourceType: ClickHouseResourceType): string[] {
  return CLICKHOUSE_PROVIDER_FACTS[resourceType].filter((f) => f.change === "replace").map((f) => f.path);
}

/** The lower bound of an `at-least` or `between` validator of an attribute. */
export function providerMinimum(resourceType: ClickHouseResourceType, attributePath: string): number | undefined {
  for (const v of providerAttributeFact(resourceType, attributePath)?.validators ?? []) {
    if (v.kind === "at-least" || v.kind === "between") return v.min;
  }
  return undefined;
}
