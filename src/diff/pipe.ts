/**
 * What a change means for the ClickPipe reading the source: initial loads, stopped tables, resyncs.
 * From the resources of the stack (the publication, the pipe when the stack declares it).
 */
import { agree } from "../util/words";
import type { ResourceDiff, StackDiff } from "./compare";
import { pipeResources, pipeSource } from "../review/pipe-json";
import { isObject } from "../model/json";

const tablesOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && !x.includes("${")) : []);

const pipesOf = (json: Record<string, unknown> | undefined): string[] => pipeResources(json).map((p) => p.address);

/** One line per effect on the pipe, in a stable order. */
export function pipeEffects(stack: StackDiff): string[] {
  if (stack.status === "removed") return [];
  const out: string[] = [];
  const pipes = pipesOf(stack.head);
  const who = pipes.length > 0 ? `the pipe (${pipes.join(", ")})` : "a ClickPipe reading this publication";
  const byType = (t: string) => stack.resources.filter((r) => r.type === t);
  const pipeChanges = byType("clickhouse_clickpipe");
  const pipeRecreated = pipeChanges.some((p) => p.action === "replace" || p.action === "create");
  for (const pub of byType("postgresql_publication")) {
    const before = tablesOf(pub.before?.tables);
    const after = tablesOf(pub.after?.tables);
    if (pub.action === "update" && !pipeRecreated) {
      const added = after.filter((t) => !before.includes(t));
      const removed = before.filter((t) => !after.includes(t));
      if (added.length > 0) out.push(`initial load: ${who} adds ${added.join(", ")} to its table mappings and loads each table in full, then replicates its changes`);
      if (removed.length > 0) out.push(`replication stops for ${removed.join(", ")}: ${who} drops them from its table mappings; their ClickHouse tables keep the rows already loaded`);
    }
    if (pub.action === "replace") out.push(`resync: the publication is dropped and created again; ${who} must resync every table (full initial load)`);
    if (pub.action === "delete") out.push(`the publication is dropped: ${who} stops`);
  }
  // A schema-wide publication reads its tables at plan time (data postgresql_tables).
  for (const d of stack.resources.filter((r) => r.mode === "data" && r.type === "postgresql_tables" && r.action === "update")) {
    const before = tablesOf(d.before?.schemas);
    const after = tablesOf(d.after?.schemas);
    const added = after.filter((x) => !before.includes(x));
    const removed = before.filter((x) => !after.includes(x));
    if (added.length > 0)
      out.push(`initial load: the tables of ${agree(added.length, "schema", "schemas")} ${added.join(", ")} join the publication at the next plan (${d.address}); ${who} loads each in full`);
    if (removed.length > 0)
      out.push(`replication stops for the tables of ${agree(removed.length, "schema", "schemas")} ${removed.join(", ")}, which leave the publication at the next plan (${d.address})`);
  }
  out.push(...targetTableChanges(stack));
  for (const p of pipeChanges) out.push(...pipeChange(p));
  return out;
}

function pipeChange(p: ResourceDiff): string[] {
  switch (p.action) {
    case "create":
      return [`initial load: the new pipe ${p.address} loads every table of the publication in full, then replicates changes`];
    case "replace":
      return [
        `new pipe: ${p.address} is replaced (${p.replaceBecause.join(", ")}): a full initial load of every table into ClickHouse, a new replication slot; the old pipe's slot is left behind on the source (drop it, or WAL accumulates)`,
      ];
    case "delete":
      return [`the pipe ${p.address} is deleted: replication stops; its replication slot is left behind on the source (drop it, or WAL accumulates)`];
    case "update": {
      const out: string[] = [];
      if (p.changes.some((c) => c.path === "trigger_resync" && c.after === true)) out.push(`resync: ${p.address} sets trigger_resync: every table is loaded again in full`);
      if (p.changes.some((c) => c.path === "stopped" && c.after === true)) out.push(`${p.address} is stopped: the replication slot keeps WAL until it runs again`);
      if (out.length === 0) out.push(`${p.address} is updated in place (${p.changes.map((c) => c.path).join(", ")})`);
      return out;
    }
  }
}

/**
 * The pipe's target tables come from a local map (`ClickPipe` targetTables) read by its
 * table_mappings expression, `<schema>_<table>` when a table is not in the map. ClickHouse/clickhouse
 * 3.25.3 refuses to change target_table of a mapping already in state (clickpipe.go ModifyPlan:
 * "Cannot modify target_table for existing table mapping"): the plan fails.
 */
function targetTableChanges(stack: StackDiff): string[] {
  const out: string[] = [];
  const pipesOfSide = (json: Record<string, unknown> | undefined): Record<string, Record<string, unknown>> => Object.fromEntries(pipeResources(json).map((p) => [p.name, p.body]));
  const pubTables = (json: Record<string, unknown> | undefined) => {
    const res = isObject(json?.resource) ? json!.resource : {};
    const pubs = isObject(res.postgresql_publication) ? Object.values(res.postgresql_publication) : [];
    return new Set(pubs.flatMap((p) => (isObject(p) ? tablesOf(p.tables) : [])));
  };
  /** The target of each table: the local map the pipe's mappings read, else the default. */
  const targets = (json: Record<string, unknown> | undefined, pipe: Record<string, unknown>) => {
    const mappings = pipeSource(pipe).tableMappings;
    if (typeof mappings !== "string" || !mappings.includes('replace(val, ".", "_")')) return undefined;
    const locals = isObject(json?.locals) ? json!.locals : {};
    const map: Record<string, unknown> = {};
    for (const m of mappings.matchAll(/local\.([A-Za-z0-9_-]+)/g)) if (isObject(locals[m[1]])) Object.assign(map, locals[m[1]]);
    return (t: string) => (typeof map[t] === "string" ? (map[t] as string) : t.replace(".", "_"));
  };
  const basePipes = pipesOfSide(stack.base);
  const before = pubTables(stack.base);
  const after = pubTables(stack.head);
  for (const [name, cfg] of Object.entries(pipesOfSide(stack.head))) {
    if (!(name in basePipes)) continue;
    const a = targets(stack.base, basePipes[name]);
    const b = targets(stack.head, cfg);
    if (!a || !b) continue;
    const moved = [...after].filter((t) => before.has(t) && a(t) !== b(t)).sort();
    if (moved.length > 0) {
      out.push(
        `plan fails: clickhouse_clickpipe.${name} would change the target table of existing ${agree(moved.length, "mapping", "mappings")} ${moved.map((t) => `${t} (${a(t)} -> ${b(t)})`).join(", ")}, which the provider refuses; remove ${agree(moved.length, "the table", "the tables")} from the pipe in one apply and add them back in the next (each loads again in full)`,
      );
    }
  }
  return out;
}
