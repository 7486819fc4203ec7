/**
 * Cases of the generic source table (SOURCE_RULES), run on the valid example generic source
 * (test/support/helpers.ts genericSource) with the override applied: [name, override, the one error line]; SOURCE_WARNING_CASES for
 * rules that only warn.
 * Every rule of the table needs one (test/model/rule-tree.test.ts checks).
 */
// One case per rule (and per branch of rules with several): the override, then the exact line.
export const SOURCE_CASES: [string, Record<string, unknown>, string][] = [
  [
    "postgres-version below 12",
    { postgresVersion: 11 },
    'error: source "orders-db": postgresVersion = 11 is not allowed: one of 12, 13, 14, 15, 16, 17, 18 (ClickPipes needs PostgreSQL 12 or later) [postgres-version]',
  ],
  [
    "postgres-version unknown",
    { postgresVersion: 19 },
    'error: source "orders-db": postgresVersion = 19 is not allowed: one of 12, 13, 14, 15, 16, 17, 18 (ClickPipes needs PostgreSQL 12 or later) [postgres-version]',
  ],
  ["source-name", { name: "9 bad name" }, `error: source "9 bad name": name = "9 bad name" is not allowed: a letter followed by letters, digits, '-' or '_', at most 63 characters [source-name]`],
  [
    "host with port",
    { host: "db.example.com:5432" },
    `error: source "orders-db": host = "db.example.com:5432" is not allowed: a host name or IP address of letters, digits, '.', '-', '_' and ':' (IPv6) only, without port (the port goes in port), scheme, path or spaces (the provider puts the host unescaped into its connection URL) [host]`,
  ],
  [
    "host with a URL query",
    { host: "db.example.com?sslmode=disable" },
    `error: source "orders-db": host = "db.example.com?sslmode=disable" is not allowed: a host name or IP address of letters, digits, '.', '-', '_' and ':' (IPv6) only, without port (the port goes in port), scheme, path or spaces (the provider puts the host unescaped into its connection URL) [host]`,
  ],
  ["port-range high", { port: 70000 }, 'error: source "orders-db": port = 70000 is not allowed: an integer from 1 to 65535 [port-range]'],
  ["port-range zero", { port: 0 }, 'error: source "orders-db": port = 0 is not allowed: an integer from 1 to 65535 [port-range]'],
  [
    "identifier empty",
    { database: "" },
    'error: source "orders-db": database = "" is not allowed: a non-empty name of at most 63 bytes without dots, newlines or NUL bytes (this one is empty) [identifier]',
  ],
  [
    "identifier too long",
    { user: { name: "u".repeat(64) } },
    `error: source "orders-db": user.name = "${"u".repeat(64)}" is not allowed: a non-empty name of at most 63 bytes without dots, newlines or NUL bytes (this one is longer than 63 bytes) [identifier]`,
  ],
  [
    "identifier multi-byte too long",
    { user: { name: "é".repeat(32) } },
    `error: source "orders-db": user.name = "${"é".repeat(32)}" is not allowed: a non-empty name of at most 63 bytes without dots, newlines or NUL bytes (this one is longer than 63 bytes) [identifier]`,
  ],
  [
    "identifier with a dot",
    { schemas: [{ name: "my.schema" }] },
    'error: source "orders-db": schemas[0].name = "my.schema" is not allowed: a non-empty name of at most 63 bytes without dots, newlines or NUL bytes (this one contains a dot) [identifier]',
  ],
  [
    "identifier with NUL",
    { schemas: [{ name: "public", owners: ["a\u0000b"] }] },
    'error: source "orders-db": schemas[0].owners[0] = "a\\u0000b" is not allowed: a non-empty name of at most 63 bytes without dots, newlines or NUL bytes (this one contains a NUL byte) [identifier]',
  ],
  [
    "identifier: table with a dot in its name",
    { tables: ["public.a.b"] },
    'error: source "orders-db": tables[0] (table part) = "a.b" is not allowed: a non-empty name of at most 63 bytes without dots, newlines or NUL bytes (this one contains a dot) [identifier]',
  ],
  ["table-format", { tables: ["orders"] }, 'error: source "orders-db": tables[0] = "orders" is not allowed: a table written as schema.table [table-format]'],
  ["duplicate tables", { tables: ["public.a", "public.b", "public.a"] }, 'error: source "orders-db": tables[2] = "public.a" is not allowed: each table once (it is listed twice) [duplicate]'],
  [
    "duplicate schemas",
    { schemas: [{ name: "public" }, { name: "public" }] },
    'error: source "orders-db": schemas[1].name = "public" is not allowed: each schema once (it is listed twice) [duplicate]',
  ],
  ["no schema and no table", { schemas: [], tables: [] }, 'error: source "orders-db": schemas = [] is not allowed: at least one schema or one table (schemas or tables) [objects]'],
  [
    "all tables with a table list",
    { publication: { allTables: true } },
    'error: source "orders-db": publication.allTables = true is not allowed: false when tables are listed (FOR ALL TABLES and FOR TABLE exclude each other) [objects]',
  ],
  [
    "partition root on 12",
    { postgresVersion: 12, publication: { publishViaPartitionRoot: true } },
    'error: source "orders-db": publication.publishViaPartitionRoot = true is not allowed: false or unset on PostgreSQL 12 (the option exists from 13 on) [publication]',
  ],
  [
    "unknown publish operation",
    { publication: { operations: ["insert", "upsert"] } },
    'error: source "orders-db": publication.operations[1] = "upsert" is not allowed: one of insert, update, delete, truncate [publication]',
  ],
  [
    "unknown region",
    { clickhouse: { cloud: "aws", region: "moon-1" } },
    'error: source "orders-db": clickhouse.region = "moon-1" is not allowed: a region ClickHouse Cloud runs in on aws: af-south-1, ap-east-1, ap-east-2, ap-northeast-1, ap-northeast-2, ap-south-1, ap-southeast-1, ap-southeast-2, ap-southeast-3, ca-central-1, eu-central-1, eu-north-1, eu-west-1, eu-west-2, il-central-1, mx-central-1, sa-east-1, us-east-1, us-east-2, us-west-2 [region]',
  ],
  ["unknown cloud", { clickhouse: { cloud: "ibm", region: "x" } }, 'error: source "orders-db": clickhouse.cloud = "ibm" is not allowed: one of aws, gcp, azure [region]'],
  [
    "bad service date",
    { clickhouse: { cloud: "aws", region: "eu-west-1", serviceCreatedOn: "20/01/2026" } },
    'error: source "orders-db": clickhouse.serviceCreatedOn = "20/01/2026" is not allowed: a date written YYYY-MM-DD [region]',
  ],
  [
    "region unknown to a clickPipesIpsFile table",
    { clickhouse: { cloud: "aws", region: "af-south-1", ipTable: { version: "document sha256:0123456789ab", rows: [{ cloud: "aws", region: "eu-central-1", ips: ["192.0.2.1"] }] } } },
    'error: source "orders-db": clickhouse.region = "af-south-1" is not allowed: a region of aws that the ClickPipes IP table document sha256:0123456789ab (clickPipesIpsFile) lists, or that uses a default region: eu-central-1 [region]',
  ],
  [
    "clickpipes-ips: region without addresses",
    { clickhouse: { cloud: "aws", region: "eu-central-1", ipTable: { version: "document sha256:0123456789ab", rows: [{ cloud: "aws", region: "eu-central-1", ips: [] }] } } },
    'error: source "orders-db": clickhouse.region = "eu-central-1" is not allowed: a region with addresses in the ClickPipes IP table document sha256:0123456789ab (clickPipesIpsFile) (it lists none for eu-central-1) [clickpipes-ips]',
  ],
  [
    "clickpipes-ips: /0 without allowAnyAddress",
    { clickhouse: { cloud: "aws", region: "eu-central-1", ipTable: { version: "document sha256:0123456789ab", rows: [{ cloud: "aws", region: "eu-central-1", ips: ["0.0.0.0/0"] }] } } },
    'error: source "orders-db": clickhouse.region = "eu-central-1" is not allowed: a region whose addresses in the ClickPipes IP table document sha256:0123456789ab (clickPipesIpsFile) leave part of the address space out (eu-central-1 lists 0.0.0.0/0); the whole internet only with network.allowAnyAddress = true [clickpipes-ips]',
  ],
  [
    "clickpipes-ips: malformed address",
    { clickhouse: { cloud: "aws", region: "eu-central-1", ipTable: { version: "document sha256:0123456789ab", rows: [{ cloud: "aws", region: "eu-central-1", ips: ["192.0.2.300"] }] } } },
    'error: source "orders-db": clickhouse.region = "eu-central-1" is not allowed: a region whose addresses in the ClickPipes IP table document sha256:0123456789ab (clickPipesIpsFile) are IP addresses or networks ("192.0.2.300" of eu-central-1 has no valid IPv4 address) [clickpipes-ips]',
  ],
  [
    "clickpipes-ips: default region missing",
    { clickhouse: { cloud: "gcp", region: "europe-west1", ipTable: { version: "document sha256:0123456789ab", rows: [{ cloud: "aws", region: "us-east-2", ips: ["192.0.2.1"] }] } } },
    'error: source "orders-db": clickhouse.region = "europe-west1" is not allowed: a region that the ClickPipes IP table document sha256:0123456789ab (clickPipesIpsFile) gives addresses for (services of gcp/europe-west1 use the default region aws/eu-central-1, which it does not list) [clickpipes-ips]',
  ],
  [
    "invalid CIDR",
    { network: { allowedCidrs: ["10.0.0.300/32"] } },
    'error: source "orders-db": network.allowedCidrs[0] = "10.0.0.300/32" is not allowed: an IPv4 or IPv6 CIDR such as 203.0.113.7/32 (this one has no valid IPv4 address) [cidr]',
  ],
  [
    "CIDR prefix out of range",
    { network: { allowedCidrs: ["10.0.0.1/33"] } },
    'error: source "orders-db": network.allowedCidrs[0] = "10.0.0.1/33" is not allowed: an IPv4 or IPv6 CIDR such as 203.0.113.7/32 (this one has a prefix longer than /32) [cidr]',
  ],
  [
    "empty CIDR list",
    { network: { allowedCidrs: [] } },
    'error: source "orders-db": network.allowedCidrs = [] is not allowed: a non-empty list of CIDRs, or leave it out to use the ClickPipes IPs of the region [cidr]',
  ],
  [
    "0.0.0.0/0 without the flag",
    { network: { allowedCidrs: ["0.0.0.0/0"] } },
    'error: source "orders-db": network.allowedCidrs[0] = "0.0.0.0/0" is not allowed: specific CIDRs; the whole internet only with network.allowAnyAddress = true [open-to-world]',
  ],
  [
    "::/0 without the flag",
    { network: { allowedCidrs: ["::/0"] } },
    'error: source "orders-db": network.allowedCidrs[0] = "::/0" is not allowed: specific CIDRs; the whole internet only with network.allowAnyAddress = true [open-to-world]',
  ],
  ["max_wal_senders below 10", { serverSettings: { maxWalSenders: 4 } }, 'error: source "orders-db": serverSettings.maxWalSenders = 4 is not allowed: an integer of at least 10 [server-settings]'],
  [
    "max_replication_slots below 10",
    { serverSettings: { maxReplicationSlots: 2 } },
    'error: source "orders-db": serverSettings.maxReplicationSlots = 2 is not allowed: an integer of at least 10 [server-settings]',
  ],
  [
    "max_slot_wal_keep_size on 12",
    { postgresVersion: 12, serverSettings: { maxSlotWalKeepSizeMb: 102400 } },
    'error: source "orders-db": serverSettings.maxSlotWalKeepSizeMb = 102400 is not allowed: unset on PostgreSQL 12 (the setting exists from 13 on) [server-settings]',
  ],
  ["password version", { user: { passwordVersion: 0 } }, 'error: source "orders-db": user.passwordVersion = 0 is not allowed: an integer of at least 1 (bump it to rotate the password) [user]'],
  [
    "monitoring-role: name with a dot",
    { monitoring: { name: "mon.itor" } },
    'error: source "orders-db": monitoring.name = "mon.itor" is not allowed: a non-empty name of at most 63 bytes without dots, newlines or NUL bytes (this one contains a dot) [monitoring-role]',
  ],
  [
    "monitoring-role: the ClickPipes user's name",
    { monitoring: { name: "clickpipes_user" } },
    'error: source "orders-db": monitoring.name = "clickpipes_user" is not allowed: a role other than the ClickPipes user "clickpipes_user" (the monitoring role gets pg_monitor only) [monitoring-role]',
  ],
  [
    "monitoring-role: the admin's name",
    { monitoring: { name: "postgres" } },
    'error: source "orders-db": monitoring.name = "postgres" is not allowed: a role other than the admin user "postgres" (the stack creates this role) [monitoring-role]',
  ],
  [
    "monitoring-role: password version",
    { monitoring: { passwordVersion: 1.5 } },
    'error: source "orders-db": monitoring.passwordVersion = 1.5 is not allowed: an integer of at least 1 (bump it to rotate the password) [monitoring-role]',
  ],
  ["monitoring-role: not an object", { monitoring: true }, 'error: source "orders-db": monitoring = true is not allowed: an object ({} for the defaults) [monitoring-role]'],
  [
    "plan-role: name with a dot",
    { planRole: { name: "plan.role" } },
    'error: source "orders-db": planRole.name = "plan.role" is not allowed: a non-empty name of at most 63 bytes without dots, newlines or NUL bytes (this one contains a dot) [plan-role]',
  ],
  [
    "plan-role: the ClickPipes user's name",
    { planRole: { name: "clickpipes_user" } },
    'error: source "orders-db": planRole.name = "clickpipes_user" is not allowed: a role other than the ClickPipes user "clickpipes_user" (the plan role can change nothing) [plan-role]',
  ],
  [
    "plan-role: the admin's name",
    { planRole: { name: "postgres" } },
    'error: source "orders-db": planRole.name = "postgres" is not allowed: a role other than the admin user "postgres" (the plan role replaces the admin in PR plans) [plan-role]',
  ],
  [
    "plan-role: the monitoring role's name",
    { monitoring: {}, planRole: { name: "clickpipes_monitor" } },
    'error: source "orders-db": planRole.name = "clickpipes_monitor" is not allowed: a role other than the monitoring role "clickpipes_monitor" (the stack creates both) [plan-role]',
  ],
  [
    "plan-role: password version",
    { planRole: { passwordVersion: 0 } },
    'error: source "orders-db": planRole.passwordVersion = 0 is not allowed: an integer of at least 1 (bump it to rotate the password) [plan-role]',
  ],
  ["plan-role: not an object", { planRole: "yes" }, 'error: source "orders-db": planRole = "yes" is not allowed: an object ({} for the defaults) [plan-role]'],
  ["sslmode", { sslmode: "sometimes" }, 'error: source "orders-db": sslmode = "sometimes" is not allowed: one of disable, require, verify-ca, verify-full [user]'],
  [
    "health fraction above 1",
    { health: { retainedWalCritFraction: 1.5 } },
    'error: source "orders-db": health.retainedWalCritFraction = 1.5 is not allowed: a number above 0 and at most 1 (a fraction of max_slot_wal_keep_size) [health]',
  ],
  [
    "health bad duration",
    { health: { maxTransactionAge: "1 hour" } },
    'error: source "orders-db": health.maxTransactionAge = "1 hour" is not allowed: a duration such as 30s, 5m, 1h, 1h30m or 2d (units d, h, m, s in that order; at least 1s, at most 365d) [health]',
  ],
  [
    "health warn above crit",
    { health: { retainedWalWarnBytes: 60 * 1024 ** 3 } },
    'error: source "orders-db": health.retainedWalWarnBytes = 64424509440 is not allowed: warn below crit (retainedWalWarnBytes 64424509440 < retainedWalCritBytes 53687091200) [health]',
  ],
  [
    "health unknown field",
    { health: { retainedWalWarn: 0.5 } },
    'error: source "orders-db": health.retainedWalWarn = 0.5 is not allowed: not a field; the fields are retainedWalWarnFraction, retainedWalCritFraction, retainedWalWarnBytes, retainedWalCritBytes, inactiveSlotWarn, inactiveSlotCrit, maxTransactionAge, idleInTransactionAge [health]',
  ],
  [
    "host-profile unknown",
    { hostProfile: "heroku" },
    'error: source "orders-db": hostProfile = "heroku" is not allowed: one of supabase, neon, crunchybridge, planetscale, tigerdata, alloydb, cloudsql, azure, self-managed, clickhouse-managed [host-profile]',
  ],
  [
    "host-pooler Neon pooled endpoint",
    { hostProfile: "neon", host: "ep-cool-darkness-123456-pooler.eu-central-1.aws.neon.tech" },
    'error: source "orders-db": host = "ep-cool-darkness-123456-pooler.eu-central-1.aws.neon.tech" is not allowed: the direct endpoint (the host name without -pooler; pooled connections cannot replicate; https://clickhouse.com/docs/integrations/clickpipes/postgres/source/neon-postgres) [host-pooler]',
  ],
  [
    "host-initial-load-only Tiger Data with a CDC pipe",
    { hostProfile: "tigerdata", schemas: [{ name: "public" }, { name: "_timescaledb_internal" }], tables: [], clickpipe: { replicationMode: "cdc" } },
    'error: source "orders-db": clickpipe.replicationMode = "cdc" is not allowed: snapshot: Tiger Cloud cannot enable logical replication, so only Initial Load Only pipes work there; for CDC run TimescaleDB yourself (hostProfile self-managed) (https://clickhouse.com/docs/integrations/clickpipes/postgres/source/timescale) [host-initial-load-only]',
  ],
  [
    "host-postgres-version AlloyDB 13",
    { hostProfile: "alloydb", postgresVersion: 13 },
    'error: source "orders-db": postgresVersion = 13 is not allowed: 14 or later on AlloyDB (logical replication exists from AlloyDB 14 on; https://clickhouse.com/docs/integrations/clickpipes/postgres/source/alloydb) [host-postgres-version]',
  ],
  [
    "host-azure Private Link",
    {
      hostProfile: "azure",
      azure: { serverId: "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/data-rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-pg", privateLink: true },
    },
    'error: source "orders-db": azure.privateLink = true is not allowed: false or unset: ClickPipes does not support Azure Private Link (ClickHouse/ClickHouse docs/integrations/clickpipes/networking/azure-privatelink.mdx @0605de7f); use an SSH tunnel to a server without public access [host-azure]',
  ],
  [
    "timescaledb-publication before PostgreSQL 15",
    { timescaleDb: true, postgresVersion: 14 },
    'error: source "orders-db": postgresVersion = 14 is not allowed: 15 or later with timescaleDb (the publication must hold the whole _timescaledb_internal schema, whose chunk tables appear continuously: TABLES IN SCHEMA exists from PostgreSQL 15), or publication.allTables = true [timescaledb-publication]',
  ],
  [
    "host-managed-postgres with a host",
    { hostProfile: "clickhouse-managed", postgresVersion: 18, managedPostgres: { serviceId: "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d" } },
    'error: source "orders-db": host = "db.example.com" is not allowed: unset with hostProfile clickhouse-managed: the stack connects to the service\'s own host name (the direct connection) [host-managed-postgres]',
  ],
  [
    "host-neon-slot-removal at 2 days",
    { hostProfile: "neon", host: "ep-x.neon.tech", health: { inactiveSlotCrit: "2d" } },
    'error: source "orders-db": health.inactiveSlotCrit = "2d" is not allowed: at most 20h on Neon (it is 2d): Neon removes an inactive replication slot after about 40 h when other slots are active, and a pipe whose slot is gone needs a full resync (https://clickhouse.com/docs/integrations/clickpipes/postgres/source/neon-postgres) [host-neon-slot-removal]',
  ],
];

