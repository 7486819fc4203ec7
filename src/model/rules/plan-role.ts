import { DEFAULT_ADMIN_USER, DEFAULT_MONITORING_ROLE_NAME, DEFAULT_PLAN_ROLE_NAME, DEFAULT_USER_NAME } from "../defaults";
import { IDENTIFIER_ALLOWED, identifierProblem } from "../identifiers";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding } from "../validation";

/**
 * The read-only plan role: a PostgreSQL identifier, another name than the ClickPipes user's, the
 * admin's and the monitoring role's (one role cannot be two resources, and a plan role that is the
 * admin would not be read-only), and a positive password version.
 */
export const planRoleRule: Rule<PostgresSourceSpec> = {
  id: "plan-role",
  summary: "planRole.name is an identifier other than the ClickPipes user, the monitoring role and the admin; planRole.passwordVersion is a positive integer",
  check: (s) => {
    const p = s.planRole;
    if (p === undefined) return [];
    if (typeof p !== "object" || p === null || Array.isArray(p)) return [{ field: "planRole", value: p, allowed: "an object ({} for the defaults)" }];
    const out: RuleFinding[] = [];
    if (p.name !== undefined) {
      const problem = identifierProblem(p.name);
      if (problem) out.push({ field: "planRole.name", value: p.name, allowed: `${IDENTIFIER_ALLOWED} (this one ${problem})` });
    }
    const name = p.name ?? DEFAULT_PLAN_ROLE_NAME;
    const user = s.user?.name ?? DEFAULT_USER_NAME;
    const admin = s.adminUser ?? DEFAULT_ADMIN_USER;
    const monitor = s.monitoring && typeof s.monitoring === "object" ? (s.monitoring.name ?? DEFAULT_MONITORING_ROLE_NAME) : undefined;
    if (name === user) out.push({ field: "planRole.name", value: name, allowed: `a role other than the ClickPipes user ${JSON.stringify(user)} (the plan role can change nothing)` });
    else if (name === admin) out.push({ field: "planRole.name", value: name, allowed: `a role other than the admin user ${JSON.stringify(admin)} (the plan role replaces the admin in PR plans)` });
    else if (name === monitor) out.push({ field: "planRole.name", value: name, allowed: `a role other than the monitoring role ${JSON.stringify(monitor)} (the stack creates both)` });
    const v = p.passwordVersion;
    if (v !== undefined && !(typeof v === "number" && Number.isInteger(v) && v >= 1)) {
      out.push({ field: "planRole.passwordVersion", value: v, allowed: "an integer of at least 1 (bump it to rotate the password)" });
    }
    return out;
  },
};
