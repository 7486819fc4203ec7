/**
 * The stack's configuration around its resources: provisioners, module calls, provider sources and
 * aliases, meta-arguments, and a metadata path that disagrees with the address. Judged for every
 * resource, ours or not, and for the configuration outside resources (`judgeConfig`).
 */
import type { ResourceChange } from "../change";
import { attr } from "../pipe-json";
import { JudgeContext, list, rule, RuleFamily, show, truthy } from "./rule";
import { STATE_RULES } from "./state";

export const CONFIG_RULES: RuleFamily = {
  rules: [
    rule("provisioner", "BLOCK", "a `provisioner` or `connection` block added or changed on any resource", "it runs commands on the machine that applies the plan, with its credentials"),
    rule("module", "BLOCK", "a `module` block (or call) added or changed", "code from outside the stack runs with the stack's providers; nothing here reviews it"),
    rule(
      "provider-source",
      "BLOCK",
      "`terraform.required_providers` source added or changed (or an unexpected provider source in a plan)",
      "another provider binary acts on the database, the cloud account and ClickHouse with the stack's credentials",
    ),
    rule(
      "provider-alias",
      "BLOCK",
      "a resource's `provider` meta-argument, or a provider block's `alias`, added or changed",
      "the resource is managed through another provider configuration (another host or account)",
    ),
    rule(
      "identity-mismatch",
      "WARN",
      "a resource's metadata path disagrees with its address (cdktf derives one from the other)",
      "hand-edited synth output: the address is judged, the metadata ignored",
    ),
    rule(
      "meta-argument",
      "WARN",
      "`count`, `for_each` or `lifecycle` (`prevent_destroy` removed, `ignore_changes`, `create_before_destroy`, ...) changed (`depends_on` is listed as a change, no verdict)",
      "Terraform acts differently on the resource than its attributes say",
    ),
  ],
};

/**
 * Rules judged from something other than a resource's attribute change: the plan's `configuration`
 * (provisioners, module calls, provider sources and aliases) or, in `diff`, a resource block's
 * meta-arguments and metadata. Their tests are hostile edits of real synth output, not rule fixtures.
 */
export const CONFIG_RULE_IDS: ReadonlySet<string> = new Set([...CONFIG_RULES.rules.map((r) => r.id), ...STATE_RULES.rules.map((r) => r.id)]);

/** Meta-argument keys whose change is reported by `provisioner` (the rest but `provider` by `meta-argument`). */
const PROVISIONER_KEYS = new Set(["provisioner", "connection"]);

/** The meta-argument verdicts of one change (every resource, ours or not). */
export function judgeMeta(c: ResourceChange, ctx: JudgeContext): void {
  // What runs commands or moves it to another provider configuration.
  for (const m of c.meta ?? []) {
    if (PROVISIONER_KEYS.has(m.key)) ctx.push("provisioner", `${m.key} ${m.before === undefined ? "added" : m.after === undefined ? "removed" : "changed"}: ${ctx.why("provisioner")}`);
    else if (m.key === "provider") ctx.push("provider-alias", `provider ${show(m.before)} -> ${show(m.after)}: ${ctx.why("provider-alias")}`);
  }
  // `depends_on` only orders operations (the grants' chain moves whenever a schema is added): listed as a change, no verdict.
  const other = (c.meta ?? []).filter((m) => !PROVISIONER_KEYS.has(m.key) && m.key !== "provider" && m.key !== "depends_on");
  if (other.length > 0) {
    const said = other.map((m) =>
      m.key === "lifecycle" && truthy(attr(m.before as Record<string, unknown>, "prevent_destroy")) && !truthy(attr(m.after as Record<string, unknown>, "prevent_destroy"))
        ? "lifecycle (prevent_destroy removed)"
        : `${m.key} ${show(m.before)} -> ${show(m.after)}`,
    );
    ctx.push("meta-argument", `${list(said)}: ${ctx.why("meta-argument")}`);
  }
}

/**
 * Provider sources the stacks use (the cdktf provider packages pinned in package.json), and
 * Terraform's built-in provider. Any other source is judged by `provider-source`.
 */
const KNOWN_PROVIDER_SOURCES: ReadonlySet<string> = new Set(["cyrilgdn/postgresql", "hashicorp/aws", "hashicorp/azurerm", "clickhouse/clickhouse", "terraform.io/builtin/terraform"]);

/** Whether a provider source (`cyrilgdn/postgresql`, `registry.terraform.io/hashicorp/aws`, ...) is one the stacks use. */
export function knownProviderSource(source: unknown): boolean {
  return typeof source === "string" && KNOWN_PROVIDER_SOURCES.has(source.toLowerCase().replace(/^registry\.terraform\.io\//, ""));
}

/** A change of the stack's configuration outside its resources (module blocks, provider sources and aliases, provisioners). */
export interface ConfigChange {
  readonly stack?: string;
  /** What is changed, e.g. `module.x`, `terraform.required_providers.postgresql.source`, `provider.postgresql.alias`. */
  readonly address: string;
  readonly rule: "module" | "provider-source" | "provider-alias" | "provisioner" | "state-block" | "backend" | "provider-target";
  /** What changed, in words. */
  readonly what: string;
}
