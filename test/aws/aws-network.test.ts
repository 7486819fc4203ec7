import { describe, expect, it } from "vitest";
import { AuroraSource } from "../../src/aws/aurora-source";
import { ClickPipesIpAllowList, ingressRuleId } from "../../src/aws/ip-allow-list";
import { ClickPipesPrivateLink } from "../../src/aws/privatelink";
import { ValidationError } from "../../src/model/validation";
import { App, TerraformStack, Testing } from "../../src/tf/tf";
import {
  RamPrincipalAssociation,
  RamResourceAssociation,
  RamResourceShare,
  RdsCluster,
  RdsClusterInstance,
  SecurityGroup,
  VpcSecurityGroupIngressRule,
  VpclatticeResourceConfiguration,
  VpclatticeResourceGateway,
} from "../../src/tf/tf-aws";
import { resolveClickPipesIps } from "../../src/model/clickpipes-ips";
import { AwsNetworkMode } from "../../src/model/aws-types";
import { CloudProvider } from "../../src/model/types";
import { addresses, parse, resourcesOf } from "../support/helpers";
import { auroraSource, CLUSTER_ARN, PRIVATELINK, SG, synthAws } from "../support/aws-helpers";

const ingress = (json: string) => Object.values(resourcesOf(json, "aws_vpc_security_group_ingress_rule"));

describe("IP allow list", () => {
  const json = synthAws(auroraSource());

  it("has one /32 ingress rule per ClickPipes IP of the configured region, exactly that set, on the port", () => {
    const expected = resolveClickPipesIps(CloudProvider.AWS, "eu-central-1").ips.map((ip) => `${ip}/32`);
    const rules = ingress(json);
    expect(rules.map((r) => r.cidr_ipv4).sort()).toEqual([...expected].sort());
    for (const r of rules) expect(r).toMatchObject({ security_group_id: SG, ip_protocol: "tcp", from_port: 5432, to_port: 5432 });
    const us = ingress(synthAws(auroraSource({ awsRegion: "us-east-1", clickhouse: { cloud: CloudProvider.AWS, region: "us-east-1" } })));
    expect(us.map((r) => r.cidr_ipv4).sort()).toEqual(
      resolveClickPipesIps(CloudProvider.AWS, "us-east-1")
        .ips.map((ip) => `${ip}/32`)
        .sort(),
    );
    expect(us).toHaveLength(9);
  });

  it("uses the cluster port", () => {
    const rules = ingress(synthAws(auroraSource({ port: 6543 })));
    expect(rules.every((r) => r.from_port === 6543 && r.to_port === 6543)).toBe(true);
  });

  it("keys each rule by its address, so adding an IP adds one rule and changes no other", () => {
    const base = ["203.0.113.7/32", "198.51.100.0/24"];
    const before = synthAws(auroraSource({ network: { securityGroupId: SG, allowedCidrs: base } }));
    const after = synthAws(auroraSource({ network: { securityGroupId: SG, allowedCidrs: [...base, "192.0.2.10/32"] } }));
    const added = addresses(after).filter((a) => !addresses(before).includes(a));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/Ingress-1920210/);
    expect(addresses(before).every((a) => addresses(after).includes(a))).toBe(true);
    const rule = (j: string, cidr: string) => ingress(j).find((r) => r.cidr_ipv4 === cidr);
    expect(rule(after, "203.0.113.7/32")).toEqual(rule(before, "203.0.113.7/32"));
    expect(ingressRuleId("3.127.86.90/32")).toBe("Ingress-3.127.86.90");
    expect(ingressRuleId("198.51.100.0/24")).toBe("Ingress-198.51.100.0_24");
  });

  it("creates a dedicated security group in a VPC when asked and puts the rules on it", () => {
    const j = synthAws(auroraSource({ network: { vpcId: "vpc-0a1b2c3d4e5f60718" } }));
    expect(j).toHaveResourceWithProperties(SecurityGroup, { vpc_id: "vpc-0a1b2c3d4e5f60718", name_prefix: "billing-clickpipes-", lifecycle: { create_before_destroy: true } });
    expect(j).not.toHaveResourceWithProperties(SecurityGroup, { ingress: expect.anything() });
    expect(ingress(j).every((r) => /^\$\{aws_security_group\.[\w-]+\.id\}$/.test(String(r.security_group_id)))).toBe(true);
    expect(parse(j).output!.security_group_id!.value).toMatch(/^\$\{aws_security_group\./);
  });

  it("never opens 0.0.0.0/0 unless explicitly allowed", () => {
    expect(() => synthAws(auroraSource({ network: { securityGroupId: SG, allowedCidrs: ["0.0.0.0/0"] } }))).toThrow(/\[open-to-world\]/);
    const open = synthAws(auroraSource({ network: { securityGroupId: SG, allowedCidrs: ["0.0.0.0/0"], allowAnyAddress: true } }));
    expect(open).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: "0.0.0.0/0" });
    expect(json).not.toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: "0.0.0.0/0" });
  });

  it("puts IPv6 CIDRs in cidr_ipv6", () => {
    const j = synthAws(auroraSource({ network: { securityGroupId: SG, allowedCidrs: ["2001:db8::/64"] } }));
    expect(j).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv6: "2001:db8::/64" });
  });

  it("creates no network resource in mode none", () => {
    const j = synthAws(auroraSource({ network: { mode: AwsNetworkMode.NONE } }));
    expect(ingress(j)).toHaveLength(0);
    expect(Object.keys(resourcesOf(j, "aws_vpclattice_resource_gateway"))).toHaveLength(0);
  });
});

