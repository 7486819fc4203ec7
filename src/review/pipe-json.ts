/**
 * The one reader of a ClickPipe (`clickhouse_clickpipe`) and of a publication from Terraform JSON
 * (a synth output's `cdk.tf.json` or a plan's before/after values): which publication the pipe
 * reads, its settings and its table mappings. `diff`, `guard` and `verify` read pipes through it.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Attribute at `path` of a resource body; a nested single block may come as a one-element list (synth JSON, plans). */
export function attr(obj: Json | undefined, ...path: string[]): unknown {
  let v: unknown = obj;
  for (const p of path) {
    if (Array.isArray(v) && v.length === 1) v = v[0];
    if (!isObject(v)) return undefined;
    v = v[p];
  }
  return v;
}

/** One table mapping of a pipe, as written (values may be Terraform expressions). */
export interface PipeMapping {
  readonly schema: unknown;
  readonly table: unknown;
  readonly targetTable: unknown;
  readonly excludedColumns: unknown;
  readonly useCustomSortingKey: unknown;
  readonly sortingKeys: unknown;
}

/** What a pipe body says about its Postgres source. */
export interface PipeSource {
  /** `source.postgres.settings.publication_name` (a name or an expression), when set. */
  readonly publication: unknown;
  /** `source.postgres.settings` (empty when absent). */
  readonly settings: Json;
  /** The raw `table_mappings` value (a list, or an expression string derived in Terraform). */
  readonly tableMappings: unknown;
  /** The mappings (the objects of the list); undefined when an expression. */
  readonly mappings?: readonly PipeMapping[];
}

/** Read a pipe's Postgres source from its body. */
export function pipeSource(body: Json | undefined): PipeSource {
  const pg = attr(body, "source", "postgres");
  const postgres = isObject(pg) ? pg : {};
  const s = attr(postgres, "settings");
  const settings = isObject(s) ? s : {};
  const tableMappings = postgres.table_mappings;
  const list = Array.isArray(tableMappings) ? tableMappings.filter(isObject) : undefined;
  const mappings = list?.map((m) => ({
    schema: m.source_schema_name,
    table: m.source_table,
    targetTable: m.target_table,
    excludedColumns: m.excluded_columns,
    useCustomSortingKey: m.use_custom_sorting_key,
    sortingKeys: m.sorting_keys,
  }));
  return { publication: settings.publication_name, settings, tableMappings, ...(mappings ? { mappings } : {}) };
}

/** A pipe's tables as `schema.table` (source side); undefined unless every mapping names both as strings. */
export function pipeTables(body: Json | undefined): string[] | undefined {
  const { tableMappings } = pipeSource(body);
  if (!Array.isArray(tableMappings)) return undefined;
  const out: string[] = [];
  for (const m of tableMappings) {
    if (!isObject(m) || typeof m.source_schema_name !== "string" || typeof m.source_table !== "string") return undefined;
    out.push(`${m.source_schema_name}.${m.source_table}`);
  }
  return out;
}

/** A publication's tables as `schema.table` (`public.` when unqualified); undefined when not a list of strings (e.g. an expression). */
export function publicationTables(body: Json | undefined): string[] | undefined {
  const t = attr(body, "tables");
  if (!Array.isArray(t) || !t.every((x) => typeof x === "string")) return undefined;
  return t.map((x) => (x.includes(".") ? x : `public.${x}`));
}

/** The `clickhouse_clickpipe` resources of a stack JSON: name and body, in the file's order. */
export function pipeResources(json: Json | undefined): { readonly name: string; readonly address: string; readonly body: Json }[] {
  const r = isObject(json?.resource) ? json!.resource : {};
  const pipes = isObject(r.clickhouse_clickpipe) ? r.clickhouse_clickpipe : {};
  return Object.entries(pipes)
    .filter((e): e is [string, Json] => isObject(e[1]))
    .map(([name, body]) => ({ name, address: `clickhouse_clickpipe.${name}`, body }));
}
