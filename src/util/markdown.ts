/**
 * The one escaper for text, Markdown and JSON built from input a pull request controls (its synth
 * output, its plan). `diff` and `guard` render every value from their inputs through these
 * functions, never by hand:
 *
 * - `escapeLine`: a value on one line of terminal text. Control characters (C0 but tab, DEL, C1)
 *   as `\xNN` (`escapeControl`), line breaks as `\n` / `\r`, and the characters that reorder or
 *   hide text (bidirectional overrides, U+2028/U+2029) as `\u{NNNN}`.
 * - `mdText`: Markdown inline text: every ASCII punctuation character that can start markup
 *   backslash-escaped (`.`, `,`, `/`, `;`, `=`, `?`, `%` are inert mid-line; a leading `1.` is
 *   escaped), `&`, `<`, `>`, `"` as entities (no HTML, no link, no emphasis), `@` followed by a
 *   zero-width joiner (no mention fires), `www.` with its dot escaped (no GFM autolink), a word
 *   joiner after `#` or `GH-` before a digit (no issue reference: `#1`, `owner/repo#1`, `GH-1`).
 * - `mdCode`: a code span whose fence is one backtick longer than the longest backtick run inside
 *   (CommonMark 6.1), so the value can never close it; `|` as `\|` for GFM table cells.
 * - `mdHtml`: text inside HTML the formatter emits (`<summary>`): entities for `& < > " '`.
 * - `mdFence`: the fence of a fenced code block holding some lines (longer than any backtick run).
 * - `jsonText`: JSON whose non-ASCII control and reordering characters are `\uNNNN` escapes (the
 *   same values for a JSON reader; nothing raw reaches a terminal that `cat`s it).
 */
import { escapeControl } from "./text-file";

/** Characters that reorder or hide text on screen ("Trojan Source"): LRM/RLM, bidi embeddings and isolates, line/paragraph separators. */
const REORDER = /[\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const hex4 = (c: string) => c.charCodeAt(0).toString(16).padStart(4, "0");

/** A value on one line of text output: control characters, line breaks and reordering characters escaped. */
export function escapeLine(value: string): string {
  return escapeControl(value)
    .replace(/\n/g, "\\n")
    .replace(/\t/g, "\\t")
    .replace(REORDER, (c) => `\\u{${hex4(c)}}`);
}

/** Zero-width joiner after `@`: GitHub's mention (and team mention) syntax no longer matches. */
const NO_MENTION = "@\u200d";

const ENTITY: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** U+2060 WORD JOINER: invisible, and it breaks GitHub's issue-reference patterns (`#1`, `owner/repo#1`, `GH-1`). */
const WJ = "\u2060";

/**
 * What GitHub links in text beyond Markdown, neutralised in already-escaped text: GFM's extended
 * `www.` autolink (the dot backslash-escaped, so the autolink scanner no longer sees `www.`) and
 * GitHub's references to issues (`#1`, `owner/repo#1`, `GH-1`: a word joiner after `#` or `GH-`).
 * `http://` autolinks are already broken by the escaped `:`, e-mail ones by the joiner after `@`.
 */
function noAutolink(escaped: string): string {
  return escaped
    .replace(/(www)\./gi, "$1\\.")
    .replace(/(\\?#)(?=\d)/g, `$1${WJ}`)
    .replace(/(GH\\?-)(?=\d)/gi, `$1${WJ}`);
}

/** Markdown inline text: nothing in `value` becomes markup, HTML, a link, a reference or a mention. */
export function mdText(value: string): string {
  return noAutolink(
    escapeLine(value)
      .replace(/[!"#$&'()*+\-:<>@[\\\]^_`{|}~]/g, (c) => (c === "@" ? NO_MENTION : c === "'" ? "\\'" : (ENTITY[c] ?? `\\${c}`)))
      .replace(/^(\d+)([.)])/, "$1\\$2"),
  );
}

/** The longest run of `ch` in `text`. */
function longestRun(text: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/**
 * A Markdown code span of `value` (on one line): the fence is longer than any backtick run inside,
 * a space pads a value starting or ending with a backtick or a space (CommonMark strips one each
 * side), `|` is escaped for GFM table cells (GFM removes the backslash inside a cell).
 */
export function mdCode(value: string, opts: { readonly inTable?: boolean } = {}): string {
  let text = escapeLine(value);
  if (opts.inTable) text = text.replace(/\|/g, "\\|");
  const fence = "`".repeat(longestRun(text, "`") + 1);
  const pad = text === "" || /^[` ]|[` ]$/.test(text) ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Text inside an HTML element the formatter emits (e.g. `<summary>`): entities, no mention. */
export function mdHtml(value: string): string {
  return escapeLine(value)
    .replace(/[&<>"']/g, (c) => ENTITY[c]!)
    .replace(/@/g, NO_MENTION)
    .replace(/#(?=\d)/g, `#${WJ}`)
    .replace(/(GH-)(?=\d)/gi, `$1${WJ}`);
}

/** The fence of a fenced code block holding `lines`: at least three backticks, longer than any run inside. */
export function mdFence(lines: readonly string[]): string {
  return "`".repeat(Math.max(3, ...lines.map((l) => longestRun(l, "`") + 1)));
}

const JSON_UNSAFE = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** `JSON.stringify` whose C1 controls, DEL and reordering characters are `\uNNNN` escapes (same JSON values). */
export function jsonText(value: unknown, indent = 2): string {
  const text = JSON.stringify(value, null, indent);
  JSON_UNSAFE.lastIndex = 0;
  return JSON_UNSAFE.test(text) ? text.replace(JSON_UNSAFE, (c) => `\\u${hex4(c)}`) : text;
}
