/** The ClickPipe itself: replaced, deleted, its table mappings, its reverse private endpoint and CDC sizing. */
import { changedAttributes } from "../change";
import { pipeTables } from "../pipe-json";
import { list, lossVerb, rule, RuleFamily } from "./rule";
import { tableWarnings } from "./tables";

export const PIPE_RULES: RuleFamily = {
  rules: [
    rule(
      "clickpipe-replaced",
      "BLOCK",
      "`clickhouse_clickpipe` replaced (a pipe setting the provider can only apply by recreating the pipe)",
      "a new pipe runs a full initial load of every table on a new replication slot; the old slot is left behind and retains WAL",
    ),
    rule("clickpipe-deleted", "BLOCK", "`clickhouse_clickpipe` deleted", "replication stops; the slot is left behind and retains WAL"),
    rule("reverse-private-endpoint", "BLOCK", "reverse private endpoint deleted or replaced", "the pipe loses its PrivateLink path (a new endpoint has new DNS names)"),
    rule("pipe-tables-removed", "WARN", "tables leave the pipe's table mappings", "their replication stops"),
    rule("pipe-tables-added", "WARN", "tables join the pipe's table mappings", "an initial load of each runs"),
    rule("cdc-infrastructure-removed", "WARN", "CDC infrastructure sizing deleted or replaced", "the provider only forgets it: the service keeps its sizing, no longer managed here"),
  ],
  loss: {
    "clickpipe.reversePrivateEndpoint": { rule: "reverse-private-endpoint", label: "reverse private endpoint" },
    "clickpipe.pscEndpoint": { rule: "reverse-private-endpoint", label: "GCP PSC reverse private endpoint" },
    "clickpipe.pscPrivateDns": { rule: "reverse-private-endpoint", label: "GCP PSC custom private DNS mapping" },
    "clickpipe.cdcInfrastructure": { rule: "cdc-infrastructure-removed", label: "CDC infrastructure" },
  },
  keys: new Set(["clickpipe.pipe"]),
  check(c, _key, ctx) {
    if (c.action === "replace") {
      const attrs = changedAttributes(c.before, c.after);
      const by = attrs.length ? ` (${list(attrs)} changed)` : "";
      ctx.push("clickpipe-replaced", `pipe replaced${by}: ${ctx.why("clickpipe-replaced")}`);
    } else if (c.action === "delete") {
      ctx.push("clickpipe-deleted", `pipe ${lossVerb(c)}: ${ctx.why("clickpipe-deleted")}`);
    }
    if (c.action === "update" || c.action === "replace") tableWarnings(c, pipeTables, "pipe-tables", "the pipe's table mappings", ctx);
    return true;
  },
};
