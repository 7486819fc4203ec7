/**
 * `cdktf-clickpipes verify`: preflight check of a live source as the ClickPipes user.
 * Exit 0 when nothing FAILs, 1 when a check FAILs, 2 when called wrongly or the source is unreachable.
 */
import type { CommandModule } from "./main";
import { CommandDoc, helpText, needsValue, unknownIn, unknownOption, withHelpHint } from "./args";
import { redactUrl } from "../pg/connection";
import { escapeControl } from "../util/text-file";
import { collectSecrets, redact } from "../pg/secrets";

export { escapeControl };
import { formatReport } from "../verify/format";
import { parseTableName, splitList } from "../verify/names";
import { TableName, VerifyError, VerifyOptions } from "../verify/types";
import { DEFAULT_TIMEOUT_SECONDS, verifySource } from "../verify/verify";

export const VERIFY_DOC: CommandDoc = {
  command: "verify",
  usage: "[postgres://user@host:port/db | --url URL] [options]",
  description:
    "Connects as the ClickPipes user (the URL, a libpq key/value string, or PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGPASSFILE, PGSSLMODE; no sslmode means prefer: TLS first, then plain, as libpq) and checks that a ClickPipes Postgres pipe will work (PeerDB's checks and more). Read-only; the password is never printed.",
  options: [
    { name: "--url", value: "<url>", description: "connection string (or give it as the only positional argument)" },
    { name: "--publication", value: "<name>", description: "the publication the pipe reads" },
    { name: "--tables", value: "<s.t,s.u>", description: 'tables the pipe replicates (exact names; "quote" a part with a dot)' },
    { name: "--schemas", value: "<a,b>", description: "every table of these schemas" },
    { name: "--stack", value: "<dir|cdk.tf.json>", description: "take user, publication, tables, database, host, port from a synthesized stack" },
    { name: "--pipe", value: "<dir|cdk.tf.json>", description: "take the pipe's settings (replication mode, slot, failover slots, excluded columns, sorting keys) from a synthesized stack with a ClickPipe" },
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

/** Parse the arguments. Throws `VerifyError` (one line) for a wrong call. */
export function parseVerifyArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): Parsed {
  let url: string | undefined;
  let publication: string | undefined;
  let tables: TableName[] | undefined;
  let schemas: string[] | undefined;
  let stack: string | undefined;
  let pipe: string | undefined;
  let slotTest = false;
  let admin: string | undefined;
  let requireScram: boolean | undefined;
  let json = false;
  let help = false;
  let timeoutSeconds: number | undefined;
  const withValue = ["--url", "--publication", "--tables", "--schemas", "--stack", "--pipe", "--timeout", "--admin"];
  for (let i = 0; i < args.length; i++) {
    let arg = args[i];
    let value: string | undefined;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (arg.startsWith("-")) {
      const unknown = unknownIn(VERIFY_DOC, arg);
      if (unknown) throw new VerifyError(unknown);
    }
    if (withValue.includes(arg) && value === undefined) {
      value = args[++i];
      if (value === undefined) throw new VerifyError(withHelpHint("verify", needsValue(arg)));
    }
    switch (arg) {
      case "--help":
      case "-h":
        help = true;
        break;
      case "--json":
        json = true;
        break;
      case "--slot-test":
        slotTest = true;
        break;
      case "--require-scram":
      case "--no-require-scram":
        if (requireScram !== undefined && requireScram !== (arg === "--require-scram")) throw new VerifyError("--require-scram and --no-require-scram exclude each other");
        requireScram = arg === "--require-scram";
        break;
      case "--admin":
        if (!value) throw new VerifyError("--admin needs a connection URL (postgres://tf_admin@host/db)");
        admin = value;
        break;
      case "--url":
        url = value;
        break;
      case "--publication":
        if (!value) throw new VerifyError("--publication needs a name");
        publication = value;
        break;
      case "--tables":
        tables = [...(tables ?? []), ...splitList(value!).map(parseTableName)];
        break;
      case "--schemas":
        schemas = [...(schemas ?? []), ...splitList(value!).map((s) => s.replace(/^"(.*)"$/, "$1").replace(/""/g, '"'))];
        break;
      case "--stack":
        stack = value;
        break;
      case "--pipe":
        pipe = value;
        break;
      case "--timeout": {
        const n = Number(value);
        if (!(value !== "" && Number.isFinite(n) && n >= 1 && n <= 3600)) {
          throw new VerifyError(`--timeout = "${value}" is not allowed: a number of seconds from 1 to 3600`);
        }
        timeoutSeconds = n;
        break;
      }
      default:
        if (arg.startsWith("-")) throw new VerifyError(withHelpHint("verify", unknownOption(arg)));
        if (url !== undefined) throw new VerifyError(`unexpected argument "${redactUrl(arg)}": give one connection URL`);
        url = arg;
    }
  }
  const adminOptions = admin === undefined ? undefined : { url: admin, requireScram };
  return { options: { connection: { url, requireScram }, admin: adminOptions, publication, tables, schemas, stack, pipe, slotTest, timeoutSeconds, env }, json, help };
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
    io.out(parsed.json ? JSON.stringify(report, null, 2) + "\n" : formatReport(report));
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
