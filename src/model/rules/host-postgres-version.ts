import { ALLOYDB_MIN_VERSION, HOST_PROFILES, HostProfile, HostProfileRuleInput } from "../host-profiles";
import { PostgresSourceSpec } from "../types";
import { Rule } from "../validation";

/** AlloyDB supports logical replication from version 14 on. */
export const hostPostgresVersionRule: Rule<PostgresSourceSpec> = {
  id: "host-postgres-version",
  summary: "AlloyDB sources are version 14 or later",
  check: (spec) => {
    const s = spec as HostProfileRuleInput;
    return s.hostProfile === HostProfile.ALLOYDB && typeof s.postgresVersion === "number" && s.postgresVersion < ALLOYDB_MIN_VERSION
      ? [
          {
            field: "postgresVersion",
            value: s.postgresVersion,
            allowed: `${ALLOYDB_MIN_VERSION} or later on AlloyDB (logical replication exists from AlloyDB 14 on; ${HOST_PROFILES[HostProfile.ALLOYDB].guide})`,
          },
        ]
      : [];
  },
};
