/**
 * Spec types of the Amazon Aurora PostgreSQL and Amazon RDS for PostgreSQL sources. Pure
 * TypeScript: nothing here imports cdktf. An AWS source is a generic source (`PostgresSourceSpec`:
 * database, user, schemas, tables, publication, ClickHouse region) plus the AWS side: the parameter
 * group, the network path and IAM authentication.
 */
import { NetworkSpec, PostgresSourceSpec } from "./types";

/** The AWS database engine of a source. */
export enum AwsEngine {
  /** Amazon Aurora PostgreSQL-Compatible Edition: a DB *cluster* parameter group. */
  AURORA_POSTGRESQL = "aurora-postgresql",
  /** Amazon RDS for PostgreSQL (DB instance): a DB parameter group. */
  RDS_POSTGRESQL = "postgres",
}

/** How ClickPipes reaches the database. */
export enum AwsNetworkMode {
  /** One security-group ingress rule per ClickPipes static IP (the database is reachable from the internet). */
  IP_ALLOW_LIST = "ip-allow-list",
  /** AWS PrivateLink through a VPC Lattice resource gateway and a RAM share (same AWS region as the ClickHouse service). */
  PRIVATELINK = "privatelink",
  /** The stacks create no network resource (you manage access yourself). */
  NONE = "none",
}

/** `apply_method` of a parameter-group parameter. */
export enum ParameterApplyMethod {
  /** Dynamic parameters: applied without a reboot. */
  IMMEDIATE = "immediate",
  /** Static parameters: applied at the next reboot. */
  PENDING_REBOOT = "pending-reboot",
}

/** One parameter of a parameter group. */
export interface ParameterSpec {
  /** Parameter name, e.g. `log_min_duration_statement`. */
  readonly name: string;
  /** Value as AWS spells it (a string, e.g. `"1"`). */
  readonly value: string;
  /**
   * When AWS applies it. Static parameters need `PENDING_REBOOT`.
   * @default ParameterApplyMethod.IMMEDIATE
   */
  readonly applyMethod?: ParameterApplyMethod;
}

/** The parameter group the construct creates. */
export interface ParameterGroupSpec {
  /**
   * `wal_sender_timeout` in milliseconds. The ClickHouse Aurora Postgres source guide sets 0 (no
   * timeout); the ClickPipes FAQ asks for at least 300000 (5 minutes): a value from 1 to 299999 prints a warning at synth.
   * @default 0
   */
  readonly walSenderTimeoutMs?: number;
  /**
   * Whether the group sets `wal_sender_timeout` at all. The Aurora guide we implement asks for 0;
   * the newest ClickHouse guides no longer do (ClickPipes sets 120 s on its own replication
   * connections): `false` leaves the parameter out, so the engine's default applies (and
   * `walSenderTimeoutMs` must be unset; set it yourself in `extraParameters` if you want another value).
   * @default true
   */
  readonly setWalSenderTimeout?: boolean;
  /**
   * Other custom parameters your team keeps in this group. Merged with the required ones and
   * sorted by name; one that contradicts a required parameter (same name, other value) is refused.
   * @default []
   */
  readonly extraParameters?: ParameterSpec[];
  /**
   * Description of the group.
   * @default "ClickPipes CDC source <name>: logical replication"
   */
  readonly description?: string;
}

/** Network path of an AWS source. */
export interface AwsNetworkSpec extends NetworkSpec {
  /**
   * How ClickPipes reaches the database.
   * @default AwsNetworkMode.IP_ALLOW_LIST
   */
  readonly mode?: AwsNetworkMode;
  /**
   * IP allow list: the existing security group of the cluster/instance that gets the rules
   * (`sg-` and 8 or 17 hex digits). Exactly one of `securityGroupId` and `vpcId`.
   * @default - none (then `vpcId` is required in IP_ALLOW_LIST mode)
   */
  readonly securityGroupId?: string;
  /**
   * IP allow list: the VPC in which the construct creates a new, dedicated security group (add it
   * to the cluster's security groups yourself). Exactly one of `securityGroupId` and `vpcId`.
   * @default - none (then `securityGroupId` is required in IP_ALLOW_LIST mode)
   */
  readonly vpcId?: string;
  /**
   * PrivateLink: the VPC Lattice resource gateway's placement. Required in PRIVATELINK mode.
   * @default - none (not used in the other modes)
   */
  readonly privateLink?: PrivateLinkSpec;
}

/** Where the VPC Lattice resource gateway lives. */
export interface PrivateLinkSpec {
  /** VPC of the resource gateway (the database's VPC). */
  readonly vpcId: string;
  /** Subnets of the resource gateway (at least /26 each; 16 consecutive free IPs per endpoint). At least one. */
  readonly subnetIds: string[];
  /**
   * Security groups of the resource gateway; the database's security group must allow them on the port.
   * @default [] (the VPC's default security group)
   */
  readonly securityGroupIds?: string[];
  /**
   * AWS account (or principal ARN) the share goes to.
   * @default "072088201116" (ClickPipes)
   */
  readonly principal?: string;
}

/**
 * CloudWatch alarms on the AWS/RDS metrics of logical replication and storage (`-aws` stack). The
 * metrics, their engines and dimensions are in `src/model/cloudwatch-alarms.ts` (with the AWS pages
 * they come from). Thresholds are in bytes, or size strings (`"10GiB"`, `"10GB"`: every unit
 * 1024-based). How many of the `evaluationPeriods` periods must breach, and how missing data counts,
 * is chosen per alarm (`ALARM_METRICS`, with the reasons).
 */
