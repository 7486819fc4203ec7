import { ClickPipeRuleInput } from "../../clickpipe";
import { HOST_PROFILES, HostProfile } from "../../host-profiles";
import { Rule, RuleFinding, Severity } from "../../validation";

/**
 * `stopped`: a boolean; `true` is refused by the provider when it creates the pipe
 * (`ModifyPlan`: "Cannot create a ClickPipe in a stopped state"), so it is a warning at synth: the
 * synth cannot tell a new pipe from an existing one. On Neon the warning adds that Neon removes an
 * inactive slot after about 40 hours (neon.com "Logical replication in Neon"): a longer pause ends in
 * a full resync.
 */
export const stoppedRule: Rule<ClickPipeRuleInput> = {
  id: "clickpipe-stopped",
  summary: "stopped is a boolean; true only on a pipe that exists (the provider refuses to create a stopped pipe)",
  check: (i) => {
    const out: RuleFinding[] = [];
    const v = i.pipe.stopped;
    if (v === undefined || v === false) return out;
    if (v !== true) {
      out.push({ field: "clickpipe.stopped", value: v, allowed: "true (pause) or false (run)" });
    } else {
      out.push({
        severity: Severity.WARNING,
        field: "clickpipe.stopped",
        value: true,
        allowed:
          'true only on a pipe that already exists: the provider refuses to create a stopped pipe ("Cannot create a ClickPipe in a stopped state"); to pause a new pipe, deploy it with stopped unset, then set stopped: true and deploy again' +
          (i.source.hostProfile === HostProfile.NEON
            ? `; on Neon, for less than about 40 hours: Neon removes an inactive replication slot after about 40 h when other slots are active, and the pipe then needs a full resync (${HOST_PROFILES[HostProfile.NEON].guide})`
            : ""),
      });
    }
    return out;
  },
};
