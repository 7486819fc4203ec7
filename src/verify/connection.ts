/**
 * Where and how verify connects: the options, a `postgres://` URL, the PG* environment variables
 * and the stack, in that order. The password is never part of anything printed.
 */
import type { Client, ClientConfig } from "pg";
import { ConnectionOptions, VerifyError, VerifyTarget } from "./types";

export interface ResolvedConnection {
  readonly target: VerifyTarget;
  /** Configuration for `new Client()` (holds the password; never print it). */
  readonly config: ClientConfig;
}

export interface StackDefaults {
  readonly user?: string;
  readonly database?: string;
  readonly host?: string;
  readonly port?: number;
}

/**
 * `url` with its password replaced by `***` (for messages). Everything between the user's `:` and
 * the last `@` goes, so an unencoded password with `:`, `/` or `@` in it is not half-printed.
 */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):.*@/i, "$1:***@");
}

/** `ssl` option of `pg` for a libpq `sslmode`. `require` encrypts without verifying, as libpq does. */
function sslFor(mode: string | undefined, where: string): ClientConfig["ssl"] {
  switch (mode) {
    case undefined:
    case "":
    case "disable":
    case "allow":
      return false;
    case "prefer":
    case "require":
    case "no-verify":
      return { rejectUnauthorized: false };
    case "verify-ca":
    case "verify-full":
      return { rejectUnauthorized: true };
    default:
      throw new VerifyError(`${where}: sslmode = "${mode}" is not allowed: allowed disable, allow, prefer, require, verify-ca, verify-full`);
  }
}

interface UrlParts {
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  sslmode?: string;
}

function parseUrl(url: string): UrlParts {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new VerifyError(`--url: "${redactUrl(url)}" is not a connection URL; allowed: postgres://user@host:port/database`);
  }
  if (u.protocol !== "postgres:" && u.protocol !== "postgresql:") {
    throw new VerifyError(`--url: scheme "${u.protocol}" is not allowed: allowed postgres:// or postgresql://`);
  }
  const dec = (s: string) => (s === "" ? undefined : decodeURIComponent(s));
  const port = u.port === "" ? undefined : Number(u.port);
  const host = u.hostname.replace(/^\[(.*)\]$/, "$1");
  return {
    host: host === "" ? undefined : decodeURIComponent(host),
    port,
    database: dec(u.pathname.replace(/^\//, "")),
    user: dec(u.username),
    password: dec(u.password),
    sslmode: u.searchParams.get("sslmode") ?? undefined,
  };
}

/** Resolve the connection. Throws `VerifyError` for a bad URL, port or sslmode. */
export function resolveConnection(
  opts: ConnectionOptions,
  env: Readonly<Record<string, string | undefined>>,
  stack: StackDefaults,
  timeoutSeconds: number,
): ResolvedConnection {
  const url = opts.url ? parseUrl(opts.url) : {};
  const envPort = env.PGPORT ? Number(env.PGPORT) : undefined;
  if (envPort !== undefined && !(Number.isInteger(envPort) && envPort > 0 && envPort < 65536)) {
    throw new VerifyError(`PGPORT = "${env.PGPORT}" is not allowed: an integer from 1 to 65535`);
  }
  const user = opts.user ?? url.user ?? env.PGUSER ?? stack.user;
  if (!user) throw new VerifyError("no user to connect as: pass --url postgres://clickpipes_user@host/db, set PGUSER, or pass --stack");
  const host = opts.host ?? url.host ?? env.PGHOST ?? stack.host ?? "localhost";
  const port = opts.port ?? url.port ?? envPort ?? stack.port ?? 5432;
  const database = opts.database ?? url.database ?? env.PGDATABASE ?? stack.database ?? user;
  const password = opts.password ?? url.password ?? env.PGPASSWORD;
  const ssl = url.sslmode !== undefined ? sslFor(url.sslmode, "--url") : sslFor(env.PGSSLMODE, "PGSSLMODE");
  const ms = Math.round(timeoutSeconds * 1000);
  return {
    target: { host, port, database, user },
    config: {
      host,
      port,
      database,
      user,
      password,
      ssl,
      connectionTimeoutMillis: ms,
      // The server cancels a statement after the timeout; the client gives up a little later.
      statement_timeout: ms,
      query_timeout: ms + 2000,
      application_name: "cdktf-clickpipes-verify",
    },
  };
}

/** `user@host:port/database` (no password). */
export function describeTarget(t: VerifyTarget): string {
  const host = t.host.includes(":") ? `[${t.host}]` : t.host;
  return `${t.user}@${host}:${t.port}/${t.database}`;
}

/**
 * Connect, giving up after the timeout. Throws `VerifyError` with one line naming the target
 * (never the password) and the reason.
 */
export async function connect(resolved: ResolvedConnection, timeoutSeconds: number, extra: Partial<ClientConfig> = {}): Promise<Client> {
  // Loaded here, not at import: the package root and the other CLI commands never load a database client.
  const { Client: PgClient } = require("pg") as typeof import("pg");
  const client: Client = new PgClient({ ...resolved.config, ...extra });
  client.on("error", () => {}); // a dropped connection surfaces as a failed query, not as a crash
  const where = describeTarget(resolved.target);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("__timeout__")), timeoutSeconds * 1000 + 500);
  });
  try {
    await Promise.race([client.connect(), timeout]);
    return client;
  } catch (e) {
    client.end().catch(() => {});
    const msg = (e as Error).message ?? String(e);
    if (msg === "__timeout__" || /timeout expired/i.test(msg)) {
      throw new VerifyError(`could not connect to ${where}: no answer within ${timeoutSeconds} s (timeout); check host, port, firewall and that it is PostgreSQL (--timeout to wait longer)`);
    }
    throw new VerifyError(`could not connect to ${where}: ${connectionErrorText(e)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** One line for a connection error. */
export function connectionErrorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { message?: string };
  if (err?.code === "ECONNREFUSED") return "connection refused (is the server running and listening on that port?)";
  if (err?.code === "ENOTFOUND" || err?.code === "EAI_AGAIN") return `host not found (${err.code})`;
  if (err?.code === "ECONNRESET") return "connection reset by the server";
  const text = String(err?.message ?? e).split("\n")[0];
  return text === "Connection terminated unexpectedly" ? "the server closed the connection during startup (not PostgreSQL, or SSL required: try sslmode=require)" : text;
}
