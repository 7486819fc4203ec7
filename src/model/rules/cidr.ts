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

/** A list of networks a rule checks: where it is, the list, and whether it may cover the whole internet. */
export interface CidrList {
  readonly field: string;
  readonly list: unknown;
  readonly allowAnyAddress: boolean;
  /** What to set to allow the whole internet, when anything can. */
  readonly anyAddressHint: string;
}

/**
 * The network lists of a spec, each checked by the same rules (`cidr`, `open-to-world`,
 * `wide-cidr`): `network.allowedCidrs` (ClickPipes) and `monitoring.allowedCidrs` (where `health`
 * or an exporter connects from; never the whole internet).
 */
export function cidrLists(s: PostgresSourceSpec): CidrList[] {
  const out: CidrList[] = [];
  if (s.network?.allowedCidrs !== undefined) {
    out.push({
      field: "network.allowedCidrs",
      list: s.network.allowedCidrs,
      allowAnyAddress: s.network.allowAnyAddress === true,
      anyAddressHint: "the whole internet only with network.allowAnyAddress = true",
    });
  }
  const m = s.monitoring as { allowedCidrs?: unknown } | undefined;
  if (typeof m === "object" && m !== null && m.allowedCidrs !== undefined) {
    out.push({ field: "monitoring.allowedCidrs", list: m.allowedCidrs, allowAnyAddress: false, anyAddressHint: "never the whole internet for the monitoring role" });
  }
  return out;
}

/**
 * `network.allowedCidrs` and `monitoring.allowedCidrs` entries are IPv4/IPv6 networks in any
 * spelling, without host bits set (the normalized network is suggested), each network once
 * (compared as address sets).
 */
export const cidrRule: Rule<PostgresSourceSpec> = {
  id: "cidr",
  summary: "network.allowedCidrs and monitoring.allowedCidrs hold valid IPv4/IPv6 networks without host bits, each once, and at least one",
  check: (s) => cidrLists(s).flatMap(checkList),
};

function checkList({ field: base, list, allowAnyAddress }: CidrList): RuleFinding[] {
  if (!Array.isArray(list) || list.length === 0) {
    return [
      {
        field: base,
        value: list,
        allowed:
          base === "network.allowedCidrs"
            ? "a non-empty list of CIDRs, or leave it out to use the ClickPipes IPs of the region"
            : "a non-empty list of CIDRs, or leave it out (a commented pg_hba.conf line to fill in)",
      },
    ];
  }
  const out: RuleFinding[] = [];
  const seen: { cidr: Cidr; i: number }[] = [];
  list.forEach((c, i) => {
    const field = `${base}[${i}]`;
    const p = parseCidr(c);
    if (!p.ok) {
      // A /0 with host bits is the open-to-world rule's to report (unless the whole internet is allowed).
      if (p.error.prefix === 0 && !allowAnyAddress) return;
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
    if (first) out.push({ field, value: c, allowed: `each network once (it is ${base}[${first.i}], ${p.cidr.text}, again)` });
    else seen.push({ cidr: p.cidr, i });
  });
  return out;
}
