/**
 * Cases of the generic source table (SOURCE_RULES), run on the valid example generic source
 * (test/helpers.ts genericSource) with the override applied: [name, override, the one error line]; SOURCE_WARNING_CASES for
 * rules that only warn.
 * Every rule of the table needs one (test/unit/rule-tree.test.ts checks).
 */
// One case per rule (and per branch of rules with several): the override, then the exact line.
export const SOURCE_CASES: [string, Record<string, unknown>, string][] = [
  ["postgres-version below 12", { postgresVersion: 11 }, 'error: source "orders-db": postgresVersion = 11 is not allowed: one of 12, 13, 14, 15, 16, 17, 18 (ClickPipes needs PostgreSQL 12 or later) [postgres-version]'],
  ["postgres-version unknown", { postgresVersion: 19 }, 'error: source "orders-db": postgresVersion = 19 is not allowed: one of 12, 13, 14, 15, 16, 17, 18 (ClickPipes needs PostgreSQL 12 or later) [postgres-version]'],
  ["source-name", { name: "9 bad name" }, `error: source "9 bad name": name = "9 bad name" is not allowed: a letter followed by letters, digits, '-' or '_', at most 63 characters [source-name]`],
  ["host with port", { host: "db.example.com:5432" }, 'error: source "orders-db": host = "db.example.com:5432" is not allowed: a host name or IP address without port, scheme or spaces (the port goes in port) [host]'],
  ["port-range high", { port: 70000 }, 'error: source "orders-db": port = 70000 is not allowed: an integer from 1 to 65535 [port-range]'],
  ["port-range zero", { port: 0 }, 'error: source "orders-db": port = 0 is not allowed: an integer from 1 to 65535 [port-range]'],
  ["identifier empty", { database: "" }, 'error: source "orders-db": database = "" is not allowed: a non-empty name of at most 63 bytes without dots, newlines or NUL bytes (this one is empty) [identifier]'],
  ["identifier too long", { user: { name: "u".repeat(64) } }, `error: source "orders-db": user.name = "${"u".repeat(64)}" is not allowed: a non-empty name of at most 63 bytes without dots, newlines or NUL bytes (this one is longer than 63 bytes) [identifier]`],
  ["identifier multi-byte too long", { user: { name: "é".repeat(32) } }, `error: source "orders-db": user.name = "${"é".repeat(32)}" is not allowed: a non-empty name of at most 63 bytes without dots, newlines or NUL bytes (this one is longer than 63 bytes) [identifier]`],
  ["identifier with a dot", { schemas: [{ name: "my.schema" }] }, 'error: source "orders-db": schemas[0].name = "my.schema" is not allowed: a non-empty name of at most 63 bytes without dots, newlines or NUL bytes (this one contains a dot) [identifier]'],
  ["identifier with NUL", { schemas: [{ name: "public", owners: ["a\u0000b"] }] }, 'error: source "orders-db": schemas[0].owners[0] = "a\\u0000b" is not allowed: a non-empty name of at most 63 bytes without dots, newlines or NUL bytes (this one contains a NUL byte) [identifier]'],
  ["identifier: table with a dot in its name", { tables: ["public.a.b"] }, 'error: source "orders-db": tables[0] (table part) = "a.b" is not allowed: a non-empty name of at most 63 bytes without dots, newlines or NUL bytes (this one contains a dot) [identifier]'],
  ["table-format", { tables: ["orders"] }, 'error: source "orders-db": tables[0] = "orders" is not allowed: a table written as schema.table [table-format]'],
  ["duplicate tables", { tables: ["public.a", "public.b", "public.a"] }, 'error: source "orders-db": tables[2] = "public.a" is not allowed: each table once (it is listed twice) [duplicate]'],
  ["duplicate schemas", { schemas: [{ name: "public" }, { name: "public" }] }, 'error: source "orders-db": schemas[1].name = "public" is not allowed: each schema once (it is listed twice) [duplicate]'],
  ["no schema and no table", { schemas: [], tables: [] }, 'error: source "orders-db": schemas = [] is not allowed: at least one schema or one table (schemas or tables) [objects]'],
  ["all tables with a table list", { publication: { allTables: true } }, 'error: source "orders-db": publication.allTables = true is not allowed: false when tables are listed (FOR ALL TABLES and FOR TABLE exclude each other) [objects]'],
  ["partition root on 12", { postgresVersion: 12, publication: { publishViaPartitionRoot: true } }, 'error: source "orders-db": publication.publishViaPartitionRoot = true is not allowed: false or unset on PostgreSQL 12 (the option exists from 13 on) [publication]'],
  ["unknown publish operation", { publication: { operations: ["insert", "upsert"] } }, 'error: source "orders-db": publication.operations[1] = "upsert" is not allowed: one of insert, update, delete, truncate [publication]'],
  ["unknown region", { clickhouse: { cloud: "aws", region: "moon-1" } }, 'error: source "orders-db": clickhouse.region = "moon-1" is not allowed: a region ClickHouse Cloud runs in on aws: af-south-1, ap-east-1, ap-east-2, ap-northeast-1, ap-northeast-2, ap-south-1, ap-southeast-1, ap-southeast-2, ap-southeast-3, ca-central-1, eu-central-1, eu-north-1, eu-west-1, eu-west-2, il-central-1, mx-central-1, sa-east-1, us-east-1, us-east-2, us-west-2 [region]'],
  ["unknown cloud", { clickhouse: { cloud: "ibm", region: "x" } }, 'error: source "orders-db": clickhouse.cloud = "ibm" is not allowed: one of aws, gcp, azure [region]'],
  ["bad service date", { clickhouse: { cloud: "aws", region: "eu-west-1", serviceCreatedOn: "20/01/2026" } }, 'error: source "orders-db": clickhouse.serviceCreatedOn = "20/01/2026" is not allowed: a date written YYYY-MM-DD [region]'],
  ["invalid CIDR", { network: { allowedCidrs: ["10.0.0.300/32"] } }, 'error: source "orders-db": network.allowedCidrs[0] = "10.0.0.300/32" is not allowed: an IPv4 or IPv6 CIDR such as 203.0.113.7/32 (this one has no valid IPv4 address) [cidr]'],
  ["CIDR prefix out of range", { network: { allowedCidrs: ["10.0.0.1/33"] } }, 'error: source "orders-db": network.allowedCidrs[0] = "10.0.0.1/33" is not allowed: an IPv4 or IPv6 CIDR such as 203.0.113.7/32 (this one has a prefix longer than /32) [cidr]'],
  ["empty CIDR list", { network: { allowedCidrs: [] } }, 'error: source "orders-db": network.allowedCidrs = [] is not allowed: a non-empty list of CIDRs, or leave it out to use the ClickPipes IPs of the region [cidr]'],
  ["0.0.0.0/0 without the flag", { network: { allowedCidrs: ["0.0.0.0/0"] } }, 'error: source "orders-db": network.allowedCidrs[0] = "0.0.0.0/0" is not allowed: specific CIDRs; the whole internet only with network.allowAnyAddress = true [open-to-world]'],
  ["::/0 without the flag", { network: { allowedCidrs: ["::/0"] } }, 'error: source "orders-db": network.allowedCidrs[0] = "::/0" is not allowed: specific CIDRs; the whole internet only with network.allowAnyAddress = true [open-to-world]'],
  ["max_wal_senders below 10", { serverSettings: { maxWalSenders: 4 } }, 'error: source "orders-db": serverSettings.maxWalSenders = 4 is not allowed: an integer of at least 10 [server-settings]'],
  ["max_replication_slots below 10", { serverSettings: { maxReplicationSlots: 2 } }, 'error: source "orders-db": serverSettings.maxReplicationSlots = 2 is not allowed: an integer of at least 10 [server-settings]'],
  ["max_slot_wal_keep_size on 12", { postgresVersion: 12, serverSettings: { maxSlotWalKeepSizeMb: 102400 } }, 'error: source "orders-db": serverSettings.maxSlotWalKeepSizeMb = 102400 is not allowed: unset on PostgreSQL 12 (the setting exists from 13 on) [server-settings]'],
  ["password version", { user: { passwordVersion: 0 } }, 'error: source "orders-db": user.passwordVersion = 0 is not allowed: an integer of at least 1 (bump it to rotate the password) [user]'],
  ["sslmode", { sslmode: "sometimes" }, 'error: source "orders-db": sslmode = "sometimes" is not allowed: one of disable, require, verify-ca, verify-full [user]'],
  ["host-profile unknown", { hostProfile: "heroku" }, 'error: source "orders-db": hostProfile = "heroku" is not allowed: one of supabase, neon, crunchybridge, planetscale, tigerdata, alloydb, cloudsql, azure, self-managed [host-profile]'],
  ["host-pooler Neon pooled endpoint", { hostProfile: "neon", host: "ep-cool-darkness-123456-pooler.eu-central-1.aws.neon.tech" }, 'error: source "orders-db": host = "ep-cool-darkness-123456-pooler.eu-central-1.aws.neon.tech" is not allowed: the direct endpoint (the host name without -pooler; pooled connections cannot replicate; https://clickhouse.com/docs/integrations/clickpipes/postgres/source/neon-postgres) [host-pooler]'],
  ["host-postgres-version AlloyDB 13", { hostProfile: "alloydb", postgresVersion: 13 }, 'error: source "orders-db": postgresVersion = 13 is not allowed: 14 or later on AlloyDB (logical replication exists from AlloyDB 14 on; https://clickhouse.com/docs/integrations/clickpipes/postgres/source/alloydb) [host-postgres-version]'],
];

