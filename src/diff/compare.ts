/**
 * The difference of two synthesized outputs, stack by stack: resources (by Terraform address)
 * created, updated in place, replaced or deleted, and changes of variables, outputs, providers
 * and the terraform block. Pure: no files, no cdktf.
 */
import { ChangeAction, ConfigChange, knownProviderSource, MetaChange, ResourceChange } from "../review/verdicts";
import { AttributeChange, compareResource, isSensitivePath, jsonEqual, META_KEYS } from "./attributes";
import { isSecretName, isSensitiveBlock, redactValue, SENSITIVE } from "../model/secrets";
import { stackNodes } from "../synth-output/stack-json";
import type { Json, SynthStack } from "./read";

export interface ResourceDiff {
  /** `<type>.<logical id>`, or `data.<type>.<logical id>` for a data source. */
  readonly address: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly action: ChangeAction;
  readonly constructPath?: string;
  /** Attribute changes (update and replace). */
  readonly changes: readonly AttributeChange[];
  /** Attributes whose change forces the replacement. */
  readonly replaceBecause: readonly string[];
  /** The provider tables know the type; false: in place vs replace unknown (treated as in place). */
  readonly knownType: boolean;
  readonly before?: Json;
  readonly after?: Json;
  /** The other side's construct path when it differs (a hint, like `constructPath`). */
  readonly baseConstructPath?: string;
  /** Meta-argument changes (`count`, `for_each`, `provider`, `depends_on`, `lifecycle`, `provisioner`, `connection`). */
  readonly meta?: readonly MetaChange[];
  /** Why a resource present on both sides is destroyed (e.g. `count = 0`). */
  readonly reason?: string;
}

/** A change of a variable, output, provider or terraform-block entry. */
export interface NamedChange {
  readonly name: string;
  readonly action: "add" | "remove" | "change";
  readonly before?: unknown;
  readonly after?: unknown;
  readonly sensitive?: boolean;
}

export interface StackDiff {
  readonly name: string;
  readonly status: "added" | "removed" | "changed" | "unchanged";
  readonly resources: readonly ResourceDiff[];
  readonly variables: readonly NamedChange[];
  readonly outputs: readonly NamedChange[];
  /** Terraform locals (e.g. a pipe's target-table map). */
  readonly locals: readonly NamedChange[];
  readonly providers: readonly NamedChange[];
  readonly terraform: readonly NamedChange[];
  /** `module` blocks (code from outside the stack). */
  readonly modules: readonly NamedChange[];
  /** Resources whose only differences have no effect in Terraform (e.g. a write-only value alone). */
  readonly noEffect: readonly { readonly address: string; readonly changes: readonly AttributeChange[] }[];
  /** The stack's JSON on each side (for SQL and pipe effects). */
  readonly base?: Json;
  readonly head?: Json;
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const byName = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

interface Block {
  address: string;
  mode: "managed" | "data";
  type: string;
  config: Json;
}

const BLOCKS = new WeakMap<Json, Map<string, Block>>();

/** The stack's resources and data sources by address (the shared walker, `stackNodes`; once per stack JSON). */
function blocks(json: Json | undefined): Map<string, Block> {
  if (!json) return new Map();
  const cached = BLOCKS.get(json);
  if (cached) return cached;
  const out = new Map<string, Block>();
  BLOCKS.set(json, out);
  for (const n of stackNodes(json)) {
    out.set(n.address, { address: n.address, mode: n.mode === "data" ? "data" : "managed", type: n.type, config: isObject(n.config) ? n.config : {} });
  }
  return out;
}

const constructPathOf = (config: Json | undefined): string | undefined => {
  const p = (config?.["//"] as { metadata?: { path?: unknown } } | undefined)?.metadata?.path;
  return typeof p === "string" ? p : undefined;
};

/** Meta-argument changes of a resource block (keys other than attributes; `//` metadata excepted). */
function metaChanges(x: Json, y: Json): MetaChange[] {
  const out: MetaChange[] = [];
  for (const key of [...META_KEYS].sort()) {
    if (key === "//" || jsonEqual(x[key], y[key])) continue;
    out.push({ key, ...(key in x ? { before: x[key] } : {}), ...(key in y ? { after: y[key] } : {}) });
  }
  return out;
}

/**
 * Whether head's `count` / `for_each` can destroy an instance base has (Terraform: `count = 0` or an
 * empty `for_each` destroys every instance; adding `for_each` destroys the instance without a key;
 * removing `for_each` destroys the keyed ones; a lower count destroys the last ones). An expression
 * is unknown until plan time: it may drop instances (fail closed). Returns why, or undefined.
 */
function instancesDropped(x: Json, y: Json): string | undefined {
  const literalCount = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined);
  const expr = (v: unknown) => JSON.stringify(v);
  if (!jsonEqual(x.count, y.count)) {
    const was = "count" in x ? literalCount(x.count) : 1;
    const now = "count" in y ? literalCount(y.count) : 1;
    if (now === undefined) return `count = ${expr(y.count)}: instances unknown until plan, may destroy`;
    if (was === undefined || now < was) return now === 0 ? "count = 0" : `count ${expr(x.count)} -> ${now}`;
  }
  if (!jsonEqual(x.for_each, y.for_each)) {
    if (!("for_each" in y)) return "for_each removed: its keyed instances are destroyed";
    const v = y.for_each;
    const keys = Array.isArray(v) ? v.map(String) : isObject(v) ? Object.keys(v) : undefined;
    if (keys === undefined) return `for_each = ${expr(v)}: instances unknown until plan, may destroy`;
    if (!("for_each" in x)) return keys.length === 0 ? "for_each is empty" : "for_each added: the instance without a key is destroyed";
    const before = Array.isArray(x.for_each) ? x.for_each.map(String) : isObject(x.for_each) ? Object.keys(x.for_each) : undefined;
    if (keys.length === 0) return "for_each is empty";
    if (before === undefined || before.some((k) => !keys.includes(k))) return `for_each drops key(s)${before ? ` ${before.filter((k) => !keys.includes(k)).join(", ")}` : ""}`;
  }
  return undefined;
}

