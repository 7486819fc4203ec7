/**
 * The clickhouse_* entries of the provider facts table, derived from the full ClickHouse/clickhouse
 * 3.25.3 facts (`clickhouse.ts` in this folder: replace / in-place per attribute, read from the Go
 * source), plus which values are secret (`Sensitive` / `WriteOnly` in clickpipe.go's schema).
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
};

/** clickpipe.go: the credentials object is `Sensitive`; `password_wo` is `WriteOnly`, applied when `password_wo_version` changes. */
const SECRETS: Partial<Record<ClickHouseResourceType, Pick<ResourceTypeFacts, "sensitive" | "writeOnly">>> = {
  clickhouse_clickpipe: {
    sensitive: [`${PG}.credentials`],
    writeOnly: [{ path: `${PG}.credentials.password_wo`, versionPath: `${PG}.credentials.password_wo_version` }],
  },
};

export const CLICKHOUSE_FACTS: readonly ResourceTypeFacts[] = (Object.keys(CLICKHOUSE_PROVIDER_FACTS) as ClickHouseResourceType[]).sort().map((type) => {
  const facts = CLICKHOUSE_PROVIDER_FACTS[type];
  return {
    type,
    provider: PROVIDER,
    goFile: GO_FILE[type],
    forceNew: facts.filter((f) => f.change === "replace").map((f) => f.path),
    replaceWhenAddedOrRemoved: facts.filter((f) => f.change === "replace-if-added-or-removed").map((f) => f.path),
    ...SECRETS[type],
  };
});
