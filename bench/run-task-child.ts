/**
 * The run task row of `npm run bench` (bench/review.ts runs this in a fresh process): the run task
 * server and a stand-in of HCP Terraform's API (test/support/hcp-standin.ts) on loopback; each run
 * POSTs a signed post-plan request for a plan of `--n` resource changes and times it until the
 * callback PATCH has arrived (request, plan download through the archivist redirect, guard,
 * callback). Prints one JSON line on stderr: the times (ms) and the last task result's status.
 */
import * as crypto from "node:crypto";
import { startRunTaskServer } from "../src/runtask/server";
import { payload, post, startStandIn, waitFor } from "../test/support/hcp-standin";
import { syntheticPlan } from "./review";

async function main(): Promise<void> {
  const arg = (name: string, def: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : def;
  };
  const n = arg("n", 10_000);
  const repeat = arg("repeat", 3);
  const key = crypto.randomBytes(32).toString("hex");
  const hcp = await startStandIn();
  hcp.plans.set("bench", syntheticPlan(n));
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
  process.stderr.write(JSON.stringify({ times, status, callbackBytes: bytes, planBytes: Buffer.byteLength(hcp.plans.get("bench") as string) }) + "\n");
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