/** Rules that only warn: [name, override, the exact warning line (the only finding)]. */
export const SOURCE_WARNING_CASES: [string, Record<string, unknown>, string][] = [
  ["wide-cidr IPv4 wider than /16", { network: { allowedCidrs: ["10.0.0.0/8"] } }, 'warning: source "orders-db": network.allowedCidrs[0] = "10.0.0.0/8" is not allowed: without a warning: IPv4 networks of /16 or narrower, IPv6 of /48 or narrower (this one, 10.0.0.0/8, opens the database port to 16777216 addresses) [wide-cidr]'],
  ["host-timescale without the chunk schema", { hostProfile: "tigerdata", schemas: [{ name: "public" }], tables: [] }, 'warning: source "orders-db": schemas = ["public"] is not allowed: a list that includes _timescaledb_internal when you replicate hypertables (their rows live in its chunk tables; https://clickhouse.com/docs/integrations/clickpipes/postgres/source/timescale) [host-timescale]'],
  ["host-row-level-security Supabase without BYPASSRLS", { hostProfile: "supabase", host: "db.abcdefgh.supabase.co" }, `warning: source "orders-db": user.bypassRowLevelSecurity = (missing) is not allowed: true when a replicated table has row-level security on (Supabase enables it; without BYPASSRLS the initial load reads none of its rows; https://clickhouse.com/docs/integrations/clickpipes/postgres/source/supabase); not set for you, as it widens the user's rights [host-row-level-security]`],
];
