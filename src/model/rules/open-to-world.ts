import { PostgresSourceSpec } from "../types";
import { Rule } from "../validation";
import { isAnyAddress } from "./cidr";

/** 0.0.0.0/0 or ::/0 opens the database to the internet: only with `network.allowAnyAddress`. */
export const openToWorldRule: Rule<PostgresSourceSpec> = {
  id: "open-to-world",
  summary: "0.0.0.0/0 and ::/0 need network.allowAnyAddress = true",
  check: (s) =>
    s.network?.allowAnyAddress === true
      ? []
      : (s.network?.allowedCidrs ?? [])
          .map((c, i) => ({ c, i }))
          .filter(({ c }) => typeof c === "string" && isAnyAddress(c))
          .map(({ c, i }) => ({
            field: `network.allowedCidrs[${i}]`,
            value: c,
            allowed: "specific CIDRs; the whole internet only with network.allowAnyAddress = true",
          })),
};
