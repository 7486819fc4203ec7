/** The publication the pipe reads: deleted, replaced, renamed, what it publishes, its tables. */
import { attr, publicationTables } from "../pipe-json";
import { list, rule, RuleFamily, show, truthy } from "./rule";
import { tableWarnings } from "./tables";

/** Publish operations a pipe needs (ClickPipes replicates inserts, updates and deletes). */
const NEEDED_PUBLISH = ["insert", "update", "delete"];

/** The operations a publication publishes (PostgreSQL's default: all four when unset). */
function publishOps(body: Record<string, unknown> | undefined): string[] | undefined {
  const p = attr(body, "publish_param");
  if (p === undefined || p === null) return ["insert", "update", "delete", "truncate"];
  if (!Array.isArray(p) || !p.every((x) => typeof x === "string")) return undefined;
  return p.map((x) => x.trim().toLowerCase());
}

export const PUBLICATION_RULES: RuleFamily = {
  rules: [
    rule(
      "publication",
      "BLOCK",
      "publication deleted or replaced (also: `count`/`for_each` dropping it; any `postgresql_publication`, whatever its metadata)",
      "the pipe reads the publication; a new one (new OID) forces a resync of every table",
    ),
    rule(
      "publication-renamed",
      "BLOCK",
      "publication `name` changed (the provider runs ALTER PUBLICATION ... RENAME TO in place)",
      "the pipe reads the publication by its name: it stops at the next reconnect",
    ),
    rule("publication-publish", "BLOCK", "publication `publish_param` no longer publishes insert, update or delete", "those changes are no longer sent: ClickHouse silently diverges from the source"),
    rule(
      "publication-partition-root",
      "BLOCK",
      "publication `publish_via_partition_root_param` changed",
      "changes of partitioned tables arrive under other table names (root vs partitions) than the pipe maps",
    ),
    rule("publication-tables-removed", "WARN", "tables leave the publication", "their replication stops; their rows stay in ClickHouse"),
    rule("publication-tables-added", "WARN", "tables join the publication", "an initial load of each runs"),
  ],
  loss: { "publication.publication": { rule: "publication", label: "publication" } },
  keys: new Set(["publication.publication"]),
  check(c, _key, ctx) {
    if (c.action === "update" || c.action === "replace") tableWarnings(c, publicationTables, "publication-tables", "the publication", ctx);
    if (c.action !== "update") return;
    const [was, now] = [attr(c.before, "name"), attr(c.after, "name")];
    if (was !== undefined && now !== undefined && was !== now) ctx.push("publication-renamed", `publication renamed ${show(was)} -> ${show(now)}: ${ctx.why("publication-renamed")}`);
    const [opsBefore, opsAfter] = [publishOps(c.before), publishOps(c.after)];
    const dropped = NEEDED_PUBLISH.filter((op) => (opsBefore ?? NEEDED_PUBLISH).includes(op) && !(opsAfter ?? []).includes(op));
    if (dropped.length > 0) ctx.push("publication-publish", `publication no longer publishes ${list(dropped)}: ${ctx.why("publication-publish")}`);
    const [rootBefore, rootAfter] = [attr(c.before, "publish_via_partition_root_param"), attr(c.after, "publish_via_partition_root_param")];
    if (truthy(rootBefore) !== truthy(rootAfter)) {
      ctx.push("publication-partition-root", `publish_via_partition_root ${show(rootBefore)} -> ${show(rootAfter)}: ${ctx.why("publication-partition-root")}`);
    }
  },
};
