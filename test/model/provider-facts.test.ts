/**
 * The provider facts table (src/model/provider-facts): literal pins of what each provider's Go
 * source says at the pinned version, and how `diff` applies them to attribute changes.
 */
import { describe, expect, it } from "vitest";
import { compareResource, redact } from "../../src/diff/attributes";
import { factsFor, forcesReplacement as requiresReplace, PROVIDER_FACTS } from "../../src/model/provider-facts";

describe("provider facts: literal pins from the Go source at the pinned versions", () => {
  it("covers every resource type the constructs declare, each with its provider and Go file", () => {
    expect([...PROVIDER_FACTS.keys()].sort()).toEqual([
      "aws_cloudwatch_metric_alarm",
      "aws_db_parameter_group",
      "aws_ram_principal_association",
      "aws_ram_resource_association",
      "aws_ram_resource_share",
      "aws_rds_cluster",
      "aws_rds_cluster_instance",
      "aws_rds_cluster_parameter_group",
      "aws_security_group",
      "aws_vpc_security_group_ingress_rule",
      "aws_vpclattice_resource_configuration",
      "aws_vpclattice_resource_gateway",
      "azurerm_postgresql_flexible_server_configuration",
      "azurerm_postgresql_flexible_server_firewall_rule",
      "clickhouse_clickpipe",
      "clickhouse_clickpipe_cdc_infrastructure",
      "clickhouse_clickpipes_reverse_private_endpoint",
      "clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns",
      "clickhouse_postgres_service",
      "postgresql_default_privileges",
      "postgresql_grant",
      "postgresql_grant_role",
      "postgresql_publication",
      "postgresql_role",
    ]);
    for (const f of PROVIDER_FACTS.values()) {
      expect(f.provider).toMatch(/^(cyrilgdn\/postgresql 1\.26\.0|hashicorp\/aws 6\.25\.0|hashicorp\/azurerm 4\.55\.0|ClickHouse\/clickhouse 3\.25\.3)$/);
      expect(f.goFile).toMatch(/\.go$/);
    }
  });

  it("hashicorp/azurerm v4.55.0: name and server_id force a new resource; a configuration change restarts the server (feature default true)", () => {
    for (const t of ["azurerm_postgresql_flexible_server_configuration", "azurerm_postgresql_flexible_server_firewall_rule"]) expect(factsFor(t)!.forceNew).toEqual(["name", "server_id"]);
    expect(factsFor("azurerm_postgresql_flexible_server_configuration")!.restartsServer).toMatchObject({
      feature: "features.postgresql_flexible_server.restart_server_on_configuration_value_change",
      providerDefault: true,
    });
    expect(factsFor("azurerm_postgresql_flexible_server_firewall_rule")!.restartsServer).toBeUndefined();
  });

  it("cyrilgdn/postgresql v1.26.0", () => {
    expect(factsFor("postgresql_role")!.forceNew).toEqual([]);
    expect(factsFor("postgresql_role")!.writeOnly).toEqual([{ path: "password_wo", versionPath: "password_wo_version" }]);
    expect(factsFor("postgresql_grant")!.forceNew).toEqual(["role", "database", "schema", "object_type", "objects", "columns", "with_grant_option"]);
    expect(factsFor("postgresql_grant_role")!.forceNew).toEqual(["role", "grant_role", "with_admin_option"]);
    expect(factsFor("postgresql_default_privileges")!.forceNew).toEqual(["role", "database", "owner", "schema", "object_type", "with_grant_option"]);
    expect(factsFor("postgresql_publication")!.forceNew).toEqual(["database", "all_tables"]);
  });

  it("hashicorp/aws v6.25.0", () => {
    expect(factsFor("aws_rds_cluster_parameter_group")!.forceNew).toEqual(["description", "family", "name", "name_prefix"]);
    expect(factsFor("aws_db_parameter_group")!.forceNew).toEqual(["description", "family", "name", "name_prefix"]);
    expect(factsFor("aws_security_group")!.forceNew).toEqual(["description", "name", "name_prefix", "vpc_id"]);
    expect(factsFor("aws_vpc_security_group_ingress_rule")!.forceNew).toEqual(["security_group_id"]);
    expect(factsFor("aws_vpclattice_resource_gateway")!.forceNew).toEqual(["ip_address_type", "ipv4_addresses_per_eni", "name", "subnet_ids", "vpc_id"]);
    expect(factsFor("aws_ram_resource_share")!.forceNew).toEqual(["permission_arns"]);
    expect(factsFor("aws_ram_resource_association")!.forceNew).toEqual(["resource_arn", "resource_share_arn"]);
    expect(factsFor("aws_ram_principal_association")!.forceNew).toEqual(["principal", "resource_share_arn"]);
    expect(factsFor("aws_cloudwatch_metric_alarm")!.forceNew).toEqual(["alarm_name"]);
    expect(factsFor("aws_rds_cluster")!.forceNew).toContain("engine");
    expect(factsFor("aws_rds_cluster")!.forceNew).toContain("master_username");
    expect(factsFor("aws_rds_cluster")!.forceNew).not.toContain("db_cluster_parameter_group_name");
    expect(factsFor("aws_rds_cluster")!.forceNew).not.toContain("engine_version");
    expect(factsFor("aws_rds_cluster_instance")!.forceNew).not.toContain("instance_class");
    expect(factsFor("aws_db_instance")).toBeUndefined();
  });

  it("ClickHouse/clickhouse v3.25.3 (forcesReplacement(resourceType, attributePath))", () => {
    expect(requiresReplace("clickhouse_clickpipe", "service_id")).toBe(true);
    expect(requiresReplace("clickhouse_clickpipe", "destination.database")).toBe(true);
    expect(requiresReplace("clickhouse_clickpipe", "source.postgres.settings.publication_name")).toBe(true);
    expect(requiresReplace("clickhouse_clickpipe", "source.postgres.settings.replication_slot_name")).toBe(true);
    expect(requiresReplace("clickhouse_clickpipe", "source.postgres.settings.sync_interval_seconds")).toBe(false);
    expect(requiresReplace("clickhouse_clickpipe", "source.postgres.table_mappings")).toBe(false);
    expect(requiresReplace("clickhouse_clickpipe", "source.postgres.host")).toBe(false);
    expect(requiresReplace("clickhouse_clickpipe", "name")).toBe(false);
    expect(requiresReplace("clickhouse_clickpipe_cdc_infrastructure", "replica_cpu_millicores")).toBe(false);
    expect(requiresReplace("clickhouse_clickpipes_reverse_private_endpoint", "vpc_resource_share_arn")).toBe(true);
    // Managed Postgres (read from a checkout of v3.25.3 = c320db99 on 2026-12-07)
    const pg = factsFor("clickhouse_postgres_service")!;
    expect(pg.goFile).toBe("internal/service/postgres/resource/postgres_service.go");
    expect(pg.readAt).toBe("c320db99ba37b84eca0181a074b2501f946d4d04");
    expect(pg.forceNew).toEqual([
      "name",
      "cloud_provider",
      "region",
      "postgres_version",
      "read_replica_of",
      "restore_to_point_in_time",
      "restore_to_point_in_time.source_id",
      "restore_to_point_in_time.restore_target",
    ]);
    expect(pg.optionalComputed).toEqual(["cloud_provider", "region", "postgres_version", "size", "ha_type", "tags", "pg_config", "pgbouncer_config"]);
    expect(pg.sensitive).toEqual(["password", "password_wo"]);
    expect(pg.writeOnly).toEqual([{ path: "password_wo", versionPath: "password_wo_version" }]);
    for (const a of ["size", "ha_type", "tags", "pg_config", "pgbouncer_config", "password", "password_wo_version"]) expect(requiresReplace("clickhouse_postgres_service", a), a).toBe(false);
    expect(factsFor("clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns")!.forceNew).toEqual(["service_id", "reverse_private_endpoint_id"]);
    expect(requiresReplace("clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns", "mapping.private_dns_name")).toBe(false);
  });
});

