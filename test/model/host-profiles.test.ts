import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SOURCE_RULES } from "../../src/model/rules";
import { HOST_PROFILES, HostProfile, HostProfileRuleInput } from "../../src/model/host-profiles";
import { formatFinding, runRules } from "../../src/model/validation";
import { resolveSource } from "../../src/model/defaults";
import { renderServerSetup } from "../../src/render/server-setup";
import { genericSource, parse, resourcesOf, synthGeneric } from "../support/helpers";

const SERVICE = "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d";
const G = "https://clickhouse.com/docs/integrations/clickpipes/postgres/source";

const HOST_RULES = SOURCE_RULES.filter((r) => r.id.startsWith("host-"));

function lines(over: Partial<HostProfileRuleInput>): string[] {
  const spec = { name: "orders-db", host: "db.example.com", port: 5432, postgresVersion: 16, schemas: [{ name: "public" }], ...over };
  return runRules(spec as never, HOST_RULES).map(formatFinding);
}

describe("host profiles", () => {
  it("each profile sets the pipe type", () => {
    const expected: Record<HostProfile, string> = {
      supabase: "supabase",
      neon: "neon",
      crunchybridge: "crunchybridge",
      planetscale: "planetscale",
      tigerdata: "tigerdata",
      alloydb: "alloydb",
      cloudsql: "cloudsqlpostgres",
      "clickhouse-managed": "postgres",
      azure: "azurepostgres",
      "self-managed": "postgres",
    };
    for (const p of Object.values(HostProfile)) expect(HOST_PROFILES[p].pipeType).toBe(expected[p]);
    const json = synthGeneric({ hostProfile: HostProfile.NEON, clickpipe: { serviceId: SERVICE } });
    expect((Object.values(resourcesOf(json, "clickhouse_clickpipe"))[0] as any).source.postgres.type).toBe("neon");
  });

  it("no profile weakens the defaults: same user, grants, publication and network lines as self-managed, never 0.0.0.0/0", () => {
    const strip = (json: string) => {
      const j = parse(json) as any;
      return JSON.stringify({ resource: j.resource, out: j.output?.pg_hba_lines });
    };
    const base = strip(synthGeneric({ clickpipe: undefined }));
    for (const p of Object.values(HostProfile)) {
      const over = p === HostProfile.PLANETSCALE ? { hostProfile: p, planetScaleBranch: "main" } : { hostProfile: p, user: { bypassRowLevelSecurity: false } };
      // ClickHouse Managed Postgres runs 17 and 18, and its host comes from the service.
      const managed = p === HostProfile.CLICKHOUSE_MANAGED ? { host: undefined, postgresVersion: 18 as never, managedPostgres: { serviceId: SERVICE } } : {};
      const json = synthGeneric({ ...over, ...managed });
      expect(strip(json)).toBe(p === HostProfile.CLICKHOUSE_MANAGED ? strip(synthGeneric({ clickpipe: undefined, postgresVersion: 18 as never })) : base);
      expect(json).not.toContain("0.0.0.0/0");
    }
  });

  it("Tiger Data: a snapshot pipe synthesizes; a CDC pipe stops synth with one line citing the Timescale guide", () => {
    const tiger = { hostProfile: HostProfile.TIGERDATA, schemas: [{ name: "public" }, { name: "_timescaledb_internal" }] };
    const json = synthGeneric({ ...tiger, clickpipe: { serviceId: SERVICE, replicationMode: "snapshot" as never } });
    const pipe = Object.values(resourcesOf(json, "clickhouse_clickpipe"))[0] as any;
    expect([pipe.source.postgres.type, pipe.source.postgres.settings.replication_mode]).toEqual(["tigerdata", "snapshot"]);
    for (const mode of ["cdc", "cdc_only"]) {
      expect(() => synthGeneric({ ...tiger, clickpipe: { serviceId: SERVICE, replicationMode: mode as never } })).toThrow(
        new RegExp(
          `^error: source "orders-db": clickpipe\\.replicationMode = "${mode}" is not allowed: snapshot: Tiger Cloud cannot enable logical replication.*${G}/timescale\\) \\[host-initial-load-only\\]$`,
        ),
      );
    }
  });

  it("PlanetScale: PSBouncer's 6432 synthesizes for a snapshot pipe, not for a CDC one", () => {
    const ps = { hostProfile: HostProfile.PLANETSCALE, planetScaleBranch: "main", port: 6432 };
    expect(synthGeneric({ ...ps, clickpipe: { serviceId: SERVICE, replicationMode: "snapshot" as never } })).toContain('"replication_mode": "snapshot"');
    expect(() => synthGeneric({ ...ps, clickpipe: { serviceId: SERVICE } })).toThrow(/^error: source "orders-db": port = 6432 is not allowed: 5432 for a cdc pipe .*\[host-initial-load-only\]$/);
  });

  it("PlanetScale: the pipe logs in as <role>.<branch>", () => {
    const json = synthGeneric({ hostProfile: HostProfile.PLANETSCALE, planetScaleBranch: "main", clickpipe: { serviceId: SERVICE } });
    const pipe = Object.values(resourcesOf(json, "clickhouse_clickpipe"))[0] as any;
    expect(pipe.source.postgres.credentials.username).toMatch(/^\$\{postgresql_role\.orders-db_User_Role_[0-9A-F]{8}\.name\}\.main$/);
    expect(pipe.source.postgres.type).toBe("planetscale");
  });

  const cases: [string, Partial<HostProfileRuleInput>, string[]][] = [
    [
      "Supabase pooler host and port",
      { hostProfile: HostProfile.SUPABASE, host: "aws-0-eu-central-1.pooler.supabase.com", port: 6543, user: { bypassRowLevelSecurity: true } },
      [
        `error: source "orders-db": host = "aws-0-eu-central-1.pooler.supabase.com" is not allowed: the direct connection db.<project ref>.supabase.co (IPv6; ClickPipes connects to Supabase over IPv6 natively), not the IPv4 Supabase pooler (replication connections cannot go through it; ${G}/supabase) [host-pooler]`,
        `error: source "orders-db": port = 6543 is not allowed: 5432, the direct connection (6543 is the Supabase pooler; ${G}/supabase) [host-pooler]`,
      ],
    ],
    [
      "Supabase without BYPASSRLS",
      { hostProfile: HostProfile.SUPABASE, host: "db.abcdefgh.supabase.co" },
      [
        `warning: source "orders-db": user.bypassRowLevelSecurity = (missing) is not allowed: true when a replicated table has row-level security on (Supabase enables it; without BYPASSRLS the initial load reads none of its rows; ${G}/supabase); not set for you, as it widens the user's rights [host-row-level-security]`,
      ],
    ],
    [
      "Neon pooled endpoint",
      { hostProfile: HostProfile.NEON, host: "ep-cool-darkness-123456-pooler.eu-central-1.aws.neon.tech" },
      [
        `error: source "orders-db": host = "ep-cool-darkness-123456-pooler.eu-central-1.aws.neon.tech" is not allowed: the direct endpoint (the host name without -pooler; pooled connections cannot replicate; ${G}/neon-postgres) [host-pooler]`,
      ],
    ],
    [
      "PlanetScale PSBouncer port with a CDC pipe",
      { hostProfile: HostProfile.PLANETSCALE, planetScaleBranch: "main", port: 6432, clickpipe: { replicationMode: "cdc_only" } },
      [
        `error: source "orders-db": port = 6432 is not allowed: 5432 for a cdc_only pipe (6432 is PSBouncer, which cannot carry replication connections; it serves Initial Load Only pipes, replication mode snapshot, only; ${G}/planetscale) [host-initial-load-only]`,
      ],
    ],
    [
      "PlanetScale PSBouncer port, pipe declared elsewhere",
      { hostProfile: HostProfile.PLANETSCALE, planetScaleBranch: "main", port: 6432 },
      [
        `warning: source "orders-db": port = 6432 is not allowed: 5432 for a CDC pipe (6432 is PSBouncer, which cannot carry replication connections; it serves Initial Load Only pipes, replication mode snapshot, only; ${G}/planetscale) [host-initial-load-only]`,
      ],
    ],
    [
      "PlanetScale on another port",
      { hostProfile: HostProfile.PLANETSCALE, planetScaleBranch: "main", port: 3306 },
      [`error: source "orders-db": port = 3306 is not allowed: 5432, the primary's direct port (or 6432, PSBouncer, for Initial Load Only pipes; ${G}/planetscale) [host-pooler]`],
    ],
    [
      "Tiger Data with a CDC pipe (the default mode)",
      { hostProfile: HostProfile.TIGERDATA, schemas: [{ name: "public" }, { name: "_timescaledb_internal" }], clickpipe: {} },
      [
        `error: source "orders-db": clickpipe.replicationMode = "cdc" is not allowed: snapshot: Tiger Cloud cannot enable logical replication, so only Initial Load Only pipes work there; for CDC run TimescaleDB yourself (hostProfile self-managed) (${G}/timescale) [host-initial-load-only]`,
      ],
    ],
    [
      "PlanetScale replica host",
      { hostProfile: HostProfile.PLANETSCALE, planetScaleBranch: "main", host: "replica.abc.psdb.cloud" },
      [`error: source "orders-db": host = "replica.abc.psdb.cloud" is not allowed: the primary's host (ClickPipes replicates from the primary only; ${G}/planetscale) [host-pooler]`],
    ],
    [
      "PlanetScale without a branch",
      { hostProfile: HostProfile.PLANETSCALE },
      [
        `error: source "orders-db": planetScaleBranch = (missing) is not allowed: the PlanetScale branch name (letters, digits, - or _): ClickPipes logs in as <user>.<branch> (${G}/planetscale) [host-profile]`,
      ],
    ],
    ["branch without PlanetScale", { planetScaleBranch: "main" }, ['error: source "orders-db": planetScaleBranch = "main" is not allowed: unset unless hostProfile is planetscale [host-profile]']],
    [
      "unknown profile",
      { hostProfile: "heroku" as never },
      [
        'error: source "orders-db": hostProfile = "heroku" is not allowed: one of supabase, neon, crunchybridge, planetscale, tigerdata, alloydb, cloudsql, azure, self-managed, clickhouse-managed [host-profile]',
      ],
    ],
    [
      "AlloyDB 13",
      { hostProfile: HostProfile.ALLOYDB, postgresVersion: 13 },
      [`error: source "orders-db": postgresVersion = 13 is not allowed: 14 or later on AlloyDB (logical replication exists from AlloyDB 14 on; ${G}/alloydb) [host-postgres-version]`],
    ],
    [
      "Tiger Data without the chunk schema",
      { hostProfile: HostProfile.TIGERDATA, clickpipe: { replicationMode: "snapshot" } },
      [
        `warning: source "orders-db": schemas = ["public"] is not allowed: a list that includes _timescaledb_internal when you replicate hypertables (their rows live in its chunk tables; ${G}/timescale) [host-timescale]`,
      ],
    ],
    [
      "PgBouncer port on a self-managed server",
      { port: 6432 },
      ["warning: source \"orders-db\": port = 6432 is not allowed: the server's own port: 6432 is PgBouncer's default, and a pooler cannot carry replication connections [host-pooler]"],
    ],
  ];
  it.each(cases)("%s", (_n, over, expected) => expect(lines(over)).toEqual(expected));

  it("valid profiles pass quietly; one rule per file named after its id", () => {
    expect(lines({ hostProfile: HostProfile.SUPABASE, host: "db.abcdefgh.supabase.co", user: { bypassRowLevelSecurity: true } })).toEqual([]);
    expect(lines({ hostProfile: HostProfile.TIGERDATA, schemas: [{ name: "public" }, { name: "_timescaledb_internal" }], clickpipe: { replicationMode: "snapshot" } })).toEqual([]);
    expect(lines({ hostProfile: HostProfile.PLANETSCALE, planetScaleBranch: "main", port: 6432, clickpipe: { replicationMode: "snapshot" } })).toEqual([]);
    expect(lines({ hostProfile: HostProfile.AZURE })).toEqual([]);
    expect(HOST_RULES.map((r) => r.id)).toEqual([
      "host-profile",
      "host-managed-postgres",
      "host-pooler",
      "host-initial-load-only",
      "host-postgres-version",
      "host-timescale",
      "host-row-level-security",
      "host-neon-slot-removal",
      "host-azure",
    ]);
    for (const r of HOST_RULES) expect(existsSync(join(__dirname, "../../src/model/rules", `${r.id}.ts`))).toBe(true);
  });

  it("timescaleDb renders timescaledb-publication.sql, unless the publication is FOR ALL TABLES; other sources get the five files", () => {
    const ts = renderServerSetup(resolveSource(genericSource({ timescaleDb: true })));
    expect(Object.keys(ts)).toEqual(["postgresql.conf", "pg_hba.conf", "alter-system.sql", "clickpipes-alerts.rules.yml", "health.json", "timescaledb-publication.sql"]);
    expect(ts["timescaledb-publication.sql"]).toContain('    ALTER PUBLICATION "clickpipes_publication" ADD TABLES IN SCHEMA "_timescaledb_internal";\n');
    expect(Object.keys(renderServerSetup(resolveSource(genericSource({ timescaleDb: true, publication: { allTables: true } }))))).toHaveLength(5);
    expect(Object.keys(renderServerSetup(resolveSource(genericSource())))).toHaveLength(5);
  });

  it("hosts whose settings live in a console: the rendered files say what to set there", () => {
    const src = resolveSource(genericSource({ hostProfile: HostProfile.CLOUDSQL }));
    const files = renderServerSetup(src, HostProfile.CLOUDSQL);
    expect(files["postgresql.conf"]).toContain(
      `# Cloud SQL for PostgreSQL manages this server: you cannot edit postgresql.conf or run ALTER SYSTEM there.\n# Set the values below in its console instead (ClickPipes guide: ${G}/google-cloudsql):\n#   - Cloud SQL console: the instance's flag cloudsql.logical_decoding = on (the instance restarts), and the other settings below as flags\n`,
    );
    expect(files["alter-system.sql"]).toContain("-- Cloud SQL for PostgreSQL manages this server");
    expect(files["pg_hba.conf"]).toContain("# Cloud SQL for PostgreSQL has no pg_hba.conf you can edit: Cloud SQL console: Connections, Authorized networks (add the ClickPipes IPs below).");
    const alloy = renderServerSetup(src, HostProfile.ALLOYDB)["postgresql.conf"];
    expect(alloy).toContain("alloydb.enable_pglogical = on and alloydb.logical_decoding = on");
    for (const p of Object.values(HostProfile)) {
      const f = renderServerSetup(src, p);
      if (p === HostProfile.SELF_MANAGED) expect(f).toEqual(renderServerSetup(src));
      else expect(f["postgresql.conf"]).toContain(HOST_PROFILES[p].guide);
    }
  });
});

