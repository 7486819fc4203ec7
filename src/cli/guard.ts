/**
 * `cdktf-clickpipes guard <plan.json>...`: exit 1 when a plan breaks a running pipe (a BLOCK
 * verdict not named by `--allow`), 0 otherwise (WARN verdicts are printed, never fail), 2 when
 * called wrongly or a file is not a plan or the synth output is unreadable.
 */
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { guardPlan, readSynthIndex, SynthIndex, SynthIndexError } from "../guard/guard";
import { PlanFormatError, readPlanFile } from "../guard/plan";
import { staleAllowances, staleLine, type Verdict } from "../guard/verdicts";
import { GuardedPlan, guardReviewDoc } from "../guard/review";
import { escapeLine, jsonText } from "../internal/markdown";
import { writeTextFileAtomic } from "../internal/text-file";
import { formatComment } from "../review/comment";
import { count, verdictText } from "../review/model";
import { reportOptions } from "./report-options";
import { AllowFileError, collectAllowances } from "./allow";
import type { CommandModule } from "./main";

const USAGE =
  "usage: cdktf-clickpipes guard <plan.json>... [--synth <cdktf.out>|--no-synth] [--allow [<stack>:]<address>]... [--allow-file <file>] [--markdown [--max-chars N] | --json] [--full-report <file>]";

/** The synth output read by default, when present in the working directory. */
export const DEFAULT_SYNTH_DIR = "cdktf.out";

export async function runGuard(args: string[], out = process.stdout, err = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        allow: { type: "string", multiple: true },
        "allow-file": { type: "string" },
        synth: { type: "string" },
        "no-synth": { type: "boolean" },
        json: { type: "boolean" },
        markdown: { type: "boolean" },
        "max-chars": { type: "string" },
        "full-report": { type: "string" },
        "full-report-link": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    err.write(`cdktf-clickpipes guard: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const v = parsed.values;
  if (v.help) {
    out.write(USAGE + "\n");
    return 0;
  }
  if (parsed.positionals.length === 0) {
    err.write(`cdktf-clickpipes guard: no plan file given\n${USAGE}\n`);
    return 2;
  }
  if (v.synth !== undefined && v["no-synth"]) {
    err.write(`cdktf-clickpipes guard: --synth and --no-synth exclude each other\n${USAGE}\n`);
    return 2;
  }
  if (v.json && v.markdown) {
    err.write(`cdktf-clickpipes guard: --json and --markdown exclude each other\n${USAGE}\n`);
    return 2;
  }
  const options = reportOptions(v, Boolean(v.markdown));
  if (typeof options === "string") {
    err.write(`cdktf-clickpipes guard: ${options}\n${USAGE}\n`);
    return 2;
  }
  let synth: SynthIndex | undefined;
  const synthDir = v["no-synth"] ? undefined : (v.synth ?? (fs.existsSync(DEFAULT_SYNTH_DIR) ? DEFAULT_SYNTH_DIR : undefined));
  if (synthDir !== undefined) {
    try {
      synth = readSynthIndex(synthDir);
    } catch (e) {
      if (!(e instanceof SynthIndexError)) throw e;
      err.write(`cdktf-clickpipes guard: --synth ${escapeLine(e.message)}\n`);
      return 2;
    }
  }
  let allow: string[];
  try {
    allow = collectAllowances(v.allow, v["allow-file"]);
  } catch (e) {
    if (!(e instanceof AllowFileError)) throw e;
    err.write(`cdktf-clickpipes guard: ${escapeLine(e.message)}\n`);
    return 2;
  }
  const report: { file: string; stack?: string; verdicts: readonly Verdict[] }[] = [];
  const guarded: GuardedPlan[] = [];
  for (const file of parsed.positionals) {
    try {
      const plan = readPlanFile(file);
      const r = guardPlan(plan, { allow, synth });
      if (synth && !r.stack && plan.resourceChanges.some((c) => c.mode === "managed")) {
        err.write(`cdktf-clickpipes guard: warning: ${escapeLine(file)}: cannot tell which stack of ${synth.dir} it is of (its addresses are not there); constructs recognised from addresses\n`);
      }
      report.push({ file, ...(r.stack ? { stack: r.stack } : {}), verdicts: r.verdicts });
      guarded.push({ file, result: r });
    } catch (e) {
      if (e instanceof PlanFormatError) {
        err.write(`cdktf-clickpipes guard: ${escapeLine(e.message)}\n`);
        return 2;
      }
      throw e;
    }
  }
  const all = report.flatMap((r) => r.verdicts);
  const blocking = all.filter((x) => x.level === "BLOCK" && !x.allowed);
  const warnings = all.filter((x) => x.level === "WARN");
  const stale = staleAllowances(
    allow,
    report.flatMap((r) => r.verdicts.map((x) => (x.stack === undefined && r.stack !== undefined ? { ...x, stack: r.stack } : x))),
  );
  const constructs = synth ? `synth output ${synth.dir}` : "addresses (no synth output)";
  const doc = guardReviewDoc(guarded, { staleAllowances: stale });
  if (options.fullReport !== undefined) {
    const problem = writeTextFileAtomic(options.fullReport, formatComment(doc, { full: true, measure: "bytes" }));
    if (problem) {
      err.write(`cdktf-clickpipes guard: --full-report ${escapeLine(options.fullReport)}: ${problem}\n`);
      return 2;
    }
  }
  if (v.json) {
    out.write(jsonText({ blocked: blocking.length > 0, constructsFrom: synth ? "synth" : "address", synth: synth?.dir ?? null, plans: report, staleAllowances: stale }) + "\n");
  } else if (v.markdown) {
    out.write(formatComment(doc, options.comment));
  } else {
    const lines: string[] = [];
    for (const r of report) {
      if (r.verdicts.length === 0) continue;
      lines.push(`plan ${r.file}${r.stack ? ` (stack ${r.stack})` : ""}:`);
      for (const x of r.verdicts) lines.push(`  ${verdictText(x)}`);
    }
    const warned = warnings.length ? `; ${count(warnings.length, "warning")}` : "";
    lines.push(
      blocking.length > 0
        ? `guard: ${count(blocking.length, "change")} would break a running ClickPipe${warned}; if deliberate, allow with --allow-file or --allow [<stack>:]<address> (constructs from ${constructs})`
        : `guard: nothing breaks a running ClickPipe in ${count(report.length, "plan")}${warned} (constructs from ${constructs})`,
    );
    for (const a of stale) lines.push(staleLine(a));
    out.write(lines.map(escapeLine).join("\n") + "\n");
  }
  return blocking.length > 0 ? 1 : 0;
}

export const GUARD_COMMAND: CommandModule = {
  run: (a) => runGuard(a),
};
