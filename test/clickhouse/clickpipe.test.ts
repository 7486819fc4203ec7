import { describe, expect, it } from "vitest";
import { ClickPipe, ClickPipeProps } from "../../src/clickhouse/clickpipe";
import { App, ChCdcInfrastructure, ChClickPipe, ChReversePrivateEndpoint, ClickhouseProvider, PostgresqlProvider, TerraformStack, TerraformVariable, Testing } from "../../src/tf/tf";
import { ClickPipePostgresType } from "../../src/model/clickpipe";
import { CloudProvider, PostgresMajorVersion } from "../../src/model/types";
import { ValidationError } from "../../src/model/validation";
import { GenericPostgresSource, GenericPostgresSourceProps } from "../../src/postgres/generic-source";
import { parse, resourcesOf } from "../support/helpers";

type PipeOptions = Omit<ClickPipeProps, "source" | "password" | "serviceId">;

/** A stack with a generic source and a pipe on it; the password is one sensitive variable. */
function synthPipe(pipe: PipeOptions = {}, source: Partial<GenericPostgresSourceProps> = {}): string {
  const app = Testing.app({ stackTraces: false }) as App;
  const stack = new TerraformStack(app, "pipe-test");
  new PostgresqlProvider(stack, "postgresql", { host: "db.example.com", superuser: false });
  const tokenKey = new TerraformVariable(stack, "clickhouse_token_key", { type: "string" });
  const tokenSecret = new TerraformVariable(stack, "clickhouse_token_secret", { type: "string", sensitive: true });
  new ClickhouseProvider(stack, "clickhouse", { organizationId: "org-1", tokenKey: tokenKey.stringValue, tokenSecret: tokenSecret.stringValue });
  const password = new TerraformVariable(stack, "clickpipes_password", { type: "string", sensitive: true, nullable: false });
  const src = new GenericPostgresSource(stack, "orders-db", {
    name: "orders-db",
    host: "db.example.com",
    database: "orders",
    postgresVersion: PostgresMajorVersion.V16,
    clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
    schemas: [{ name: "public" }],
    tables: ["public.orders", "public.customers", "sales.invoices"],
    password: password.stringValue,
    ...source,
  });
  new ClickPipe(stack, "OrdersPipe", { source: src, password: password.stringValue, serviceId: "svc-123", ...pipe });
  return Testing.synth(stack);
}

function onlyPipe(json: string): Record<string, any> {
  const pipes = Object.values(resourcesOf(json, "clickhouse_clickpipe"));
  expect(pipes).toHaveLength(1);
  return pipes[0]!;
}

