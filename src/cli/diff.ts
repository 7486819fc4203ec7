/**
 * `cdktf-clickpipes diff <base> <head>`: compare two synthesized outputs (a cdktf.out folder or one
 * stack folder each) without credentials or Terraform. Exit 0 nothing blocked, 1 a change is
 * blocked (not allowed with --allow), 2 called wrongly or an input is not synth output.
 */
import { DiffInputError, readSynthOutput } from "../diff/read";
import { buildDiffReport, formatJson, formatText, reviewDoc } from "../diff/report";
import { formatComment } from "../review/comment";
import { REPORT_OPTION_DOCS, reportOptions, ReportValues, writeFullReport } from "./report-options";
import { collectAllowances } from "./allow";
import { CommandDoc, expectPositionals, InputError, runCommand } from "./args";
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
    expectPositionals(parsed.positionals, 2, 2, "two synth outputs (base and head)");
    const report = reportOptions(parsed.values as ReportValues);
    const [baseDir, headDir] = parsed.positionals as [string, string];
    const allow = collectAllowances(parsed.values.allow as string[] | undefined, parsed.values["allow-file"] as string | undefined);
    let diff;
    try {
      diff = buildDiffReport(readSynthOutput(baseDir, "base"), readSynthOutput(headDir, "head"), { baseLabel: baseDir, headLabel: headDir, allow });
    } catch (e) {
      if (e instanceof DiffInputError) throw new InputError(e.message.replace(/\s*\n\s*/g, " "));
      throw e;
    }
    const doc = reviewDoc(diff);
    writeFullReport(report, doc);
    out.write(report.json ? formatJson(diff) : report.markdown ? formatComment(doc, report.comment) : formatText(diff));
    return diff.blocked ? 1 : 0;
  });
}

export const DIFF_COMMAND: CommandModule = {
  run: (a) => runDiff(a),
};
