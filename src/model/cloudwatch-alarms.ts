/**
 * CloudWatch alarms of an Aurora/RDS source as pure data: which AWS/RDS metrics apply to which
 * engine, on which dimension, and the alarms the `-aws` stack declares from a resolved spec.
 *
 * Sources (read 2026-12-03):
 * - "Amazon CloudWatch metrics for Amazon RDS", instance-level metrics
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html): `OldestReplicationSlotLag`,
 *   `ReplicationSlotDiskUsage`, `TransactionLogsDiskUsage` apply to PostgreSQL, `FreeStorageSpace` to
 *   every engine; all in bytes.
 * - "Amazon CloudWatch dimensions for Amazon RDS"
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/dimensions.html): `DBInstanceIdentifier`.
 * - "Amazon CloudWatch metrics for Amazon Aurora", instance-level metrics
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.AuroraMonitoring.Metrics.html):
 *   `OldestReplicationSlotLag`, `ReplicationSlotDiskUsage`, `TransactionLogsDiskUsage` apply to Aurora
 *   PostgreSQL (`TransactionLogsDiskUsage` is -1 while the instance keeps no transaction logs, i.e.
 *   without logical replication); Aurora has no `FreeStorageSpace` for its cluster volume, and
 *   `FreeLocalStorage` (bytes) is each instance's local storage (temporary files, logs).
 * - "Creating CloudWatch alarms to monitor Amazon Aurora"
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/creating_alarms.html): "For Aurora,
 *   use WRITER or READER role metrics to set up alarms instead of relying on metrics for specific DB
 *   instances" (roles move on failover); "Amazon CloudWatch dimensions for Aurora"
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/dimensions.html): `DBClusterIdentifier`
 *   + `Role`. Logical slots live on the writer, so Aurora alarms use `Role = WRITER`.
 */
import { AwsEngine, CloudWatchAlarmsSpec } from "./aws-types";
import { ALARM_IDS } from "./construct-ids";
import { dbIdentifier } from "./iam-auth";
import { formatSize, parseSize } from "./size";

/** A metric name, which is also the alarm's construct ID below `Alarms` (`ALARM_IDS` of the construct-ID table). */
export type AlarmMetric = "OldestReplicationSlotLag" | "ReplicationSlotDiskUsage" | "TransactionLogsDiskUsage" | "FreeStorageSpace" | "FreeLocalStorage";
// Compile-time: every construct ID of the table is a metric of this type.
const _idsAreMetrics: readonly AlarmMetric[] = Object.values(ALARM_IDS);
void _idsAreMetrics;

const GIB = 1024 * 1024 * 1024;

/** Defaults of `CloudWatchAlarmsSpec`. */
export const ALARM_DEFAULTS = {
  oldestReplicationSlotLagBytes: 10 * GIB,
  replicationSlotDiskUsageBytes: 10 * GIB,
  transactionLogsDiskUsageBytes: 20 * GIB,
  freeStorageSpaceBytes: 5 * GIB,
  freeStorageSpaceFraction: 0.1,
  evaluationPeriods: 3,
  periodSeconds: 300,
} as const;

/** CloudWatch: evaluation periods times period is at most one day for a metric alarm. */
export const MAX_ALARM_EVALUATION_SECONDS = 86400;

/** One metric of the table: the engines it applies to and what it means. */
export interface AlarmMetricFacts {
  /** The AWS/RDS metric. */
  readonly metric: AlarmMetric;
  /** The engines AWS publishes it for (the metric tables cited above). */
  readonly engines: readonly AwsEngine[];
  /** Over (`GreaterThanThreshold`, statistic Maximum) or under (`LessThanThreshold`, statistic Minimum). */
  readonly direction: "over" | "under";
  /** The spec field holding its threshold. */
  readonly thresholdField: keyof typeof ALARM_DEFAULTS;
  /** What it means and what to do (the alarm's description). */
  readonly meaning: string;
  /**
   * `treat_missing_data`: how a period without a datapoint counts. `notBreaching` for the
   * replication metrics (AWS publishes no datapoint while there is nothing to measure, e.g. no slot,
   * or a stopped instance: that is not a slot retaining WAL); `missing` for free storage (no
   * datapoint says nothing about the disk: the alarm keeps its state, and goes to INSUFFICIENT_DATA
   * when every period is missing, visible without paging).
   */
  readonly treatMissingData: "notBreaching" | "missing";
  /**
   * `datapoints_to_alarm`: `all` = every one of the `evaluationPeriods` periods must breach (a
   * replication metric is noisy: a bulk load or a large transaction raises it for minutes and the
   * pipe catches up; only a sustained excess pages); `one` = any one of them (free storage does not
   * oscillate and running out of it is the outage: page at once, and stay in ALARM until
   * `evaluationPeriods` periods in a row are fine, so it does not flap).
   */
  readonly datapoints: "all" | "one";
  /** Why these two choices, one line (docs and tests). */
  readonly why: string;
}

