import { Cidr, parseCidr, sameCidr } from "../cidr";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding } from "../validation";

/** Whether `c` is an IPv4 or IPv6 network in any spelling, without host bits set. */
export function isCidr(c: unknown): boolean {
  return parseCidr(c).ok;
}

/** Whether `c` is a whole address family (prefix /0), in any spelling, host bits or not. */
export function isAnyAddress(c: unknown): boolean {
  const p = parseCidr(c);
  return p.ok ? p.cidr.prefix === 0 : p.error.prefix === 0;
}

/**
 * `network.allowedCidrs` entries are IPv4/IPv6 networks in any spelling, without host bits set
 * (the normalized network is suggested), each network once (compared as address sets).
 */
export const cidrRule: Rule<PostgresSourceSpec> = {
  id: "cidr",
  summary: "network.allowedCidrs holds valid IPv4/IPv6 networks without host bits, each once, and at least one",
  check: (s) => {
    const list = s.network?.allowedCidrs;
    if (list === undefined) return [];
    if (!Array.isArray(list) || list.length === 0) {
      return [{ field: "network.allowedCidrs", value: list, allowed: "a non-empty list of CIDRs, or leave it out to use the ClickPipes IPs of the region" }];
    }
    const out: RuleFinding[] = [];
    const seen: { cidr: Cidr; i: number }[] = [];
    list.forEach((c, i) => {
      const field = `network.allowedCidrs[${i}]`;
      const p = parseCidr(c);
      if (!p.ok) {
        // A /0 with host bits is the open-to-world rule's to report (unless the whole internet is allowed).
        if (p.error.prefix === 0 && s.network?.allowAnyAddress !== true) return;
        out.push({
          field,
          value: c,
          allowed: p.error.suggestion
            ? `a network without host bits: use ${p.error.suggestion} (this one ${p.error.reason})`
            : `an IPv4 or IPv6 CIDR such as 203.0.113.7/32 (this one ${p.error.reason})`,
        });
        return;
      }
      const first = seen.find((x) => sameCidr(x.cidr, p.cidr));
      if (first) out.push({ field, value: c, allowed: `each network once (it is network.allowedCidrs[${first.i}], ${p.cidr.text}, again)` });
      else seen.push({ cidr: p.cidr, i });
    });
    return out;
  },
};
