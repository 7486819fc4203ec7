/**
 * ClickHouse Cloud's endpoints API document (`https://api.clickhouse.cloud/static-ips.json`), read
 * as a ClickPipes IP table, and compared with the embedded one. Pure: no Node APIs (reading a file
 * or a URL is `src/ips/`).
 *
 * The document's shape (read 2026-12-03):
 * - ClickHouse/ClickHouse `docs/integrations/clickpipes/networking/static-ips.mdx` @340ecd8f: the
 *   ClickPipes static NAT IPs "are also available from the Cloud endpoints API under the
 *   `clickpipes_egress_ips` field of each region", selected with jq as
 *   `.aws[] | select(.region == "<region>") | .clickpipes_egress_ips[]` (and `.gcp[]` likewise).
 * - ClickHouse/clickhouse-docs `docs/cloud/guides/data_sources/01_cloud-endpoints-api.md`: the
 *   document is an object with one list per cloud (`"aws": [...]`), each entry an object with
 *   `region`, `egress_ips`, `ingress_ips` (ClickHouse's own engines, not ClickPipes) and
 *   `s3_endpoints`; an older revision (`docs/en/cloud/security/cloud-endpoints-api.md`) also shows
 *   `"cell": "cell0"`, so one region may appear once per cell.
 * So: an object; per cloud a list of region objects, each with a non-empty `region` string and,
 * where ClickPipes has addresses there, `clickpipes_egress_ips`, a list of address strings. Other
 * fields are ignored; a region listed more than once has the union of its entries' addresses.
 */
import { canonicalCidr, hostNetwork, parseCidr } from "./cidr";
import { ClickPipesIpRegion, ClickPipesIpTable, compareIp, EMBEDDED_CLICKPIPES_IPS, REGIONS_WITHOUT_OWN_IPS, resolveClickPipesIps } from "./clickpipes-ips";
import { CloudProvider } from "./types";
import { isObject } from "./json";

/** Where ClickHouse Cloud publishes the document. */
export const STATIC_IPS_URL = "https://api.clickhouse.cloud/static-ips.json";

/** The field of each region that holds the ClickPipes addresses. */
export const CLICKPIPES_IPS_FIELD = "clickpipes_egress_ips";

/** The clouds this project knows; the document's other lists are read but only reported. */
const CLOUDS = Object.values(CloudProvider) as string[];

/** One region of the document. */
export interface DocumentRegion {
  readonly cloud: string;
  readonly region: string;
  /** Canonical networks (`model/cidr.ts`), sorted; undefined when no entry has the field. */
  readonly ips?: readonly string[];
}

/** The document, or where it is wrong (`path` is a JSON path such as `$.aws[3].region`). */
export type DocumentParse = { readonly ok: true; readonly regions: readonly DocumentRegion[] } | { readonly ok: false; readonly path: string; readonly problem: string };

function kindOf(v: unknown): string {
  return v === undefined ? "missing" : v === null ? "null" : Array.isArray(v) ? "a list" : isObject(v) ? "an object" : `a ${typeof v}`;
}