const BOTH = [AwsEngine.AURORA_POSTGRESQL, AwsEngine.RDS_POSTGRESQL] as const;

/** The metrics, in the order the alarms are declared. */
export const ALARM_METRICS: readonly AlarmMetricFacts[] = [
  {
    metric: ALARM_IDS.OLDEST_REPLICATION_SLOT_LAG,
    engines: BOTH,
    direction: "over",
    thresholdField: "oldestReplicationSlotLagBytes",
    treatMissingData: "notBreaching",
    datapoints: "all",
    why: "no datapoint while no slot exists; a burst the pipe catches up on must not page",
    meaning: "The replication slot furthest behind retains this much WAL: a paused or failing ClickPipe, or an orphaned slot. Run cdktf-clickpipes health; drop a slot only when no pipe uses it.",
  },
  {
    metric: ALARM_IDS.REPLICATION_SLOT_DISK_USAGE,
    engines: BOTH,
    direction: "over",
    thresholdField: "replicationSlotDiskUsageBytes",
    treatMissingData: "notBreaching",
    datapoints: "all",
    why: "no datapoint while no slot exists; spill files of one large transaction come and go",
    meaning: "Replication slot files use this much disk (large transactions spilled by logical decoding, or a slot not consumed). Run cdktf-clickpipes health.",
  },
  {
    metric: ALARM_IDS.TRANSACTION_LOGS_DISK_USAGE,
    engines: BOTH,
    direction: "over",
    thresholdField: "transactionLogsDiskUsageBytes",
    treatMissingData: "notBreaching",
    datapoints: "all",
    why: "no datapoint (or -1) while no transaction logs are kept; WAL bursts at checkpoints",
    meaning: "WAL uses this much disk: a slot or a long transaction holds it back. Run cdktf-clickpipes health.",
  },
  {
    metric: ALARM_IDS.FREE_STORAGE_SPACE,
    engines: [AwsEngine.RDS_POSTGRESQL],
    direction: "under",
    thresholdField: "freeStorageSpaceBytes",
    treatMissingData: "missing",
    datapoints: "one",
    why: "a missing datapoint says nothing about the disk; running out is the outage, so one low period pages",
    meaning: "Free storage of the instance is low; retained WAL is a common cause. Check the replication slot alarms and cdktf-clickpipes health before the disk fills.",
  },
  {
    metric: ALARM_IDS.FREE_LOCAL_STORAGE,
    engines: [AwsEngine.AURORA_POSTGRESQL],
    direction: "under",
    thresholdField: "freeStorageSpaceBytes",
    treatMissingData: "missing",
    datapoints: "one",
    why: "a missing datapoint says nothing about the disk; running out is the outage, so one low period pages",
    meaning: "Free local storage of the writer is low (temporary files, logs, spilled logical decoding). Check the replication slot alarms and cdktf-clickpipes health.",
  },
];

