/**
 * The report options `diff` and `guard` share: `--max-chars`, `--full-report`, `--full-report-link`.
 * Checked here once, with the same one-line wording in both commands.
 */
import { escapeLine } from "../internal/markdown";
import type { OptionDoc } from "./args";
import { CommentOptions, DEFAULT_MAX_CHARS, isReportLink, MIN_MAX_CHARS, STEP_SUMMARY_LIMIT } from "../review/comment";

export interface ReportOptions {
  /** Options of the Markdown comment. */
  readonly comment: CommentOptions;
  /** `--full-report <file>`. */
  readonly fullReport?: string;
}

/** The parsed options, or one line saying what is wrong (the caller adds the usage). */
export function reportOptions(
  values: { readonly "max-chars"?: string; readonly "full-report"?: string; readonly "full-report-link"?: string },
  markdown: boolean,
): ReportOptions | string {
  let maxChars = DEFAULT_MAX_CHARS;
  const raw = values["max-chars"];
  if (raw !== undefined) {
    if (!markdown) return "--max-chars applies to --markdown";
    if (!/^\d+$/.test(raw) || Number(raw) < MIN_MAX_CHARS || Number(raw) > STEP_SUMMARY_LIMIT) {
      return `--max-chars ${JSON.stringify(escapeLine(raw))} is not allowed; expected a whole number of characters from ${MIN_MAX_CHARS} to ${STEP_SUMMARY_LIMIT} (GitHub holds 65536 in a comment)`;
    }
    maxChars = Number(raw);
  }
  const link = values["full-report-link"];
  if (link !== undefined && !isReportLink(link)) return `--full-report-link ${JSON.stringify(escapeLine(link))} is not allowed; expected an https:// URL`;
  const file = values["full-report"];
  if (file === "") return "--full-report needs a file name";
  return { comment: { maxChars, ...(file !== undefined ? { fullReportFile: file } : {}), ...(link !== undefined ? { fullReportLink: link } : {}) }, ...(file !== undefined ? { fullReport: file } : {}) };
}

/** The report options `diff` and `guard` share, documented once. */
export const REPORT_OPTION_DOCS: readonly OptionDoc[] = [
  { name: "--allow", value: "[<stack>:]<address>", multiple: true, description: "a blocked change is deliberate (or comma-separate); <stack>:<address> allows it in that stack only" },
  { name: "--allow-file", value: "<file>", description: "allowances from a file committed in the PR: one [<stack>:]<address> per line, # starts a comment" },
  { name: "--markdown", description: "a PR comment within --max-chars: overview (every blocked stack named), blocked stacks expanded, changes shared by several stacks once, per-stack detail, then what was left out" },
  { name: "--max-chars", value: "<n>", description: "the comment's budget in characters (default 60000; a GitHub comment holds 65536)" },
  { name: "--full-report", value: "<file>", description: "also write the whole report as Markdown (at most 1 MiB: fits $GITHUB_STEP_SUMMARY), replaced whole or not at all" },
  { name: "--full-report-link", value: "<url>", description: "where readers find the full report (https), linked from the comment's left-out line" },
];

