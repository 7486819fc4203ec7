import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CLICKHOUSE_PROVIDER_FACTS,
  ClickHouseResourceType,
  normalizeAttributePath,
  providerAttributeFact,
  providerMinimum,
  replacingAttributes,
  requiresReplace,
} from "../../src/model/provider-facts/clickhouse";

describe("ClickHouse provider facts (v3.25.3)", () => {
  it("lists exactly the clickhouse_clickpipe attributes whose change makes a new pipe", () => {
    expect(replacingAttributes("clickhouse_clickpipe")).toEqual([
      "service_id",
      "destination.database",
      "destination.table",
      "destination.managed_table",
      "destination.table_definition",
      "destination.roles",
      "source.postgres.type",
      "source.postgres.settings.replication_mode",
      "source.postgres.settings.publication_name",
      "source.postgres.settings.replication_slot_name",
      "source.postgres.settings.allow_nullable_columns",
      "source.postgres.settings.initial_load_parallelism",
      "source.postgres.settings.snapshot_num_rows_per_partition",
      "source.postgres.settings.snapshot_number_of_parallel_tables",
      "source.postgres.settings.enable_failover_slots",
      "source.postgres.settings.delete_on_merge",
    ]);
    expect(replacingAttributes("clickhouse_clickpipe_cdc_infrastructure")).toEqual(["service_id"]);
    expect(replacingAttributes("clickhouse_clickpipes_reverse_private_endpoint")).toEqual([
      "service_id",
      "description",
      "type",
      "vpc_endpoint_service_name",
      "vpc_resource_configuration_id",
      "vpc_resource_share_arn",
      "msk_cluster_arn",
      "msk_authentication",
      "gcp_service_attachment",
    ]);
  });

  it("clickhouse_postgres_service and the PSC custom private DNS: what replaces them", () => {
    expect(replacingAttributes("clickhouse_postgres_service")).toEqual([
      "name",
      "cloud_provider",
      "region",
      "postgres_version",
      "restore_to_point_in_time",
      "restore_to_point_in_time.source_id",
      "restore_to_point_in_time.restore_target",
    ]);
    // RequiresReplaceIf: replaced unless the replica was promoted out of band (not `requiresReplace`, counted as forcing by `diff`)
    expect(providerAttributeFact("clickhouse_postgres_service", "read_replica_of")?.change).toBe("replace-unless-promoted");
    expect(requiresReplace("clickhouse_postgres_service", "read_replica_of")).toBe(false);
    expect(requiresReplace("clickhouse_postgres_service", "size")).toBe(false);
    expect(requiresReplace("clickhouse_postgres_service", "pg_config.wal_level")).toBe(false);
    expect(requiresReplace("clickhouse_postgres_service", "restore_to_point_in_time.restore_target")).toBe(true);
    expect(providerAttributeFact("clickhouse_postgres_service", "postgres_version")?.validators).toEqual([{ kind: "one-of", values: ["18", "17"] }]);
    expect(providerAttributeFact("clickhouse_postgres_service", "ha_type")?.validators).toEqual([{ kind: "one-of", values: ["none", "async", "sync"] }]);
    expect(providerAttributeFact("clickhouse_postgres_service", "hostname")?.change).toBe("computed");
    expect(replacingAttributes("clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns")).toEqual(["service_id", "reverse_private_endpoint_id"]);
    expect(providerAttributeFact("clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns", "mapping[0].private_dns_name")?.change).toBe("in-place");
  });

  it("describes every clickhouse_* resource type the constructs and the exported bindings declare", () => {
    const schema = JSON.parse(readFileSync(join(__dirname, "../../schemas/clickhouse-provider-schema.json"), "utf8"));
    const resources = Object.keys((Object.values(schema.provider_schemas)[0] as { resource_schemas: object }).resource_schemas).sort();
    expect(Object.keys(CLICKHOUSE_PROVIDER_FACTS).sort()).toEqual(resources);
  });

  it("requiresReplace answers for nested paths, indices and ancestors", () => {
    expect(requiresReplace("clickhouse_clickpipe", "source.postgres.settings.replication_mode")).toBe(true);
    expect(requiresReplace("clickhouse_clickpipe", "source.postgres.settings.sync_interval_seconds")).toBe(false);
    expect(requiresReplace("clickhouse_clickpipe", "source.postgres.settings.pull_batch_size")).toBe(false);
    expect(requiresReplace("clickhouse_clickpipe", "destination.roles[1]")).toBe(true);
    expect(requiresReplace("clickhouse_clickpipe", ["destination", "roles", 0])).toBe(true);
    expect(requiresReplace("clickhouse_clickpipe", "source/postgres/host")).toBe(false);
    expect(requiresReplace("clickhouse_clickpipe", "source.postgres.credentials.password_wo_version")).toBe(false);
    expect(requiresReplace("clickhouse_clickpipe", "stopped")).toBe(false);
    expect(requiresReplace("clickhouse_clickpipe", "trigger_resync")).toBe(false);
    expect(requiresReplace("clickhouse_clickpipe", "name")).toBe(false);
    // a mapping edit is refused by the provider, not planned as a replacement
    expect(requiresReplace("clickhouse_clickpipe", "source.postgres.table_mappings[0].target_table")).toBe(false);
    expect(providerAttributeFact("clickhouse_clickpipe", "source.postgres.table_mappings.0.excluded_columns.1")?.change).toBe("refused-on-existing-mapping");
    expect(providerAttributeFact("clickhouse_clickpipe", "source.postgres")?.change).toBe("replace-if-added-or-removed");
    expect(requiresReplace("clickhouse_clickpipe_cdc_infrastructure", "replica_cpu_millicores")).toBe(false);
    expect(requiresReplace("clickhouse_clickpipes_reverse_private_endpoint", "vpc_resource_share_arn")).toBe(true);
    expect(requiresReplace("postgresql_role", "name")).toBe(false);
    expect(requiresReplace("clickhouse_clickpipe", "no_such_attribute")).toBe(false);
    expect(normalizeAttributePath("a.b[3].c")).toBe("a.b.c");
  });

  it("records the validators and defaults", () => {
    expect(providerMinimum("clickhouse_clickpipe", "source.postgres.settings.sync_interval_seconds")).toBe(1);
    expect(providerMinimum("clickhouse_clickpipe", "source.postgres.settings.snapshot_number_of_parallel_tables")).toBe(1);
    expect(providerAttributeFact("clickhouse_clickpipe", "source.postgres.port")).toMatchObject({
      providerDefault: 5432,
      validators: [{ kind: "between", min: 1, max: 65535 }],
    });
    expect(providerAttributeFact("clickhouse_clickpipe", "source.postgres.table_mappings.table_engine")?.validators).toEqual([{ kind: "one-of", values: ["MergeTree", "ReplacingMergeTree", "Null"] }]);
    expect(providerAttributeFact("clickhouse_clickpipe", "source.postgres.type")?.validators).toEqual([
      {
        kind: "one-of",
        values: ["postgres", "supabase", "neon", "alloydb", "planetscale", "rdspostgres", "aurorapostgres", "cloudsqlpostgres", "azurepostgres", "crunchybridge", "tigerdata"],
      },
    ]);
    expect(providerAttributeFact("clickhouse_clickpipe_cdc_infrastructure", "replica_memory_gb")?.validators?.[0]).toEqual({ kind: "between", min: 4, max: 96 });
    expect(providerAttributeFact("clickhouse_clickpipe", "stopped")?.source).toContain("ModifyPlan");
  });

  it("describes every attribute of the provider schema file, and nothing else", () => {
    const schema = JSON.parse(readFileSync(join(__dirname, "../../schemas/clickhouse-provider-schema.json"), "utf8"));
    const resources = (Object.values(schema.provider_schemas)[0] as { resource_schemas: Record<string, { block: { attributes: object } }> }).resource_schemas;
    const walk = (attrs: Record<string, { nested_type?: { attributes: object } }>, prefix: string, out: string[]): string[] => {
      for (const [k, v] of Object.entries(attrs)) {
        out.push(prefix + k);
        if (v.nested_type) walk(v.nested_type.attributes as never, `${prefix}${k}.`, out);
      }
      return out;
    };
    for (const type of Object.keys(CLICKHOUSE_PROVIDER_FACTS) as ClickHouseResourceType[]) {
      const inSchema = walk(resources[type].block.attributes as never, "", []);
      const described = CLICKHOUSE_PROVIDER_FACTS[type].map((f) => f.path);
      // every described path is in the schema; every schema path has a fact or a described ancestor
      expect(described.filter((p) => !inSchema.includes(p))).toEqual([]);
      expect(inSchema.filter((p) => providerAttributeFact(type, p) === undefined)).toEqual([]);
    }
  });
});

describe("docs/pipe.md", () => {
  it("lists exactly the clickhouse_clickpipe settings whose change creates a new pipe", () => {
    const readme = readFileSync(join(__dirname, "../../docs/pipe.md"), "utf8").replace(/\s+/g, " ");
    const start = readme.indexOf("snapshots every table again):");
    const end = readme.indexOf(". The table is `src/model/provider-facts/clickhouse.ts`");
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const listed = readme
      .slice(start + "snapshots every table again):".length, end)
      .split(",")
      .map((x) => x.trim().replace(/`/g, ""));
    expect(listed).toEqual(replacingAttributes("clickhouse_clickpipe"));
  });
});
