import { describe, expect, it } from "vitest";
import { ClickPipeRuleInput, ClickPipeSpec } from "../../src/model/clickpipe";
import { CLICKPIPE_RULES } from "../../src/model/rules/pipe";
import { resolveSource } from "../../src/model/defaults";
import { PostgresMajorVersion, PostgresSourceSpec } from "../../src/model/types";
import { formatFinding, runRules } from "../../src/model/validation";
import { PIPE_BASE_SOURCE, PIPE_CASES } from "./rule-cases/pipe";

/** The one-line messages of the pipe rule table for a pipe (and source override). */
function lines(pipe: ClickPipeSpec, source: Partial<PostgresSourceSpec> = {}): string[] {
  const src = resolveSource({ ...PIPE_BASE_SOURCE, ...source });
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

  it.each(PIPE_CASES)("%s", (_name, pipe, source, line) => {
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
      "clickpipe-private-service-connect",
    ]);
    for (const id of ids) expect(PIPE_CASES.some(([, , , line]) => line.endsWith(`[${id}]`))).toBe(true);
  });
});
