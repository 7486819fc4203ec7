/**
 * The one outgoing HTTP client of the tools (`ips --check` reads the endpoints document; `run-task`
 * downloads plans and PATCHes task results), on node:http/https only, with the limits a job that
 * talks to hostile or broken servers needs:
 * - one deadline for the whole exchange (connect, redirects, body) and optionally a shorter one for
 *   each response's headers;
 * - the body counted while it streams and cut at a size cap (a declared Content-Length over it is
 *   refused unread);
 * - redirects followed up to a limit, never in a loop, never from https to plain http, never to
 *   another scheme; credentials given as `originHeaders` go only to the first URL's origin;
 * - HTTPS_PROXY / HTTP_PROXY / NO_PROXY honoured (lower-case names too) through a CONNECT tunnel of
 *   an `http://` proxy (optionally `user:password@`), TLS to the target inside it, so the proxy never
 *   sees the request; an `https://` proxy URL is refused;
 * - every problem a typed `HttpProblem` whose message is one line that names a URL only by scheme,
 *   host and path (`where`): never its userinfo nor its query string (signed URLs carry credentials
 *   there). Callers with a credential in the path (HCP Terraform's archivist) word the kinds
 *   themselves from `host`.
 *
 * Why not undici's `EnvHttpProxyAgent`: Node 20 bundles undici for `fetch` but does not expose it
 * (`require("undici")` fails; `NODE_USE_ENV_PROXY` arrived in Node 24), so it would be a new runtime
 * dependency of every tool for about 60 lines of tunnel code tested here; and `fetch` would still
 * need the same streamed size cap, redirect policy and one-line errors around it. Revisit when the
 * engines field moves to Node 24.
 */
import * as http from "node:http";
import * as https from "node:https";
import * as net from "node:net";
import * as tls from "node:tls";
import type { Duplex } from "node:stream";

export type Env = Readonly<Record<string, string | undefined>>;

export interface HttpLimits {
  /** Deadline for the whole exchange (connect, redirects, body), ms. */
  readonly timeoutMs: number;
  /** Deadline for each response's headers (connect included), ms. @default timeoutMs */
  readonly responseTimeoutMs?: number;
  /** Largest body accepted, bytes (counted while streaming). */
  readonly maxBytes: number;
  /** Redirects followed at most (GET only; other methods never follow). */
  readonly maxRedirects: number;
  /** Environment for the proxy variables. @default process.env */
  readonly env?: Env;
  /** Certificate authorities to trust instead of Node's (tests; users set NODE_EXTRA_CA_CERTS). @default Node's */
  readonly ca?: string;
}

export interface HttpRequest {
  /** @default "GET" */
  readonly method?: "GET" | "PATCH" | "POST" | "PUT";
  /** Headers sent to every URL of the exchange. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Headers sent only to the origin (scheme, host, port) of the first URL: credentials. */
  readonly originHeaders?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** Return any final status with its (capped) body instead of a `status` problem for non-2xx. @default false */
  readonly anyStatus?: boolean;
}

export interface HttpAnswer {
  readonly status: number;
  readonly bytes: Buffer;
  /** The URL that answered (after redirects). */
  readonly url: URL;
}

export type HttpProblemKind =
  "url" | "scheme" | "status" | "no-location" | "bad-redirect" | "redirect-scheme" | "downgrade" | "loop" | "redirects" | "too-large" | "timeout" | "response-timeout" | "network" | "proxy" | "broken";

