/**
 * Where and how verify connects: the options, a `postgres://` URL or a libpq key/value string
 * (`host=... dbname=...`), the PG* environment variables and the stack, in that order. The password
 * is never part of anything printed (see `secrets.ts`: every output line is redacted as well).
 */
import type { Client, ClientConfig } from "pg";
import { pgpassLookup, URL_PASSWORD, URL_SCHEME } from "./secrets";
import { ConnectionOptions, VerifyError, VerifyTarget } from "./types";

/** TLS of one connection attempt: `false` plain, else Node TLS options. */
export type TlsAttempt = false | { readonly rejectUnauthorized: boolean };

export interface ResolvedConnection {
  readonly target: VerifyTarget;
  /** Configuration for `new Client()` (holds the password; never print it). `ssl` is the first attempt's. */
  readonly config: ClientConfig;
  /** The libpq `sslmode` in force (`prefer` when none was given, as libpq). */
  readonly sslmode: string;
  /**
   * The transports to try, in order, as libpq does for the sslmode: `prefer` TLS then plain, `allow`
   * plain then TLS, every other mode one. A later one is tried when the server turns the earlier down.
   */
  readonly attempts: readonly TlsAttempt[];
  /** Refuse cleartext and MD5 password requests: true always, false never, undefined when no TLS protects the password. */
  readonly requireScram?: boolean;
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
  return url.replace(URL_PASSWORD, "$1:***@");
}

const TLS_NO_VERIFY: TlsAttempt = { rejectUnauthorized: false };

/**
 * The transports libpq tries for an `sslmode` (libpq docs, "SSL Mode Descriptions"; fe-connect.c):
 * `prefer` (also no sslmode) TLS first and plain when the server declines TLS or turns the TLS
 * connection down; `allow` plain first and TLS when the server turns the plain one down.
 * `require` encrypts without verifying, as libpq does.
 */
