/**
 * What a connection to a live source is made of, shared by verify and health: the options, where
 * it connected, and the one error of a call that cannot run (a wrong option, no connection).
 */

/** How to reach the source. Fields left out come from the PG* environment variables, then the stack. */
export interface ConnectionOptions {
  /** `postgres://user:password@host:port/database?sslmode=...`. @default - PG* environment variables */
  readonly url?: string;
  /** @default - from `url`, `PGHOST`, the stack's `host` output, then `localhost` */
  readonly host?: string;
  /** @default - from `url`, `PGPORT`, the stack's `port` output, then 5432 */
  readonly port?: number;
  /** @default - from `url`, `PGDATABASE`, the stack's database, then the user name */
  readonly database?: string;
  /** The ClickPipes user. @default - from `url`, `PGUSER`, the stack's role */
  readonly user?: string;
  /** @default - from `url`, `PGPASSWORD`, or ~/.pgpass */
  readonly password?: string;
  /**
   * Refuse to answer a cleartext or MD5 password request (exit 2 with one line): only SCRAM may
   * carry the password. `false` answers every request.
   * @default - on when a password is sent over a connection without TLS, off over TLS
   */
  readonly requireScram?: boolean;
}

/** Where the report connected (never the password). */
export interface VerifyTarget {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

/** Thrown when verify cannot run at all (bad options, unreadable stack, no connection). Exit code 2. */
export class VerifyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VerifyError";
  }
}
