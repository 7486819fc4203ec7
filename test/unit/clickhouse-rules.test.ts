import { describe, expect, it } from "vitest";
import { ClickPipeRuleInput, ClickPipeSpec } from "../../src/model/clickpipe";
import { CLICKPIPE_RULES } from "../../src/model/clickpipe-rules";
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

/** The one-line messages of the pipe rule table for a pipe (and source override). */
function lines(pipe: ClickPipeSpec, source: Partial<PostgresSourceSpec> = {}): string[] {
  const src = resolveSource({ ...baseSource, ...source });
  return runRules<ClickPipeRuleInput>({ name: src.name, source: src, pipe }, CLICKPIPE_RULES).map(formatFinding);
}

describe("ClickPipe rule table", () => {
  it("accepts a plain pipe and valid options without findings", () => {
    expect(lines({})).toEqual([]);
    expect(lines({ tables: ["public.orders"], targetTables: { "public.orders": "orders" }, cdcInfrastructure: { cpuMillicores: 24000, memoryGb: 96 } })).toEqual([]);
    expect(lines({ replicationMode: "cdc_only" as never, replicationSlotName: "my_slot" })).toEqual([]);
    expect(lines({ enableFailoverSlots: true }, { postgresVersion: PostgresMajorVersion.V17 })).toEqual([]);
    expect(lines({ tables: ["sales.x"] }, { tables: [], schemas: [{ name: "sales" }] })).toEqual([]);
    expect(lines({ tables: ["any.table"] }, { tables: [], schemas: [], publication: { allTables: true } })).toEqual([]);
  });

  const cases: [string, ClickPipeSpec, Partial<PostgresSourceSpec>, string][] = [
    ["table mapping for a table not in the publication", { targetTables: { "public.invoices": "inv" } }, {},
      'error: source "orders-db": clickpipe.targetTables["public.invoices"] = "inv" is not allowed: a mapping for a table of publication "clickpipes_publication": public.customers, public.orders [clickpipe-table-mappings]'],
    ["replicated table not in the publication", { tables: ["public.orders", "sales.invoices"] }, {},
      'error: source "orders-db": clickpipe.tables[1] = "sales.invoices" is not allowed: a table of publication "clickpipes_publication": public.customers, public.orders [clickpipe-table-mappings]'],
    ["table not in a schema-wide publication", { tables: ["public.x"] }, { tables: [], schemas: [{ name: "sales" }] },
      'error: source "orders-db": clickpipe.tables[0] = "public.x" is not allowed: a table of publication "clickpipes_publication" (schemas sales) [clickpipe-table-mappings]'],
    ["mapping for a published table the pipe skips", { tables: ["public.orders"], targetTables: { "public.customers": "c" } }, {},
      'error: source "orders-db": clickpipe.targetTables["public.customers"] = "c" is not allowed: a mapping for a replicated table: public.orders [clickpipe-table-mappings]'],
    ["schema-wide publication without pipe tables", {}, { tables: [], schemas: [{ name: "public" }] },
      'error: source "orders-db": clickpipe.tables = (missing) is not allowed: the tables to replicate as schema.table (the publication is schema-wide or FOR ALL TABLES, so its tables are unknown at synth) [clickpipe-table-mappings]'],
    ["replication_slot_name without cdc_only", { replicationSlotName: "my_slot" }, {},
      'error: source "orders-db": clickpipe.replicationSlotName = "my_slot" is not allowed: unset unless replicationMode is cdc_only (it is cdc; ClickPipes creates and manages its own slot) [clickpipe-replication-slot]'],
    ["unknown replication mode", { replicationMode: "stream" as never }, {},
      'error: source "orders-db": clickpipe.replicationMode = "stream" is not allowed: one of cdc, snapshot, cdc_only [clickpipe-replication-slot]'],
    ["failover slots below PostgreSQL 17", { enableFailoverSlots: true }, {},
      'error: source "orders-db": clickpipe.enableFailoverSlots = true is not allowed: false or unset on PostgreSQL 16 (failover slots exist from 17 on) [clickpipe-failover-slots]'],
    ["failover slots with an existing slot", { enableFailoverSlots: true, replicationMode: "cdc_only" as never, replicationSlotName: "s" }, { postgresVersion: PostgresMajorVersion.V18 },
      'error: source "orders-db": clickpipe.enableFailoverSlots = true is not allowed: false or unset when replicationSlotName is set (failover applies to the slot ClickPipes creates) [clickpipe-failover-slots]'],
    ["CPU not a multiple of 1000", { cdcInfrastructure: { cpuMillicores: 1500 } }, {},
      'error: source "orders-db": clickpipe.cdcInfrastructure.cpuMillicores = 1500 is not allowed: a multiple of 1000 from 1000 to 24000 [clickpipe-cdc-sizing]'],
    ["CPU above 24000", { cdcInfrastructure: { cpuMillicores: 25000 } }, {},
      'error: source "orders-db": clickpipe.cdcInfrastructure.cpuMillicores = 25000 is not allowed: a multiple of 1000 from 1000 to 24000 [clickpipe-cdc-sizing]'],
    ["CPU below 1000", { cdcInfrastructure: { cpuMillicores: 0 } }, {},
      'error: source "orders-db": clickpipe.cdcInfrastructure.cpuMillicores = 0 is not allowed: a multiple of 1000 from 1000 to 24000 [clickpipe-cdc-sizing]'],
    ["memory not 4 x cores", { cdcInfrastructure: { cpuMillicores: 2000, memoryGb: 16 } }, {},
      'error: source "orders-db": clickpipe.cdcInfrastructure.memoryGb = 16 is not allowed: 8 (4 GiB per CPU core: 2000 millicores = 2 cores), or leave it out [clickpipe-cdc-sizing]'],
  ];

  it.each(cases)("%s", (_name, pipe, source, line) => {
    expect(lines(pipe, source)).toEqual([line]);
  });

  it("has one rule per file, each covered above", () => {
    const ids = CLICKPIPE_RULES.map((r) => r.id);
    expect(ids).toEqual([
      "clickpipe-table-mappings",
      "clickpipe-replication-slot",
      "clickpipe-failover-slots",
      "clickpipe-cdc-sizing",
      "clickpipe-settings-range",
      "clickpipe-table-options",
      "clickpipe-target-tables-unique",
      "clickpipe-source-settings",
      "clickpipe-stopped",
      "clickpipe-trigger-resync",
    ]);
    // the first four are covered here, the others in clickpipe-settings-rules.test.ts
    for (const id of ids.slice(0, 4)) expect(cases.some(([, , , line]) => line.endsWith(`[${id}]`))).toBe(true);
  });
});
