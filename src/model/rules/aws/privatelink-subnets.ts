import { AwsNetworkMode, AwsSourceSpec } from "../../aws-types";
import { AWS_VPC_ID } from "../../patterns";
import { Rule, RuleFinding } from "../../validation";

const SUBNET_ID = /^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** PrivateLink needs the resource gateway's VPC and at least one subnet. */
export const privateLinkSubnetsRule: Rule<AwsSourceSpec> = {
  id: "privatelink-subnets",
  summary: "privatelink mode has network.privateLink with a VPC id and at least one subnet id, each listed once",
  check: (s) => {
    if (s.network?.mode !== AwsNetworkMode.PRIVATELINK) return [];
    const pl = s.network.privateLink;
    const out: RuleFinding[] = [];
    if (!pl || !Array.isArray(pl.subnetIds) || pl.subnetIds.length === 0) {
      out.push({
        field: "network.privateLink.subnetIds",
        value: pl?.subnetIds,
        allowed: "at least one subnet id (subnet-...) for the VPC Lattice resource gateway (each at least /26)",
      });
    } else {
      pl.subnetIds.forEach((id, i) => {
        if (!(typeof id === "string" && SUBNET_ID.test(id)))
          out.push({ field: `network.privateLink.subnetIds[${i}]`, value: id, allowed: "a subnet id: subnet- followed by 8 or 17 lower-case hex digits" });
        else if (pl.subnetIds.indexOf(id) !== i) out.push({ field: `network.privateLink.subnetIds[${i}]`, value: id, allowed: "each subnet once" });
      });
    }
    if (!(typeof pl?.vpcId === "string" && AWS_VPC_ID.test(pl.vpcId))) {
      out.push({ field: "network.privateLink.vpcId", value: pl?.vpcId, allowed: "the VPC id of the resource gateway: vpc- followed by 8 or 17 lower-case hex digits" });
    }
    return out;
  },
};
