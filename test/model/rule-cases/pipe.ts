/**
 * Cases of the pipe table (CLICKPIPE_RULES), run on PIPE_BASE_SOURCE (resolved, with the override)
 * and the pipe spec: [name, pipe, source override, the one line]. Every rule needs one
 * (test/model/rule-tree.test.ts checks).
 */
import { ClickPipeSpec } from "../../../src/model/clickpipe";
import { CloudProvider, PostgresMajorVersion, PostgresSourceSpec } from "../../../src/model/types";

export const PIPE_BASE_SOURCE: PostgresSourceSpec = {
  name: "orders-db",
  host: "db.example.com",
  database: "orders",
  postgresVersion: PostgresMajorVersion.V16,
  clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
  schemas: [{ name: "public" }],
  tables: ["public.customers", "public.orders"],
};

export const PIPE_CASES: [string, ClickPipeSpec, Partial<PostgresSourceSpec>, string][] = [
  [
    "table mapping for a table not in the publication",
    { targetTables: { "public.invoices": "inv" } },
    {},
    'error: source "orders-db": clickpipe.targetTables["public.invoices"] = "inv" is not allowed: a mapping for a table of publication "clickpipes_publication": public.customers, public.orders [clickpipe-table-mappings]',
  ],
  [
    "replicated table not in the publication",
    { tables: ["public.orders", "sales.invoices"] },
    {},
    'error: source "orders-db": clickpipe.tables[1] = "sales.invoices" is not allowed: a table of publication "clickpipes_publication": public.customers, public.orders [clickpipe-table-mappings]',
  ],
  [
    "table not in a schema-wide publication",
    { tables: ["public.x"] },
    { tables: [], schemas: [{ name: "sales" }] },
    'error: source "orders-db": clickpipe.tables[0] = "public.x" is not allowed: a table of publication "clickpipes_publication" (schemas sales) [clickpipe-table-mappings]',
  ],
  [
    "mapping for a published table the pipe skips",
    { tables: ["public.orders"], targetTables: { "public.customers": "c" } },
    {},
    'error: source "orders-db": clickpipe.targetTables["public.customers"] = "c" is not allowed: a mapping for a replicated table: public.orders [clickpipe-table-mappings]',
  ],
  [
    "schema-wide publication without pipe tables",
    {},
    { tables: [], schemas: [{ name: "public" }] },
    'error: source "orders-db": clickpipe.tables = (missing) is not allowed: the tables to replicate as schema.table (the publication is schema-wide or FOR ALL TABLES, so its tables are unknown at synth) [clickpipe-table-mappings]',
  ],
  [
    "replication_slot_name without cdc_only",
    { replicationSlotName: "my_slot" },
    {},
    'error: source "orders-db": clickpipe.replicationSlotName = "my_slot" is not allowed: unset unless replicationMode is cdc_only (it is cdc; ClickPipes creates and manages its own slot) [clickpipe-replication-slot]',
  ],
  [
    "unknown replication mode",
    { replicationMode: "stream" as never },
    {},
    'error: source "orders-db": clickpipe.replicationMode = "stream" is not allowed: one of cdc, snapshot, cdc_only [clickpipe-replication-slot]',
  ],
  [
    "failover slots below PostgreSQL 17",
    { enableFailoverSlots: true },
    {},
    'error: source "orders-db": clickpipe.enableFailoverSlots = true is not allowed: false or unset on PostgreSQL 16 (failover slots exist from 17 on) [clickpipe-failover-slots]',
  ],
  [
    "failover slots with an existing slot",
    { enableFailoverSlots: true, replicationMode: "cdc_only" as never, replicationSlotName: "s" },
    { postgresVersion: PostgresMajorVersion.V18 },
    'error: source "orders-db": clickpipe.enableFailoverSlots = true is not allowed: false or unset when replicationSlotName is set (failover applies to the slot ClickPipes creates) [clickpipe-failover-slots]',
  ],
  [
    "CPU not a multiple of 1000",
    { cdcInfrastructure: { cpuMillicores: 1500 } },
    {},
    'error: source "orders-db": clickpipe.cdcInfrastructure.cpuMillicores = 1500 is not allowed: a multiple of 1000 from 1000 to 24000 [clickpipe-cdc-sizing]',
  ],
  [
    "CPU above 24000",
    { cdcInfrastructure: { cpuMillicores: 25000 } },
    {},
    'error: source "orders-db": clickpipe.cdcInfrastructure.cpuMillicores = 25000 is not allowed: a multiple of 1000 from 1000 to 24000 [clickpipe-cdc-sizing]',
  ],
  [
    "CPU below 1000",
    { cdcInfrastructure: { cpuMillicores: 0 } },
    {},
    'error: source "orders-db": clickpipe.cdcInfrastructure.cpuMillicores = 0 is not allowed: a multiple of 1000 from 1000 to 24000 [clickpipe-cdc-sizing]',
  ],
  [
    "memory not 4 x cores",
    { cdcInfrastructure: { cpuMillicores: 2000, memoryGb: 16 } },
    {},
    'error: source "orders-db": clickpipe.cdcInfrastructure.memoryGb = 16 is not allowed: 8 (4 GiB per CPU core: 2000 millicores = 2 cores), or leave it out [clickpipe-cdc-sizing]',
  ],
  [
    "sync interval 0",
    { syncIntervalSeconds: 0 },
    {},
    'error: source "orders-db": clickpipe.syncIntervalSeconds = 0 is not allowed: an integer of at least 1 (the provider\'s sync_interval_seconds validator) [clickpipe-settings-range]',
  ],
  [
    "sync interval below 10 s",
    { syncIntervalSeconds: 5 },
    {},
    'warning: source "orders-db": clickpipe.syncIntervalSeconds = 5 is not allowed: at least 10 is recommended (ClickPipes docs, "Controlling the syncing of a Postgres ClickPipe": keep it above 10 seconds) [clickpipe-settings-range]',
  ],
  [
    "excluded column in the sorting key",
    { tableOptions: { "public.orders": { excludedColumns: ["id", "notes"], sortingKeys: ["id"] } } },
    {},
    'error: source "orders-db": clickpipe.tableOptions["public.orders"].excludedColumns = ["id"] is not allowed: columns outside sortingKeys (an excluded column cannot be part of the sorting key) [clickpipe-table-options]',
  ],
  [
    "two tables to one target",
    { targetTables: { "public.customers": "t", "public.orders": "t" } },
    {},
    'error: source "orders-db": clickpipe.targetTables["public.orders"] = "t" is not allowed: a target table no other table uses (public.customers maps to "t"; the provider requires each target_table once) [clickpipe-target-tables-unique]',
  ],
  [
    "unknown source type",
    { type: "cockroach" as never },
    {},
    'error: source "orders-db": clickpipe.type = "cockroach" is not allowed: one of postgres, supabase, neon, alloydb, planetscale, rdspostgres, aurorapostgres, cloudsqlpostgres, azurepostgres, crunchybridge, tigerdata [clickpipe-source-settings]',
  ],
  [
    "stopped",
    { stopped: true },
    {},
    'warning: source "orders-db": clickpipe.stopped = true is not allowed: true only on a pipe that already exists: the provider refuses to create a stopped pipe ("Cannot create a ClickPipe in a stopped state"); to pause a new pipe, deploy it with stopped unset, then set stopped: true and deploy again [clickpipe-stopped]',
  ],
  [
    "trigger resync",
    { triggerResync: true },
    {},
    'warning: source "orders-db": clickpipe.triggerResync = true is not allowed: true for one deploy only: it re-snapshots every table, and the provider resets it to false, so every plan shows a change and every apply resyncs again until you remove it; use it to rebuild the ClickHouse tables (after a schema change the pipe cannot follow, a lost replication slot, or target tables that diverged) [clickpipe-trigger-resync]',
  ],
  [
    "PSC attachment outside the service's region",
    { privateServiceConnect: { serviceAttachment: "projects/acme/regions/us-central1/serviceAttachments/orders", privateDnsName: "orders.db.internal" } },
    {},
    'error: source "orders-db": clickpipe.privateServiceConnect.serviceAttachment = "projects/acme/regions/us-central1/serviceAttachments/orders" is not allowed: an attachment in the ClickHouse service\'s own GCP region (clickhouse: aws/eu-central-1): the reverse private endpoint and the attachment must be in the same GCP region, and PSC needs the service on GCP (cross-region global access is not supported; use an SSH tunnel) [clickpipe-private-service-connect]',
  ],
  [
    "stopped on Neon",
    { stopped: true },
    { hostProfile: "neon" } as never,
    'warning: source "orders-db": clickpipe.stopped = true is not allowed: true only on a pipe that already exists: the provider refuses to create a stopped pipe ("Cannot create a ClickPipe in a stopped state"); to pause a new pipe, deploy it with stopped unset, then set stopped: true and deploy again; on Neon, for less than about 40 hours: Neon removes an inactive replication slot after about 40 h when other slots are active, and the pipe then needs a full resync (https://clickhouse.com/docs/integrations/clickpipes/postgres/source/neon-postgres) [clickpipe-stopped]',
  ],
];
