/**
 * The clickhouse_* entries of the provider facts table, derived from the full ClickHouse/clickhouse
 * 3.25.3 facts (`clickhouse.ts` in this folder: replace / in-place per attribute, read from the Go
 * source), plus which values are secret (`Sensitive` / `WriteOnly` in clickpipe.go's and
 * postgres_service.go's schema) and which are Optional + Computed with `UseStateForUnknown`.
 * A Managed Postgres `read_replica_of` change counts as forcing a replacement: the provider keeps the
 * instance only when it was promoted out of band, which no configuration shows.
 */
import { CLICKHOUSE_PROVIDER_FACTS, ClickHouseResourceType } from "./clickhouse";
import type { ResourceTypeFacts } from "./types";

const PROVIDER = "ClickHouse/clickhouse 3.25.3";
const RESOURCE_DIR = "internal/service/clickhouse/resource";
const PG = "source.postgres";

const GO_FILE: Readonly<Record<ClickHouseResourceType, string>> = {
  clickhouse_clickpipe: `${RESOURCE_DIR}/clickpipe.go`,
  clickhouse_clickpipe_cdc_infrastructure: `${RESOURCE_DIR}/clickpipe_cdc_infrastructure.go`,
  clickhouse_clickpipes_reverse_private_endpoint: `${RESOURCE_DIR}/clickpipe_reverse_private_endpoint.go`,
  clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns: `${RESOURCE_DIR}/clickpipe_reverse_private_endpoint_custom_private_dns.go`,
  clickhouse_postgres_service: "internal/service/postgres/resource/postgres_service.go",
};

/** The tag's commit, for the entries read from a checkout of it (2026-12-07). */
const READ_AT: Partial<Record<ClickHouseResourceType, string>> = {
  clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns: "c320db99ba37b84eca0181a074b2501f946d4d04",
  clickhouse_postgres_service: "c320db99ba37b84eca0181a074b2501f946d4d04",
};

/** postgres_service.go: Optional + Computed with UseStateForUnknown, so removing one from the configuration plans nothing. */
const OPTIONAL_COMPUTED: Partial<Record<ClickHouseResourceType, readonly string[]>> = {
  clickhouse_postgres_service: ["cloud_provider", "region", "postgres_version", "size", "ha_type", "tags", "pg_config", "pgbouncer_config"],
};

/**
 * clickpipe.go: the credentials object is `Sensitive`; `password_wo` is `WriteOnly`, applied when `password_wo_version` changes.
 * postgres_service.go: `password` and `password_wo` are `Sensitive`, `password_wo` `WriteOnly` the same way.
 */
const SECRETS: Partial<Record<ClickHouseResourceType, Pick<ResourceTypeFacts, "sensitive" | "writeOnly">>> = {
  clickhouse_clickpipe: {
    sensitive: [`${PG}.credentials`],
    writeOnly: [{ path: `${PG}.credentials.password_wo`, versionPath: `${PG}.credentials.password_wo_version` }],
  },
  clickhouse_postgres_service: {
    sensitive: ["password", "password_wo"],
    writeOnly: [{ path: "password_wo", versionPath: "password_wo_version" }],
  },
};

export const CLICKHOUSE_FACTS: readonly ResourceTypeFacts[] = (Object.keys(CLICKHOUSE_PROVIDER_FACTS) as ClickHouseResourceType[]).sort().map((type) => {
  const facts = CLICKHOUSE_PROVIDER_FACTS[type];
  return {
    type,
    provider: PROVIDER,
    goFile: GO_FILE[type],
    ...(READ_AT[type] ? { readAt: READ_AT[type] } : {}),
    forceNew: facts.filter((f) => f.change === "replace" || f.change === "replace-unless-promoted").map((f) => f.path),
    replaceWhenAddedOrRemoved: facts.filter((f) => f.change === "replace-if-added-or-removed").map((f) => f.path),
    ...(OPTIONAL_COMPUTED[type] ? { optionalComputed: OPTIONAL_COMPUTED[type] } : {}),
    ...SECRETS[type],
  };
});
