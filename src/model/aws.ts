/**
 * The AWS side of a source as data: which majors each engine supports, the parameter-group family,
 * the parameters ClickPipes needs, and the merge with a team's own parameters. Pure TypeScript.
 */
import { resolveSource, ResolvedSource } from "./defaults";
import { AwsEngine, AwsNetworkMode, AwsSourceSpec, ParameterApplyMethod, ParameterSpec } from "./aws-types";
import { resolveAlarms, ResolvedAlarms } from "./cloudwatch-alarms";
import { FactSource, repoFile, webPage } from "./fact-source";

/**
 * PostgreSQL majors with a parameter-group family per engine: `aurora-postgresql12` ...
 * `aurora-postgresql18` and `postgres12` ... `postgres18` (sources in `AWS_ENGINE_SOURCES`; 18 added
 * 2026-12-03). 12 is in RDS Extended Support (paid) on both. ClickPipes needs 12 or later, so 11
 * and older are left out. Add a major here when AWS ships its family.
 *
 * PostgreSQL 18 and parameter scope: on Aurora every parameter this library sets
 * (`rds.logical_replication`, `wal_sender_timeout`, `rds.iam_auth_for_replication`) is a replication
 * setting, which AWS keeps cluster-wide ("all the parameters for replication settings must be
 * identical throughout an Aurora cluster", DB cluster parameter groups page), so it stays in the
 * cluster parameter group for `aurora-postgresql18` too; on RDS everything is in the one DB
 * parameter group, `max_slot_wal_keep_size` included. The parameters reported as moved to instance
 * scope in `aurora-postgresql18` (`log_min_duration_statement`, `shared_preload_libraries`) are not
 * ones we set; a team passing them in `extraParameters` must put them in the instance group itself.
 */
export const AWS_ENGINE_MAJORS: Readonly<Record<AwsEngine, readonly number[]>> = {
  [AwsEngine.AURORA_POSTGRESQL]: [12, 13, 14, 15, 16, 17, 18],
  [AwsEngine.RDS_POSTGRESQL]: [12, 13, 14, 15, 16, 17, 18],
};

/** Where the engine majors / families and the parameter scopes above come from. */
export const AWS_ENGINE_SOURCES: readonly FactSource[] = [
  webPage("AWS: Amazon RDS for PostgreSQL updates (PostgreSQL 18 versions)", "https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-versions.html", "2026-12-03"),
  webPage("AWS: Amazon Aurora PostgreSQL updates", "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/AuroraPostgreSQL.Updates.html", "2026-12-03"),
  webPage(
    "AWS: DB cluster parameter groups for Amazon Aurora DB clusters (replication settings are cluster-wide)",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_WorkingWithDBClusterParamGroups.html",
    "2026-12-03",
  ),
  // The provider passes `family` through unchecked (schema.TypeString, Required, ForceNew, no ValidateFunc).
  repoFile(
    "hashicorp/aws aws_rds_cluster_parameter_group schema (family unvalidated)",
    "hashicorp/terraform-provider-aws",
    "internal/service/rds/cluster_parameter_group.go",
    "01e5fd8f048e919760263fed00bb5a7120439a4f",
    "2026-12-03",
  ),
];

/** Display name of each engine, for messages. */
export const AWS_ENGINE_NAMES: Readonly<Record<AwsEngine, string>> = {
  [AwsEngine.AURORA_POSTGRESQL]: "Aurora PostgreSQL",
  [AwsEngine.RDS_POSTGRESQL]: "RDS for PostgreSQL",
};

/** AWS account ClickPipes shares PrivateLink resources with (source: `CLICKPIPES_AWS_ACCOUNT_SOURCE`). */
export const CLICKPIPES_AWS_ACCOUNT = "072088201116";

/** The ClickPipes PrivateLink page naming the account ("ClickPipes account ID `072088201116`"). */
export const CLICKPIPES_AWS_ACCOUNT_SOURCE: FactSource = repoFile(
  "ClickPipes AWS PrivateLink page",
  "ClickHouse/ClickHouse",
  "docs/integrations/clickpipes/networking/aws-privatelink.mdx",
  "084e931134af1fdb76a233f2f2c5c23fd9501194",
  "2026-12-03",
);

/** The ClickPipes FAQ: wal_sender_timeout of at least 5 minutes, or 0 (no timeout). Defined in ./thresholds. */
export { MIN_RECOMMENDED_WAL_SENDER_TIMEOUT_MS } from "./thresholds";

