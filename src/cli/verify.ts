/**
 * `cdktf-clickpipes verify`: preflight check of a live source as the ClickPipes user.
 * Exit 0 when nothing FAILs, 1 when a check FAILs, 2 when called wrongly or the source is unreachable.
 */
import type { CommandModule } from "./main";
import { CommandDoc, helpText } from "./args";
import { connectionUrl, parseWith, timeoutOption } from "./connection-args";
import { escapeControl } from "../util/text-file";
import { jsonText } from "../util/markdown";
import { collectSecrets, redact } from "../pg/secrets";

export { escapeControl };
import { formatReport } from "../verify/format";
import { parseTableName, splitList } from "../verify/names";
import { VerifyError, VerifyOptions } from "../verify/types";
import { DEFAULT_TIMEOUT_SECONDS, verifySource } from "../verify/verify";

export const VERIFY_DOC: CommandDoc = {
  command: "verify",
  usage: "[postgres://user@host:port/db | --url URL] [options]",
  description:
    "Connects as the ClickPipes user (the URL, a libpq key/value string, or PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGPASSFILE, PGSSLMODE; no sslmode means prefer: TLS first, then plain, as libpq) and checks that a ClickPipes Postgres pipe will work (PeerDB's checks and more). Read-only; the password is never printed.",
  options: [
    { name: "--url", value: "<url>", description: "connection string (or give it as the only positional argument)" },
    { name: "--publication", value: "<name>", description: "the publication the pipe reads" },
    { name: "--tables", value: "<s.t,s.u>", multiple: true, description: 'tables the pipe replicates (exact names; "quote" a part with a dot)' },
    { name: "--schemas", value: "<a,b>", multiple: true, description: "every table of these schemas" },
    { name: "--stack", value: "<dir|cdk.tf.json>", description: "take user, publication, tables, database, host, port from a synthesized stack" },
    {
      name: "--pipe",
      value: "<dir|cdk.tf.json>",
      description: "take the pipe's settings (replication mode, slot, failover slots, excluded columns, sorting keys) from a synthesized stack with a ClickPipe",
    },
    {
      name: "--admin",
      value: "<url>",
      description:
        "the admin login Terraform uses (postgres://tf_admin@host/db): also check it may create the FOR TABLE publication (owns every table, or superuser); host, port, database and sslmode default to the ClickPipes connection's, the password comes from this URL or ~/.pgpass",
    },
    { name: "--require-scram", description: "refuse cleartext and MD5 password requests (only SCRAM sends the password)" },
    { name: "--no-require-scram", description: "answer them (default: refused when the connection has no TLS)" },
    { name: "--slot-test", description: "also create and drop a temporary pgoutput slot" },
    { name: "--timeout", value: "<seconds>", description: `give up on a connection or query after this long (default ${DEFAULT_TIMEOUT_SECONDS})` },
    { name: "--json", description: "print the report as JSON (schemas/verify-report.schema.json)" },
  ],
  exitCodes: [
    [0, "nothing failed (warnings allowed)"],
    [1, "a check failed"],
    [2, "called wrongly, or the source could not be reached"],
  ],
  examples: ["PGPASSWORD=... cdktf-clickpipes verify postgres://clickpipes_user@db.example.com:5432/orders --stack cdktf.out/stacks/orders-db"],
};

/** The `--help` text of verify (generated from `VERIFY_DOC`). */
export const VERIFY_USAGE = helpText(VERIFY_DOC);

interface Parsed {
  readonly options: VerifyOptions;
  readonly json: boolean;
  readonly help: boolean;
}

/**
 * Parse the arguments with the shared parser (src/cli/args.ts: unknown options, missing values and
 * values given to flags get its one wording), then read the values. Throws `VerifyError` (one line)
 * for a wrong call.
 */
export function parseVerifyArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): Parsed {
  const { values: v, positionals, help } = parseWith(VERIFY_DOC, args);
  if (help) return { options: { env }, json: false, help };
  const str = (name: string) => v[name] as string | undefined;
  const list = (name: string) => (v[name] as string[] | undefined) ?? [];
  if (v["require-scram"] && v["no-require-scram"]) throw new VerifyError("--require-scram and --no-require-scram exclude each other");
  const requireScram = v["require-scram"] ? true : v["no-require-scram"] ? false : undefined;
  const admin = str("admin");
  if (admin === "") throw new VerifyError("--admin needs a connection URL (postgres://tf_admin@host/db)");
  const publication = str("publication");
  if (publication === "") throw new VerifyError("--publication needs a name");
  const tables = v.tables === undefined ? undefined : list("tables").flatMap((t) => splitList(t).map(parseTableName));
  const schemas = v.schemas === undefined ? undefined : list("schemas").flatMap((t) => splitList(t).map((s) => s.replace(/^"(.*)"$/, "$1").replace(/""/g, '"')));
  const timeoutSeconds = timeoutOption(str("timeout"));
  const url = connectionUrl(str("url"), positionals);
  const adminOptions = admin === undefined ? undefined : { url: admin, requireScram };
  return {
    options: { connection: { url, requireScram }, admin: adminOptions, publication, tables, schemas, stack: str("stack"), pipe: str("pipe"), slotTest: v["slot-test"] === true, timeoutSeconds, env },
    json: v.json === true,
    help,
  };
}

/**
 * Run verify with CLI arguments; write to stdout/stderr; return the exit code. Every byte written
 * passes `redact` with the secrets of every connection input (URL, key/value string, PGPASSWORD,
 * PGPASSFILE), the JSON report included, and text has its control characters escaped.
 */
export async function runVerify(
  args: readonly string[],
  rawIo: { out: (s: string) => void; err: (s: string) => void } = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const secrets = collectSecrets(args, env);
  const io = {
    out: (s: string) => rawIo.out(escapeControl(redact(s, secrets))),
    err: (s: string) => rawIo.err(escapeControl(redact(s, secrets))),
  };
  try {
    const parsed = parseVerifyArgs(args, env);
    if (parsed.help) {
      io.out(VERIFY_USAGE);
      return 0;
    }
    const report = await verifySource(parsed.options);
    // jsonText escapes C1 controls as \u00NN itself: escapeControl after it would write \xNN, not JSON.
    io.out(parsed.json ? jsonText(report) + "\n" : formatReport(report));
    return report.ok ? 0 : 1;
  } catch (e) {
    if (e instanceof VerifyError) {
      io.err(`cdktf-clickpipes verify: ${e.message}\n`);
      return 2;
    }
    io.err(`cdktf-clickpipes verify: unexpected error: ${String((e as Error)?.message ?? e).split("\n")[0]}\n`);
    return 2;
  }
}

export const verifyCommand: CommandModule = {
  run: (args) => runVerify(args),
};
