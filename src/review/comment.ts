/**
 * The one Markdown formatter of `diff --markdown` and `guard --markdown`: a PR comment within a size
 * budget (GitHub holds 65,536 characters in a comment body), or the full report (`--full-report`,
 * for `$GITHUB_STEP_SUMMARY`, 1 MiB). Layout, in this order:
 *
 * 1. the overview: the verdict, every blocked stack named, counts per action and per verdict,
 *    stale allowances;
 * 2. blocked stacks, expanded (as many as fit in 60% of the budget; the others' blocked changes
 *    come first in the groups and per stack);
 * 3. changes shared by several stacks, once each with the list of stacks collapsed (grouped by
 *    resource type, construct path within the source, action, changed attributes, verdicts, SQL);
 * 4. per-stack detail of what the groups do not show, until the budget;
 * 5. one line saying what was left out and where the full report is.
 *
 * Every value from the input goes through src/util/markdown.ts (code spans, text, HTML); the
 * only HTML is the formatter's own `<details>`, `<summary>`, `<code>` and `<b>`.
 */
import { SYMBOL, type Verdict } from "./change";
import { breaksHeadline } from "./summary";
import { groupBy } from "../util/group";
import { escapeLine, mdCode, mdFence, mdHtml, mdText } from "../util/markdown";
import { constructLabel, count, foldSql, isBlocking, levelWord, relativePath, ReviewDoc, ReviewItem, ReviewStack, verdictWhere } from "./model";

/** GitHub's limit on a comment body (characters). */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** The default budget of a comment: below GitHub's limit, with room for a marker and a footer. */
export const DEFAULT_MAX_CHARS = 60_000;
/** GitHub's limit on a job summary (`$GITHUB_STEP_SUMMARY`), bytes. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;
/** The smallest budget that holds an overview. */
export const MIN_MAX_CHARS = 2_000;

export interface CommentOptions {
  /** Size budget; the output never exceeds it. @default DEFAULT_MAX_CHARS */
  readonly maxChars?: number;
  /** How size is measured. @default "chars" (UTF-16 code units, at least GitHub's count) */
  readonly measure?: "chars" | "bytes";
  /** Full report: no cap on the groups' stack lists, blocked stacks all expanded; budget 1 MiB. @default false */
  readonly full?: boolean;
  /** Where the full report is, for the left-out line: a file written with `--full-report`. */
  readonly fullReportFile?: string;
  /** A link to the full report (e.g. the workflow run's job summary), https only. */
  readonly fullReportLink?: string;
}

/** The symbols after a list bullet: a bare "- " or "+ " there would open a nested list, so those two are escaped. */
const SYMBOL_MD: Record<ReviewItem["action"], string> = { ...SYMBOL, create: "\\+", delete: "\\-" };

/** One entry of a stack: something the groups can share between stacks. */
interface Entry {
  readonly stack: ReviewStack;
  /** Identical across stacks for the same change (no address, no stack name). */
  readonly key: string;
  readonly blocking: boolean;
  readonly item?: ReviewItem;
  readonly verdict?: Verdict;
  readonly pipe?: string;
}

const verdictMd = (v: Verdict, where = true): string => `**${levelWord(v)}** ${mdCode(v.rule)}${where ? ` ${mdCode(verdictWhere(v))}` : ""}: ${mdText(v.message)}`;

/** SQL lines for a code block: statements split on line breaks, each line escaped. */
const sqlLines = (statements: readonly string[]): string[] => statements.flatMap((s) => s.split("\n")).map(escapeLine);

function sqlBlock(statements: readonly string[], indent: string): string[] {
  const lines = sqlLines(statements);
  const fence = mdFence(lines);
  return [`${indent}${fence}sql`, ...lines.map((l) => `${indent}${l}`), `${indent}${fence}`];
}

