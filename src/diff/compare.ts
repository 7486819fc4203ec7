/**
 * The difference of two synthesized outputs, stack by stack: resources (by Terraform address)
 * created, updated in place, replaced or deleted, and changes of variables, outputs, providers
 * and the terraform block. Pure: no files, no cdktf.
 */
import type { ChangeAction, MetaChange, ResourceChange } from "../review/change";
import { ConfigChange, knownProviderSource } from "../review/rules";
import { AttributeChange, compareResource, isSensitivePath, jsonEqual, META_KEYS } from "./attributes";
import { isSecretName, isSensitiveBlock, redactValue, SENSITIVE } from "../model/secrets";
import { stackNodes, unmodelledBlocks } from "../synth-output/stack-json";
import type { Json, SynthStack } from "./read";
import { referenceResolver } from "./references";
import { isObject } from "../model/json";

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
  /** The base stack this one was matched with by its state, when its name differs (a stack renamed onto the same backend). */
  readonly renamedFrom?: string;
  /** The stack's JSON on each side (for SQL and pipe effects). */
  readonly base?: Json;
  readonly head?: Json;
}

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

/** The value at a dotted path (a one-element list read as its element). */
function rawAt(config: Json, path: string): unknown {
  let v: unknown = config;
  for (const p of path.split(".")) {
    if (Array.isArray(v) && v.length === 1) v = v[0];
    if (!isObject(v)) return undefined;
    v = v[p];
  }
  return v;
}

/** Changes whose written value is the same on both sides: they follow what they reference (said in their note). */
function followed(cmp: ReturnType<typeof compareResource>, x: Json, y: Json): ReturnType<typeof compareResource> {
  const changes = cmp.changes.map((c) =>
    !c.sensitive && typeof rawAt(y, c.path) === "string" && String(rawAt(y, c.path)).includes("${") && jsonEqual(rawAt(x, c.path), rawAt(y, c.path))
      ? { ...c, note: [c.note, `follows ${JSON.stringify(rawAt(y, c.path))}`].filter(Boolean).join("; ") }
      : c,
  );
  return { ...cmp, changes };
}

function diffResources(base: Json | undefined, head: Json | undefined): { resources: ResourceDiff[]; noEffect: StackDiff["noEffect"][number][] } {
  const a = blocks(base);
  const b = blocks(head);
  // References between resources (and to variables) resolved on each side: a change reaches every resource that reads it.
  const [resolveBase, resolveHead] = [referenceResolver(base), referenceResolver(head)];
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
    const [xr, yr] = [resolveBase(x.config), resolveHead(y.config)];
    if (jsonEqual(x.config, y.config) && jsonEqual(xr, yr)) continue;
    const meta = metaChanges(x.config, y.config);
    const metaAsChanges: AttributeChange[] = meta.map((m) => ({ path: m.key, ...("before" in m ? { before: m.before } : {}), ...("after" in m ? { after: m.after } : {}), note: "meta-argument" }));
    const dropped = any.mode === "managed" ? instancesDropped(x.config, y.config) : undefined;
    const cmp = followed(compareResource(any.type, xr, yr), x.config, y.config);
    const withMeta = (changes: readonly AttributeChange[]) => [...changes, ...metaAsChanges].sort((p, q) => (p.path < q.path ? -1 : p.path > q.path ? 1 : 0));
    if (dropped !== undefined) {
      resources.push({ ...common, action: "delete", reason: dropped, changes: withMeta(cmp.changes), replaceBecause: [], knownType: cmp.known, before: xr, after: yr, meta });
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
      before: xr,
      after: yr,
      ...(meta.length ? { meta } : {}),
    });
  }
  return { resources, noEffect };
}

/** A provider's configuration without an alias (Terraform's default one for its resources). */
function defaultProvider(json: Json, name: string): Json | undefined {
  const list = isObject(json.provider) ? json.provider[name] : undefined;
  return (Array.isArray(list) ? list : [list]).find((p): p is Json => isObject(p) && p.alias === undefined);
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
    secretVars.has(c.name) ? { ...c, sensitive: true, before: c.before === undefined ? undefined : redactVariable(c.before), after: c.after === undefined ? undefined : redactVariable(c.after) } : c,
  );
  const outputs = diffNamed(bj?.output, hj?.output, (n, v) => isSensitiveBlock(v) || isSecretName(n));
  const locals = diffNamed(bj?.locals, hj?.locals, (n) => isSensitivePath(undefined, n));
  const providers = diffNamed(providerEntries(bj), providerEntries(hj), (n) => isSensitivePath(undefined, n.replace(/\[\d+\]/g, "")));
  const terraform = diffNamed(terraformEntries(bj), terraformEntries(hj), (n) => isSensitivePath(undefined, n));
  const modules = diffNamed(bj?.module, hj?.module, () => false);
  const status = !base
    ? "added"
    : !head
      ? "removed"
      : resources.length + variables.length + outputs.length + locals.length + providers.length + terraform.length + modules.length + noEffect.length > 0
        ? "changed"
        : "unchanged";
  return { name, status, resources, variables, outputs, locals, providers, terraform, modules, noEffect, base: bj, head: hj };
}

