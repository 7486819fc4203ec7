/**
 * The review rule pack: every rule of `diff`, `guard` and `run-task`, one file per resource family
 * (as cdk-nag keeps a pack of rules). `RULES` is in the order of the docs/tools/guard.md table.
 */
import type { Rule, RuleFamily } from "./rule";
import { AZURE_RULES } from "./azure";
import { CONFIG_RULES } from "./config";
import { GRANTS_RULES } from "./grants";
import { INGRESS_RULES } from "./ingress";
import { MANAGED_POSTGRES_RULES } from "./managed-postgres";
import { PARAMETER_GROUP_RULES } from "./parameter-group";
import { PIPE_RULES } from "./pipe";
import { PUBLICATION_RULES } from "./publication";
import { ROLE_RULES } from "./role";
import { STATE_RULES } from "./state";

export type { Rule, RuleFamily } from "./rule";
export { CONFIG_RULE_IDS, judgeMeta, knownProviderSource } from "./config";
export { judgeRestart } from "./azure";
export { judgeManagedPostgres } from "./managed-postgres";
export { judgeReplaceTriggers, judgeState, knownProvider, providerOfType } from "./state";
export type { ConfigChange } from "./config";

/** The families judged by construct (the configuration rules apply to every resource: `judgeMeta`). */
export const FAMILIES: readonly RuleFamily[] = [PIPE_RULES, PUBLICATION_RULES, ROLE_RULES, GRANTS_RULES, INGRESS_RULES, PARAMETER_GROUP_RULES, AZURE_RULES];

/** The docs table's order (docs/tools/guard.md). */
const ORDER = [
  "clickpipe-replaced", "clickpipe-deleted", "reverse-private-endpoint", "privatelink", "ingress-rule", "security-group",
  "parameter-group", "logical-replication-off", "iam-auth-off", "iam-role", "publication", "publication-renamed",
  "publication-publish", "publication-partition-root", "clickpipes-role", "clickpipes-role-renamed", "role-login",
  "role-replication", "rds-replication", "rds-iam", "azure-server", "managed-postgres-service", "publication-tables-removed", "publication-tables-added",
  "pipe-tables-removed", "pipe-tables-added", "grants-removed", "provisioner", "module", "provider-source",
  "provider-alias", "identity-mismatch", "meta-argument", "role-password-changed", "replication-capacity",
  "server-restart", "cdc-infrastructure-removed", "state-block", "replace-triggered-by", "backend", "foreign-provider",
  "grants-revoke-all", "provider-target",
]; // prettier-ignore

function pack(families: readonly RuleFamily[]): readonly Rule[] {
  const byId = new Map<string, Rule>();
  for (const r of families.flatMap((f) => f.rules)) {
    if (byId.has(r.id)) throw new Error(`review rule ${r.id} defined twice`);
    byId.set(r.id, r);
  }
  const rest = [...byId.keys()].filter((id) => !ORDER.includes(id));
  if (rest.length > 0) throw new Error(`review rules ${rest.join(", ")} missing from the docs order`);
  return ORDER.map((id) => {
    const r = byId.get(id);
    if (!r) throw new Error(`review rule ${id} in the docs order has no definition`);
    return r;
  });
}

/** Every rule, in the order of the docs/tools/guard.md table. */
export const RULES: readonly Rule[] = pack([...FAMILIES, MANAGED_POSTGRES_RULES, CONFIG_RULES, STATE_RULES]);

/** Construct keys judged by a family's loss rules, and by which family's check. */
export const LOSS: ReadonlyMap<string, { readonly rule: string; readonly label: string }> = new Map(FAMILIES.flatMap((f) => Object.entries(f.loss ?? {})));
export const CHECKED: ReadonlyMap<string, RuleFamily> = new Map(FAMILIES.flatMap((f) => [...(f.keys ?? [])].map((k) => [k, f] as const)));