/** A resource's lines: heading, changed attributes, verdicts, SQL (list item, nested). */
function itemLines(it: ReviewItem, opts: { readonly inGroup: boolean }): string[] {
  const label = opts.inGroup ? relativePath(it.constructPath)?.path || undefined : constructLabel(it.constructPath);
  const name = opts.inGroup ? `${label ? `${mdCode(label)} ` : ""}(${mdCode(it.type)})` : `${label ? `${mdCode(label)} ` : ""}${mdCode(it.address)}`;
  const out = [`- ${SYMBOL_MD[it.action]} ${name}: ${mdText(it.why)}`];
  for (const c of it.changes) out.push(`  - ${mdCode(c)}`);
  for (const v of it.verdicts) out.push(`  - ${verdictMd(v, false)}`);
  if (it.sql && it.sql.length > 0) {
    const { statements, folded } = foldSql(it.sql);
    out.push(`  - SQL${folded > 0 ? " (transaction and the provider's role locks folded)" : ""}:`, "", ...sqlBlock(statements, "    "));
  }
  return out;
}

function entryLines(e: Entry, opts: { readonly inGroup: boolean }): string[] {
  if (e.item) return itemLines(e.item, opts);
  if (e.verdict) return [`- ${verdictMd(e.verdict, !opts.inGroup)}`];
  return [`- the ClickPipe: ${mdText(e.pipe!)}`];
}

function entriesOf(s: ReviewStack): Entry[] {
  const out: Entry[] = [];
  for (const v of s.verdicts) out.push({ stack: s, key: `v\0${v.level}\0${v.allowed ? 1 : 0}\0${v.rule}\0${v.message}`, blocking: isBlocking(v), verdict: v });
  for (const it of s.items) {
    const rel = relativePath(it.constructPath)?.path;
    const key = JSON.stringify([
      "r",
      it.type,
      rel || it.address,
      it.action,
      it.why,
      it.changes,
      it.verdicts.map((v) => [v.level, v.allowed === true, v.rule, v.message]),
      it.sql ? foldSql(it.sql).statements : null,
    ]);
    out.push({ stack: s, key, blocking: it.verdicts.some(isBlocking), item: it });
  }
  for (const p of s.pipe) out.push({ stack: s, key: `p\0${p}`, blocking: false, pipe: p });
  return out;
}