/** Where a stack keeps its state: its `terraform.backend` / `terraform.cloud` block as JSON (undefined: none). */
function stateOf(json: Json | undefined): string | undefined {
  const tf = isObject(json?.terraform) ? json!.terraform : {};
  if (tf.backend === undefined && tf.cloud === undefined) return undefined;
  return JSON.stringify(stableJson({ backend: tf.backend ?? null, cloud: tf.cloud ?? null }));
}

const stableJson = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(stableJson)
    : isObject(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, stableJson(v[k])]),
        )
      : v;

/**
 * Compare two synthesized outputs. Stacks are matched by their state (backend), then by name: a
 * stack renamed onto the state of a base stack is diffed against that stack (Terraform acts on what
 * that state holds), under its head name.
 */
export function diffOutputs(base: Map<string, SynthStack>, head: Map<string, SynthStack>): StackDiff[] {
  const pairs = new Map<string, string>(); // head name -> base name
  const baseOnly = [...base.keys()].filter((n) => !head.has(n));
  const byState = new Map<string, string[]>();
  for (const n of baseOnly) {
    const st = stateOf(base.get(n)!.json);
    if (st !== undefined) byState.set(st, [...(byState.get(st) ?? []), n]);
  }
  for (const n of [...head.keys()].filter((x) => !base.has(x)).sort(byName)) {
    const st = stateOf(head.get(n)!.json);
    const candidates = st !== undefined ? byState.get(st) : undefined;
    if (candidates && candidates.length === 1) {
      pairs.set(n, candidates[0]!);
      byState.delete(st!);
    }
  }
  const paired = new Set(pairs.values());
  const names = [...new Set([...base.keys(), ...head.keys()])].filter((n) => !paired.has(n) || head.has(n)).sort(byName);
  return names.map((n) => {
    const from = pairs.get(n);
    if (from === undefined) return diffStack(n, base.get(n), head.get(n));
    const d = diffStack(n, base.get(from), head.get(n));
    const renamed: NamedChange = { name: "(stack matched by its state)", action: "change", before: from, after: n };
    return { ...d, renamedFrom: from, status: "changed" as const, terraform: [renamed, ...d.terraform] };
  });
}

/** The changes `judge` reads: managed resources of stacks present in head (a removed stack destroys nothing). */
export function resourceChanges(stacks: readonly StackDiff[]): ResourceChange[] {
  return stacks
    .filter((s) => s.status !== "removed")
    .flatMap((s) =>
      s.resources
        // Data sources are judged for their provider only (`foreign-provider`).
        .filter((r) => r.mode === "managed" || r.action !== "delete")
        .map((r) => ({
          ...(r.mode === "data" ? { mode: "data" as const } : {}),
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
      if (/^required_providers\.[^.]+\.source$/.test(t.name) && !(t.action === "add" && knownProviderSource(t.after)))
        out.push({
          stack: s.name,
          address: `terraform.${t.name}`,
          rule: "provider-source",
          what: `provider source ${said(t)} (${JSON.stringify(t.before ?? null)} -> ${JSON.stringify(t.after ?? null)})`,
        });
    }
    for (const t of s.terraform) {
      // Another backend is another state: what the stack acts on is no longer what was reviewed.
      if (s.status !== "added" && /^(backend|cloud)(\.|$)/.test(t.name))
        out.push({
          stack: s.name,
          address: `terraform.${t.name}`,
          rule: "backend",
          what: `terraform.${t.name} ${said(t)}${t.sensitive ? "" : ` (${JSON.stringify(t.before ?? null)} -> ${JSON.stringify(t.after ?? null)})`}`,
        });
    }
    for (const p of s.providers) {
      if (/\.alias$/.test(p.name))
        out.push({
          stack: s.name,
          address: `provider.${p.name}`,
          rule: "provider-alias",
          what: `provider alias ${said(p)} (${JSON.stringify(p.before ?? null)} -> ${JSON.stringify(p.after ?? null)})`,
        });
    }
    // The database the stack acts on: the postgresql provider configuration without an alias, on each side.
    if (s.base && s.head) {
      const [was, now] = [defaultProvider(s.base, "postgresql"), defaultProvider(s.head, "postgresql")];
      for (const k of ["host", "port", "database", "username", "sslmode"]) {
        if (was && now && !jsonEqual(was[k], now[k]))
          out.push({
            stack: s.name,
            address: `provider.postgresql.${k}`,
            rule: "provider-target",
            what: `provider postgresql ${k} ${JSON.stringify(was[k] ?? null)} -> ${JSON.stringify(now[k] ?? null)}`,
          });
      }
    }
    // `import`, `moved` and `removed` blocks added or changed: refused in a reviewed stack.
    const before = new Set((s.base ? unmodelledBlocks(s.base) : []).map((b) => JSON.stringify([b.block, b.body])));
    for (const b of s.head ? unmodelledBlocks(s.head) : []) {
      if (b.block !== "import" && b.block !== "moved" && b.block !== "removed") continue;
      if (before.has(JSON.stringify([b.block, b.body]))) continue;
      const to = typeof b.body.to === "string" ? ` to ${b.body.to}` : "";
      const from = typeof b.body.from === "string" ? ` from ${b.body.from}` : "";
      out.push({ stack: s.name, address: b.address, rule: "state-block", what: `${b.block} block${from}${to} added or changed` });
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
