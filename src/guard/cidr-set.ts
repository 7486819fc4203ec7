/**
 * Address-set coverage for ingress rules: does the union of some CIDRs contain every address of
 * others? Compared as number ranges, never as spellings (`10.0.0.1/32` and `10.0.0.1`, or
 * `2001:db8::1/128` and `2001:0db8:0:0:0:0:0:1/128`, are the same set).
 *
 * TODO(merge): parse with the CIDR type of src/model/cidr.ts once it is on main.
 */

interface Range {
  readonly v6: boolean;
  readonly start: bigint;
  readonly end: bigint;
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseV6(s: string): bigint | undefined {
  let text = s.toLowerCase();
  const tail = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const v4 = parseV4(tail[1]);
    if (v4 === undefined) return undefined;
    text = `${text.slice(0, tail.index)}:${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (h: string) => (h === "" ? [] : h.split(":"));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** The address range of a CIDR (a bare address is a single host), or undefined when it is not one. */
export function cidrRange(text: string): Range | undefined {
  const [addr, bits, extra] = text.trim().split("/");
  if (extra !== undefined || addr === undefined) return undefined;
  const v6 = addr.includes(":");
  const width = v6 ? 128 : 32;
  const ip = v6 ? parseV6(addr) : parseV4(addr);
  const prefix = bits === undefined ? width : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (ip === undefined || !(prefix >= 0 && prefix <= width)) return undefined;
  const hostBits = BigInt(width - prefix);
  const start = (ip >> hostBits) << hostBits;
  return { v6, start, end: start + (1n << hostBits) - 1n };
}

/**
 * The union of some CIDRs, merged into disjoint ranges per family once, so each question is a binary
 * search: does it contain every address of a CIDR?
 */
export class CidrUnion {
  private readonly merged: Record<"v4" | "v6", Range[]> = { v4: [], v6: [] };

  constructor(have: readonly string[]) {
    for (const fam of ["v4", "v6"] as const) {
      const ranges = have
        .map(cidrRange)
        .filter((r): r is Range => r !== undefined && r.v6 === (fam === "v6"))
        .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      const out: Range[] = [];
      for (const r of ranges) {
        const last = out[out.length - 1];
        if (last && r.start <= last.end + 1n) {
          if (r.end > last.end) out[out.length - 1] = { ...last, end: r.end };
        } else out.push(r);
      }
      this.merged[fam] = out;
    }
  }

  /** Whether the union contains every address of `cidr` (unparsable: no). */
  covers(cidr: string): boolean {
    const want = cidrRange(cidr);
    if (!want) return false;
    const list = this.merged[want.v6 ? "v6" : "v4"];
    // The last merged range starting at or before want.start must reach want.end.
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= want.start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && list[found]!.end >= want.end;
  }
}

/** Whether the union of `have` contains every address of every CIDR in `need` (unparsable: not covered). */
export function cidrSetCovers(have: readonly string[], need: readonly string[]): boolean {
  const union = new CidrUnion(have);
  return need.every((n) => union.covers(n));
}
