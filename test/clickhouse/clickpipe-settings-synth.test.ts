import { describe, expect, it } from "vitest";
import { ClickPipe, ClickPipeProps } from "../../src/clickhouse/clickpipe";
import { App, ClickhouseProvider, PostgresqlProvider, TerraformStack, TerraformVariable, Testing } from "../../src/tf/tf";
import { ClickPipePostgresType, ClickPipeTableEngine } from "../../src/model/clickpipe";
import { CloudProvider, PostgresMajorVersion } from "../../src/model/types";
import { GenericPostgresSource } from "../../src/postgres/generic-source";
import { resourcesOf } from "../support/helpers";
import { warningLines } from "../support/aws-helpers";

type PipeOptions = Omit<ClickPipeProps, "source" | "password" | "serviceId">;

function synthPipe(pipe: PipeOptions = {}): { json: string; warnings: string[] } {
  const warnings: string[] = [];
  const app = Testing.app({ stackTraces: false }) as App;
  const stack = new TerraformStack(app, "pipe-settings");
  new PostgresqlProvider(stack, "postgresql", { host: "db.example.com", superuser: false });
  new ClickhouseProvider(stack, "clickhouse", { organizationId: "org-1", tokenKey: "k", tokenSecret: "s" });
  const password = new TerraformVariable(stack, "clickpipes_password", { type: "string", sensitive: true, nullable: false });
  const src = new GenericPostgresSource(stack, "orders-db", {
    name: "orders-db",
    host: "db.example.com",
    database: "orders",
    postgresVersion: PostgresMajorVersion.V16,
    clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
    tables: ["public.orders", "public.customers"],
    password: password.stringValue,
  });
  const cp = new ClickPipe(stack, "OrdersPipe", { source: src, password: password.stringValue, serviceId: "svc-123", ...pipe });
  warnings.push(...warningLines(cp));
  return { json: Testing.synth(stack), warnings };
}

function onlyPipe(json: string): Record<string, any> {
  const pipes = Object.values(resourcesOf(json, "clickhouse_clickpipe"));
  expect(pipes).toHaveLength(1);
  return pipes[0]!;
}

const CERT = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUZ2xvYmFs\n-----END CERTIFICATE-----\n";

