/**
 * `cdktf-clickpipes run-task` against a stand-in of HCP Terraform's API on 127.0.0.1
 * (test/support/hcp-standin.ts): signed and unsigned requests, the verification request, a blocked
 * and a clean plan behind the archivist redirect, HCP unreachable, a slow and an oversize plan
 * download, the concurrency cap, and SIGTERM of the bin in a child process. No log line carries the
 * access token, the HMAC key or a signature.
 */
import { execFileSync, spawn } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LogEvent, RunTaskOptions, RunTaskServer, startRunTaskServer } from "../../src/runtask/server";
import { MESSAGE_MAX } from "../../src/runtask/protocol";
import { namesWithin } from "../../src/runtask/result";
import { payload, post, StandIn, startStandIn, TOKEN, waitFor } from "../support/hcp-standin";

const ROOT = path.resolve(__dirname, "../..");
const PLANS = path.join(ROOT, "test/fixtures/plans");
const KEY = "run-task-hmac-key-for-tests-5f1c";
const BLOCKED_ADDRESS = "postgresql_publication.orders-db_Publication_92C9D745";
const logs: LogEvent[] = [];
let hcp: StandIn;
let task: RunTaskServer;
const servers: RunTaskServer[] = [];

async function start(opts: Partial<RunTaskOptions> = {}): Promise<RunTaskServer> {
  const s = await startRunTaskServer({ hmacKey: KEY, port: 0, log: (e) => logs.push(e), callback: { attempts: 2, backoffMs: 50, timeoutMs: 2000 }, ...opts });
  servers.push(s);
  return s;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

const callbackOf = (id: string) => hcp.callbacks.find((c) => c.id === id);

beforeAll(async () => {
  hcp = await startStandIn();
  hcp.plans.set("blocked", fs.readFileSync(path.join(PLANS, "replace-publication.json"), "utf8"));
  hcp.plans.set("clean", fs.readFileSync(path.join(PLANS, "update-grant-in-place.json"), "utf8"));
  hcp.plans.set("state", JSON.stringify({ format_version: "1.0", values: {} }));
  task = await start({ fetch: { totalTimeoutMs: 1500, connectTimeoutMs: 1000, maxBytes: 1024 * 1024 } });
});

afterAll(async () => {
  for (const s of servers) await s.close(1000);
  await hcp?.close();
});

describe("run task requests", () => {
  it("a signed clean plan: 200 at once, then passed; the token goes to HCP and not to the archivist", async () => {
    const before = hcp.archivistAuth.length;
    const r = await post(task.url, JSON.stringify(payload(hcp, "clean", "clean-1")), KEY);
    expect(r.status).toBe(200);
    await waitFor(() => !!callbackOf("clean-1"));
    const cb = callbackOf("clean-1")!;
    expect(cb.authorization).toBe(`Bearer ${TOKEN}`);
    expect(cb.contentType).toBe("application/vnd.api+json");
    expect(cb.body.data.type).toBe("task-results");
    expect(cb.body.data.attributes.status).toBe("passed");
    expect(cb.body.data.attributes.message).toMatch(/^Nothing breaks a running ClickPipe \(\d+ changes? checked/);
    expect(hcp.hcpAuth).toContain(`Bearer ${TOKEN}`);
    expect(hcp.archivistAuth.length).toBeGreaterThan(before);
    expect(hcp.archivistAuth.slice(before)).toEqual(hcp.archivistAuth.slice(before).map(() => undefined));
  });

  it("a signed blocked plan: failed, naming the address, with one outcome per verdict", async () => {
    expect((await post(task.url, JSON.stringify(payload(hcp, "blocked", "blocked-1")), KEY)).status).toBe(200);
    await waitFor(() => !!callbackOf("blocked-1"));
    const { data } = callbackOf("blocked-1")!.body;
    expect(data.attributes.status).toBe("failed");
    expect(data.attributes.message).toContain("1 change would break a running ClickPipe");
    expect(data.attributes.message).toContain(BLOCKED_ADDRESS);
    const outcomes = data.relationships!.outcomes.data;
    expect(outcomes[0].type).toBe("task-result-outcomes");
    expect(outcomes[0].attributes.description).toContain(BLOCKED_ADDRESS);
    expect(outcomes[0].attributes.tags!.Status).toEqual([{ label: "Blocked", level: "error" }]);
  });

  it("outcomes only when the caller says it accepts them", async () => {
    await post(task.url, JSON.stringify(payload(hcp, "blocked", "blocked-2", { capabilities: { outcomes: false } })), KEY);
    await waitFor(() => !!callbackOf("blocked-2"));
    expect(callbackOf("blocked-2")!.body.data.relationships).toBeUndefined();
    expect(callbackOf("blocked-2")!.body.data.attributes.status).toBe("failed");
  });

  it("--allow makes a blocked change pass, reported as allowed", async () => {
    const allowing = await start({ allow: [BLOCKED_ADDRESS] });
    await post(allowing.url, JSON.stringify(payload(hcp, "blocked", "allowed-1")), KEY);
    await waitFor(() => !!callbackOf("allowed-1"));
    const { data } = callbackOf("allowed-1")!.body;
    expect(data.attributes.status).toBe("passed");
    expect(data.attributes.message).toContain("1 allowed");
    expect(data.relationships!.outcomes.data[0].attributes.tags!.Status).toEqual([{ label: "Allowed", level: "info" }]);
  });

  it("unsigned (no header, or the empty string HCP sends without a key): 401; wrong signature: 403; no callback", async () => {
    const body = JSON.stringify(payload(hcp, "blocked", "unsigned-1"));
    expect((await post(task.url, body, null)).status).toBe(401);
    expect((await post(task.url, body, KEY, "")).status).toBe(401);
    expect((await post(task.url, body, "another-key")).status).toBe(403);
    expect((await post(task.url, body, KEY, "00".repeat(64))).status).toBe(403);
    expect((await post(task.url, body, KEY, "not hex")).status).toBe(403);
    // Signed for a different body.
    const sig = crypto
      .createHmac("sha512", KEY)
      .update(body + " ")
      .digest("hex");
    expect((await post(task.url, body, KEY, sig)).status).toBe(403);
    await task.idle();
    expect(callbackOf("unsigned-1")).toBeUndefined();
  });

  it("the verification request sent when a task is created: 200 and no callback", async () => {
    const n = hcp.callbacks.length;
    const verification = { payload_version: 1, stage: "test", access_token: "test-token", task_result_callback_url: `${hcp.hcpUrl}/api/v2/task-results/verify/callback` };
    expect((await post(task.url, JSON.stringify(verification), KEY)).status).toBe(200);
    const noCallbackUrl = { payload_version: 1, access_token: "some-token" };
    expect((await post(task.url, JSON.stringify(noCallbackUrl), KEY)).status).toBe(200);
    await task.idle();
    await new Promise((r) => setTimeout(r, 100));
    expect(hcp.callbacks.length).toBe(n);
    expect(logs.filter((e) => e.event === "verification").length).toBeGreaterThanOrEqual(2);
  });

  it("signed but not a payload: 400 with one line", async () => {
    expect(await post(task.url, "{not json", KEY)).toEqual({ status: 400, text: "body is not JSON\n" });
    expect((await post(task.url, JSON.stringify({ ...payload(hcp, "clean", "v2"), payload_version: 2 }), KEY)).text).toBe("payload_version 2 is not supported; supported: 1\n");
    expect((await post(task.url, JSON.stringify({ ...payload(hcp, "clean", "v3"), plan_json_api_url: "file:///etc/passwd" }), KEY)).status).toBe(400);
  });

  it("a request over the size cap: 413", async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, " ");
    expect((await post(task.url, big, KEY)).status).toBe(413);
  });

  it("GET /healthz: 200 ok; other methods: 405", async () => {
    const h = await fetch(`${task.url}/healthz`);
    expect([h.status, await h.text()]).toEqual([200, "ok\n"]);
    expect((await fetch(task.url, { method: "GET" })).status).toBe(405);
  });
});

