/**
 * A guard result as a run task result: `failed` when a change breaks a running ClickPipe (a BLOCK
 * verdict not allowed), `passed` otherwise; a message within `MESSAGE_MAX` naming the blocked
 * addresses (cut to fit, with how many were left out) and one outcome per verdict.
 */
import { guardPlan } from "../guard/guard";
import { parsePlan } from "../guard/plan";
import type { Verdict } from "../review/change";
import { breaksHeadline, summarize } from "../review/summary";
import { count } from "../util/words";
import { clip, DESCRIPTION_MAX, MESSAGE_MAX, Outcome, OUTCOMES_MAX, TaskStatus } from "./protocol";

export interface TaskResult {
  readonly status: TaskStatus;
  readonly message: string;
  readonly outcomes: readonly Outcome[];
  readonly blocked: number;
  readonly allowed: number;
  readonly warnings: number;
  readonly changes: number;
}

const plural = count;

/** `head` then as many `names` as fit in `max` characters, then "(+N more)". */
export function namesWithin(head: string, names: readonly string[], max: number): string {
  let out = head;
  for (let i = 0; i < names.length; i++) {
    const sep = i === 0 ? ": " : ", ";
    const rest = names.length - i - 1;
    // Room for this name and, when names follow, the "(+N more)" a later cut would need.
    const reserve = rest > 0 ? ` (+${rest} more)`.length : 0;
    if (out.length + sep.length + names[i].length + reserve > max) {
      const more = ` (+${names.length - i} more)`;
      return out.length + more.length <= max ? out + more : clip(out, max);
    }
    out += sep + names[i];
  }
  return out;
}

const TAG: Record<string, { label: string; level: "error" | "info" | "warning" }> = {
  BLOCK: { label: "Blocked", level: "error" },
  ALLOWED: { label: "Allowed", level: "info" },
  WARN: { label: "Warning", level: "warning" },
};

function outcome(v: Verdict): Outcome {
  const kind = v.level === "WARN" ? "WARN" : v.allowed ? "ALLOWED" : "BLOCK";
  return {
    "outcome-id": clip(`${v.rule}:${v.address}`, DESCRIPTION_MAX),
    description: clip(`${v.address}: ${v.message}`, DESCRIPTION_MAX),
    tags: { Status: [TAG[kind]], Rule: [{ label: v.rule }] },
  };
}

/** Judge plan JSON text (the same parser and rules as `cdktf-clickpipes guard`). Throws `PlanFormatError`. */
export function judgePlanText(text: string, allow: readonly string[]): TaskResult {
  const plan = parsePlan(text, "plan JSON");
  const r = guardPlan(plan, { allow });
  const { allowed, warnings } = summarize(r.verdicts);
  const changes = plan.resourceChanges.filter((c) => c.mode === "managed" && !c.actions.every((a) => a === "no-op" || a === "read")).length;
  const extra = [allowed ? `${allowed} allowed` : "", warnings ? plural(warnings, "warning") : ""].filter(Boolean).join(", ");
  const suffix = extra ? `; ${extra}` : "";
  let message: string;
  if (r.blocking.length > 0) {
    const head = `${breaksHeadline(r.blocking.length)}${suffix}`;
    message = namesWithin(head, [...new Set(r.blocking.map((v) => v.address))], MESSAGE_MAX);
  } else {
    const nothing = breaksHeadline(0);
    message = clip(`${nothing[0]!.toUpperCase()}${nothing.slice(1)} (${plural(changes, "change")} checked${suffix})`, MESSAGE_MAX);
  }
  // Verdicts come blocked first, then allowed, then warnings (guardPlan's order): a cut keeps the blocked.
  const outcomes = r.verdicts.slice(0, OUTCOMES_MAX).map(outcome);
  return { status: r.blocking.length > 0 ? "failed" : "passed", message, outcomes, blocked: r.blocking.length, allowed, warnings, changes };
}
