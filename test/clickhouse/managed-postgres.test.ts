import { describe, expect, it } from "vitest";
import { App, Testing, TerraformStack, TerraformVariable } from "../../src/tf/tf";
import { PostgresqlProvider, ClickhouseProvider, ChPostgresService } from "../../src/tf/tf";
import { ClickPipe } from "../../src/clickhouse/clickpipe";
import { GenericPostgresSource } from "../../src/postgres/generic-source";
import { HostProfile } from "../../src/model/host-profiles";
import { PostgresMajorVersion } from "../../src/model/types";
import { renderServerSetup } from "../../src/render/server-setup";
import { validateSource } from "../../src/model/validate";
import { genericSource, parse, resourcesOf, synthGeneric } from "../support/helpers";

const SERVICE = "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d";
const PG_SERVICE = "8a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";
const managed = { hostProfile: HostProfile.CLICKHOUSE_MANAGED, host: undefined, postgresVersion: PostgresMajorVersion.V18, managedPostgres: { serviceId: PG_SERVICE } };

describe("ClickHouse Managed Postgres (hostProfile clickhouse-managed)", () => {
  it("reads the service by ID, connects the provider and the pipe to its direct connection, and pins its CA in the pipe", () => {
    const j = parse(synthGeneric({ ...managed, clickpipe: { serviceId: SERVICE } }));
    const svc = Object.entries(j.data!.clickhouse_postgres_service!);
    expect(svc).toHaveLength(1);
    const [svcName, svcBody] = svc[0]!;
    expect(svcBody.id).toBe(PG_SERVICE);
    const ca = Object.entries(j.data!.clickhouse_postgres_service_ca_certificates!);
    expect(ca).toHaveLength(1);
    const [caName, caBody] = ca[0]!;
    expect(caBody.service_id).toBe(PG_SERVICE);

    const provider = j.provider!.postgresql![0]!;
    expect(provider.host).toBe(`\${data.clickhouse_postgres_service.${svcName}.hostname}`);
    expect(provider.port).toBe(`\${data.clickhouse_postgres_service.${svcName}.port}`);
    expect(provider.sslmode).toBe("require");
    expect(j.provider!.clickhouse).toHaveLength(1);

    const pipe = Object.values(resourcesOf(JSON.stringify(j), "clickhouse_clickpipe"))[0] as any;
    expect(pipe.source.postgres.type).toBe("postgres");
    expect(pipe.source.postgres.host).toBe(`\${data.clickhouse_postgres_service.${svcName}.hostname}`);
    expect(pipe.source.postgres.port).toBe(`\${data.clickhouse_postgres_service.${svcName}.port}`);
    expect(pipe.source.postgres.ca_certificate).toBe(`\${data.clickhouse_postgres_service_ca_certificates.${caName}.certificate}`);
    expect(j.output!.host!.value).toBe(`\${data.clickhouse_postgres_service.${svcName}.hostname}`);
  });

  it("needs no pipe to read the service (the clickhouse provider is declared for the data source alone); no CA without a pipe", () => {
    const j = parse(synthGeneric(managed));
    expect(Object.keys(j.data!.clickhouse_postgres_service!)).toHaveLength(1);
    expect(j.data!.clickhouse_postgres_service_ca_certificates).toBeUndefined();
    expect(j.provider!.clickhouse).toHaveLength(1);
  });

  it("takes the clickhouse_postgres_service resource itself in the TypeScript API: one app creates the database and the pipe", () => {
    const app = Testing.app({ stackTraces: false }) as App;
    const stack = new TerraformStack(app, "mp");
    new ClickhouseProvider(stack, "clickhouse", { organizationId: "org", tokenKey: "k", tokenSecret: "s" });
    const adminPassword = new TerraformVariable(stack, "admin", { type: "string", sensitive: true }).stringValue;
    const password = new TerraformVariable(stack, "pw", { type: "string", sensitive: true }).stringValue;
    const pg = new ChPostgresService(stack, "pg", {
      name: "orders",
      cloudProvider: "aws",
      region: "us-east-1",
      size: "m6gd.large",
      postgresVersion: "18",
      passwordWo: adminPassword,
      passwordWoVersion: 1,
    });
    new PostgresqlProvider(stack, "postgresql", { host: pg.hostname, port: pg.port, username: pg.username, password: adminPassword, sslmode: "require", superuser: false });
    const src = new GenericPostgresSource(stack, "orders", {
      ...genericSource(managed),
      managedPostgres: { service: pg },
      password,
    });
    new ClickPipe(stack, "pipe", { source: src, password, serviceId: SERVICE });
    const j = parse(Testing.synth(stack));
    expect(j.data?.clickhouse_postgres_service).toBeUndefined();
    const pipe = Object.values(j.resource!.clickhouse_clickpipe!)[0] as any;
    expect(pipe.source.postgres.host).toBe("${clickhouse_postgres_service.pg.hostname}");
    expect(pipe.source.postgres.port).toBe("${clickhouse_postgres_service.pg.port}");
    const ca = Object.values(j.data!.clickhouse_postgres_service_ca_certificates!)[0] as any;
    expect(ca.service_id).toBe("${clickhouse_postgres_service.pg.id}");
    expect(pipe.source.postgres.ca_certificate).toMatch(/^\$\{data\.clickhouse_postgres_service_ca_certificates\.[\w-]+\.certificate\}$/);
  });

  it("refuses what does not fit: a host, another port, no service, two services, a service on another profile, a version the service does not run", () => {
    const err = (over: object) => {
      try {
        validateSource({ ...genericSource(managed), ...over } as never);
        return "";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(err({})).toBe("");
    expect(err({ host: "pg.example.com" })).toMatch(/host = "pg.example.com" is not allowed: unset with hostProfile clickhouse-managed.*\[host-managed-postgres\]/);
    expect(err({ port: 6432 })).toMatch(/port = 6432 is not allowed: unset or 5432 .*not PgBouncer/);
    expect(err({ managedPostgres: undefined })).toMatch(/managedPostgres = \(missing\) is not allowed/);
    expect(err({ managedPostgres: { serviceId: PG_SERVICE, service: { id: "a", hostname: "b", port: 1 } } })).toMatch(/exactly one of serviceId/);
    expect(err({ managedPostgres: { serviceId: "nope" } })).toMatch(/managedPostgres.serviceId = "nope"/);
    expect(err({ managedPostgres: { serviceID: PG_SERVICE } })).toMatch(/managedPostgres.serviceID .*no such field/);
    expect(err({ postgresVersion: 16 })).toMatch(/postgresVersion = 16 .*17 or 18/);
    expect(err({ hostProfile: HostProfile.NEON, host: "ep-x.neon.tech" })).toMatch(/managedPostgres = .*unset unless hostProfile is clickhouse-managed/);
    expect(err({ hostProfile: HostProfile.SELF_MANAGED, managedPostgres: undefined })).toMatch(/host = \(missing\)/);
  });

  it("renders nothing to apply by hand and says where IP filters exist", () => {
    const v = validateSource(genericSource(managed) as never);
    const files = renderServerSetup(v.value, HostProfile.CLICKHOUSE_MANAGED);
    expect(files["postgresql.conf"]).toMatch(/nothing to apply by hand: logical replication is enabled on every ClickHouse Managed Postgres instance/);
    expect(files["pg_hba.conf"]).toMatch(/accepts ClickPipes by default; only if you set IP filters/);
    expect(files["alter-system.sql"]).toMatch(/-- Nothing below is yours to apply/);
  });
});
