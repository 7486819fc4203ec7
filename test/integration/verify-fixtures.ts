/** Shared setup of the verify integration suites: databases prepared like the default generic stack. */
import * as fs from "node:fs";
import * as path from "node:path";
import { App, Testing } from "../../src/tf/tf";
import { GenericSourceConfig } from "../../src/model/app-config";
import { runVerify } from "../../src/cli/verify";
import { config } from "../../stacks/config";
import { GenericPostgresStack } from "../../src/app/generic-postgres-stack";
import { renderStackSql } from "../../src/render/sql";
import { CheckId, CheckResult, VerifyReport } from "../../src/verify/types";
import { PgServer, runPsqlScript } from "../support/harness";

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
  const stack = new GenericPostgresStack(app, defaultSource(server, database));
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
 * Prepare `database` the way the default generic stack would: synthesize it for this server and
 * database into `dir`, render its SQL with `renderStackSql` (the `cdktf-clickpipes sql` preview) and
 * run that as the admin, as `psql -v clickpipes_password=... -f` would. Returns the stack file.
 */
export async function applyDefaultStack(server: PgServer, database: string, dir: string): Promise<string> {
  const file = synthDefaultStack(server, database, dir);
  const rendered = renderStackSql(file);
  if (rendered.notRendered.length > 0) throw new Error(`not rendered: ${rendered.notRendered.join("; ")}`);
  const admin = await server.adminClient(database);
  try {
    await runPsqlScript(admin, rendered.sql, { clickpipes_password: CP_PASSWORD });
  } finally {
    await admin.end();
  }
  return file;
}

/** The ClickPipes role as the stack creates it (for servers that do not run the stack's SQL). */
export const CLICKPIPES_ROLE_SQL = `CREATE ROLE clickpipes_user LOGIN REPLICATION PASSWORD '${CP_PASSWORD}'`;
/** The owner role the default stack's default privileges name (cluster-wide; create it first). */
export const APP_OWNER_SQL = "CREATE ROLE app_owner NOLOGIN";

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

/** The result of one check of a report (throws when the report lacks it). */
export function check(report: VerifyReport, id: CheckId): CheckResult {
  const c = report.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
}
