/**
 * One CIDR type, parsed once: every spelling of an IPv4 or IPv6 network (leading zeros, compressed
 * or expanded IPv6, upper-case hex, an IPv4 tail, IPv4-mapped IPv6) becomes one canonical text, and
 * address SETS are compared as ranges of numbers, never as strings. Pure; no Node APIs.
 *
 * Canonical text: IPv4 dotted decimal without leading zeros; IPv6 per RFC 5952 (lower case, no
 * leading zeros, the longest run of two or more zero groups compressed, the first one on a tie);
 * the prefix without leading zeros. An IPv4-mapped IPv6 network (`::ffff:a.b.c.d/n`, n >= 96) is
 * the IPv4 network `a.b.c.d/(n-96)` it denotes (PostgreSQL and AWS match IPv4 clients only against
 * IPv4 entries, so the mapped spelling would silently match nobody or hide a /0).
 */

export type IpFamily = 4 | 6;

/** A parsed, canonical network. */
export interface Cidr {
  readonly family: IpFamily;
  /** First address of the network. */
  readonly network: bigint;
  /** Prefix length (0-32 for IPv4, 0-128 for IPv6). */
  readonly prefix: number;
  /** Canonical `address/prefix`. */
  readonly text: string;
}

/** Why a text is not a CIDR; `suggestion` is the normalized network when only host bits are set. */
export interface CidrError {
  readonly reason: string;
  readonly suggestion?: string;
  /** The prefix length, when the text got that far. */
  readonly prefix?: number;
}

export type CidrParse = { readonly ok: true; readonly cidr: Cidr } | { readonly ok: false; readonly error: CidrError };

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    // Decimal, as PostgreSQL's inet reads it: leading zeros are not octal.
    if (!/^[0-9]{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = (n << 8n) | BigInt(v);
  }
  return n;
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(text)) return undefined;
  let head = text;
  let tail: bigint | undefined;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    tail = parseIpv4(text.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    head = text.slice(0, lastColon + 1) + "0:0"; // two groups stand for the IPv4 tail
  }
  const halves = head.split("::");
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  if ([...left, ...right].some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return undefined;
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right];
  let n = 0n;
  for (const g of all) n = (n << 16n) | BigInt(parseInt(g, 16));
  if (tail !== undefined) n = (n & ~0xffffffffn) | tail;
  return n;
}

function formatIpv4(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join(".");
}

function formatIpv6(n: bigint): string {
  const g = Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = -1;
  let bestLen = 1; // RFC 5952: a single zero group is not compressed
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = g.map((v) => v.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
}

function mask(family: IpFamily, prefix: number): bigint {
  const bits = BigInt(BITS[family]);
  return ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(prefix))) - 1n);
}

function make(family: IpFamily, network: bigint, prefix: number): Cidr {
  return { family, network, prefix, text: `${family === 4 ? formatIpv4(network) : formatIpv6(network)}/${prefix}` };
}

/** Parse `address/prefix`. A bare address, a zone id (`%eth0`) or host bits set are errors. */
export function parseCidr(input: unknown): CidrParse {
  const fail = (reason: string, suggestion?: string): CidrParse => ({ ok: false, error: { reason, suggestion } });
  if (typeof input !== "string") return fail("is not a string");
  const m = /^([^/\s]+)\/([0-9]{1,3})$/.exec(input);
  if (!m) return fail("is not of the form address/prefix");
  const [, addr, prefixText] = m;
  const prefix = Number(prefixText);
  let family: IpFamily;
  let value: bigint | undefined;
  if (addr!.includes(":")) {
    family = 6;
    value = parseIpv6(addr!);
  } else {
    family = 4;
    value = parseIpv4(addr!);
  }
  if (value === undefined) return fail(`has no valid IPv${family} address`);
  if (prefix > BITS[family]) return fail(`has a prefix longer than /${BITS[family]}`);
  if (family === 6 && prefix >= 96 && value >> 32n === 0xffffn) {
    family = 4;
    value = value & 0xffffffffn;
    return finish(4, value, prefix - 96, input);
  }
  return finish(family, value, prefix, input);
}

function finish(family: IpFamily, value: bigint, prefix: number, input: string): CidrParse {
  const network = value & mask(family, prefix);
  const cidr = make(family, network, prefix);
  if (network !== value) return { ok: false, error: { reason: `has host bits set after /${input.split("/")[1]}`, suggestion: cidr.text, prefix } };
  return { ok: true, cidr };
}

/** Canonical text of a CIDR, or undefined when it is not one (host bits set included). */
export function canonicalCidr(input: unknown): string | undefined {
  const p = parseCidr(input);
  return p.ok ? p.cidr.text : undefined;
}

/** Last address of the network. */
export function lastAddress(c: Cidr): bigint {
  return c.network | ((1n << BigInt(BITS[c.family] - c.prefix)) - 1n);
}

/** Whether `outer` contains every address of `inner`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.prefix <= inner.prefix && (inner.network & mask(outer.family, outer.prefix)) === outer.network;
}

/** Whether the union of `list` covers every address of the family. */
export function coversWholeFamily(list: readonly Cidr[], family: IpFamily): boolean {
  const ranges = list
    .filter((c) => c.family === family)
    .map((c) => [c.network, lastAddress(c)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let next = 0n; // first address not covered yet
  for (const [start, end] of ranges) {
    if (start > next) return false;
    if (end + 1n > next) next = end + 1n;
  }
  return next === 1n << BigInt(BITS[family]);
}

/** Whether `c` is the whole family (prefix /0). */
export function isWholeFamily(c: Cidr): boolean {
  return c.prefix === 0;
}

/** Shortest prefix that does not warn: wider networks are printed as a warning at synth. */
export const WIDE_PREFIX: Record<IpFamily, number> = { 4: 16, 6: 48 };

/** The same set of addresses? (Spellings do not matter.) */
export function sameCidr(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.prefix === b.prefix && a.network === b.network;
}

/** A bare address as the network of that one host (`/32` or `/128`); anything with a `/` unchanged. */
export function hostNetwork(text: string): string {
  return text.includes("/") ? text : `${text}/${text.includes(":") ? 128 : 32}`;
}
