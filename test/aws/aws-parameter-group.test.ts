import { describe, expect, it } from "vitest";
import { AuroraSource } from "../../src/aws/aurora-source";
import { RdsSource } from "../../src/aws/rds-source";
import { App, TerraformStack, Testing } from "../../src/tf/tf";
import { DbInstance, DbParameterGroup, RdsCluster, RdsClusterParameterGroup } from "../../src/tf/tf-aws";
import { mergeParameters, parameterGroupFamily, requiredParameters } from "../../src/model/aws";
import { AwsEngine, ParameterApplyMethod } from "../../src/model/aws-types";
import { parse, resourcesOf } from "../support/helpers";
import { auroraSource, rdsSource, synthAws } from "../support/aws-helpers";

describe("Aurora cluster parameter group", () => {
  const json = synthAws(auroraSource());

  it("derives the family from the major and sets the required parameters, sorted by name", () => {
    expect(json).toHaveResourceWithProperties(RdsClusterParameterGroup, {
      family: "aurora-postgresql16",
      name_prefix: "billing-clickpipes-",
      lifecycle: { create_before_destroy: true },
      parameter: [
        { name: "rds.logical_replication", value: "1", apply_method: "pending-reboot" },
        { name: "wal_sender_timeout", value: "0", apply_method: "immediate" },
      ],
    });
    expect(Object.keys(resourcesOf(json, "aws_db_parameter_group"))).toHaveLength(0);
    const group = Object.values(resourcesOf(json, "aws_rds_cluster_parameter_group"))[0]!;
    expect(group).not.toHaveProperty("name");
  });

  it("maps every supported major to its family and refuses the rest", () => {
    for (const major of [12, 13, 14, 15, 16, 17, 18]) {
      expect(parameterGroupFamily(AwsEngine.AURORA_POSTGRESQL, major)).toBe(`aurora-postgresql${major}`);
      expect(parameterGroupFamily(AwsEngine.RDS_POSTGRESQL, major)).toBe(`postgres${major}`);
    }
    expect(() => parameterGroupFamily(AwsEngine.AURORA_POSTGRESQL, 19)).toThrow(/no parameter group family for PostgreSQL 19/);
    expect(() => parameterGroupFamily(AwsEngine.RDS_POSTGRESQL, 11)).toThrow(/no parameter group family for PostgreSQL 11/);
    expect(synthAws(auroraSource({ postgresVersion: 12 }))).toHaveResourceWithProperties(RdsClusterParameterGroup, { family: "aurora-postgresql12" });
  });

  it("PostgreSQL 18: both engines synthesize with the 18 families and the same parameters in the same groups", () => {
    const aurora = synthAws(auroraSource({ postgresVersion: 18, engineVersion: "18.4", iamAuth: true }));
    expect(aurora).toHaveResourceWithProperties(RdsClusterParameterGroup, {
      family: "aurora-postgresql18",
      parameter: [
        { name: "rds.iam_auth_for_replication", value: "1", apply_method: "immediate" },
        { name: "rds.logical_replication", value: "1", apply_method: "pending-reboot" },
        { name: "wal_sender_timeout", value: "0", apply_method: "immediate" },
      ],
    });
    expect(Object.keys(resourcesOf(aurora, "aws_db_parameter_group"))).toHaveLength(0);
    const rds = synthAws(rdsSource({ postgresVersion: 18 }));
    expect(rds).toHaveResourceWithProperties(DbParameterGroup, { family: "postgres18" });
    const names = (Object.values(resourcesOf(rds, "aws_db_parameter_group"))[0]!.parameter as { name: string }[]).map((p) => p.name);
    expect(names).toEqual(["rds.logical_replication", "wal_sender_timeout"]);
  });

  it("sets wal_sender_timeout in ms and rds.iam_auth_for_replication with IAM auth", () => {
    const j = synthAws(auroraSource({ iamAuth: true, parameterGroup: { walSenderTimeoutMs: 600000 } }));
    expect(j).toHaveResourceWithProperties(RdsClusterParameterGroup, {
      parameter: [
        { name: "rds.iam_auth_for_replication", value: "1", apply_method: "immediate" },
        { name: "rds.logical_replication", value: "1", apply_method: "pending-reboot" },
        { name: "wal_sender_timeout", value: "600000", apply_method: "immediate" },
      ],
    });
  });

  it("merges extra parameters sorted by name; an identical copy of a required one is kept once", () => {
    const j = synthAws(
      auroraSource({
        parameterGroup: {
          extraParameters: [
            { name: "work_mem", value: "65536" },
            { name: "rds.logical_replication", value: "1" },
            { name: "shared_preload_libraries", value: "pg_stat_statements", applyMethod: ParameterApplyMethod.PENDING_REBOOT },
          ],
        },
      }),
    );
    expect(j).toHaveResourceWithProperties(RdsClusterParameterGroup, {
      parameter: [
        { name: "rds.logical_replication", value: "1", apply_method: "pending-reboot" },
        { name: "shared_preload_libraries", value: "pg_stat_statements", apply_method: "pending-reboot" },
        { name: "wal_sender_timeout", value: "0", apply_method: "immediate" },
        { name: "work_mem", value: "65536", apply_method: "immediate" },
      ],
    });
  });

  it("refuses to merge a parameter that contradicts a required one", () => {
    const required = requiredParameters({ engine: AwsEngine.AURORA_POSTGRESQL, walSenderTimeoutMs: 0, iamAuth: false });
    expect(() => mergeParameters(required, [{ name: "rds.logical_replication", value: "0" }])).toThrow(/contradicts/);
  });

  it("outputs the group name and the reboot Terraform will not do", () => {
    const out = parse(json).output!;
    expect(out.parameter_group_name!.value).toMatch(/^\$\{aws_rds_cluster_parameter_group\.[\w-]+\.name\}$/);
    expect(out.parameter_group_family!.value).toBe("aurora-postgresql16");
    expect(out.reboot_required!.value).toMatch(/Terraform does not reboot.*reboot the cluster.s DB instances.*rds\.logical_replication/);
  });

  it("attaches the group to an Aurora cluster the same app manages", () => {
    const app = Testing.app({ stackTraces: false }) as App;
    // Without the cluster prop, the cluster keeps its own parameter group.
    const stack = new TerraformStack(app, "s");
    new RdsCluster(stack, "Cluster", { engine: "aurora-postgresql", engineVersion: "16.4", clusterIdentifier: "billing" });
    new AuroraSource(stack, "billing", { ...auroraSource() });
    const withCluster = new TerraformStack(app, "t");
    const c2 = new RdsCluster(withCluster, "Cluster", { engine: "aurora-postgresql", engineVersion: "16.4", clusterIdentifier: "billing" });
    new AuroraSource(withCluster, "billing", { ...auroraSource(), cluster: c2 });
    const j = Testing.synth(withCluster);
    expect(j).toHaveResourceWithProperties(RdsCluster, { db_cluster_parameter_group_name: expect.stringMatching(/^\$\{aws_rds_cluster_parameter_group\.[\w-]+\.name\}$/) });
    expect(Testing.synth(stack)).not.toHaveResourceWithProperties(RdsCluster, { db_cluster_parameter_group_name: expect.anything() });
  });

  it("refuses a managed cluster whose engine version disagrees with postgresVersion", () => {
    const app = Testing.app({ stackTraces: false }) as App;
    const stack = new TerraformStack(app, "s");
    const cluster = new RdsCluster(stack, "Cluster", { engine: "aurora-postgresql", engineVersion: "15.6" });
    expect(() => new AuroraSource(stack, "billing", { ...auroraSource(), cluster })).toThrow(/engineVersion = "15\.6" is not allowed: a 16\.x version to match postgresVersion 16/);
  });
});