export interface CloudWatchAlarmsSpec {
  /**
   * Create the alarms. `false` creates none (and needs no identifier).
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * The DB cluster identifier (Aurora: dimensions `DBClusterIdentifier` + `Role = WRITER`) or DB
   * instance identifier (RDS: dimension `DBInstanceIdentifier`).
   * @default - from `resourceArn`, else the first label of the `*.rds.amazonaws.com` endpoint in
   *   `host`, else the cluster/instance passed to the construct; refused when none names it
   */
  readonly dbIdentifier?: string;
  /**
   * SNS topic for alarm and OK actions (`arn:<partition>:sns:<awsRegion>:<account>:<topic>`, same
   * region as the source). Unset: the alarms change state in CloudWatch and notify no one.
   * @default - no actions
   */
  readonly snsTopicArn?: string;
  /**
   * `OldestReplicationSlotLag` over this many bytes: the slot furthest behind retains this much WAL.
   * @default 10737418240 (10 GiB)
   */
  readonly oldestReplicationSlotLagBytes?: number | string;
  /**
   * `ReplicationSlotDiskUsage` over this many bytes: disk used by replication slot files.
   * @default 10737418240 (10 GiB)
   */
  readonly replicationSlotDiskUsageBytes?: number | string;
  /**
   * `TransactionLogsDiskUsage` over this many bytes: disk used by WAL.
   * @default 21474836480 (20 GiB)
   */
  readonly transactionLogsDiskUsageBytes?: number | string;
  /**
   * `FreeStorageSpace` (RDS) or `FreeLocalStorage` (Aurora) under this many bytes.
   * @default 5368709120 (5 GiB)
   */
  readonly freeStorageSpaceBytes?: number | string;
  /**
   * RDS: `FreeStorageSpace` also alarms under this fraction of the instance's allocated storage
   * (the threshold is the larger of the two), when the allocated storage is known: from
   * `allocatedStorageGib`, or the `allocated_storage` of the instance passed to `RdsSource`. A number
   * above 0 and below 1. Aurora has no allocated storage (its cluster volume grows automatically):
   * there this field is unused.
   * @default 0.1
   */
  readonly freeStorageSpaceFraction?: number;
  /**
   * RDS: the instance's allocated storage in GiB (`allocated_storage`), for `freeStorageSpaceFraction`.
   * With storage autoscaling (`max_allocated_storage`) the storage grows past it and the alarm stays
   * on the smaller, earlier size. Refused for Aurora (its storage grows automatically).
   * @default - the `allocated_storage` of the instance passed to `RdsSource` when a literal; else
   *   only the absolute `freeStorageSpaceBytes` applies
   */
  readonly allocatedStorageGib?: number;
  /**
   * Periods in a row over the threshold before the alarm fires (1 to 1440; `periodSeconds` times
   * this at most one day).
   * @default 3
   */
  readonly evaluationPeriods?: number;
  /**
   * Period in seconds: a multiple of 60 (the AWS/RDS metrics are published every minute).
   * @default 300
   */
  readonly periodSeconds?: number;
}

/** An Aurora PostgreSQL cluster or RDS PostgreSQL instance prepared as a ClickPipes source. */
export interface AwsSourceSpec extends PostgresSourceSpec {
  /**
   * Host address ClickPipes and the postgresql provider connect to: for Aurora the cluster
   * WRITER endpoint (`<cluster>.cluster-<id>.<region>.rds.amazonaws.com`, not `cluster-ro-`),
   * for RDS the instance endpoint address. No port, no RDS Proxy.
   */
  readonly host: string;
  /** AWS region of the cluster or instance, e.g. `eu-central-1`. */
  readonly awsRegion: string;
  /**
   * Full engine version (e.g. `"16.4"`); when given, its major must equal `postgresVersion`.
   * @default - only the major (`postgresVersion`) is used
   */
  readonly engineVersion?: string;
  /**
   * ARN of the cluster (Aurora) or instance (RDS): the target of the PrivateLink resource
   * configuration. Required for PRIVATELINK unless the construct is given the cluster/instance.
   * @default - none
   */
  readonly resourceArn?: string;
  /**
   * Whether the cluster's instances (or the RDS instance) are publicly accessible. PrivateLink is
   * refused for a publicly accessible database (AWS rejects the resource configuration).
   * @default false
   */
  readonly publiclyAccessible?: boolean;
  /**
   * IAM authentication for ClickPipes: `rds.iam_auth_for_replication = 1` in the parameter group
   * and `GRANT rds_iam` to the user. Turn on IAM database authentication on the cluster yourself.
   * @default false
   */
  readonly iamAuth?: boolean;
  /** The parameter group. @default - `wal_sender_timeout = 0`, no extra parameters */
  readonly parameterGroup?: ParameterGroupSpec;
  /** Network path. @default - IP allow list (needs `securityGroupId` or `vpcId`) */
  readonly network?: AwsNetworkSpec;
  /**
   * CloudWatch alarms on replication slot lag, WAL and slot disk usage and free storage (`-aws` stack).
   * @default - on, with the default thresholds of `CloudWatchAlarmsSpec`
   */
  readonly alarms?: CloudWatchAlarmsSpec;
}

/** An Aurora PostgreSQL source. */
export type AuroraSourceSpec = AwsSourceSpec;

/** An RDS for PostgreSQL (instance) source. `serverSettings.maxSlotWalKeepSizeMb` goes into its parameter group when set. */
export type RdsSourceSpec = AwsSourceSpec;
