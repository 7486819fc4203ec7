/**
 * The data-loss guard: turns a plan's resource changes into the shared `ResourceChange` form and
 * judges them with the verdict rules `cdktf-clickpipes diff` uses too (`verdicts.ts`). A resource
 * is judged by the construct that declared it: exactly from the synth output's metadata when it is
 * given (`readSynthIndex`), otherwise from the construct IDs its Terraform address carries.
 */
import * as fs from "node:fs";
import { constructPath, readSynthStacks, StackReadError, stackNodes } from "../synth-output/stack-json";
import { changeKind, ChangeKind, Plan } from "./plan";
import { ConfigChange, judge, judgeConfig, knownProviderSource } from "../review/verdicts";
import { ChangeAction, isBlocking, ResourceChange, Verdict } from "../review/change";
import { verdictRank } from "../review/summary";
import { isObject as isObj } from "../model/json";

/** Thrown for a `--synth` folder that is not synth output (one line). */
export class SynthIndexError extends Error {}

/** Where a resource was declared: its stack and construct path (cdk.tf.json `//`.metadata.path). */
export interface SynthEntry {
  readonly stack: string;
  /** A hint only (the synth output is the pull request's). */
  readonly constructPath?: string;
}

/** Every managed resource of a synth output, by Terraform address. */
export interface SynthIndex {
  /** The folder read. */
  readonly dir: string;
  readonly stacks: readonly string[];
  /** Address -> where it is declared (an address can repeat across stacks). */
  readonly byAddress: ReadonlyMap<string, readonly SynthEntry[]>;
}

/**
 * Read a synth output: `cdktf.out` (with `stacks/<name>/cdk.tf.json`), its `stacks` folder, or one
 * stack folder. Throws `SynthIndexError` with one line when it is none of these.
 */
export function readSynthIndex(dir: string): SynthIndex {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new SynthIndexError(`${dir}: no such folder`);
  let read;
  try {
    read = readSynthStacks(dir);
  } catch (e) {
    if (e instanceof StackReadError) {
      const what =
        e.kind === "invalid-json"
          ? "is not JSON"
          : e.kind === "unreadable"
            ? "cannot be read"
            : e.kind === "not-stack" || e.kind === "not-object"
              ? `is not a synthesized stack${e.detail ? `: ${e.detail}` : ""}`
              : undefined;
      throw new SynthIndexError(what ? `${e.file ?? e.location}: ${what}; run: npx cdktf synth` : e.message);
    }
    throw e;
  }
  if (read.length === 0) throw new SynthIndexError(`${dir}: not synth output (no stacks/<name>/cdk.tf.json); run: npx cdktf synth`);
  const byAddress = new Map<string, SynthEntry[]>();
  const stacks: string[] = [];
  for (const { name: stack, json } of read) {
    stacks.push(stack);
    for (const node of stackNodes(json)) {
      if (node.mode !== "resource") continue;
      const p = constructPath(node);
      const entry = { stack, ...(p !== undefined ? { constructPath: p } : {}) };
      const list = byAddress.get(node.address);
      if (list) list.push(entry);
      else byAddress.set(node.address, [entry]);
    }
  }
  return { dir, stacks, byAddress };
}

/** The plan's changes in the shared form, and the resources it leaves unchanged. */
export interface PlanChanges {
  /** The stack the plan is of, when the synth output tells (most of its addresses are in that stack). */
  readonly stack?: string;
  readonly changes: readonly ResourceChange[];
  readonly unchanged: readonly ResourceChange[];
  /** Data sources the plan reads (judged for their provider only). */
  readonly dataSources: readonly ResourceChange[];
}

const ACTION: Partial<Record<ChangeKind, ChangeAction>> = {
  [ChangeKind.CREATE]: "create",
  [ChangeKind.UPDATE]: "update",
  [ChangeKind.DELETE]: "delete",
  [ChangeKind.REPLACE]: "replace",
};

/** Which stack of the synth output a plan is of: the one holding most of its addresses. */
function stackOf(plan: Plan, synth: SynthIndex): string | undefined {
  const count = new Map<string, number>();
  for (const c of plan.resourceChanges) for (const e of synth.byAddress.get(c.address) ?? []) count.set(e.stack, (count.get(e.stack) ?? 0) + 1);
  const ranked = [...count].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0][1] === ranked[1][1])) return undefined;
  return ranked[0][0];
}

/**
 * Convert a plan. `forget` (a `removed` block with `destroy = false`) leaves the object in place but
 * drops it from state: a change (`forgetting`), judged by the `state-block` rule like an import or a move.
 */