describe("failing closed", () => {
  it("HCP unreachable for the plan: failed with the reason", async () => {
    const port = await closedPort();
    const p = payload(hcp, "clean", "unreachable-1", { plan_json_api_url: `http://127.0.0.1:${port}/api/v2/plans/x/json-output` });
    expect((await post(task.url, JSON.stringify(p), KEY)).status).toBe(200);
    await waitFor(() => !!callbackOf("unreachable-1"));
    const a = callbackOf("unreachable-1")!.body.data.attributes;
    expect(a.status).toBe("failed");
    expect(a.message).toMatch(/^cdktf-clickpipes could not check the plan: cannot reach 127\.0\.0\.1:\d+: ECONNREFUSED$/);
  });

  it("the callback itself unreachable: retried, then logged", async () => {
    const port = await closedPort();
    const p = payload(hcp, "clean", "nocallback-1", { task_result_callback_url: `http://127.0.0.1:${port}/api/v2/task-results/nocallback-1/callback` });
    await post(task.url, JSON.stringify(p), KEY);
    await waitFor(() => logs.some((e) => e.event === "callback-failed" && e.run_id === "run-nocallback-1"));
    expect(logs.filter((e) => e.event === "callback-attempt" && e.run_id === "run-nocallback-1").length).toBe(2);
  });

  it("a callback HCP rejects (422) is not retried and is logged", async () => {
    hcp.callbackStatus = 422;
    try {
      await post(task.url, JSON.stringify(payload(hcp, "clean", "rejected-1")), KEY);
      await waitFor(() => logs.some((e) => e.event === "callback-rejected" && e.run_id === "run-rejected-1"));
      expect(hcp.callbacks.filter((c) => c.id === "rejected-1").length).toBe(1);
    } finally {
      hcp.callbackStatus = 200;
    }
  });

  it("a slow plan download times out: failed", async () => {
    hcp.plans.set("slow", (res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"format_version":"1.2","resource_changes":[');
      // ...and nothing more: the total timeout (1.5 s here) ends it.
    });
    await post(task.url, JSON.stringify(payload(hcp, "slow", "slow-1")), KEY);
    await waitFor(() => !!callbackOf("slow-1"));
    expect(callbackOf("slow-1")!.body.data.attributes).toEqual({ status: "failed", message: "cdktf-clickpipes could not check the plan: plan download timed out after 1500 ms" });
  });

  it("an oversize plan (declared or streamed): failed", async () => {
    hcp.plans.set("big-declared", (res) => res.writeHead(200, { "content-length": String(2 * 1024 * 1024) }).end());
    hcp.plans.set("big-streamed", (res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, " ");
      let sent = 0;
      const more = (): void => {
        while (sent < 4 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once("drain", more);
            return;
          }
        }
        res.end();
      };
      more();
    });
    await post(task.url, JSON.stringify(payload(hcp, "big-declared", "big-1")), KEY);
    await post(task.url, JSON.stringify(payload(hcp, "big-streamed", "big-2")), KEY);
    await waitFor(() => !!callbackOf("big-1") && !!callbackOf("big-2"));
    expect(callbackOf("big-1")!.body.data.attributes.message).toBe("cdktf-clickpipes could not check the plan: plan JSON is 2097152 bytes, over the 1048576-byte cap");
    expect(callbackOf("big-2")!.body.data.attributes.message).toBe("cdktf-clickpipes could not check the plan: plan JSON is over the 1048576-byte cap");
  });

  it("a redirect loop, an HTTP error and JSON that is not a plan: failed", async () => {
    await post(task.url, JSON.stringify(payload(hcp, "loop", "loop-1")), KEY);
    await post(task.url, JSON.stringify(payload(hcp, "missing-on-archivist", "missing-1")), KEY);
    await post(task.url, JSON.stringify(payload(hcp, "state", "state-1")), KEY);
    await post(task.url, JSON.stringify(payload(hcp, "clean", "wrongtoken-1", { access_token: "expired" })), KEY);
    await waitFor(() => ["loop-1", "missing-1", "state-1", "wrongtoken-1"].every((id) => !!callbackOf(id)));
    const msg = (id: string) => callbackOf(id)!.body.data.attributes;
    expect(msg("loop-1")).toEqual({ status: "failed", message: "cdktf-clickpipes could not check the plan: more than 5 redirects fetching the plan" });
    expect(msg("missing-1").message).toMatch(/answered 404 to the plan download$/);
    expect(msg("missing-1").message).not.toContain("signature=");
    expect(msg("state-1").message).toContain("plan JSON: has no planned_values or resource_changes");
    expect(msg("wrongtoken-1").message).toMatch(/answered 401 to the plan download$/);
  });

  it("a request with no plan (pre-plan stage): failed, saying to attach the task at post-plan", async () => {
    const p = payload(hcp, "clean", "preplan-1", { stage: "pre_plan" });
    delete p.plan_json_api_url;
    await post(task.url, JSON.stringify(p), KEY);
    await waitFor(() => !!callbackOf("preplan-1"));
    expect(callbackOf("preplan-1")!.body.data.attributes).toEqual({ status: "failed", message: "no plan JSON at stage pre_plan; attach this run task at the post-plan stage" });
  });
});

