/**
 * `run-task` when the network is the attacker: stalled uploads with a well-formed but wrong
 * signature, unsigned floods, slow bodies, a plan large enough to stall an event loop, an archivist
 * URL whose path is a credential answering 404, an https plan URL redirecting to plain http, and
 * the one HTTP client's HTTP_PROXY tunnel. Liveness is asserted by order of events, never by time.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LogEvent, RunTaskOptions, RunTaskServer, startRunTaskServer } from "../../src/runtask/server";
import { payload, post, StandIn, startStandIn, waitFor } from "../support/hcp-standin";

const ROOT = path.resolve(__dirname, "../..");
const KEY = "run-task-abuse-hmac-key-77e1";
const logs: LogEvent[] = [];
const servers: RunTaskServer[] = [];
const attackers = new Set<net.Socket>();
let hcp: StandIn;

async function start(opts: Partial<RunTaskOptions> = {}): Promise<RunTaskServer> {
  const s = await startRunTaskServer({ hmacKey: KEY, port: 0, log: (e) => logs.push(e), callback: { attempts: 2, backoffMs: 50, timeoutMs: 5000 }, ...opts });
  servers.push(s);
  return s;
}

const callbackOf = (id: string) => hcp.callbacks.find((c) => c.id === id);

/** A plan JSON of `n` no-op grants (valid for the guard, as large as needed). */
function bigPlan(n: number): string {
  const changes = Array.from({ length: n }, (_, i) => ({
    address: `postgresql_grant.src-${i}_Grant_${i}`,
    mode: "managed",
    type: "postgresql_grant",
    name: `src-${i}_Grant_${i}`,
    provider_name: "registry.terraform.io/cyrilgdn/postgresql",
    change: { actions: ["no-op"], before: { role: `r${i}`, privileges: ["SELECT"] }, after: { role: `r${i}`, privileges: ["SELECT"] } },
  }));
  return JSON.stringify({ format_version: "1.2", terraform_version: "1.9.0", resource_changes: changes });
}

/**
 * A raw upload: headers of a `declared`-byte POST (with `signature`, or none), then `send` bytes of
 * body, then nothing more. Resolves once the bytes are written.
 */
function stalledUpload(url: string, declared: number, send: number, signature: string | null): Promise<net.Socket> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(u.port), u.hostname, () => {
      const sig = signature === null ? "" : `x-tfc-task-signature: ${signature}\r\n`;
      socket.write(`POST / HTTP/1.1\r\nhost: ${u.host}\r\ncontent-type: application/json\r\ncontent-length: ${declared}\r\n${sig}\r\n`);
      socket.write(Buffer.alloc(send, 0x20), () => resolve(socket));
    });
    socket.on("error", () => resolve(socket));
    attackers.add(socket);
  });
}

beforeAll(async () => {
  hcp = await startStandIn();
  hcp.plans.set("clean", fs.readFileSync(path.join(ROOT, "test/fixtures/plans/update-grant-in-place.json"), "utf8"));
});

afterAll(async () => {
  for (const s of attackers) s.destroy();
  for (const s of servers) await s.close(1000);
  await hcp?.close();
});

describe("stalled uploads", () => {
  it("many stalled uploads with a well-formed wrong signature and unsigned ones: bytes and connections stay capped, a signed run still gets its result", async () => {
    const MiB = 1024 * 1024;
    const s = await start({ maxConnections: 24, maxBufferedBytes: 4 * MiB, maxRequestBytes: MiB, bodyTimeoutMs: 600_000 });
    const wrong = "ab".repeat(64);
    let peakBytes = 0;
    let peakConnections = 0;
    const sample = () => {
      const st = s.stats();
      peakBytes = Math.max(peakBytes, st.bufferedBytes);
      peakConnections = Math.max(peakConnections, st.connections);
    };
    for (let i = 0; i < 60; i++) {
      await stalledUpload(s.url, MiB, MiB - 1, i % 3 === 0 ? null : wrong);
      sample();
    }
    sample();
    // Before: every body was buffered before the signature check, no cap (60 MiB held here).
    expect(peakBytes).toBeLessThanOrEqual(4 * MiB);
    expect(peakConnections).toBeLessThanOrEqual(24);
    expect(s.stats().droppedForMemory + s.stats().evictedConnections).toBeGreaterThan(0);
    // The stalled ones are still open (up to the cap) while HCP Terraform's request comes in.
    expect(s.stats().connections).toBeGreaterThan(5);
    const r = await post(s.url, JSON.stringify(payload(hcp, "clean", "amid-stalls-1")), KEY);
    expect(r.status).toBe(200);
    await waitFor(() => !!callbackOf("amid-stalls-1"));
    expect(callbackOf("amid-stalls-1")!.body.data.attributes.status).toBe("passed");
    expect(s.stats().bufferedBytes).toBeLessThanOrEqual(4 * MiB);
  });

  it("an unsigned upload is answered 401 from its headers, before any body byte is buffered", async () => {
    const s = await start({ bodyTimeoutMs: 600_000 });
    const socket = await stalledUpload(s.url, 1024 * 1024, 10, null);
    let answer = "";
    socket.on("data", (c) => (answer += c));
    await waitFor(() => answer.includes("\r\n\r\n"));
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(s.stats().bufferedBytes).toBe(0);
  });

  it("a body that does not arrive within the body timeout is dropped and its connection closed", async () => {
    const s = await start({ bodyTimeoutMs: 200 });
    const socket = await stalledUpload(s.url, 1000, 10, "cd".repeat(64));
    socket.resume();
    await new Promise<void>((r) => (socket.destroyed ? r() : socket.once("close", () => r())));
    expect(s.stats().timedOut).toBeGreaterThanOrEqual(1);
    expect(s.stats().bufferedBytes).toBe(0);
  });
});