function diffResources(base: Json | undefined, head: Json | undefined): { resources: ResourceDiff[]; noEffect: StackDiff["noEffect"][number][] } {
  const a = blocks(base);
  const b = blocks(head);
  const resources: ResourceDiff[] = [];
  const noEffect: StackDiff["noEffect"][number][] = [];
  const addresses = [...a.keys()];
  for (const k of b.keys()) if (!a.has(k)) addresses.push(k);
  for (const address of addresses.sort()) {
    const x = a.get(address);
    const y = b.get(address);
    const any = (x ?? y)!;
    const basePath = x ? constructPathOf(x.config) : undefined;
    const headPath = y ? constructPathOf(y.config) : undefined;
    const common = {
      address,
      mode: any.mode,
      type: any.type,
      constructPath: headPath ?? basePath,
      ...(basePath !== undefined && headPath !== undefined && basePath !== headPath ? { baseConstructPath: basePath } : {}),
    };
    if (!x || !y) {
      // A new resource: only what runs commands or picks another provider configuration is judged.
      const meta = !x && y ? metaChanges({}, y.config).filter((m) => ["provisioner", "connection", "provider"].includes(m.key)) : [];
      resources.push({ ...common, action: x ? "delete" : "create", changes: [], replaceBecause: [], knownType: true, before: x?.config, after: y?.config, ...(meta.length ? { meta } : {}) });
      continue;
    }
    if (jsonEqual(x.config, y.config)) continue;
    const meta = metaChanges(x.config, y.config);
    const metaAsChanges: AttributeChange[] = meta.map((m) => ({ path: m.key, ...("before" in m ? { before: m.before } : {}), ...("after" in m ? { after: m.after } : {}), note: "meta-argument" }));
    const dropped = any.mode === "managed" ? instancesDropped(x.config, y.config) : undefined;
    const cmp = compareResource(any.type, x.config, y.config);
    const withMeta = (changes: readonly AttributeChange[]) => [...changes, ...metaAsChanges].sort((p, q) => (p.path < q.path ? -1 : p.path > q.path ? 1 : 0));
    if (dropped !== undefined) {
      resources.push({ ...common, action: "delete", reason: dropped, changes: withMeta(cmp.changes), replaceBecause: [], knownType: cmp.known, before: x.config, after: y.config, meta });
      continue;
    }
    if (cmp.changes.length === 0 && meta.length === 0) continue; // only the `//` metadata differs
    // `depends_on` only orders operations: Terraform plans nothing for it alone.
    if (!cmp.effective && meta.every((m) => m.key === "depends_on")) {
      noEffect.push({ address, changes: withMeta(cmp.changes) });
      continue;
    }
    resources.push({
      ...common,
      action: cmp.replaceBecause.length > 0 ? "replace" : "update",
      changes: withMeta(cmp.changes),
      replaceBecause: cmp.replaceBecause,
      knownType: cmp.known,
      before: x.config,
      after: y.config,
      ...(meta.length ? { meta } : {}),
    });
  }
  return { resources, noEffect };
}

