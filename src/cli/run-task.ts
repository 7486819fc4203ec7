/**
 * `cdktf-clickpipes run-task`: the HCP Terraform run task server (src/runtask). Runs until SIGTERM
 * or SIGINT, then stops accepting, lets running jobs finish (up to `--shutdown-timeout`) and exits
 * 0. Exit 2 when called wrongly, without `CLICKPIPES_RUN_TASK_HMAC_KEY`, or when it cannot listen.
 */
import { startRunTaskServer } from "../runtask/server";
import { collectAllowances } from "./allow";
import type { CommandModule } from "./main";
import { CommandDoc, expectPositionals, ParsedCommand, runCommand, UsageError } from "./args";

export const HMAC_KEY_ENV = "CLICKPIPES_RUN_TASK_HMAC_KEY";

export const RUN_TASK_DOC: CommandDoc = {
  command: "run-task",
  usage: "[options]",
  description: `An HCP Terraform run task server: verifies each request's HMAC signature (the key from ${HMAC_KEY_ENV}), answers at once, downloads the run's plan JSON, runs the guard on it and reports passed or failed to HCP Terraform's callback. /healthz answers 200. Runs until SIGTERM or SIGINT, then lets running jobs finish.`,
  options: [
    { name: "--host", value: "<address>", description: "address to listen on (default 127.0.0.1)" },
    { name: "--port", value: "<port>", description: "port to listen on (default 8080; 0 picks a free port)" },
    { name: "--allow", value: "[<stack>:]<address>", multiple: true, description: "a blocked change is deliberate (or comma-separate)" },
    { name: "--allow-file", value: "<file>", description: "allowances from a file: one [<stack>:]<address> per line, # starts a comment" },
    { name: "--max-concurrent", value: "<n>", description: "plans judged at once (default 4)" },
    { name: "--max-queued", value: "<n>", description: "requests waiting beyond those (default 64; more get 503)" },
    { name: "--max-plan-mb", value: "<n>", description: "largest plan JSON downloaded, MiB (default 64, as guard reads a plan file)" },
    { name: "--shutdown-timeout", value: "<seconds>", description: "how long running jobs may finish after SIGTERM (default 30)" },
  ],
  exitCodes: [
    [0, "stopped by SIGTERM or SIGINT"],
    [2, `called wrongly, ${HMAC_KEY_ENV} not set, or it cannot listen`],
  ],
  examples: [`${HMAC_KEY_ENV}=... npx cdktf-clickpipes run-task --host 0.0.0.0 --port 8080`],
};

function positiveInt(name: string, value: string | undefined, def: number, min: number): number {
  if (value === undefined) return def;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > 1e9) throw new Error(`--${name} ${JSON.stringify(value)} is not a whole number ${min} or more`);
  return n;
}

export async function runRunTask(args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  return runCommand(RUN_TASK_DOC, args, { out, err }, (parsed) => serve(parsed, out, err));
}

async function serve(parsed: ParsedCommand, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  expectPositionals(parsed.positionals, 0, 0, "no arguments but options");
  const fail = (line: string): never => {
    throw new UsageError(line);
  };
  const v = parsed.values as Record<string, string | undefined> & { allow?: string[] };
  let port: number, maxConcurrent: number, maxQueued: number, maxPlanMb: number, shutdownS: number;
  try {
    port = positiveInt("port", v.port, 8080, 0);
    if (port > 65535) throw new Error(`--port ${port} is over 65535`);
    maxConcurrent = positiveInt("max-concurrent", v["max-concurrent"], 4, 1);
    maxQueued = positiveInt("max-queued", v["max-queued"], 64, 0);
    maxPlanMb = positiveInt("max-plan-mb", v["max-plan-mb"], 64, 1);
    shutdownS = positiveInt("shutdown-timeout", v["shutdown-timeout"], 30, 0);
  } catch (e) {
    return fail((e as Error).message);
  }
  const key = process.env[HMAC_KEY_ENV];
  if (!key) {
    err.write(`cdktf-clickpipes run-task: ${HMAC_KEY_ENV} is not set; set it to the HMAC key of the run task in HCP Terraform\n`);
    return 2;
  }
  const allow = collectAllowances(v.allow, v["allow-file"]);
  let server;
  try {
    server = await startRunTaskServer({
      hmacKey: key,
      host: v.host ?? "127.0.0.1",
      port,
      allow,
      maxConcurrent,
      maxQueued,
      fetch: { maxBytes: maxPlanMb * 1024 * 1024 },
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err.write(`cdktf-clickpipes run-task: cannot listen on ${v.host ?? "127.0.0.1"}:${port}: ${code ?? (e as Error).message}\n`);
    return 2;
  }
  out.write(`cdktf-clickpipes run-task: listening on ${server.url}\n`);
  const s = server;
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.off("SIGTERM", onTerm);
      process.off("SIGINT", onInt);
      err.write(JSON.stringify({ time: new Date().toISOString(), event: "signal", signal }) + "\n");
      s.close(shutdownS * 1000).then(() => resolve());
    };
    const onTerm = () => stop("SIGTERM");
    const onInt = () => stop("SIGINT");
    process.on("SIGTERM", onTerm);
    process.on("SIGINT", onInt);
  });
  return 0;
}

export const RUN_TASK_COMMAND: CommandModule = {
  run: (a) => runRunTask(a),
};
