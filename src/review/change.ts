/**
 * The shapes every review tool shares (`diff`, `guard`, `run-task`, the PR comment): a resource
 * change as the verdict rules read it, a verdict, and the words and symbols for an action. One
 * definition of each: the plan's own change types (`guard/plan.ts`) are Terraform's, not these.
 */
import { isObject as isRecord } from "../model/json";

/** What happens to a resource, as the review tools say it. */
export type ChangeAction = "create" | "update" | "replace" | "delete";

/** An action in words (text, Markdown and the comment alike). */
export const ACTION_WORDS: Readonly<Record<ChangeAction, string>> = { create: "create", update: "update in place", replace: "replace", delete: "destroy" };

/** An action as Terraform's plan output marks it. */
export const SYMBOL: Readonly<Record<ChangeAction, string>> = { create: "+", update: "~", replace: "-/+", delete: "-" };

/** A change of a Terraform meta-argument (or other non-attribute key) of a resource block. */
export interface MetaChange {
  /** `count`, `for_each`, `provider`, `depends_on`, `lifecycle`, `provisioner`, `connection`, ... */
  readonly key: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface ResourceChange {
  /** Stack name (the stack folder's name), when known. */
  readonly stack?: string;
  /** Terraform address, e.g. `postgresql_role.orders-db_User_Role_99178045`. */
  readonly address: string;
  /** Resource type. */
  readonly type: string;
  readonly action: ChangeAction;
  /** Attribute values before (plan: `before`; diff: the base config JSON). */
  readonly before?: Record<string, unknown>;
  /** Attribute values after (plan: `after`; diff: the head config JSON). */
  readonly after?: Record<string, unknown>;
  /** Construct path from the synth metadata (`//`.metadata.path, stack name first), when known: a hint. */
  readonly constructPath?: string;
  /** The other side's construct path (diff: base's, when head's differs): a hint too. */
  readonly baseConstructPath?: string;
  /** Meta-argument changes (diff only: a plan carries none). */
  readonly meta?: readonly MetaChange[];
  /** Why the action, when not from the attributes (e.g. `count = 0`). */
  readonly reason?: string;
  /** A plan imports the object into this address (`change.importing`). */
  readonly importing?: boolean;
  /** A plan moves the object from this address (`previous_address`). */
  readonly previousAddress?: string;
  /** A plan drops the object from state and leaves it in place (`forget`, from a `removed` block with `destroy = false`). */
  readonly forgetting?: boolean;
  /** A data source (judged only for its provider). @default "managed" */
  readonly mode?: "managed" | "data";
}

export type VerdictLevel = "BLOCK" | "WARN";

/** A BLOCK or WARN verdict: of a rule of `RULES`, or a tool's own stack-level rule. */
export interface Verdict {
  readonly level: VerdictLevel;
  /** Rule id (a row of `RULES`). */
  readonly rule: string;
  /** The stack of the address, when known. */
  readonly stack?: string;
  /** The resource address (or the stack name, for a stack-level verdict). */
  readonly address: string;
  /** One line: what happens and why it matters. */
  readonly message: string;
  /** Tables concerned (`schema.table`), for the table rules. */
  readonly tables?: readonly string[];
  /** True when `--allow` names the address: reported, not blocking. */
  readonly allowed?: boolean;
}

/** A BLOCK verdict no allowance names: it fails the review. */
export const isBlocking = (v: Verdict): boolean => v.level === "BLOCK" && !v.allowed;

/** A BLOCK verdict an allowance names: reported, not failing. */
export const isAllowed = (v: Verdict): boolean => v.level === "BLOCK" && v.allowed === true;

/**
 * Attribute paths whose values differ (nested objects walked, a one-element block list read as its
 * element; names only, never values). An attribute missing after the change is not listed: in a
 * plan it is a value unknown until apply (ids, computed state), not a setting.
 */
export function changedAttributes(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string, depth: number) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (Array.isArray(a) && a.length === 1 && Array.isArray(b) && b.length === 1) return walk(a[0], b[0], path, depth);
    if (depth < 6 && isRecord(a) && isRecord(b)) {
      for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) walk(a[k], b[k], path ? `${path}.${k}` : k, depth + 1);
      return;
    }
    if (b === undefined) return;
    out.push(path);
  };
  walk(before ?? {}, after ?? {}, "", 0);
  return out;
}
