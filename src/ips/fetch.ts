/**
 * GET a small document over http(s) with the limits a scheduled job needs: one deadline for the
 * whole exchange, redirects followed up to a limit (never in a loop, never from https to http), the
 * body counted while it streams and cut at a size cap, and every problem one short line.
 *
 * Proxies: Node 20's http clients ignore HTTPS_PROXY/HTTP_PROXY, so this module honours them itself
 * (lower-case names too, and NO_PROXY): it opens a CONNECT tunnel through the proxy (an `http://`
 * proxy URL, optionally with `user:password@`) and speaks HTTP or TLS to the target inside it, so
 * the proxy never sees the request. An `https://` proxy URL (TLS to the proxy itself) is refused.
 */
import * as http from "node:http";
import * as https from "node:https";
import * as net from "node:net";
import * as tls from "node:tls";
import type { Duplex } from "node:stream";

export interface FetchLimits {
  /** Deadline for the whole exchange (connect, redirects, body), in milliseconds. */
  readonly timeoutMs: number;
  /** Largest body accepted, in bytes (counted while streaming). */
  readonly maxBytes: number;
  /** Redirects followed at most. */
  readonly maxRedirects: number;
  /** Environment for the proxy variables. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Certificate authorities to trust instead of Node's (tests; users set NODE_EXTRA_CA_CERTS). @default Node's */
  readonly ca?: string;
}

export type FetchResult = { readonly bytes: Buffer; readonly url: string } | { readonly problem: string };

class FetchProblem extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The proxy to use for `url` per HTTPS_PROXY / HTTP_PROXY / NO_PROXY, or undefined for a direct connection. */
export function proxyFor(url: URL, env: Readonly<Record<string, string | undefined>> = process.env): URL | undefined {
  const name = url.protocol === "https:" ? "https_proxy" : "http_proxy";
  const value = env[name] || env[name.toUpperCase()];
  if (!value) return undefined;
  if (bypassesProxy(url, env.no_proxy ?? env.NO_PROXY ?? "")) return undefined;
  let proxy: URL;
  try {
    proxy = new URL(value.includes("://") ? value : `http://${value}`);
  } catch {
    throw new FetchProblem(`${name.toUpperCase()} is not a URL`);
  }
  if (proxy.protocol !== "http:") throw new FetchProblem(`${name.toUpperCase()} uses ${proxy.protocol.replace(/:$/, "")}; only an http:// proxy (a CONNECT tunnel) is supported`);
  return proxy;
}

const bare = (host: string) => host.replace(/^\[|\]$/g, "").toLowerCase();

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
  return new Promise((resolve, reject) => {
    const req = http.request({ host: bare(proxy.hostname), port: proxy.port || 80, method: "CONNECT", path: authority, headers, signal });
    req.once("connect", (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        reject(new FetchProblem(`the proxy ${proxy.host} refused the tunnel to ${authority} (HTTP ${res.statusCode})`));
      } else resolve(socket);
    });
    req.once("response", (res) => {
      res.resume();
      reject(new FetchProblem(`the proxy ${proxy.host} refused the tunnel to ${authority} (HTTP ${res.statusCode})`));
    });
    req.once("error", (e) => reject(e));
    req.end();
  });
}

interface Answer {
  readonly status: number;
  readonly location?: string;
  readonly bytes?: Buffer;
}

async function getOnce(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<Answer> {
  const proxy = proxyFor(url, limits.env ?? process.env);
  const socket = proxy ? await tunnel(proxy, url, signal) : undefined;
  const secure = url.protocol === "https:";
  const host = bare(url.hostname);
  const options: https.RequestOptions = {
    method: "GET",
    headers: { accept: "application/json", "user-agent": "cdktf-clickpipes ips" },
    signal,
    ...(limits.ca !== undefined ? { ca: limits.ca } : {}),
    ...(socket
      ? {
          createConnection: () =>
            secure ? tls.connect({ socket: socket as net.Socket, host, servername: net.isIP(host) ? undefined : host, ...(limits.ca !== undefined ? { ca: limits.ca } : {}) }) : (socket as net.Socket),
        }
      : {}),
  };
  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    const req = (secure ? https : http).request(url, options, (res) => {
      const status = res.statusCode ?? 0;
      const refuse = (problem: string) => {
        done(() => reject(new FetchProblem(problem)));
        res.destroy();
      };
      if (REDIRECTS.has(status) || status < 200 || status > 299) {
        res.resume();
        done(() => resolve({ status, location: typeof res.headers.location === "string" ? res.headers.location : undefined }));
        return;
      }
      const declared = Number(res.headers["content-length"]);
      if (Number.isFinite(declared) && declared > limits.maxBytes) return refuse(`the body is ${declared} bytes, over the limit of ${limits.maxBytes}`);
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) return refuse(`the body is over the limit of ${limits.maxBytes} bytes`);
        chunks.push(chunk);
      });
      res.once("end", () => done(() => resolve({ status, bytes: Buffer.concat(chunks) })));
      res.once("error", (e) => done(() => reject(e)));
      res.once("aborted", () => done(() => reject(new FetchProblem("the connection closed before the body ended"))));
    });
    req.once("error", (e) => done(() => reject(e)));
    req.end();
  });
}

/** GET `url` within `limits`. Never throws: a problem comes back as one line. */
export async function fetchBytes(url: string, limits: FetchLimits): Promise<FetchResult> {
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { problem: "not a URL" };
  }
  if (current.protocol !== "https:" && current.protocol !== "http:") return { problem: `scheme ${current.protocol.replace(/:$/, "")} is not supported (https or http only)` };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const seen = new Set<string>([current.href]);
  try {
    for (let redirects = 0; ; redirects++) {
      const answer = await getOnce(current, limits, controller.signal);
      if (answer.bytes !== undefined) return { bytes: answer.bytes, url: current.href };
      if (!REDIRECTS.has(answer.status)) return { problem: `HTTP ${answer.status} from ${current.href}` };
      if (answer.location === undefined) return { problem: `HTTP ${answer.status} from ${current.href} without a Location` };
      let next: URL;
      try {
        next = new URL(answer.location, current);
      } catch {
        return { problem: `redirect from ${current.href} to an invalid URL` };
      }
      if (next.protocol !== "https:" && next.protocol !== "http:") return { problem: `redirect from ${current.href} to scheme ${next.protocol.replace(/:$/, "")} (https or http only)` };
      if (current.protocol === "https:" && next.protocol === "http:") return { problem: `redirect from ${current.href} to plain http refused` };
      if (seen.has(next.href)) return { problem: `redirect loop: ${current.href} leads back to ${next.href}` };
      if (redirects + 1 > limits.maxRedirects) return { problem: `more than ${limits.maxRedirects} redirects (last to ${next.href})` };
      seen.add(next.href);
      current = next;
    }
  } catch (e) {
    if (controller.signal.aborted) return { problem: `no complete answer within ${limits.timeoutMs / 1000} s` };
    if (e instanceof FetchProblem) return { problem: e.message };
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: `${(e as Error).message.split("\n")[0]}${code && !(e as Error).message.includes(code) ? ` (${code})` : ""}` };
  } finally {
    clearTimeout(timer);
  }
}