export function tlsAttempts(mode: string | undefined, where: string): readonly TlsAttempt[] {
  switch (mode) {
    case undefined:
    case "":
    case "prefer":
      return [TLS_NO_VERIFY, false];
    case "allow":
      return [false, TLS_NO_VERIFY];
    case "disable":
      return [false];
    case "require":
    case "no-verify":
      return [TLS_NO_VERIFY];
    case "verify-ca":
    case "verify-full":
      return [{ rejectUnauthorized: true }];
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

/** Keywords of a libpq key/value string that verify understands (others are refused by name). */
const CONNINFO_KEYWORDS = ["host", "hostaddr", "port", "dbname", "user", "password", "sslmode", "connect_timeout", "application_name"] as const;

/** Whether `text` is a libpq key/value connection string rather than a URL. */
export function isKeyValueConninfo(text: string): boolean {
  return !URL_SCHEME.test(text) && /^\s*[a-z_]+\s*=/i.test(text);
}

/**
 * Parse a libpq key/value string: `keyword = value` pairs separated by spaces; a value in single
 * quotes may hold spaces, `\'` and `\\`. Messages name keywords, never values.
 */
export function parseKeyValueConninfo(text: string): UrlParts {
  const pairs = new Map<string, string>();
  let i = 0;
  const n = text.length;
  const skipSpace = () => {
    while (i < n && /\s/.test(text[i]!)) i++;
  };
  skipSpace();
  while (i < n) {
    const key = /^[a-z_]+/i.exec(text.slice(i))?.[0];
    if (!key)
      throw new VerifyError(`--url: a key/value connection string must be keyword=value pairs (e.g. "host=db.example.com dbname=orders user=clickpipes_user"); a part at character ${i + 1} is not`);
    i += key.length;
    skipSpace();
    if (text[i] !== "=") throw new VerifyError(`--url: keyword "${key}" has no "=value" in the key/value connection string`);
    i++;
    skipSpace();
    let value = "";
    if (text[i] === "'") {
      i++;
      let closed = false;
      while (i < n) {
        const c = text[i++]!;
        if (c === "\\" && i < n) value += text[i++];
        else if (c === "'") {
          closed = true;
          break;
        } else value += c;
      }
      if (!closed) throw new VerifyError(`--url: the value of "${key}" has an unterminated quote in the key/value connection string`);
    } else {
      while (i < n && !/\s/.test(text[i]!)) {
        const c = text[i++]!;
        value += c === "\\" && i < n ? text[i++] : c;
      }
    }
    const lower = key.toLowerCase();
    if (!(CONNINFO_KEYWORDS as readonly string[]).includes(lower)) {
      throw new VerifyError(`--url: keyword "${key}" is not allowed in the connection string: allowed ${CONNINFO_KEYWORDS.join(", ")}`);
    }
    pairs.set(lower, value);
    skipSpace();
  }
  const port = pairs.get("port");
  const portNumber = port === undefined || port === "" ? undefined : Number(port);
  if (portNumber !== undefined && !(Number.isInteger(portNumber) && portNumber > 0 && portNumber < 65536)) {
    throw new VerifyError(`--url: port = "${port}" is not allowed: an integer from 1 to 65535`);
  }
  const opt = (k: string) => {
    const v = pairs.get(k);
    return v === undefined || v === "" ? undefined : v;
  };
  return {
    host: opt("host") ?? opt("hostaddr"),
    port: portNumber,
    database: opt("dbname"),
    user: opt("user"),
    password: opt("password"),
    sslmode: opt("sslmode"),
  };
}

/*
 * Why not pg-connection-string (2.x, a dependency of pg): it reads only URLs (no libpq key/value
 * strings, which verify and health accept); it accepts any scheme and passes unknown query
 * parameters on as client options, reading `sslcert`, `sslkey` and `sslrootcert` from disk as a URL
 * names them; and it maps sslmode its own way (`prefer` and `require` verify the certificate, with
 * a deprecation warning, unless `uselibpqcompat=true`; neither falls back to plain), where verify
 * keeps libpq's meaning and order (tlsAttempts). Six fields of a URL are needed; `URL` gives them.
 */
function parseUrl(url: string): UrlParts {
  if (isKeyValueConninfo(url)) return parseKeyValueConninfo(url);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new VerifyError(`--url: "${redactUrl(url)}" is not a connection URL; allowed: postgres://user@host:port/database or host=... dbname=... user=...`);
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
    password: dec(u.password) ?? u.searchParams.get("password") ?? undefined,
    sslmode: u.searchParams.get("sslmode") ?? undefined,
  };
}

/** Resolve the connection. Throws `VerifyError` for a bad URL, port or sslmode. */
export function resolveConnection(opts: ConnectionOptions, env: Readonly<Record<string, string | undefined>>, stack: StackDefaults, timeoutSeconds: number): ResolvedConnection {
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
  const password = opts.password ?? url.password ?? env.PGPASSWORD ?? pgpassLookup(env, { host, port, database, user });
  const sslmode = url.sslmode !== undefined ? url.sslmode : env.PGSSLMODE;
  const attempts = tlsAttempts(sslmode, url.sslmode !== undefined ? "--url" : "PGSSLMODE");
  const ms = Math.round(timeoutSeconds * 1000);
  return {
    target: { host, port, database, user },
    sslmode: sslmode || "prefer",
    attempts,
    requireScram: opts.requireScram,
    config: {
      host,
      port,
      database,
      user,
      password,
      ssl: attempts[0],
      connectionTimeoutMillis: ms,
      // The server cancels a statement after the timeout; the client gives up a little later.
      statement_timeout: ms,
      // A table another session holds locked answers "lock_not_available" instead of a hang.
      lock_timeout: lockTimeoutMs(timeoutSeconds),
      query_timeout: ms + 2000,
      application_name: "cdktf-clickpipes-verify",
    },
  };
}

/** How long a statement waits for a table lock: half the timeout, between 1 and 5 seconds. */
export function lockTimeoutMs(timeoutSeconds: number): number {
  return Math.max(1000, Math.min(5000, Math.round((timeoutSeconds * 1000) / 2)));
}

/** `user@host:port/database` (no password). */
export function describeTarget(t: VerifyTarget): string {
  const host = t.host.includes(":") ? `[${t.host}]` : t.host;
  return `${t.user}@${host}:${t.port}/${t.database}`;
}

/** Thrown (inside pg) when verify refuses to send the password in a weak form. */
class WeakPasswordRequest extends Error {
  constructor(
    kind: "cleartext" | "MD5",
    readonly always: boolean,
  ) {
    super(
      always
        ? `the server asked for the password ${kind === "MD5" ? "as an MD5 hash" : "in cleartext"} and --require-scram allows only SCRAM: use scram-sha-256 in pg_hba.conf (with password_encryption = 'scram-sha-256', then set the password again), or drop --require-scram`
        : `the server asked for the password ${kind === "MD5" ? "as an MD5 hash" : "in cleartext"} over a connection without TLS; verify sends a password unprotected by TLS only through SCRAM: use scram-sha-256 in pg_hba.conf (with password_encryption = 'scram-sha-256', then set the password again), or connect with sslmode=require, or pass --no-require-scram to send it anyway`,
    );
  }
}

/**
 * A client for one attempt. With a password and SCRAM required (or, by default, on a connection
 * without TLS) the password is handed to pg through a function that refuses when the server asked
 * for it in cleartext or as MD5: pg reads the password only after the authentication request's event,
 * so nothing is sent.
 */
function newClient(resolved: ResolvedConnection, ssl: TlsAttempt, extra: Partial<ClientConfig>): Client {
  // Loaded here, not at import: the package root and the other CLI commands never load a database client.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load
  const { Client: PgClient } = require("pg") as typeof import("pg");
  const password = resolved.config.password;
  const guard = typeof password === "string" && resolved.requireScram !== false;
  let refused: WeakPasswordRequest | undefined;
  const config: ClientConfig = { ...resolved.config, ssl, ...extra };
  if (guard) {
    config.password = () => {
      if (refused) throw refused;
      return password;
    };
  }
  const client: Client = new PgClient(config);
  client.on("error", () => {}); // a dropped connection surfaces as a failed query, not as a crash
  if (guard) {
    // `connection` is pg's protocol object (not in its types); its events carry the server's auth requests.
    const con = (client as unknown as { connection: NodeJS.EventEmitter & { stream?: { encrypted?: boolean } } }).connection;
    const weak = (kind: "cleartext" | "MD5") => () => {
      const tls = con.stream?.encrypted === true;
      if (resolved.requireScram === true || !tls) refused = new WeakPasswordRequest(kind, resolved.requireScram === true);
    };
    con.on("authenticationCleartextPassword", weak("cleartext"));
    con.on("authenticationMD5Password", weak("MD5"));
  }
  return client;
}

/** Whether an attempt failed before the server could answer (no other transport helps). */
function unreachable(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException)?.code;
  const msg = String((e as Error)?.message ?? e);
  return msg === "__timeout__" || /timeout expired/i.test(msg) || ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"].includes(code ?? "");
}

