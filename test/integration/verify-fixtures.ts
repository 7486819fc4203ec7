/** Shared setup of the verify integration suites: databases prepared like the default generic stack. */
import * as fs from "node:fs";
import * as path from "node:path";
import { App, Testing } from "../../src/internal/tf";
import { GenericSourceConfig } from "../../src/model/app-config";
import { runVerify } from "../../src/cli/verify";
import { config } from "../../stacks/config";
import { GenericPostgresStack } from "../../stacks/generic-postgres-stack";
import { PgServer } from "../harness";

export const CP_USER = "clickpipes_user";
export const CP_PASSWORD = "cp-test-password";
export const PUBLICATION = "clickpipes_publication";

/** The default generic source of `stacks/config.ts`, pointed at a test server. */
export function defaultSource(server: PgServer, database: string): GenericSourceConfig {
  const source = config.sources[0] as GenericSourceConfig;
  return { ...source, host: server.host, port: server.port, database, postgresVersion: server.major };
}

/** Synthesize the default generic stack for a test database into `dir/cdk.tf.json`; returns the file. */
export function synthDefaultStack(server: PgServer, database: string, dir: string): string {
  const app = Testing.app({ stackTraces: false }) as App;
  const stack = new GenericPostgresStack(app, defaultSource(server, database), undefined, () => {});
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "cdk.tf.json");
  fs.writeFileSync(file, Testing.synth(stack));
  return file;
}

/**
 * The application's own objects the default stack expects: schemas, the owner role, and the four
 * tables of `stacks/config.ts` (primary keys; the one with a text column is REPLICA IDENTITY FULL).
 */
export const APP_TABLES_SQL = [
  "CREATE SCHEMA sales",
  "CREATE SCHEMA inventory",
  "CREATE TABLE public.customers (id bigint PRIMARY KEY, created_at timestamptz NOT NULL)",
  "CREATE TABLE public.orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, amount_cents bigint, ordered_at timestamptz)",
  "CREATE TABLE sales.invoices (id bigint PRIMARY KEY, order_id bigint, note text)",
  "ALTER TABLE sales.invoices REPLICA IDENTITY FULL",
  "CREATE TABLE inventory.stock_levels (sku uuid PRIMARY KEY, quantity integer NOT NULL)",
];

/**
 * What the default generic stack does on the database (user, grants, default privileges,
 * publication), as plain SQL. Server-wide: the role (created once per server).
 */
export function stackObjectsSql(major: number): string[] {
  const via = major >= 13 ? ", publish_via_partition_root = true" : "";
  return [
    "GRANT USAGE ON SCHEMA public TO clickpipes_user",
    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO clickpipes_user",
    "ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT SELECT ON TABLES TO clickpipes_user",
    "GRANT USAGE ON SCHEMA sales TO clickpipes_user",
    "GRANT SELECT ON ALL TABLES IN SCHEMA sales TO clickpipes_user",
    "ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA sales GRANT SELECT ON TABLES TO clickpipes_user",
    "ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA sales GRANT SELECT ON TABLES TO clickpipes_user",
    "GRANT USAGE ON SCHEMA inventory TO clickpipes_user",
    "GRANT SELECT ON inventory.stock_levels TO clickpipes_user",
    `CREATE PUBLICATION clickpipes_publication FOR TABLE inventory.stock_levels, public.customers, public.orders, sales.invoices WITH (publish = 'insert, update, delete, truncate'${via})`,
  ];
}

/** Roles every scenario server needs (cluster-wide). */
export const ROLES_SQL = [`CREATE ROLE clickpipes_user LOGIN REPLICATION PASSWORD '${CP_PASSWORD}'`, "CREATE ROLE app_owner"];

/** Create a database and run statements in it as the admin. */
export async function createDatabase(server: PgServer, name: string, statements: readonly string[]): Promise<void> {
  await server.query(`CREATE DATABASE ${name}`);
  const admin = await server.adminClient(name);
  try {
    for (const sql of statements) await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** `postgres://user:password@host:port/db`. */
export function url(server: PgServer, database: string, user = CP_USER, password = CP_PASSWORD): string {
  return `postgres://${user}:${encodeURIComponent(password)}@${server.host}:${server.port}/${database}`;
}

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Run `cdktf-clickpipes verify` in-process (same code path as the bin), with an empty PG* environment. */
export async function cli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await runVerify(args, { out: (s) => void (out += s), err: (s) => void (err += s) }, env);
  return { code, out, err };
}
