import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AuroraSourceConfig, SourceKind } from "../../src/model/app-config";
import { resolveClickPipesIps } from "../../src/model/clickpipes-ips";
import { CloudProvider } from "../../src/model/types";
import { config } from "../../stacks/config";
import { addresses, synthApp } from "../support/helpers";
import { auroraSource, CLUSTER_ARN, normaliseVersions, PRIVATELINK, SG, synthAws, synthDb } from "../support/aws-helpers";

const example = config.sources.find((s) => s.kind === SourceKind.AURORA) as AuroraSourceConfig;

describe("the Aurora example of stacks/config.ts", () => {
  it("synthesizes the AWS-side stack as snapshotted", async () => {
    await expect(normaliseVersions(synthAws(example))).toMatchFileSnapshot("__snapshots__/aurora-example-aws.tf.json");
  });

  it("synthesizes the database-objects stack as snapshotted", async () => {
    await expect(normaliseVersions(synthDb(example))).toMatchFileSnapshot("__snapshots__/aurora-example-db.tf.json");
  });
});

describe("addresses derive from names, not positions", () => {
  it("reordering IPs, extra parameters, schemas, tables and subnets changes nothing", () => {
    const a = auroraSource({
      network: { securityGroupId: SG, allowedCidrs: ["203.0.113.7/32", "198.51.100.0/24", "192.0.2.10/32"] },
      parameterGroup: {
        extraParameters: [
          { name: "work_mem", value: "65536" },
          { name: "log_min_duration_statement", value: "1000" },
        ],
      },
      schemas: [{ name: "public" }, { name: "sales" }],
      tables: ["public.invoices", "sales.orders", "ops.events"],
    });
    const b = auroraSource({
      network: { securityGroupId: SG, allowedCidrs: ["192.0.2.10/32", "203.0.113.7/32", "198.51.100.0/24"] },
      parameterGroup: {
        extraParameters: [
          { name: "log_min_duration_statement", value: "1000" },
          { name: "work_mem", value: "65536" },
        ],
      },
      schemas: [{ name: "sales" }, { name: "public" }],
      tables: ["ops.events", "sales.orders", "public.invoices"],
    });
    expect(addresses(synthAws(b))).toEqual(addresses(synthAws(a)));
    expect(synthAws(b)).toBe(synthAws(a));
    expect(addresses(synthDb(b))).toEqual(addresses(synthDb(a)));
    expect(synthDb(b)).toBe(synthDb(a));

    const pl = (subnetIds: string[]) => synthAws(auroraSource({ resourceArn: CLUSTER_ARN, network: { ...PRIVATELINK, privateLink: { ...PRIVATELINK.privateLink, subnetIds } } }));
    expect(pl(["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"])).toBe(pl(["subnet-0bbbbbbbbbbbbbbbb", "subnet-0aaaaaaaaaaaaaaaa"]));
  });
});

describe("the app with an Aurora source", () => {
  const dirs: string[] = [];
  const synthTo = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-aws-"));
    dirs.push(dir);
    synthApp(config, dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const read = (dir: string, stack: string) => fs.readFileSync(path.join(dir, "stacks", stack, "cdk.tf.json"), "utf8");

  it("writes both stacks deterministically, without absolute paths, next to the unchanged generic stack", () => {
    const one = synthTo();
    const two = synthTo();
    expect(fs.readdirSync(path.join(one, "stacks")).sort()).toEqual(["billing-aurora-aws", "billing-aurora-db", "orders-db"]);
    for (const stack of ["billing-aurora-aws", "billing-aurora-db", "orders-db"]) {
      expect(read(two, stack)).toBe(read(one, stack));
      expect(read(one, stack)).not.toContain(one);
      expect(read(one, stack)).not.toMatch(/"\/(work|tmp|home|root)\//);
    }
    const aws = JSON.parse(read(one, "billing-aurora-aws"));
    const cidrs = Object.values(aws.resource.aws_vpc_security_group_ingress_rule as Record<string, { cidr_ipv4: string }>)
      .map((r) => r.cidr_ipv4)
      .sort();
    expect(cidrs).toEqual(
      resolveClickPipesIps(CloudProvider.AWS, example.clickhouse.region)
        .ips.map((ip) => `${ip}/32`)
        .sort(),
    );
    expect(Object.values(aws.resource.aws_rds_cluster_parameter_group)[0]).toMatchObject({ family: `aurora-postgresql${example.postgresVersion}` });
    const db = read(one, "billing-aurora-db");
    expect(db).toContain('"grant_role": "rds_replication"');
    expect(db).toContain('"superuser": false');
    expect(db).not.toContain('"replication": true');
    expect(aws.terraform.backend.local.path).toBe("../../../state/billing-aurora-aws.tfstate");
  });
});
