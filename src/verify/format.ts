/** Human output of `cdktf-clickpipes verify`. */
import { describeTarget } from "../pg/connection";
import { VerifyReport } from "./types";

/** Width of the check id column. */
const ID_WIDTH = 22;

/**
 * One line per check (`PASS  wal_level   wal_level is logical`), an indented `fix:` line under
 * each WARN and FAIL, then a summary line.
 */
export function formatReport(report: VerifyReport): string {
  const lines: string[] = [];
  const tables = report.tables.length;
  lines.push(`verify ${describeTarget(report.target)} (PostgreSQL ${report.serverVersion}), publication ${report.publication ?? "(none)"}, ${tables} table${tables === 1 ? "" : "s"}`);
  for (const c of report.checks) {
    lines.push(`${c.status.padEnd(4)}  ${c.id.padEnd(ID_WIDTH)} ${c.reason}`);
    if (c.fix) lines.push(`${" ".repeat(6 + ID_WIDTH + 1)}fix: ${c.fix}`);
  }
  const s = report.summary;
  lines.push(`${report.ok ? "OK" : "FAILED"}: ${s.pass} passed, ${s.warn} warning${s.warn === 1 ? "" : "s"}, ${s.fail} failed, ${s.skip} skipped`);
  return lines.join("\n") + "\n";
}
