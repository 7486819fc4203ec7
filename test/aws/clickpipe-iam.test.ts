import { describe, expect, it } from "vitest";
import { AppConfig } from "../../src/model/app-config";
import { checkApp } from "../../src/model/validate";
import { AwsEngine } from "../../src/model/aws-types";
import { dbIdentifier } from "../../src/model/iam-auth";
import { formatFinding, runRules } from "../../src/model/validation";
import { auroraSource, awsStack, dbStack, rdsSource, synthAws, synthDb, warningLines } from "../support/aws-helpers";
import { Testing } from "../../src/tf/tf";
import { genericSource, parse, resourcesOf } from "../support/helpers";

const SERVICE = "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d";
const CH_ROLE = "arn:aws:iam::426924874929:role/CH-S3-steel-ab-12-ue1-29-Role";

const one = (json: string, type: string) => {
  const all = Object.entries(resourcesOf(json, type));
  expect(all).toHaveLength(1);
  return all[0]!;
};
const data = (json: string, type: string) => Object.entries((parse(json) as { data?: Record<string, Record<string, unknown>> }).data?.[type] ?? {});

describe("IAM authentication for Aurora/RDS pipes", () => {
  it("Aurora: the -aws stack declares the role ClickPipes assumes, trusted by the ClickHouse service role, rds-db:connect on the cluster as the user", () => {
    const json = synthAws(auroraSource({ iamAuth: true, clickpipe: { serviceId: SERVICE, clickhouseServiceRoleArn: CH_ROLE, replicationMode: "snapshot" as never } }));
    const [roleId, role] = one(json, "aws_iam_role");
    expect(role.name).toBe("ClickHouseAccessRole-billing");
    expect(JSON.parse(role.assume_role_policy as string)).toEqual({
      Version: "2012-10-17",
      // clickhouse-docs _iam_authentication.md @0ee64cd6 (read 2026-12-03): both actions, or ClickPipes cannot assume the role.
      Statement: [{ Effect: "Allow", Principal: { AWS: CH_ROLE }, Action: ["sts:AssumeRole", "sts:TagSession"] }],
    });
    const [, policy] = one(json, "aws_iam_role_policy");
    expect(policy.role).toBe(`\${aws_iam_role.${roleId}.id}`);
    const [clusterId, cluster] = data(json, "aws_rds_cluster")[0]!;
    expect(cluster).toMatchObject({ cluster_identifier: "billing" });
    const [partitionId] = data(json, "aws_partition")[0]!;
    const [accountId] = data(json, "aws_caller_identity")[0]!;
    expect(JSON.parse(policy.policy as string)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "rds-db:connect",
          Resource: `arn:\${data.aws_partition.${partitionId}.partition}:rds-db:eu-central-1:\${data.aws_caller_identity.${accountId}.account_id}:dbuser:\${data.aws_rds_cluster.${clusterId}.cluster_resource_id}/clickpipes_user`,
        },
      ],
    });
    expect(parse(json).output!.clickpipes_iam_role_arn).toMatchObject({ value: `\${aws_iam_role.${roleId}.arn}` });
  });

  it("RDS: the instance's resource_id, from the instance data source", () => {
    const json = synthAws(rdsSource({ iamAuth: true, clickpipe: { serviceId: SERVICE, clickhouseServiceRoleArn: CH_ROLE, iamRoleName: "ClickHouseAccessRole-rds" } }));
    const [instanceId, instance] = data(json, "aws_db_instance")[0]!;
    expect(instance).toMatchObject({ db_instance_identifier: "billing" });
    expect(one(json, "aws_iam_role")[1].name).toBe("ClickHouseAccessRole-rds");
    expect(JSON.parse(one(json, "aws_iam_role_policy")[1].policy as string).Statement[0].Resource).toContain(`:dbuser:\${data.aws_db_instance.${instanceId}.resource_id}/clickpipes_user`);
  });

  it("the -db stack takes the role ARN as a variable and the pipe uses IAM_ROLE without a password; a CDC pipe gets no IAM warning", () => {
    const stack = dbStack(auroraSource({ iamAuth: true, clickpipe: { serviceId: SERVICE, clickhouseServiceRoleArn: CH_ROLE, replicationMode: "cdc" as never } }));
    const json = Testing.synth(stack);
    const warnings = warningLines(stack);
    expect(parse(json).variable!.clickpipes_iam_role_arn).toMatchObject({ type: "string", nullable: false });
    const [, pipe] = one(json, "clickhouse_clickpipe") as [string, any];
    expect(pipe.source.postgres).toMatchObject({ authentication: "IAM_ROLE", iam_role: "${var.clickpipes_iam_role_arn}" });
    expect(Object.keys(pipe.source.postgres.credentials)).toEqual(["username"]);
    expect(pipe.source.postgres.settings.replication_mode).toBe("cdc");
    expect(warnings).toEqual([]);
  });

  it("Aurora and RDS with iamAuth and a CDC pipe: rds.iam_auth_for_replication = 1 in the parameter group, both trust actions", () => {
    for (const src of [auroraSource, rdsSource]) {
      const config = src({ iamAuth: true, clickpipe: { serviceId: SERVICE, clickhouseServiceRoleArn: CH_ROLE, replicationMode: "cdc" as never } });
      const json = synthAws(config);
      const groups = [...Object.values(resourcesOf(json, "aws_rds_cluster_parameter_group")), ...Object.values(resourcesOf(json, "aws_db_parameter_group"))];
      expect(groups).toHaveLength(1);
      expect(groups[0]!.parameter).toContainEqual({ name: "rds.iam_auth_for_replication", value: "1", apply_method: "immediate" });
      const [, role] = one(json, "aws_iam_role");
      expect(JSON.parse(role.assume_role_policy as string).Statement[0].Action).toEqual(["sts:AssumeRole", "sts:TagSession"]);
      expect(warningLines(awsStack(config))).toEqual([]);
    }
  });

  it("no role without iamAuth, and no IAM variable", () => {
    const json = synthAws(auroraSource({ clickpipe: { serviceId: SERVICE } }));
    expect(resourcesOf(json, "aws_iam_role")).toEqual({});
    expect(parse(synthDb(auroraSource({ clickpipe: { serviceId: SERVICE } }))).variable!.clickpipes_iam_role_arn).toBeUndefined();
  });

  it("reads the identifier from resourceArn or the endpoint", () => {
    expect(dbIdentifier(AwsEngine.AURORA_POSTGRESQL, "x", "arn:aws:rds:eu-central-1:123456789012:cluster:billing-prod")).toBe("billing-prod");
    expect(dbIdentifier(AwsEngine.AURORA_POSTGRESQL, "billing.cluster-abc123.eu-central-1.rds.amazonaws.com")).toBe("billing");
    expect(dbIdentifier(AwsEngine.AURORA_POSTGRESQL, "billing.cluster-ro-abc123.eu-central-1.rds.amazonaws.com")).toBeUndefined();
    expect(dbIdentifier(AwsEngine.RDS_POSTGRESQL, "orders.abc123.eu-central-1.rds.amazonaws.com")).toBe("orders");
    expect(dbIdentifier(AwsEngine.RDS_POSTGRESQL, "db.example.com")).toBeUndefined();
    expect(dbIdentifier(AwsEngine.RDS_POSTGRESQL, "x", "arn:aws:rds:eu-central-1:123456789012:cluster:billing")).toBeUndefined();
  });

  const lines = (s: AppConfig["sources"][number]) =>
    checkApp({ sources: [s] })
      .findings.filter((f) => f.rule === "clickpipe-iam-role")
      .map(formatFinding);
  it("clickpipe-iam-role: exact messages", () => {
    expect(lines(auroraSource({ iamAuth: true, clickpipe: { serviceId: SERVICE } }))).toEqual([
      'error: source "billing": clickpipe.clickhouseServiceRoleArn = (missing) is not allowed: the ClickHouse service\'s IAM role ARN (service Settings, Network security information, "Service role ID (IAM)"), e.g. arn:aws:iam::123456789012:role/CH-S3-...-Role (required with iamAuth) [clickpipe-iam-role]',
    ]);
    expect(lines(auroraSource({ iamAuth: true, host: "db.internal", clickpipe: { serviceId: SERVICE, clickhouseServiceRoleArn: CH_ROLE } }))).toEqual([
      'error: source "billing": host = "db.internal" is not allowed: with iamAuth, the cluster\'s ARN (arn:aws:rds:<region>:<account>:cluster:<id>) or its writer endpoint <id>.cluster-<hash>.<region>.rds.amazonaws.com, so the role\'s rds-db:connect names this cluster [clickpipe-iam-role]',
    ]);
    expect(lines(auroraSource({ iamAuth: true, name: "b".repeat(50), clickpipe: { serviceId: SERVICE, clickhouseServiceRoleArn: CH_ROLE } }))).toEqual([
      `error: source "${"b".repeat(50)}": clickpipe.iamRoleName = "ClickHouseAccessRole-${"b".repeat(50)}" is not allowed: an IAM role name: at most 64 letters, digits or +=,.@_- (the default "ClickHouseAccessRole-<source name>" is too long for this source; set iamRoleName) [clickpipe-iam-role]`,
    ]);
    expect(lines(genericSource({ clickpipe: { serviceId: SERVICE, clickhouseServiceRoleArn: CH_ROLE } }))).toEqual([
      'error: source "orders-db": clickpipe.clickhouseServiceRoleArn = "arn:aws:iam::426924874929:role/CH-S3-steel-ab-12-ue1-29-Role" is not allowed: unset for a generic source (IAM database authentication is for Aurora/RDS) [clickpipe-iam-role]',
    ]);
    expect(lines(rdsSource({ clickpipe: { serviceId: SERVICE, clickhouseServiceRoleArn: CH_ROLE } }))).toEqual([
      'error: source "billing": clickpipe.clickhouseServiceRoleArn = "arn:aws:iam::426924874929:role/CH-S3-steel-ab-12-ue1-29-Role" is not allowed: unset unless iamAuth is true (the pipe uses password authentication) [clickpipe-iam-role]',
    ]);
    expect(lines(rdsSource({ iamAuth: true, clickpipe: { serviceId: SERVICE, clickhouseServiceRoleArn: CH_ROLE } }))).toEqual([]);
  });
});

