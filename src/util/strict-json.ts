/**
 * The one JSON parser for JSON someone else wrote (a synthesized stack, a plan, a fleet file): a
 * pull request controls its own synth output, so the JSON is read exactly or refused.
 *
 * - A key twice in one object is refused with its path (`JSON.parse` keeps the last one silently;
 *   Terraform reads both, or fails: a second `"terraform_data"` under `resource` declares more
 *   resources, a second argument is a "Duplicate argument" error).
 * - A key that names a member of `Object.prototype` (`__proto__`, `constructor`, `toString`,
 *   `hasOwnProperty`, ...) or `prototype` is refused: set on a plain object it changes the object's
 *   prototype (`__proto__`) or shadows a method every reader relies on (`String(x)`, `k in x`).
 *   No synthesized stack, plan or fleet has such a key.
 * - Nesting deeper than `maxDepth` is refused; the parser itself keeps its own stack (no recursion),
 *   and the limit keeps every recursive walk of the result (comparison, redaction) far from the
 *   engine's stack limit.
 * - Everything else is RFC 8259 JSON, as `JSON.parse` reads it; numbers become JS numbers.
 *
 * Every refusal is a `StrictJsonError` with the line and column (1-based) and, where it applies,
 * the JSON path; the message is one line, with input characters escaped.
 */
import { oneLine } from "./text-file";

/**
 * Deepest nesting read (objects and arrays). Synthesized stacks nest about 10 levels, plan JSON
 * about 20 (`resource_changes[].change.after.<block>...`); 128 leaves room for any real one.
 */
export const MAX_JSON_DEPTH = 128;

/** Keys refused in any object: members of `Object.prototype`, and `prototype`. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);

/** Why JSON was refused. */
export type StrictJsonProblem = "syntax" | "duplicate-key" | "prototype-key" | "too-deep";

/** JSON refused: `message` is one line (`line L column C: ...`). */
export class StrictJsonError extends Error {
  readonly problem: StrictJsonProblem;
  readonly line: number;
  readonly column: number;
  /** The JSON path of the refused key or value (`resource.terraform_data["a b"][0]`), when it applies. */
  readonly path?: string;
  constructor(problem: StrictJsonProblem, line: number, column: number, what: string, path?: string) {
    super(`line ${line} column ${column}: ${what}`);
    this.problem = problem;
    this.line = line;
    this.column = column;
    this.path = path;
  }
}

/** Options of `parseStrictJson`. */
export interface StrictJsonOptions {
  /**
   * Deepest nesting read.
   * @default MAX_JSON_DEPTH
   */
  readonly maxDepth?: number;
}

