/**
 * The expression evaluator of the SQL preview: turns synthesized attribute values into literals or
 * psql variables. `${var.X}` (a whole value, passwords only) becomes the psql variable `:'X'`;
 * `${type.name.attr}` references to literal attributes of other resources are inlined; anything
 * else is `Unrenderable` (listed as "not rendered", never guessed).
 */
import { INTEGER_TEXT, isTerraformExpression, TERRAFORM_VARIABLE_REFERENCE } from "../../model/patterns";
import { commentText } from "../../model/quoting";
import { StackNode } from "../../synth-output/stack-json";
import { providerSetOrder } from "./provider-set";

/** Attributes of one resource as synthesized (Terraform expressions unevaluated). */
export type Attributes = Readonly<Record<string, unknown>>;

/** A resource or attribute the preview cannot render; the message says why (one line). */
export class Unrenderable extends Error {}

/** A resolved string value: literal text, or a psql variable the script receives with `-v`. */
export type Value = { readonly kind: "literal"; readonly value: string } | { readonly kind: "variable"; readonly name: string };

const PSQL_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const REF = /\$\{\s*(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\s*\}/g;

/** What renderers resolve references against, and what they report back. */
export interface RenderContext {
  /** The stack's resources and data sources by address (`type.name`, `data.type.name`). */
  readonly nodes: ReadonlyMap<string, StackNode>;
  /** psql variables the rendered statements use (filled while rendering). */
  readonly variables: Set<string>;
  /** Addresses of data sources rendered inline (filled while rendering). */
  readonly usedData: Set<string>;
}

/** A context over `nodes` (none: only literal attributes and `${var.X}` passwords render). */
export function renderContext(nodes: readonly StackNode[] = []): RenderContext {
  return { nodes: new Map(nodes.map((n) => [n.address, n])), variables: new Set(), usedData: new Set() };
}

/** Resolve a string attribute: `${var.X}` (whole value) or literal text with `${type.name.attr}` references. */
export function resolveValue(raw: unknown, field: string, ctx: RenderContext, allowVariable = false): Value {
  if (typeof raw === "number" || typeof raw === "boolean") return { kind: "literal", value: String(raw) };
  if (typeof raw !== "string") throw new Unrenderable(`${field} is not a string`);
  const whole = TERRAFORM_VARIABLE_REFERENCE.exec(raw);
  if (whole) {
    if (!allowVariable) throw new Unrenderable(`${field} references variable ${whole[1]}; only passwords may`);
    if (!PSQL_VAR_NAME.test(whole[1])) throw new Unrenderable(`variable ${whole[1]} is not a valid psql variable name`);
    ctx.variables.add(whole[1]);
    return { kind: "variable", name: whole[1] };
  }
  return { kind: "literal", value: resolveLiteral(raw, field, ctx) };
}

/** Literal text with `${type.name.attr}` references inlined. */
export function resolveLiteral(raw: string, field: string, ctx: RenderContext, depth = 0): string {
  if (depth > 8) throw new Unrenderable(`${field}: references nest too deep`);
  const out = raw.replace(REF, (match, data: string | undefined, type: string, name: string, attr: string) => {
    const node = ctx.nodes.get(`${data ? "data." : ""}${type}.${name}`);
    const v = node?.mode === "resource" ? node.config[attr] : undefined;
    if (typeof v === "string") return resolveLiteral(v, field, ctx, depth + 1);
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    throw new Unrenderable(`${field} references ${match}, which is not a literal attribute of a resource in this stack`);
  });
  if (isTerraformExpression(out)) throw new Unrenderable(`${field} holds an expression this preview cannot evaluate: ${commentText(raw)}`);
  return out;
}

/** A string attribute that must be literal (after references). */
export function literal(raw: unknown, field: string, ctx: RenderContext): string {
  const v = resolveValue(raw, field, ctx);
  return (v as { value: string }).value;
}

/** An optional literal attribute, `fallback` when unset. */
export function optLiteral(cfg: Attributes, key: string, ctx: RenderContext, fallback: string): string {
  return cfg[key] === undefined || cfg[key] === null ? fallback : literal(cfg[key], key, ctx);
}

/** A boolean attribute (`true`/`false`, also as text), `fallback` when unset. */
export function bool(cfg: Attributes, key: string, fallback: boolean): boolean {
  const v = cfg[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw new Unrenderable(`${key} is not a boolean literal`);
}

/** An integer attribute (also as text), `fallback` when unset. */
export function int(cfg: Attributes, key: string, fallback: number): number {
  const v = cfg[key];
  if (v === undefined || v === null) return fallback;
  const n = typeof v === "number" ? v : typeof v === "string" && INTEGER_TEXT.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw new Unrenderable(`${key} is not an integer literal`);
  return n;
}

/** A list of literal strings, empty when unset. */
export function stringList(cfg: Attributes, key: string, ctx: RenderContext): string[] {
  const v = cfg[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Unrenderable(`${key} is not a list of literals`);
  return v.map((x, i) => literal(x, `${key}[${i}]`, ctx));
}

/** Privilege keywords go into the SQL unquoted (as the provider does): accept keywords only. */
export function privilegeList(cfg: Attributes, ctx: RenderContext): string[] {
  const privs = stringList(cfg, "privileges", ctx);
  for (const p of privs) if (!/^[A-Za-z]+( [A-Za-z]+)*$/.test(p)) throw new Unrenderable(`privileges: "${p}" is not a privilege keyword`);
  return providerSetOrder(privs);
}

/** Refuse count/for_each and attributes the renderer does not know (meta-arguments are fine). */
export function checkKeys(cfg: Attributes, known: readonly string[]): void {
  const meta = ["//", "depends_on", "lifecycle", "provider", "timeouts"];
  for (const key of ["count", "for_each"]) if (key in cfg) throw new Unrenderable(`${key} is not supported by the preview`);
  const unknown = Object.keys(cfg).filter((k) => !known.includes(k) && !meta.includes(k));
  if (unknown.length > 0) throw new Unrenderable(`attribute(s) ${unknown.sort().join(", ")} not supported by the preview`);
}