/** Rules that only warn: [name, override, the exact warning line (the only finding)]. */
export const SOURCE_WARNING_CASES: [string, Record<string, unknown>, string][] = [
  [
    "wide-cidr IPv4 wider than /16",
    { network: { allowedCidrs: ["10.0.0.0/8"] } },
    'warning: source "orders-db": network.allowedCidrs[0] = "10.0.0.0/8" is not allowed: without a warning: IPv4 networks of /16 or narrower, IPv6 of /48 or narrower (this one, 10.0.0.0/8, opens the database port to 16777216 addresses) [wide-cidr]',
  ],
  [
    "host-timescale without the chunk schema",
    { hostProfile: "tigerdata", schemas: [{ name: "public" }], tables: [], clickpipe: { replicationMode: "snapshot" } },
    'warning: source "orders-db": schemas = ["public"] is not allowed: a list that includes _timescaledb_internal when you replicate hypertables (their rows live in its chunk tables; https://clickhouse.com/docs/integrations/clickpipes/postgres/source/timescale) [host-timescale]',
  ],
  [
    "host-initial-load-only Tiger Data, pipe declared elsewhere",
    { hostProfile: "tigerdata", schemas: [{ name: "public" }, { name: "_timescaledb_internal" }], tables: [], clickpipe: undefined },
    'warning: source "orders-db": hostProfile = "tigerdata" is not allowed: a host with logical replication for a CDC pipe; create this source\'s pipe with replication mode snapshot: Tiger Cloud cannot enable logical replication, so only Initial Load Only pipes work there; for CDC run TimescaleDB yourself (hostProfile self-managed) (https://clickhouse.com/docs/integrations/clickpipes/postgres/source/timescale) [host-initial-load-only]',
  ],
  [
    "host-row-level-security Supabase without BYPASSRLS",
    { hostProfile: "supabase", host: "db.abcdefgh.supabase.co" },
    `warning: source "orders-db": user.bypassRowLevelSecurity = (missing) is not allowed: true when a replicated table has row-level security on (Supabase enables it; without BYPASSRLS the initial load reads none of its rows; https://clickhouse.com/docs/integrations/clickpipes/postgres/source/supabase); not set for you, as it widens the user's rights [host-row-level-security]`,
  ],
];
