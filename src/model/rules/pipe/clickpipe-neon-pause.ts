import { ClickPipeRuleInput } from "../../clickpipe";
import { HOST_PROFILES, HostProfile } from "../../host-profiles";
import { Rule, Severity } from "../../validation";

/**
 * A paused pipe on Neon: Neon removes an inactive replication slot after about 40 hours when other
 * slots are active (neon.com "Logical replication in Neon"), so a pause longer than that ends in a
 * full resync. A warning where the pause is declared (`stopped: true`).
 */
export const neonPauseRule: Rule<ClickPipeRuleInput> = {
  id: "clickpipe-neon-pause",
  summary: "a paused pipe on Neon is resumed within about 40 hours (Neon removes inactive slots)",
  check: (i) =>
    i.source.hostProfile === HostProfile.NEON && i.pipe.stopped === true
      ? [
          {
            severity: Severity.WARNING,
            field: "clickpipe.stopped",
            value: true,
            allowed: `true only for less than about 40 hours on Neon: Neon removes an inactive replication slot after about 40 h when other slots are active, and the pipe then needs a full resync (${HOST_PROFILES[HostProfile.NEON].guide}); health alerts on the inactive slot long before`,
          },
        ]
      : [],
};
