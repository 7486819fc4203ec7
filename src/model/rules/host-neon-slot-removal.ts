import { HOST_PROFILES, HostProfile, HostProfileRuleInput } from "../host-profiles";
import { formatDuration, healthThresholdProblems, resolveHealthThresholds } from "../health";
import { NEON_INACTIVE_SLOT_REMOVAL_SECONDS } from "../thresholds";
import { PostgresSourceSpec } from "../types";
import { Rule, Severity } from "../validation";

/** Half Neon's removal time: `health` must go CRIT on an inactive slot well before Neon drops it. */
const NEON_CRIT_LIMIT_SECONDS = NEON_INACTIVE_SLOT_REMOVAL_SECONDS / 2;

/**
 * Neon removes an inactive replication slot after about 40 hours when other slots are active
 * (neon.com "Logical replication in Neon"): on a Neon source, `health.inactiveSlotCrit` stays at most
 * 20 h (half of it; the default is 1 h) so the alert fires well before the slot and the pipe's
 * position are gone. At or above 40 h it is an error; between 20 h and 40 h a warning.
 */
export const hostNeonSlotRemovalRule: Rule<PostgresSourceSpec> = {
  id: "host-neon-slot-removal",
  summary: "on Neon, health alerts on an inactive slot well before Neon removes it (about 40 h)",
  check: (spec) => {
    const s = spec as HostProfileRuleInput & PostgresSourceSpec;
    if (s.hostProfile !== HostProfile.NEON) return [];
    if (s.health !== undefined && healthThresholdProblems(s.health).length > 0) return []; // rule `health` reports it
    const crit = resolveHealthThresholds(s.health).inactiveSlotCritSeconds;
    if (!(crit > NEON_CRIT_LIMIT_SECONDS)) return [];
    return [
      {
        severity: crit >= NEON_INACTIVE_SLOT_REMOVAL_SECONDS ? Severity.ERROR : Severity.WARNING,
        field: "health.inactiveSlotCrit",
        value: s.health?.inactiveSlotCrit,
        allowed: `at most ${formatDuration(NEON_CRIT_LIMIT_SECONDS)} on Neon (it is ${formatDuration(crit)}): Neon removes an inactive replication slot after about 40 h when other slots are active, and a pipe whose slot is gone needs a full resync (${HOST_PROFILES[HostProfile.NEON].guide})`,
      },
    ];
  },
};
