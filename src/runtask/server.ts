/**
 * The run task server (`cdktf-clickpipes run-task`): HCP Terraform POSTs a signed payload; the
 * server answers 200 at once, then in the background fetches the plan JSON, runs the guard on it
 * and PATCHes the task result back. Fails closed: a plan that cannot be fetched or read gives
 * `failed` with a one-line reason. See src/runtask/protocol.ts for the API facts and their source.
 *
 * Logs: one JSON object per line through `log` (stderr by default); never the access token, the
 * HMAC key, the signature, nor a URL's query string.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { PlanFormatError } from "../guard/plan";
import { FetchError, fetchText, FetchLimits, patchCallback, RetryPolicy } from "./http";
import { callbackBody, checkSignature, clip, isVerification, MESSAGE_MAX, parseRequest, PayloadError, RunTaskRequest, SIGNATURE_HEADER, TaskStatus } from "./protocol";
import { judgePlanText } from "./result";

export type LogEvent = { readonly event: string } & Record<string, unknown>;

export interface RunTaskOptions {
  /** The HMAC key configured on the run task in HCP Terraform. */
  readonly hmacKey: string;
  /** @default "127.0.0.1" */
  readonly host?: string;
  /** 0 picks a free port. @default 8080 */
  readonly port?: number;
  /** Addresses whose BLOCK verdicts are deliberate (as `guard --allow`). */
  readonly allow?: readonly string[];
  /** Jobs (download, guard, callback) running at once. @default 4 */
  readonly maxConcurrent?: number;
  /** Jobs waiting for a slot; a request beyond gets 503 and HCP Terraform retries it. @default 64 */
  readonly maxQueued?: number;
  /** Largest request body accepted, bytes (413 beyond). @default 1 MiB */
  readonly maxRequestBytes?: number;
  /** Plan download limits. @default 256 MiB, 5 redirects, 10 s to connect, 120 s in all */
  readonly fetch?: Partial<FetchLimits>;
  /** Callback retries. @default 4 attempts, 1 s backoff doubling, 30 s per attempt */
  readonly callback?: Partial<RetryPolicy>;
  /** Where log events go. @default one JSON line each on stderr */
  readonly log?: (e: LogEvent) => void;
}

export const DEFAULTS = {
  host: "127.0.0.1",
  port: 8080,
  maxConcurrent: 4,
  maxQueued: 64,
  maxRequestBytes: 1024 * 1024,
  fetch: { maxBytes: 256 * 1024 * 1024, maxRedirects: 5, connectTimeoutMs: 10_000, totalTimeoutMs: 120_000 } as FetchLimits,
  callback: { attempts: 4, backoffMs: 1000, timeoutMs: 30_000 } as RetryPolicy,
} as const;

export interface RunTaskServer {
  /** `http://host:port`, the bound address. */
  readonly url: string;
  readonly port: number;
  /** Jobs running and waiting. */
  pending(): number;
  /** Resolves once no job runs or waits. */
  idle(): Promise<void>;
  /** Stop accepting, let the jobs finish up to `timeoutMs`; resolves with how many were abandoned. */
  close(timeoutMs: number): Promise<{ abandoned: number }>;
}

export function stderrLog(e: LogEvent): void {
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), ...e }) + "\n");
}