describe("ClickPipe settings in the synthesized JSON", () => {
  it("writes no optional setting when none is given (the service defaults apply)", () => {
    const pipe = onlyPipe(synthPipe().json);
    expect(Object.keys(pipe.source.postgres.settings).sort()).toEqual(["publication_name", "replication_mode"]);
    expect(pipe.stopped).toBeUndefined();
    expect(pipe.trigger_resync).toBeUndefined();
    expect(pipe.destination).toEqual({ database: "default" });
    for (const k of ["authentication", "iam_role", "tls_host", "ca_certificate"]) expect(pipe.source.postgres[k]).toBeUndefined();
  });

  it("writes every pipe setting under its provider attribute name", () => {
    const pipe = onlyPipe(
      synthPipe({
        syncIntervalSeconds: 30,
        pullBatchSize: 500_000,
        initialLoadParallelism: 8,
        snapshotNumRowsPerPartition: 250_000,
        snapshotNumberOfParallelTables: 2,
        allowNullableColumns: true,
        deleteOnMerge: true,
        destinationRoles: ["analytics_writer", "default_role"],
        stopped: false,
        tlsHost: "db.internal.example.com",
        caCertificate: CERT,
        type: ClickPipePostgresType.CRUNCHY_BRIDGE,
      }).json,
    );
    expect(pipe.source.postgres.settings).toMatchObject({
      sync_interval_seconds: 30,
      pull_batch_size: 500000,
      initial_load_parallelism: 8,
      snapshot_num_rows_per_partition: 250000,
      snapshot_number_of_parallel_tables: 2,
      allow_nullable_columns: true,
      delete_on_merge: true,
    });
    expect(pipe.destination).toEqual({ database: "default", roles: ["analytics_writer", "default_role"] });
    expect(pipe.stopped).toBe(false);
    expect(pipe.source.postgres).toMatchObject({ type: "crunchybridge", tls_host: "db.internal.example.com", ca_certificate: CERT });
  });

  it("stopped and trigger_resync are written, each with its warning", () => {
    const { json, warnings } = synthPipe({ stopped: true, triggerResync: true });
    expect(onlyPipe(json)).toMatchObject({ stopped: true, trigger_resync: true });
    expect(warnings.map((w) => w.replace(/ is not allowed:.*\[/, " ["))).toEqual([
      'warning: source "orders-db": clickpipe.stopped = true [clickpipe-stopped]',
      'warning: source "orders-db": clickpipe.triggerResync = true [clickpipe-trigger-resync]',
    ]);
  });

  it("writes per-table options into the mappings, written out, sorted", () => {
    const pipe = onlyPipe(
      synthPipe({
        targetTables: { "public.orders": "orders" },
        tableOptions: {
          "public.orders": {
            excludedColumns: ["notes", "internal_flag"],
            sortingKeys: ["customer_id", "id"],
            tableEngine: ClickPipeTableEngine.REPLACING_MERGE_TREE,
            partitionKey: "id",
            partitionByExpr: "toYYYYMM(created_at)",
          },
          "public.customers": { tableEngine: ClickPipeTableEngine.NULL },
        },
      }).json,
    );
    expect(pipe.source.postgres.table_mappings).toEqual([
      { source_schema_name: "public", source_table: "customers", target_table: "public_customers", table_engine: "Null" },
      {
        source_schema_name: "public",
        source_table: "orders",
        target_table: "orders",
        excluded_columns: ["internal_flag", "notes"],
        use_custom_sorting_key: true,
        sorting_keys: ["customer_id", "id"],
        table_engine: "ReplacingMergeTree",
        partition_key: "id",
        partition_by_expr: "toYYYYMM(created_at)",
      },
    ]);
  });

  it("IAM role: authentication IAM_ROLE, iam_role, and no password", () => {
    const pipe = onlyPipe(
      synthPipe({
        type: ClickPipePostgresType.AURORA_POSTGRES,
        replicationMode: "snapshot" as never,
        iamRoleArn: "arn:aws:iam::111122223333:role/ClickPipes-orders",
      }).json,
    );
    expect(pipe.source.postgres).toMatchObject({ authentication: "IAM_ROLE", iam_role: "arn:aws:iam::111122223333:role/ClickPipes-orders" });
    expect(Object.keys(pipe.source.postgres.credentials)).toEqual(["username"]);
  });
});

describe("fleet files carry the pipe settings", () => {
  const fleet = (clickpipe: string) => `
sources:
  - name: orders-db
    kind: generic
    host: db.example.com
    database: orders
    postgresVersion: 16
    clickhouse: { cloud: aws, region: eu-central-1 }
    tables: [public.orders]
    clickpipe:
      serviceId: 3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d
${clickpipe}
`;
  it("accepts every setting, typed", async () => {
    const { parseFleetText, checkFleetShape } = await import("../../src/fleet/load");
    const doc = parseFleetText(
      fleet(`      syncIntervalSeconds: 30
      pullBatchSize: 500000
      initialLoadParallelism: 8
      snapshotNumRowsPerPartition: 250000
      snapshotNumberOfParallelTables: 2
      allowNullableColumns: true
      deleteOnMerge: true
      destinationRoles: [writer]
      stopped: false
      triggerResync: false
      tlsHost: db.internal.example.com
      tableOptions:
        public.orders: { excludedColumns: [notes], sortingKeys: [id], tableEngine: MergeTree, partitionKey: id, partitionByExpr: "toYYYYMM(created_at)" }`),
      "fleet.yaml",
    );
    expect(checkFleetShape(doc)).toEqual([]);
  });
  it("refuses an engine outside the enum with one line", async () => {
    const { parseFleetText, checkFleetShape } = await import("../../src/fleet/load");
    const { formatFinding } = await import("../../src/model/validation");
    const doc = parseFleetText(fleet(`      tableOptions:\n        public.orders: { tableEngine: Log }`), "fleet.yaml");
    expect(checkFleetShape(doc).map(formatFinding)).toEqual([
      'error: source "orders-db": clickpipe.tableOptions.public.orders.tableEngine = "Log" is not allowed: one of "MergeTree", "ReplacingMergeTree", "Null" [fleet-schema]',
    ]);
  });
});