export function planChanges(plan: Plan, synth?: SynthIndex): PlanChanges {
  const stack = synth ? stackOf(plan, synth) : undefined;
  const changes: ResourceChange[] = [];
  const unchanged: ResourceChange[] = [];
  const dataSources: ResourceChange[] = [];
  for (const c of plan.resourceChanges) {
    if (c.mode !== "managed") {
      if (c.actions.includes("read")) dataSources.push({ ...(stack ? { stack } : {}), address: c.address, type: c.type, action: "create", mode: "data", ...(c.after ? { after: c.after } : {}) });
      continue;
    }
    const entries = synth?.byAddress.get(c.address) ?? [];
    const entry = entries.find((e) => e.stack === stack) ?? (entries.length === 1 ? entries[0] : undefined);
    const base = {
      ...((stack ?? entry?.stack) ? { stack: stack ?? entry?.stack } : {}),
      address: c.address,
      type: c.type,
      ...(c.before ? { before: c.before } : {}),
      ...(c.after ? { after: c.after } : {}),
      ...(entry?.constructPath !== undefined ? { constructPath: entry.constructPath } : {}),
      ...(c.importing ? { importing: true } : {}),
      ...(c.previousAddress !== undefined && c.previousAddress !== c.address ? { previousAddress: c.previousAddress } : {}),
      ...(c.actions.includes("forget") ? { forgetting: true } : {}),
    };
    // An import, a move or a forget is a change even when the object's attributes stay (Terraform acts on the state).
    const action = ACTION[changeKind(c.actions.filter((a) => a !== "forget"))] ?? (base.importing || base.previousAddress !== undefined || base.forgetting ? "update" : undefined);
    if (action) changes.push({ ...base, action });
    else unchanged.push({ ...base, action: "update" });
  }
  return { stack, changes, unchanged, dataSources };
}

/**
 * What a plan's `configuration` holds that the stacks never declare: provisioners (they run
 * commands on the machine that applies), module calls, provider configurations with an alias or
 * from an unexpected source. None of them shows in `resource_changes` as a change of ours.
 */
export function planConfigChanges(plan: Plan, stack?: string): ConfigChange[] {
  const out: ConfigChange[] = [];
  const config = plan.configuration;
  if (!config) return out;
  const at = (prefix: string, a: string) => (prefix ? `${prefix}.${a}` : a);
  const walk = (mod: unknown, prefix: string, depth: number) => {
    if (!isObj(mod) || depth > 32) return;
    for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
      if (isObj(r) && Array.isArray(r.provisioners) && r.provisioners.length > 0) {
        const kinds = r.provisioners.map((p) => (isObj(p) && typeof p.type === "string" ? p.type : "?")).join(", ");
        out.push({
          ...(stack ? { stack } : {}),
          address: at(prefix, String(r.address ?? "?")),
          rule: "provisioner",
          what: `${r.provisioners.length === 1 ? "provisioner" : "provisioners"} ${kinds} declared`,
        });
      }
    }
    if (isObj(mod.module_calls)) {
      for (const [name, call] of Object.entries(mod.module_calls)) {
        const source = isObj(call) && typeof call.source === "string" ? ` (source ${JSON.stringify(call.source)})` : "";
        out.push({ ...(stack ? { stack } : {}), address: at(prefix, `module.${name}`), rule: "module", what: `module ${name} called${source}` });
        if (isObj(call)) walk(call.module, at(prefix, `module.${name}`), depth + 1);
      }
    }
  };
  walk(config.root_module, "", 0);
  if (isObj(config.provider_config)) {
    for (const [key, p] of Object.entries(config.provider_config)) {
      if (!isObj(p)) continue;
      if (!knownProviderSource(p.full_name ?? p.name))
        out.push({ ...(stack ? { stack } : {}), address: `provider.${key}`, rule: "provider-source", what: `provider ${key} from ${JSON.stringify(p.full_name ?? p.name ?? null)}` });
      if (typeof p.alias === "string" && p.alias !== "")
        out.push({ ...(stack ? { stack } : {}), address: `provider.${key}`, rule: "provider-alias", what: `provider configuration with alias ${JSON.stringify(p.alias)}` });
    }
  }
  return out;
}

export interface GuardResult {
  readonly stack?: string;
  /** The plan's managed resource changes (no-ops left out). */
  readonly changes: readonly ResourceChange[];
  readonly verdicts: readonly Verdict[];
  /** BLOCK verdicts not allowed. */
  readonly blocking: readonly Verdict[];
}

/** Check one plan. `allow` holds addresses whose BLOCK verdicts are deliberate. */
export function guardPlan(plan: Plan, opts: { readonly allow?: readonly string[]; readonly synth?: SynthIndex } = {}): GuardResult {
  const { stack, changes, unchanged, dataSources } = planChanges(plan, opts.synth);
  const verdicts = [...judgeConfig(planConfigChanges(plan, stack), { allow: opts.allow }), ...judge([...changes, ...dataSources], { allow: opts.allow, unchanged })];
  // Blocked first, then allowed, then warnings; in plan order within each.
  const sorted = verdicts
    .map((v, i) => ({ v, i }))
    .sort((a, b) => verdictRank(a.v) - verdictRank(b.v) || a.i - b.i)
    .map((x) => x.v);
  return { stack, changes, verdicts: sorted, blocking: sorted.filter(isBlocking) };
}