/** A JSON path segment for an object key. */
function key(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** Parse the document (already JSON-parsed). Never throws. */
export function parseStaticIpsDocument(doc: unknown): DocumentParse {
  const bad = (path: string, problem: string): DocumentParse => ({ ok: false, path, problem });
  if (!isObject(doc)) return bad("$", `is ${kindOf(doc)}, expected an object with a list per cloud (${CLOUDS.join(", ")})`);
  if (!CLOUDS.some((c) => c in doc)) return bad("$", `has none of the cloud lists ${CLOUDS.join(", ")}`);
  const merged = new Map<string, { cloud: string; region: string; ips?: Set<string> }>();
  for (const [cloud, list] of Object.entries(doc)) {
    const at = `$${key(cloud)}`;
    if (!Array.isArray(list)) {
      if (CLOUDS.includes(cloud)) return bad(at, `is ${kindOf(list)}, expected a list of regions`);
      continue; // not a cloud list: another part of the document
    }
    // A list under another key is a cloud we do not know only if it looks like one (reported as
    // unknown regions); anything else is another part of the document, not ours to refuse.
    if (!CLOUDS.includes(cloud) && !list.every((e) => isObject(e) && typeof e.region === "string" && e.region.trim() !== "")) continue;
    for (let i = 0; i < list.length; i++) {
      const entry: unknown = list[i];
      const here = `${at}[${i}]`;
      if (!isObject(entry)) return bad(here, `is ${kindOf(entry)}, expected a region object`);
      const region = entry.region;
      if (typeof region !== "string" || region.trim() === "") return bad(`${here}.region`, typeof region === "string" ? "is empty" : `is ${kindOf(region)}, expected a region name`);
      const id = `${cloud}/${region}`;
      const row = merged.get(id) ?? { cloud, region };
      merged.set(id, row);
      if (!(CLICKPIPES_IPS_FIELD in entry)) continue;
      const ips: unknown = entry[CLICKPIPES_IPS_FIELD];
      const field = `${here}.${CLICKPIPES_IPS_FIELD}`;
      if (!Array.isArray(ips)) return bad(field, `is ${kindOf(ips)}, expected a list of addresses`);
      row.ips ??= new Set();
      for (let j = 0; j < ips.length; j++) {
        const text: unknown = ips[j];
        if (typeof text !== "string") return bad(`${field}[${j}]`, `is ${kindOf(text)}, expected an address`);
        const canonical = canonicalCidr(hostNetwork(text));
        if (canonical === undefined) {
          const p = parseCidr(hostNetwork(text));
          return bad(`${field}[${j}]`, `${JSON.stringify(text)} is not an IP address or network${p.ok ? "" : ` (it ${p.error.reason})`}`);
        }
        row.ips.add(canonical);
      }
    }
  }
  const regions = [...merged.values()]
    .map((r) => ({ cloud: r.cloud, region: r.region, ...(r.ips ? { ips: [...r.ips].sort(compareNetworks) } : {}) }))
    .sort((a, b) => compareText(a.cloud, b.cloud) || compareText(a.region, b.region));
  return { ok: true, regions };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Order of canonical networks: by address (numerically for IPv4), then prefix. */
function compareNetworks(a: string, b: string): number {
  return compareIp(displayAddress(a), displayAddress(b)) || compareText(a, b);
}

/** A canonical network as people write it: a single host without its /32 or /128. */
export function displayAddress(network: string): string {
  return network.includes(":") ? network.replace(/\/128$/, "") : network.replace(/\/32$/, "");
}

/**
 * The document's regions as an IP table for the allow lists: rows of the known clouds that list
 * addresses (possibly none: the rules refuse a service whose region has none). A row's `since` is
 * the embedded table's for that region (the document has no dates).
 */
export function documentIpTable(regions: readonly DocumentRegion[], version: string): ClickPipesIpTable {
  const rows: ClickPipesIpRegion[] = [];
  for (const r of regions) {
    if (!CLOUDS.includes(r.cloud) || r.ips === undefined) continue;
    const since = EMBEDDED_CLICKPIPES_IPS.rows.find((e) => e.cloud === r.cloud && e.region === r.region)?.since;
    rows.push({ cloud: r.cloud as CloudProvider, region: r.region, ...(since !== undefined ? { since } : {}), ips: r.ips.map(displayAddress) });
  }
  return { version, rows };
}

/** One difference between the document and the embedded table. */
export interface IpsDifference {
  /**
   * `added`: the document lists an address the table does not; `removed`: the reverse;
   * `unknown-region`: the document lists addresses for a region the table does not know;
   * `own-addresses`: the document lists addresses of its own for a region the table sends to a
   * default region; `missing-region`: the table has a region the document lists no addresses for.
   */
  readonly kind: "added" | "removed" | "unknown-region" | "own-addresses" | "missing-region";
  readonly cloud: string;
  readonly region: string;
  /** The address (`added`, `removed`). */
  readonly address?: string;
  /** The addresses of the region in the document (`unknown-region`, `own-addresses`) or in the table (`missing-region`). */
  readonly addresses?: readonly string[];
  /** The line printed for it. */
  readonly line: string;
}

/** Which regions to compare or print: `cloud` and `region` filter when set. */
export interface RegionFilter {
  readonly cloud?: string;
  readonly region?: string;
}

export function matchesFilter(filter: RegionFilter, cloud: string, region: string): boolean {
  return (filter.cloud === undefined || filter.cloud === cloud) && (filter.region === undefined || filter.region === region);
}

/**
 * Compare the document with an IP table (the embedded one by default). A region of the table is
 * compared with the same region of the document; a region the table sends to a default region
 * (`REGIONS_WITHOUT_OWN_IPS`) agrees when the document lists it without addresses or with the
 * default region's. Regions the document lists without `clickpipes_egress_ips` and the table does
 * not know are not ClickPipes facts and are skipped. Sorted by cloud, region, kind, address.
 */
export function compareWithTable(regions: readonly DocumentRegion[], filter: RegionFilter = {}, table: ClickPipesIpTable = EMBEDDED_CLICKPIPES_IPS): IpsDifference[] {
  const out: IpsDifference[] = [];
  const doc = new Map(regions.map((r) => [`${r.cloud}/${r.region}`, r]));
  const list = (ips: readonly string[]) => ips.map(displayAddress).join(" ");
  for (const row of table.rows) {
    if (!matchesFilter(filter, row.cloud, row.region)) continue;
    const id = `${row.cloud}/${row.region}`;
    const ours = row.ips.map((ip) => canonicalCidr(hostNetwork(ip))!).sort(compareNetworks);
    const theirs = doc.get(id)?.ips;
    if (theirs === undefined || theirs.length === 0) {
      out.push({
        kind: "missing-region",
        cloud: row.cloud,
        region: row.region,
        addresses: ours.map(displayAddress),
        line: `${id}: missing from the document (it lists no ${CLICKPIPES_IPS_FIELD} there; the table has ${list(ours)})`,
      });
      continue;
    }
    for (const a of theirs)
      if (!ours.includes(a))
        out.push({ kind: "added", cloud: row.cloud, region: row.region, address: displayAddress(a), line: `${id}: ${displayAddress(a)} added (in the document, not in the table)` });
    for (const a of ours)
      if (!theirs.includes(a))
        out.push({ kind: "removed", cloud: row.cloud, region: row.region, address: displayAddress(a), line: `${id}: ${displayAddress(a)} removed (in the table, not in the document)` });
  }
  for (const r of regions) {
    if (!matchesFilter(filter, r.cloud, r.region) || r.ips === undefined || r.ips.length === 0) continue;
    if (table.rows.some((row) => row.cloud === r.cloud && row.region === r.region)) continue;
    const id = `${r.cloud}/${r.region}`;
    const usesDefault = CLOUDS.includes(r.cloud) && (REGIONS_WITHOUT_OWN_IPS[r.cloud as CloudProvider] ?? []).includes(r.region);
    if (usesDefault) {
      const fallback = resolveClickPipesIps(r.cloud as CloudProvider, r.region, undefined, table);
      const expected = fallback.ips.map((ip) => canonicalCidr(hostNetwork(ip))!).sort(compareNetworks);
      if (expected.join(",") === r.ips.join(",")) continue;
      out.push({
        kind: "own-addresses",
        cloud: r.cloud,
        region: r.region,
        addresses: r.ips.map(displayAddress),
        line: `${id}: the document lists addresses of its own (${list(r.ips)}); the table uses those of ${fallback.ipRegion}`,
      });
    } else {
      out.push({ kind: "unknown-region", cloud: r.cloud, region: r.region, addresses: r.ips.map(displayAddress), line: `${id}: region unknown to the table (the document lists ${list(r.ips)})` });
    }
  }
  const rank: Record<IpsDifference["kind"], number> = { "missing-region": 0, "unknown-region": 1, "own-addresses": 2, removed: 3, added: 4 };
  return out.sort((a, b) => compareText(a.cloud, b.cloud) || compareText(a.region, b.region) || rank[a.kind] - rank[b.kind] || compareIp(a.address ?? "", b.address ?? ""));
}