describe("PrivateLink", () => {
  const json = synthAws(auroraSource({ resourceArn: CLUSTER_ARN, network: PRIVATELINK }));

  it("creates a resource gateway in the given VPC, subnets and security groups", () => {
    expect(json).toHaveResourceWithProperties(VpclatticeResourceGateway, {
      name: "billing-clickpipes-gw",
      vpc_id: "vpc-0a1b2c3d4e5f60718",
      subnet_ids: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"],
      security_group_ids: [SG],
    });
  });

  it("points an ARN resource configuration at the cluster, without port_ranges/protocol (the provider forbids them with arn_resource)", () => {
    expect(json).toHaveResourceWithProperties(VpclatticeResourceConfiguration, {
      name: "billing-clickpipes",
      type: "ARN",
      resource_gateway_identifier: expect.stringMatching(/^\$\{aws_vpclattice_resource_gateway\.[\w-]+\.id\}$/),
      resource_configuration_definition: [{ arn_resource: [{ arn: CLUSTER_ARN }] }],
    });
    const cfg = Object.values(resourcesOf(json, "aws_vpclattice_resource_configuration"))[0]!;
    expect(cfg).not.toHaveProperty("port_ranges");
    expect(cfg).not.toHaveProperty("protocol");
  });

  it("shares the configuration with ClickPipes through RAM with external principals allowed", () => {
    expect(json).toHaveResourceWithProperties(RamResourceShare, { name: "billing-clickpipes", allow_external_principals: true });
    expect(json).toHaveResourceWithProperties(RamResourceAssociation, {
      resource_arn: expect.stringMatching(/^\$\{aws_vpclattice_resource_configuration\.[\w-]+\.arn\}$/),
      resource_share_arn: expect.stringMatching(/^\$\{aws_ram_resource_share\.[\w-]+\.arn\}$/),
    });
    expect(json).toHaveResourceWithProperties(RamPrincipalAssociation, { principal: "072088201116" });
    expect(ingress(json)).toHaveLength(0);
  });

  it("outputs the resource configuration ID and the share ARN", () => {
    const out = parse(json).output!;
    expect(out.privatelink_resource_configuration_id!.value).toMatch(/^\$\{aws_vpclattice_resource_configuration\.[\w-]+\.id\}$/);
    expect(out.privatelink_resource_share_arn!.value).toMatch(/^\$\{aws_ram_resource_share\.[\w-]+\.arn\}$/);
    expect(out).not.toHaveProperty("security_group_id");
  });

  it("uses the ARN of a cluster the same app manages and refuses a publicly accessible instance of it", () => {
    const app = Testing.app({ stackTraces: false }) as App;
    const stack = new TerraformStack(app, "s");
    const cluster = new RdsCluster(stack, "Cluster", { engine: "aurora-postgresql", clusterIdentifier: "billing" });
    new AuroraSource(stack, "billing", { ...auroraSource({ network: PRIVATELINK }), cluster });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpclatticeResourceConfiguration, {
      resource_configuration_definition: [{ arn_resource: [{ arn: expect.stringMatching(/^\$\{aws_rds_cluster\.Cluster\.arn\}$/) }] }],
    });

    const stack2 = new TerraformStack(app, "t");
    const c2 = new RdsCluster(stack2, "Cluster", { engine: "aurora-postgresql" });
    const writer = new RdsClusterInstance(stack2, "Writer", { clusterIdentifier: c2.id, instanceClass: "db.r6g.large", engine: "aurora-postgresql", publiclyAccessible: true });
    expect(() => new AuroraSource(stack2, "billing", { ...auroraSource({ network: PRIVATELINK }), cluster: c2, clusterInstances: [writer] })).toThrow(
      /publiclyAccessible = true is not allowed: false for privatelink .*\[privatelink-target\]/,
    );
  });
});

