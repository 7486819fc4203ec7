/**
 * ClickHouse Managed Postgres: the `clickhouse_postgres_service` a stack declares is the source
 * database itself. Judged by what the resource is (its type), wherever it sits: the stacks never
 * declare one of their own, a user's app does (`managedPostgres: { service }`).
 */
import { changedAttributes, ResourceChange } from "../change";
import { forcesReplacement } from "../../model/provider-facts";
import { attr } from "../pipe-json";
import { JudgeContext, list, lossVerb, rule, RuleFamily } from "./rule";

const TYPE = "clickhouse_postgres_service";

export const MANAGED_POSTGRES_RULES: RuleFamily = {
  rules: [
    rule(
      "managed-postgres-service",
      "BLOCK",
      "`clickhouse_postgres_service` (ClickHouse Managed Postgres) deleted, or replaced by a change of `name`, `cloud_provider`, `region`, `postgres_version`, `read_replica_of` or `restore_to_point_in_time`",
      "the provider deletes the source database with its data, publication and replication slot: every ClickPipe reading it stops (a new service has a new host and CA)",
    ),
  ],
};

/** By what the resource is, ours or not: a Managed Postgres service deleted or replaced. */
export function judgeManagedPostgres(c: ResourceChange, ctx: JudgeContext): void {
  if (c.type !== TYPE || (c.action !== "delete" && c.action !== "replace")) return;
  const name = attr(c.before ?? c.after, "name");
  const what = `Managed Postgres service${typeof name === "string" ? ` ${name}` : ""}`;
  if (c.action === "delete") {
    ctx.push("managed-postgres-service", `${what} ${lossVerb(c)}: ${ctx.why("managed-postgres-service")}`);
    return;
  }
  // Name the attributes whose change forces the replacement (provider facts, v3.25.3); else every changed one.
  const changed = changedAttributes(c.before, c.after);
  const forcing = changed.filter((p) => forcesReplacement(TYPE, p));
  const by = forcing.length ? ` (${list(forcing)} forces a new service)` : changed.length ? ` (${list(changed)} changed)` : "";
  ctx.push("managed-postgres-service", `${what} ${lossVerb(c)}${by}: ${ctx.why("managed-postgres-service")}`);
}
