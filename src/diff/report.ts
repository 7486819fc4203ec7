/**
 * The `diff` report: one object (the `--json` output, schemas/diff-report.schema.json) and its
 * text and markdown renderings. Secrets never reach the report: sensitive attribute values,
 * sensitive variables' defaults and sensitive outputs are `(sensitive)`.
 */
import { judge, judgeConfig, staleAllowances, staleLine } from "../review/verdicts";
import { ACTION_WORDS, ChangeAction, isBlocking, SYMBOL, Verdict } from "../review/change";
import { breaksHeadline, summarize, verdictRank } from "../review/summary";
import { escapeLine, jsonText } from "../util/markdown";
import { groupBy } from "../util/group";
import { CommentOptions, formatComment } from "../review/comment";
import { agree } from "../util/words";
import { count, ReviewDoc, ReviewStack, verdictText } from "../review/model";
import type { AttributeChange } from "./attributes";
import { configChanges, diffOutputs, NamedChange, resourceChanges, StackDiff, unchangedResources } from "./compare";
import { pipeEffects } from "./pipe";
import type { SynthStack } from "./read";
import { changeSql } from "./sql";

/** A BLOCK or WARN verdict: the review tools' one verdict (`judge` of src/review/verdicts.ts, or the diff's own stack-level rule). */
export type { Verdict } from "../review/change";

/** One changed attribute: the diff's `AttributeChange` (secrets never carry a value). */
export type DiffReportChange = AttributeChange;

export interface DiffReportResource {
  /** Terraform address: `<type>.<logical id>` (`data.` first for a data source). */
  readonly address: string;
  readonly type: string;
  readonly mode: "managed" | "data";
  readonly action: ChangeAction;
  readonly constructPath?: string;
  /** Why a resource present on both sides is destroyed (e.g. `count = 0`). */
  readonly reason?: string;
  /** Attributes whose change forces the replacement. */
  readonly replaceBecause?: readonly string[];
  /** False when the provider tables do not know the type: in place vs replace is not known. */
  readonly knownType: boolean;
  readonly changes: readonly DiffReportChange[];
  /** SQL the change runs (postgresql_* resources), mirroring the provider. */
  readonly sql?: readonly string[];
  /** The verdicts on this resource. */
  readonly verdicts: readonly Verdict[];
}

export interface DiffReportNamedChange {
  readonly name: string;
  readonly action: "add" | "remove" | "change";
  readonly before?: unknown;
  readonly after?: unknown;
  readonly sensitive?: boolean;
}

export interface DiffReportStack {
  readonly name: string;
  readonly status: "added" | "removed" | "changed" | "unchanged";
  /** For a removed stack: what happens to its objects. */
  readonly note?: string;
  /** Addresses a removed stack managed: they stay in place, no longer managed. */
  readonly unmanaged?: readonly string[];
  /** Some verdict of this stack blocks (not allowed). */
  readonly blocked: boolean;
  readonly verdicts: readonly Verdict[];
  /** Resources, blocked first, then by address. */
  readonly resources: readonly DiffReportResource[];
  /** Resources whose differences have no effect in Terraform. */
  readonly noEffect: readonly { readonly address: string; readonly changes: readonly DiffReportChange[] }[];
  readonly variables: readonly DiffReportNamedChange[];
  readonly outputs: readonly DiffReportNamedChange[];
  /** Terraform locals that changed (e.g. a pipe's target-table map). */
  readonly locals: readonly DiffReportNamedChange[];
  readonly providers: readonly DiffReportNamedChange[];
  readonly terraform: readonly DiffReportNamedChange[];
  /** `module` blocks added, removed or changed. */
  readonly modules: readonly DiffReportNamedChange[];
  /** Verdicts on the stack's configuration outside its resources (modules, provider sources and aliases). */
  readonly configVerdicts: readonly Verdict[];
  /** What the ClickPipe will do. */
  readonly pipe: readonly string[];
}

