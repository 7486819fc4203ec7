/**
 * Reading `terraform show -json <planfile>` output (the JSON plan representation, format 0.x and
 * 1.x: https://developer.hashicorp.com/terraform/internals/json-format). Only the parts the guard
 * needs: `format_version` and `resource_changes[]`. Read with the strict JSON parser (a key twice,
 * a prototype key or nesting deeper than 128 levels is refused) and, from a file, through
 * `readPlanFile` (regular files only, at most `MAX_PLAN_FILE_BYTES`).
 */
import { parseStrictJson, StrictJsonError } from "../util/strict-json";
import { readTextFile } from "../util/text-file";
import { MAX_STACK_FILE_BYTES } from "../synth-output/stack-json";

/** Largest plan file read: the stack reader's cap (64 MB). */
export const MAX_PLAN_FILE_BYTES = MAX_STACK_FILE_BYTES;

/** Terraform's change actions. */
export type ChangeAction = "no-op" | "create" | "read" | "update" | "delete" | "forget";

export interface ResourceChange {
  readonly address: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly previousAddress?: string;
  /** The plan imports the object (`change.importing` present). */
  readonly importing?: boolean;
  readonly actions: readonly ChangeAction[];
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
}

export interface Plan {
  readonly formatVersion: string;
  readonly resourceChanges: readonly ResourceChange[];
  /** The plan's `configuration` object as read (provider configurations, modules, provisioners), when present. */
  readonly configuration?: Record<string, unknown>;
}

/** What a plan does to one resource, in words. */
export enum ChangeKind {
  NONE = "none",
  CREATE = "create",
  UPDATE = "update",
  DELETE = "delete",
  REPLACE = "replace",
}

/** Thrown for input that is not a plan this guard understands. */
export class PlanFormatError extends Error {}

const KNOWN_ACTIONS = new Set(["no-op", "create", "read", "update", "delete", "forget"]);

/** Parse plan JSON text. Throws `PlanFormatError` with one line for anything else. */
export function parsePlan(text: string, source = "plan"): Plan {
  let raw: unknown;
  try {
    raw = parseStrictJson(text);
  } catch (e) {
    if (!(e instanceof StrictJsonError)) throw e;
    if (e.problem !== "syntax") throw new PlanFormatError(`${source}: is refused: ${e.message}`);
    const binary = text.startsWith("PK");
    throw new PlanFormatError(
      binary ? `${source}: is a binary plan file; convert it with: terraform show -json ${source} > plan.json` : `${source}: is not JSON; expected the output of: terraform show -json <planfile>`,
    );
  }
  const obj = raw as { format_version?: unknown; resource_changes?: unknown };
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) throw new PlanFormatError(`${source}: is not a JSON object; expected the output of: terraform show -json <planfile>`);
  if (typeof obj.format_version !== "string") {
    throw new PlanFormatError(`${source}: has no format_version; expected the output of: terraform show -json <planfile>`);
  }
  if (!/^[01]\.\d+$/.test(obj.format_version)) {
    throw new PlanFormatError(`${source}: format_version ${JSON.stringify(obj.format_version)} is not supported; supported: 0.x and 1.x`);
  }
  if (!("resource_changes" in obj) && !("planned_values" in obj)) {
    throw new PlanFormatError(`${source}: has no planned_values or resource_changes (state JSON?); expected the output of: terraform show -json <planfile>`);
  }
  const changes = obj.resource_changes ?? [];
  if (!Array.isArray(changes)) throw new PlanFormatError(`${source}: resource_changes is not a list`);
  const configuration = (obj as { configuration?: unknown }).configuration;
  return {
    formatVersion: obj.format_version,
    ...(typeof configuration === "object" && configuration !== null && !Array.isArray(configuration) ? { configuration: configuration as Record<string, unknown> } : {}),
    resourceChanges: changes.map((c: Record<string, unknown>, i: number) => {
      const change = (c?.change ?? {}) as { actions?: unknown; before?: unknown; after?: unknown; importing?: unknown };
      const actions = change.actions;
      if (typeof c?.address !== "string" || !Array.isArray(actions) || !actions.every((a) => KNOWN_ACTIONS.has(a as string))) {
        throw new PlanFormatError(`${source}: resource_changes[${i}] has no address or unknown actions ${JSON.stringify(actions)}`);
      }
      return {
        address: c.address,
        mode: c.mode === "data" ? "data" : "managed",
        type: String(c.type ?? ""),
        name: String(c.name ?? ""),
        previousAddress: typeof c.previous_address === "string" ? c.previous_address : undefined,
        ...(change.importing !== undefined && change.importing !== null ? { importing: true } : {}),
        actions: actions as ChangeAction[],
        before: (change.before as Record<string, unknown> | null) ?? null,
        after: (change.after as Record<string, unknown> | null) ?? null,
      };
    }),
  };
}

/** Read and parse a plan file (`parsePlan`). Throws `PlanFormatError` with one line, also for a file that cannot be read. */
export function readPlanFile(file: string): Plan {
  const read = readTextFile(file, MAX_PLAN_FILE_BYTES);
  if ("problem" in read) {
    const p = read.problem;
    throw new PlanFormatError(
      p.code !== undefined
        ? `plan ${file}: ${p.what}`
        : p.kind === "binary"
          ? `${file}: is a binary file (a plan file?); convert it with: terraform show -json ${file} > plan.json`
          : `${file}: is refused: ${p.what}; expected the output of: terraform show -json <planfile>`,
    );
  }
  return parsePlan(read.text, file);
}

/** Classify the action list: replace is delete+create in either order. */
export function changeKind(actions: readonly ChangeAction[]): ChangeKind {
  const has = (a: ChangeAction) => actions.includes(a);
  if (has("delete") && has("create")) return ChangeKind.REPLACE;
  if (has("delete") || has("forget")) return ChangeKind.DELETE;
  if (has("create")) return ChangeKind.CREATE;
  if (has("update")) return ChangeKind.UPDATE;
  return ChangeKind.NONE;
}