describe("ClickPipesIpAllowList used directly", () => {
  const make = (props: { securityGroupId?: string; vpcId?: string; cidrs?: string[]; port?: number; allowAnyAddress?: boolean }) => () =>
    new ClickPipesIpAllowList(new TerraformStack(Testing.app(), "s"), "allow", { cidrs: ["203.0.113.7/32"], port: 5432, ...props });

  it("refuses both or neither of securityGroupId and vpcId with the security-group-target rule's line", () => {
    expect(make({})).toThrow(ValidationError);
    expect(make({})).toThrow(
      'error: source "s/allow": securityGroupId = (missing) is not allowed: an existing security group id, or network.vpcId for a new dedicated group (exactly one of the two) [security-group-target]',
    );
    expect(make({ securityGroupId: "sg-0123456789abcdef0", vpcId: "vpc-0a1b2c3d4e5f60718" })).toThrow(
      'error: source "s/allow": vpcId = "vpc-0a1b2c3d4e5f60718" is not allowed: unset when network.securityGroupId is set (exactly one of: an existing security group, or a VPC for a new one) [security-group-target]',
    );
  });

  it("refuses the VPC id vpc-1 as the rule does (it used to accept it)", () => {
    let message = "accepted";
    try {
      make({ vpcId: "vpc-1" })();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      message = (e as Error).message;
    }
    expect(message).toBe('error: source "s/allow": vpcId = "vpc-1" is not allowed: a VPC id: vpc- followed by 8 or 17 lower-case hex digits [security-group-target]');
    expect(make({ vpcId: "vpc-0a1b2c3d4e5f60718" })).not.toThrow();
  });

  it("checks group id, CIDRs, port and the whole internet with the rules of the tree, naming its own props", () => {
    expect(make({ securityGroupId: "sg-1" })).toThrow(
      'error: source "s/allow": securityGroupId = "sg-1" is not allowed: a security group id: sg- followed by 8 or 17 lower-case hex digits (sg-0123456789abcdef0) [security-group-id]',
    );
    expect(make({ securityGroupId: SG, cidrs: ["10.0.0.300/32"] })).toThrow(
      'error: source "s/allow": cidrs[0] = "10.0.0.300/32" is not allowed: an IPv4 or IPv6 CIDR such as 203.0.113.7/32 (this one has no valid IPv4 address) [cidr]',
    );
    expect(make({ securityGroupId: SG, port: 80 })).toThrow('error: source "s/allow": port = 80 is not allowed: an integer from 1150 to 65535 (the ports Aurora and RDS accept) [aws-port]');
    expect(make({ securityGroupId: SG, cidrs: ["0.0.0.0/0"] })).toThrow(
      'error: source "s/allow": cidrs[0] = "0.0.0.0/0" is not allowed: specific CIDRs; the whole internet only with network.allowAnyAddress = true [open-to-world]',
    );
    expect(make({ securityGroupId: SG, cidrs: ["0.0.0.0/0"], allowAnyAddress: true })).not.toThrow();
  });
});

describe("ClickPipesPrivateLink used directly", () => {
  const make = (props: { subnetIds?: string[]; vpcId?: string; securityGroupIds?: string[] }) => () =>
    new ClickPipesPrivateLink(new TerraformStack(Testing.app(), "s"), "pl", {
      name: "billing",
      resourceArn: CLUSTER_ARN,
      vpcId: "vpc-0a1b2c3d4e5f60718",
      subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"],
      ...props,
    });

  it("checks subnets, VPC and security groups with the rules of the tree, naming its own props", () => {
    expect(make({})).not.toThrow();
    expect(make({ subnetIds: [] })).toThrow(
      'error: source "s/pl": subnetIds = [] is not allowed: at least one subnet id (subnet-...) for the VPC Lattice resource gateway (each at least /26) [privatelink-subnets]',
    );
    expect(make({ vpcId: "vpc-1" })).toThrow(
      'error: source "s/pl": vpcId = "vpc-1" is not allowed: the VPC id of the resource gateway: vpc- followed by 8 or 17 lower-case hex digits [privatelink-subnets]',
    );
    expect(make({ securityGroupIds: ["default"] })).toThrow(
      'error: source "s/pl": securityGroupIds[0] = "default" is not allowed: a security group id: sg- followed by 8 or 17 lower-case hex digits (sg-0123456789abcdef0) [security-group-id]',
    );
  });
});
