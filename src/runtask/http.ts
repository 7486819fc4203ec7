/**
 * The two outgoing requests of the run task, over the tools' one HTTP client (src/net/http.ts,
 * which honours HTTPS_PROXY and refuses an https→http redirect): GET the plan JSON and PATCH the
 * callback (with retries). This file only words the client's problems for the task result and
 * retries the callback.
 *
 * Messages name hosts, never paths nor queries: HCP Terraform redirects the plan download to its
 * archivist, whose URL carries a credential in its path and query.
 */
import { Env, HttpLimits, HttpProblem, httpRequest } from "../net/http";

/** One line, never a URL's path or query nor a token. */
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
  /** Environment for HTTPS_PROXY / HTTP_PROXY / NO_PROXY. @default process.env */
  readonly env?: Env;
  /** Certificate authorities to trust instead of Node's (tests). @default Node's */
  readonly ca?: string;
}

/** The task result's wording of a plan download problem: hosts only. */
function planProblem(p: HttpProblem, limits: FetchLimits): string {
  const host = p.details.host ?? "the server";
  switch (p.kind) {
    case "timeout":
      return `plan download timed out after ${limits.totalTimeoutMs} ms`;
    case "response-timeout":
      return `no response from ${host} within ${limits.connectTimeoutMs} ms`;
    case "too-large":
      return p.details.declared !== undefined ? `plan JSON is ${p.details.declared} bytes, over the ${limits.maxBytes}-byte cap` : `plan JSON is over the ${limits.maxBytes}-byte cap`;
    case "loop":
    case "redirects":
      return `more than ${limits.maxRedirects} redirects fetching the plan`;
    case "status":
      return `${host} answered ${p.details.status} to the plan download`;
    case "no-location":
      return `${host} answered ${p.details.status} without a Location`;
    case "bad-redirect":
      return `${host} redirected the plan download to an invalid URL`;
    case "redirect-scheme":
      return `${host} redirected the plan download to a scheme other than https or http`;
    case "downgrade":
      return `${host} redirected the plan download from https to plain http; refused`;
    case "network":
      return `cannot reach ${host}: ${p.details.code ?? p.message}`;
    case "broken":
      return "plan download broke off";
    default:
      return p.message;
  }
}

/**
 * GET the plan JSON at `url` with `Authorization: Bearer <token>`. A redirect is followed; the
 * token goes only to the origin (scheme, host, port) of the first URL, never to another one (HCP
 * Terraform redirects the plan JSON to its archivist, whose URL carries its own authorization).
 * Throws `FetchError`.
 */
export async function fetchPlanBytes(url: string, token: string, limits: FetchLimits): Promise<Buffer> {
  const http: HttpLimits = {
    timeoutMs: limits.totalTimeoutMs,
    responseTimeoutMs: limits.connectTimeoutMs,
    maxBytes: limits.maxBytes,
    maxRedirects: limits.maxRedirects,
    ...(limits.env ? { env: limits.env } : {}),
    ...(limits.ca !== undefined ? { ca: limits.ca } : {}),
  };
  const got = await httpRequest(url, { headers: { accept: "application/json" }, originHeaders: { authorization: `Bearer ${token}` } }, http);
  if (got instanceof HttpProblem) throw new FetchError(planProblem(got, limits));
  return got.bytes;
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

/**
 * PATCH the callback. Retries network errors, 429 and 5xx with exponential backoff; a 4xx other
 * than 429 (401 not authorized, 422 invalid payload) is final. Resolves with the last status, or
 * rejects with the last network error (`FetchError`, naming the host only).
 */
export async function patchCallback(
  url: string,
  token: string,
  body: string,
  retry: RetryPolicy,
  onAttempt?: (attempt: number, outcome: string) => void,
  options: { readonly env?: Env; readonly ca?: string } = {},
): Promise<PatchResult> {
  const limits: HttpLimits = { timeoutMs: retry.timeoutMs, maxBytes: 1024 * 1024, maxRedirects: 0, ...options };
  let lastError: Error | undefined;
  let lastStatus = 0;
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    if (attempt > 1) await new Promise((r) => setTimeout(r, retry.backoffMs * 2 ** (attempt - 2)));
    const got = await httpRequest(
      url,
      { method: "PATCH", headers: { "content-type": "application/vnd.api+json" }, originHeaders: { authorization: `Bearer ${token}` }, body, anyStatus: true },
      limits,
    );
    if (got instanceof HttpProblem) {
      const host = got.details.host ?? "the callback";
      lastError = new FetchError(
        got.kind === "network" ? `cannot reach ${host}: ${got.details.code ?? got.message}` : got.kind === "timeout" ? `no answer from ${host} within ${retry.timeoutMs} ms` : got.message,
      );
      onAttempt?.(attempt, lastError.message);
      continue;
    }
    lastStatus = got.status;
    lastError = undefined;
    onAttempt?.(attempt, String(lastStatus));
    if (lastStatus >= 200 && lastStatus < 300) return { status: lastStatus, attempts: attempt };
    if (lastStatus < 500 && lastStatus !== 429) return { status: lastStatus, attempts: attempt };
  }
  if (lastError) throw lastError;
  return { status: lastStatus, attempts: retry.attempts };
}
