/**
 * One summary of a set of verdicts for every review tool: the counts and the headline. `diff`,
 * `guard`, `run-task` and the PR comment each frame it for their medium (a CLI's last line, a run
 * task message, a Markdown paragraph), with the same words.
 */
import { count } from "../util/words";
import { isAllowed, isBlocking, Verdict } from "./change";

export interface VerdictSummary {
  /** BLOCK verdicts no allowance names (the review fails). */
  readonly blocking: readonly Verdict[];
  readonly blocked: number;
  /** BLOCK verdicts named by an allowance. */
  readonly allowed: number;
  readonly warnings: number;
  /**
   * The headline: `N changes would break a running ClickPipe` when something blocks, else
   * `nothing breaks a running ClickPipe`.
   */
  readonly headline: string;
}

/** The headline for `n` blocking changes. */
export function breaksHeadline(n: number): string {
  return n > 0 ? `${count(n, "change")} would break a running ClickPipe` : "nothing breaks a running ClickPipe";
}

/** Count the verdicts and say what they mean. */
export function summarize(verdicts: readonly Verdict[]): VerdictSummary {
  const blocking = verdicts.filter(isBlocking);
  return {
    blocking,
    blocked: blocking.length,
    allowed: verdicts.filter(isAllowed).length,
    warnings: verdicts.filter((v) => v.level === "WARN").length,
    headline: breaksHeadline(blocking.length),
  };
}

/** Order for a list of verdicts: blocking, then allowed, then warnings. */
export const verdictRank = (v: Verdict): number => (isBlocking(v) ? 0 : v.level === "BLOCK" ? 1 : 2);
