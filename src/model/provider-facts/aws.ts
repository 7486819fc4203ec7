/**
 * hashicorp/aws 6.25.0 (github.com/hashicorp/terraform-provider-aws): which attribute changes force
 * a replacement, for the aws_* resource types our constructs declare. SDKv2 resources: `ForceNew`;
 * plugin-framework resources: `RequiresReplace()` / `RequiresReplaceIfConfigured()` plan modifiers
 * and `ModifyPlan` replacements.
 *
 * Not in this table (the stacks never declare them; a user's own cluster or instance that a
 * parameter group is attached to): aws_rds_cluster, aws_rds_cluster_instance, aws_db_instance.
 */
import type { ResourceTypeFacts } from "./types";

const PROVIDER = "hashicorp/aws 6.25.0";

export const AWS_FACTS: readonly ResourceTypeFacts[] = [
  {
    // `parameter` is updated in place (ModifyDBClusterParameterGroup / Reset...).
    type: "aws_rds_cluster_parameter_group",
    provider: PROVIDER,
    goFile: "internal/service/rds/cluster_parameter_group.go",
    forceNew: ["description", "family", "name", "name_prefix"],
    optionalComputed: ["name", "name_prefix"],
  },
  {
    type: "aws_db_parameter_group",
    provider: PROVIDER,
    goFile: "internal/service/rds/parameter_group.go",
    forceNew: ["description", "family", "name", "name_prefix"],
    optionalComputed: ["name", "name_prefix"],
  },
  {
    // ingress/egress blocks are updated in place.
    type: "aws_security_group",
    provider: PROVIDER,
    goFile: "internal/service/ec2/vpc_security_group.go",
    forceNew: ["description", "name", "name_prefix", "vpc_id"],
    optionalComputed: ["name", "name_prefix", "vpc_id", "ingress", "egress"],
  },
  {
    // security_group_id: RequiresReplace. ModifyPlan: a change of the rule's source type (which of
    // cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id is set) replaces the rule;
    // a new value of the same type is ModifySecurityGroupRules in place.
    type: "aws_vpc_security_group_ingress_rule",
    provider: PROVIDER,
    goFile: "internal/service/ec2/vpc_security_group_ingress_rule.go",
    forceNew: ["security_group_id"],
    replaceWhenAddedOrRemoved: ["cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id"],
  },
  {
    // Only security_group_ids is updated in place (UpdateResourceGateway).
    type: "aws_vpclattice_resource_gateway",
    provider: PROVIDER,
    goFile: "internal/service/vpclattice/resource_gateway.go",
    forceNew: ["ip_address_type", "ipv4_addresses_per_eni", "name", "subnet_ids", "vpc_id"],
    optionalComputed: ["ip_address_type", "ipv4_addresses_per_eni", "security_group_ids"],
  },
  {
    // port_ranges and the ip_resource definition are updated in place (UpdateResourceConfiguration).
    type: "aws_vpclattice_resource_configuration",
    provider: PROVIDER,
    goFile: "internal/service/vpclattice/resource_configuration.go",
    forceNew: [
      "name",
      "protocol",
      "resource_configuration_group_id",
      "resource_gateway_identifier",
      "type",
      "resource_configuration_definition.arn_resource",
      "resource_configuration_definition.dns_resource",
    ],
    optionalComputed: ["protocol", "resource_gateway_identifier", "port_ranges", "allow_association_to_shareable_service_network"],
  },
  {
    // name and allow_external_principals: UpdateResourceShare in place.
    type: "aws_ram_resource_share",
    provider: PROVIDER,
    goFile: "internal/service/ram/resource_share.go",
    forceNew: ["permission_arns"],
    optionalComputed: ["permission_arns"],
  },
  {
    // No Update function.
    type: "aws_ram_resource_association",
    provider: PROVIDER,
    goFile: "internal/service/ram/resource_association.go",
    forceNew: ["resource_arn", "resource_share_arn"],
  },
  {
    // No Update function.
    type: "aws_ram_principal_association",
    provider: PROVIDER,
    goFile: "internal/service/ram/principal_association.go",
    forceNew: ["principal", "resource_share_arn"],
  },
];