export interface DiffReport {
  readonly base: string;
  readonly head: string;
  /** Some change is blocked (exit 1). */
  readonly blocked: boolean;
  readonly summary: {
    readonly stacksAdded: number;
    readonly stacksRemoved: number;
    readonly stacksChanged: number;
    readonly create: number;
    readonly update: number;
    readonly replace: number;
    readonly delete: number;
    readonly blocked: number;
    readonly warnings: number;
  };
  readonly stacks: readonly DiffReportStack[];
  /** `--allow` / `--allow-file` entries that allowed nothing (stale, or naming a change that does not block). */
  readonly staleAllowances: readonly string[];
}

const toChange = (c: AttributeChange): DiffReportChange => ({ ...c });
const toNamed = (c: NamedChange): DiffReportNamedChange => ({ ...c });

/** Build the report of two read outputs. */
export function buildDiffReport(
  base: Map<string, SynthStack>,
  head: Map<string, SynthStack>,
  opts: { readonly baseLabel: string; readonly headLabel: string; readonly allow?: readonly string[] },
): DiffReport {
  const stacks = diffOutputs(base, head);
  const verdicts: Verdict[] = [
    ...judge(resourceChanges(stacks), { allow: opts.allow ?? [], unchanged: unchangedResources(stacks) }),
    ...judgeConfig(configChanges(stacks), { allow: opts.allow ?? [] }),
  ];
  // Verdicts by stack: the same address in two stacks (staging and prod of one construct) is judged per stack.
  const byStack = groupBy(verdicts, (v) => v.stack ?? "");
  const reports = stacks.map((s) => stackReport(s, byStack.get(s.name) ?? []));
  const summary = summarize(reports.flatMap((s) => [...s.verdicts, ...s.configVerdicts]));
  const count = (a: DiffReportResource["action"]) =>
    reports
      .filter((s) => s.status !== "removed")
      .flatMap((s) => s.resources)
      .filter((r) => r.action === a && r.mode === "managed").length;
  return {
    base: opts.baseLabel,
    head: opts.headLabel,
    blocked: summary.blocked > 0,
    summary: {
      stacksAdded: reports.filter((s) => s.status === "added").length,
      stacksRemoved: reports.filter((s) => s.status === "removed").length,
      stacksChanged: reports.filter((s) => s.status === "changed").length,
      create: count("create"),
      update: count("update"),
      replace: count("replace"),
      delete: count("delete"),
      blocked: summary.blocked,
      warnings: summary.warnings,
    },
    stacks: reports,
    staleAllowances: staleAllowances(opts.allow, verdicts),
  };
}

function stackReport(s: StackDiff, stackVerdicts: readonly Verdict[]): DiffReportStack {
  const common = {
    name: s.name,
    variables: s.variables.map(toNamed),
    outputs: s.outputs.map(toNamed),
    locals: s.locals.map(toNamed),
    providers: s.providers.map(toNamed),
    terraform: s.terraform.map(toNamed),
    modules: s.modules.map(toNamed),
  };
  if (s.status === "removed") {
    const unmanaged = s.resources.filter((r) => r.mode === "managed").map((r) => r.address);
    const verdict: Verdict = {
      level: "WARN",
      rule: "stack-no-longer-managed",
      stack: s.name,
      address: s.name,
      message: `stack ${s.name} is gone from head: its ${count(unmanaged.length, "resource")} ${agree(unmanaged.length, "is", "are")} no longer managed; they stay in the database and cloud until destroyed (cdktf destroy ${s.name} before removing it, or remove them by hand)`,
    };
    return {
      ...common,
      status: "removed",
      note: verdict.message,
      unmanaged,
      blocked: false,
      verdicts: [verdict],
      resources: [],
      noEffect: [],
      variables: [],
      outputs: [],
      locals: [],
      providers: [],
      terraform: [],
      modules: [],
      configVerdicts: [],
      pipe: [],
    };
  }
  const addresses = new Set(s.resources.map((r) => r.address));
  const verdicts = stackVerdicts.filter((v) => addresses.has(v.address));
  const configVerdicts = stackVerdicts.filter((v) => !addresses.has(v.address));
  const byAddress = groupBy(verdicts, (v) => v.address);
  const sql = changeSql(s);
  const blocks = (a: string) => (byAddress.get(a) ?? []).some(isBlocking);
  const resources: DiffReportResource[] = s.resources
    .map((r) => ({
      address: r.address,
      type: r.type,
      mode: r.mode,
      action: r.action,
      ...(r.constructPath ? { constructPath: r.constructPath } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.replaceBecause.length > 0 ? { replaceBecause: r.replaceBecause } : {}),
      knownType: r.knownType,
      changes: r.changes.map(toChange),
      ...(sql.has(r.address) ? { sql: sql.get(r.address)! } : {}),
      verdicts: byAddress.get(r.address) ?? [],
    }))
    .map((r) => ({ r, blocked: blocks(r.address) }))
    .sort((a, b) => Number(b.blocked) - Number(a.blocked) || (a.r.address < b.r.address ? -1 : a.r.address > b.r.address ? 1 : 0))
    .map((x) => x.r);
  const order = verdictRank;
  return {
    ...common,
    status: s.status,
    blocked: [...verdicts, ...configVerdicts].some((v) => order(v) === 0),
    verdicts: [...verdicts].sort((a, b) => order(a) - order(b)),
    configVerdicts: [...configVerdicts].sort((a, b) => order(a) - order(b)),
    resources,
    noEffect: s.noEffect.map((n) => ({ address: n.address, changes: n.changes.map(toChange) })),
    pipe: pipeEffects(s),
  };
}

