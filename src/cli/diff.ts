/**
 * `cdktf-clickpipes diff <base> <head>`: compare two synthesized outputs (a cdktf.out folder or one
 * stack folder each) without credentials or Terraform. Exit 0 nothing blocked, 1 a change is
 * blocked (not allowed with --allow), 2 called wrongly or an input is not synth output.
 */
import { DiffInputError, readSynthOutput } from "../diff/read";
import { buildDiffReport, formatJson, formatText, reviewDoc } from "../diff/report";
import { escapeLine } from "../internal/markdown";
import { writeTextFileAtomic } from "../internal/text-file";
import { formatComment } from "../review/comment";
import { REPORT_OPTION_DOCS, reportOptions } from "./report-options";
import { AllowFileError, collectAllowances } from "./allow";
import { CommandDoc, expectPositionals, fileProblem, runCommand, UsageError } from "./args";
import type { CommandModule } from "./main";

export const DIFF_DOC: CommandDoc = {
  command: "diff",
  usage: "<base> <head> [options]",
  description:
    "Compares two synthesized outputs (each a cdktf.out folder, its stacks/ folder or one stack folder), e.g. the synth of a PR's base and of its head. No credentials, no Terraform. Per stack: resources to create, update in place, replace (per the providers' ForceNew facts) or destroy, with changed attributes (secrets shown as (sensitive)); stacks added or removed; variable, output and provider changes; the SQL the change runs; what the ClickPipe will do; the same BLOCK/WARN verdicts as guard. An allowance that allows nothing is named as stale.",
  options: [...REPORT_OPTION_DOCS, { name: "--json", description: "the report as JSON (schemas/diff-report.schema.json)" }],
  exitCodes: [
    [0, "nothing blocked"],
    [1, "a change is blocked (a BLOCK verdict not allowed)"],
    [2, "called wrongly, or an input is not synth output"],
  ],
  examples: ["cdktf-clickpipes diff base-out cdktf.out --markdown --allow-file .clickpipes-allow > comment.md"],
};

export async function runDiff(args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  return runCommand(DIFF_DOC, args, { out, err }, (parsed) => {
    const v = parsed.values as { allow?: string[]; "allow-file"?: string; json?: boolean; markdown?: boolean; "max-chars"?: string; "full-report"?: string; "full-report-link"?: string };
    expectPositionals(parsed.positionals, 2, 2, "two synth outputs (base and head)");
    if (v.json && v.markdown) throw new UsageError("--json and --markdown exclude each other");
    const report = reportOptions(v, Boolean(v.markdown));
    if (typeof report === "string") throw new UsageError(report);
    const [baseDir, headDir] = parsed.positionals as [string, string];
    let allow: string[];
    try {
      allow = collectAllowances(v.allow, v["allow-file"]);
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
        err.write(`cdktf-clickpipes diff: ${escapeLine(fileProblem("--full-report", report.fullReport, problem))}\n`);
        return 2;
      }
    }
    out.write(v.json ? formatJson(diff) : v.markdown ? formatComment(doc, report.comment) : formatText(diff));
    return diff.blocked ? 1 : 0;
  });
}

export const DIFF_COMMAND: CommandModule = {
  run: (a) => runDiff(a),
};
