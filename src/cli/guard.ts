/**
 * `cdktf-clickpipes guard <plan.json>...`: exit 1 when a plan deletes or replaces something whose
 * loss breaks a running pipe, 0 otherwise, 2 when called wrongly or a file is not a plan.
 */
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { guardPlan, GuardFinding } from "../guard/guard";
import { parsePlan, PlanFormatError } from "../guard/plan";
import type { Command } from "./main";

const USAGE = "usage: cdktf-clickpipes guard <plan.json>... [--allow <address>]... [--json]";

export async function runGuard(args: string[], out = process.stdout, err = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { allow: { type: "string", multiple: true }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  } catch (e) {
    err.write(`cdktf-clickpipes guard: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    out.write(USAGE + "\n");
    return 0;
  }
  if (parsed.positionals.length === 0) {
    err.write(`cdktf-clickpipes guard: no plan file given\n${USAGE}\n`);
    return 2;
  }
  const allow = (parsed.values.allow ?? []).flatMap((a) => a.split(",")).map((a) => a.trim()).filter(Boolean);
  const report: { file: string; findings: readonly GuardFinding[] }[] = [];
  for (const file of parsed.positionals) {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (e) {
      err.write(`cdktf-clickpipes guard: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
    try {
      report.push({ file, findings: guardPlan(parsePlan(text, file), allow).findings });
    } catch (e) {
      if (e instanceof PlanFormatError) {
        err.write(`cdktf-clickpipes guard: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }
  const blocking = report.flatMap((r) => r.findings.filter((f) => !f.allowed).map((f) => ({ ...f, file: r.file })));
  if (parsed.values.json) {
    out.write(JSON.stringify({ blocked: blocking.length > 0, plans: report }, null, 2) + "\n");
  } else {
    for (const r of report) {
      for (const f of r.findings) {
        out.write(`${f.allowed ? "ALLOWED" : "BLOCKED"}  ${r.file}: ${f.kind} ${f.address} (${f.protectedBy}): ${f.why}\n`);
      }
    }
    out.write(
      blocking.length > 0
        ? `guard: ${blocking.length} change(s) would break a running ClickPipe; if deliberate, re-run with --allow <address>\n`
        : `guard: no protected resource is deleted or replaced in ${report.length} plan(s)\n`,
    );
  }
  return blocking.length > 0 ? 1 : 0;
}

export const GUARD_COMMAND: Command = {
  summary: "fail when a plan (terraform show -json) deletes or replaces what a running pipe needs",
  run: (a) => runGuard(a),
};
