/**
 * Every kind of fact taken from outside this project, in one list: where it lives in the code and
 * the source each entry was read from (path + commit, or URL, and the day read). The README's
 * "Facts and their sources" table lists these kinds; a test walks every entry and fails when one
 * has no source. Pure data.
 */
import { AWS_ENGINE_MAJORS, AWS_ENGINE_SOURCES, CLICKPIPES_AWS_ACCOUNT_SOURCE } from "./aws";
import { AWS_REGIONS, AWS_REGIONS_SOURCE } from "./aws-regions";
import { CLICKPIPES_IP_TABLE, CLICKPIPES_IP_TABLE_SOURCE } from "./clickpipes-ips";
import { FactSource, repoFile, webPage } from "./fact-source";
import { HOST_CONSTANT_SOURCES, HOST_PROFILES, HostProfile } from "./host-profiles";
import { CLICKPIPES_TRUST_ACTIONS, IAM_AUTH_SOURCES } from "./iam-auth";
import { KNOWN_BROKEN_RELEASES, KNOWN_BROKEN_RELEASES_SOURCE } from "./known-broken-releases";
import { PROVIDER_FACTS, ResourceTypeFacts } from "./provider-facts";
import { AZURE_GUIDE_SOURCE, AZURE_PARAMETERS_SOURCE, AZURE_PRIVATE_LINK_SOURCE, AZURERM_RESTART_SOURCE } from "./azure";
import { ALLOYDB_GUIDE_SOURCE, CLOUDSQL_GUIDE_SOURCE } from "./gcp";
import { THRESHOLD_SOURCES } from "./thresholds";

/** One fact (or one row of a fact table) with its source. */
export interface FactEntry {
  /** What the entry is, e.g. `aws/ap-east-2` or `tigerdata`. */
  readonly id: string;
  readonly source: FactSource | undefined;
}

/** One kind of outside fact. */
export interface FactKind {
  /** Name, as the README table shows it. */
  readonly kind: string;
  /** Where it lives: file and export(s). */
  readonly where: string;
  readonly entries: readonly FactEntry[];
}

/** Provider release of each provider-facts table, and where its Go source is. */
export const PROVIDER_SOURCES: Readonly<Record<string, { readonly repo: string; readonly tag: string; readonly read?: string }>> = {
  "cyrilgdn/postgresql 1.26.0": { repo: "cyrilgdn/terraform-provider-postgresql", tag: "v1.26.0" },
  "hashicorp/aws 6.25.0": { repo: "hashicorp/terraform-provider-aws", tag: "v6.25.0" },
  "ClickHouse/clickhouse 3.25.3": { repo: "ClickHouse/terraform-provider-clickhouse", tag: "v3.25.3" },
  // Read from a checkout of the tag (commit 37bf7f03...) on 2026-12-07.
  "hashicorp/azurerm 4.55.0": { repo: "hashicorp/terraform-provider-azurerm", tag: "v4.55.0", read: "2026-12-07" },
};

/** The day the provider Go sources were read (src/model/provider-facts, written 2026-11-22). */
export const PROVIDER_FACTS_READ = "2026-11-22";

/** The source of one resource type's provider facts: the Go file at the commit read, else at the release tag. */
export function providerFactSource(f: ResourceTypeFacts): FactSource | undefined {
  const p = PROVIDER_SOURCES[f.provider];
  if (p === undefined) return undefined;
  const read = p.read ?? PROVIDER_FACTS_READ;
  return f.readAt !== undefined
    ? repoFile(`${f.provider} ${f.type} schema`, p.repo, f.goFile, f.readAt, read)
    : webPage(`${f.provider} ${f.type} schema`, `https://github.com/${p.repo}/blob/${p.tag}/${f.goFile}`, read);
}

const each = <T>(list: readonly T[], id: (t: T) => string, source: (t: T) => FactSource | undefined): FactEntry[] => list.map((t) => ({ id: id(t), source: source(t) }));

