/** Helpers of the Aurora/RDS tests. */
import { IConstruct } from "constructs";
import { warningsOf } from "../../src/tf/annotations";
import { App, Testing } from "../../src/tf/tf";
import { AuroraSourceConfig, RdsSourceConfig, SourceKind } from "../../src/model/app-config";
import { AwsNetworkMode } from "../../src/model/aws-types";
import { CloudProvider, PostgresMajorVersion } from "../../src/model/types";
import { AwsSourceAwsStack, AwsSourceDbStack } from "../../src/app/aws-source-stacks";

export const SG = "sg-0123456789abcdef0";
export const CLUSTER_ARN = "arn:aws:rds:eu-central-1:123456789012:cluster:billing";

/** A valid Aurora source (IP allow list on an existing group); tests override fields. */
export function auroraSource(over: Partial<AuroraSourceConfig> = {}): AuroraSourceConfig {
  return {
    kind: SourceKind.AURORA,
    name: "billing",
    host: "billing.cluster-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com",
    database: "billing",
    awsRegion: "eu-central-1",
    postgresVersion: PostgresMajorVersion.V16,
    clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
    schemas: [{ name: "public" }, { name: "sales" }],
    tables: ["public.invoices", "sales.orders"],
    network: { mode: AwsNetworkMode.IP_ALLOW_LIST, securityGroupId: SG },
    ...over,
  };
}

/** A valid RDS source. */
export function rdsSource(over: Partial<RdsSourceConfig> = {}): RdsSourceConfig {
  return { ...(auroraSource() as unknown as RdsSourceConfig), kind: SourceKind.RDS, host: "billing.c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com", ...over };
}

/** PrivateLink network settings that pass validation. */
export const PRIVATELINK = {
  mode: AwsNetworkMode.PRIVATELINK,
  privateLink: { vpcId: "vpc-0a1b2c3d4e5f60718", subnetIds: ["subnet-0bbbbbbbbbbbbbbbb", "subnet-0aaaaaaaaaaaaaaaa"], securityGroupIds: [SG] },
};

export function awsStack(config: AuroraSourceConfig | RdsSourceConfig): AwsSourceAwsStack {
  return new AwsSourceAwsStack(Testing.app({ stackTraces: false }) as App, config);
}

export function dbStack(config: AuroraSourceConfig | RdsSourceConfig): AwsSourceDbStack {
  return new AwsSourceDbStack(Testing.app({ stackTraces: false }) as App, config);
}

export function synthAws(config: AuroraSourceConfig | RdsSourceConfig): string {
  return Testing.synth(awsStack(config));
}

export function synthDb(config: AuroraSourceConfig | RdsSourceConfig): string {
  return Testing.synth(dbStack(config));
}

/** The warning lines (cdktf warning annotations) below a construct. */
export function warningLines(scope: IConstruct): string[] {
  return warningsOf(scope).map((w) => w.message);
}

/** Replace provider version pins, so a provider upgrade does not churn the snapshots. */
export function normaliseVersions(json: string): string {
  const j = JSON.parse(json) as { terraform?: { required_providers?: Record<string, { version?: string }> } };
  for (const p of Object.values(j.terraform?.required_providers ?? {})) if (p.version !== undefined) p.version = "<pinned>";
  return JSON.stringify(j, null, 2) + "\n";
}
