/**
 * ClickPipesGoogleInstance on a user's own Cloud SQL / AlloyDB instance in the same app, checked on
 * the synthesized JSON: the user's flags and networks stay first and in order, ours are added once,
 * a conflicting flag stops synth. The instances are declared without the google provider package:
 * cdktf's TerraformResource with overrides (the escape hatch) and a subclass whose attributes come
 * from synthesizeAttributes (what a generated binding does).
 */
import { describe, expect, it } from "vitest";
import { Aspects, Testing, TerraformResourceClass, TerraformStack } from "../../src/tf/tf";
import { ClickPipesGoogleInstance } from "../../src/gcp";
import { CloudProvider } from "../../src/model/types";
import { resolveClickPipesIps } from "../../src/model/clickpipes-ips";

const GCP = { cloud: CloudProvider.GCP, region: "us-east1" };
const IPS = resolveClickPipesIps(CloudProvider.GCP, "us-east1").ips;

/** A google_* resource whose attributes are its own (as a generated binding writes them). */
class BoundResource extends TerraformResourceClass {
  constructor(
    scope: TerraformStack,
    id: string,
    type: string,
    private readonly attrs: Record<string, unknown>,
  ) {
    super(scope, id, { terraformResourceType: type, terraformGeneratorMetadata: { providerName: "google" } });
  }
  protected synthesizeAttributes(): Record<string, unknown> {
    return this.attrs;
  }
}

function synth(build: (stack: TerraformStack) => void): { json: any; warnings: string[]; errors: string[] } {
  const app = Testing.app({ stackTraces: false });
  const stack = new TerraformStack(app, "db");
  build(stack);
  const json = JSON.parse(Testing.synth(stack));
  const meta = stack.node.findAll().flatMap((c) => c.node.metadata);
  return { json, warnings: meta.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data)), errors: meta.filter((m) => m.type === "@cdktf/error").map((m) => String(m.data)) };
}
const only = (json: any, type: string) => Object.values(json.resource[type])[0] as any;