/**
 * Connect, trying the sslmode's transports in libpq's order, and return the client with the
 * connection narrowed to the transport that worked (later connections use it). Throws
 * `VerifyError` with one line naming the target (never the password) and the reason.
 */
export async function connectNegotiated(
  resolved: ResolvedConnection,
  timeoutSeconds: number,
  extra: Partial<ClientConfig> = {},
): Promise<{ client: Client; connection: ResolvedConnection; tls: boolean }> {
  const where = describeTarget(resolved.target);
  const failures: { ssl: TlsAttempt; error: unknown }[] = [];
  for (const ssl of resolved.attempts) {
    const client = newClient(resolved, ssl, extra);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("__timeout__")), timeoutSeconds * 1000 + 500);
    });
    try {
      await Promise.race([client.connect(), timeout]);
      return { client, connection: { ...resolved, attempts: [ssl], config: { ...resolved.config, ssl } }, tls: ssl !== false };
    } catch (e) {
      client.end().catch(() => {});
      failures.push({ ssl, error: e });
      // Another transport cannot help when the server is unreachable or SCRAM is required on every transport.
      if (unreachable(e) || (e instanceof WeakPasswordRequest && e.always)) break;
    } finally {
      clearTimeout(timer);
    }
  }
  const last = failures[failures.length - 1]!.error;
  const msg = String((last as Error)?.message ?? last);
  if (msg === "__timeout__" || /timeout expired/i.test(msg)) {
    throw new VerifyError(`could not connect to ${where}: no answer within ${timeoutSeconds} s (timeout); check host, port, firewall and that it is PostgreSQL (--timeout to wait longer)`);
  }
  const text = (e: unknown) => (e instanceof WeakPasswordRequest ? e.message : connectionErrorText(e, resolved.config.password !== undefined));
  // A server that declines TLS is no failure for prefer (libpq goes on without a word); other first failures are told.
  const declined = (e: unknown) => /^The server does not support SSL connections$/.test(String((e as Error)?.message));
  const earlier =
    failures.length > 1 && !declined(failures[0].error) ? ` (sslmode=${resolved.sslmode}: tried ${failures[0].ssl === false ? "without TLS" : "TLS"} first: ${text(failures[0].error)})` : "";
  throw new VerifyError(`could not connect to ${where}: ${text(last)}${earlier}`);
}

/** `connectNegotiated` for callers that need only the client. */
export async function connect(resolved: ResolvedConnection, timeoutSeconds: number, extra: Partial<ClientConfig> = {}): Promise<Client> {
  return (await connectNegotiated(resolved, timeoutSeconds, extra)).client;
}

/** One line for a connection error. */
export function connectionErrorText(e: unknown, passwordGiven = true): string {
  const err = e as NodeJS.ErrnoException & { message?: string };
  if (!passwordGiven && isPasswordRequest(e)) return MISSING_PASSWORD_TEXT;
  if (err?.code === "ECONNREFUSED") return "connection refused (is the server running and listening on that port?)";
  if (err?.code === "ENOTFOUND" || err?.code === "EAI_AGAIN") return `host not found (${err.code})`;
  if (err?.code === "ECONNRESET") return "connection reset by the server";
  const text = String(err?.message ?? e).split("\n")[0];
  return text === "Connection terminated unexpectedly" ? "the server closed the connection during startup (not PostgreSQL, or SSL required: try sslmode=require)" : text;
}

/** What verify says when the server wants a password and none was given. */
export const MISSING_PASSWORD_TEXT = "the server asks for a password and none was given: put it in the URL or key/value string, in PGPASSWORD, or in PGPASSFILE (~/.pgpass)";

/**
 * The errors a server's password request ends in when the client has none: SCRAM ("client password
 * must be a string", from node-postgres), cleartext ("empty password returned by client") and md5
 * (SQLSTATE 28P01, the same as a wrong password: only called when no password was given).
 */
export function isPasswordRequest(e: unknown): boolean {
  const err = e as { message?: string; code?: string };
  const msg = String(err?.message ?? e);
  return /client password must be a string/.test(msg) || /empty password returned by client/.test(msg) || err?.code === "28P01";
}
