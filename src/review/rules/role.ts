/** The ClickPipes role: deleted, replaced, renamed, LOGIN/REPLICATION, password, its RDS grants and IAM role. */
import { attr } from "../pipe-json";
import { numberOf, rule, RuleFamily, show, truthy } from "./rule";

export const ROLE_RULES: RuleFamily = {
  rules: [
    rule(
      "iam-role",
      "BLOCK",
      "the IAM role ClickPipes assumes (IAM auth) or its `rds-db:connect` policy deleted or replaced",
      "a pipe that logs in with IAM can no longer assume the role or connect as its user",
    ),
    rule("clickpipes-role", "BLOCK", "ClickPipes role deleted or replaced", "the pipe can no longer log in (and the provider runs REASSIGN OWNED / DROP OWNED)"),
    rule("clickpipes-role-renamed", "BLOCK", "ClickPipes role `name` changed (the provider runs ALTER ROLE ... RENAME TO in place)", "the pipe logs in with the old name and can no longer log in"),
    rule("role-login", "BLOCK", "ClickPipes role loses `login`, or gets `connection_limit` 0", "the pipe can no longer log in"),
    rule("role-replication", "BLOCK", "ClickPipes role loses `replication`", "the pipe can no longer read its replication slot"),
    rule("rds-replication", "BLOCK", "`rds_replication` grant of the ClickPipes role deleted or replaced", "the pipe can no longer read its replication slot (RDS/Aurora)"),
    rule("rds-iam", "BLOCK", "`rds_iam` grant of the ClickPipes role deleted or replaced", "a pipe that logs in with IAM can no longer log in"),
    rule("role-password-changed", "WARN", "ClickPipes role's password changed (`password_wo_version` or `password`)", "the pipe fails to log in until its stored password is updated"),
  ],
  loss: {
    "user.role": { rule: "clickpipes-role", label: "ClickPipes role" },
    "user.rdsReplication": { rule: "rds-replication", label: "rds_replication grant" },
    "user.rdsIam": { rule: "rds-iam", label: "rds_iam grant" },
    "iamRole.role": { rule: "iam-role", label: "ClickPipes IAM role" },
    "iamRole.connectPolicy": { rule: "iam-role", label: "rds-db:connect policy" },
  },
  keys: new Set(["user.role"]),
  check(c, _key, ctx) {
    if (c.action !== "update") return;
    const [was, now] = [attr(c.before, "name"), attr(c.after, "name")];
    if (was !== undefined && now !== undefined && was !== now) ctx.push("clickpipes-role-renamed", `role renamed ${show(was)} -> ${show(now)}: ${ctx.why("clickpipes-role-renamed")}`);
    if (truthy(attr(c.before, "login")) && !truthy(attr(c.after, "login"))) ctx.push("role-login", `role loses LOGIN: ${ctx.why("role-login")}`);
    if (numberOf(attr(c.before, "connection_limit")) !== 0 && numberOf(attr(c.after, "connection_limit")) === 0) ctx.push("role-login", `role's connection_limit set to 0: ${ctx.why("role-login")}`);
    if (truthy(attr(c.before, "replication")) && !truthy(attr(c.after, "replication"))) ctx.push("role-replication", `role loses REPLICATION: ${ctx.why("role-replication")}`);
    const changedKey = ["password_wo_version", "password"].find(
      (k) => attr(c.before, k) !== undefined && attr(c.after, k) !== undefined && JSON.stringify(attr(c.before, k)) !== JSON.stringify(attr(c.after, k)),
    );
    if (changedKey) ctx.push("role-password-changed", `${changedKey} changed: ${ctx.why("role-password-changed")}`);
  },
};
