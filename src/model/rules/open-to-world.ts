import { Cidr, coversWholeFamily, IpFamily, parseCidr } from "../cidr";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding } from "../validation";
import { CidrList, cidrLists, isAnyAddress } from "./cidr";

const FAMILY_NAME: Record<IpFamily, string> = { 4: "IPv4", 6: "IPv6" };

/**
 * The whole internet only with `network.allowAnyAddress`: any /0 in any spelling (`0.0.0.0/00`,
 * `::0/0`, `10.0.0.0/0`, `::ffff:0:0/96`), and any list whose union covers every IPv4 or every IPv6
 * address (`0.0.0.0/1` + `128.0.0.0/1`). Address sets are compared, not spellings.
 */
export const openToWorldRule: Rule<PostgresSourceSpec> = {
  id: "open-to-world",
  summary: "a /0 network, or networks that together cover all of IPv4 or IPv6, need network.allowAnyAddress = true (never in monitoring.allowedCidrs)",
  check: (s) => cidrLists(s).flatMap(checkList),
};

function checkList({ field, list, allowAnyAddress, anyAddressHint }: CidrList): RuleFinding[] {
  if (allowAnyAddress || !Array.isArray(list)) return [];
  const out: RuleFinding[] = [];
  list.forEach((c, i) => {
    if (isAnyAddress(c)) out.push({ field: `${field}[${i}]`, value: c, allowed: `specific CIDRs; ${anyAddressHint}` });
  });
  if (out.length > 0) return out;
  const cidrs = list.map((c) => parseCidr(c)).flatMap((p): Cidr[] => (p.ok ? [p.cidr] : []));
  for (const family of [4, 6] as const) {
    if (coversWholeFamily(cidrs, family)) {
      out.push({
        field,
        value: list,
        allowed: `networks that leave part of the address space out (together these cover every ${FAMILY_NAME[family]} address); ${anyAddressHint}`,
      });
    }
  }
  return out;
}
