/**
 * What `cdktf-clickpipes ips` prints: the embedded ClickPipes IP table, or its comparison with a
 * Cloud endpoints API document (`--check`). `--json` prints these types
 * (schemas/ips-report.schema.json, generated from them by scripts/gen-ips-schema.ts).
 */
import { CLICKPIPES_IP_TABLE_VERSION, compareIp, EMBEDDED_CLICKPIPES_IPS, REGIONS_WITHOUT_OWN_IPS, resolveClickPipesIps } from "../model/clickpipes-ips";
import { IpsDifference, matchesFilter, RegionFilter } from "../model/clickpipes-ips-document";
import { CloudProvider } from "../model/types";

/** One region of the table. */
export interface IpsTableRegion {
  readonly cloud: string;
  readonly region: string;
  /** The addresses apply to services created on or after this day (`YYYY-MM-DD`); older ones use the default region's. Absent: every service of the region. */
  readonly since?: string;
  /** The region's addresses, sorted; empty when it uses a default region's (`usesRegion`). */
  readonly ips: readonly string[];
  /** The default region whose addresses services of this region use (it has none of its own). Absent: the region has addresses of its own. */
  readonly usesRegion?: string;
}

/** `cdktf-clickpipes ips --json`. */
export interface IpsTableReport {
  readonly kind: "table";
  /** Version of the embedded table: the day its source was read. */
  readonly tableVersion: string;
  /** Sorted by cloud, then region. */
  readonly regions: readonly IpsTableRegion[];
}

/** `cdktf-clickpipes ips --check <file-or-URL> --json`. */
export interface IpsCheckReport {
  readonly kind: "check";
  readonly tableVersion: string;
  /** The file compared, as given, or the URL by scheme, host and path (never its userinfo, query or fragment). */
  readonly document: string;
  /** True when nothing differs (exit 0); false exits 1. */
  readonly agree: boolean;
  /** Sorted by cloud, region, kind, address. */
  readonly differences: readonly IpsDifference[];
}

export type IpsReport = IpsTableReport | IpsCheckReport;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The embedded table's regions (with those that use a default region), filtered, sorted. */
export function tableRegions(filter: RegionFilter = {}): IpsTableRegion[] {
  const own: IpsTableRegion[] = EMBEDDED_CLICKPIPES_IPS.rows.map((r) => ({ cloud: r.cloud, region: r.region, ...(r.since ? { since: r.since } : {}), ips: [...r.ips].sort(compareIp) }));
  const borrowed: IpsTableRegion[] = Object.entries(REGIONS_WITHOUT_OWN_IPS).flatMap(([cloud, regions]) =>
    regions.map((region) => ({ cloud, region, ips: [], usesRegion: `aws/${resolveClickPipesIps(cloud as CloudProvider, region).ipRegion}` })),
  );
  return [...own, ...borrowed].filter((r) => matchesFilter(filter, r.cloud, r.region)).sort((a, b) => byText(a.cloud, b.cloud) || byText(a.region, b.region));
}

export function tableReport(filter: RegionFilter = {}): IpsTableReport {
  return { kind: "table", tableVersion: CLICKPIPES_IP_TABLE_VERSION, regions: tableRegions(filter) };
}

/** One line per region: `aws/eu-west-1 (from 2026-01-20): 54.228.1.92 ...`. */
export function formatTable(report: IpsTableReport): string {
  return report.regions.map((r) => `${r.cloud}/${r.region}${r.since ? ` (from ${r.since})` : ""}: ${r.usesRegion ? `uses ${r.usesRegion}` : r.ips.join(" ")}\n`).join("");
}
