import { HostProfileRuleInput, SCHEMA_PUBLICATION_MIN_VERSION, TIMESCALE_INTERNAL_SCHEMA } from "../host-profiles";
import { PostgresSourceSpec } from "../types";
import { Rule } from "../validation";

/**
 * TimescaleDB (`timescaleDb: true`): the publication must hold the whole `_timescaledb_internal`
 * schema, because chunks are created continuously (ClickHouse Timescale guide,
 * docs/integrations/clickpipes/postgres/source/timescale.mdx @d6e9dae5, read 2026-12-03). That
 * takes `TABLES IN SCHEMA`, PostgreSQL 15+, or `FOR ALL TABLES`.
 */
export const timescaledbPublicationRule: Rule<PostgresSourceSpec> = {
  id: "timescaledb-publication",
  summary: "a TimescaleDB source is PostgreSQL 15+ (publication TABLES IN SCHEMA _timescaledb_internal) or publishes all tables",
  check: (spec) => {
    const s = spec as HostProfileRuleInput;
    if (s.timescaleDb !== true || s.publication?.allTables === true) return [];
    if (typeof s.postgresVersion !== "number" || s.postgresVersion >= SCHEMA_PUBLICATION_MIN_VERSION) return [];
    return [
      {
        field: "postgresVersion",
        value: s.postgresVersion,
        allowed: `${SCHEMA_PUBLICATION_MIN_VERSION} or later with timescaleDb (the publication must hold the whole ${TIMESCALE_INTERNAL_SCHEMA} schema, whose chunk tables appear continuously: TABLES IN SCHEMA exists from PostgreSQL ${SCHEMA_PUBLICATION_MIN_VERSION}), or publication.allTables = true`,
      },
    ];
  },
};
