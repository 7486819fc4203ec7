/** The RDS/Aurora parameter group: deleted, replaced, logical replication or IAM auth off, capacity lowered. */
import { attr } from "../pipe-json";
import { isRecord, numberOf, rule, RuleFamily } from "./rule";

/** Parameters of a parameter group body: name -> value. */
function parameters(body: Record<string, unknown> | undefined): Map<string, string> | undefined {
  const p = attr(body, "parameter");
  if (!Array.isArray(p)) return undefined;
  const out = new Map<string, string>();
  for (const x of p) if (isRecord(x) && typeof x.name === "string") out.set(x.name, String(x.value));
  return out;
}

export const PARAMETER_GROUP_RULES: RuleFamily = {
  rules: [
    rule("parameter-group", "BLOCK", "the source's parameter group deleted or replaced", "logical replication is off after the next reboot (`rds.logical_replication` back to 0)"),
    rule("logical-replication-off", "BLOCK", "`rds.logical_replication` no longer 1 in the parameter group", "logical replication is off after the next reboot; the pipe's slot stops working"),
    rule("iam-auth-off", "BLOCK", "`rds.iam_auth_for_replication` no longer 1 in the parameter group (IAM auth)", "a pipe that logs in with IAM can no longer open its replication connection"),
    rule("replication-capacity", "WARN", "`max_replication_slots` or `max_wal_senders` lowered in the parameter group", "after the next reboot the pipe's slot or sender may no longer fit"),
  ],
  loss: { parameterGroup: { rule: "parameter-group", label: "parameter group" } },
  keys: new Set(["parameterGroup"]),
  check(c, _key, ctx) {
    if (c.action !== "update") return;
    const before = parameters(c.before);
    const after = parameters(c.after);
    for (const [name, id] of [
      ["rds.logical_replication", "logical-replication-off"],
      ["rds.iam_auth_for_replication", "iam-auth-off"],
    ] as const) {
      if (before?.get(name) === "1" && after !== undefined && after.get(name) !== "1") {
        const now = after.get(name);
        ctx.push(id, `${name} ${now === undefined ? "removed" : `set to ${now}`}: ${ctx.why(id)}`);
      }
    }
    for (const name of ["max_replication_slots", "max_wal_senders"]) {
      const [was, now] = [numberOf(before?.get(name)), numberOf(after?.get(name))];
      if (was !== undefined && (now === undefined ? after !== undefined : now < was)) ctx.push("replication-capacity", `${name} ${was} -> ${now ?? "default"}: ${ctx.why("replication-capacity")}`);
    }
  },
};