describe("ClickPipesGoogleInstance on Cloud SQL", () => {
  it("escape hatch (overrides): keeps the user's flags and networks first, in order, adds the flag and one network per ClickPipes IP; warns of the restart", () => {
    const { json, warnings, errors } = synth((stack) => {
      const db = new TerraformResourceClass(stack, "orders", { terraformResourceType: "google_sql_database_instance" });
      db.addOverride("database_version", "POSTGRES_16");
      db.addOverride("settings", {
        tier: "db-custom-2-7680",
        database_flags: [
          { name: "max_connections", value: "200" },
          { name: "log_min_duration_statement", value: "500" },
        ],
        ip_configuration: {
          ipv4_enabled: true,
          authorized_networks: [
            { name: "office", value: "192.0.2.0/24" },
            { name: "clickpipes-mine", value: `${IPS[0]}/32` },
          ],
        },
      });
      Aspects.of(db).add(new ClickPipesGoogleInstance({ clickhouse: GCP }));
    });
    expect(errors).toEqual([]);
    const s = only(json, "google_sql_database_instance").settings;
    expect(s.tier).toBe("db-custom-2-7680");
    expect(s.database_flags).toEqual([
      { name: "max_connections", value: "200" },
      { name: "log_min_duration_statement", value: "500" },
      { name: "cloudsql.logical_decoding", value: "on" },
    ]);
    const nets = s.ip_configuration.authorized_networks;
    expect(nets.slice(0, 2)).toEqual([
      { name: "office", value: "192.0.2.0/24" },
      { name: "clickpipes-mine", value: `${IPS[0]}/32` },
    ]);
    // The IP the user already authorized is not added twice.
    expect(nets.slice(2).map((n: any) => n.value)).toEqual(IPS.slice(1).map((ip) => `${ip}/32`));
    expect(nets[2].name).toBe(`clickpipes-${IPS[1]!.replace(/\./g, "-")}`);
    expect(s.ip_configuration.ipv4_enabled).toBe(true);
    expect(warnings).toEqual(["ClickPipes: adds the database flag cloudsql.logical_decoding = on: applying a flag change RESTARTS the instance (plan it for a maintenance window)"]);
  });

  it("binding-style attributes plus the user's own override of the same list: nothing dropped, nothing doubled; a second synth changes nothing", () => {
    const app = Testing.app({ stackTraces: false });
    const stack = new TerraformStack(app, "db");
    const db = new BoundResource(stack, "orders", "google_sql_database_instance", {
      settings: { tier: "db-f1-micro", database_flags: [{ name: "work_mem", value: "65536" }] },
    });
    db.addOverride("settings.ip_configuration.authorized_networks", [{ name: "vpn", value: "198.51.100.7/32" }]);
    Aspects.of(db).add(new ClickPipesGoogleInstance({ clickhouse: GCP, allowedCidrs: ["203.0.113.5/32"] }));
    const first = Testing.synth(stack);
    const s = only(JSON.parse(first), "google_sql_database_instance").settings;
    expect(s.database_flags).toEqual([
      { name: "work_mem", value: "65536" },
      { name: "cloudsql.logical_decoding", value: "on" },
    ]);
    expect(s.ip_configuration.authorized_networks).toEqual([
      { name: "vpn", value: "198.51.100.7/32" },
      { name: "clickpipes-203-0-113-5", value: "203.0.113.5/32" },
    ]);
    expect(Testing.synth(stack)).toBe(first);
  });

  it("a flag the user set to off is an error annotation naming it, and nothing is changed", () => {
    const { json, errors } = synth((stack) => {
      const db = new TerraformResourceClass(stack, "orders", { terraformResourceType: "google_sql_database_instance" });
      db.addOverride("settings", { database_flags: [{ name: "cloudsql.logical_decoding", value: "off" }] });
      Aspects.of(db).add(new ClickPipesGoogleInstance({ clickhouse: GCP }));
    });
    expect(errors).toEqual([
      'ClickPipes: database flag cloudsql.logical_decoding = "off": ClickPipes needs on (logical replication; docs/integrations/clickpipes/postgres/source/google-cloudsql.mdx)',
    ]);
    expect(only(json, "google_sql_database_instance").settings).toEqual({ database_flags: [{ name: "cloudsql.logical_decoding", value: "off" }] });
  });

  it("a flag list given as a Terraform expression cannot be merged: error annotation", () => {
    const { errors } = synth((stack) => {
      const db = new TerraformResourceClass(stack, "orders", { terraformResourceType: "google_sql_database_instance" });
      db.addOverride("settings.database_flags", "${var.flags}");
      Aspects.of(db).add(new ClickPipesGoogleInstance({ clickhouse: GCP, authorizeNetworks: false }));
    });
    expect(errors).toEqual(["ClickPipes: settings.database_flags is a Terraform expression (${var.flags}): declare settings.database_flags as a list so the ClickPipes entries can be added to yours"]);
  });

  it("other resources and other instances are left alone; 0.0.0.0/0 and unknown regions are refused with one line", () => {
    const { json } = synth((stack) => {
      const mine = new TerraformResourceClass(stack, "orders", { terraformResourceType: "google_sql_database_instance" });
      const other = new TerraformResourceClass(stack, "reporting", { terraformResourceType: "google_sql_database_instance" });
      other.addOverride("settings.tier", "db-f1-micro");
      Aspects.of(mine).add(new ClickPipesGoogleInstance({ clickhouse: GCP }));
    });
    expect(json.resource.google_sql_database_instance.reporting).toMatchObject({ settings: { tier: "db-f1-micro" } });
    expect(json.resource.google_sql_database_instance.reporting.settings.database_flags).toBeUndefined();
    expect(() => new ClickPipesGoogleInstance({ clickhouse: GCP, allowedCidrs: ["0.0.0.0/0"] })).toThrow(
      /^error: source "ClickPipesGoogleInstance": allowedCidrs\[0\] = "0\.0\.0\.0\/0" is not allowed: an IPv4 CIDR other than 0\.0\.0\.0\/0/,
    );
    expect(() => new ClickPipesGoogleInstance({ clickhouse: { cloud: CloudProvider.GCP, region: "moon-1" } })).toThrow(
      /clickhouse\.region = "moon-1" is not allowed: a ClickHouse Cloud region of gcp: /,
    );
  });
});

describe("ClickPipesGoogleInstance on AlloyDB", () => {
  it("adds both flags to the user's map (theirs kept) and the networks after theirs; warns when public IP is off", () => {
    const { json, warnings, errors } = synth((stack) => {
      const primary = new BoundResource(stack, "primary", "google_alloydb_instance", {
        instance_type: "PRIMARY",
        database_flags: { max_connections: "300" },
        network_config: { enable_public_ip: false, authorized_external_networks: [{ cidr_range: "192.0.2.0/24" }] },
      });
      Aspects.of(primary).add(new ClickPipesGoogleInstance({ clickhouse: GCP }));
    });
    expect(errors).toEqual([]);
    const r = only(json, "google_alloydb_instance");
    // A map: synth writes its keys sorted; the user's key and value are kept.
    expect(r.database_flags).toEqual({ max_connections: "300", "alloydb.enable_pglogical": "on", "alloydb.logical_decoding": "on" });
    expect(r.network_config.authorized_external_networks).toEqual([{ cidr_range: "192.0.2.0/24" }, ...IPS.map((ip) => ({ cidr_range: `${ip}/32` }))]);
    expect(warnings).toEqual([
      "ClickPipes: adds the database flags alloydb.enable_pglogical, alloydb.logical_decoding = on: applying a flag change RESTARTS the instance (plan it for a maintenance window)",
      "ClickPipes: network_config.enable_public_ip is not true: the authorized networks admit ClickPipes only on the instance's public IP (enable it, or reach the instance another way)",
    ]);
  });
});