describe("a large plan", () => {
  it("is judged off the event loop: a second run completes while the first is still being judged", async () => {
    hcp.plans.set("large", bigPlan(60_000));
    const s = await start({ fetch: { maxBytes: 64 * 1024 * 1024 } });
    await post(s.url, JSON.stringify(payload(hcp, "large", "large-1")), KEY);
    await waitFor(() => logs.some((e) => e.event === "plan-fetched" && e.run_id === "run-large-1"), 60_000);
    // The large plan is now being judged; a small run started now must not wait for it.
    await post(s.url, JSON.stringify(payload(hcp, "clean", "small-during-large")), KEY);
    await waitFor(() => !!callbackOf("small-during-large") && !!callbackOf("large-1"), 120_000);
    const order = hcp.callbacks.map((c) => c.id);
    expect(order.indexOf("small-during-large")).toBeLessThan(order.indexOf("large-1"));
    expect(callbackOf("large-1")!.body.data.attributes.message).toMatch(/^Nothing breaks a running ClickPipe \(0 changes checked/);
  }, 180_000);

  it("the default plan cap is guard's 64 MiB file cap", async () => {
    const { DEFAULTS } = await import("../../src/runtask/server");
    const { MAX_PLAN_FILE_BYTES } = await import("../../src/guard/plan");
    expect(DEFAULTS.fetch.maxBytes).toBe(MAX_PLAN_FILE_BYTES);
    expect(MAX_PLAN_FILE_BYTES).toBeLessThanOrEqual(64 * 1024 * 1024);
  });
});

describe("archivist URLs", () => {
  it("a 404 from the archivist puts nothing of its path or query in the log or the task result", async () => {
    const s = await start();
    // The stand-in redirects to <archivist>/object/<name>?signature=...: the name plays the credential.
    const credential = "cred-0f9e8d7c6b5a4f3e";
    const before = logs.length;
    await post(s.url, JSON.stringify(payload(hcp, credential, "archivist-404")), KEY);
    await waitFor(() => !!callbackOf("archivist-404"));
    const message = callbackOf("archivist-404")!.body.data.attributes.message;
    expect(message).toBe(`cdktf-clickpipes could not check the plan: ${new URL(hcp.archivistUrl).host} answered 404 to the plan download`);
    const text = JSON.stringify(logs.slice(before)) + message;
    for (const leak of [credential, "/object/", "signature", "json-output"]) expect(text).not.toContain(leak);
  });

  it("an https plan URL redirected to plain http is refused (failed, nothing fetched over http)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "run-task-tls-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        path.join(dir, "key.pem"),
        "-out",
        path.join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    const cert = fs.readFileSync(path.join(dir, "cert.pem"), "utf8");
    const secure = https.createServer({ key: fs.readFileSync(path.join(dir, "key.pem")), cert }, (_req, res) => res.writeHead(307, { location: `${hcp.archivistUrl}/object/clean?signature=x` }).end());
    await new Promise<void>((r) => secure.listen(0, "127.0.0.1", r));
    const origin = `https://127.0.0.1:${(secure.address() as net.AddressInfo).port}`;
    try {
      const s = await start({ fetch: { ca: cert } });
      const seen = hcp.archivistAuth.length;
      await post(s.url, JSON.stringify(payload(hcp, "clean", "downgrade-1", { plan_json_api_url: `${origin}/api/v2/plans/x/json-output` })), KEY);
      await waitFor(() => !!callbackOf("downgrade-1"));
      expect(callbackOf("downgrade-1")!.body.data.attributes).toEqual({
        status: "failed",
        message: `cdktf-clickpipes could not check the plan: ${new URL(origin).host} redirected the plan download from https to plain http; refused`,
      });
      expect(hcp.archivistAuth.length).toBe(seen);
    } finally {
      secure.closeAllConnections();
      await new Promise((r) => secure.close(r));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the one HTTP client", () => {
  it("run-task's plan download and callback go through HTTP_PROXY's CONNECT tunnel, as ips --check's read does", async () => {
    const tunnels: string[] = [];
    const proxySockets = new Set<net.Socket>();
    const proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      tunnels.push(req.url!);
      const at = req.url!.lastIndexOf(":");
      const upstream = net.connect(Number(req.url!.slice(at + 1)), req.url!.slice(0, at), () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const sock of [client, upstream]) {
        proxySockets.add(sock);
        sock.on("error", () => undefined);
      }
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
    try {
      const s = await start({ fetch: { env: { HTTP_PROXY: `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}` } } });
      await post(s.url, JSON.stringify(payload(hcp, "clean", "proxied-1")), KEY);
      await waitFor(() => !!callbackOf("proxied-1"));
      expect(callbackOf("proxied-1")!.body.data.attributes.status).toBe("passed");
      // Plan request to HCP, the archivist after the redirect, the callback PATCH.
      expect(tunnels).toEqual([new URL(hcp.hcpUrl).host, new URL(hcp.archivistUrl).host, new URL(hcp.hcpUrl).host]);
    } finally {
      for (const sock of proxySockets) sock.destroy();
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    }
  });
});