/** Sensitive variables (in either side) by name. */
function sensitiveVariables(...jsons: (Json | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const j of jsons) {
    const vars = isObject(j?.variable) ? j!.variable : {};
    for (const [n, v] of Object.entries(vars)) if (isSensitiveBlock(v) || isSecretName(n)) out.add(n);
  }
  return out;
}

function diffNamed(a: unknown, b: unknown, isSecret: (name: string, v: unknown) => boolean): NamedChange[] {
  const x = isObject(a) ? a : {};
  const y = isObject(b) ? b : {};
  const out: NamedChange[] = [];
  for (const name of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
    if (name === "//") continue;
    if (jsonEqual(x[name], y[name])) continue;
    const action = !(name in x) ? "add" : !(name in y) ? "remove" : "change";
    const sensitive = isSecret(name, x[name]) || isSecret(name, y[name]);
    out.push(sensitive ? { name, action, sensitive: true } : { name, action, before: redactValue(undefined, x[name]), after: redactValue(undefined, y[name]) });
  }
  return out;
}

/** A secret variable's block with its default hidden. */
function redactVariable(v: unknown): unknown {
  if (!isObject(v) || !("default" in v)) return v;
  return { ...v, default: SENSITIVE };
}

/** Provider blocks flattened to `<provider>[i].<attribute>` entries, secrets marked. */
function providerEntries(json: Json | undefined): Json {
  const out: Json = {};
  const providers = isObject(json?.provider) ? json!.provider : {};
  for (const [name, list] of Object.entries(providers)) {
    (Array.isArray(list) ? list : [list]).forEach((cfg, i) => {
      if (!isObject(cfg)) return;
      for (const [k, v] of Object.entries(cfg)) out[`${name}${Array.isArray(list) && list.length > 1 ? `[${i}]` : ""}.${k}`] = v;
    });
  }
  return out;
}

function terraformEntries(json: Json | undefined): Json {
  const out: Json = {};
  const tf = isObject(json?.terraform) ? json!.terraform : {};
  const walk = (prefix: string, v: unknown) => {
    if (isObject(v)) for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, x);
    else out[prefix] = v;
  };
  walk("", tf);
  return out;
}

function diffStack(name: string, base: SynthStack | undefined, head: SynthStack | undefined): StackDiff {
  const bj = base?.json;
  const hj = head?.json;
  const { resources, noEffect } = diffResources(bj, hj);
  const secretVars = sensitiveVariables(bj, hj);
  const variables = diffNamed(bj?.variable, hj?.variable, () => false).map((c) =>
    secretVars.has(c.name)
      ? { ...c, sensitive: true, before: c.before === undefined ? undefined : redactVariable(c.before), after: c.after === undefined ? undefined : redactVariable(c.after) }
      : c,
  );
  const outputs = diffNamed(bj?.output, hj?.output, (n, v) => isSensitiveBlock(v) || isSecretName(n));
  const locals = diffNamed(bj?.locals, hj?.locals, (n) => isSensitivePath(undefined, n));
  const providers = diffNamed(providerEntries(bj), providerEntries(hj), (n) => isSensitivePath(undefined, n.replace(/\[\d+\]/g, "")));
  const terraform = diffNamed(terraformEntries(bj), terraformEntries(hj), (n) => isSensitivePath(undefined, n));
  const modules = diffNamed(bj?.module, hj?.module, () => false);
  const status =
    !base ? "added" : !head ? "removed" : resources.length + variables.length + outputs.length + locals.length + providers.length + terraform.length + modules.length + noEffect.length > 0 ? "changed" : "unchanged";
  return { name, status, resources, variables, outputs, locals, providers, terraform, modules, noEffect, base: bj, head: hj };
}

