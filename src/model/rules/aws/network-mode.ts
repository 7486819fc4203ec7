import { AwsNetworkMode, AwsSourceSpec } from "../../aws-types";
import { Rule } from "../../validation";

/** The network mode is one of the enum's values. */
export const networkModeRule: Rule<AwsSourceSpec> = {
  id: "network-mode",
  summary: "network.mode is ip-allow-list, privatelink or none",
  check: (s) => {
    const modes = Object.values(AwsNetworkMode) as string[];
    const m = s.network?.mode;
    return m === undefined || modes.includes(m) ? [] : [{ field: "network.mode", value: m, allowed: `one of ${modes.join(", ")}` }];
  },
};