interface Frame {
  readonly value: Record<string, unknown> | unknown[];
  readonly isArray: boolean;
  /** The key whose value is being read (objects). */
  key: string;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const CONTROL = /[\u0000-\u001f]/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** One path segment as written in a message: `.name`, `["odd key"]` (escaped, shortened) or `[3]`. */
function segment(key: string | number): string {
  if (typeof key === "number") return `[${key}]`;
  if (IDENT.test(key) && key.length <= 64) return `.${key}`;
  const shown = key.length > 64 ? `${key.slice(0, 64)}...` : key;
  return `[${JSON.stringify(shown)}]`;
}

/** A JSON path from its segments, without the leading dot (`resource.terraform_data.x`); `(top level)` when empty. */
export function jsonPath(segments: readonly (string | number)[]): string {
  const p = segments.map(segment).join("").replace(/^\./, "");
  return p === "" ? "(top level)" : oneLine(p, 300);
}

/** Parse `text` as strict JSON. Throws `StrictJsonError` (one line, with line and column). */
export function parseStrictJson(text: string, options: StrictJsonOptions = {}): unknown {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const n = text.length;
  let i = 0;
  const stack: Frame[] = [];

  const position = (at: number): [number, number] => {
    let line = 1;
    let start = 0;
    for (let k = text.indexOf("\n"); k !== -1 && k < at; k = text.indexOf("\n", k + 1)) {
      line++;
      start = k + 1;
    }
    return [line, at - start + 1];
  };
  /** The path of the value being read (every open container's current key or index), or of a key of the innermost one. */
  const pathHere = (key?: string): string => {
    const open = key === undefined ? stack : stack.slice(0, -1);
    const segs: (string | number)[] = open.map((f) => (f.isArray ? (f.value as unknown[]).length : f.key));
    if (key !== undefined) segs.push(key);
    return jsonPath(segs);
  };
  const fail = (problem: StrictJsonProblem, at: number, what: string, path?: string): never => {
    const [line, column] = position(at);
    throw new StrictJsonError(problem, line, column, what, path);
  };
  const describe = (at: number) => (at >= n ? "end of input" : `character ${JSON.stringify(text[at])}`);
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };
  const readString = (): string => {
    const start = i; // at the opening quote
    const close = text.indexOf('"', start + 1);
    if (close === -1) return fail("syntax", start, "unterminated string");
    const body = text.slice(start + 1, close);
    if (!body.includes("\\")) {
      if (CONTROL.test(body)) fail("syntax", start + 1 + body.search(CONTROL), "control character inside a string (must be escaped)");
      i = close + 1;
      return body;
    }
    // With escapes: find the real closing quote, then let JSON.parse decode the literal.
    let k = start + 1;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === 0x5c) k += 2;
      else if (c === 0x22) break;
      else k++;
    }
    if (k >= n) return fail("syntax", start, "unterminated string");
    try {
      const s = JSON.parse(text.slice(start, k + 1)) as string;
      i = k + 1;
      return s;
    } catch {
      return fail("syntax", start, "invalid string (bad escape or control character)");
    }
  };
  const readKey = (f: Frame) => {
    ws();
    if (text.charCodeAt(i) !== 0x22) fail("syntax", i, `expected a key in double quotes, found ${describe(i)}`);
    const at = i;
    const key = readString();
    if (PROTOTYPE_KEYS.has(key)) {
      const path = pathHere(key);
      fail("prototype-key", at, `key ${JSON.stringify(key)} at ${path} is refused (it names a member of every JavaScript object)`, path);
    }
    if (Object.prototype.hasOwnProperty.call(f.value, key)) {
      const path = pathHere(key);
      fail("duplicate-key", at, `duplicate key ${JSON.stringify(key)} at ${path} (JSON.parse keeps only the last; Terraform reads both or fails)`, path);
    }
    ws();
    if (text.charCodeAt(i) !== 0x3a) fail("syntax", i, `expected ":" after a key, found ${describe(i)}`);
    i++;
    f.key = key;
  };
  const literal = (word: string, value: unknown): unknown => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return fail("syntax", i, `unexpected ${describe(i)}`);
  };

  for (;;) {
    // Read one value at i.
    ws();
    const c = text.charCodeAt(i);
    let value: unknown;
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= maxDepth) fail("too-deep", i, `nesting deeper than ${maxDepth} levels`, pathHere());
      const isArray = c === 0x5b;
      i++;
      ws();
      const container: Record<string, unknown> | unknown[] = isArray ? [] : {};
      if (text.charCodeAt(i) === (isArray ? 0x5d : 0x7d)) {
        i++;
        value = container;
      } else {
        const f: Frame = { value: container, isArray, key: "" };
        stack.push(f);
        if (!isArray) readKey(f);
        continue;
      }
    } else if (c === 0x22) value = readString();
    else if (c === 0x74) value = literal("true", true);
    else if (c === 0x66) value = literal("false", false);
    else if (c === 0x6e) value = literal("null", null);
    else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) fail("syntax", i, `unexpected ${describe(i)}`);
      i += m![0].length;
      value = Number(m![0]);
    }
    // Place it, closing every container that ends here.
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) {
        ws();
        if (i < n) fail("syntax", i, `unexpected ${describe(i)} after the JSON value`);
        return value;
      }
      if (top.isArray) (top.value as unknown[]).push(value);
      else (top.value as Record<string, unknown>)[top.key] = value;
      ws();
      const d = text.charCodeAt(i);
      if (d === 0x2c) {
        i++;
        if (!top.isArray) readKey(top);
        break;
      }
      if (d === (top.isArray ? 0x5d : 0x7d)) {
        i++;
        stack.pop();
        value = top.value;
        continue;
      }
      fail("syntax", i, `expected "," or "${top.isArray ? "]" : "}"}", found ${describe(i)}`);
    }
  }
}

/**
 * The first prototype key (`PROTOTYPE_KEYS`) or too deep nesting in an already parsed value (from
 * another parser, e.g. YAML), walked without recursion: `{ problem, path }`, or undefined.
 */
export function findUnsafeKey(value: unknown, maxDepth = MAX_JSON_DEPTH): { problem: "prototype-key" | "too-deep"; path: string } | undefined {
  const todo: [unknown, (string | number)[]][] = [[value, []]];
  while (todo.length > 0) {
    const [v, p] = todo.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (p.length >= maxDepth) return { problem: "too-deep", path: jsonPath(p) };
    if (Array.isArray(v)) v.forEach((x, i) => todo.push([x, [...p, i]]));
    else
      for (const k of Object.keys(v)) {
        if (PROTOTYPE_KEYS.has(k)) return { problem: "prototype-key", path: jsonPath([...p, k]) };
        todo.push([(v as Record<string, unknown>)[k], [...p, k]]);
      }
  }
  return undefined;
}
