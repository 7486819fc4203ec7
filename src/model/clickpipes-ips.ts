/**
 * ClickPipes static NAT IPs, as versioned data. Source: ClickHouse/ClickHouse
 * `docs/integrations/clickpipes/networking/static-ips.mdx` @340ecd8f (read 2026-12-03; the same
 * table and default-region rules are served as `clickpipes_egress_ips` per region by the Cloud
 * endpoints API, https://api.clickhouse.cloud/static-ips.json). The list changes often: bump
 * `CLICKPIPES_IP_TABLE_VERSION` and `CLICKPIPES_IP_TABLE_SOURCE` with every edit, and let users
 * override it with `network.allowedCidrs`.
 *
 * 2026-12-03 against 2026-11-01: ap-east-2 (Taipei) added (six addresses, services created on or
 * after 2026-08-04; older services in ap-east-2 use us-east-2). Every other row and default-region
 * rule re-read and unchanged.
 */
import { clickPipesPage, FactSource } from "./fact-source";
import { CloudProvider } from "./types";

/** Version of the table below: the day the docs page was read. */
export const CLICKPIPES_IP_TABLE_VERSION = "2026-12-03";

/** Where the table and the default-region rules below come from. */
export const CLICKPIPES_IP_TABLE_SOURCE: FactSource = clickPipesPage(
  "ClickPipes static IPs page",
  "networking/static-ips.mdx",
  "340ecd8f2f444ad673409c5b64af4afc7e6bce82",
  CLICKPIPES_IP_TABLE_VERSION,
);

/** Google Cloud regions apply only to services that got ClickPipes on or after this day. */
export const GCP_REGIONAL_IPS_SINCE = "2026-06-15";

/** One region's egress IPs. */
export interface ClickPipesIpRegion {
  readonly cloud: CloudProvider;
  readonly region: string;
  /** Applies only to services created on or after this day (`YYYY-MM-DD`). */
  readonly since?: string;
  readonly ips: readonly string[];
}