describe("a ClickPipe in your own app follows the source's host profile", () => {
  it("type supabase from a GenericPostgresSource with hostProfile supabase; an explicit type wins", async () => {
    const { ClickPipe } = await import("../../src/clickhouse/clickpipe");
    const { GenericPostgresSource } = await import("../../src/postgres/generic-source");
    const { App, ClickhouseProvider, PostgresqlProvider, TerraformStack, TerraformVariable, Testing } = await import("../../src/tf/tf");
    const synth = (type?: string) => {
      const app = Testing.app({ stackTraces: false }) as InstanceType<typeof App>;
      const stack = new TerraformStack(app, "s");
      new PostgresqlProvider(stack, "postgresql", { host: "db.abcdefgh.supabase.co" });
      new ClickhouseProvider(stack, "clickhouse", { organizationId: "o", tokenKey: "k", tokenSecret: "s" });
      const pw = new TerraformVariable(stack, "pw", { type: "string", sensitive: true });
      const src = new GenericPostgresSource(stack, "src", {
        ...genericSource({ host: "db.abcdefgh.supabase.co", hostProfile: HostProfile.SUPABASE, user: { bypassRowLevelSecurity: true } }),
        password: pw.stringValue,
      });
      new ClickPipe(stack, "pipe", { source: src, password: pw.stringValue, serviceId: "svc", ...(type ? { type: type as never } : {}) });
      return (Object.values(resourcesOf(Testing.synth(stack), "clickhouse_clickpipe"))[0] as any).source.postgres.type;
    };
    expect(synth()).toBe("supabase");
    expect(synth("postgres")).toBe("postgres");
  });
});

