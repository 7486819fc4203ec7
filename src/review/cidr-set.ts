/**
 * Address-set coverage for ingress rules: does the union of some networks contain every address of
 * another? Networks are parsed once with the project's CIDR type (`src/model/cidr.ts`) and compared
 * as number ranges, never as spellings (`3.127.86.90/32` and `003.127.086.090/32`, or
 * `2001:db8::1/128` and `2001:0db8:0:0:0:0:0:1/128`, are the same set).
 */
import { Cidr, IpFamily, lastAddress, parseCidr } from "../model/cidr";

/**
 * The network an ingress rule's `cidr_ipv4` (family 4) or `cidr_ipv6` (family 6) attribute opens,
 * or undefined when it opens nothing we can name: not a CIDR, or of the other family (an
 * IPv4-mapped `::ffff:a.b.c.d` in `cidr_ipv6` matches no IPv4 client in AWS). Host bits set are
 * dropped, as the network they denote.
 */
export function ruleNetwork(text: unknown, family: IpFamily): Cidr | undefined {
  if (typeof text !== "string") return undefined;
  const spelled = text.includes("/") ? text : `${text}/${family === 4 ? 32 : 128}`;
  let p = parseCidr(spelled);
  if (!p.ok && p.error.suggestion !== undefined) p = parseCidr(p.error.suggestion);
  return p.ok && p.cidr.family === family ? p.cidr : undefined;
}

interface Range {
  readonly start: bigint;
  readonly end: bigint;
}

/**
 * The union of some networks, merged into disjoint ranges per family once, so each question is a
 * binary search: does it contain every address of a network?
 */
export class CidrUnion {
  private readonly merged: Record<IpFamily, Range[]> = { 4: [], 6: [] };

  constructor(have: readonly Cidr[]) {
    for (const family of [4, 6] as const) {
      const ranges = have
        .filter((c) => c.family === family)
        .map((c) => ({ start: c.network, end: lastAddress(c) }))
        .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      const out: Range[] = [];
      for (const r of ranges) {
        const last = out[out.length - 1];
        if (last && r.start <= last.end + 1n) {
          if (r.end > last.end) out[out.length - 1] = { start: last.start, end: r.end };
        } else out.push(r);
      }
      this.merged[family] = out;
    }
  }

  /** Whether the union contains every address of `want`. */
  covers(want: Cidr): boolean {
    const list = this.merged[want.family];
    const end = lastAddress(want);
    // The last merged range starting at or before the network's first address must reach its last.
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= want.network) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && list[found]!.end >= end;
  }
}