/** The table, in the order of the docs page. */
export const CLICKPIPES_IP_TABLE: readonly ClickPipesIpRegion[] = [
  { cloud: CloudProvider.AWS, region: "eu-central-1", ips: ["18.195.233.217", "3.127.86.90", "35.157.23.2", "18.197.167.47", "3.122.25.29", "52.28.148.40"] },
  { cloud: CloudProvider.AWS, region: "eu-west-1", since: "2026-01-20", ips: ["54.228.1.92", "54.72.101.254", "54.228.16.208", "54.76.200.104", "52.211.2.177", "54.77.10.134"] },
  { cloud: CloudProvider.AWS, region: "us-east-1", ips: ["54.82.38.199", "3.90.133.29", "52.5.177.8", "3.227.227.145", "3.216.6.184", "54.84.202.92", "3.131.130.196", "3.23.172.68", "3.20.208.150"] },
  { cloud: CloudProvider.AWS, region: "us-east-2", ips: ["3.131.130.196", "3.23.172.68", "3.20.208.150", "3.132.20.192", "18.119.76.110", "3.134.185.180"] },
  { cloud: CloudProvider.AWS, region: "ap-south-1", since: "2025-06-25", ips: ["13.203.140.189", "13.232.213.12", "13.235.145.208", "35.154.167.40", "65.0.39.245", "65.1.225.89"] },
  { cloud: CloudProvider.AWS, region: "ap-northeast-2", since: "2025-11-14", ips: ["3.38.68.69", "52.78.68.128", "13.209.152.13", "3.38.24.84", "3.37.159.31", "3.34.25.104"] },
  { cloud: CloudProvider.AWS, region: "ap-southeast-1", since: "2026-03-18", ips: ["13.215.65.134", "18.139.118.108", "47.130.197.47", "54.251.134.219", "54.254.98.29", "54.255.153.106"] },
  { cloud: CloudProvider.AWS, region: "ap-southeast-2", since: "2025-06-25", ips: ["3.106.48.103", "52.62.168.142", "13.55.113.162", "3.24.61.148", "54.206.77.184", "54.79.253.17"] },
  { cloud: CloudProvider.AWS, region: "af-south-1", since: "2026-04-15", ips: ["13.245.187.24", "15.240.60.178", "15.240.81.191", "13.245.25.101", "13.245.91.225", "15.240.54.195"] },
  { cloud: CloudProvider.AWS, region: "ap-east-1", since: "2026-04-15", ips: ["18.166.168.168", "43.199.224.85", "95.40.0.242", "16.162.107.229", "43.199.125.240", "54.46.86.27"] },
  { cloud: CloudProvider.AWS, region: "ap-east-2", since: "2026-08-04", ips: ["43.212.223.232", "43.213.191.245", "43.213.177.170", "43.213.254.52", "54.54.16.115", "43.212.222.227"] },
  { cloud: CloudProvider.AWS, region: "ap-northeast-1", since: "2026-04-15", ips: ["54.168.88.92", "35.76.97.79", "54.64.100.89", "54.178.40.17", "52.195.101.208", "13.193.109.245"] },
  { cloud: CloudProvider.AWS, region: "ap-southeast-3", since: "2026-03-06", ips: ["16.78.195.195", "43.218.184.235", "16.79.88.54", "15.232.6.147", "15.232.46.145", "108.137.199.68"] },
  { cloud: CloudProvider.AWS, region: "ca-central-1", since: "2026-04-15", ips: ["52.60.123.235", "3.97.222.98", "3.99.62.248", "15.223.61.186", "3.96.255.101", "3.97.29.96"] },
  { cloud: CloudProvider.AWS, region: "eu-north-1", since: "2026-04-15", ips: ["13.63.1.65", "16.171.127.30", "56.228.76.44", "13.63.101.248", "16.170.124.188", "13.60.109.201"] },
  { cloud: CloudProvider.AWS, region: "eu-west-2", since: "2026-04-15", ips: ["13.134.82.158", "16.60.209.167", "18.134.221.203", "16.60.139.176", "13.43.66.75", "3.11.78.183"] },
  { cloud: CloudProvider.AWS, region: "il-central-1", since: "2026-04-15", ips: ["16.164.25.13", "51.84.162.29", "51.85.90.183", "51.84.36.146", "51.84.72.29", "51.85.28.184"] },
  { cloud: CloudProvider.AWS, region: "mx-central-1", since: "2026-05-19", ips: ["78.12.67.220", "78.12.117.175", "78.13.186.238", "78.13.219.184", "78.13.224.212", "78.13.248.162"] },
  { cloud: CloudProvider.AWS, region: "sa-east-1", since: "2026-04-15", ips: ["18.230.164.131", "56.126.1.234", "18.230.39.24", "15.229.102.116", "18.230.174.204", "18.229.237.116"] },
  { cloud: CloudProvider.AWS, region: "us-west-2", since: "2025-06-24", ips: ["52.42.100.5", "44.242.47.162", "52.40.44.52", "44.227.206.163", "44.246.241.23", "35.83.230.19"] },
  { cloud: CloudProvider.GCP, region: "asia-northeast1", since: "2026-05-27", ips: ["104.198.114.210", "35.221.66.81", "35.243.126.127", "136.110.107.86", "34.85.18.112"] },
  { cloud: CloudProvider.GCP, region: "asia-southeast1", since: "2026-05-27", ips: ["34.21.197.28", "35.197.141.23", "35.197.157.90", "136.110.17.200", "35.185.179.231"] },
  { cloud: CloudProvider.GCP, region: "australia-southeast1", since: "2026-07-07", ips: ["34.40.200.47", "34.151.85.215", "34.151.163.22", "34.87.195.243", "34.40.243.42"] },
  { cloud: CloudProvider.GCP, region: "europe-west2", since: "2026-05-27", ips: ["35.242.131.178", "34.39.77.101", "34.39.47.179", "34.89.53.234", "8.228.63.151"] },
  { cloud: CloudProvider.GCP, region: "europe-west3", since: "2026-07-08", ips: ["35.234.83.97", "34.185.190.148", "35.246.247.157", "34.159.127.6", "34.141.3.60"] },
  { cloud: CloudProvider.GCP, region: "europe-west4", since: "2026-05-27", ips: ["34.34.86.3", "34.6.175.56", "34.178.6.187", "34.91.204.220", "34.12.85.206"] },
  { cloud: CloudProvider.GCP, region: "europe-west6", since: "2026-07-08", ips: ["34.65.96.1", "34.65.131.251", "34.65.140.197", "34.65.186.186", "34.158.21.76"] },
  { cloud: CloudProvider.GCP, region: "northamerica-northeast1", since: "2026-07-10", ips: ["34.19.131.90", "34.19.160.202", "34.19.162.249", "34.19.222.77", "34.47.6.28"] },
  { cloud: CloudProvider.GCP, region: "us-central1", since: "2026-07-07", ips: ["34.28.24.54", "34.42.56.195", "34.63.141.9", "35.238.146.37", "34.10.251.49"] },
  { cloud: CloudProvider.GCP, region: "us-east1", since: "2026-05-27", ips: ["34.24.134.232", "34.24.214.165", "34.24.20.1", "35.243.193.248", "34.23.98.76"] },
  { cloud: CloudProvider.GCP, region: "us-west1", since: "2026-07-01", ips: ["136.118.254.175", "8.229.115.2", "34.83.0.219", "35.247.34.28", "35.199.165.121"] },
];

/**
 * ClickHouse Cloud regions that have no IP row of their own (they use a default region's IPs).
 * Together with the table's regions, these are the regions a source may name.
 */
export const REGIONS_WITHOUT_OWN_IPS: Readonly<Record<CloudProvider, readonly string[]>> = {
  [CloudProvider.AWS]: [],
  [CloudProvider.GCP]: ["europe-west1"],
  [CloudProvider.AZURE]: ["eastus2", "westus3", "germanywestcentral"],
};

