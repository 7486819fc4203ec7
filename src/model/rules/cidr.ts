import { isIP } from "node:net";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding } from "../validation";

/** Whether `c` is an IPv4 or IPv6 CIDR with a prefix length in range. */
export function isCidr(c: unknown): boolean {
  if (typeof c !== "string") return false;
  const m = /^([^/]+)\/(\d{1,3})$/.exec(c);
  if (!m) return false;
  const family = isIP(m[1]!);
  const bits = Number(m[2]);
  return (family === 4 && bits <= 32) || (family === 6 && bits <= 128);
}

/** The everything-addresses. */
export function isAnyAddress(c: string): boolean {
  return /^0\.0\.0\.0\/0$/.test(c) || /^::\/0$/.test(c) || /^(0:){7}0\/0$/.test(c);
}

/** `network.allowedCidrs` entries are CIDRs, listed once. */
export const cidrRule: Rule<PostgresSourceSpec> = {
  id: "cidr",
  summary: "network.allowedCidrs holds valid IPv4/IPv6 CIDRs, each once, and at least one",
  check: (s) => {
    const list = s.network?.allowedCidrs;
    if (list === undefined) return [];
    if (!Array.isArray(list) || list.length === 0) {
      return [{ field: "network.allowedCidrs", value: list, allowed: "a non-empty list of CIDRs, or leave it out to use the ClickPipes IPs of the region" }];
    }
    const out: RuleFinding[] = [];
    list.forEach((c, i) => {
      if (!isCidr(c)) out.push({ field: `network.allowedCidrs[${i}]`, value: c, allowed: "an IPv4 or IPv6 CIDR such as 203.0.113.7/32" });
      else if (list.indexOf(c) !== i) out.push({ field: `network.allowedCidrs[${i}]`, value: c, allowed: "each CIDR once (it is listed twice)" });
    });
    return out;
  },
};