export const FACT_KINDS: readonly FactKind[] = [
  {
    kind: "ClickPipes static IPs and default regions",
    where: "src/model/clickpipes-ips.ts `CLICKPIPES_IP_TABLE`",
    entries: each(CLICKPIPES_IP_TABLE, (r) => `${r.cloud}/${r.region}`, () => CLICKPIPES_IP_TABLE_SOURCE),
  },
  {
    kind: "Host profiles and host rules",
    where: "src/model/host-profiles.ts `HOST_PROFILES`, `HOST_CONSTANT_SOURCES`; rules src/model/rules/host-*.ts",
    entries: [
      ...each(Object.values(HostProfile), (p) => p, (p) => HOST_PROFILES[p].source),
      ...each(Object.entries(HOST_CONSTANT_SOURCES), ([k]) => k, ([, s]) => s),
    ],
  },
  {
    kind: "IAM authentication (trust and permission policies, rds.iam_auth_for_replication)",
    where: "src/model/iam-auth.ts `IAM_AUTH_SOURCES`",
    entries: [...each(CLICKPIPES_TRUST_ACTIONS, (a) => `trust ${a}`, () => IAM_AUTH_SOURCES[0]), ...each(IAM_AUTH_SOURCES, (s) => s.title, (s) => s)],
  },
  {
    kind: "AWS engines, parameter-group families and parameter scope",
    where: "src/model/aws.ts `AWS_ENGINE_MAJORS`, `AWS_ENGINE_SOURCES`",
    entries: [...each(Object.entries(AWS_ENGINE_MAJORS).flatMap(([e, ms]) => ms.map((m) => `${e}${m}`)), (f) => f, () => AWS_ENGINE_SOURCES[0]), ...each(AWS_ENGINE_SOURCES, (s) => s.title, (s) => s)],
  },
  {
    kind: "AWS regions and the ClickPipes PrivateLink account",
    where: "src/model/aws-regions.ts `AWS_REGIONS`; src/model/aws.ts `CLICKPIPES_AWS_ACCOUNT`",
    entries: [...each(AWS_REGIONS, (r) => r, () => AWS_REGIONS_SOURCE), { id: "CLICKPIPES_AWS_ACCOUNT", source: CLICKPIPES_AWS_ACCOUNT_SOURCE }],
  },
  {
    kind: "Server-setting thresholds",
    where: "src/model/thresholds.ts `THRESHOLD_SOURCES`",
    entries: each(Object.entries(THRESHOLD_SOURCES), ([k]) => k, ([, s]) => s),
  },
  {
    kind: "Known-broken PostgreSQL minor releases",
    where: "src/model/known-broken-releases.ts `KNOWN_BROKEN_RELEASES`",
    entries: each(Object.keys(KNOWN_BROKEN_RELEASES), (v) => v, () => KNOWN_BROKEN_RELEASES_SOURCE),
  },
  {
    kind: "Azure Flexible Server, Cloud SQL and AlloyDB, declared",
    where: "src/model/azure.ts `AZURE_*_SOURCE`, `AZURERM_RESTART_SOURCE`; src/model/gcp.ts `CLOUDSQL_GUIDE_SOURCE`, `ALLOYDB_GUIDE_SOURCE`",
    entries: each([AZURE_GUIDE_SOURCE, AZURE_PARAMETERS_SOURCE, AZURE_PRIVATE_LINK_SOURCE, AZURERM_RESTART_SOURCE, CLOUDSQL_GUIDE_SOURCE, ALLOYDB_GUIDE_SOURCE], (s) => s.title, (s) => s),
  },
  {
    kind: "Provider versions and attribute facts",
    where: "src/model/provider-facts/*.ts `PROVIDER_FACTS`; src/model/facts.ts `PROVIDER_SOURCES`",
    entries: each([...PROVIDER_FACTS.values()], (f) => `${f.provider} ${f.type}`, providerFactSource),
  },
];
