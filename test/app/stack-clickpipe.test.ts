import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ChClickPipe, ChReversePrivateEndpoint, ClickhouseProvider } from "../../src/tf/tf";
import { ValidationError } from "../../src/model/validation";
import { buildApp } from "../../src/app/app";
import { auroraSource, PRIVATELINK, rdsSource, synthDb } from "../support/aws-helpers";
import { genericSource, parse, resourcesOf, synthGeneric } from "../support/helpers";

const SERVICE = "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-stack-pipe-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const pipeOf = (json: string) => Object.values(resourcesOf(json, "clickhouse_clickpipe"))[0] as Record<string, any>;

describe("a source's ClickPipe in its stack", () => {
  it("generic: provider from variables (key and secret sensitive), pipe of type postgres after the source objects", () => {
    const json = synthGeneric({ clickpipe: { serviceId: SERVICE } });
    expect(json).toHaveProviderWithProperties(ClickhouseProvider, {
      organization_id: "${var.clickhouse_organization_id}",
      token_key: "${var.clickhouse_token_key}",
      token_secret: "${var.clickhouse_token_secret}",
    });
    const vars = parse(json).variable!;
    expect(vars.clickhouse_token_key).toMatchObject({ sensitive: true });
    expect(vars.clickhouse_token_secret).toMatchObject({ sensitive: true });
    expect(vars.clickhouse_organization_id!.sensitive).toBe(false);
    expect(json).toHaveResourceWithProperties(ChClickPipe, {
      service_id: SERVICE,
      name: "orders-db",
      source: { postgres: { type: "postgres", host: "db.example.com", port: 5432, database: "orders", credentials: { password_wo: "${var.clickpipes_password}" } } },
    });
    const pipe = pipeOf(json);
    expect(pipe.source.postgres.credentials.username).toMatch(/^\$\{postgresql_role\.orders-db_User_Role_[0-9A-F]{8}\.name\}$/);
    expect(pipe.source.postgres.settings.publication_name).toMatch(/^\$\{postgresql_publication\.orders-db_Publication_[0-9A-F]{8}\.name\}$/);
    expect(pipe.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^postgresql_role\./), expect.stringMatching(/^postgresql_publication\./)]));
    expect(json).not.toMatch(/"password_wo":\s*"(?!\$\{var\.)/);
  });

  it("generic without a pipe declares no clickhouse provider or resource", () => {
    const json = synthGeneric();
    expect(parse(json).provider?.clickhouse).toBeUndefined();
    expect(resourcesOf(json, "clickhouse_clickpipe")).toEqual({});
  });

  it("Aurora: the pipe is in the -db stack, of type aurorapostgres, on the writer endpoint variable", () => {
    const json = synthDb(auroraSource({ clickpipe: { serviceId: SERVICE } }));
    expect(json).toHaveResourceWithProperties(ChClickPipe, { source: { postgres: { type: "aurorapostgres", host: "${var.db_host}" } } });
  });

  it("RDS: type rdspostgres", () => {
    expect(synthDb(rdsSource({ clickpipe: { serviceId: SERVICE } }))).toHaveResourceWithProperties(ChClickPipe, { source: { postgres: { type: "rdspostgres" } } });
  });

  it("Aurora over PrivateLink: the -aws outputs come in as variables and feed the reverse private endpoint", () => {
    const json = synthDb(auroraSource({ resourceArn: "arn:aws:rds:eu-central-1:123456789012:cluster:billing", network: PRIVATELINK, clickpipe: { serviceId: SERVICE } }));
    const vars = parse(json).variable!;
    expect(Object.keys(vars)).toEqual(expect.arrayContaining(["privatelink_resource_configuration_id", "privatelink_resource_share_arn"]));
    expect(json).toHaveResourceWithProperties(ChReversePrivateEndpoint, {
      type: "VPC_RESOURCE",
      service_id: SERVICE,
      vpc_resource_configuration_id: "${var.privatelink_resource_configuration_id}",
      vpc_resource_share_arn: "${var.privatelink_resource_share_arn}",
    });
    expect(pipeOf(json).source.postgres.host).toMatch(/^\$\{element\(clickhouse_clickpipes_reverse_private_endpoint\.[^.]+\.dns_names, 0\)\}$/);
  });

  it("refuses a bad service id or a bad pipe before anything is written, one line each", () => {
    const outdir = path.join(tmp, "never");
    const lines = (sources: never[]) => {
      try {
        buildApp({ sources }, { outdir });
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as Error).message.split("\n");
      }
      throw new Error("expected a ValidationError");
    };
    expect(lines([genericSource({ clickpipe: { serviceId: "my-service" } }) as never])).toEqual([
      'error: source "orders-db": clickpipe.serviceId = "my-service" is not allowed: the ClickHouse Cloud service ID, a UUID such as 3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d [clickpipe-service-id]',
    ]);
    expect(lines([genericSource({ clickpipe: { serviceId: SERVICE, tables: ["secret.payroll"] } }) as never])).toEqual([
      'error: source "orders-db": clickpipe.tables[0] = "secret.payroll" is not allowed: a table of publication "clickpipes_publication": inventory.stock_levels, public.customers, public.orders, sales.invoices [clickpipe-table-mappings]',
    ]);
    expect(lines([auroraSource({ postgresVersion: 16, clickpipe: { serviceId: SERVICE, enableFailoverSlots: true } }) as never])[0]).toMatch(
      /^error: source "[^"]+": clickpipe\.enableFailoverSlots = true is not allowed: .*\[clickpipe-failover-slots\]$/,
    );
    expect(fs.existsSync(outdir)).toBe(false);
  });
});
