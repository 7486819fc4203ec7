/**
 * Day two in the stacks (issue 17 items 2 and 4): the monitoring role (pg_monitor + CONNECT, a
 * write-only password from its own sensitive variable) and the CloudWatch alarms of the `-aws`
 * stack (metrics per engine, dimension, thresholds, SNS actions, switch), from real synth.
 */
import { describe, expect, it } from "vitest";
import { App, TerraformStack, TerraformVariable, Testing } from "../../src/tf/tf";
import { DbInstance, RdsCluster } from "../../src/tf/tf-aws";
import { RdsSource } from "../../src/aws/rds-source";
import { AuroraSource } from "../../src/aws/aurora-source";
import { AwsSourceDatabase } from "../../src/aws/database-objects";
import { GenericPostgresSource } from "../../src/postgres/generic-source";
import { ALARM_DEFAULTS, ALARM_METRICS, alarmDefinitions, resolveAlarms } from "../../src/model/cloudwatch-alarms";
import { AwsEngine } from "../../src/model/aws-types";
import { ValidationError } from "../../src/model/validation";
import { MONITORING_PASSWORD_BACKSLASH_MESSAGE } from "../../src/postgres/monitoring-role";
import { auroraSource, CLUSTER_ARN, rdsSource, SG, synthAws, synthDb } from "../support/aws-helpers";
import { genericSource, resourcesOf, synthGeneric } from "../support/helpers";

type Body = Record<string, unknown>;
const one = (json: string, type: string): Body => {
  const all = Object.values(resourcesOf(json, type));
  expect(all).toHaveLength(1);
  return all[0]!;
};
const alarmsOf = (json: string) => Object.values(resourcesOf(json, "aws_cloudwatch_metric_alarm")) as Body[];

describe("monitoring role", () => {
  it("generic stack: a login role with pg_monitor and CONNECT on the source database, nothing else", () => {
    const json = synthGeneric({ monitoring: {} });
    const roles = Object.values(resourcesOf(json, "postgresql_role")) as Body[];
    const mon = roles.find((r) => r.name === "clickpipes_monitor")!;
    expect(mon).toMatchObject({ login: true, password_wo: "${var.monitoring_password}", password_wo_version: "1" });
    expect(mon.replication).toBeUndefined();
    expect(mon.bypass_row_level_security).toBeUndefined();
    expect((mon.lifecycle as Body).prevent_destroy).toBeUndefined();
    expect((mon.lifecycle as Body).precondition).toEqual([{ condition: '${!strcontains(var.monitoring_password, "\\\\")}', error_message: MONITORING_PASSWORD_BACKSLASH_MESSAGE }]);
    expect(one(json, "postgresql_grant_role")).toMatchObject({ grant_role: "pg_monitor" });
    const grants = (Object.values(resourcesOf(json, "postgresql_grant")) as Body[]).filter((g) => g.object_type === "database");
    expect(grants).toEqual([expect.objectContaining({ database: "orders", privileges: ["CONNECT"] })]);
    expect(String(grants[0]!.role)).toContain("Monitoring_Role");
    // Its own sensitive variable without a default; the password never appears as a literal.
    const v = (JSON.parse(json) as { variable: Record<string, Body> }).variable.monitoring_password;
    expect(v).toMatchObject({ sensitive: true, nullable: false, type: "string" });
    expect(v.default).toBeUndefined();
  });

  it("-db stack: the same role, name and password version from the spec", () => {
    const json = synthDb(auroraSource({ monitoring: { name: "billing_monitor", passwordVersion: 3 } }));
    const roles = Object.values(resourcesOf(json, "postgresql_role")) as Body[];
    expect(roles.find((r) => r.name === "billing_monitor")).toMatchObject({ password_wo_version: "3" });
    const memberships = (Object.values(resourcesOf(json, "postgresql_grant_role")) as Body[]).map((g) => g.grant_role).sort();
    expect(memberships).toEqual(["pg_monitor", "rds_replication"]);
  });

  it("no monitoring block: no role, no variable", () => {
    const json = synthGeneric();
    expect(Object.values(resourcesOf(json, "postgresql_role"))).toHaveLength(1);
    expect((JSON.parse(json) as { variable: Record<string, unknown> }).variable.monitoring_password).toBeUndefined();
  });

  it("the construct refuses a missing or literal monitoring password (one finding, never echoed)", () => {
    const stack = new TerraformStack(Testing.app() as App, "s");
    const password = new TerraformVariable(stack, "pw", { type: "string", sensitive: true }).stringValue;
    const make = (id: string, monitoringPassword?: string) => () => new GenericPostgresSource(stack, id, { ...genericSource({ name: id, monitoring: {} }), password, monitoringPassword });
    expect(make("a")).toThrow(ValidationError);
    expect(make("b", "s3cret-literal")).toThrow(/monitoringPassword = "<a literal string, not shown>" is not allowed/);
    expect(() => make("c", "s3cret-literal")()).not.toThrow(/s3cret/);
  });
});

