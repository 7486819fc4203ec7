/**
 * ClickHouse/clickhouse 3.25.3 (github.com/ClickHouse/terraform-provider-clickhouse, tag v3.25.3):
 * which attribute changes force a replacement (`RequiresReplace()` plan modifiers and the custom
 * `requiresReplaceIfSourceTypeChanges` of clickpipe_plan_modifiers.go), for the clickhouse_* types
 * our constructs declare. Postgres-source paths only for the pipe (the only source we declare).
 *
 * The minimal part `diff` needs, kept until the pipe work's full table (clickhouse.ts in this folder,
 * with validators, defaults and `requiresReplace()`) is on main; then these entries are derived from it.
 */
import type { ResourceTypeFacts } from "./types";

const PROVIDER = "ClickHouse/clickhouse 3.25.3";
const RESOURCE_DIR = "internal/service/clickhouse/resource";
const PG = "source.postgres";

export const CLICKHOUSE_FACTS: readonly ResourceTypeFacts[] = [
  {
    // name, scaling, stopped, source.postgres host/port/database/authentication/credentials,
    // settings.sync_interval_seconds/pull_batch_size, table_mappings, field_mappings, settings,
    // trigger_resync: updated in place.
    type: "clickhouse_clickpipe",
    provider: PROVIDER,
    goFile: `${RESOURCE_DIR}/clickpipe.go`,
    forceNew: [
      "service_id",
      `${PG}.type`,
      `${PG}.settings.replication_mode`,
      `${PG}.settings.publication_name`,
      `${PG}.settings.replication_slot_name`,
      `${PG}.settings.allow_nullable_columns`,
      `${PG}.settings.initial_load_parallelism`,
      `${PG}.settings.snapshot_num_rows_per_partition`,
      `${PG}.settings.snapshot_number_of_parallel_tables`,
      `${PG}.settings.enable_failover_slots`,
      `${PG}.settings.delete_on_merge`,
      "destination.database",
      "destination.table",
      "destination.managed_table",
      "destination.table_definition",
      "destination.roles",
    ],
    replaceWhenAddedOrRemoved: [
      "source.kafka",
      "source.object_storage",
      "source.kinesis",
      "source.pubsub",
      "source.postgres",
      "source.mysql",
      "source.mongodb",
    ],
    sensitive: [`${PG}.credentials`],
    writeOnly: [{ path: `${PG}.credentials.password_wo`, versionPath: `${PG}.credentials.password_wo_version` }],
  },
  {
    // replica_cpu_millicores, replica_memory_gb: updated in place.
    type: "clickhouse_clickpipe_cdc_infrastructure",
    provider: PROVIDER,
    goFile: `${RESOURCE_DIR}/clickpipe_cdc_infrastructure.go`,
    forceNew: ["service_id"],
  },
  {
    // Every configurable attribute requires replacement.
    type: "clickhouse_clickpipes_reverse_private_endpoint",
    provider: PROVIDER,
    goFile: `${RESOURCE_DIR}/clickpipe_reverse_private_endpoint.go`,
    forceNew: [
      "service_id",
      "description",
      "type",
      "vpc_endpoint_service_name",
      "vpc_resource_configuration_id",
      "vpc_resource_share_arn",
      "msk_cluster_arn",
      "msk_authentication",
      "gcp_service_attachment",
    ],
  },
];