describe("ClickPipe", () => {
  const json = synthPipe();
  const role = Object.keys(resourcesOf(json, "postgresql_role"))[0]!;
  const publication = Object.keys(resourcesOf(json, "postgresql_publication"))[0]!;

  it("reads user and publication by reference and writes the password write-only from the variable", () => {
    const pipe = onlyPipe(json);
    expect(pipe.source.postgres.credentials).toEqual({
      username: `\${postgresql_role.${role}.name}`,
      password_wo: "${var.clickpipes_password}",
      password_wo_version: 1,
    });
    expect(pipe.source.postgres.settings).toEqual({
      replication_mode: "cdc",
      publication_name: `\${postgresql_publication.${publication}.name}`,
    });
    expect(pipe.source.postgres).toMatchObject({ host: "db.example.com", port: 5432, database: "orders", type: "postgres" });
    expect(pipe).toMatchObject({ name: "orders-db", service_id: "svc-123", destination: { database: "default" } });
  });

  it("has no copied user or publication name and no password anywhere in the stack", () => {
    const text = JSON.stringify(onlyPipe(json));
    expect(text).not.toContain('"clickpipes_user"');
    expect(text).not.toContain('"clickpipes_publication"');
    expect(text).not.toMatch(/"password"\s*:/);
    expect(json).not.toMatch(/"password"\s*:/);
  });

  it("derives the mappings from the publication's tables in Terraform: <schema>_<table>, renames from a local", () => {
    const forPublication = (local?: string) =>
      `\${[ for key, val in toset(tolist(postgresql_publication.${publication}.tables)): { source_schema_name = split(".", val)[0], source_table = split(".", val)[1], target_table = ${
        local ? `lookup(local.${local}, val, replace(val, ".", "_"))` : 'replace(val, ".", "_")'
      } }]}`;
    expect(onlyPipe(json).source.postgres.table_mappings).toBe(forPublication());
    const renamedJson = synthPipe({ targetTables: { "public.orders": "orders" } });
    const local = Object.keys(JSON.parse(renamedJson).locals)[0]!;
    expect(JSON.parse(renamedJson).locals[local]).toEqual({ "public.orders": "orders" });
    expect(onlyPipe(renamedJson).source.postgres.table_mappings).toBe(forPublication(local));
  });

  it("writes an explicit subset of tables out, with renames", () => {
    const renamed = onlyPipe(synthPipe({ targetTables: { "public.orders": "orders" }, tables: ["sales.invoices", "public.orders"] }));
    expect(renamed.source.postgres.table_mappings).toEqual([
      { source_schema_name: "public", source_table: "orders", target_table: "orders" },
      { source_schema_name: "sales", source_table: "invoices", target_table: "sales_invoices" },
    ]);
  });

  it("depends on the role, every grant and the publication", () => {
    const dependsOn = onlyPipe(json).depends_on as string[];
    const expected = [
      `postgresql_role.${role}`,
      `postgresql_publication.${publication}`,
      ...Object.keys(resourcesOf(json, "postgresql_grant")).map((n) => `postgresql_grant.${n}`),
      ...Object.keys(resourcesOf(json, "postgresql_default_privileges")).map((n) => `postgresql_default_privileges.${n}`),
    ];
    expect(expected.length).toBeGreaterThan(4);
    expect([...dependsOn].sort()).toEqual(expected.sort());
  });

  it("configures the pinned clickhouse provider", () => {
    expect(json).toHaveProviderWithProperties(ClickhouseProvider, {
      organization_id: "org-1",
      token_key: "${var.clickhouse_token_key}",
      token_secret: "${var.clickhouse_token_secret}",
    });
    expect(parse(json).terraform).toMatchObject({ required_providers: { clickhouse: { source: "clickhouse/clickhouse", version: "3.25.3" } } });
  });

  it("passes type, host, port, slot settings and destination database through", () => {
    const pipe = onlyPipe(
      synthPipe(
        { type: ClickPipePostgresType.AURORA_POSTGRES, host: "c.cluster-x.eu-central-1.rds.amazonaws.com", port: 5433, destinationDatabase: "orders_ch", enableFailoverSlots: true, name: "orders" },
        { postgresVersion: PostgresMajorVersion.V17 },
      ),
    );
    expect(pipe.source.postgres).toMatchObject({ type: "aurorapostgres", host: "c.cluster-x.eu-central-1.rds.amazonaws.com", port: 5433 });
    expect(pipe.source.postgres.settings).toMatchObject({ enable_failover_slots: true });
    expect(pipe).toMatchObject({ name: "orders", destination: { database: "orders_ch" } });
  });

  it("PrivateLink: creates a VPC_RESOURCE reverse private endpoint and connects to its first DNS name", () => {
    const j = synthPipe({ privateLink: { resourceConfigurationId: "rcfg-0123456789abcdef0", resourceShareArn: "arn:aws:ram:eu-central-1:111122223333:resource-share/abc" } });
    expect(j).toHaveResourceWithProperties(ChReversePrivateEndpoint, {
      service_id: "svc-123",
      type: "VPC_RESOURCE",
      vpc_resource_configuration_id: "rcfg-0123456789abcdef0",
      vpc_resource_share_arn: "arn:aws:ram:eu-central-1:111122223333:resource-share/abc",
    });
    const endpoint = Object.keys(resourcesOf(j, "clickhouse_clickpipes_reverse_private_endpoint"))[0]!;
    expect(onlyPipe(j).source.postgres.host).toBe(`\${element(clickhouse_clickpipes_reverse_private_endpoint.${endpoint}.dns_names, 0)}`);
    expect(Object.keys(resourcesOf(json, "clickhouse_clickpipes_reverse_private_endpoint"))).toHaveLength(0);
  });

  it("sizes the CDC infrastructure with memory 4 x cores, after the pipe exists", () => {
    const j = synthPipe({ cdcInfrastructure: { cpuMillicores: 3000 } });
    expect(j).toHaveResourceWithProperties(ChCdcInfrastructure, { service_id: "svc-123", replica_cpu_millicores: 3000, replica_memory_gb: 12 });
    const infra = Object.values(resourcesOf(j, "clickhouse_clickpipe_cdc_infrastructure"))[0]!;
    expect(infra.depends_on).toEqual([`clickhouse_clickpipe.${Object.keys(resourcesOf(j, "clickhouse_clickpipe"))[0]}`]);
    expect(Object.keys(resourcesOf(json, "clickhouse_clickpipe_cdc_infrastructure"))).toHaveLength(0);
  });

  it("uses stable logical IDs derived from construct IDs (public API)", () => {
    expect(json).toHaveResourceWithProperties(ChClickPipe, { service_id: "svc-123" });
    expect(Object.keys(resourcesOf(json, "clickhouse_clickpipe"))).toEqual(["OrdersPipe_A2A15882"]);
    expect(synthPipe()).toBe(json);
  });

  it("refuses a literal password and a table outside the publication with one line each", () => {
    const app = Testing.app({ stackTraces: false }) as App;
    const stack = new TerraformStack(app, "bad");
    new PostgresqlProvider(stack, "postgresql", { host: "db.example.com" });
    const password = new TerraformVariable(stack, "pw", { type: "string", sensitive: true });
    const src = new GenericPostgresSource(stack, "s", {
      name: "orders-db",
      host: "h",
      database: "d",
      postgresVersion: PostgresMajorVersion.V16,
      clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
      tables: ["public.a"],
      password: password.stringValue,
    });
    expect(() => new ClickPipe(stack, "P1", { source: src, password: "hunter2", serviceId: "s" })).toThrow(ValidationError);
    expect(() => new ClickPipe(stack, "P2", { source: src, password: password.stringValue, serviceId: "s", tables: ["public.b"] })).toThrow(
      'error: source "orders-db": clickpipe.tables[0] = "public.b" is not allowed: a table of publication "clickpipes_publication": public.a [clickpipe-table-mappings]',
    );
  });
});
