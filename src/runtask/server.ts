/**
 * The run task server (`cdktf-clickpipes run-task`): HCP Terraform POSTs a signed payload; the
 * server answers 200 at once, then in the background fetches the plan JSON, runs the guard on it
 * and PATCHes the task result back. Fails closed: a plan that cannot be fetched or read gives
 * `failed` with a one-line reason. See src/runtask/protocol.ts for the API facts and their source.
 *
 * Logs: one JSON object per line through `log` (stderr by default); never the access token, the
 * HMAC key, the signature, nor a URL's query string.
 */
import * as crypto from "node:crypto";
import * as http from "node:http";
import type * as net from "node:net";
import type { AddressInfo } from "node:net";
import { MAX_PLAN_FILE_BYTES, PlanFormatError } from "../guard/plan";
import { FetchError, fetchPlanBytes, FetchLimits, patchCallback, RetryPolicy } from "./http";
import { JudgeError, judgePlanBytes, JudgeOptions, releaseIdleJudge, terminateJudges } from "./judge";
import { callbackBody, claimedSignature, clip, isVerification, MESSAGE_MAX, parseRequest, PayloadError, RunTaskRequest, signatureMatches, SIGNATURE_HEADER, TaskStatus } from "./protocol";

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
  /**
   * Open connections at most. A connection beyond closes the oldest one that carries no accepted
   * request (a stalled upload or an idle keep-alive), so a flood of stalled uploads cannot lock
   * HCP Terraform out. @default 256
   */
  readonly maxConnections?: number;
  /**
   * Request bytes buffered across all connections (bodies are kept until their signature is
   * checked). Beyond, the request holding the most is dropped (503) until the rest fit. @default 16 MiB
   */
  readonly maxBufferedBytes?: number;
  /** A request's headers and body must arrive within this time, ms (408 beyond). @default 10 s */
  readonly bodyTimeoutMs?: number;
  /** Plan download limits; `env` for HTTPS_PROXY. @default 64 MiB (as guard's plan file), 5 redirects, 10 s to connect, 120 s in all */
  readonly fetch?: Partial<FetchLimits>;
  /** Callback retries. @default 4 attempts, 1 s backoff doubling, 30 s per attempt */
  readonly callback?: Partial<RetryPolicy>;
  /** Where large plans are judged (a child process above 1 MiB). */
  readonly judge?: JudgeOptions;
  /** Where log events go. @default one JSON line each on stderr */
  readonly log?: (e: LogEvent) => void;
}

export const DEFAULTS = {
  host: "127.0.0.1",
  port: 8080,
  maxConcurrent: 4,
  maxQueued: 64,
  maxRequestBytes: 1024 * 1024,
  maxConnections: 256,
  maxBufferedBytes: 16 * 1024 * 1024,
  bodyTimeoutMs: 10_000,
  fetch: { maxBytes: MAX_PLAN_FILE_BYTES, maxRedirects: 5, connectTimeoutMs: 10_000, totalTimeoutMs: 120_000 } as FetchLimits,
  callback: { attempts: 4, backoffMs: 1000, timeoutMs: 30_000 } as RetryPolicy,
} as const;

/** What the server holds right now (for tests, the bench and operators). */
export interface RunTaskStats {
  readonly connections: number;
  /** Request bytes buffered across connections. */
  readonly bufferedBytes: number;
  /** Connections closed to make room for newer ones, since start. */
  readonly evictedConnections: number;
  /** Requests dropped because the buffered bytes were over the cap, since start. */
  readonly droppedForMemory: number;
  /** Requests whose headers and body did not arrive in time, since start. */
  readonly timedOut: number;
}

export interface RunTaskServer {
  /** `http://host:port`, the bound address. */
  readonly url: string;
  readonly port: number;
  /** Jobs running and waiting. */
  pending(): number;
  stats(): RunTaskStats;
  /** Resolves once no job runs or waits. */
  idle(): Promise<void>;
  /** Stop accepting, let the jobs finish up to `timeoutMs`; resolves with how many were abandoned. */
  close(timeoutMs: number): Promise<{ abandoned: number }>;
}

export function stderrLog(e: LogEvent): void {
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), ...e }) + "\n");
}

/** A request being received: its buffered body and running HMAC, until it is answered. */
interface Incoming {
  readonly socket: net.Socket;
  readonly res: http.ServerResponse;
  chunks: Buffer[];
  size: number;
  done: boolean;
  drop(code: number, text: string, reason: string): void;
}

