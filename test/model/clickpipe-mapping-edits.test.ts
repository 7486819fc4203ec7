import { describe, expect, it } from "vitest";
import { refusedMappingEdits, TableMappingJson } from "../../src/model/clickpipe-mapping-edits";

const orders: TableMappingJson = { source_schema_name: "public", source_table: "orders", target_table: "orders" };
const customers: TableMappingJson = { source_schema_name: "public", source_table: "customers", target_table: "public_customers" };

describe("the provider's refusal of table-mapping edits", () => {
  it("accepts adding and removing mappings, and unchanged ones", () => {
    expect(refusedMappingEdits([orders], [orders, customers])).toEqual([]);
    expect(refusedMappingEdits([orders, customers], [customers])).toEqual([]);
    expect(refusedMappingEdits([orders], [{ ...orders, use_custom_sorting_key: false }])).toEqual([]);
    expect(refusedMappingEdits([{ ...orders, excluded_columns: ["a", "b"] }], [{ ...orders, excluded_columns: ["b", "a"] }])).toEqual([]);
  });

  it("refuses an edit of an existing mapping with the provider's text, naming the first changed field", () => {
    expect(
      refusedMappingEdits(
        [orders, customers],
        [
          { ...orders, target_table: "orders_v2" },
          { ...customers, table_engine: "MergeTree", partition_key: "id" },
        ],
      ),
    ).toEqual([
      "Cannot modify table_engine for existing table mapping 'public.customers'. Table mappings cannot be updated - you must remove the old mapping and add a new one.",
      "Cannot modify target_table for existing table mapping 'public.orders'. Table mappings cannot be updated - you must remove the old mapping and add a new one.",
    ]);
    expect(refusedMappingEdits([{ ...orders, sorting_keys: ["a", "b"], use_custom_sorting_key: true }], [{ ...orders, sorting_keys: ["b", "a"], use_custom_sorting_key: true }])).toEqual([
      "Cannot modify sorting_keys for existing table mapping 'public.orders'. Table mappings cannot be updated - you must remove the old mapping and add a new one.",
    ]);
    expect(refusedMappingEdits([orders], [{ ...orders, excluded_columns: ["notes"] }])).toEqual([
      "Cannot modify excluded_columns for existing table mapping 'public.orders'. Table mappings cannot be updated - you must remove the old mapping and add a new one.",
    ]);
    expect(refusedMappingEdits([orders], [{ ...orders, partition_by_expr: "toYYYYMM(ts)" }])).toEqual([
      "Cannot modify partition_by_expr for existing table mapping 'public.orders'. Table mappings cannot be updated - you must remove the old mapping and add a new one.",
    ]);
  });

  it("refuses an empty mapping list", () => {
    expect(refusedMappingEdits([orders], [])).toEqual(["Postgres CDC pipes require at least one table mapping."]);
  });
});