/** Compare two synthesized outputs (stacks by name). */
export function diffOutputs(base: Map<string, SynthStack>, head: Map<string, SynthStack>): StackDiff[] {
  return [...new Set([...base.keys(), ...head.keys()])].sort(byName).map((n) => diffStack(n, base.get(n), head.get(n)));
}

/** The changes `judge` reads: managed resources of stacks present in head (a removed stack destroys nothing). */
export function resourceChanges(stacks: readonly StackDiff[]): ResourceChange[] {
  return stacks
    .filter((s) => s.status !== "removed")
    .flatMap((s) =>
      s.resources
        .filter((r) => r.mode === "managed")
        .map((r) => ({
          stack: s.name,
          address: r.address,
          type: r.type,
          action: r.action,
          before: r.before,
          after: r.after,
          constructPath: r.constructPath,
          ...(r.baseConstructPath !== undefined ? { baseConstructPath: r.baseConstructPath } : {}),
          ...(r.meta ? { meta: r.meta } : {}),
          ...(r.reason ? { reason: r.reason } : {}),
        })),
    );
}

/**
 * Changes of a head stack's configuration outside its resources that a rule blocks: `module`
 * blocks, `terraform.required_providers` sources, provider aliases.
 */
export function configChanges(stacks: readonly StackDiff[]): ConfigChange[] {
  const out: ConfigChange[] = [];
  const said = (c: NamedChange) => (c.action === "add" ? "added" : c.action === "remove" ? "removed" : "changed");
  for (const s of stacks) {
    if (s.status === "removed") continue;
    for (const m of s.modules) out.push({ stack: s.name, address: `module.${m.name}`, rule: "module", what: `module ${m.name} ${said(m)}` });
    for (const t of s.terraform) {
      // A source added with a new provider is judged by what it is; any change of one is blocked.
      if (/^required_providers\.[^.]+\.source$/.test(t.name) && !(t.action === "add" && knownProviderSource(t.after))) out.push({ stack: s.name, address: `terraform.${t.name}`, rule: "provider-source", what: `provider source ${said(t)} (${JSON.stringify(t.before ?? null)} -> ${JSON.stringify(t.after ?? null)})` });
    }
    for (const p of s.providers) {
      if (/\.alias$/.test(p.name)) out.push({ stack: s.name, address: `provider.${p.name}`, rule: "provider-alias", what: `provider alias ${said(p)} (${JSON.stringify(p.before ?? null)} -> ${JSON.stringify(p.after ?? null)})` });
    }
  }
  return out;
}

/**
 * Managed resources of head stacks that the change leaves as they are (present on both sides with
 * no effective change): `judge` reads them to see, e.g., that a deleted ingress rule's addresses stay
 * open through another rule.
 */
export function unchangedResources(stacks: readonly StackDiff[]): ResourceChange[] {
  const out: ResourceChange[] = [];
  for (const s of stacks) {
    if (s.status === "removed" || s.status === "added") continue;
    const changed = new Set(s.resources.map((r) => r.address));
    const base = blocks(s.base);
    for (const b of blocks(s.head).values()) {
      if (b.mode !== "managed" || changed.has(b.address) || !base.has(b.address)) continue;
      out.push({ stack: s.name, address: b.address, type: b.type, action: "update", before: base.get(b.address)!.config, after: b.config, constructPath: constructPathOf(b.config) });
    }
  }
  return out;
}