const EU_REGION = /^(eu-|europe-)|^(germany|france|uk|sweden|norway|switzerland|northeurope|westeurope)/;

/**
 * An IP table and its version: the embedded one (`EMBEDDED_CLICKPIPES_IPS`) or one read from a
 * downloaded Cloud endpoints API document (`model/clickpipes-ips-document.ts`).
 */
export interface ClickPipesIpTable {
  /** Printed with the IPs (never a file path: synth output stays the same on every machine). */
  readonly version: string;
  /** The regions with addresses of their own. */
  readonly rows: readonly ClickPipesIpRegion[];
}

/** The table embedded in this version. */
export const EMBEDDED_CLICKPIPES_IPS: ClickPipesIpTable = { version: CLICKPIPES_IP_TABLE_VERSION, rows: CLICKPIPES_IP_TABLE };

/** Every region a source may name for a cloud, sorted (with `table`: its regions plus those that use a default region). */
export function knownRegions(cloud: CloudProvider, table: ClickPipesIpTable = EMBEDDED_CLICKPIPES_IPS): string[] {
  const own = table.rows.filter((r) => r.cloud === cloud).map((r) => r.region);
  return [...new Set([...own, ...(REGIONS_WITHOUT_OWN_IPS[cloud] ?? [])])].sort();
}

/** Whether `region` is a ClickHouse Cloud region of `cloud` that this table knows. */
export function isKnownRegion(cloud: CloudProvider, region: string, table: ClickPipesIpTable = EMBEDDED_CLICKPIPES_IPS): boolean {
  return knownRegions(cloud, table).includes(region);
}

/** The IPs that apply to one ClickHouse service, and why. */
export interface ResolvedClickPipesIps {
  /** Version of the IP table used. */
  readonly tableVersion: string;
  /** The region whose IPs apply (may differ from the service's region). */
  readonly ipRegion: string;
  /** Why that region applies, one sentence. */
  readonly reason: string;
  /** The IPs, sorted. */
  readonly ips: readonly string[];
}

function row(cloud: CloudProvider, region: string, table: ClickPipesIpTable): ClickPipesIpRegion | undefined {
  return table.rows.find((r) => r.cloud === cloud && r.region === region);
}

/**
 * The ClickPipes egress IPs for a service, following the docs' rules: a region's own IPs apply
 * (from its start date on; Google Cloud ones only to services that got ClickPipes on or after
 * 2026-06-15); otherwise EU services use eu-central-1 and every other one us-east-2.
 * Throws for a region the table does not know, or a default region missing from `table`
 * (validation reports both first).
 */
export function resolveClickPipesIps(cloud: CloudProvider, region: string, serviceCreatedOn?: string, table: ClickPipesIpTable = EMBEDDED_CLICKPIPES_IPS): ResolvedClickPipesIps {
  if (!isKnownRegion(cloud, region, table)) {
    throw new Error(`unknown ClickHouse Cloud region ${cloud}/${region}`);
  }
  const own = row(cloud, region, table);
  const since = [own?.since, cloud === CloudProvider.GCP ? GCP_REGIONAL_IPS_SINCE : undefined]
    .filter((d): d is string => d !== undefined)
    .sort()
    .pop();
  const ownApplies = own !== undefined && (serviceCreatedOn === undefined || since === undefined || serviceCreatedOn >= since);
  let chosen: ClickPipesIpRegion;
  let reason: string;
  if (ownApplies) {
    chosen = own;
    reason =
      serviceCreatedOn === undefined && since !== undefined
        ? `${cloud}/${region} has its own ClickPipes IPs for services that got ClickPipes on or after ${since} (older services use the ${fallbackRegion(region)} IPs: set clickhouse.serviceCreatedOn)`
        : `${cloud}/${region} has its own ClickPipes IPs`;
  } else {
    const fallback = fallbackRegion(region);
    const fallbackRow = row(CloudProvider.AWS, fallback, table);
    if (!fallbackRow) throw new Error(`the IP table ${table.version} has no row for the default region aws/${fallback}`);
    chosen = fallbackRow;
    reason = own
      ? `services in ${cloud}/${region} that got ClickPipes before ${since} use the ${fallback} IPs`
      : `${cloud}/${region} has no IPs of its own; ${EU_REGION.test(region) ? "EU" : "other"} services use the ${fallback} IPs`;
  }
  return { tableVersion: table.version, ipRegion: chosen.region, reason, ips: [...chosen.ips].sort(compareIp) };
}

/** The default region of the docs' rules: eu-central-1 for EU regions, us-east-2 for every other one. */
function fallbackRegion(region: string): string {
  return EU_REGION.test(region) ? "eu-central-1" : "us-east-2";
}

/** Numeric order for dotted IPv4 strings; anything else sorts as text after them. */
export function compareIp(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  if (pa.length === 4 && pb.length === 4 && [...pa, ...pb].every(Number.isInteger)) {
    for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
    return 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