// ---------------------------------------------------------------------------------------------
// Text and markdown.

/** A value on one line (JSON), secrets already removed. */
function show(v: unknown): string {
  if (v === undefined) return "(unset)";
  const s = JSON.stringify(v);
  return s.length > 200 ? s.slice(0, 197) + "..." : s;
}

function changeLine(c: DiffReportChange): string {
  const what = c.sensitive
    ? "(sensitive)"
    : c.added || c.removed
      ? [...(c.added ?? []).map((x) => `+${show(x)}`), ...(c.removed ?? []).map((x) => `-${show(x)}`)].join(" ") || `${show(c.before)} -> ${show(c.after)}`
      : `${show(c.before)} -> ${show(c.after)}`;
  const tags = [c.forcesReplacement ? "forces replacement" : "", c.note ?? ""].filter(Boolean);
  return `${c.path}: ${what}${tags.length ? `  (${tags.join("; ")})` : ""}`;
}

function namedLine(kind: string, c: DiffReportNamedChange): string {
  const sign = c.action === "add" ? "+" : c.action === "remove" ? "-" : "~";
  if (c.sensitive && c.before === undefined && c.after === undefined) return `${sign} ${kind} ${c.name}: (sensitive)`;
  const value = c.action === "add" ? show(c.after) : c.action === "remove" ? show(c.before) : `${show(c.before)} -> ${show(c.after)}`;
  return `${sign} ${kind} ${c.name}: ${value}${c.sensitive ? " (sensitive: default hidden)" : ""}`;
}

function resourceWhy(r: DiffReportResource): string {
  if (r.action === "replace") return `replace: ${r.replaceBecause?.join(", ")}`;
  if (r.action === "update" && !r.knownType) return "update; in place or replace not known for this type";
  return r.reason ? `${ACTION_WORDS[r.action]}: ${r.reason}` : ACTION_WORDS[r.action];
}

function summaryLine(r: DiffReport): string {
  const s = r.summary;
  const stacks = [s.stacksAdded && `${count(s.stacksAdded, "stack")} added`, s.stacksRemoved && `${count(s.stacksRemoved, "stack")} removed`, `${count(s.stacksChanged, "stack")} changed`]
    .filter(Boolean)
    .join(", ");
  const verdict = r.blocked ? `BLOCKED: ${breaksHeadline(s.blocked)}; if deliberate, allow with --allow-file or --allow [<stack>:]<address>` : "no blocking change";
  return `diff: ${stacks}; ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to destroy; ${count(s.warnings, "warning")}; ${verdict}`;
}