export function startRunTaskServer(opts: RunTaskOptions): Promise<RunTaskServer> {
  const log = opts.log ?? stderrLog;
  const maxConcurrent = Math.max(1, opts.maxConcurrent ?? DEFAULTS.maxConcurrent);
  const maxQueued = Math.max(0, opts.maxQueued ?? DEFAULTS.maxQueued);
  const maxRequestBytes = opts.maxRequestBytes ?? DEFAULTS.maxRequestBytes;
  const limits: FetchLimits = { ...DEFAULTS.fetch, ...opts.fetch };
  const retry: RetryPolicy = { ...DEFAULTS.callback, ...opts.callback };
  const allow = opts.allow ?? [];
  const queue: RunTaskRequest[] = [];
  let running = 0;
  let closing = false;
  let idleWaiters: (() => void)[] = [];

  const ids = (r: RunTaskRequest) => ({ run_id: r.run_id ?? null, task_result_id: r.task_result_id ?? null });

  async function job(r: RunTaskRequest): Promise<void> {
    const t0 = Date.now();
    log({ event: "job-start", ...ids(r), stage: r.stage ?? null, workspace: r.workspace_name ?? null });
    let status: TaskStatus;
    let message: string;
    let outcomes;
    if (!r.plan_json_api_url) {
      status = "failed";
      message = `no plan JSON at stage ${r.stage ?? "(none)"}; attach this run task at the post-plan stage`;
    } else {
      try {
        const text = await fetchText(r.plan_json_api_url, r.access_token, limits);
        log({ event: "plan-fetched", ...ids(r), bytes: Buffer.byteLength(text), ms: Date.now() - t0 });
        const result = judgePlanText(text, allow);
        ({ status, message } = result);
        outcomes = r.capabilities?.outcomes ? result.outcomes : undefined;
        log({ event: "verdict", ...ids(r), status, blocked: result.blocked, allowed: result.allowed, warnings: result.warnings, changes: result.changes });
      } catch (e) {
        if (!(e instanceof FetchError || e instanceof PlanFormatError)) log({ event: "internal-error", ...ids(r), error: clip(String((e as Error)?.message ?? e), 300) });
        status = "failed";
        const reason = e instanceof FetchError || e instanceof PlanFormatError ? e.message : "internal error";
        message = clip(`cdktf-clickpipes could not check the plan: ${reason}`, MESSAGE_MAX);
        log({ event: "plan-error", ...ids(r), reason: clip(reason, 300) });
      }
    }
    const body = callbackBody(status, message, outcomes);
    try {
      const res = await patchCallback(r.task_result_callback_url!, r.access_token, body, retry, (attempt, outcome) =>
        log({ event: "callback-attempt", ...ids(r), attempt, outcome: clip(outcome, 200) }),
      );
      const ok = res.status >= 200 && res.status < 300;
      log({ event: ok ? "callback" : "callback-rejected", ...ids(r), status, http: res.status, attempts: res.attempts, ms: Date.now() - t0 });
    } catch (e) {
      log({ event: "callback-failed", ...ids(r), status, reason: clip((e as Error).message, 300), attempts: retry.attempts, ms: Date.now() - t0 });
    }
  }

  function pump(): void {
    while (running < maxConcurrent && queue.length > 0) {
      const r = queue.shift()!;
      running++;
      job(r)
        .catch((e) => log({ event: "internal-error", ...ids(r), error: clip(String((e as Error)?.message ?? e), 300) }))
        .finally(() => {
          running--;
          pump();
        });
    }
    if (running === 0 && queue.length === 0) {
      const w = idleWaiters;
      idleWaiters = [];
      for (const f of w) f();
    }
  }

  const reply = (res: http.ServerResponse, code: number, text: string, extra: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(code, { "content-type": "text/plain; charset=utf-8", ...extra });
    res.end(text + "\n");
  };

  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") return closing ? reply(res, 503, "stopping") : reply(res, 200, "ok");
    if (req.method !== "POST") return reply(res, 405, "method not allowed", { allow: "POST" });
    const answer = (code: number, text: string, reason: string, close = false) => {
      log({ event: "request", http: code, reason });
      reply(res, code, text, close ? { connection: "close" } : {});
    };
    if (closing) return answer(503, "stopping", "server is stopping");
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxRequestBytes) {
      answer(413, "request too large", `body of ${declared} bytes over the ${maxRequestBytes}-byte cap`, true);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > maxRequestBytes) {
        over = true;
        answer(413, "request too large", `body over the ${maxRequestBytes}-byte cap`, true);
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => {
      if (over) return;
      const body = Buffer.concat(chunks, size);
      const sig = checkSignature(body, req.headers[SIGNATURE_HEADER], opts.hmacKey);
      if (sig === "missing") return answer(401, "unsigned request", "no X-TFC-Task-Signature");
      if (sig === "wrong") return answer(403, "bad signature", "X-TFC-Task-Signature does not match");
      let r: RunTaskRequest;
      try {
        r = parseRequest(body);
      } catch (e) {
        if (e instanceof PayloadError) return answer(400, e.message, e.message);
        throw e;
      }
      if (isVerification(r)) {
        log({ event: "verification", ...ids(r) });
        return reply(res, 200, "ok");
      }
      if (queue.length >= maxQueued && running >= maxConcurrent) return answer(503, "busy", `queue full (${maxQueued} waiting)`);
      queue.push(r);
      log({ event: "accepted", ...ids(r), running, queued: queue.length });
      reply(res, 200, "accepted");
      pump();
    });
    req.on("error", () => undefined);
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? DEFAULTS.port, opts.host ?? DEFAULTS.host, () => {
      server.off("error", reject);
      const a = server.address() as AddressInfo;
      const host = a.family === "IPv6" ? `[${a.address}]` : a.address;
      const url = `http://${host}:${a.port}`;
      const idle = () => (running === 0 && queue.length === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r)));
      log({ event: "listening", url, maxConcurrent, maxQueued });
      resolve({
        url,
        port: a.port,
        pending: () => running + queue.length,
        idle,
        async close(timeoutMs: number) {
          closing = true;
          const closed = new Promise<void>((r) => server.close(() => r()));
          server.closeIdleConnections();
          log({ event: "stopping", pending: running + queue.length });
          let timer: NodeJS.Timeout | undefined;
          const timedOut = await Promise.race([
            idle().then(() => false),
            new Promise<boolean>((r) => (timer = setTimeout(() => r(true), timeoutMs))),
          ]);
          clearTimeout(timer);
          const abandoned = timedOut ? running + queue.length : 0;
          server.closeAllConnections();
          await closed;
          log({ event: "stopped", abandoned });
          return { abandoned };
        },
      });
    });
  });
}
