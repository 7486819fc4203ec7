/**
 * What `diff` and `guard` report, in one shape for one Markdown formatter (`comment.ts`) and one
 * text line per verdict (`verdictText`). `diff` builds it from two synth outputs (src/diff/report.ts),
 * `guard` from plans (src/cli/guard.ts). Values here are raw (from input a pull request controls):
 * every renderer escapes them for its medium.
 */
import { isBlocking, type ChangeAction, type Verdict } from "./change";
import { isBoilerplate } from "../util/sql-boilerplate";

/** A resource's action (the review tools' one `ChangeAction`). */
export type ReviewAction = ChangeAction;

/** One changed resource. */
export interface ReviewItem {
  /** Terraform address: the identity. */
  readonly address: string;
  readonly type: string;
  /** Construct path from the metadata (a hint), stack name first. */
  readonly constructPath?: string;
  readonly action: ReviewAction;
  /** The action in words, e.g. `update in place`, `replace (tables)`. */
  readonly why: string;
  /** Changed attributes, one line each (secrets already `(sensitive)`). */
  readonly changes: readonly string[];
  /** SQL the change runs, statement by statement (a statement may span lines). */
  readonly sql?: readonly string[];
  readonly verdicts: readonly Verdict[];
}

/** One stack (diff) or one plan (guard). */
export interface ReviewStack {
  /** The stack's name (its folder), or the plan file when the stack is not known. */
  readonly name: string;
  /** `changed`, `added`, `removed` (diff); `plan <file>` (guard). */
  readonly status: string;
  /** Some verdict blocks (not allowed). */
  readonly blocked: boolean;
  /** Verdicts of the stack outside its resources (configuration, a removed stack). */
  readonly verdicts: readonly Verdict[];
  /** Blocked first, then by address. */
  readonly items: readonly ReviewItem[];
  /** Other changes, one line each: variables, outputs, providers, changes without effect. */
  readonly notes: readonly string[];
  /** What the ClickPipe will do. */
  readonly pipe: readonly string[];
}

export interface ReviewCounts {
  readonly stacksChanged: number;
  readonly stacksAdded: number;
  readonly stacksRemoved: number;
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly delete: number;
  /** BLOCK verdicts not allowed. */
  readonly blocked: number;
  /** BLOCK verdicts named by an allowance. */
  readonly allowed: number;
  readonly warnings: number;
}

export interface ReviewDoc {
  readonly tool: "diff" | "guard";
  /** What was compared: `base -> head`, or the plan files. */
  readonly subject: string;
  readonly blocked: boolean;
  readonly counts: ReviewCounts;
  /** Stacks with something to show (unchanged stacks left out). */
  readonly stacks: readonly ReviewStack[];
  readonly staleAllowances: readonly string[];
}

export { isBlocking };
const levelWord = (v: Verdict) => (v.level === "BLOCK" && v.allowed ? "ALLOWED" : v.level);

export { count } from "../util/words";

/**
 * Where a verdict is, as an allowance names it: `stack:address`, or the address alone when the
 * stack is not known (so a line can be copied into an allow file).
 */
export const verdictWhere = (v: Verdict): string => (v.stack !== undefined && v.stack !== v.address ? `${v.stack}:${v.address}` : v.address);

/**
 * One verdict on one line, the same in `diff` and `guard`: `LEVEL [rule] stack:address: message`
 * (LEVEL is BLOCK, ALLOWED or WARN). Raw: the caller escapes the line for its medium.
 */
export function verdictText(v: Verdict): string {
  return `${levelWord(v)} [${v.rule}] ${verdictWhere(v)}: ${v.message}`;
}

export { levelWord };

/**
 * A construct path as the reader knows it: `source › path in the source` (a trailing repeat such as
 * `Publication/Publication` once), from the metadata path `<stack>/<source>/...`. Undefined when
 * there is none. A hint from the input: never an identity.
 */
export function constructLabel(constructPath: string | undefined): string | undefined {
  const rel = relativePath(constructPath);
  if (!rel) return undefined;
  return rel.path ? `${rel.source} › ${rel.path}` : rel.source;
}

/** The construct path without its stack and source (`Publication`), for grouping across stacks. */
export function relativePath(constructPath: string | undefined): { source: string; path: string } | undefined {
  if (!constructPath) return undefined;
  const parts = constructPath.split("/").slice(1);
  if (parts.length === 0) return undefined;
  const [source, ...rest] = parts;
  if (rest.length >= 2 && rest[rest.length - 1] === rest[rest.length - 2]) rest.pop();
  return { source: source!, path: rest.join("/") };
}

/**
 * The statements that change the database, the provider's boilerplate folded away: what the SQL
 * renderer tagged as such (BEGIN/COMMIT, `SET LOCAL statement_timeout`, the role-lock and
 * quiet-logging DO blocks: src/util/sql-boilerplate.ts), and the comments that open a resource's
 * block (which provider function it mirrors). `folded` counts what was left out.
 * When nothing but boilerplate is there, every statement is kept.
 */
export function foldSql(sql: readonly string[]): { statements: string[]; folded: number } {
  const statements: string[] = [];
  let leading = true;
  let folded = 0;
  for (const s of sql) {
    const comment = s.startsWith("--");
    if (!comment) leading = false;
    if ((leading && comment) || isBoilerplate(s)) {
      folded++;
      continue;
    }
    statements.push(s);
  }
  return statements.length === 0 ? { statements: [...sql], folded: 0 } : { statements, folded };
}
