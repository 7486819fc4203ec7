import { Check, existingTables, listNames, pass, skip, warn } from "../context";
import { quoteIdent } from "../names";
import { CheckId } from "../types";

/**
 * Partitioned tables are published with `publish_via_partition_root`, so changes arrive under the
 * parent's name (otherwise each partition is a separate table to ClickPipes).
 */
export const partitionRootCheck: Check = {
  id: CheckId.PARTITION_ROOT,
  cdcOnly: true,
  fallbackFix: "ALTER PUBLICATION <name> SET (publish_via_partition_root = true);",
  async run(ctx) {
    const partitioned = existingTables(ctx).filter((t) => t.relkind === "p");
    if (partitioned.length === 0) return pass("no partitioned tables");
    const names = listNames(partitioned.map((t) => t.display));
    if (ctx.major < 13) {
      return warn(
        `PostgreSQL ${ctx.version} cannot publish partitioned tables (${names}) via their root: each partition replicates as its own table`,
        "upgrade to PostgreSQL 13+ and use publish_via_partition_root = true, or publish and map the partitions",
      );
    }
    if (!ctx.publication) return skip(`partitioned tables ${names}: no publication given to check`);
    const r = await ctx.client.query<{ pubviaroot: boolean; puballtables: boolean }>("SELECT pubviaroot, puballtables FROM pg_publication WHERE pubname = $1", [ctx.publication]);
    if (r.rows.length === 0) return skip(`publication ${ctx.publication} does not exist (see the publication check)`);
    if (r.rows[0].pubviaroot) return pass(`publication ${ctx.publication} has publish_via_partition_root for ${names}`);
    return warn(
      `partitioned tables ${names} are published without publish_via_partition_root: changes arrive per partition, not under the parent table`,
      `ALTER PUBLICATION ${quoteIdent(ctx.publication)} SET (publish_via_partition_root = true);`,
    );
  },
};
