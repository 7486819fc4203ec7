/**
 * `guard`'s plans in the review tools' shared shape (src/review/model.ts), for the one Markdown
 * formatter `diff` uses too: one section per plan (named by its stack when the synth output tells,
 * otherwise by its file), one item per changed resource with its verdicts.
 */
import type { ReviewDoc, ReviewItem, ReviewStack } from "../review/model";
import { ACTION_WORDS, changedAttributes, isBlocking, ResourceChange } from "../review/change";
import { summarize } from "../review/summary";
import type { GuardResult } from "./guard";
import { groupBy } from "../util/group";
import type { Verdict } from "../review/change";

/** One plan's result, as `guard` read it. */
export interface GuardedPlan {
  readonly file: string;
  readonly result: GuardResult;
}

/**
 * The attributes whose value differs between before and after, by name only (a plan's values may be
 * secrets the plan does not mark; `diff` shows values, the guard names what changed).
 */
function changedLines(c: ResourceChange): string[] {
  if (c.action !== "update" && c.action !== "replace") return [];
  const changed = changedAttributes(c.before, c.after);
  return changed.length > 0 ? [`changed: ${changed.join(", ")}`] : [];
}

/** Build the shared report of `guard`'s plans. */
export function guardReviewDoc(plans: readonly GuardedPlan[], opts: { readonly staleAllowances: readonly string[] }): ReviewDoc {
  const sections: ReviewStack[] = plans.map(({ file, result }) => {
    const byAddress = groupBy(result.verdicts, (v) => v.address);
    const addresses = new Set(result.changes.map((c) => c.address));
    const items: ReviewItem[] = result.changes
      .map((c) => ({
        address: c.address,
        type: c.type,
        ...(c.constructPath !== undefined ? { constructPath: c.constructPath } : {}),
        action: c.action,
        why: c.reason ? `${ACTION_WORDS[c.action]}: ${c.reason}` : ACTION_WORDS[c.action],
        changes: changedLines(c),
        verdicts: byAddress.get(c.address) ?? [],
      }))
      .map((it) => ({ it, blocked: it.verdicts.some(isBlocking) }))
      .sort((a, b) => Number(b.blocked) - Number(a.blocked) || (a.it.address < b.it.address ? -1 : a.it.address > b.it.address ? 1 : 0))
      .map((x) => x.it);
    return {
      name: result.stack ?? file,
      status: result.stack ? `plan ${file}` : "plan (stack not known)",
      blocked: result.blocking.length > 0,
      verdicts: result.verdicts.filter((v) => !addresses.has(v.address)),
      items,
      notes: [],
      pipe: [],
    };
  });
  // Plans with nothing to show (no change, no verdict) have no section.
  const stacks = sections.filter((s) => s.items.length > 0 || s.verdicts.length > 0);
  const summary = summarize(plans.flatMap((p) => p.result.verdicts));
  const changes = plans.flatMap((p) => p.result.changes);
  const n = (a: ResourceChange["action"]) => changes.filter((c) => c.action === a).length;
  return {
    tool: "guard",
    subject: `${plans.length === 1 ? "plan" : "plans"} ${plans.map((p) => p.file).join(", ")}`,
    blocked: summary.blocked > 0,
    counts: {
      stacksChanged: stacks.length,
      stacksAdded: 0,
      stacksRemoved: 0,
      create: n("create"),
      update: n("update"),
      replace: n("replace"),
      delete: n("delete"),
      blocked: summary.blocked,
      allowed: summary.allowed,
      warnings: summary.warnings,
    },
    stacks: stacks.sort((a, b) => Number(b.blocked) - Number(a.blocked)),
    staleAllowances: opts.staleAllowances,
  };
}

/** One plan of `guard --json`: its file, its stack when the synth output tells, its verdicts. */
export interface GuardPlanReport {
  /** The plan file as given. */
  readonly file: string;
  /** The stack the plan is of, when the synth output tells (`--synth`). */
  readonly stack?: string;
  readonly verdicts: readonly Verdict[];
}

/** What `cdktf-clickpipes guard --json` prints (schemas/guard-report.schema.json). */
export interface GuardReport {
  /** True when a BLOCK verdict is not allowed: the exit code is 1. */
  readonly blocked: boolean;
  /** Where constructs were recognised from: the synth output, or the addresses alone. */
  readonly constructsFrom: "synth" | "address";
  /** The synth output folder read, or null without one. */
  readonly synth: string | null;
  /** One entry per plan file, in the order given. */
  readonly plans: readonly GuardPlanReport[];
  /** Allowances (`--allow`, `--allow-file`) that allowed nothing, as `[<stack>:]<address>`. */
  readonly staleAllowances: readonly string[];
}