/** One line, naming URLs by `where` only. `host` is the host the problem concerns. */
export class HttpProblem extends Error {
  constructor(
    readonly kind: HttpProblemKind,
    message: string,
    readonly details: { readonly host?: string; readonly status?: number; readonly declared?: number; readonly code?: string } = {},
  ) {
    super(message);
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Where a URL points, for messages: scheme, host and path, never userinfo nor query nor fragment. */
export const where = (u: URL): string => `${u.protocol}//${u.host}${u.pathname}`;

/** `text` as a URL `where` would name it when it parses, else unchanged (for echoing a user's argument). */
export function redactUrlText(text: string): string {
  try {
    const u = new URL(text);
    if (u.protocol === "http:" || u.protocol === "https:" || u.username || u.password || u.search || u.hash) return where(u);
  } catch {
    // not a URL
  }
  return text;
}

const bare = (host: string) => host.replace(/^\[|\]$/g, "").toLowerCase();

/** The proxy to use for `url` per HTTPS_PROXY / HTTP_PROXY / NO_PROXY, or undefined for a direct connection. */
export function proxyFor(url: URL, env: Env = process.env): URL | undefined {
  const name = url.protocol === "https:" ? "https_proxy" : "http_proxy";
  const value = env[name] || env[name.toUpperCase()];
  if (!value) return undefined;
  if (bypassesProxy(url, env.no_proxy ?? env.NO_PROXY ?? "")) return undefined;
  let proxy: URL;
  try {
    proxy = new URL(value.includes("://") ? value : `http://${value}`);
  } catch {
    throw new HttpProblem("proxy", `${name.toUpperCase()} is not a URL`);
  }
  if (proxy.protocol !== "http:") throw new HttpProblem("proxy", `${name.toUpperCase()} uses ${proxy.protocol.replace(/:$/, "")}; only an http:// proxy (a CONNECT tunnel) is supported`);
  return proxy;
}

/** NO_PROXY as curl reads it: `*`, or host names (a name matches itself and its subdomains), optionally with `:port`. */
function bypassesProxy(url: URL, noProxy: string): boolean {
  const host = bare(url.hostname);
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (entry === "*") return true;
    let entryPort: string | undefined;
    const bracketed = /^\[(.+)\](?::(\d+))?$/.exec(entry);
    const withPort = net.isIPv6(entry) ? null : /^(.*):(\d+)$/.exec(entry);
    if (bracketed) [entry, entryPort] = [bracketed[1]!, bracketed[2]];
    else if (withPort) [entry, entryPort] = [withPort[1]!, withPort[2]];
    entry = entry.replace(/^\*?\./, "");
    if (!entry || (entryPort !== undefined && entryPort !== port)) continue;
    if (host === entry || (!net.isIP(host) && host.endsWith(`.${entry}`))) return true;
  }
  return false;
}

/** A socket to `target` through a CONNECT tunnel of `proxy`. */
function tunnel(proxy: URL, target: URL, signal: AbortSignal): Promise<Duplex> {
  const authority = `${target.hostname}:${target.port || (target.protocol === "https:" ? 443 : 80)}`;
  const headers: Record<string, string> = { host: authority };
  if (proxy.username) headers["proxy-authorization"] = `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString("base64")}`;
  const refused = (status: number | undefined) => new HttpProblem("proxy", `the proxy ${proxy.host} refused the tunnel to ${authority} (HTTP ${status})`, { host: proxy.host, status });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: bare(proxy.hostname), port: proxy.port || 80, method: "CONNECT", path: authority, headers, signal });
    req.once("connect", (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        reject(refused(res.statusCode));
      } else resolve(socket);
    });
    req.once("response", (res) => {
      res.resume();
      reject(refused(res.statusCode));
    });
    req.once("error", (e) => reject(e));
    req.end();
  });
}

interface Raw {
  readonly status: number;
  readonly location?: string;
  readonly bytes?: Buffer;
}

async function once(url: URL, request: HttpRequest, headers: Record<string, string>, limits: HttpLimits, signal: AbortSignal, follow: boolean): Promise<Raw> {
  const proxy = proxyFor(url, limits.env ?? process.env);
  const socket = proxy ? await tunnel(proxy, url, signal) : undefined;
  const secure = url.protocol === "https:";
  const host = bare(url.hostname);
  const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, "utf8");
  const options: https.RequestOptions = {
    method: request.method ?? "GET",
    headers: { ...headers, ...(body ? { "content-length": String(body.length) } : {}) },
    signal,
    ...(limits.ca !== undefined ? { ca: limits.ca } : {}),
    ...(socket
      ? {
          createConnection: () =>
            secure ? tls.connect({ socket: socket as net.Socket, host, servername: net.isIP(host) ? undefined : host, ...(limits.ca !== undefined ? { ca: limits.ca } : {}) }) : (socket as net.Socket),
        }
      : {}),
  };
  return new Promise<Raw>((resolve, reject) => {
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(responseTimer);
      f();
    };
    const req = (secure ? https : http).request(url, options, (res) => {
      clearTimeout(responseTimer);
      const status = res.statusCode ?? 0;
      const refuse = (problem: HttpProblem) => {
        done(() => reject(problem));
        res.destroy();
      };
      if ((follow && REDIRECTS.has(status)) || (!request.anyStatus && (status < 200 || status > 299))) {
        res.resume();
        done(() => resolve({ status, location: typeof res.headers.location === "string" ? res.headers.location : undefined }));
        return;
      }
      const declared = Number(res.headers["content-length"]);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        return refuse(new HttpProblem("too-large", `the body is ${declared} bytes, over the limit of ${limits.maxBytes}`, { host: url.host, declared }));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) return refuse(new HttpProblem("too-large", `the body is over the limit of ${limits.maxBytes} bytes`, { host: url.host }));
        chunks.push(chunk);
      });
      res.once("end", () => done(() => resolve({ status, bytes: Buffer.concat(chunks, size) })));
      res.once("error", (e) => done(() => reject(e)));
      res.once("aborted", () => done(() => reject(new HttpProblem("broken", "the connection closed before the body ended", { host: url.host }))));
    });
    const responseTimer = setTimeout(
      () => {
        const ms = limits.responseTimeoutMs!;
        done(() => reject(new HttpProblem("response-timeout", `no response from ${url.host} within ${ms / 1000} s`, { host: url.host })));
        req.destroy();
      },
      limits.responseTimeoutMs ?? 2 ** 31 - 1,
    );
    if (limits.responseTimeoutMs === undefined) clearTimeout(responseTimer);
    req.once("error", (e) => done(() => reject(e)));
    req.end(body);
  });
}

