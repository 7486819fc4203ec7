/**
 * The run task row of `npm run bench` (bench/review.ts runs this in a fresh process): the run task
 * server and a stand-in of HCP Terraform's API (test/support/hcp-standin.ts) on loopback; each run
 * POSTs a signed post-plan request for a plan of `--n` resource changes and times it until the
 * callback PATCH has arrived (request, plan download through the archivist redirect, guard,
 * callback). Prints one JSON line on stderr: the times (ms), the yardstick (JSON.parse of the same
 * plan text in this process, ms) and the last task result's status.
 *
 * `--stalled <n>`: the abuse row instead. <n> connections each declare a 1 MiB body with a
 * well-formed but wrong signature, send 1 MiB - 1 of it and stall (the attack of issue 24); then one
 * signed run of a small plan is timed until its callback arrives (and, before the stalls, the same
 * run with none: the row's yardstick). Prints the server's RSS before,
 * its peak while the stalls are open, the time to the result and the server's counters. The
 * attacker shares one body buffer across its sockets, so the RSS is the server's.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { startRunTaskServer } from "../src/runtask/server";
import { payload, post, startStandIn, waitFor } from "../test/support/hcp-standin";
import { median } from "./median";
import { syntheticPlan } from "./review";

const MB = 1024 * 1024;

async function stalled(n: number): Promise<void> {
  const key = crypto.randomBytes(32).toString("hex");
  const hcp = await startStandIn();
  hcp.plans.set("small", fs.readFileSync(path.join(__dirname, "../test/fixtures/plans/update-grant-in-place.json"), "utf8"));
  const server = await startRunTaskServer({ hmacKey: key, port: 0, log: () => undefined });
  // The yardstick: the same signed run of the same plan with no stalled upload (median of 3).
  const quiet: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = await post(server.url, JSON.stringify(payload(hcp, "small", `quiet-${i}`)), key);
    if (r.status !== 200) throw new Error(`run task answered ${r.status} with no stalled upload`);
    await waitFor(() => hcp.callbacks.some((c) => c.id === `quiet-${i}`), 120_000);
    quiet.push(performance.now() - t);
  }
  const quietMs = median(quiet);
  const sockets: net.Socket[] = [];
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const sampler = setInterval(sample, 20);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const body = Buffer.alloc(MB - 1, 0x20);
  const u = new URL(server.url);
  try {
    for (let i = 0; i < n; i++) {
      await new Promise<void>((resolve) => {
        const s = net.connect(Number(u.port), u.hostname, () => {
          s.write(`POST / HTTP/1.1\r\nhost: ${u.host}\r\ncontent-type: application/json\r\ncontent-length: ${MB}\r\nx-tfc-task-signature: ${"ab".repeat(64)}\r\n\r\n`);
          s.write(body, () => resolve());
        });
        s.on("error", () => resolve());
        s.resume();
        sockets.push(s);
      });
    }
    // Let the server read what is in flight before the signed run.
    await new Promise((r) => setTimeout(r, 500));
    sample();
    const rssStalled = process.memoryUsage().rss;
    const open = sockets.filter((s) => !s.destroyed).length;
    const t0 = performance.now();
    const r = await post(server.url, JSON.stringify(payload(hcp, "small", "amid-stalls")), key);
    if (r.status !== 200) throw new Error(`run task answered ${r.status} amid the stalled uploads`);
    await waitFor(() => hcp.callbacks.some((c) => c.id === "amid-stalls"), 120_000);
    const ms = performance.now() - t0;
    sample();
    const status = hcp.callbacks.find((c) => c.id === "amid-stalls")!.body.data.attributes.status;
    const stats = (server as { stats?: () => unknown }).stats?.() ?? null;
    process.stderr.write(
      JSON.stringify({ stalled: n, quietMs, openAtRun: open, rssBeforeMB: rssBefore / MB, rssStalledMB: rssStalled / MB, rssPeakMB: peak / MB, timeToResultMs: ms, status, stats }) + "\n",
    );
  } finally {
    clearInterval(sampler);
    for (const s of sockets) s.destroy();
    await server.close(1000);
    await hcp.close();
  }
}

async function main(): Promise<void> {
  const arg = (name: string, def: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : def;
  };
  if (process.argv.includes("--stalled")) return stalled(arg("stalled", 300));
  const n = arg("n", 10_000);
  const repeat = arg("repeat", 3);
  const key = crypto.randomBytes(32).toString("hex");
  const hcp = await startStandIn();
  const planText = syntheticPlan(n);
  hcp.plans.set("bench", planText);
  // The yardstick: JSON.parse of the same plan text in this process (median of 5).
  const parses: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    JSON.parse(planText);
    parses.push(performance.now() - t);
  }
  const parseMs = median(parses);
  const server = await startRunTaskServer({ hmacKey: key, port: 0, log: () => undefined });
  const times: number[] = [];
  let status = "";
  let bytes = 0;
  try {
    for (let i = 0; i < repeat; i++) {
      const id = `bench-${i}`;
      const body = JSON.stringify(payload(hcp, "bench", id));
      const t0 = performance.now();
      const r = await post(server.url, body, key);
      if (r.status !== 200) throw new Error(`run task answered ${r.status}`);
      await waitFor(() => hcp.callbacks.some((c) => c.id === id), 120_000);
      times.push(performance.now() - t0);
      const cb = hcp.callbacks.find((c) => c.id === id)!;
      status = cb.body.data.attributes.status;
      bytes = JSON.stringify(cb.body).length;
    }
  } finally {
    await server.close(1000);
    await hcp.close();
  }
  process.stderr.write(JSON.stringify({ times, parseMs, status, callbackBytes: bytes, planBytes: Buffer.byteLength(planText) }) + "\n");
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