describe("Azure Flexible Server, declared (azure.serverId)", () => {
  const SERVER = "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/data-rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-pg";
  const azure = (over: Record<string, unknown> = {}) =>
    synthGeneric({ hostProfile: HostProfile.AZURE, clickhouse: { cloud: "azure" as never, region: "eastus2" }, azure: { serverId: SERVER }, ...over } as never);

  it("declares wal_level and one firewall rule per ClickPipes IPv4 (start = end) through an azurerm provider of the server's subscription", () => {
    const json = azure();
    const j = parse(json) as any;
    expect(j.terraform.required_providers.azurerm).toEqual({ source: "hashicorp/azurerm", version: "4.55.0" });
    expect(j.provider.azurerm).toEqual([{ features: {}, subscription_id: "0b1f6471-1bf0-4dda-aec3-cb9272f09590", resource_provider_registrations: "none" }]);
    const configs = Object.values(resourcesOf(json, "azurerm_postgresql_flexible_server_configuration")) as any[];
    expect(configs.map((c) => [c.name, c.value, c.server_id])).toEqual([["wal_level", "logical", SERVER]]);
    const rules = Object.values(resourcesOf(json, "azurerm_postgresql_flexible_server_firewall_rule")) as any[];
    const ips = resolveSource(genericSource({ clickhouse: { cloud: "azure" as never, region: "eastus2" } })).networks.map((c) => c.text.replace(/\/32$/, ""));
    expect(rules.map((r) => r.start_ip_address).sort()).toEqual([...ips].sort());
    for (const r of rules) {
      expect(r.end_ip_address).toBe(r.start_ip_address);
      expect(r.server_id).toBe(SERVER);
      expect(r.name).toBe(`clickpipes-orders-db-${r.start_ip_address.replace(/\./g, "-")}`);
    }
    // Never max_slot_wal_keep_size (read-only on Azure), neither declared nor asked for.
    expect(json).not.toContain("max_slot_wal_keep_size");
    expect(json).not.toContain("0.0.0.0");
  });

  it("replication settings above Azure's default of 10 are declared; a wider custom network is one range", () => {
    const json = azure({ serverSettings: { maxReplicationSlots: 20, maxWalSenders: 10 }, network: { allowedCidrs: ["203.0.113.16/28"] } });
    const configs = Object.values(resourcesOf(json, "azurerm_postgresql_flexible_server_configuration")) as any[];
    expect(configs.map((c) => `${c.name}=${c.value}`).sort()).toEqual(["max_replication_slots=20", "wal_level=logical"]);
    const rules = Object.values(resourcesOf(json, "azurerm_postgresql_flexible_server_firewall_rule")) as any[];
    expect(rules.map((r) => [r.name, r.start_ip_address, r.end_ip_address])).toEqual([["clickpipes-orders-db-203-0-113-16_28", "203.0.113.16", "203.0.113.31"]]);
  });

  it("the rendered notes say max_slot_wal_keep_size is read-only (health alerts matter more) and that azurerm restarts the server", () => {
    const files = renderServerSetup(resolveSource(genericSource({ hostProfile: HostProfile.AZURE, azure: { serverId: SERVER } } as never)), HostProfile.AZURE);
    expect(files["postgresql.conf"]).not.toMatch(/^max_slot_wal_keep_size/m);
    expect(files["postgresql.conf"]).toContain("max_slot_wal_keep_size is read-only on Azure (always -1)");
    expect(files["postgresql.conf"]).toContain("health alerts");
    expect(files["alter-system.sql"]).toContain("restart_server_on_configuration_value_change = false");
    expect(files["alter-system.sql"]).not.toContain("ALTER SYSTEM SET max_slot_wal_keep_size");
  });

  it("refuses Private Link citing the ClickPipes page, a malformed server ID, azure on another host and IPv6 networks, one line each", () => {
    const errs = (over: Partial<HostProfileRuleInput> & Record<string, unknown>) => lines(over as never).filter((l) => l.endsWith("[host-azure]"));
    expect(errs({ hostProfile: HostProfile.AZURE, azure: { serverId: SERVER, privateLink: true } } as never)).toEqual([
      'error: source "orders-db": azure.privateLink = true is not allowed: false or unset: ClickPipes does not support Azure Private Link (ClickHouse/ClickHouse docs/integrations/clickpipes/networking/azure-privatelink.mdx @0605de7f); use an SSH tunnel to a server without public access [host-azure]',
    ]);
    expect(errs({ hostProfile: HostProfile.AZURE, azure: { serverId: "orders-pg" } } as never)).toEqual([
      'error: source "orders-db": azure.serverId = "orders-pg" is not allowed: the Flexible Server\'s resource ID, /subscriptions/<subscription id>/resourceGroups/<group>/providers/Microsoft.DBforPostgreSQL/flexibleServers/<server> [host-azure]',
    ]);
    expect(errs({ hostProfile: HostProfile.CLOUDSQL, azure: { serverId: SERVER } } as never)).toEqual([
      `error: source "orders-db": azure = {"serverId":"${SERVER}"} is not allowed: unset unless hostProfile is azure [host-azure]`,
    ]);
    expect(errs({ hostProfile: HostProfile.AZURE, azure: { serverId: SERVER, serverName: "x" }, network: { allowedCidrs: ["2001:db8::/64"] } } as never)).toEqual([
      'error: source "orders-db": azure.serverName = "x" is not allowed: unset: azure has only serverId, privateLink [host-azure]',
      'error: source "orders-db": network.allowedCidrs[0] = "2001:db8::/64" is not allowed: an IPv4 CIDR with azure.serverId (Azure Flexible Server firewall rules are IPv4 ranges only) [host-azure]',
    ]);
  });
});