export function startRunTaskServer(opts: RunTaskOptions): Promise<RunTaskServer> {
  const log = opts.log ?? stderrLog;
  const maxConcurrent = Math.max(1, opts.maxConcurrent ?? DEFAULTS.maxConcurrent);
  const maxQueued = Math.max(0, opts.maxQueued ?? DEFAULTS.maxQueued);
  const maxRequestBytes = opts.maxRequestBytes ?? DEFAULTS.maxRequestBytes;
  const maxConnections = Math.max(2, opts.maxConnections ?? DEFAULTS.maxConnections);
  const maxBufferedBytes = Math.max(maxRequestBytes, opts.maxBufferedBytes ?? DEFAULTS.maxBufferedBytes);
  const bodyTimeoutMs = opts.bodyTimeoutMs ?? DEFAULTS.bodyTimeoutMs;
  const limits: FetchLimits = { ...DEFAULTS.fetch, ...opts.fetch };
  const retry: RetryPolicy = { ...DEFAULTS.callback, ...opts.callback };
  const allow = opts.allow ?? [];
  const queue: RunTaskRequest[] = [];
  let running = 0;
  let closing = false;
  let idleWaiters: (() => void)[] = [];
  const counters = { evictedConnections: 0, droppedForMemory: 0, timedOut: 0 };
  /** Open sockets, oldest first; the value: whether it carries an accepted request right now. */
  const sockets = new Map<net.Socket, { accepted: boolean }>();
  const incoming = new Set<Incoming>();
  let bufferedBytes = 0;
  /** Refusals under attack are counted and logged at most once per interval, not once each. */
  let lastShedLog = 0;
  const shed = (what: keyof typeof counters) => {
    counters[what]++;
    const now = Date.now();
    if (now - lastShedLog >= 10_000) {
      lastShedLog = now;
      log({ event: "shedding", ...counters, connections: sockets.size, bufferedBytes });
    }
  };

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
        const bytes = await fetchPlanBytes(r.plan_json_api_url, r.access_token, limits);
        log({ event: "plan-fetched", ...ids(r), bytes: bytes.length, ms: Date.now() - t0 });
        const result = await judgePlanBytes(bytes, allow, opts.judge);
        ({ status, message } = result);
        outcomes = r.capabilities?.outcomes ? result.outcomes : undefined;
        log({ event: "verdict", ...ids(r), status, blocked: result.blocked, allowed: result.allowed, warnings: result.warnings, changes: result.changes });
      } catch (e) {
        const known = e instanceof FetchError || e instanceof PlanFormatError || e instanceof JudgeError;
        if (!known) log({ event: "internal-error", ...ids(r), error: clip(String((e as Error)?.message ?? e), 300) });
        status = "failed";
        const reason = known ? (e as Error).message : "internal error";
        message = clip(`cdktf-clickpipes could not check the plan: ${reason}`, MESSAGE_MAX);
        log({ event: "plan-error", ...ids(r), reason: clip(reason, 300) });
      }
    }
    const body = callbackBody(status, message, outcomes);
    try {
      const res = await patchCallback(
        r.task_result_callback_url!,
        r.access_token,
        body,
        retry,
        (attempt, outcome) => log({ event: "callback-attempt", ...ids(r), attempt, outcome: clip(outcome, 200) }),
        { ...(limits.env ? { env: limits.env } : {}), ...(limits.ca !== undefined ? { ca: limits.ca } : {}) },
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
    if (res.headersSent) return;
    res.writeHead(code, { "content-type": "text/plain; charset=utf-8", ...extra });
    res.end(text + "\n");
  };

  /** The request holding the most buffered bytes (the first to drop when over the cap). */
  const largest = (): Incoming | undefined => {
    let top: Incoming | undefined;
    for (const i of incoming) if (!top || i.size > top.size) top = i;
    return top;
  };

  const server = http.createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const socket = req.socket;
    // Every request, refused or not, must be whole within the body timeout; else its socket goes.
    const deadline = setTimeout(() => {
      if (!req.complete) {
        shed("timedOut");
        if (inc && !inc.done) inc.drop(408, "request too slow", `request not complete within ${bodyTimeoutMs} ms`);
        socket.destroy();
      }
    }, bodyTimeoutMs);
    req.once("end", () => clearTimeout(deadline));
    req.once("close", () => {
      clearTimeout(deadline);
      if (inc && !inc.done) inc.release();
    });
    req.on("error", () => undefined);
    let inc: (Incoming & { release(): void }) | undefined;
    if (req.method === "GET" && path === "/healthz") return closing ? reply(res, 503, "stopping") : reply(res, 200, "ok");
    const answer = (code: number, text: string, reason: string, close = false) => {
      log({ event: "request", http: code, reason });
      reply(res, code, text, close ? { connection: "close" } : {});
    };
    /** Answer now and read the rest of the body into nothing (the deadline still ends it). */
    const refuse = (code: number, text: string, reason: string) => {
      answer(code, text, reason, true);
      req.resume();
    };
    if (req.method !== "POST") return refuse(405, "method not allowed", `method ${clip(String(req.method), 20)}`);
    if (closing) return refuse(503, "stopping", "server is stopping");
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxRequestBytes) return refuse(413, "request too large", `body of ${declared} bytes over the ${maxRequestBytes}-byte cap`);
    // The signature's shape is known from the headers: an unsigned request is never buffered.
    const claimed = claimedSignature(req.headers[SIGNATURE_HEADER]);
    if (claimed === "missing") return refuse(401, "unsigned request", "no X-TFC-Task-Signature");
    if (claimed === "wrong") return refuse(403, "bad signature", "X-TFC-Task-Signature does not match");
    const hmac = crypto.createHmac("sha512", opts.hmacKey);
    const me: Incoming & { release(): void } = {
      socket,
      res,
      chunks: [],
      size: 0,
      done: false,
      release() {
        if (me.done) return;
        me.done = true;
        bufferedBytes -= me.size;
        me.chunks = [];
        incoming.delete(me);
      },
      drop(code, text, reason) {
        me.release();
        answer(code, text, reason, true);
        req.resume();
      },
    };
    inc = me;
    incoming.add(me);
    req.on("data", (c: Buffer) => {
      if (me.done) return;
      if (me.size + c.length > maxRequestBytes) return me.drop(413, "request too large", `body over the ${maxRequestBytes}-byte cap`);
      hmac.update(c);
      me.chunks.push(c);
      me.size += c.length;
      bufferedBytes += c.length;
      while (bufferedBytes > maxBufferedBytes) {
        const victim = largest()!;
        shed("droppedForMemory");
        victim.drop(503, "busy", `request bytes buffered over the ${maxBufferedBytes}-byte cap`);
        victim.socket.destroy();
      }
    });
    req.on("end", () => {
      if (me.done) return;
      const body = Buffer.concat(me.chunks, me.size);
      me.release();
      if (!signatureMatches(hmac.digest(), claimed)) return answer(403, "bad signature", "X-TFC-Task-Signature does not match");
      const state = sockets.get(socket);
      if (state) {
        state.accepted = true;
        res.once("finish", () => (state.accepted = false));
      }
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
  });
  // Headers must arrive within the body timeout too (Node checks every connectionsCheckingInterval).
  server.headersTimeout = bodyTimeoutMs;
  server.requestTimeout = bodyTimeoutMs + 5000;
  server.on("connection", (socket: net.Socket) => {
    if (sockets.size >= maxConnections) {
      // Room for the newcomer: close the oldest connection that carries no accepted request.
      let victim: net.Socket | undefined;
      for (const [s, st] of sockets) {
        if (!st.accepted) {
          victim = s;
          break;
        }
      }
      shed("evictedConnections");
      if (!victim) return void socket.destroy();
      sockets.delete(victim);
      victim.destroy();
    }
    sockets.set(socket, { accepted: false });
    socket.once("close", () => sockets.delete(socket));
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? DEFAULTS.port, opts.host ?? DEFAULTS.host, () => {
      server.off("error", reject);
      const a = server.address() as AddressInfo;
      const host = a.family === "IPv6" ? `[${a.address}]` : a.address;
      const url = `http://${host}:${a.port}`;
      const idle = () => (running === 0 && queue.length === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r)));
      log({ event: "listening", url, maxConcurrent, maxQueued, maxConnections, maxBufferedBytes });
      resolve({
        url,
        port: a.port,
        pending: () => running + queue.length,
        stats: () => ({ connections: sockets.size, bufferedBytes, ...counters }),
        idle,
        async close(timeoutMs: number) {
          closing = true;
          const closed = new Promise<void>((r) => server.close(() => r()));
          server.closeIdleConnections();
          log({ event: "stopping", pending: running + queue.length });
          let timer: NodeJS.Timeout | undefined;
          const timedOut = await Promise.race([idle().then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), timeoutMs)))]);
          clearTimeout(timer);
          const abandoned = timedOut ? running + queue.length : 0;
          server.closeAllConnections();
          for (const socket of sockets.keys()) socket.destroy();
          await (timedOut ? terminateJudges() : releaseIdleJudge());
          await closed;
          log({ event: "stopped", abandoned });
          return { abandoned };
        },
      });
    });
  });
}
