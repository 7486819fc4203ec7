/**
 * The report options `diff` and `guard` share: `--json`, `--markdown`, `--max-chars`,
 * `--full-report`, `--full-report-link`. Checked here once, with the same one-line wording in both
 * commands, and the full report written here once.
 */
import { escapeLine } from "../util/markdown";
import { writeTextFileAtomic } from "../util/text-file";
import { CommentOptions, DEFAULT_MAX_CHARS, formatComment, isReportLink, MIN_MAX_CHARS, STEP_SUMMARY_LIMIT } from "../review/comment";
import type { ReviewDoc } from "../review/model";
import { fileProblem, InputError, needsValue, OptionDoc, UsageError } from "./args";

export interface ReportOptions {
  /** `--json`. */
  readonly json: boolean;
  /** `--markdown`. */
  readonly markdown: boolean;
  /** Options of the Markdown comment. */
  readonly comment: CommentOptions;
  /** `--full-report <file>`. */
  readonly fullReport?: string;
}

/** The values of the shared options, as `parseCommand` returns them. */
export interface ReportValues {
  readonly json?: boolean;
  readonly markdown?: boolean;
  readonly "max-chars"?: string;
  readonly "full-report"?: string;
  readonly "full-report-link"?: string;
}

/** The shared options, checked; throws `UsageError` (one line) for a wrong combination or value. */
export function reportOptions(values: ReportValues): ReportOptions {
  const markdown = values.markdown === true;
  const json = values.json === true;
  if (json && markdown) throw new UsageError("--json and --markdown exclude each other");
  let maxChars = DEFAULT_MAX_CHARS;
  const raw = values["max-chars"];
  if (raw !== undefined) {
    if (!markdown) throw new UsageError("--max-chars applies to --markdown");
    if (!/^\d+$/.test(raw) || Number(raw) < MIN_MAX_CHARS || Number(raw) > STEP_SUMMARY_LIMIT) {
      throw new UsageError(
        `--max-chars ${JSON.stringify(escapeLine(raw))} is not allowed; expected a whole number of characters from ${MIN_MAX_CHARS} to ${STEP_SUMMARY_LIMIT} (GitHub holds 65536 in a comment)`,
      );
    }
    maxChars = Number(raw);
  }
  const link = values["full-report-link"];
  if (link !== undefined && !isReportLink(link)) throw new UsageError(`--full-report-link ${JSON.stringify(escapeLine(link))} is not allowed; expected an https:// URL`);
  const file = values["full-report"];
  if (file === "") throw new UsageError(needsValue("--full-report"));
  return {
    json,
    markdown,
    comment: { maxChars, ...(file !== undefined ? { fullReportFile: file } : {}), ...(link !== undefined ? { fullReportLink: link } : {}) },
    ...(file !== undefined ? { fullReport: file } : {}),
  };
}

/** Write the full report when `--full-report` asks for it (whole or not at all); throws `InputError` when it cannot. */
export function writeFullReport(options: ReportOptions, doc: ReviewDoc): void {
  if (options.fullReport === undefined) return;
  const problem = writeTextFileAtomic(options.fullReport, formatComment(doc, { full: true, measure: "bytes" }));
  if (problem) throw new InputError(fileProblem("--full-report", options.fullReport, problem));
}

/** The report options `diff` and `guard` share, documented once. */
export const REPORT_OPTION_DOCS: readonly OptionDoc[] = [
  { name: "--allow", value: "[<stack>:]<address>", multiple: true, description: "a blocked change is deliberate (or comma-separate); <stack>:<address> allows it in that stack only" },
  { name: "--allow-file", value: "<file>", description: "allowances from a file committed in the PR: one [<stack>:]<address> per line, # starts a comment" },
  {
    name: "--markdown",
    description: "a PR comment within --max-chars: overview (every blocked stack named), blocked stacks expanded, changes shared by several stacks once, per-stack detail, then what was left out",
  },
  { name: "--max-chars", value: "<n>", description: "the comment's budget in characters (default 60000; a GitHub comment holds 65536)" },
  { name: "--full-report", value: "<file>", description: "also write the whole report as Markdown (at most 1 MiB: fits $GITHUB_STEP_SUMMARY), replaced whole or not at all" },
  { name: "--full-report-link", value: "<url>", description: "where readers find the full report (https), linked from the comment's left-out line" },
];
