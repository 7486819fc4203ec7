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
import { escapeLine, jsonText } from "../internal/markdown";
import { AllowFileError, collectAllowances } from "./allow";
import type { CommandModule } from "./main";

const USAGE = "usage: cdktf-clickpipes guard <plan.json>... [--synth <cdktf.out>|--no-synth] [--allow [<stack>:]<address>]... [--allow-file <file>] [--json]";

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
  for (const file of parsed.positionals) {
    try {
      const plan = readPlanFile(file);
      const r = guardPlan(plan, { allow, synth });
      if (synth && !r.stack && plan.resourceChanges.some((c) => c.mode === "managed")) {
        err.write(`cdktf-clickpipes guard: warning: ${escapeLine(file)}: cannot tell which stack of ${synth.dir} it is of (its addresses are not there); constructs recognised from addresses\n`);
      }
      report.push({ file, ...(r.stack ? { stack: r.stack } : {}), verdicts: r.verdicts });
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
  if (v.json) {
    out.write(jsonText({ blocked: blocking.length > 0, constructsFrom: synth ? "synth" : "address", synth: synth?.dir ?? null, plans: report, staleAllowances: stale }) + "\n");
  } else {
    for (const r of report) {
      for (const x of r.verdicts) {
        const tag = x.level === "WARN" ? "WARN    " : x.allowed ? "ALLOWED " : "BLOCKED ";
        out.write(`${escapeLine(`${tag} ${r.file}${r.stack ? ` (${r.stack})` : ""}: ${x.address} [${x.rule}] ${x.message}`)}\n`);
      }
    }
    const warned = warnings.length ? `; ${warnings.length} warning(s)` : "";
    out.write(
      blocking.length > 0
        ? `guard: ${blocking.length} change(s) would break a running ClickPipe${warned}; if deliberate, re-run with --allow <address> (constructs from ${escapeLine(constructs)})\n`
        : `guard: nothing breaks a running ClickPipe in ${report.length} plan(s)${warned} (constructs from ${escapeLine(constructs)})\n`,
    );
    for (const a of stale) out.write(`${escapeLine(staleLine(a))}\n`);
  }
  return blocking.length > 0 ? 1 : 0;
}

export const GUARD_COMMAND: CommandModule = {
  run: (a) => runGuard(a),
};
