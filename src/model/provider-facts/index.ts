/**
 * One table of provider facts for every resource type the stacks declare: which attribute changes
 * the provider applies in place and which force a replacement, which values are secret.
 */
import { AWS_FACTS } from "./aws";
import { AZURERM_FACTS } from "./azurerm";
import { CLICKHOUSE_FACTS } from "./clickhouse-diff";
import { POSTGRESQL_FACTS } from "./postgresql";
import type { ResourceTypeFacts } from "./types";

export type { ResourceTypeFacts } from "./types";

export const PROVIDER_FACTS: ReadonlyMap<string, ResourceTypeFacts> = new Map([...POSTGRESQL_FACTS, ...AWS_FACTS, ...CLICKHOUSE_FACTS, ...AZURERM_FACTS].map((f) => [f.type, f]));

/** The facts of a resource type, or undefined when the table does not know it. */
export function factsFor(type: string): ResourceTypeFacts | undefined {
  return PROVIDER_FACTS.get(type);
}

/** Whether changing `attributePath` (dotted, no indices) of `resourceType` forces a replacement. */
export function forcesReplacement(resourceType: string, attributePath: string): boolean {
  return (factsFor(resourceType)?.forceNew ?? []).some((p) => pathWithin(attributePath, p));
}

/** `path` is `prefix` or lies below it (dotted paths). */
export function pathWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + ".");
}
