import { DEFAULT_ADMIN_USER, DEFAULT_MONITORING_ROLE_NAME, DEFAULT_USER_NAME } from "../defaults";
import { IDENTIFIER_ALLOWED, identifierProblem } from "../identifiers";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding } from "../validation";

/**
 * The monitoring role: a PostgreSQL identifier (the provider quotes role names everywhere), another
 * name than the ClickPipes user's and the admin's (one role cannot be two resources), and a
 * positive password version.
 */
export const monitoringRoleRule: Rule<PostgresSourceSpec> = {
  id: "monitoring-role",
  summary: "monitoring.name is an identifier other than the ClickPipes user and the admin; monitoring.passwordVersion is a positive integer",
  check: (s) => {
    const m = s.monitoring;
    if (m === undefined) return [];
    if (typeof m !== "object" || m === null || Array.isArray(m)) return [{ field: "monitoring", value: m, allowed: "an object ({} for the defaults)" }];
    const out: RuleFinding[] = [];
    if (m.name !== undefined) {
      const problem = identifierProblem(m.name);
      if (problem) out.push({ field: "monitoring.name", value: m.name, allowed: `${IDENTIFIER_ALLOWED} (this one ${problem})` });
    }
    const name = m.name ?? DEFAULT_MONITORING_ROLE_NAME;
    const user = s.user?.name ?? DEFAULT_USER_NAME;
    const admin = s.adminUser ?? DEFAULT_ADMIN_USER;
    if (name === user) out.push({ field: "monitoring.name", value: name, allowed: `a role other than the ClickPipes user ${JSON.stringify(user)} (the monitoring role gets pg_monitor only)` });
    else if (name === admin) out.push({ field: "monitoring.name", value: name, allowed: `a role other than the admin user ${JSON.stringify(admin)} (the stack creates this role)` });
    const v = m.passwordVersion;
    if (v !== undefined && !(typeof v === "number" && Number.isInteger(v) && v >= 1)) {
      out.push({ field: "monitoring.passwordVersion", value: v, allowed: "an integer of at least 1 (bump it to rotate the password)" });
    }
    return out;
  },
};
