/**
 * Settings that only the snapshots guarded (and `vitest -u` rewrites snapshots): the postgresql
 * provider block, whole, and the address of the parameter group. Exact values, written by hand.
 */
import { describe, expect, it } from "vitest";
import { SslMode } from "../../src/model/types";
import { auroraSource, rdsSource, synthAws, synthDb } from "../support/aws-helpers";
import { parse, synthGeneric } from "../support/helpers";

const providerOf = (json: string) => parse(json).provider?.postgresql;

describe("the postgresql provider block, exactly", () => {
  it("generic stack: admin login from the sensitive variable, superuser, sslmode require, the real major, 15 s connect timeout", () => {
    expect(providerOf(synthGeneric())).toEqual([
      {
        host: "db.example.com",
        port: 5432,
        database: "orders",
        username: "postgres",
        password: "${var.postgres_admin_password}",
        sslmode: "require",
        superuser: true,
        expected_version: "16",
        connect_timeout: 15,
      },
    ]);
  });

  it("generic stack: follows the spec's port, admin user, sslmode, superuser flag and major", () => {
    const json = synthGeneric({ port: 6543, adminUser: "dba", sslmode: SslMode.VERIFY_FULL, adminIsSuperuser: false, postgresVersion: 13 });
    expect(providerOf(json)).toEqual([
      {
        host: "db.example.com",
        port: 6543,
        database: "orders",
        username: "dba",
        password: "${var.postgres_admin_password}",
        sslmode: "verify-full",
        superuser: false,
        expected_version: "13",
        connect_timeout: 15,
      },
    ]);
  });

  it("-db stack: the host variable, never superuser", () => {
    expect(providerOf(synthDb(auroraSource()))).toEqual([
      {
        host: "${var.db_host}",
        port: 5432,
        database: "billing",
        username: "postgres",
        password: "${var.postgres_admin_password}",
        sslmode: "require",
        superuser: false,
        expected_version: "16",
        connect_timeout: 15,
      },
    ]);
  });

  it("the admin password variable is sensitive, non-nullable and has no default", () => {
    for (const json of [synthGeneric(), synthDb(auroraSource())]) {
      const v = parse(json).variable!.postgres_admin_password!;
      expect(v).toMatchObject({ type: "string", sensitive: true, nullable: false });
      expect(v).not.toHaveProperty("default");
    }
  });
});

describe("the parameter group's construct path ParameterGroup/ParameterGroup", () => {
  // cdktf: "<source>_ParameterGroup" (the repeated ID is shown once) + the MD5 of "billing/ParameterGroup/ParameterGroup".
  it("Aurora: aws_rds_cluster_parameter_group.billing_ParameterGroup_CD439152", () => {
    const r = parse(synthAws(auroraSource())).resource!;
    expect(Object.keys(r.aws_rds_cluster_parameter_group!)).toEqual(["billing_ParameterGroup_CD439152"]);
    expect(r.aws_db_parameter_group).toBeUndefined();
  });

  it("RDS: aws_db_parameter_group.billing_ParameterGroup_CD439152", () => {
    const r = parse(synthAws(rdsSource())).resource!;
    expect(Object.keys(r.aws_db_parameter_group!)).toEqual(["billing_ParameterGroup_CD439152"]);
    expect(r.aws_rds_cluster_parameter_group).toBeUndefined();
  });
});
