/**
 * Every kind of fact taken from outside this project, in one list: where it lives in the code and
 * the source each entry was read from (path + commit, or URL, and the day read). The README's
 * "Facts and their sources" table lists these kinds; a test walks every entry and fails when one
 * has no source. Pure data.
 */
import { AWS_ENGINE_MAJORS, AWS_ENGINE_SOURCES, CLICKPIPES_AWS_ACCOUNT_SOURCE } from "./aws";
import { AWS_REGIONS, AWS_REGIONS_SOURCE } from "./aws-regions";
import { CLICKPIPES_IP_TABLE, CLICKPIPES_IP_TABLE_SOURCE } from "./clickpipes-ips";
import { clickPipesPage, FactSource, repoFile, webPage } from "./fact-source";
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

/** Where the ClickHouse Managed Postgres facts come from (read 2026-12-07). */
export const MANAGED_POSTGRES_SOURCES: readonly FactSource[] = [
  HOST_PROFILES[HostProfile.CLICKHOUSE_MANAGED].source,
  // clickhouse_postgres_service (hostname, port = the direct connection; postgresVersions 17, 18) and the CA data source (`certificate`).
  repoFile(
    "ClickHouse/clickhouse 3.25.3 Managed Postgres resource constants",
    "ClickHouse/terraform-provider-clickhouse",
    "internal/service/postgres/resource/postgres_service_constants.go",
    "c320db99ba37b84eca0181a074b2501f946d4d04",
    "2026-12-07",
  ),
  repoFile(
    "ClickHouse/clickhouse 3.25.3 clickhouse_postgres_service_ca_certificates",
    "ClickHouse/terraform-provider-clickhouse",
    "internal/service/postgres/datasource/postgres_service_ca_certificates.go",
    "c320db99ba37b84eca0181a074b2501f946d4d04",
    "2026-12-07",
  ),
  // sslrootcert is a file path; inline only via clientcert.sslinline (cert and key required).
  repoFile(
    "cyrilgdn/postgresql 1.26.0 provider schema (sslrootcert, clientcert)",
    "cyrilgdn/terraform-provider-postgresql",
    "postgresql/provider.go",
    "450ce85b50c1f47ebdb239c9d05e2f53847389ba",
    "2026-12-07",
  ),
];