/** `CloudWatchAlarmsSpec` resolved: undefined when alarms are off. */
export interface ResolvedAlarms {
  /** The cluster (Aurora) or instance (RDS) identifier, or a Terraform reference to it. */
  readonly dbIdentifier: string;
  /** Topic of the alarm and OK actions, if any. */
  readonly snsTopicArn: string | undefined;
  /** Threshold of `OldestReplicationSlotLag` (bytes). */
  readonly oldestReplicationSlotLagBytes: number;
  /** Threshold of `ReplicationSlotDiskUsage` (bytes). */
  readonly replicationSlotDiskUsageBytes: number;
  /** Threshold of `TransactionLogsDiskUsage` (bytes). */
  readonly transactionLogsDiskUsageBytes: number;
  /**
   * Threshold of `FreeStorageSpace` / `FreeLocalStorage` (bytes, alarm under it): the absolute
   * size, or for RDS with a known allocated storage the larger of it and `freeStorageSpaceFraction`
   * of that storage.
   */
  readonly freeStorageSpaceBytes: number;
  /** Allocated storage of an RDS instance in bytes, when known (never for Aurora). */
  readonly allocatedStorageBytes: number | undefined;
  /** Fraction of the allocated storage under which `FreeStorageSpace` alarms. */
  readonly freeStorageSpaceFraction: number;
  /** Periods over the threshold before the alarm fires. */
  readonly evaluationPeriods: number;
  /** Period length in seconds. */
  readonly periodSeconds: number;
}

/** The identifier the alarms' dimension needs: `alarms.dbIdentifier`, else derived from `resourceArn` or `host`. */
export function alarmDbIdentifier(engine: AwsEngine, spec: { readonly host: string; readonly resourceArn?: string; readonly alarms?: CloudWatchAlarmsSpec }): string | undefined {
  if (spec.alarms?.dbIdentifier !== undefined) return spec.alarms.dbIdentifier;
  // An ARN of the other kind (or a Terraform reference) names no identifier: the host may still.
  return (spec.resourceArn !== undefined ? dbIdentifier(engine, spec.host, spec.resourceArn) : undefined) ?? dbIdentifier(engine, spec.host);
}

/** Apply the defaults (after validation). */
export function resolveAlarms(engine: AwsEngine, spec: { readonly host: string; readonly resourceArn?: string; readonly alarms?: CloudWatchAlarmsSpec }): ResolvedAlarms | undefined {
  const a = spec.alarms ?? {};
  if (a.enabled === false) return undefined;
  const id = alarmDbIdentifier(engine, spec);
  if (id === undefined) throw new Error("resolveAlarms: no DB identifier (validate the spec first)");
  const bytes = (field: "oldestReplicationSlotLagBytes" | "replicationSlotDiskUsageBytes" | "transactionLogsDiskUsageBytes" | "freeStorageSpaceBytes") => {
    if (a[field] === undefined) return ALARM_DEFAULTS[field];
    const n = parseSize(a[field]);
    if (n === undefined) throw new Error(`resolveAlarms: alarms.${field} = ${JSON.stringify(a[field])} is not a size (validate first)`);
    return n;
  };
  // Aurora's cluster volume grows automatically: no allocated storage to be relative to.
  const allocatedStorageBytes = engine === AwsEngine.RDS_POSTGRESQL && a.allocatedStorageGib !== undefined ? a.allocatedStorageGib * GIB : undefined;
  const freeStorageSpaceFraction = a.freeStorageSpaceFraction ?? ALARM_DEFAULTS.freeStorageSpaceFraction;
  const freeAbsolute = bytes("freeStorageSpaceBytes");
  return {
    dbIdentifier: id,
    snsTopicArn: a.snsTopicArn,
    oldestReplicationSlotLagBytes: bytes("oldestReplicationSlotLagBytes"),
    replicationSlotDiskUsageBytes: bytes("replicationSlotDiskUsageBytes"),
    transactionLogsDiskUsageBytes: bytes("transactionLogsDiskUsageBytes"),
    freeStorageSpaceBytes: allocatedStorageBytes !== undefined ? Math.max(freeAbsolute, Math.round(allocatedStorageBytes * freeStorageSpaceFraction)) : freeAbsolute,
    allocatedStorageBytes,
    freeStorageSpaceFraction,
    evaluationPeriods: a.evaluationPeriods ?? ALARM_DEFAULTS.evaluationPeriods,
    periodSeconds: a.periodSeconds ?? ALARM_DEFAULTS.periodSeconds,
  };
}

