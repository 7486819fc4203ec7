/**
 * `cdktf-clickpipes diff <base> <head>`: compare two synthesized outputs (a cdktf.out folder or one
 * stack folder each) without credentials or Terraform. Exit 0 nothing blocked, 1 a change is
 * blocked (not allowed with --allow), 2 called wrongly or an input is not synth output.
 */
import { parseArgs } from "node:util";
import { DiffInputError, readSynthOutput } from "../diff/read";
import { buildDiffReport, formatJson, formatText, reviewDoc } from "../diff/report";
import { escapeLine } from "../internal/markdown";
import { writeTextFileAtomic } from "../internal/text-file";
import { formatComment } from "../review/comment";
import { reportOptions } from "./report-options";
import { AllowFileError, collectAllowances } from "./allow";
import type { CommandModule } from "./main";

const USAGE = "usage: cdktf-clickpipes diff <base> <head> [--allow [<stack>:]<address>]... [--allow-file <file>] [--markdown [--max-chars N] | --json] [--full-report <file>]";

const HELP = `${USAGE}

Compares two synthesized outputs (cdktf.out folders, or one stack folder each), e.g. synth of a
PR's base and of its head. No credentials, no Terraform. Per stack: resources to create, update in
place, replace (per the providers' ForceNew facts) or destroy, with changed attributes (secrets
shown as (sensitive)); stacks added or removed; variable, output and provider changes; the SQL
the change runs; what the ClickPipe will do; the same BLOCK/WARN verdicts as guard.

  --allow <address>  a blocked change is deliberate (repeat, or comma-separate); <stack>:<address>
                     allows it in that stack only (the stack is its folder under cdktf.out/stacks)
  --allow-file <file>  allowances from a file: one [<stack>:]<address> per line, # starts a comment
                     (commit it in the PR that makes the deliberate change)
  --markdown         a PR comment within a size budget: overview (blocked stacks named), blocked
                     stacks expanded, changes shared by several stacks once, per-stack detail
                     until the budget, then what was left out
  --max-chars <n>    the comment's budget in characters (default 60000; GitHub holds 65536)
  --full-report <file>  also write the whole report as Markdown (at most 1 MiB: fits
                     $GITHUB_STEP_SUMMARY), replaced whole or not at all
  --full-report-link <url>  where readers find the full report (https), linked from the comment
  --json             the report as JSON (schemas/diff-report.schema.json)

An allowance that allows nothing (no blocking change at that address) is named as stale.

Exit: 0 nothing blocked, 1 a change is blocked, 2 called wrongly or an input is not synth output.
`;

export async function runDiff(args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        allow: { type: "string", multiple: true },
        "allow-file": { type: "string" },
        json: { type: "boolean" },
        markdown: { type: "boolean" },
        "max-chars": { type: "string" },
        "full-report": { type: "string" },
        "full-report-link": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    err.write(`cdktf-clickpipes diff: ${(e as Error).message.split("\n")[0]}; ${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    out.write(HELP);
    return 0;
  }
  if (parsed.positionals.length !== 2) {
    err.write(`cdktf-clickpipes diff: expected two folders (base and head), got ${parsed.positionals.length}; ${USAGE}\n`);
    return 2;
  }
  if (parsed.values.json && parsed.values.markdown) {
    err.write(`cdktf-clickpipes diff: --json and --markdown exclude each other; ${USAGE}\n`);
    return 2;
  }
  const report = reportOptions(parsed.values, Boolean(parsed.values.markdown));
  if (typeof report === "string") {
    err.write(`cdktf-clickpipes diff: ${report}; ${USAGE}\n`);
    return 2;
  }
  const [baseDir, headDir] = parsed.positionals;
  let allow: string[];
  try {
    allow = collectAllowances(parsed.values.allow, parsed.values["allow-file"]);
  } catch (e) {
    if (!(e instanceof AllowFileError)) throw e;
    err.write(`cdktf-clickpipes diff: ${escapeLine(e.message)}\n`);
    return 2;
  }
  let diff;
  try {
    diff = buildDiffReport(readSynthOutput(baseDir, "base"), readSynthOutput(headDir, "head"), { baseLabel: baseDir, headLabel: headDir, allow });
  } catch (e) {
    if (e instanceof DiffInputError) {
      err.write(`cdktf-clickpipes diff: ${escapeLine(e.message.replace(/\s*\n\s*/g, " "))}\n`);
      return 2;
    }
    throw e;
  }
  const doc = reviewDoc(diff);
  if (report.fullReport !== undefined) {
    const problem = writeTextFileAtomic(report.fullReport, formatComment(doc, { full: true, measure: "bytes" }));
    if (problem) {
      err.write(`cdktf-clickpipes diff: --full-report ${escapeLine(report.fullReport)}: ${problem}\n`);
      return 2;
    }
  }
  out.write(parsed.values.json ? formatJson(diff) : parsed.values.markdown ? formatComment(doc, report.comment) : formatText(diff));
  return diff.blocked ? 1 : 0;
}

export const DIFF_COMMAND: CommandModule = {
  run: (a) => runDiff(a),
};
