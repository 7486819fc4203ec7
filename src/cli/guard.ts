/**
 * `cdktf-clickpipes guard <plan.json>...`: exit 1 when a plan breaks a running pipe (a BLOCK
 * verdict not named by `--allow`), 0 otherwise (WARN verdicts are printed, never fail), 2 when
 * called wrongly or a file is not a plan or the synth output is unreadable.
 */
import * as fs from "node:fs";
import { guardPlan, readSynthIndex, SynthIndex, SynthIndexError } from "../guard/guard";
import { PlanFormatError, readPlanFile } from "../guard/plan";
import { staleAllowances, staleLine } from "../review/verdicts";
import { summarize } from "../review/summary";
import { GuardedPlan, GuardPlanReport, GuardReport, guardReviewDoc } from "../guard/review";
import { escapeLine, jsonText } from "../util/markdown";
import { formatComment } from "../review/comment";
import { count, verdictText } from "../review/model";
import { REPORT_OPTION_DOCS, reportOptions, ReportValues, writeFullReport } from "./report-options";
import { CommandDoc, expectPositionals, InputError, ParsedCommand, runCommand, UsageError } from "./args";
import { collectAllowances } from "./allow";
import type { CommandModule } from "./main";

/** The synth output read by default, when present in the working directory. */
export const DEFAULT_SYNTH_DIR = "cdktf.out";

export const GUARD_DOC: CommandDoc = {
  command: "guard",
  usage: "<plan.json>... [options]",
  description:
    "Judges Terraform plans (terraform show -json <planfile>) of the stacks: BLOCK when a change breaks a running ClickPipe (publication or user deleted, replaced or renamed, logical replication off, ingress closed, ...), WARN when tables join or leave. A resource is recognised from the synth output (default: ./cdktf.out when present) and from its address. The same verdicts and wording as diff; an allowance that allows nothing is named as stale.",
  options: [
    { name: "--synth", value: "<dir>", description: "the synth output the plans are of: cdktf.out, its stacks/ folder or one stack folder (default: ./cdktf.out when present)" },
    { name: "--no-synth", description: "recognise resources from their addresses only" },
    ...REPORT_OPTION_DOCS,
    { name: "--json", description: "the verdicts as JSON (schemas/guard-report.schema.json)" },
  ],
  exitCodes: [
    [0, "nothing blocks (warnings are printed)"],
    [1, "a change would break a running ClickPipe (a BLOCK verdict not allowed)"],
    [2, "called wrongly, a file is not a plan, or the synth output is unreadable"],
  ],
  examples: ["terraform -chdir=cdktf.out/stacks/orders-db show -json plan.out > orders-db.plan.json && cdktf-clickpipes guard orders-db.plan.json --synth cdktf.out"],
};

export async function runGuard(args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  return runCommand(GUARD_DOC, args, { out, err }, (parsed) => guard(parsed, out, err));
}

async function guard(parsed: ParsedCommand, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const v = parsed.values as ReportValues & { allow?: string[]; "allow-file"?: string; synth?: string; "no-synth"?: boolean };
  expectPositionals(parsed.positionals, 1, Infinity, "one or more plan files (terraform show -json <planfile>)");
  if (v.synth !== undefined && v["no-synth"]) throw new UsageError("--synth and --no-synth exclude each other");
  const options = reportOptions(v);
  let synth: SynthIndex | undefined;
  const synthDir = v["no-synth"] ? undefined : (v.synth ?? (fs.existsSync(DEFAULT_SYNTH_DIR) ? DEFAULT_SYNTH_DIR : undefined));
  if (synthDir !== undefined) {
    try {
      synth = readSynthIndex(synthDir);
    } catch (e) {
      if (e instanceof SynthIndexError) throw new InputError(`--synth ${e.message}`);
      throw e;
    }
  }
  const allow = collectAllowances(v.allow, v["allow-file"]);
  const guarded: GuardedPlan[] = [];
  for (const file of parsed.positionals) {
    try {
      const plan = readPlanFile(file);
      const r = guardPlan(plan, { allow, synth });
      if (synth && !r.stack && plan.resourceChanges.some((c) => c.mode === "managed")) {
        err.write(`cdktf-clickpipes guard: warning: ${escapeLine(file)}: cannot tell which stack of ${synth.dir} it is of (its addresses are not there); constructs recognised from addresses\n`);
      }
      guarded.push({ file, result: r });
    } catch (e) {
      if (e instanceof PlanFormatError) throw new InputError(e.message);
      throw e;
    }
  }
  const report: GuardPlanReport[] = guarded.map(({ file, result }) => ({ file, ...(result.stack ? { stack: result.stack } : {}), verdicts: result.verdicts }));
  const all = report.flatMap((r) => r.verdicts);
  const summary = summarize(all);
  const blocking = summary.blocking;
  const stale = staleAllowances(
    allow,
    report.flatMap((r) => r.verdicts.map((x) => (x.stack === undefined && r.stack !== undefined ? { ...x, stack: r.stack } : x))),
  );
  const constructs = synth ? `synth output ${synth.dir}` : "addresses (no synth output)";
  const doc = guardReviewDoc(guarded, { staleAllowances: stale });
  writeFullReport(options, doc);
  if (options.json) {
    const json: GuardReport = { blocked: blocking.length > 0, constructsFrom: synth ? "synth" : "address", synth: synth?.dir ?? null, plans: report, staleAllowances: stale };
    out.write(jsonText(json) + "\n");
  } else if (options.markdown) {
    out.write(formatComment(doc, options.comment));
  } else {
    const lines: string[] = [];
    for (const r of report) {
      if (r.verdicts.length === 0) continue;
      lines.push(`plan ${r.file}${r.stack ? ` (stack ${r.stack})` : ""}:`);
      for (const x of r.verdicts) lines.push(`  ${verdictText(x)}`);
    }
    const warned = summary.warnings ? `; ${count(summary.warnings, "warning")}` : "";
    lines.push(
      blocking.length > 0
        ? `guard: ${summary.headline}${warned}; if deliberate, allow with --allow-file or --allow [<stack>:]<address> (constructs from ${constructs})`
        : `guard: ${summary.headline} in ${count(report.length, "plan")}${warned} (constructs from ${constructs})`,
    );
    for (const a of stale) lines.push(staleLine(a));
    out.write(lines.map(escapeLine).join("\n") + "\n");
  }
  return blocking.length > 0 ? 1 : 0;
}

export const GUARD_COMMAND: CommandModule = {
  run: (a) => runGuard(a),
};