/** Where the GCP Private Service Connect facts come from (read 2026-12-07). */
export const GCP_PSC_SOURCES: readonly FactSource[] = [
  clickPipesPage("ClickPipes GCP Private Service Connect page", "networking/gcp-psc.mdx", "0d5a8e3c3dadeb230a5226be105fbbd9acbdc685", "2026-12-07"),
  clickPipesPage('ClickPipes AlloyDB source guide ("doesn\'t support PSC", contradicted by the PSC page)', "postgres/source/alloydb.mdx", "7cbac2a7b0267805a54ad777df3d29463d17c8b3", "2026-12-07"),
];

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
    entries: each(
      CLICKPIPES_IP_TABLE,
      (r) => `${r.cloud}/${r.region}`,
      () => CLICKPIPES_IP_TABLE_SOURCE,
    ),
  },
  {
    kind: "Host profiles and host rules",
    where: "src/model/host-profiles.ts `HOST_PROFILES`, `HOST_CONSTANT_SOURCES`; rules src/model/rules/host-*.ts",
    entries: [
      ...each(
        Object.values(HostProfile),
        (p) => p,
        (p) => HOST_PROFILES[p].source,
      ),
      ...each(
        Object.entries(HOST_CONSTANT_SOURCES),
        ([k]) => k,
        ([, s]) => s,
      ),
    ],
  },
  {
    kind: "ClickHouse Managed Postgres (direct connection, CA, nothing by hand)",
    where: 'src/model/host-profiles.ts `HOST_PROFILES["clickhouse-managed"]`, `MANAGED_POSTGRES_VERSIONS`; rule src/model/rules/host-managed-postgres.ts',
    entries: each(
      MANAGED_POSTGRES_SOURCES,
      (s) => s.title,
      (s) => s,
    ),
  },
  {
    kind: "GCP Private Service Connect (consumer project, same region, one claim per attachment)",
    where: "src/model/clickpipe.ts `CLICKPIPES_GCP_CONSUMER_PROJECT`; rules src/model/rules/pipe/clickpipe-private-service-connect.ts, src/model/rules/app/private-service-connect-once.ts",
    entries: each(
      GCP_PSC_SOURCES,
      (s) => s.title,
      (s) => s,
    ),
  },
  {
    kind: "Neon slot removal, PostgreSQL 18 slot idle timeout",
    where: "src/model/thresholds.ts `NEON_INACTIVE_SLOT_REMOVAL_SECONDS`, `IDLE_REPLICATION_SLOT_TIMEOUT_MIN_VERSION`",
    entries: [
      { id: "NEON_INACTIVE_SLOT_REMOVAL_SECONDS", source: THRESHOLD_SOURCES.NEON_INACTIVE_SLOT_REMOVAL_SECONDS },
      { id: "IDLE_REPLICATION_SLOT_TIMEOUT_MIN_VERSION", source: THRESHOLD_SOURCES.IDLE_REPLICATION_SLOT_TIMEOUT_MIN_VERSION },
    ],
  },
  {
    kind: "IAM authentication (trust and permission policies, rds.iam_auth_for_replication)",
    where: "src/model/iam-auth.ts `IAM_AUTH_SOURCES`",
    entries: [
      ...each(
        CLICKPIPES_TRUST_ACTIONS,
        (a) => `trust ${a}`,
        () => IAM_AUTH_SOURCES[0],
      ),
      ...each(
        IAM_AUTH_SOURCES,
        (s) => s.title,
        (s) => s,
      ),
    ],
  },
  {
    kind: "AWS engines, parameter-group families and parameter scope",
    where: "src/model/aws.ts `AWS_ENGINE_MAJORS`, `AWS_ENGINE_SOURCES`",
    entries: [
      ...each(
        Object.entries(AWS_ENGINE_MAJORS).flatMap(([e, ms]) => ms.map((m) => `${e}${m}`)),
        (f) => f,
        () => AWS_ENGINE_SOURCES[0],
      ),
      ...each(
        AWS_ENGINE_SOURCES,
        (s) => s.title,
        (s) => s,
      ),
    ],
  },
  {
    kind: "AWS regions and the ClickPipes PrivateLink account",
    where: "src/model/aws-regions.ts `AWS_REGIONS`; src/model/aws.ts `CLICKPIPES_AWS_ACCOUNT`",
    entries: [
      ...each(
        AWS_REGIONS,
        (r) => r,
        () => AWS_REGIONS_SOURCE,
      ),
      { id: "CLICKPIPES_AWS_ACCOUNT", source: CLICKPIPES_AWS_ACCOUNT_SOURCE },
    ],
  },
  {
    kind: "Server-setting thresholds",
    where: "src/model/thresholds.ts `THRESHOLD_SOURCES`",
    entries: each(
      Object.entries(THRESHOLD_SOURCES),
      ([k]) => k,
      ([, s]) => s,
    ),
  },
  {
    kind: "Known-broken PostgreSQL minor releases",
    where: "src/model/known-broken-releases.ts `KNOWN_BROKEN_RELEASES`",
    entries: each(
      Object.keys(KNOWN_BROKEN_RELEASES),
      (v) => v,
      () => KNOWN_BROKEN_RELEASES_SOURCE,
    ),
  },
  {
    kind: "Azure Flexible Server, Cloud SQL and AlloyDB, declared",
    where: "src/model/azure.ts `AZURE_*_SOURCE`, `AZURERM_RESTART_SOURCE`; src/model/gcp.ts `CLOUDSQL_GUIDE_SOURCE`, `ALLOYDB_GUIDE_SOURCE`",
    entries: each(
      [AZURE_GUIDE_SOURCE, AZURE_PARAMETERS_SOURCE, AZURE_PRIVATE_LINK_SOURCE, AZURERM_RESTART_SOURCE, CLOUDSQL_GUIDE_SOURCE, ALLOYDB_GUIDE_SOURCE],
      (s) => s.title,
      (s) => s,
    ),
  },
  {
    kind: "Provider versions and attribute facts",
    where: "src/model/provider-facts/*.ts `PROVIDER_FACTS`; src/model/facts.ts `PROVIDER_SOURCES`",
    entries: each([...PROVIDER_FACTS.values()], (f) => `${f.provider} ${f.type}`, providerFactSource),
  },
];
