import { describe, expect, it } from "vitest";
import { AuroraSourceConfig } from "../../src/model/app-config";
import { AwsNetworkMode } from "../../src/model/aws-types";
import { AURORA_SOURCE_RULES, RDS_SOURCE_RULES } from "../../src/model/rules/aws";
import { formatFinding, runRules, Severity } from "../../src/model/validation";
import { CloudProvider } from "../../src/model/types";
import { buildApp } from "../../src/app/app";
import { auroraSource, awsStack, CLUSTER_ARN, PRIVATELINK, rdsSource, SG, warningLines } from "../support/aws-helpers";

/** The lines Aurora validation prints for a config. */
function lines(over: Partial<AuroraSourceConfig>, rules = AURORA_SOURCE_RULES): string[] {
  return runRules(auroraSource(over), rules).map(formatFinding);
}

describe("AWS validation rules", () => {
  it("accepts the valid examples", () => {
    expect(lines({})).toEqual([]);
    expect(runRules(rdsSource(), RDS_SOURCE_RULES)).toEqual([]);
    expect(lines({ resourceArn: CLUSTER_ARN, network: PRIVATELINK })).toEqual([]);
  });

  it("engine-major: refuses a major without a parameter group family", () => {
    expect(lines({ postgresVersion: 19 as never })).toContain(
      'error: source "billing": postgresVersion = 19 is not allowed: one of 12, 13, 14, 15, 16, 17, 18 (Aurora PostgreSQL parameter group families aurora-postgresql12 ... aurora-postgresql18) [engine-major]',
    );
    expect(runRules(rdsSource({ postgresVersion: 11 as never }), RDS_SOURCE_RULES).map(formatFinding)).toContain(
      'error: source "billing": postgresVersion = 11 is not allowed: one of 12, 13, 14, 15, 16, 17, 18 (RDS for PostgreSQL parameter group families postgres12 ... postgres18) [engine-major]',
    );
  });

  it("engine-version: refuses an engine version whose major disagrees with the family's", () => {
    expect(lines({ engineVersion: "15.4" })).toEqual([
      'error: source "billing": engineVersion = "15.4" is not allowed: a 16.x version to match postgresVersion 16 (the parameter group family follows postgresVersion; set both to the engine\'s major) [engine-version]',
    ]);
    expect(lines({ engineVersion: "sixteen" })).toEqual(['error: source "billing": engineVersion = "sixteen" is not allowed: a version such as 16.4 (major.minor) [engine-version]']);
    expect(lines({ engineVersion: "16.4" })).toEqual([]);
  });

  it("aws-region: refuses an unknown AWS region", () => {
    expect(lines({ awsRegion: "eu-middle-9" })).toEqual([
      expect.stringMatching(/^error: source "billing": awsRegion = "eu-middle-9" is not allowed: an AWS region: af-south-1, .*us-west-2 \[aws-region\]$/),
    ]);
  });

  it("region: refuses an unknown ClickHouse region (generic rule, applied to AWS sources too)", () => {
    expect(lines({ clickhouse: { cloud: CloudProvider.AWS, region: "eu-west-7" } })[0]).toMatch(
      /^error: source "billing": clickhouse\.region = "eu-west-7" is not allowed: a region ClickHouse Cloud runs in on aws: .* \[region\]$/,
    );
  });

  it("security-group-id: refuses a malformed security group id", () => {
    expect(lines({ network: { securityGroupId: "sg-12345" } })).toEqual([
      'error: source "billing": network.securityGroupId = "sg-12345" is not allowed: a security group id: sg- followed by 8 or 17 lower-case hex digits (sg-0123456789abcdef0) [security-group-id]',
    ]);
    expect(lines({ network: { securityGroupId: "sg-1234abcd" } })).toEqual([]);
    expect(lines({ resourceArn: CLUSTER_ARN, network: { ...PRIVATELINK, privateLink: { ...PRIVATELINK.privateLink, securityGroupIds: ["default"] } } })).toEqual([
      'error: source "billing": network.privateLink.securityGroupIds[0] = "default" is not allowed: a security group id: sg- followed by 8 or 17 lower-case hex digits (sg-0123456789abcdef0) [security-group-id]',
    ]);
  });

  it("privatelink-subnets: refuses PrivateLink without subnets", () => {
    expect(lines({ resourceArn: CLUSTER_ARN, network: { mode: AwsNetworkMode.PRIVATELINK, privateLink: { vpcId: "vpc-0a1b2c3d4e5f60718", subnetIds: [] } } })).toEqual([
      'error: source "billing": network.privateLink.subnetIds = [] is not allowed: at least one subnet id (subnet-...) for the VPC Lattice resource gateway (each at least /26) [privatelink-subnets]',
    ]);
    expect(lines({ resourceArn: CLUSTER_ARN, network: { mode: AwsNetworkMode.PRIVATELINK } })).toEqual([
      'error: source "billing": network.privateLink.subnetIds = (missing) is not allowed: at least one subnet id (subnet-...) for the VPC Lattice resource gateway (each at least /26) [privatelink-subnets]',
      'error: source "billing": network.privateLink.vpcId = (missing) is not allowed: the VPC id of the resource gateway: vpc- followed by 8 or 17 lower-case hex digits [privatelink-subnets]',
    ]);
  });

  it("privatelink-target: refuses a public database, a missing ARN and another region", () => {
    expect(lines({ network: PRIVATELINK, publiclyAccessible: true, clickhouse: { cloud: CloudProvider.AWS, region: "us-east-1" } })).toEqual([
      'error: source "billing": publiclyAccessible = true is not allowed: false for privatelink (AWS refuses a resource configuration for a publicly accessible database); make it private or use the ip-allow-list mode [privatelink-target]',
      'error: source "billing": resourceArn = (missing) is not allowed: the cluster (arn:aws:rds:<region>:<account>:cluster:<id>) or instance (...:db:<id>) ARN, or pass the cluster/instance to the construct [privatelink-target]',
      'error: source "billing": clickhouse.region = "aws/us-east-1" is not allowed: aws/eu-central-1 (PrivateLink to a VPC resource is same-region only; use the ip-allow-list mode across regions) [privatelink-target]',
    ]);
  });

  it("security-group-target: refuses both and neither of an existing group and a VPC", () => {
    expect(lines({ network: { securityGroupId: SG, vpcId: "vpc-0a1b2c3d4e5f60718" } })).toEqual([
      'error: source "billing": network.vpcId = "vpc-0a1b2c3d4e5f60718" is not allowed: unset when network.securityGroupId is set (exactly one of: an existing security group, or a VPC for a new one) [security-group-target]',
    ]);
    expect(lines({ network: {} })).toEqual([
      'error: source "billing": network.securityGroupId = (missing) is not allowed: an existing security group id, or network.vpcId for a new dedicated group (exactly one of the two) [security-group-target]',
    ]);
    expect(lines({ network: undefined })).toHaveLength(1);
    expect(lines({ network: { vpcId: "my-vpc" } })).toEqual([
      'error: source "billing": network.vpcId = "my-vpc" is not allowed: a VPC id: vpc- followed by 8 or 17 lower-case hex digits [security-group-target]',
    ]);
  });

  it("port-range and aws-port: refuse a port outside 1150-65535", () => {
    expect(lines({ port: 70000 })).toEqual([
      'error: source "billing": port = 70000 is not allowed: an integer from 1 to 65535 [port-range]',
      'error: source "billing": port = 70000 is not allowed: an integer from 1150 to 65535 (the ports Aurora and RDS accept) [aws-port]',
    ]);
    expect(lines({ port: 1000 })).toEqual(['error: source "billing": port = 1000 is not allowed: an integer from 1150 to 65535 (the ports Aurora and RDS accept) [aws-port]']);
  });

  it("wal-sender-timeout: warns between 1 and 299999 ms, refuses negatives", () => {
    const warned = warningLines(awsStack(auroraSource({ parameterGroup: { walSenderTimeoutMs: 60000 } })));
    expect(warned).toEqual([
      'warning: source "billing": parameterGroup.walSenderTimeoutMs = 60000 is not allowed: 0 or at least 300000 ms is recommended (ClickPipes FAQ: 5 minutes or more), or ClickPipes replication connections may time out [wal-sender-timeout]',
    ]);
    expect(runRules(auroraSource({ parameterGroup: { walSenderTimeoutMs: 300000 } }), AURORA_SOURCE_RULES)).toEqual([]);
    expect(runRules(auroraSource({ parameterGroup: { walSenderTimeoutMs: 1 } }), AURORA_SOURCE_RULES)[0]!.severity).toBe(Severity.WARNING);
    expect(lines({ parameterGroup: { walSenderTimeoutMs: -1 } })).toEqual([
      'error: source "billing": parameterGroup.walSenderTimeoutMs = -1 is not allowed: an integer number of milliseconds, 0 for no timeout [wal-sender-timeout]',
    ]);
  });

  it("extra-parameters: refuses one that contradicts a required parameter, and duplicates", () => {
    expect(lines({ parameterGroup: { extraParameters: [{ name: "rds.logical_replication", value: "0" }] } })).toEqual([
      'error: source "billing": parameterGroup.extraParameters[0] = "rds.logical_replication = 0" is not allowed: rds.logical_replication = 1, which ClickPipes needs (leave it out of extraParameters) [extra-parameters]',
    ]);
    expect(lines({ parameterGroup: { walSenderTimeoutMs: 0, extraParameters: [{ name: "wal_sender_timeout", value: "60000" }] } })).toEqual([
      'error: source "billing": parameterGroup.extraParameters[0] = "wal_sender_timeout = 60000" is not allowed: wal_sender_timeout = 0, which ClickPipes needs (leave it out of extraParameters; set parameterGroup.walSenderTimeoutMs instead) [extra-parameters]',
    ]);
    expect(
      lines({
        parameterGroup: {
          extraParameters: [
            { name: "work_mem", value: "1" },
            { name: "work_mem", value: "2" },
          ],
        },
      }),
    ).toEqual(['error: source "billing": parameterGroup.extraParameters[1].name = "work_mem" is not allowed: each parameter once (it is listed twice) [extra-parameters]']);
    expect(lines({ parameterGroup: { extraParameters: [{ name: "work_mem", value: 1 as never }] } })).toEqual([
      'error: source "billing": parameterGroup.extraParameters[0].value = 1 is not allowed: a string, as AWS spells the value ("1", not 1) [extra-parameters]',
    ]);
  });

  it("aws-endpoint: refuses the reader endpoint and RDS Proxy", () => {
    expect(lines({ host: "billing.cluster-ro-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com" })[0]).toMatch(/host = .* is not allowed: the cluster WRITER endpoint .*\[aws-endpoint\]$/);
    expect(lines({ host: "billing.proxy-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com" })[0]).toMatch(/RDS Proxy does not support logical replication connections \[aws-endpoint\]$/);
  });

  it("engine-settings: refuses a superuser admin and max_slot_wal_keep_size on Aurora", () => {
    expect(lines({ adminIsSuperuser: true })).toEqual([
      'error: source "billing": adminIsSuperuser = true is not allowed: false or unset (RDS and Aurora have no superuser; the master user is rds_superuser) [engine-settings]',
    ]);
    expect(lines({ serverSettings: { maxSlotWalKeepSizeMb: 204800 } })).toEqual([
      'error: source "billing": serverSettings.maxSlotWalKeepSizeMb = 204800 is not allowed: unset for Aurora (Aurora storage keeps WAL itself; the construct sets it on RDS for PostgreSQL only) [engine-settings]',
    ]);
    expect(runRules(rdsSource({ serverSettings: { maxSlotWalKeepSizeMb: 204800 } }), RDS_SOURCE_RULES)).toEqual([]);
  });

  it("network-mode: refuses an unknown mode", () => {
    expect(lines({ network: { mode: "vpn" as never } })).toContain('error: source "billing": network.mode = "vpn" is not allowed: one of ip-allow-list, privatelink, none [network-mode]');
  });

  it("stops the app before anything is built, one line per problem", () => {
    expect(() => buildApp({ sources: [auroraSource({ postgresVersion: 19 as never, network: { securityGroupId: "sg-x" } })] })).toThrow(
      /postgresVersion = 19 .*\[engine-major\]\nerror: .*network\.securityGroupId = "sg-x" .*\[security-group-id\]/,
    );
    expect(() => buildApp({ sources: [auroraSource({ name: "x" }), { ...auroraSource({ name: "x-aws" }), kind: "generic" as never }] })).toThrow(/stack "x-aws" is taken/);
  });
});
