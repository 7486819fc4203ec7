/**
 * Cases of the AWS tables (AURORA_SOURCE_RULES, RDS_SOURCE_RULES), run on the valid examples of
 * test/support/aws-helpers.ts (auroraSource / rdsSource) with the override applied: [name, engines, override,
 * every line of the whole table]. Every AWS rule needs one per engine (test/model/rule-tree.test.ts checks).
 */
import { AwsEngine } from "../../../src/model/aws-types";
import { CLUSTER_ARN, PRIVATELINK } from "../../support/aws-helpers";

const BOTH = [AwsEngine.AURORA_POSTGRESQL, AwsEngine.RDS_POSTGRESQL];
const PL = { resourceArn: CLUSTER_ARN, network: PRIVATELINK };

export const AWS_CASES: [string, readonly AwsEngine[], Record<string, unknown>, string[]][] = [
  // 19: no family on either engine yet (and not a major the source table knows either).
  [
    "engine-major: Aurora has no family for 19",
    [AwsEngine.AURORA_POSTGRESQL],
    { postgresVersion: 19 },
    [
      'error: source "billing": postgresVersion = 19 is not allowed: one of 12, 13, 14, 15, 16, 17, 18 (ClickPipes needs PostgreSQL 12 or later) [postgres-version]',
      'error: source "billing": postgresVersion = 19 is not allowed: one of 12, 13, 14, 15, 16, 17, 18 (Aurora PostgreSQL parameter group families aurora-postgresql12 ... aurora-postgresql18) [engine-major]',
    ],
  ],
  [
    "engine-major: RDS has no family for 19",
    [AwsEngine.RDS_POSTGRESQL],
    { postgresVersion: 19 },
    [
      'error: source "billing": postgresVersion = 19 is not allowed: one of 12, 13, 14, 15, 16, 17, 18 (ClickPipes needs PostgreSQL 12 or later) [postgres-version]',
      'error: source "billing": postgresVersion = 19 is not allowed: one of 12, 13, 14, 15, 16, 17, 18 (RDS for PostgreSQL parameter group families postgres12 ... postgres18) [engine-major]',
    ],
  ],
  [
    "engine-version: major differs from postgresVersion",
    BOTH,
    { engineVersion: "15.4" },
    [
      'error: source "billing": engineVersion = "15.4" is not allowed: a 16.x version to match postgresVersion 16 (the parameter group family follows postgresVersion; set both to the engine\'s major) [engine-version]',
    ],
  ],
  [
    "aws-region: unknown region",
    BOTH,
    { awsRegion: "eu-middle-9" },
    [
      'error: source "billing": awsRegion = "eu-middle-9" is not allowed: an AWS region: af-south-1, ap-east-1, ap-east-2, ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-south-1, ap-south-2, ap-southeast-1, ap-southeast-2, ap-southeast-3, ap-southeast-4, ap-southeast-5, ap-southeast-6, ap-southeast-7, ca-central-1, ca-west-1, cn-north-1, cn-northwest-1, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3, il-central-1, me-central-1, me-south-1, mx-central-1, sa-east-1, us-east-1, us-east-2, us-gov-east-1, us-gov-west-1, us-west-1, us-west-2 [aws-region]',
    ],
  ],
  ["aws-port: below 1150", BOTH, { port: 1000 }, ['error: source "billing": port = 1000 is not allowed: an integer from 1150 to 65535 (the ports Aurora and RDS accept) [aws-port]']],
  [
    "aws-endpoint: reader endpoint",
    BOTH,
    { host: "billing.cluster-ro-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com" },
    [
      'error: source "billing": host = "billing.cluster-ro-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com" is not allowed: the cluster WRITER endpoint (<cluster>.cluster-<id>.<region>.rds.amazonaws.com): slots are created on the primary [aws-endpoint]',
    ],
  ],
  ["network-mode: unknown mode", BOTH, { network: { mode: "vpn" } }, ['error: source "billing": network.mode = "vpn" is not allowed: one of ip-allow-list, privatelink, none [network-mode]']],
  [
    "security-group-id: malformed",
    BOTH,
    { network: { securityGroupId: "sg-12345" } },
    ['error: source "billing": network.securityGroupId = "sg-12345" is not allowed: a security group id: sg- followed by 8 or 17 lower-case hex digits (sg-0123456789abcdef0) [security-group-id]'],
  ],
  [
    "security-group-target: neither group nor VPC",
    BOTH,
    { network: { mode: "ip-allow-list" } },
    [
      'error: source "billing": network.securityGroupId = (missing) is not allowed: an existing security group id, or network.vpcId for a new dedicated group (exactly one of the two) [security-group-target]',
    ],
  ],
  [
    "privatelink-subnets: malformed subnet",
    BOTH,
    { ...PL, network: { ...PRIVATELINK, privateLink: { ...PRIVATELINK.privateLink, subnetIds: ["subnet-1"] } } },
    ['error: source "billing": network.privateLink.subnetIds[0] = "subnet-1" is not allowed: a subnet id: subnet- followed by 8 or 17 lower-case hex digits [privatelink-subnets]'],
  ],
  [
    "privatelink-target: publicly accessible",
    BOTH,
    { ...PL, publiclyAccessible: true },
    [
      'error: source "billing": publiclyAccessible = true is not allowed: false for privatelink (AWS refuses a resource configuration for a publicly accessible database); make it private or use the ip-allow-list mode [privatelink-target]',
    ],
  ],
  [
    "wal-sender-timeout: short timeout warns",
    BOTH,
    { parameterGroup: { walSenderTimeoutMs: 60000 } },
    [
      'warning: source "billing": parameterGroup.walSenderTimeoutMs = 60000 is not allowed: 0 or at least 300000 ms is recommended (ClickPipes FAQ: 5 minutes or more), or ClickPipes replication connections may time out [wal-sender-timeout]',
    ],
  ],
  [
    "extra-parameters: contradicts a required parameter",
    BOTH,
    { parameterGroup: { extraParameters: [{ name: "rds.logical_replication", value: "0" }] } },
    [
      'error: source "billing": parameterGroup.extraParameters[0] = "rds.logical_replication = 0" is not allowed: rds.logical_replication = 1, which ClickPipes needs (leave it out of extraParameters) [extra-parameters]',
    ],
  ],
  [
    "engine-settings: no superuser on AWS",
    BOTH,
    { adminIsSuperuser: true },
    ['error: source "billing": adminIsSuperuser = true is not allowed: false or unset (RDS and Aurora have no superuser; the master user is rds_superuser) [engine-settings]'],
  ],
  [
    "engine-settings: max_slot_wal_keep_size is RDS only",
    [AwsEngine.AURORA_POSTGRESQL],
    { serverSettings: { maxSlotWalKeepSizeMb: 204800 } },
    [
      'error: source "billing": serverSettings.maxSlotWalKeepSizeMb = 204800 is not allowed: unset for Aurora (Aurora storage keeps WAL itself; the construct sets it on RDS for PostgreSQL only) [engine-settings]',
    ],
  ],
  ["engine-settings: max_slot_wal_keep_size is fine on RDS", [AwsEngine.RDS_POSTGRESQL], { serverSettings: { maxSlotWalKeepSizeMb: 204800 } }, []],
  [
    "alarm-thresholds: zero threshold",
    BOTH,
    { alarms: { oldestReplicationSlotLagBytes: 0 } },
    [
      'error: source "billing": alarms.oldestReplicationSlotLagBytes = 0 is not allowed: a whole number of bytes above 0, or a whole number with a unit kB/KiB, MB/MiB, GB/GiB or TB/TiB (e.g. 10GiB; all 1024-based: PostgreSQL\'s MB is 1024² bytes, the same as MiB) [alarm-thresholds]',
    ],
  ],
  [
    "alarm-thresholds: a size with an unknown unit",
    BOTH,
    { alarms: { replicationSlotDiskUsageBytes: "10 gigabytes" } },
    [
      'error: source "billing": alarms.replicationSlotDiskUsageBytes = "10 gigabytes" is not allowed: a whole number of bytes above 0, or a whole number with a unit kB/KiB, MB/MiB, GB/GiB or TB/TiB (e.g. 10GiB; all 1024-based: PostgreSQL\'s MB is 1024² bytes, the same as MiB) [alarm-thresholds]',
    ],
  ],
  [
    "engine-settings: allocated storage on Aurora",
    [AwsEngine.AURORA_POSTGRESQL],
    { alarms: { allocatedStorageGib: 100 } },
    [
      'error: source "billing": alarms.allocatedStorageGib = 100 is not allowed: unset for Aurora: its cluster volume grows automatically and has no allocated storage (FreeLocalStorage watches the writer\'s local storage) [engine-settings]',
    ],
  ],
  [
    "alarm-thresholds: period not a multiple of 60",
    BOTH,
    { alarms: { periodSeconds: 90 } },
    ['error: source "billing": alarms.periodSeconds = 90 is not allowed: a multiple of 60 seconds (the AWS/RDS metrics are published every minute) [alarm-thresholds]'],
  ],
  [
    "alarm-thresholds: longer than a day",
    BOTH,
    { alarms: { periodSeconds: 3600, evaluationPeriods: 25 } },
    ['error: source "billing": alarms.evaluationPeriods = 25 is not allowed: at most 24 with periodSeconds 3600 (CloudWatch evaluates at most one day) [alarm-thresholds]'],
  ],
  ["alarm-thresholds: enabled not a boolean", BOTH, { alarms: { enabled: "no" } }, ['error: source "billing": alarms.enabled = "no" is not allowed: true or false [alarm-thresholds]']],
  [
    "alarm-sns-topic: other region",
    BOTH,
    { alarms: { snsTopicArn: "arn:aws:sns:us-east-1:123456789012:dba-pager" } },
    [
      'error: source "billing": alarms.snsTopicArn = "arn:aws:sns:us-east-1:123456789012:dba-pager" is not allowed: an SNS topic ARN in eu-central-1: arn:aws:sns:eu-central-1:<12-digit account>:<topic> [alarm-sns-topic]',
    ],
  ],
  [
    "alarm-sns-topic: not an SNS ARN",
    BOTH,
    { alarms: { snsTopicArn: "arn:aws:sqs:eu-central-1:123456789012:dba-pager" } },
    [
      'error: source "billing": alarms.snsTopicArn = "arn:aws:sqs:eu-central-1:123456789012:dba-pager" is not allowed: an SNS topic ARN in eu-central-1: arn:aws:sns:eu-central-1:<12-digit account>:<topic> [alarm-sns-topic]',
    ],
  ],
  ["alarm-sns-topic: a topic of the region is fine", BOTH, { alarms: { snsTopicArn: "arn:aws:sns:eu-central-1:123456789012:dba-pager" } }, []],
  [
    "alarm-db-identifier: Aurora host that names no cluster",
    [AwsEngine.AURORA_POSTGRESQL],
    { host: "billing-db.internal.example.com" },
    [
      'error: source "billing": alarms.dbIdentifier = (missing) is not allowed: the DB cluster identifier the CloudWatch alarms watch: set alarms.dbIdentifier (host "billing-db.internal.example.com" and resourceArn name none), or alarms.enabled = false [alarm-db-identifier]',
    ],
  ],
  [
    "alarm-db-identifier: RDS host that names no instance",
    [AwsEngine.RDS_POSTGRESQL],
    { host: "billing-db.internal.example.com" },
    [
      'error: source "billing": alarms.dbIdentifier = (missing) is not allowed: the DB instance identifier the CloudWatch alarms watch: set alarms.dbIdentifier (host "billing-db.internal.example.com" and resourceArn name none), or alarms.enabled = false [alarm-db-identifier]',
    ],
  ],
  [
    "alarm-db-identifier: malformed cluster identifier",
    [AwsEngine.AURORA_POSTGRESQL],
    { alarms: { dbIdentifier: "billing--db" } },
    [
      'error: source "billing": alarms.dbIdentifier = "billing--db" is not allowed: a DB cluster identifier: a letter, then letters, digits and single hyphens, at most 63 characters [alarm-db-identifier]',
    ],
  ],
  [
    "alarm-db-identifier: malformed instance identifier",
    [AwsEngine.RDS_POSTGRESQL],
    { alarms: { dbIdentifier: "billing-" } },
    [
      'error: source "billing": alarms.dbIdentifier = "billing-" is not allowed: a DB instance identifier: a letter, then letters, digits and single hyphens, at most 63 characters [alarm-db-identifier]',
    ],
  ],
  ["alarm-db-identifier: off needs no identifier", BOTH, { host: "billing-db.internal.example.com", alarms: { enabled: false } }, []],
  ["alarm-db-identifier: given for a custom host", BOTH, { host: "billing-db.internal.example.com", alarms: { dbIdentifier: "billing" } }, []],
];