describe("message within the limit", () => {
  it("names blocked addresses while they fit, then says how many were left out", () => {
    const names = Array.from({ length: 200 }, (_, i) => `postgresql_publication.src-${i}_Publication_ABCDEF01`);
    const m = namesWithin("200 changes would break a running ClickPipe", names, MESSAGE_MAX);
    expect(m.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(m).toContain(names[0]);
    const shown = names.filter((n) => m.includes(n + ",") || m.includes(n + " (")).length;
    expect(m).toMatch(new RegExp(` \\(\\+${200 - shown} more\\)$`));
    expect(namesWithin("h", ["a", "b"], 100)).toBe("h: a, b");
    expect(namesWithin("x".repeat(99), ["a"], 100).length).toBeLessThanOrEqual(100);
  });
});

describe("bounded concurrency", () => {
  it("runs --max-concurrent jobs at once, queues --max-queued, answers 503 beyond", async () => {
    const held: http.ServerResponse[] = [];
    const clean = hcp.plans.get("clean") as string;
    hcp.plans.set("held", (res) => held.push(res));
    const s = await start({ maxConcurrent: 1, maxQueued: 1 });
    const send = (id: string) => post(s.url, JSON.stringify(payload(hcp, "held", id)), KEY);
    expect((await send("held-1")).status).toBe(200);
    await waitFor(() => held.length === 1);
    expect((await send("held-2")).status).toBe(200);
    expect(s.pending()).toBe(2);
    expect((await send("held-3")).status).toBe(503);
    expect(held.length).toBe(1);
    held.shift()!.writeHead(200).end(clean);
    await waitFor(() => held.length === 1);
    held.shift()!.writeHead(200).end(clean);
    await s.idle();
    expect(["held-1", "held-2"].map((id) => callbackOf(id)?.body.data.attributes.status)).toEqual(["passed", "passed"]);
    expect(callbackOf("held-3")).toBeUndefined();
  });
});

describe("the bin: one line without a key, graceful shutdown on SIGTERM", () => {
  const BIN = path.join(ROOT, "bin/cdktf-clickpipes.js");
  beforeAll(() => {
    // The bin runs dist/: compile the current sources first, as output-flush.test.ts does.
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.json")], { cwd: ROOT });
  });

  it("refuses to start without CLICKPIPES_RUN_TASK_HMAC_KEY: exit 2, one line", async () => {
    const env = { ...process.env };
    delete env.CLICKPIPES_RUN_TASK_HMAC_KEY;
    const child = spawn(process.execPath, [BIN, "run-task", "--port", "0"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (c) => (err += c));
    const code = await new Promise((r) => child.on("close", r));
    expect(code).toBe(2);
    expect(err).toBe("cdktf-clickpipes run-task: CLICKPIPES_RUN_TASK_HMAC_KEY is not set; set it to the HMAC key of the run task in HCP Terraform\n");
  });

  it("on SIGTERM stops accepting, finishes the running job, calls back and exits 0; every log line is JSON without a secret", async () => {
    const held: http.ServerResponse[] = [];
    hcp.plans.set("held-bin", (res) => held.push(res));
    const child = spawn(process.execPath, [BIN, "run-task", "--port", "0", "--shutdown-timeout", "20"], {
      env: { ...process.env, CLICKPIPES_RUN_TASK_HMAC_KEY: KEY },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    const closed = new Promise<number | null>((r) => child.on("close", r));
    await waitFor(() => /listening on (http:\S+)/.test(out));
    const url = /listening on (http:\S+)/.exec(out)![1];
    const body = JSON.stringify(payload(hcp, "held-bin", "bin-1"));
    const signature = crypto.createHmac("sha512", KEY).update(body).digest("hex");
    expect((await post(url, body, KEY)).status).toBe(200);
    await waitFor(() => held.length === 1);
    child.kill("SIGTERM");
    await waitFor(() => err.includes('"event":"stopping"'));
    // Stopped accepting: a new connection is refused.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    held[0].writeHead(200).end(hcp.plans.get("clean") as string);
    expect(await closed).toBe(0);
    expect(callbackOf("bin-1")!.body.data.attributes.status).toBe("passed");
    const lines = err
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as LogEvent);
    expect(lines.map((l) => l.event)).toEqual(expect.arrayContaining(["listening", "accepted", "plan-fetched", "verdict", "callback", "signal", "stopping", "stopped"]));
    expect(lines.at(-1)).toMatchObject({ event: "stopped", abandoned: 0 });
    for (const secret of [TOKEN, KEY, signature]) expect(err + out).not.toContain(secret);
  });
});

describe("logs", () => {
  it("carry no access token, HMAC key, signature nor signed archivist URL", () => {
    expect(logs.length).toBeGreaterThan(20);
    const text = logs.map((e) => JSON.stringify(e)).join("\n");
    expect(text).toContain("run-blocked-1");
    for (const secret of [TOKEN, KEY, "signature=", "Bearer"]) expect(text).not.toContain(secret);
  });
});

describe("the command's arguments", () => {
  it("wrong options, an unreadable --allow-file, a busy port: exit 2 with one line; --allow-file reads addresses and # comments", async () => {
    const { runRunTask } = await import("../../src/cli/run-task");
    const { readAllowFile } = await import("../../src/cli/allow");
    const os = await import("node:os");
    const run = async (args: string[]) => {
      let out = "";
      let err = "";
      const w = (f: (s: string) => void) => ({ write: (s: string) => (f(s), true) }) as unknown as NodeJS.WritableStream;
      const code = await runRunTask(
        args,
        w((s) => (out += s)),
        w((s) => (err += s)),
      );
      return { code, out, err: err.split("\n")[0] };
    };
    const saved = process.env.CLICKPIPES_RUN_TASK_HMAC_KEY;
    process.env.CLICKPIPES_RUN_TASK_HMAC_KEY = KEY;
    try {
      expect(await run(["--port", "http"])).toMatchObject({
        code: 2,
        err: `cdktf-clickpipes run-task: --port "http" is not a whole number 0 or more; run "cdktf-clickpipes run-task --help" for the options`,
      });
      expect(await run(["--max-concurrent", "0"])).toMatchObject({
        code: 2,
        err: `cdktf-clickpipes run-task: --max-concurrent "0" is not a whole number 1 or more; run "cdktf-clickpipes run-task --help" for the options`,
      });
      expect((await run(["--bogus"])).code).toBe(2);
      expect(await run(["--allow-file", "/nonexistent/allow.txt"])).toMatchObject({ code: 2, err: "cdktf-clickpipes run-task: --allow-file /nonexistent/allow.txt: no such file" });
      const busy = new URL(task.url);
      expect(await run(["--port", busy.port])).toMatchObject({ code: 2, err: `cdktf-clickpipes run-task: cannot listen on 127.0.0.1:${busy.port}: EADDRINUSE` });
      expect((await run(["--help"])).out).toContain("Exit codes:");
    } finally {
      if (saved === undefined) delete process.env.CLICKPIPES_RUN_TASK_HMAC_KEY;
      else process.env.CLICKPIPES_RUN_TASK_HMAC_KEY = saved;
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "run-task-allow-")), "allow.txt");
    fs.writeFileSync(file, `# deliberate resync, ticket 42\n${BLOCKED_ADDRESS}  # publication rebuilt\n\n  postgresql_role.x_User_Role_1\n`);
    expect(readAllowFile(file)).toEqual([BLOCKED_ADDRESS, "postgresql_role.x_User_Role_1"]);
  });
});
