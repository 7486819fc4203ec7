import { parseCidr, WIDE_PREFIX } from "../cidr";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding, Severity } from "../validation";
import { cidrLists } from "./cidr";

/** Warn (printed at synth) for an IPv4 network wider than /16 or an IPv6 network wider than /48. */
export const wideCidrRule: Rule<PostgresSourceSpec> = {
  id: "wide-cidr",
  summary: `warns for IPv4 networks wider than /${WIDE_PREFIX[4]} and IPv6 networks wider than /${WIDE_PREFIX[6]} in network.allowedCidrs and monitoring.allowedCidrs`,
  check: (s) =>
    cidrLists(s).flatMap(({ field, list, allowAnyAddress }) => {
      if (!Array.isArray(list)) return [];
      const out: RuleFinding[] = [];
      list.forEach((c, i) => {
        const p = parseCidr(c);
        if (!p.ok || p.cidr.prefix >= WIDE_PREFIX[p.cidr.family]) return;
        if (p.cidr.prefix === 0 && !allowAnyAddress) return; // an error of open-to-world
        out.push({
          severity: Severity.WARNING,
          field: `${field}[${i}]`,
          value: c,
          allowed: `without a warning: IPv4 networks of /${WIDE_PREFIX[4]} or narrower, IPv6 of /${WIDE_PREFIX[6]} or narrower (this one, ${p.cidr.text}, opens the database port to ${p.cidr.family === 4 ? 2 ** (32 - p.cidr.prefix) : `2^${128 - p.cidr.prefix}`} addresses)`,
        });
      });
      return out;
    }),
};