/**
 * One exchange within `limits`: the request, redirects followed (GET only), the final 2xx body (any
 * status's with `anyStatus`). Never throws: a problem comes back as `HttpProblem`.
 */
export async function httpRequest(url: string | URL, request: HttpRequest, limits: HttpLimits): Promise<HttpAnswer | HttpProblem> {
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return new HttpProblem("url", "not a URL");
  }
  if (current.protocol !== "https:" && current.protocol !== "http:") return new HttpProblem("scheme", `scheme ${current.protocol.replace(/:$/, "")} is not supported (https or http only)`);
  const origin = current.origin;
  const follow = (request.method ?? "GET") === "GET" && limits.maxRedirects > 0;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const seen = new Set<string>([current.href]);
  try {
    for (let redirects = 0; ; redirects++) {
      const headers = { ...request.headers, ...(current.origin === origin ? request.originHeaders : {}) };
      const answer = await once(current, request, headers, limits, controller.signal, follow);
      if (answer.bytes !== undefined) return { status: answer.status, bytes: answer.bytes, url: current };
      const at = { host: current.host, status: answer.status };
      if (!REDIRECTS.has(answer.status) || !follow) return new HttpProblem("status", `HTTP ${answer.status} from ${where(current)}`, at);
      if (answer.location === undefined) return new HttpProblem("no-location", `HTTP ${answer.status} from ${where(current)} without a Location`, at);
      let next: URL;
      try {
        next = new URL(answer.location, current);
      } catch {
        return new HttpProblem("bad-redirect", `redirect from ${where(current)} to an invalid URL`, at);
      }
      if (next.protocol !== "https:" && next.protocol !== "http:")
        return new HttpProblem("redirect-scheme", `redirect from ${where(current)} to scheme ${next.protocol.replace(/:$/, "")} (https or http only)`, at);
      if (current.protocol === "https:" && next.protocol === "http:") return new HttpProblem("downgrade", `redirect from ${where(current)} to plain http refused`, at);
      if (seen.has(next.href)) return new HttpProblem("loop", `redirect loop: ${where(current)} leads back to ${where(next)}`, at);
      if (redirects + 1 > limits.maxRedirects) return new HttpProblem("redirects", `more than ${limits.maxRedirects} redirects (last to ${where(next)})`, at);
      seen.add(next.href);
      current = next;
    }
  } catch (e) {
    if (controller.signal.aborted) return new HttpProblem("timeout", `no complete answer within ${limits.timeoutMs / 1000} s`, { host: current.host });
    if (e instanceof HttpProblem) return e;
    const code = (e as NodeJS.ErrnoException).code;
    const first = String((e as Error)?.message ?? e).split("\n")[0]!;
    return new HttpProblem("network", `${first}${code && !first.includes(code) ? ` (${code})` : ""}`, { host: current.host, ...(code ? { code } : {}) });
  } finally {
    clearTimeout(timer);
  }
}

/** GET `url` within `limits`, for a caller that wants the body or one line. Never throws. */
export async function fetchBytes(url: string, limits: HttpLimits): Promise<{ readonly bytes: Buffer; readonly url: string } | { readonly problem: string }> {
  const got = await httpRequest(url, { headers: { accept: "application/json", "user-agent": "cdktf-clickpipes" } }, limits);
  return got instanceof HttpProblem ? { problem: got.message } : { bytes: got.bytes, url: where(got.url) };
}
