import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ClickPipeAuthentication, ClickPipeRuleInput, ClickPipeSpec, ClickPipeTableEngine } from "../../src/model/clickpipe";
import { CLICKPIPE_RULES } from "../../src/model/rules/pipe";
import { resolveSource } from "../../src/model/defaults";
import { CloudProvider, PostgresMajorVersion, PostgresSourceSpec } from "../../src/model/types";
import { formatFinding, runRules } from "../../src/model/validation";

const baseSource: PostgresSourceSpec = {
  name: "orders-db",
  host: "db.example.com",
  database: "orders",
  postgresVersion: PostgresMajorVersion.V16,
  clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
  schemas: [{ name: "public" }],
  tables: ["public.customers", "public.orders"],
};

function lines(pipe: ClickPipeSpec, authentication?: ClickPipeAuthentication): string[] {
  const src = resolveSource(baseSource);
  return runRules<ClickPipeRuleInput>({ name: src.name, source: src, pipe, authentication }, CLICKPIPE_RULES).map(formatFinding);
}

const CERT = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUZ2xvYmFs\n-----END CERTIFICATE-----\n";

describe("pipe settings rules", () => {
  it("accepts every setting at valid values without findings", () => {
    expect(
      lines({
        syncIntervalSeconds: 10,
        pullBatchSize: 10_000_000,
        initialLoadParallelism: 1,
        snapshotNumRowsPerPartition: 1,
        snapshotNumberOfParallelTables: 8,
        allowNullableColumns: true,
        deleteOnMerge: true,
        destinationRoles: ["writer"],
        stopped: false,
        triggerResync: false,
        tableOptions: {
          "public.orders": {
            excludedColumns: ["notes"],
            sortingKeys: ["customer_id", "id"],
            tableEngine: ClickPipeTableEngine.MERGE_TREE,
            partitionKey: "id",
            partitionByExpr: "toYYYYMM(created_at)",
          },
        },
        tlsHost: "db.internal.example.com",
        caCertificate: CERT,
      }),
    ).toEqual([]);
    expect(lines({ replicationMode: "snapshot" as never, type: "rdspostgres" as never }, ClickPipeAuthentication.IAM_ROLE)).toEqual([]);
  });

  const cases: [string, ClickPipeSpec, string, ClickPipeAuthentication?][] = [
    [
      "sync interval 0",
      { syncIntervalSeconds: 0 },
      'error: source "orders-db": clickpipe.syncIntervalSeconds = 0 is not allowed: an integer of at least 1 (the provider\'s sync_interval_seconds validator) [clickpipe-settings-range]',
    ],
    [
      "pull batch size 1.5",
      { pullBatchSize: 1.5 },
      'error: source "orders-db": clickpipe.pullBatchSize = 1.5 is not allowed: an integer of at least 1 (the provider\'s pull_batch_size validator) [clickpipe-settings-range]',
    ],
    [
      "parallelism 0",
      { initialLoadParallelism: 0 },
      'error: source "orders-db": clickpipe.initialLoadParallelism = 0 is not allowed: an integer of at least 1 (the provider\'s initial_load_parallelism validator) [clickpipe-settings-range]',
    ],
    [
      "rows per partition -5",
      { snapshotNumRowsPerPartition: -5 },
      'error: source "orders-db": clickpipe.snapshotNumRowsPerPartition = -5 is not allowed: an integer of at least 1 (the provider\'s snapshot_num_rows_per_partition validator) [clickpipe-settings-range]',
    ],
    [
      "parallel tables as text",
      { snapshotNumberOfParallelTables: "2" as never },
      'error: source "orders-db": clickpipe.snapshotNumberOfParallelTables = "2" is not allowed: an integer of at least 1 (the provider\'s snapshot_number_of_parallel_tables validator) [clickpipe-settings-range]',
    ],
    [
      "sync interval below 10 s",
      { syncIntervalSeconds: 5 },
      'warning: source "orders-db": clickpipe.syncIntervalSeconds = 5 is not allowed: at least 10 is recommended (ClickPipes docs, "Controlling the syncing of a Postgres ClickPipe": keep it above 10 seconds) [clickpipe-settings-range]',
    ],
    [
      "pull batch above 10 million",
      { pullBatchSize: 10_000_001 },
      'warning: source "orders-db": clickpipe.pullBatchSize = 10000001 is not allowed: at most 10000000 is recommended (ClickPipes docs, "Controlling the syncing of a Postgres ClickPipe": a safe maximum is 10 million) [clickpipe-settings-range]',
    ],
    [
      "stopped",
      { stopped: true },
      'warning: source "orders-db": clickpipe.stopped = true is not allowed: true only on a pipe that already exists: the provider refuses to create a stopped pipe ("Cannot create a ClickPipe in a stopped state"); to pause a new pipe, deploy it with stopped unset, then set stopped: true and deploy again [clickpipe-stopped]',
    ],
    ["stopped as text", { stopped: "yes" as never }, 'error: source "orders-db": clickpipe.stopped = "yes" is not allowed: true (pause) or false (run) [clickpipe-stopped]'],
    [
      "trigger resync",
      { triggerResync: true },
      'warning: source "orders-db": clickpipe.triggerResync = true is not allowed: true for one deploy only: it re-snapshots every table, and the provider resets it to false, so every plan shows a change and every apply resyncs again until you remove it; use it to rebuild the ClickHouse tables (after a schema change the pipe cannot follow, a lost replication slot, or target tables that diverged) [clickpipe-trigger-resync]',
    ],
    [
      "PSC attachment outside the service's region",
      { privateServiceConnect: { serviceAttachment: "projects/acme/regions/us-central1/serviceAttachments/orders", privateDnsName: "orders.db.internal" } },
      'error: source "orders-db": clickpipe.privateServiceConnect.serviceAttachment = "projects/acme/regions/us-central1/serviceAttachments/orders" is not allowed: an attachment in the ClickHouse service\'s own GCP region (clickhouse: aws/eu-central-1): the reverse private endpoint and the attachment must be in the same GCP region, and PSC needs the service on GCP (cross-region global access is not supported; use an SSH tunnel) [clickpipe-private-service-connect]',
    ],
    [
      "options of a table the pipe does not replicate",
      { tableOptions: { "public.invoices": { excludedColumns: ["x"] } } },
      'error: source "orders-db": clickpipe.tableOptions["public.invoices"] = {"excludedColumns":["x"]} is not allowed: options of a replicated table: public.customers, public.orders [clickpipe-table-options]',
    ],
    [
      "excluded column in the sorting key",
      { tableOptions: { "public.orders": { excludedColumns: ["id", "notes"], sortingKeys: ["id"] } } },
      'error: source "orders-db": clickpipe.tableOptions["public.orders"].excludedColumns = ["id"] is not allowed: columns outside sortingKeys (an excluded column cannot be part of the sorting key) [clickpipe-table-options]',
    ],
    [
      "empty sorting key",
      { tableOptions: { "public.orders": { sortingKeys: [] } } },
      'error: source "orders-db": clickpipe.tableOptions["public.orders"].sortingKeys = [] is not allowed: a non-empty list of column names (leave it out to sort by the primary key) [clickpipe-table-options]',
    ],
    [
      "sorting key column twice",
      { tableOptions: { "public.orders": { sortingKeys: ["id", "id"] } } },
      'error: source "orders-db": clickpipe.tableOptions["public.orders"].sortingKeys = ["id","id"] is not allowed: each column once [clickpipe-table-options]',
    ],
    [
      "excluded column empty name",
      { tableOptions: { "public.orders": { excludedColumns: [""] } } },
      'error: source "orders-db": clickpipe.tableOptions["public.orders"].excludedColumns = [""] is not allowed: a list of column names [clickpipe-table-options]',
    ],
    [
      "unknown engine",
      { tableOptions: { "public.orders": { tableEngine: "SummingMergeTree" as never } } },
      'error: source "orders-db": clickpipe.tableOptions["public.orders"].tableEngine = "SummingMergeTree" is not allowed: one of MergeTree, ReplacingMergeTree, Null [clickpipe-table-options]',
    ],
    [
      "blank partition expression",
      { tableOptions: { "public.orders": { partitionByExpr: "  " } } },
      'error: source "orders-db": clickpipe.tableOptions["public.orders"].partitionByExpr = "  " is not allowed: a ClickHouse PARTITION BY expression (not blank; leave it out for none) [clickpipe-table-options]',
    ],
    [
      "empty partition key",
      { tableOptions: { "public.orders": { partitionKey: "" } } },
      'error: source "orders-db": clickpipe.tableOptions["public.orders"].partitionKey = "" is not allowed: the name of an indexed smallint, integer, bigint or timestamp column [clickpipe-table-options]',
    ],
    [
      "two tables to one target",
      { targetTables: { "public.customers": "t", "public.orders": "t" } },
      'error: source "orders-db": clickpipe.targetTables["public.orders"] = "t" is not allowed: a target table no other table uses (public.customers maps to "t"; the provider requires each target_table once) [clickpipe-target-tables-unique]',
    ],
    [
      "unknown source type",
      { type: "cockroach" as never },
      'error: source "orders-db": clickpipe.type = "cockroach" is not allowed: one of postgres, supabase, neon, alloydb, planetscale, rdspostgres, aurorapostgres, cloudsqlpostgres, azurepostgres, crunchybridge, tigerdata [clickpipe-source-settings]',
    ],
    [
      "CA certificate not PEM",
      { caCertificate: "MIIB" },
      'error: source "orders-db": clickpipe.caCertificate = "MIIB..." is not allowed: PEM certificates (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----) [clickpipe-source-settings]',
    ],
    [
      "TLS host with a space",
      { tlsHost: "db example" },
      'error: source "orders-db": clickpipe.tlsHost = "db example" is not allowed: a DNS host name the server certificate carries [clickpipe-source-settings]',
    ],
  ];
  it.each(cases)("%s", (_name, pipe, line, auth) => {
    expect(lines(pipe, auth)).toEqual([line]);
  });

  it("covers every new rule with an exact message, one rule per file named after its id", () => {
    const all = cases.map(([, , line]) => line).join("\n");
    for (const id of CLICKPIPE_RULES.map((r: { id: string }) => r.id).slice(4)) {
      expect(all).toContain(`[${id}]`);
      expect(existsSync(join(__dirname, "../../src/model/rules/pipe", `${id}.ts`))).toBe(true);
    }
  });

  it("IAM authentication: refused for a generic source, accepted with every mode on Aurora/RDS (no CDC warning since 2026-12-03)", () => {
    expect(lines({ replicationMode: "snapshot" as never }, ClickPipeAuthentication.IAM_ROLE)).toEqual([
      'error: source "orders-db": clickpipe.authentication = "IAM_ROLE" is not allowed: basic for type postgres (IAM database authentication exists for aurorapostgres and rdspostgres only) [clickpipe-source-settings]',
    ]);
    for (const mode of ["cdc", "cdc_only", "snapshot"]) {
      expect(lines({ type: "aurorapostgres" as never, replicationMode: mode as never }, ClickPipeAuthentication.IAM_ROLE)).toEqual([]);
      expect(lines({ type: "rdspostgres" as never, replicationMode: mode as never }, ClickPipeAuthentication.IAM_ROLE)).toEqual([]);
    }
  });
});
