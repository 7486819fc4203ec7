/**
 * The two outgoing requests of the run task, on node:http/https only: GET the plan JSON (following
 * redirects, with a size cap and timeouts) and PATCH the callback (with retries).
 */
import * as http from "node:http";
import * as https from "node:https";

/** One line, never a URL's query nor a token. */
export class FetchError extends Error {}

export interface FetchLimits {
  /** Largest body accepted, bytes. */
  readonly maxBytes: number;
  /** Redirects followed at most. */
  readonly maxRedirects: number;
  /** Time allowed to connect and get the response headers, per request, ms. */
  readonly connectTimeoutMs: number;
  /** Time allowed for the whole download, redirects included, ms. */
  readonly totalTimeoutMs: number;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);
/** Where a URL points, for messages: scheme, host and path, never the query (archivist URLs are signed). */
export const where = (u: URL) => `${u.protocol}//${u.host}${u.pathname}`;

function request(url: URL, opts: http.RequestOptions): http.ClientRequest {
  return (url.protocol === "https:" ? https : http).request(url, opts);
}

/**
 * GET `url` with `Authorization: Bearer <token>`. A redirect is followed; the token goes only to
 * the origin (scheme, host, port) of the first URL, never to another one (HCP Terraform redirects
 * the plan JSON to its archivist, whose URL carries its own authorization).
 */
export function fetchText(url: string, token: string, limits: FetchLimits): Promise<string> {
  const first = new URL(url);
  const deadline = Date.now() + limits.totalTimeoutMs;
  const get = (u: URL, hops: number): Promise<string> =>
    new Promise((resolve, reject) => {
      const left = deadline - Date.now();
      if (left <= 0) return reject(new FetchError(`plan download timed out after ${limits.totalTimeoutMs} ms`));
      const headers: Record<string, string> = { accept: "application/json" };
      if (u.origin === first.origin) headers.authorization = `Bearer ${token}`;
      const req = request(u, { method: "GET", headers });
      let settled = false;
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(totalTimer);
        req.destroy();
        reject(e);
      };
      const connectTimer = setTimeout(() => fail(new FetchError(`no response from ${u.host} within ${limits.connectTimeoutMs} ms`)), Math.min(limits.connectTimeoutMs, left));
      const totalTimer = setTimeout(() => fail(new FetchError(`plan download timed out after ${limits.totalTimeoutMs} ms`)), left);
      req.on("error", (e: NodeJS.ErrnoException) => fail(new FetchError(`cannot reach ${u.host}: ${e.code ?? e.message}`)));
      req.on("response", (res) => {
        clearTimeout(connectTimer);
        const status = res.statusCode ?? 0;
        if (REDIRECT.has(status)) {
          res.resume();
          const loc = res.headers.location;
          if (!loc) return fail(new FetchError(`${where(u)} answered ${status} without a Location`));
          if (hops >= limits.maxRedirects) return fail(new FetchError(`more than ${limits.maxRedirects} redirects fetching the plan`));
          let next: URL;
          try {
            next = new URL(loc, u);
          } catch {
            return fail(new FetchError(`${where(u)} redirected to an invalid URL`));
          }
          if (next.protocol !== "https:" && next.protocol !== "http:") return fail(new FetchError(`${where(u)} redirected to a ${next.protocol} URL`));
          settled = true;
          clearTimeout(totalTimer);
          return get(next, hops + 1).then(resolve, reject);
        }
        if (status !== 200) {
          res.resume();
          return fail(new FetchError(`${where(u)} answered ${status} to the plan download`));
        }
        const declared = Number(res.headers["content-length"]);
        if (Number.isFinite(declared) && declared > limits.maxBytes) return fail(new FetchError(`plan JSON is ${declared} bytes, over the ${limits.maxBytes}-byte cap`));
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > limits.maxBytes) return fail(new FetchError(`plan JSON is over the ${limits.maxBytes}-byte cap`));
          chunks.push(c);
        });
        res.on("error", (e) => fail(new FetchError(`plan download broke off: ${e.message}`)));
        res.on("aborted", () => fail(new FetchError("plan download broke off")));
        res.on("end", () => {
          if (settled) return;
          settled = true;
          clearTimeout(totalTimer);
          resolve(Buffer.concat(chunks, size).toString("utf8"));
        });
      });
      req.end();
    });
  return get(first, 0);
}

export interface PatchResult {
  readonly status: number;
  readonly attempts: number;
}

export interface RetryPolicy {
  /** Attempts in all (first included). */
  readonly attempts: number;
  /** Wait before the second attempt, ms; doubled after each. */
  readonly backoffMs: number;
  /** Per-attempt timeout, ms. */
  readonly timeoutMs: number;
}

function patchOnce(url: URL, token: string, body: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "PATCH",
      headers: { "content-type": "application/vnd.api+json", authorization: `Bearer ${token}`, "content-length": Buffer.byteLength(body) },
    });
    const timer = setTimeout(() => req.destroy(new FetchError(`no answer from ${url.host} within ${timeoutMs} ms`)), timeoutMs);
    req.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e instanceof FetchError ? e : new FetchError(`cannot reach ${url.host}: ${e.code ?? e.message}`));
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => {
        clearTimeout(timer);
        resolve(res.statusCode ?? 0);
      });
    });
    req.end(body);
  });
}

/**
 * PATCH the callback. Retries network errors, 429 and 5xx with exponential backoff; a 4xx other
 * than 429 (401 not authorized, 422 invalid payload) is final. Resolves with the last status, or
 * rejects with the last network error.
 */
export async function patchCallback(url: string, token: string, body: string, retry: RetryPolicy, onAttempt?: (attempt: number, outcome: string) => void): Promise<PatchResult> {
  const u = new URL(url);
  let lastError: Error | undefined;
  let lastStatus = 0;
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    if (attempt > 1) await new Promise((r) => setTimeout(r, retry.backoffMs * 2 ** (attempt - 2)));
    try {
      lastStatus = await patchOnce(u, token, body, retry.timeoutMs);
      lastError = undefined;
      onAttempt?.(attempt, String(lastStatus));
      if (lastStatus >= 200 && lastStatus < 300) return { status: lastStatus, attempts: attempt };
      if (lastStatus < 500 && lastStatus !== 429) return { status: lastStatus, attempts: attempt };
    } catch (e) {
      lastError = e as Error;
      onAttempt?.(attempt, (e as Error).message);
    }
  }
  if (lastError) throw lastError;
  return { status: lastStatus, attempts: retry.attempts };
}