function stackCounts(s: ReviewStack): string {
  const n = (a: ReviewItem["action"]) => s.items.filter((x) => x.action === a).length;
  const parts = [n("create") && `${n("create")} to create`, n("update") && `${n("update")} to update`, n("replace") && `${n("replace")} to replace`, n("delete") && `${n("delete")} to destroy`].filter(
    Boolean,
  );
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/** A stack's section: entries (all, or those no group shows), notes, pipe. */
/**
 * A stack's section: entries (all, or those no group shows), notes, pipe. With `room`, as many
 * lines as fit (blocked entries come first), then one line counting what was cut; `cut` is 0 when
 * everything is there.
 */
function stackSection(
  s: ReviewStack,
  entries: readonly Entry[],
  opts: { readonly open: boolean; readonly shownInGroups: number; readonly room?: number; readonly size?: (t: string) => number },
): { text: string; cut: number; kept: number } {
  const title = `${s.blocked ? "BLOCKED " : ""}<code>${mdHtml(s.name)}</code>: ${mdHtml(s.status)}${mdHtml(stackCounts(s))}`;
  const blocks: string[][] = [];
  for (const e of entries.filter((x) => !x.pipe)) blocks.push(entryLines(e, { inGroup: false }));
  if (opts.shownInGroups > 0) blocks.push([`- and ${count(opts.shownInGroups, "change")} shown under "Changes in several stacks"`]);
  for (const n of s.notes) blocks.push([`- ${mdCode(n)}`]);
  const pipe = entries.filter((e) => e.pipe);
  if (pipe.length > 0) blocks.push(["", "What the ClickPipe will do:", "", ...pipe.map((e) => `- ${mdText(e.pipe!)}`)]);
  const open = `<details${opts.open ? " open" : ""}><summary>${title}</summary>\n\n`;
  const close = "\n</details>\n\n";
  const whole = open + blocks.map((b) => b.join("\n") + "\n").join("") + close;
  const size = opts.size ?? ((t: string) => t.length);
  if (opts.room === undefined || size(whole) <= opts.room) return { text: whole, cut: 0, kept: blocks.length };
  // Cut: keep blocks while they fit with room for the closing line.
  const CUT_LINE = 120;
  let text = open;
  let used = size(open) + size(close) + CUT_LINE;
  let kept = 0;
  for (const b of blocks) {
    const t = b.join("\n") + "\n";
    if (used + size(t) > opts.room) break;
    text += t;
    used += size(t);
    kept++;
  }
  const cut = blocks.length - kept;
  return { text: `${text}- and ${count(cut, "more entry", "more entries")} of this stack, left out for size\n${close}`, cut, kept };
}

/** A value shown whole up to `max` characters, else cut with `...`. */
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 3)}...` : s);

function overview(doc: ReviewDoc, budget: number, size: (t: string) => number): string {
  const c = doc.counts;
  const blockedStacks = doc.stacks.filter((s) => s.blocked);
  const out = [`### cdktf-clickpipes ${doc.tool}: ${doc.blocked ? "BLOCKED" : "no blocking change"}`, "", mdText(clip(doc.subject, 300)), ""];
  if (doc.blocked) {
    // Every blocked stack is named here, before anything else (as many as 40% of the budget holds).
    const names: string[] = [];
    let used = 0;
    for (const s of blockedStacks) {
      const n = mdCode(s.name);
      if (used + size(n) + 2 > budget * 0.4) break;
      names.push(n);
      used += size(n) + 2;
    }
    const more = blockedStacks.length - names.length;
    out.push(
      `**BLOCKED**: ${breaksHeadline(c.blocked)}, in ${count(blockedStacks.length, "stack")}: ${names.join(", ")}${more > 0 ? ` and ${more.toLocaleString("en-US")} more (full report)` : ""}.`,
      "",
      `If deliberate, allow ${c.blocked === 1 ? "it" : "them"} in the pull request: one ${mdCode("<stack>:<address>")} per line in the allow file (${mdCode("--allow-file")}), or ${mdCode("--allow")}.`,
      "",
    );
  } else out.push("Nothing here breaks a running ClickPipe.", "");
  const stacks = [
    c.stacksChanged > 0 || (c.stacksAdded === 0 && c.stacksRemoved === 0) ? `${count(c.stacksChanged, "stack")} changed` : "",
    c.stacksAdded ? `${c.stacksAdded} added` : "",
    c.stacksRemoved ? `${c.stacksRemoved} removed` : "",
  ]
    .filter(Boolean)
    .join(", ");
  out.push(
    "| stacks | create | update in place | replace | destroy | BLOCK | allowed | WARN |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    `| ${stacks} | ${c.create} | ${c.update} | ${c.replace} | ${c.delete} | ${c.blocked} | ${c.allowed} | ${c.warnings} |`,
    "",
  );
  const STALE_SHOWN = 20;
  for (const a of doc.staleAllowances.slice(0, STALE_SHOWN)) out.push(`- stale allowance: ${mdCode(clip(a, 200))} allows nothing (no blocking change there); remove it`);
  if (doc.staleAllowances.length > STALE_SHOWN) out.push(`- and ${count(doc.staleAllowances.length - STALE_SHOWN, "more stale allowance")} (\`--json\` lists them)`);
  if (doc.staleAllowances.length) out.push("");
  return out.join("\n") + "\n";
}

/** A group of identical changes: the change once, then the stacks (collapsed), up to `listBudget` characters of names. */
function groupBlock(entries: readonly Entry[], listBudget: number): { text: string; listed: number } {
  const first = entries[0]!;
  const n = entries.length;
  const head = `**${count(n, "stack")}**${first.blocking ? " (BLOCKED)" : ""}:`;
  const lines = [head, "", ...entryLines(first, { inGroup: true }), ""];
  const names: string[] = [];
  let used = 0;
  for (const e of entries) {
    const code = mdCode(e.stack.name);
    if (used + code.length + 2 > listBudget) break;
    names.push(code);
    used += code.length + 2;
  }
  const more = n - names.length;
  lines.push(
    `<details><summary>the ${count(n, "stack")}</summary>`,
    "",
    names.join(", ") + (more > 0 ? `${names.length ? " " : ""}and ${more.toLocaleString("en-US")} more (full report)` : ""),
    "",
    "</details>",
    "",
  );
  return { text: lines.join("\n") + "\n", listed: names.length };
}

function safeLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const u = new URL(link);
    // encodeURIComponent leaves ( ) ' alone: every character that could end a Markdown link is %XX here.
    return u.protocol === "https:" ? u.href.replace(/[()<>\s"'`\\[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a link is one `fullReportLink` accepts (an https URL). */
export const isReportLink = (link: string): boolean => safeLink(link) !== undefined;

/**
 * The Markdown report within `maxChars` (or, `full`, everything that fits in the step summary's
 * 1 MiB). Never longer than the budget. The SQL shows the statements that change the database;
 * the whole transaction (BEGIN, the provider's role locks, COMMIT) is `cdktf-clickpipes sql`'s.
 */
export function formatComment(doc: ReviewDoc, opts: CommentOptions = {}): string {
  const full = opts.full ?? false;
  const max = opts.maxChars ?? (full ? STEP_SUMMARY_LIMIT : DEFAULT_MAX_CHARS);
  const size = opts.measure === "bytes" ? (s: string) => Buffer.byteLength(s) : (s: string) => s.length;
  const RESERVE = 1_200; // the left-out line
  const parts: string[] = [];
  let used = 0;
  const fits = (t: string, limit = max - RESERVE) => used + size(t) <= limit;
  const add = (t: string) => {
    parts.push(t);
    used += size(t);
  };

  const head = overview(doc, max - RESERVE, size);
  add(head);

  const stacks = doc.stacks;
  const entries = new Map(stacks.map((s) => [s, entriesOf(s)] as const));
  const expanded = new Set<ReviewStack>();
  const blocked = stacks.filter((s) => s.blocked);
  const partial: string[] = [];
  if (blocked.length > 0) {
    // Expanded while they fit in 60% of the budget; the rest show in the groups and per stack.
    const h = `#### Blocked ${blocked.length === 1 ? "stack" : "stacks"}\n\n`;
    let started = false;
    const limit = full ? max - RESERVE : (max - RESERVE) * 0.6;
    for (const s of blocked) {
      const detail = (started ? "" : h) + stackSection(s, entries.get(s)!, { open: true, shownInGroups: 0 }).text;
      if (fits(detail, limit)) {
        add(detail);
        started = true;
        expanded.add(s);
        continue;
      }
      // The first blocked stack is shown even when it alone is larger than the budget: its blocked changes first.
      if (!started) {
        const part = stackSection(s, entries.get(s)!, { open: true, shownInGroups: 0, room: limit - used - size(h), size });
        if (part.kept > 0 && fits(h + part.text, limit)) {
          add(h + part.text);
          started = true;
          expanded.add(s);
          partial.push(s.name);
        }
      }
      break;
    }
  }

  // Groups: identical entries of two or more stacks not expanded above.
  const byKey = groupBy(
    stacks.filter((s) => !expanded.has(s)).flatMap((s) => entries.get(s)!),
    (e) => e.key,
  );
  const groups = [...byKey.values()].filter((g) => g.length >= 2).sort((a, b) => Number(b[0]!.blocking) - Number(a[0]!.blocking) || b.length - a.length || (a[0]!.key < b[0]!.key ? -1 : 1));
  const grouped = new Set<Entry>();
  let groupsLeft = 0;
  const cut: { group: Entry[]; part: number; listBudget: number }[] = [];
  if (groups.length > 0) {
    const h = `#### Changes in several stacks\n\n`;
    const room = () => max - RESERVE - used;
    if (fits(h)) add(h);
    for (const [i, g] of groups.entries()) {
      const listBudget = full ? Number.MAX_SAFE_INTEGER : Math.max(400, Math.min(6_000, room() / (4 * (groups.length - i))));
      const { text, listed } = groupBlock(g, listBudget);
      if (!fits(text)) {
        groupsLeft++;
        continue;
      }
      add(text);
      if (listed < g.length) cut.push({ group: g, part: parts.length - 1, listBudget });
      for (const e of g) grouped.add(e);
    }
  }

  // Per-stack detail: what no group shows.
  const rest = stacks.filter((s) => !expanded.has(s));
  let detailLeft = 0;
  let stopped = false;
  const leftNames: string[] = [];
  let sectionStarted = false;
  const leaveOut = (s: ReviewStack) => {
    detailLeft++;
    if (leftNames.length < 5) leftNames.push(s.name.length > 80 ? `${s.name.slice(0, 77)}...` : s.name);
  };
  for (const s of rest) {
    const own = entries.get(s)!;
    const mine = own.filter((e) => !grouped.has(e));
    const inGroups = own.length - mine.length;
    if (mine.length === 0 && s.notes.length === 0) continue;
    if (stopped) {
      leaveOut(s);
      continue;
    }
    const h = sectionStarted ? "" : `#### Per stack\n\n`;
    const detail = stackSection(s, mine, { open: s.blocked, shownInGroups: inGroups }).text;
    if (fits(h + detail)) {
      add(h + detail);
      sectionStarted = true;
      continue;
    }
    // The first stack that does not fit whole: as much of it as fits (when a useful part does); then stop.
    stopped = true;
    const room = max - RESERVE - used - size(h);
    const part = room >= 1_500 ? stackSection(s, mine, { open: s.blocked, shownInGroups: inGroups, room, size }) : undefined;
    if (part && part.kept > 0 && fits(h + part.text)) {
      add(h + part.text);
      sectionStarted = true;
      partial.push(s.name);
    } else leaveOut(s);
  }

  // Room left after the detail: the groups' stack lists (collapsed, cheap to skim) take it.
  let listsCut = 0;
  for (const [i, c] of cut.entries()) {
    const share = Math.floor((max - RESERVE - used) / (cut.length - i));
    const before = parts[c.part]!;
    const { text, listed } = groupBlock(c.group, c.listBudget + Math.max(0, share - 200));
    if (size(text) - size(before) <= max - RESERVE - used) {
      parts[c.part] = text;
      used += size(text) - size(before);
      if (listed < c.group.length) listsCut++;
    } else listsCut++;
  }

  const left: string[] = [];
  if (partial.length > 0) left.push(`part of the detail of ${partial.map((n) => mdCode(n.length > 80 ? `${n.slice(0, 77)}...` : n)).join(", ")}`);
  if (groupsLeft > 0) left.push(count(groupsLeft, "group of shared changes", "groups of shared changes"));
  if (listsCut > 0) left.push(`part of the stack list of ${count(listsCut, "group")}`);
  if (detailLeft > 0) left.push(`the detail of ${count(detailLeft, "stack")} (${leftNames.map((n) => mdCode(n)).join(", ")}${detailLeft > leftNames.length ? ", ..." : ""})`);
  if (left.length > 0) {
    const link = safeLink(opts.fullReportLink);
    const where = link
      ? `The full report: [${opts.fullReportFile ? mdText(opts.fullReportFile) : "job summary"}](${link}).`
      : opts.fullReportFile
        ? `The full report is in ${mdCode(opts.fullReportFile)}.`
        : full
          ? `Everything: ${mdCode("--json")}.`
          : `Everything: re-run with ${mdCode("--full-report <file>")} (Markdown) or ${mdCode("--json")}.`;
    const line = `**Left out for size** (budget ${max.toLocaleString("en-US")} ${opts.measure === "bytes" ? "bytes" : "characters"}): ${left.join("; ")}. ${where}\n`;
    // The reserve holds the line; a pathological stack name list is cut rather than exceed the budget.
    add(size(line) <= max - used ? line : `**Left out for size.** ${where}\n`.slice(0, Math.max(0, max - used)));
  }
  const text = parts.join("");
  // The budget is a promise: should the parts ever overrun it, the verdict and the counts alone.
  return size(text) <= max ? text : fallback(doc, max, size);
}

/** The smallest report: the verdict, the counts and where everything is. */
function fallback(doc: ReviewDoc, max: number, size: (t: string) => number): string {
  const c = doc.counts;
  const text = `### cdktf-clickpipes ${doc.tool}: ${doc.blocked ? "BLOCKED" : "no blocking change"}\n\n${count(c.blocked, "blocking change")}, ${count(c.warnings, "warning")}, ${c.create} to create, ${c.update} to update, ${c.replace} to replace, ${c.delete} to destroy. Too large to summarize here: see \`--full-report\` or \`--json\`.\n`;
  return size(text) <= max ? text : text.slice(0, max);
}