describe("wal_sender_timeout in the parameter group", () => {
  const params = (json: string) => {
    const groups = Object.values(resourcesOf(json, "aws_rds_cluster_parameter_group")) as { parameter: { name: string; value: string }[] }[];
    expect(groups).toHaveLength(1);
    return groups[0]!.parameter.map((p) => `${p.name}=${p.value}`);
  };
  it("keeps 0 by default (the Aurora guide we implement) and leaves it out with setWalSenderTimeout: false", () => {
    expect(params(synthAws(auroraSource()))).toEqual(["rds.logical_replication=1", "wal_sender_timeout=0"]);
    expect(params(synthAws(auroraSource({ parameterGroup: { setWalSenderTimeout: false } })))).toEqual(["rds.logical_replication=1"]);
    // then extraParameters may set it
    expect(params(synthAws(auroraSource({ parameterGroup: { setWalSenderTimeout: false, extraParameters: [{ name: "wal_sender_timeout", value: "120000" }] } })))).toEqual([
      "rds.logical_replication=1",
      "wal_sender_timeout=120000",
    ]);
  });
  it("refuses walSenderTimeoutMs together with setWalSenderTimeout: false, in one line", async () => {
    const { AURORA_SOURCE_RULES } = await import("../../src/model/rules/aws");
    expect(runRules(auroraSource({ parameterGroup: { setWalSenderTimeout: false, walSenderTimeoutMs: 0 } }), AURORA_SOURCE_RULES).map(formatFinding)).toEqual([
      'error: source "billing": parameterGroup.walSenderTimeoutMs = 0 is not allowed: unset when setWalSenderTimeout is false (the group leaves wal_sender_timeout out) [wal-sender-timeout]',
    ]);
  });
});