describe("CloudWatch alarms", () => {
  it("Aurora: three replication metrics and FreeLocalStorage on the cluster's WRITER, with the defaults", () => {
    const alarms = alarmsOf(synthAws(auroraSource()));
    expect(alarms.map((a) => a.metric_name).sort()).toEqual(["FreeLocalStorage", "OldestReplicationSlotLag", "ReplicationSlotDiskUsage", "TransactionLogsDiskUsage"]);
    for (const a of alarms) {
      expect(a.dimensions).toEqual({ DBClusterIdentifier: "billing", Role: "WRITER" });
      expect(a).toMatchObject({ namespace: "AWS/RDS", period: 300, evaluation_periods: 3 });
      expect(a.alarm_actions).toBeUndefined();
      expect(a.ok_actions).toBeUndefined();
    }
    const lag = alarms.find((a) => a.metric_name === "OldestReplicationSlotLag")!;
    expect(lag).toMatchObject({ alarm_name: "billing-clickpipes-oldest-replication-slot-lag", comparison_operator: "GreaterThanThreshold", statistic: "Maximum", threshold: 10737418240 });
    expect(alarms.find((a) => a.metric_name === "FreeLocalStorage")).toMatchObject({ comparison_operator: "LessThanThreshold", statistic: "Minimum", threshold: 5368709120 });
  });

  it("RDS: FreeStorageSpace instead of FreeLocalStorage, on the instance", () => {
    const alarms = alarmsOf(synthAws(rdsSource()));
    expect(alarms.map((a) => a.metric_name).sort()).toEqual(["FreeStorageSpace", "OldestReplicationSlotLag", "ReplicationSlotDiskUsage", "TransactionLogsDiskUsage"]);
    for (const a of alarms) expect(a.dimensions).toEqual({ DBInstanceIdentifier: "billing" });
  });

  it("thresholds, periods and the SNS topic from the config; the identifier from resourceArn or alarms.dbIdentifier", () => {
    const topic = "arn:aws:sns:eu-central-1:123456789012:dba-pager";
    const alarms = alarmsOf(
      synthAws(
        auroraSource({
          host: "billing-db.internal.example.com",
          resourceArn: CLUSTER_ARN.replace(":billing", ":billing-prod"),
          alarms: { snsTopicArn: topic, oldestReplicationSlotLagBytes: 1024, periodSeconds: 60, evaluationPeriods: 15 },
        }),
      ),
    );
    const lag = alarms.find((a) => a.metric_name === "OldestReplicationSlotLag")!;
    expect(lag).toMatchObject({ threshold: 1024, period: 60, evaluation_periods: 15, alarm_actions: [topic], ok_actions: [topic] });
    expect(lag.dimensions).toEqual({ DBClusterIdentifier: "billing-prod", Role: "WRITER" });
    const given = alarmsOf(synthAws(rdsSource({ host: "crm.internal.example.com", alarms: { dbIdentifier: "crm-primary" } })));
    expect(given[0]!.dimensions).toEqual({ DBInstanceIdentifier: "crm-primary" });
  });

  it("treat_missing_data and datapoints_to_alarm per alarm, each with its reason", () => {
    const alarms = alarmsOf(synthAws(rdsSource({ alarms: { evaluationPeriods: 4 } })));
    const by = Object.fromEntries(alarms.map((a) => [a.metric_name, a]));
    for (const m of ["OldestReplicationSlotLag", "ReplicationSlotDiskUsage", "TransactionLogsDiskUsage"]) {
      expect(by[m], m).toMatchObject({ treat_missing_data: "notBreaching", datapoints_to_alarm: 4, evaluation_periods: 4 });
    }
    expect(by.FreeStorageSpace).toMatchObject({ treat_missing_data: "missing", datapoints_to_alarm: 1, evaluation_periods: 4 });
    const aurora = Object.fromEntries(alarmsOf(synthAws(auroraSource())).map((a) => [a.metric_name, a]));
    expect(aurora.FreeLocalStorage).toMatchObject({ treat_missing_data: "missing", datapoints_to_alarm: 1 });
    for (const m of ALARM_METRICS) expect(m.why.length, m.metric).toBeGreaterThan(20);
  });

  it("sizes in the alarm thresholds: GiB and GB alike; a bad unit is one line naming the field", () => {
    const alarms = alarmsOf(synthAws(rdsSource({ alarms: { oldestReplicationSlotLagBytes: "20GiB", transactionLogsDiskUsageBytes: "30GB" } })));
    expect(alarms.find((a) => a.metric_name === "OldestReplicationSlotLag")!.threshold).toBe(20 * 1024 ** 3);
    expect(alarms.find((a) => a.metric_name === "TransactionLogsDiskUsage")!.threshold).toBe(30 * 1024 ** 3);
    expect(() => synthAws(rdsSource({ alarms: { freeStorageSpaceBytes: "5 gigs" } }))).toThrow(
      /alarms\.freeStorageSpaceBytes = "5 gigs" is not allowed: a whole number of bytes above 0, or a whole number with a unit kB\/KiB, MB\/MiB, GB\/GiB or TB\/TiB/,
    );
  });

  it("RDS free storage relative to the allocated storage: from alarms.allocatedStorageGib or the instance; Aurora refuses it", () => {
    const GIB = 1024 ** 3;
    const free = (json: string) => alarmsOf(json).find((a) => a.metric_name === "FreeStorageSpace")!;
    // 500 GiB allocated: 10 % = 50 GiB beats the absolute 5 GiB.
    expect(free(synthAws(rdsSource({ alarms: { allocatedStorageGib: 500 } }))).threshold).toBe(50 * GIB);
    // 20 GiB allocated: 10 % = 2 GiB; the absolute 5 GiB is larger and stays.
    expect(free(synthAws(rdsSource({ alarms: { allocatedStorageGib: 20 } }))).threshold).toBe(5 * GIB);
    expect(free(synthAws(rdsSource({ alarms: { allocatedStorageGib: 1000, freeStorageSpaceFraction: 0.2 } }))).threshold).toBe(200 * GIB);
    // Unknown allocated storage: the absolute size.
    expect(free(synthAws(rdsSource())).threshold).toBe(5 * GIB);
    // The instance the app manages: its allocated_storage.
    const stack = new TerraformStack(Testing.app() as App, "s");
    const instance = new DbInstance(stack, "db", { engine: "postgres", instanceClass: "db.t4g.medium", allocatedStorage: 400, identifier: "crm" });
    const { name: _n, ...spec } = rdsSource({ host: "crm.internal.example.com", network: { securityGroupId: SG } });
    new RdsSource(stack, "crm", { ...spec, name: "crm", instance } as never);
    const managed = free(Testing.synth(stack));
    expect(managed.threshold).toBe(40 * GIB);
    expect(String(managed.alarm_description)).toContain("the larger of the absolute size and 10 % of the 400 GiB allocated");
    expect(() => synthAws(auroraSource({ alarms: { allocatedStorageGib: 100 } }))).toThrow(
      /alarms\.allocatedStorageGib = 100 is not allowed: unset for Aurora: its cluster volume grows automatically/,
    );
    expect(() => synthAws(rdsSource({ alarms: { freeStorageSpaceFraction: 1.5 } }))).toThrow(/alarms\.freeStorageSpaceFraction = 1\.5 is not allowed/);
  });

  it("alarms.enabled = false: no alarm, and no identifier needed", () => {
    expect(alarmsOf(synthAws(auroraSource({ host: "billing-db.internal.example.com", alarms: { enabled: false } })))).toEqual([]);
  });

  it("no identifier while alarms are on: one line naming the field, nothing synthesized", () => {
    expect(() => synthAws(auroraSource({ host: "billing-db.internal.example.com" }))).toThrow(
      /^error: source "billing": alarms\.dbIdentifier = \(missing\) is not allowed: the DB cluster identifier the CloudWatch alarms watch: set alarms\.dbIdentifier .* \[alarm-db-identifier\]$/,
    );
  });

  it("AwsSourceDatabase (the -db half) neither checks nor needs the alarms' identifier", () => {
    const stack = new TerraformStack(Testing.app() as App, "s");
    const password = new TerraformVariable(stack, "pw", { type: "string", sensitive: true }).stringValue;
    const { kind: _k, ...spec } = auroraSource({ host: "billing-db.internal.example.com", alarms: { periodSeconds: 1 } });
    const db = new AwsSourceDatabase(stack, "billing", { ...spec, engine: AwsEngine.AURORA_POSTGRESQL, password } as never);
    expect(db.resolved.alarms).toBeUndefined();
  });

  it("a cluster the app manages: its cluster_identifier reference is the dimension", () => {
    const app = Testing.app() as App;
    const stack = new TerraformStack(app, "s");
    const cluster = new RdsCluster(stack, "cluster", { engine: "aurora-postgresql", clusterIdentifier: "managed-billing" });
    const { name: _n, ...spec } = auroraSource({ host: "billing-db.internal.example.com", network: { securityGroupId: SG } });
    new AuroraSource(stack, "billing", { ...spec, name: "billing", cluster } as never);
    const alarms = alarmsOf(Testing.synth(stack));
    expect(alarms).toHaveLength(4);
    for (const a of alarms) expect(a.dimensions).toEqual({ DBClusterIdentifier: "${aws_rds_cluster.cluster.cluster_identifier}", Role: "WRITER" });
  });

  it("the model: defaults documented in ALARM_DEFAULTS, one alarm per metric of the engine", () => {
    const r = resolveAlarms(AwsEngine.RDS_POSTGRESQL, { host: "x.c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com" })!;
    expect(r).toEqual({ dbIdentifier: "x", snsTopicArn: undefined, allocatedStorageBytes: undefined, ...ALARM_DEFAULTS });
    expect(alarmDefinitions("x", AwsEngine.RDS_POSTGRESQL, r).map((a) => a.id)).toEqual(["OldestReplicationSlotLag", "ReplicationSlotDiskUsage", "TransactionLogsDiskUsage", "FreeStorageSpace"]);
    expect(resolveAlarms(AwsEngine.AURORA_POSTGRESQL, { host: "h", alarms: { enabled: false } })).toBeUndefined();
  });
});
