/**
 * `cdktf-clickpipes run-task`: the HCP Terraform run task server (src/runtask). Runs until SIGTERM
 * or SIGINT, then stops accepting, lets running jobs finish (up to `--shutdown-timeout`) and exits
 * 0. Exit 2 when called wrongly, without `CLICKPIPES_RUN_TASK_HMAC_KEY`, or when it cannot listen.
 */
import { parseArgs } from "node:util";
import { startRunTaskServer } from "../runtask/server";
import { escapeLine } from "../internal/markdown";
import { AllowFileError, collectAllowances } from "./allow";
import type { CommandModule } from "./main";

export const HMAC_KEY_ENV = "CLICKPIPES_RUN_TASK_HMAC_KEY";

const USAGE = `usage: cdktf-clickpipes run-task [--host 127.0.0.1] [--port 8080] [--allow <address>]... [--allow-file <file>]
       [--max-concurrent 4] [--max-queued 64] [--max-plan-mb 256] [--shutdown-timeout 30]
The HMAC key of the run task is read from ${HMAC_KEY_ENV}. --port 0 picks a free port.
Exit codes: 0 stopped by SIGTERM/SIGINT, 2 called wrongly or cannot listen.
Example: ${HMAC_KEY_ENV}=... npx cdktf-clickpipes run-task --host 0.0.0.0 --port 8080`;

function positiveInt(name: string, value: string | undefined, def: number, min: number): number {
  if (value === undefined) return def;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > 1e9) throw new Error(`--${name} ${JSON.stringify(value)} is not a whole number ${min} or more`);
  return n;
}

export async function runRunTask(args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const fail = (line: string) => {
    err.write(`cdktf-clickpipes run-task: ${line}\n${USAGE}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      options: {
        host: { type: "string" },
        port: { type: "string" },
        allow: { type: "string", multiple: true },
        "allow-file": { type: "string" },
        "max-concurrent": { type: "string" },
        "max-queued": { type: "string" },
        "max-plan-mb": { type: "string" },
        "shutdown-timeout": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) {
    out.write(USAGE + "\n");
    return 0;
  }
  let port: number, maxConcurrent: number, maxQueued: number, maxPlanMb: number, shutdownS: number;
  try {
    port = positiveInt("port", v.port, 8080, 0);
    if (port > 65535) throw new Error(`--port ${port} is over 65535`);
    maxConcurrent = positiveInt("max-concurrent", v["max-concurrent"], 4, 1);
    maxQueued = positiveInt("max-queued", v["max-queued"], 64, 0);
    maxPlanMb = positiveInt("max-plan-mb", v["max-plan-mb"], 256, 1);
    shutdownS = positiveInt("shutdown-timeout", v["shutdown-timeout"], 30, 0);
  } catch (e) {
    return fail((e as Error).message);
  }
  const key = process.env[HMAC_KEY_ENV];
  if (!key) {
    err.write(`cdktf-clickpipes run-task: ${HMAC_KEY_ENV} is not set; set it to the HMAC key of the run task in HCP Terraform\n`);
    return 2;
  }
  let allow: string[];
  try {
    allow = collectAllowances(v.allow, v["allow-file"]);
  } catch (e) {
    if (!(e instanceof AllowFileError)) throw e;
    err.write(`cdktf-clickpipes run-task: ${escapeLine(e.message)}\n`);
    return 2;
  }
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
