/**
 * What Terraform does besides changing resources by their address (issue 24 part 1): `import`,
 * `moved` and `removed` blocks (a plan: a resource imported or moved from another address),
 * `lifecycle.replace_triggered_by` on what the pipe depends on, the backend (whose state the stack
 * acts on), providers the stacks do not use, and the database a provider block connects to.
 */
import { SOURCE_CONSTRUCT_ENTRIES } from "../../model/construct-ids";
import type { ResourceChange } from "../change";
import { attr } from "../pipe-json";
import { JudgeContext, rule, RuleFamily, show } from "./rule";

export const STATE_RULES: RuleFamily = {
  rules: [
    rule(
      "state-block",
      "BLOCK",
      "an `import`, `moved` or `removed` block added or changed (a plan: a resource of a type the stacks declare imported, moved from another address, or forgotten)",
      "Terraform takes an existing object under another address, moves one or drops one from state: the publication or the ClickPipes role can be changed where no rule judges it by its address",
    ),
    rule(
      "replace-triggered-by",
      "BLOCK",
      "`lifecycle.replace_triggered_by` added or changed on the publication, the ClickPipes role or the pipe",
      "Terraform replaces it whenever the trigger merely updates",
    ),
    rule(
      "backend",
      "BLOCK",
      "`terraform.backend` or `terraform.cloud` added, removed or changed",
      "the stack now acts on another state: what it declares is created again, what the old state held is no longer managed, or another stack's objects are taken over",
    ),
    rule(
      "foreign-provider",
      "BLOCK",
      "a resource or data source of a provider the stacks do not use (`external`, `local`, `null`, `http`, ...)",
      "it runs code or writes files on the machine that plans or applies, with the stack's credentials",
    ),
    rule(
      "grants-revoke-all",
      "BLOCK",
      "a `postgresql_grant` of the ClickPipes role with `privileges = []`",
      "the provider revokes every privilege of that grant: the pipe can no longer read the tables",
    ),
    rule(
      "provider-target",
      "BLOCK",
      "the `postgresql` provider block's `host`, `port`, `database`, `username` or `sslmode` changed",
      "the stack now acts on another database (or as another user): its objects are created there, the ones the pipe reads are no longer managed",
    ),
  ],
};

/** Resource types our constructs declare (a plan's import or move of one is judged). */
const DECLARED_TYPES: ReadonlySet<string> = new Set(SOURCE_CONSTRUCT_ENTRIES.flatMap((e) => e.terraformTypes));

/** Provider local names the stacks use (the type prefix of every resource they declare). */
const KNOWN_PROVIDERS: ReadonlySet<string> = new Set(["postgresql", "aws", "azurerm", "google", "clickhouse", "terraform"]);

/** The provider a resource type belongs to by Terraform's default (the type's first word), or the `provider` meta-argument's. */
export function providerOfType(type: string, providerMeta?: unknown): string {
  if (typeof providerMeta === "string" && providerMeta !== "") return providerMeta.replace(/^\$\{?|\}$/g, "").split(".")[0]!;
  return type.split("_")[0]!;
}

/** Whether a resource type (with its `provider` meta-argument) is of a provider the stacks use. */
export const knownProvider = (type: string, providerMeta?: unknown): boolean => KNOWN_PROVIDERS.has(providerOfType(type, providerMeta));

/** The plan-side verdicts of a change: imported or moved resources of a declared type, foreign providers. */
export function judgeState(c: ResourceChange, ctx: JudgeContext): void {
  const provider = c.after?.["provider"] ?? c.before?.["provider"];
  if (!knownProvider(c.type, typeof provider === "string" ? provider : undefined) && c.action !== "delete") {
    ctx.push("foreign-provider", `${c.mode === "data" ? "data source" : "resource"} of provider ${JSON.stringify(providerOfType(c.type))} (${c.type}): ${ctx.why("foreign-provider")}`);
  }
  if (!DECLARED_TYPES.has(c.type)) return;
  if (c.importing) ctx.push("state-block", `${c.type} imported into ${c.address}: ${ctx.why("state-block")}`);
  if (c.forgetting) ctx.push("state-block", `${c.type} removed from state (a \`removed\` block; the object stays, no longer managed): ${ctx.why("state-block")}`);
  // Terraform's own move between `x` and `x[0]` (count added or removed) is the same object.
  const unkeyed = (a: string) => a.replace(/\[[^\]]*\]$/, "");
  if (c.previousAddress !== undefined && unkeyed(c.previousAddress) !== unkeyed(c.address)) ctx.push("state-block", `moved from ${c.previousAddress}: ${ctx.why("state-block")}`);
}

/** `replace_triggered_by` of a lifecycle block (as written). */
const triggers = (lifecycle: unknown): unknown => attr(lifecycle as Record<string, unknown> | undefined, "replace_triggered_by");

/** The `replace-triggered-by` verdict for a change of a construct the pipe depends on. */
export function judgeReplaceTriggers(c: ResourceChange, key: string, ctx: JudgeContext): void {
  if (!["publication.publication", "user.role", "clickpipe.pipe"].includes(key)) return;
  const m = (c.meta ?? []).find((x) => x.key === "lifecycle");
  const [was, now] = m ? [triggers(m.before), triggers(m.after)] : [undefined, undefined];
  if (now === undefined || JSON.stringify(was) === JSON.stringify(now)) return;
  ctx.push("replace-triggered-by", `replace_triggered_by ${show(was)} -> ${show(now)}: ${ctx.why("replace-triggered-by")}`);
}
