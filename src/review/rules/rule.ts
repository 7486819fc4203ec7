/**
 * What a family of review rules is (the rule files beside this one, one per resource family, as
 * `src/model/rules` holds one validation rule per file) and the helpers they share.
 */
import type { ResourceChange, VerdictLevel } from "../change";

/** One rule of the guard and the diff. */
export interface Rule {
  readonly id: string;
  readonly level: VerdictLevel;
  /** The change, in words (docs/tools/guard.md "what"). */
  readonly what: string;
  /** What it does to a running pipe (docs/tools/guard.md "why"). */
  readonly why: string;
}

export const rule = (id: string, level: VerdictLevel, what: string, why: string): Rule => ({ id, level, what, why });

/** What a family's check gets besides the change. */
export interface JudgeContext {
  /** Add a verdict of rule `id` on the change being judged. */
  push(id: string, message: string, tables?: readonly string[]): void;
  /** The `why` of a rule (for messages). */
  why(id: string): string;
  /** Every change judged in this run and the resources it leaves unchanged (for rules that look across resources). */
  readonly all: { readonly changes: readonly ResourceChange[]; readonly unchanged: readonly ResourceChange[] };
  /** A value computed once per run (e.g. the ingress rules that remain). */
  memo<T>(key: string, make: () => T): T;
}

/** A family of rules: its rules and the construct-ID entry keys it judges. */
export interface RuleFamily {
  readonly rules: readonly Rule[];
  /**
   * Construct keys whose deletion or replacement is a BLOCK of a rule of this family, with what the
   * construct is called in the message (`<label> deleted: <why>`).
   */
  readonly loss?: Readonly<Record<string, { readonly rule: string; readonly label: string }>>;
  /** Construct keys `check` judges. */
  readonly keys?: ReadonlySet<string>;
  /**
   * Judge a change of a resource whose construct key is one of `keys`. Returns true when the loss
   * rules must not look at it (the check said all there is).
   */
  check?(c: ResourceChange, key: string, ctx: JudgeContext): boolean | void;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
export { isRecord };
export { attr } from "../pipe-json";

export const truthy = (v: unknown): boolean => v === true || v === "true";
export const numberOf = (v: unknown): number | undefined => (typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : undefined);
export const show = (v: unknown): string => (v === undefined ? "(unset)" : JSON.stringify(v));
export const list = (xs: readonly string[]): string => xs.join(", ");

/** Elements of `a` not in `b`, each once, sorted. */
export const setMinus = (a: readonly string[], b: readonly string[]): string[] => {
  const bs = new Set(b);
  return [...new Set(a.filter((x) => !bs.has(x)))].sort();
};

/** `deleted` or `replaced`, with the reason when the action is not from the attributes. */
export const lossVerb = (c: ResourceChange): string => `${c.action === "delete" ? "deleted" : "replaced"}${c.reason ? ` (${c.reason})` : ""}`;
