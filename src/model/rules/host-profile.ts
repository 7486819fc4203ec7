import { HOST_PROFILES, HostProfile, HostProfileRuleInput } from "../host-profiles";
import { PostgresSourceSpec } from "../types";
import { Rule } from "../validation";

const PROFILES = Object.values(HostProfile) as string[];

/** `hostProfile` is one of the known hosts; `planetScaleBranch` only (and always) with planetscale. */
export const hostProfileRule: Rule<PostgresSourceSpec> = {
  id: "host-profile",
  summary: "hostProfile is a known host; planetScaleBranch is given exactly with planetscale",
  check: (spec) => {
    const s = spec as HostProfileRuleInput;
    if (s.hostProfile !== undefined && !PROFILES.includes(s.hostProfile)) {
      return [{ field: "hostProfile", value: s.hostProfile, allowed: `one of ${PROFILES.join(", ")}` }];
    }
    const ps = s.hostProfile === HostProfile.PLANETSCALE;
    const branch = s.planetScaleBranch;
    if (ps && (typeof branch !== "string" || !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(branch))) {
      return [
        {
          field: "planetScaleBranch",
          value: branch,
          allowed: `the PlanetScale branch name (letters, digits, - or _): ClickPipes logs in as <user>.<branch> (${HOST_PROFILES[HostProfile.PLANETSCALE].guide})`,
        },
      ];
    }
    if (!ps && branch !== undefined) return [{ field: "planetScaleBranch", value: branch, allowed: "unset unless hostProfile is planetscale" }];
    return [];
  },
};
