/**
 * Read what verify needs from a synthesized stack's ClickPipe (`clickhouse_clickpipe`): replication
 * mode, the named slot, failover slots, and per-table excluded columns and sorting keys.
 */
import { readVerifyStack } from "./stack";
import { TableName, VerifyError } from "./types";
import { pipeResources, pipeSource } from "../review/pipe-json";

/** Per-table settings of a pipe mapping. */
export interface PipeTableSettings extends TableName {
  readonly excludedColumns: readonly string[];
  /** Set when `use_custom_sorting_key` is true. */
  readonly sortingKeys?: readonly string[];
}

/** The pipe settings verify checks. */
export interface PipeExpectations {
  /** The file read (absent when given in code). */
  readonly file?: string;
  /** @default "cdc" */
  readonly replicationMode?: string;
  readonly replicationSlotName?: string;
  readonly enableFailoverSlots?: boolean;
  /** Mappings with excluded columns or a custom sorting key. */
  readonly tables: readonly PipeTableSettings[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const literal = (v: unknown): string | undefined => (typeof v === "string" && !v.includes("${") ? v : undefined);
const literalList = (v: unknown): string[] => (Array.isArray(v) ? v.map(literal).filter((x): x is string => x !== undefined) : []);

/** Read the pipe of a stack (`--pipe`). Throws `VerifyError` (one line) when there is no single pipe. */
export function readPipe(arg: string): PipeExpectations {
  const { file, json } = readVerifyStack(arg, "--pipe");
  const pipes = isObject(json) ? pipeResources(json) : [];
  if (pipes.length !== 1) {
    throw new VerifyError(`--pipe: ${file} has ${pipes.length} clickhouse_clickpipe resources; allowed: a stack with exactly one pipe (give the source a clickpipe block)`);
  }
  const { settings, mappings } = pipeSource(pipes[0]!.body);
  const tables: PipeTableSettings[] = [];
  // Mappings derived in Terraform (a for expression) carry no per-table settings.
  if (mappings) {
    for (const m of mappings) {
      const schema = literal(m.schema);
      const name = literal(m.table);
      if (schema === undefined || name === undefined) continue;
      const excludedColumns = literalList(m.excludedColumns);
      const sortingKeys = m.useCustomSortingKey === true ? literalList(m.sortingKeys) : undefined;
      if (excludedColumns.length > 0 || sortingKeys !== undefined) tables.push({ schema, name, excludedColumns, sortingKeys });
    }
  }
  return {
    file,
    replicationMode: literal(settings.replication_mode),
    replicationSlotName: literal(settings.replication_slot_name),
    enableFailoverSlots: settings.enable_failover_slots === true,
    tables,
  };
}
