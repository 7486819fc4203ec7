/**
 * The provider's refusal of table-mapping edits, as a pure function: given the `table_mappings` of
 * a pipe before and after (Terraform JSON attribute names), the errors
 * `(*ClickPipeResource).ModifyPlan` (clickpipe.go, v3.25.3) reports when a mapping of the same
 * source table changes ("Cannot modify <field> for existing table mapping '<schema>.<table>'"), and
 * when no mapping is left. For the `diff` command and the guard; synth cannot see the previous state.
 */

/** One `table_mappings` entry as it appears in cdk.tf.json or a plan. */
export interface TableMappingJson {
  readonly source_schema_name: string;
  readonly source_table: string;
  readonly target_table: string;
  readonly excluded_columns?: readonly string[] | null;
  readonly use_custom_sorting_key?: boolean | null;
  readonly sorting_keys?: readonly string[] | null;
  readonly table_engine?: string | null;
  readonly partition_key?: string | null;
  readonly partition_by_expr?: string | null;
}

/** The fields compared, in the provider's order (the first changed one is reported). */
export const REFUSED_MAPPING_FIELDS = ["target_table", "excluded_columns", "sorting_keys", "use_custom_sorting_key", "table_engine", "partition_key", "partition_by_expr"] as const;

const norm = (v: unknown, field: string): unknown => {
  if (v === undefined || v === null) {
    // use_custom_sorting_key defaults to false in the provider's schema.
    return field === "use_custom_sorting_key" ? false : null;
  }
  // excluded_columns is a set: order does not matter; sorting_keys is an ordered list.
  if (Array.isArray(v)) return field === "excluded_columns" ? JSON.stringify([...v].sort()) : JSON.stringify(v);
  return v;
};

/** The provider's error messages for an edit of `before` into `after` (empty when it accepts it). */
export function refusedMappingEdits(before: readonly TableMappingJson[], after: readonly TableMappingJson[]): string[] {
  const out: string[] = [];
  if (after.length === 0) out.push("Postgres CDC pipes require at least one table mapping.");
  if (before.length === 0 || after.length === 0) return out;
  const key = (m: TableMappingJson) => `${m.source_schema_name}.${m.source_table}`;
  const planned = new Map(after.map((m) => [key(m), m]));
  for (const old of [...before].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))) {
    const now = planned.get(key(old));
    if (!now) continue;
    const field = REFUSED_MAPPING_FIELDS.find((f) => norm(old[f], f) !== norm(now[f], f));
    if (field !== undefined) {
      out.push(`Cannot modify ${field} for existing table mapping '${key(old)}'. Table mappings cannot be updated - you must remove the old mapping and add a new one.`);
    }
  }
  return out;
}
