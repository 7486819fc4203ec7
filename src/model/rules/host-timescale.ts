import { HOST_PROFILES, HostProfile, HostProfileRuleInput, TIMESCALE_INTERNAL_SCHEMA } from "../host-profiles";
import { PostgresSourceSpec } from "../types";
import { Rule, Severity } from "../validation";

/** Tiger Data: hypertable rows live in chunks under `_timescaledb_internal`; publish that schema too. */
export const hostTimescaleRule: Rule<PostgresSourceSpec> = {
  id: "host-timescale",
  summary: "a Tiger Data source publishes the _timescaledb_internal schema (hypertable chunks)",
  check: (spec) => {
    const s = spec as HostProfileRuleInput;
    if (s.hostProfile !== HostProfile.TIGERDATA || s.publication?.allTables === true) return [];
    const schemas = (s.schemas ?? []).map((x) => x.name);
    if (schemas.includes(TIMESCALE_INTERNAL_SCHEMA)) return [];
    return [
      {
        severity: Severity.WARNING,
        field: "schemas",
        value: schemas,
        allowed: `a list that includes ${TIMESCALE_INTERNAL_SCHEMA} when you replicate hypertables (their rows live in its chunk tables; ${HOST_PROFILES[HostProfile.TIGERDATA].guide})`,
      },
    ];
  },
};