describe("RDS DB parameter group", () => {
  it("uses family postgres<major> and sets max_slot_wal_keep_size when given", () => {
    const j = synthAws(rdsSource({ postgresVersion: 15, serverSettings: { maxSlotWalKeepSizeMb: 204800 } }));
    expect(j).toHaveResourceWithProperties(DbParameterGroup, {
      family: "postgres15",
      name_prefix: "billing-clickpipes-",
      lifecycle: { create_before_destroy: true },
      parameter: [
        { name: "max_slot_wal_keep_size", value: "204800", apply_method: "immediate" },
        { name: "rds.logical_replication", value: "1", apply_method: "pending-reboot" },
        { name: "wal_sender_timeout", value: "0", apply_method: "immediate" },
      ],
    });
    expect(Object.keys(resourcesOf(j, "aws_rds_cluster_parameter_group"))).toHaveLength(0);
    expect(parse(j).output!.reboot_required!.value).toMatch(/parameter_group_name of the aws_db_instance.*reboot the DB instance/);
  });

  it("leaves max_slot_wal_keep_size to AWS when not given", () => {
    const group = Object.values(resourcesOf(synthAws(rdsSource()), "aws_db_parameter_group"))[0]!;
    expect((group.parameter as { name: string }[]).map((p) => p.name)).toEqual(["rds.logical_replication", "wal_sender_timeout"]);
  });

  it("attaches the group to an RDS instance the same app manages", () => {
    const app = Testing.app({ stackTraces: false }) as App;
    const stack = new TerraformStack(app, "s");
    const instance = new DbInstance(stack, "Db", { engine: "postgres", engineVersion: "16.3", instanceClass: "db.t4g.micro" });
    new RdsSource(stack, "billing", { ...rdsSource(), instance });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(DbInstance, {
      parameter_group_name: expect.stringMatching(/^\$\{aws_db_parameter_group\.[\w-]+\.name\}$/),
    });
  });
});