describe("compareResource: in place or replace, as Terraform plans it", () => {
  it("postgresql_grant: privileges in place, schema forces replacement", () => {
    const before = { role: "u", database: "d", schema: "s", object_type: "schema", privileges: ["USAGE"] };
    expect(compareResource("postgresql_grant", before, { ...before, privileges: ["USAGE", "CREATE"] })).toMatchObject({ replaceBecause: [], effective: true });
    const r = compareResource("postgresql_grant", before, { ...before, schema: "t" });
    expect(r.replaceBecause).toEqual(["schema"]);
    expect(r.changes).toEqual([{ path: "schema", before: "s", after: "t", forcesReplacement: true }]);
  });

  it("lifecycle, depends_on and metadata are not resource changes", () => {
    const before = { name: "p", tables: ["a.b"], lifecycle: { prevent_destroy: true }, "//": { metadata: { path: "x" } } };
    const r = compareResource("postgresql_publication", before, { ...before, lifecycle: {}, depends_on: ["x.y"], "//": { metadata: { path: "z" } } });
    expect(r.changes).toEqual([]);
  });

  it("optional + computed attributes removed from the config plan nothing", () => {
    const r = compareResource("postgresql_publication", { name: "p", database: "d" }, { name: "p" });
    expect(r).toMatchObject({ replaceBecause: [], effective: false });
    expect(r.changes[0]).toMatchObject({ path: "database", noEffect: true });
    // ... but a new value of the ForceNew database replaces the publication.
    expect(compareResource("postgresql_publication", { name: "p", database: "d" }, { name: "p", database: "e" }).replaceBecause).toEqual(["database"]);
  });

  it("ingress rule: a new CIDR of the same family in place, a change of family replaces (ModifyPlan)", () => {
    const base = { security_group_id: "sg-1", ip_protocol: "tcp", from_port: 5432, to_port: 5432, cidr_ipv4: "1.2.3.4/32" };
    expect(compareResource("aws_vpc_security_group_ingress_rule", base, { ...base, cidr_ipv4: "1.2.3.5/32" }).replaceBecause).toEqual([]);
    const { cidr_ipv4: _, ...v6 } = base;
    expect(compareResource("aws_vpc_security_group_ingress_rule", base, { ...v6, cidr_ipv6: "2001:db8::1/128" }).replaceBecause).toEqual(["cidr_ipv4", "cidr_ipv6"]);
  });

  it("nested blocks: a ForceNew attribute below a list block replaces, a sibling in place", () => {
    const def = (arn: string) => ({ name: "n", type: "ARN", resource_configuration_definition: [{ arn_resource: [{ arn }] }] });
    expect(compareResource("aws_vpclattice_resource_configuration", def("arn:a"), def("arn:b")).replaceBecause).toEqual(["resource_configuration_definition.arn_resource.arn"]);
    const pg = (params: { name: string; value: string }[]) => ({ family: "aurora-postgresql16", parameter: params });
    const r = compareResource("aws_rds_cluster_parameter_group", pg([{ name: "rds.logical_replication", value: "1" }]), pg([{ name: "rds.logical_replication", value: "0" }]));
    expect(r.replaceBecause).toEqual([]);
    expect(r.changes).toEqual([{ path: "parameter.value", before: "1", after: "0" }]);
  });

  it("clickhouse_clickpipe: switching the source type replaces; table mappings and host change in place", () => {
    const pipe = (source: Record<string, unknown>) => ({ name: "p", service_id: "s", destination: { database: "d" }, source });
    const pgSrc = { postgres: { host: "h", port: 5432, database: "db", settings: { publication_name: "pub" }, table_mappings: [] } };
    expect(compareResource("clickhouse_clickpipe", pipe(pgSrc), pipe({ mysql: { host: "h" } })).replaceBecause).toContain("source.postgres");
    expect(compareResource("clickhouse_clickpipe", pipe(pgSrc), pipe({ postgres: { ...pgSrc.postgres, host: "h2" } })).replaceBecause).toEqual([]);
    expect(compareResource("clickhouse_clickpipe", pipe(pgSrc), pipe({ postgres: { ...pgSrc.postgres, settings: { publication_name: "pub2" } } })).replaceBecause).toEqual([
      "source.postgres.settings.publication_name",
    ]);
  });

  it("a user's cluster: a new parameter group is in place, a new engine replaces it", () => {
    const cluster = { engine: "aurora-postgresql", engine_version: "16.4", db_cluster_parameter_group_name: "a" };
    expect(compareResource("aws_rds_cluster", cluster, { ...cluster, db_cluster_parameter_group_name: "b" }).replaceBecause).toEqual([]);
    expect(compareResource("aws_rds_cluster", cluster, { ...cluster, engine: "aurora-mysql" }).replaceBecause).toEqual(["engine"]);
  });

  it("types the table does not know: changes reported, never called a replace, flagged unknown", () => {
    const r = compareResource("aws_db_instance", { engine: "postgres" }, { engine: "mysql" });
    expect(r).toMatchObject({ known: false, replaceBecause: [] });
  });

  it("secrets: sensitive paths redacted, whatever the value", () => {
    expect(compareResource("postgresql_role", { name: "u", password: "a" }, { name: "u", password: "b" }).changes).toEqual([{ path: "password", sensitive: true }]);
    expect(redact("clickhouse_clickpipe", { source: { postgres: { credentials: { username: "u", password_wo: "x" }, host: "h" } } })).toEqual({
      source: { postgres: { credentials: "(sensitive)", host: "h" } },
    });
  });
});
