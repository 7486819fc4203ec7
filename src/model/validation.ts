/**
 * Validation as rule tables (one tree under `rules/`: source, AWS, pipe and app rules): each rule is a
 * small pure function over the spec that returns findings; every finding prints as one line naming
 * the field, the bad value and what is allowed. Errors stop synthesis before anything is written;
 * warnings become cdktf warning annotations (see `validate.ts`). Nothing here keeps state.
 */

export enum Severity {
  ERROR = "error",
  WARNING = "warning",
}

/** What a rule reports: the field (path inside the source spec), the bad value, what is allowed. */
export interface RuleFinding {
  readonly field: string;
  readonly value: unknown;
  readonly allowed: string;
  /** @default Severity.ERROR */
  readonly severity?: Severity;
  /**
   * The source the finding is about, for rules that check several sources at once (the app rules).
   * @default - the name of the spec the rule ran on
   */
  readonly source?: string;
}

/** A finding with the rule and source it belongs to. */
export interface Finding extends Required<RuleFinding> {
  readonly rule: string;
  /** Name of the source (or "?" when the name itself is missing). */
  readonly source: string;
}

/** One entry of a rule table. */
export interface Rule<S> {
  /** Stable id, printed with every finding (`[cidr]`). */
  readonly id: string;
  /** One sentence: what the rule enforces. */
  readonly summary: string;
  readonly check: (spec: S) => readonly RuleFinding[];
}

function showValue(value: unknown): string {
  if (value === undefined) return "(missing)";
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
}

/** The one line a finding prints as. */
export function formatFinding(f: Finding): string {
  return `${f.severity}: source "${f.source}": ${f.field} = ${showValue(f.value)} is not allowed: ${f.allowed} [${f.rule}]`;
}

/** Node's `util.inspect.custom` (a registered symbol: no import of node:util in the pure model). */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * Thrown when a spec has errors; its message holds one line per error. Printed by Node (an uncaught
 * throw in a team's own app, `console.log`) or by cdktf, it shows as `ValidationError:` and those
 * lines only: its inspected form and its stack are its message, with no frames and no `findings:`
 * dump (the findings stay readable as the `findings` property).
 */
export class ValidationError extends Error {
  /** The errors, one per line of the message (not enumerable: Node's uncaught-error print skips it). */
  declare readonly findings: readonly Finding[];

  constructor(findings: readonly Finding[]) {
    super(findings.map(formatFinding).join("\n"));
    Object.defineProperty(this, "name", { value: "ValidationError", enumerable: false, writable: true, configurable: true });
    Object.defineProperty(this, "findings", { value: findings, enumerable: false });
    // A user's mistake, not the library's: the "stack" Node prints for an uncaught throw is the
    // message alone, without frames into this library.
    Object.defineProperty(this, "stack", { value: `${this.name}: ${this.message}`, enumerable: false, writable: true, configurable: true });
  }

  /** The inspected form: the name and the message, one finding per line. */
  [INSPECT](): string {
    return `${this.name}: ${this.message}`;
  }
}

/** Run every rule over the spec. A rule that throws on garbage input counts as an error of its own. */
export function runRules<S extends { readonly name?: unknown }>(spec: S, rules: readonly Rule<S>[]): Finding[] {
  const source = typeof spec?.name === "string" && spec.name !== "" ? spec.name : "?";
  const findings: Finding[] = [];
  for (const rule of rules) {
    let found: readonly RuleFinding[];
    try {
      found = rule.check(spec);
    } catch (e) {
      found = [{ field: "(spec)", value: String((e as Error).message ?? e), allowed: "a spec of the documented shape" }];
    }
    for (const f of found) {
      findings.push({ rule: rule.id, source: f.source ?? source, severity: f.severity ?? Severity.ERROR, field: f.field, value: f.value, allowed: f.allowed });
    }
  }
  return findings;
}
