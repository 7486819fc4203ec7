import { HOST_PROFILES, HostProfile, HostProfileRuleInput } from "../host-profiles";
import { PostgresSourceSpec } from "../types";
import { Rule, Severity } from "../validation";

/** Supabase turns row-level security on for its tables; a user without BYPASSRLS reads no rows of them. */
export const hostRowLevelSecurityRule: Rule<PostgresSourceSpec> = {
  id: "host-row-level-security",
  summary: "a Supabase source's user bypasses row-level security, or its tables have none",
  check: (spec) => {
    const s = spec as HostProfileRuleInput;
    return s.hostProfile === HostProfile.SUPABASE && s.user?.bypassRowLevelSecurity !== true
      ? [
          {
            severity: Severity.WARNING,
            field: "user.bypassRowLevelSecurity",
            value: s.user?.bypassRowLevelSecurity,
            allowed: `true when a replicated table has row-level security on (Supabase enables it; without BYPASSRLS the initial load reads none of its rows; ${HOST_PROFILES[HostProfile.SUPABASE].guide}); not set for you, as it widens the user's rights`,
          },
        ]
      : [];
  },
};