const OTHER_KINDS = ["variable", "output", "local", "provider", "terraform", "module"] as const;
const otherLists = (s: DiffReportStack) => [s.variables, s.outputs, s.locals, s.providers, s.terraform, s.modules] as const;

/**
 * Plain text, for a terminal or a CI log. Every line passes through `escapeLine`: a value from the
 * input cannot carry a control character, a line break or a reordering character to the reader.
 */
export function formatText(r: DiffReport): string {
  const out: string[] = [`diff ${r.base} -> ${r.head}`];
  for (const s of r.stacks) {
    if (s.status === "unchanged") continue;
    out.push("", `stack ${s.name}: ${s.status}${s.blocked ? " (BLOCKED)" : ""}`);
    for (const v of [...s.configVerdicts, ...s.verdicts]) out.push(`  ${verdictText(v)}`);
    if (s.unmanaged) for (const a of s.unmanaged) out.push(`  ! ${a} (no longer managed)`);
    for (const res of s.resources) {
      out.push(`  ${SYMBOL[res.action]} ${res.address} (${resourceWhy(res)})`);
      for (const c of res.changes) out.push(`      ${changeLine(c)}`);
      if (res.sql) {
        out.push("      SQL:");
        for (const l of res.sql) out.push(`        ${l}`);
      }
    }
    for (const n of s.noEffect) for (const c of n.changes) out.push(`  = ${n.address}: ${changeLine(c)}`);
    otherLists(s).forEach((list, i) => list.forEach((c) => out.push(`  ${namedLine(OTHER_KINDS[i]!, c)}`)));
    for (const p of s.pipe) out.push(`  pipe: ${p}`);
  }
  out.push("", summaryLine(r));
  for (const a of r.staleAllowances) out.push(staleLine(a));
  return out.map(escapeLine).join("\n") + "\n";
}

/** The report in the review tools' shared shape (one Markdown formatter for diff and guard). */
export function reviewDoc(r: DiffReport): ReviewDoc {
  const all = r.stacks.flatMap((s) => [...s.verdicts, ...s.configVerdicts]);
  const stacks: ReviewStack[] = r.stacks
    .filter((s) => s.status !== "unchanged")
    .map((s) => {
      const addresses = new Set(s.resources.map((x) => x.address));
      return {
        name: s.name,
        status: s.status,
        blocked: s.blocked,
        verdicts: [...s.configVerdicts, ...s.verdicts.filter((v) => !addresses.has(v.address))],
        items: s.resources.map((res) => ({
          address: res.address,
          type: res.type,
          ...(res.constructPath ? { constructPath: res.constructPath } : {}),
          action: res.action,
          why: resourceWhy(res),
          changes: res.changes.map(changeLine),
          ...(res.sql ? { sql: res.sql } : {}),
          verdicts: res.verdicts,
        })),
        notes: [
          ...(s.unmanaged ?? []).map((a) => `! ${a} (no longer managed)`),
          ...s.noEffect.flatMap((n) => n.changes.map((c) => `= ${n.address}: ${changeLine(c)}`)),
          ...otherLists(s).flatMap((list, i) => list.map((c) => namedLine(OTHER_KINDS[i]!, c))),
        ],
        pipe: s.pipe,
      };
    });
  return {
    tool: "diff",
    subject: `${r.base} -> ${r.head}`,
    blocked: r.blocked,
    counts: { ...r.summary, allowed: summarize(all).allowed },
    stacks: [...stacks].sort((a, b) => Number(b.blocked) - Number(a.blocked) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    staleAllowances: r.staleAllowances,
  };
}

/**
 * Markdown for a PR comment within `opts.maxChars` (default 60,000), or the full report: the
 * review tools' one formatter (src/review/comment.ts).
 */
export function formatMarkdown(r: DiffReport, opts: CommentOptions = {}): string {
  return formatComment(reviewDoc(r), opts);
}

/** The report as JSON (`--json`): C1 controls and reordering characters as `\uNNNN` escapes. */
export function formatJson(r: DiffReport): string {
  return jsonText(r) + "\n";
}
