/**
 * The verdicts shared by `cdktf-clickpipes guard` (a Terraform plan), `diff` (two synth outputs)
 * and `run-task`: which changes break a running ClickPipe (BLOCK) and which a reviewer should see
 * (WARN). A resource is judged by the construct that declared it (see `declared.ts`): from its
 * address first, then its metadata path, then its type (a publication is protected whatever its
 * metadata says); resources no construct of ours declared get only the verdicts every resource gets
 * (provisioners, provider changes, meta-arguments). The metadata and the stack name in the JSON
 * are hints: a disagreement between a metadata path and the address is itself reported.
 *
 * The rules live in `rules/`, one file per resource family; `RULES` is the pack (the rule table of
 * docs/tools/guard.md is checked against it). This file runs them.
 */
import { identify } from "./declared";
import type { ResourceChange, Verdict } from "./change";
import { CHECKED, ConfigChange, judgeManagedPostgres, judgeMeta, judgeReplaceTriggers, judgeRestart, judgeState, LOSS, Rule, RULES } from "./rules";
import { clickpipesIdentity, isClickPipesRole, namesClickPipesRole } from "./identity";
import type { JudgeContext } from "./rules/rule";
import { lossVerb } from "./rules/rule";
import { attr } from "./pipe-json";

export type { ChangeAction, MetaChange, ResourceChange, Verdict, VerdictLevel } from "./change";
export { changedAttributes, isBlocking } from "./change";
export { CONFIG_RULE_IDS, knownProviderSource, RULES } from "./rules";
export type { ConfigChange, Rule } from "./rules";

export interface JudgeOptions {
  /**
   * BLOCK verdicts that are deliberate (reported with `allowed: true`): `address` (in every stack)
   * or `stack:address` (in that stack only).
   */
  readonly allow?: readonly string[];
  /**
   * Resources the change leaves as they are (plan: `no-op` entries). Only used to see that a
   * deleted ingress rule's addresses stay open through another rule.
   */
  readonly unchanged?: readonly ResourceChange[];
}

const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** The rule of an id (throws for an unknown id: a programming error). */
export function ruleById(id: string): Rule {
  const r = RULE_BY_ID.get(id);
  if (!r) throw new Error(`unknown guard rule ${id}`);
  return r;
}

/** Every construct-ID entry key some rule judges (each pipe-critical resource entry must be one). */
export const JUDGED_KEYS: ReadonlySet<string> = new Set([...LOSS.keys(), ...CHECKED.keys()]);

/** A set of allowances: `address` for every stack, `stack:address` for one. */
export function allowanceOf(allow: readonly string[] | undefined): (stack: string | undefined, address: string) => boolean {
  const set = new Set(allow ?? []);
  return (stack, address) => set.has(address) || (stack !== undefined && set.has(`${stack}:${address}`));
}

/**
 * Allowances that allowed nothing: entries of `allow` that match no allowed BLOCK verdict (a stale
 * `--allow`, or one naming a change that does not block). Reported so a forgotten allowance is
 * visible; in the order given, each once.
 */
export function staleAllowances(allow: readonly string[] | undefined, verdicts: readonly Verdict[]): string[] {
  const used = new Set<string>();
  for (const v of verdicts) {
    if (v.level !== "BLOCK" || !v.allowed) continue;
    used.add(v.address);
    if (v.stack !== undefined) used.add(`${v.stack}:${v.address}`);
  }
  return [...new Set(allow ?? [])].filter((a) => !used.has(a));
}

/**
 * One line for an allowance that allowed nothing: the same words in diff and guard. `show` renders
 * the allowance for the medium (a Markdown code span; the text caller escapes the whole line).
 */
export function staleLine(allowance: string, show: (s: string) => string = (s) => s): string {
  return `stale allowance: ${show(allowance)} allows nothing (no blocking change there); remove it`;
}

/**
 * Judge a set of changes. BLOCK verdicts named by `allow` (`address` or `stack:address`) are kept
 * with `allowed: true`. Verdicts come in the order of the changes; a caller sorts as it likes.
 */
export function judge(changes: readonly ResourceChange[], opts: JudgeOptions = {}): Verdict[] {
  const allowed = allowanceOf(opts.allow);
  const memo = new Map<string, unknown>();
  const out: Verdict[] = [];
  const all = { changes, unchanged: opts.unchanged ?? [] };
  for (const c of changes) {
    const ctx: JudgeContext = {
      push(id, message, tables) {
        const r = ruleById(id);
        const v: Verdict = { level: r.level, rule: id, ...(c.stack !== undefined ? { stack: c.stack } : {}), address: c.address, message, ...(tables ? { tables } : {}) };
        out.push(r.level === "BLOCK" && allowed(c.stack, c.address) ? { ...v, allowed: true } : v);
      },
      why: (id) => ruleById(id).why,
      all,
      memo<T>(key: string, make: () => T): T {
        if (!memo.has(key)) memo.set(key, make());
        return memo.get(key) as T;
      },
    };
    judgeState(c, ctx);
    if (c.mode === "data") continue;
    judgeMeta(c, ctx);
    judgeRestart(c, ctx);
    judgeManagedPostgres(c, ctx);
    const { construct, mismatch } = identify(c.type, c.address, [c.constructPath, c.baseConstructPath]);
    if (mismatch) ctx.push("identity-mismatch", `${mismatch}: ${ctx.why("identity-mismatch")}`);
    // Identity by what it is: the role a pipe logs in as, the grants of that role, wherever they sit.
    let key = construct?.key;
    if (key === undefined && (c.type === "postgresql_role" || c.type === "postgresql_grant")) {
      const id = ctx.memo("clickpipes-identity", () => clickpipesIdentity([...all.changes, ...all.unchanged]));
      if (isClickPipesRole(c, id)) key = "user.role";
      else if (c.type === "postgresql_grant" && [attr(c.before, "role"), attr(c.after, "role")].some((r) => namesClickPipesRole(r, c.stack, id))) key = "grants.tablesSelect";
    }
    if (key === undefined) continue;
    judgeReplaceTriggers(c, key, ctx);
    if (CHECKED.get(key)?.check?.(c, key, ctx) === true) continue;
    const loss = LOSS.get(key);
    if (loss && (c.action === "delete" || c.action === "replace")) ctx.push(loss.rule, `${loss.label} ${lossVerb(c)}: ${ctx.why(loss.rule)}`);
  }
  return out;
}

/** Judge configuration changes: each is a BLOCK of its rule unless allowed. */
export function judgeConfig(changes: readonly ConfigChange[], opts: Pick<JudgeOptions, "allow"> = {}): Verdict[] {
  const allowed = allowanceOf(opts.allow);
  return changes.map((c) => {
    const v: Verdict = { level: "BLOCK", rule: c.rule, ...(c.stack !== undefined ? { stack: c.stack } : {}), address: c.address, message: `${c.what}: ${ruleById(c.rule).why}` };
    return allowed(c.stack, c.address) ? { ...v, allowed: true } : v;
  });
}