/** Aurora and RDS accept DB ports 1150-65535. */
export const AWS_MIN_PORT = 1150;
export const AWS_MAX_PORT = 65535;

/** The parameter-group family of an engine major, e.g. `aurora-postgresql16` or `postgres16`. */
export function parameterGroupFamily(engine: AwsEngine, major: number): string {
  if (!AWS_ENGINE_MAJORS[engine].includes(major)) {
    throw new Error(`${AWS_ENGINE_NAMES[engine]} has no parameter group family for PostgreSQL ${major}`);
  }
  return `${engine}${major}`;
}

/** The major of a version string like `16.4` or `17`; undefined when it is not one. */
export function engineMajor(version: string): number | undefined {
  const m = /^(\d+)(\.\d+)*$/.exec(version);
  return m ? Number(m[1]) : undefined;
}

/** A parameter with its apply method resolved. */
export interface ResolvedParameter {
  readonly name: string;
  readonly value: string;
  readonly applyMethod: ParameterApplyMethod;
}

/** The parameters ClickPipes needs, by name (what the ClickHouse Aurora Postgres source guide and the AWS docs ask for). */
export function requiredParameters(opts: {
  readonly engine: AwsEngine;
  /** Undefined: the group leaves wal_sender_timeout out (`setWalSenderTimeout: false`). */
  readonly walSenderTimeoutMs: number | undefined;
  readonly iamAuth: boolean;
  readonly maxSlotWalKeepSizeMb?: number;
}): ResolvedParameter[] {
  const out: ResolvedParameter[] = [
    // Static: takes effect only after a reboot of the cluster / instance.
    { name: "rds.logical_replication", value: "1", applyMethod: ParameterApplyMethod.PENDING_REBOOT },
  ];
  if (opts.walSenderTimeoutMs !== undefined) {
    out.push({ name: "wal_sender_timeout", value: String(opts.walSenderTimeoutMs), applyMethod: ParameterApplyMethod.IMMEDIATE });
  }
  // Dynamic (AWS docs: "Configuring IAM authentication for logical replication connections").
  if (opts.iamAuth) out.push({ name: "rds.iam_auth_for_replication", value: "1", applyMethod: ParameterApplyMethod.IMMEDIATE });
  if (opts.engine === AwsEngine.RDS_POSTGRESQL && opts.maxSlotWalKeepSizeMb !== undefined) {
    out.push({ name: "max_slot_wal_keep_size", value: String(opts.maxSlotWalKeepSizeMb), applyMethod: ParameterApplyMethod.IMMEDIATE });
  }
  return sortParameters(out);
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function sortParameters(list: ResolvedParameter[]): ResolvedParameter[] {
  return [...list].sort(byName);
}

/** Extra parameters that contradict a required one (same name, other value). */
export function conflictingParameters(required: readonly ResolvedParameter[], extra: readonly ParameterSpec[]): { index: number; extra: ParameterSpec; required: ResolvedParameter }[] {
  const out: { index: number; extra: ParameterSpec; required: ResolvedParameter }[] = [];
  extra.forEach((p, index) => {
    const r = required.find((q) => q.name === p?.name);
    if (r && r.value !== p.value) out.push({ index, extra: p, required: r });
  });
  return out;
}

/**
 * Required parameters plus the extra ones, sorted by name. An extra parameter equal to a required
 * one is dropped (the required one wins, apply method included); a contradicting one throws
 * (validation reports it first, with the field).
 */
export function mergeParameters(required: readonly ResolvedParameter[], extra: readonly ParameterSpec[]): ResolvedParameter[] {
  const conflicts = conflictingParameters(required, extra);
  if (conflicts.length > 0) {
    const c = conflicts[0]!;
    throw new Error(`parameter ${c.extra.name} = ${c.extra.value} contradicts the required ${c.required.value}`);
  }
  const names = new Set(required.map((r) => r.name));
  const merged = [...required];
  for (const p of extra) {
    if (names.has(p.name)) continue;
    names.add(p.name);
    merged.push({ name: p.name, value: p.value, applyMethod: p.applyMethod ?? ParameterApplyMethod.IMMEDIATE });
  }
  return sortParameters(merged);
}

/** An AWS source spec with every default applied. */
export interface ResolvedAwsSource extends ResolvedSource {
  readonly engine: AwsEngine;
  readonly awsRegion: string;
  readonly family: string;
  readonly iamAuth: boolean;
  /** Undefined with `parameterGroup.setWalSenderTimeout: false`. */
  readonly walSenderTimeoutMs: number | undefined;
  /** Required and extra parameters, merged and sorted by name. */
  readonly parameters: readonly ResolvedParameter[];
  readonly parameterGroupDescription: string;
  readonly networkMode: AwsNetworkMode;
  readonly securityGroupId: string | undefined;
  readonly vpcId: string | undefined;
  readonly resourceArn: string | undefined;
  readonly privateLink: { readonly vpcId: string; readonly subnetIds: readonly string[]; readonly securityGroupIds: readonly string[]; readonly principal: string } | undefined;
  /** The CloudWatch alarms; undefined with `alarms.enabled: false`. */
  readonly alarms: ResolvedAlarms | undefined;
}

const sortText = (list: readonly string[]) => [...new Set(list)].sort();

/** Apply defaults. Call after validation: it assumes a valid spec. */
export function resolveAwsSource(engine: AwsEngine, spec: AwsSourceSpec): ResolvedAwsSource {
  // The generic defaults apply, except that an RDS/Aurora admin user is never a superuser.
  const base = resolveSource({ ...spec, adminIsSuperuser: false });
  const iamAuth = spec.iamAuth ?? false;
  const walSenderTimeoutMs = spec.parameterGroup?.setWalSenderTimeout === false ? undefined : (spec.parameterGroup?.walSenderTimeoutMs ?? 0);
  const required = requiredParameters({
    engine,
    walSenderTimeoutMs,
    iamAuth,
    maxSlotWalKeepSizeMb: spec.serverSettings?.maxSlotWalKeepSizeMb,
  });
  const pl = spec.network?.privateLink;
  const networkMode = spec.network?.mode ?? AwsNetworkMode.IP_ALLOW_LIST;
  return {
    ...base,
    engine,
    awsRegion: spec.awsRegion,
    family: parameterGroupFamily(engine, spec.postgresVersion),
    iamAuth,
    walSenderTimeoutMs,
    parameters: mergeParameters(required, spec.parameterGroup?.extraParameters ?? []),
    parameterGroupDescription: spec.parameterGroup?.description ?? `ClickPipes CDC source ${spec.name}: logical replication`,
    networkMode,
    securityGroupId: spec.network?.securityGroupId,
    vpcId: spec.network?.vpcId,
    resourceArn: spec.resourceArn,
    privateLink:
      networkMode === AwsNetworkMode.PRIVATELINK && pl
        ? {
            vpcId: pl.vpcId,
            subnetIds: sortText(pl.subnetIds),
            securityGroupIds: sortText(pl.securityGroupIds ?? []),
            principal: pl.principal ?? CLICKPIPES_AWS_ACCOUNT,
          }
        : undefined,
    alarms: resolveAlarms(engine, spec),
  };
}

/**
 * A VPC Lattice name (3-40 of a-z, 0-9 and single hyphens, not starting with `rcfg-`) derived from
 * the source name and a suffix.
 */
export function latticeName(source: string, suffix: string): string {
  const clean = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  const tail = `-${clean(suffix)}`;
  const head = clean(source)
    .slice(0, 40 - tail.length)
    .replace(/-+$/g, "");
  const name = `${head || "clickpipes"}${tail}`;
  return name.startsWith("rcfg-") ? `cp-${name}`.slice(0, 40) : name;
}

/** `name_prefix` of the parameter group and security group: lower-case letters, digits and single hyphens, ending in `-`. */
export function awsNamePrefix(source: string, suffix: string): string {
  const clean = (x: string) =>
    x
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  return `${clean(source)}-${clean(suffix)}-`;
}

/** What Terraform will not do: the sentence the stacks output and docs/sources.md repeats. */
export function rebootNotice(engine: AwsEngine): string {
  const what = engine === AwsEngine.AURORA_POSTGRESQL ? "the cluster's DB instances (the writer at least)" : "the DB instance";
  const attach = engine === AwsEngine.AURORA_POSTGRESQL ? "db_cluster_parameter_group_name of the aws_rds_cluster" : "parameter_group_name of the aws_db_instance";
  return (
    `Terraform does not reboot: attach the parameter group (${attach}), then reboot ${what} once so ` +
    "rds.logical_replication (pending-reboot) takes effect; check with SHOW rds.logical_replication (expect on)."
  );
}