/** One alarm, as the construct declares it (`aws_cloudwatch_metric_alarm` arguments). */
export interface AlarmDefinition {
  /** Construct ID below `Alarms` (the metric name). */
  readonly id: AlarmMetric;
  /** `alarm_name` (ForceNew: a new name replaces the alarm). */
  readonly alarmName: string;
  /** `alarm_description`: what it means and what to do. */
  readonly description: string;
  /** `namespace`. */
  readonly namespace: "AWS/RDS";
  /** `metric_name`. */
  readonly metricName: AlarmMetric;
  /** `statistic`: Maximum over a threshold, Minimum under one. */
  readonly statistic: "Maximum" | "Minimum";
  /** `comparison_operator`. */
  readonly comparisonOperator: "GreaterThanThreshold" | "LessThanThreshold";
  /** `threshold` in bytes. */
  readonly threshold: number;
  /** `period`. */
  readonly periodSeconds: number;
  /** `evaluation_periods`. */
  readonly evaluationPeriods: number;
  /** `datapoints_to_alarm`: how many of the evaluation periods must breach (per metric, see `AlarmMetricFacts.datapoints`). */
  readonly datapointsToAlarm: number;
  /** `treat_missing_data` (per metric, see `AlarmMetricFacts.treatMissingData`). */
  readonly treatMissingData: "notBreaching" | "missing";
  /** `dimensions`: `DBClusterIdentifier` + `Role = WRITER` (Aurora) or `DBInstanceIdentifier` (RDS). */
  readonly dimensions: Readonly<Record<string, string>>;
  /** The SNS topic for alarm and OK actions, when set. */
  readonly actions: readonly string[];
}

/** Kebab-case of a metric name, for alarm names: `OldestReplicationSlotLag` -> `oldest-replication-slot-lag`. */
const kebab = (s: string) => s.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();

/** The alarms of a source, in table order. Alarm names: `<source>-clickpipes-<metric>` (stable: a new name replaces the alarm). */
export function alarmDefinitions(source: string, engine: AwsEngine, alarms: ResolvedAlarms): AlarmDefinition[] {
  const dimensions: Record<string, string> = engine === AwsEngine.AURORA_POSTGRESQL ? { DBClusterIdentifier: alarms.dbIdentifier, Role: "WRITER" } : { DBInstanceIdentifier: alarms.dbIdentifier };
  return ALARM_METRICS.filter((m) => m.engines.includes(engine)).map((m) => ({
    id: m.metric,
    alarmName: `${source}-clickpipes-${kebab(m.metric)}`,
    description: `ClickPipes source ${source}: ${m.meaning}${m.metric === "FreeStorageSpace" && alarms.allocatedStorageBytes !== undefined ? ` Threshold ${formatSize(alarms.freeStorageSpaceBytes)}: the larger of the absolute size and ${Math.round(alarms.freeStorageSpaceFraction * 100)} % of the ${formatSize(alarms.allocatedStorageBytes)} allocated.` : ""}`,
    namespace: "AWS/RDS",
    metricName: m.metric,
    statistic: m.direction === "over" ? "Maximum" : "Minimum",
    comparisonOperator: m.direction === "over" ? "GreaterThanThreshold" : "LessThanThreshold",
    threshold: alarms[m.thresholdField],
    periodSeconds: alarms.periodSeconds,
    evaluationPeriods: alarms.evaluationPeriods,
    datapointsToAlarm: m.datapoints === "all" ? alarms.evaluationPeriods : 1,
    treatMissingData: m.treatMissingData,
    dimensions,
    actions: alarms.snsTopicArn !== undefined ? [alarms.snsTopicArn] : [],
  }));
}

/** The partition of a region: `aws-cn` (cn-*), `aws-us-gov` (us-gov-*), else `aws`. */
export function awsPartition(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/** An SNS topic ARN: partition, region, 12-digit account, topic name (1-256 of letters, digits, `-`, `_`; `.fifo` suffix allowed). */
export const SNS_TOPIC_ARN = /^arn:(aws|aws-cn|aws-us-gov):sns:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,256}(?:\.fifo)?)$/;

/** A DB cluster or instance identifier: a letter, then letters, digits and single hyphens, not ending in a hyphen (1-63 characters). */
export const DB_IDENTIFIER = /^(?=.{1,63}$)[A-Za-z](?:-?[A-Za-z0-9])*$/;
