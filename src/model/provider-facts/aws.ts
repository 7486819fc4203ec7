/**
 * hashicorp/aws 6.25.0 (github.com/hashicorp/terraform-provider-aws): which attribute changes force
 * a replacement, for the aws_* resource types our constructs declare. SDKv2 resources: `ForceNew`;
 * plugin-framework resources: `RequiresReplace()` / `RequiresReplaceIfConfigured()` plan modifiers
 * and `ModifyPlan` replacements.
 *
 * The aws repository is too large to check out here: each file was read as stored by the code
 * search index (at the commit in `readAt` where the index named it), not a checkout of tag v6.25.0. The ForceNew /
 * RequiresReplace settings below are the long-standing ones of these resources; re-check them at
 * v6.25.0 when bumping the pin.
 *
 * aws_rds_cluster and aws_rds_cluster_instance are here because a user's own cluster is what a
 * parameter group is attached to (`attachToCluster`). Not in this table yet: aws_db_instance
 * (`attachToInstance`): `diff` reports its changes as "in place or replace not known".
 */
import type { ResourceTypeFacts } from "./types";

const PROVIDER = "hashicorp/aws 6.25.0";

export const AWS_FACTS: readonly ResourceTypeFacts[] = [
  {
    // `parameter` is updated in place (ModifyDBClusterParameterGroup / Reset...).
    type: "aws_rds_cluster_parameter_group",
    provider: PROVIDER,
    goFile: "internal/service/rds/cluster_parameter_group.go",
    readAt: "01e5fd8f048e919760263fed00bb5a7120439a4f",
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
    readAt: "18fc80b64733d85f8a2797c09547815503f27fe7",
    forceNew: ["ip_address_type", "ipv4_addresses_per_eni", "name", "subnet_ids", "vpc_id"],
    optionalComputed: ["ip_address_type", "ipv4_addresses_per_eni", "security_group_ids"],
  },
  {
    // port_ranges and the ip_resource definition are updated in place (UpdateResourceConfiguration).
    type: "aws_vpclattice_resource_configuration",
    provider: PROVIDER,
    goFile: "internal/service/vpclattice/resource_configuration.go",
    readAt: "010c6f631a0aefc4683bc51b0a73a29b2e9ea57a",
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
    readAt: "01f431114674c27cf790fafb67ac274bf8f765e1",
    forceNew: ["permission_arns"],
    optionalComputed: ["permission_arns"],
  },
  {
    // CustomizeDiff also forces a new cluster when storage_type changes on a non-Aurora engine
    // (not expressible here; Aurora clusters update it in place). snapshot_identifier removal is
    // diff-suppressed (no change).
    type: "aws_rds_cluster",
    provider: PROVIDER,
    goFile: "internal/service/rds/cluster.go",
    readAt: "0168cf6844f393420326f1426bf18ed357b56a77",
    forceNew: [
      "availability_zones",
      "cluster_identifier",
      "cluster_identifier_prefix",
      "cluster_scalability_type",
      "database_name",
      "db_subnet_group_name",
      "db_system_id",
      "engine",
      "engine_mode",
      "kms_key_id",
      "master_username",
      "restore_to_point_in_time",
      "s3_import.bucket_name",
      "s3_import.bucket_prefix",
      "s3_import.ingestion_role",
      "s3_import.source_engine",
      "s3_import.source_engine_version",
      "snapshot_identifier",
      "source_region",
      "storage_encrypted",
    ],
    optionalComputed: [
      "availability_zones",
      "cluster_identifier",
      "cluster_identifier_prefix",
      "cluster_scalability_type",
      "database_name",
      "db_subnet_group_name",
      "db_system_id",
      "kms_key_id",
      "master_username",
      "snapshot_identifier",
      "storage_encrypted",
    ],
    sensitive: ["master_password", "master_password_wo"],
    writeOnly: [{ path: "master_password_wo", versionPath: "master_password_wo_version" }],
  },
  {
    // instance_class, db_parameter_group_name, monitoring, maintenance windows...: ModifyDBInstance in place.
    type: "aws_rds_cluster_instance",
    provider: PROVIDER,
    goFile: "internal/service/rds/cluster_instance.go",
    readAt: "01606926a0c0ab9174aec440f976a48b0baee722",
    forceNew: ["availability_zone", "cluster_identifier", "custom_iam_instance_profile", "db_subnet_group_name", "engine", "identifier", "identifier_prefix"],
    optionalComputed: ["availability_zone", "db_subnet_group_name", "identifier", "identifier_prefix"],
  },
  {
    // No Update function.
    type: "aws_ram_resource_association",
    provider: PROVIDER,
    goFile: "internal/service/ram/resource_association.go",
    readAt: "04bea1b51d8292763bba568bbb71a367b0999273",
    forceNew: ["resource_arn", "resource_share_arn"],
  },
  {
    // No Update function.
    type: "aws_ram_principal_association",
    provider: PROVIDER,
    goFile: "internal/service/ram/principal_association.go",
    readAt: "04bea1b51d8292763bba568bbb71a367b0999273",
    forceNew: ["principal", "resource_share_arn"],
  },
  {
    // Only alarm_name is ForceNew; every other argument is written again by PutMetricAlarm in place
    // (resourceMetricAlarmUpdate). The CloudWatch alarms of the -aws stack (not pipe-critical).
    type: "aws_cloudwatch_metric_alarm",
    provider: PROVIDER,
    goFile: "internal/service/cloudwatch/metric_alarm.go",
    readAt: "055611a654738da73e7b1e2b5d2b7672c6d4d531",
    forceNew: ["alarm_name"],
    optionalComputed: ["evaluate_low_sample_count_percentiles"],
  },
];
