/**
 * One measurement of `npm run bench`, in a fresh process: build and synthesize a whole fleet in one
 * App, then print one JSON line with the timings, the peak RSS and what was synthesized.
 *
 *   node --import tsx bench/child.ts --impl ours|naive|trivial --kind generic|aurora --n 100 --out DIR [--source-maps off]
 *
 * `--impl trivial` (bench/trivial/app.ts) synthesizes `n` trivial stacks instead of the fleet: the
 * yardstick the synth rows are divided by.
 *
 * Times are from `performance.now()`, whose origin is the start of this process, so `wallMs`
 * includes Node and tsx start-up and every module import: what a user waits for.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** What one child reports. */
export interface ChildResult {
  impl: "ours" | "naive" | "trivial";
  kind: "generic" | "aurora";
  n: number;
  sourceMaps: boolean;
  /** Process start to the end of synth. */
  wallMs: number;
  /** Process start to the start of the fleet's module import (Node + tsx start-up). */
  startupMs: number;
  /** Importing the app's modules (cdktf, providers, constructs). */
  importMs: number;
  /** Building the constructs and synthesizing every stack. */
  buildSynthMs: number;
  /** `process.resourceUsage().maxRSS`, in bytes. */
  peakRssBytes: number;
  stacks: number;
  /** Resources and data sources by type, over the whole fleet. */
  resourceTypes: Record<string, number>;
}

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`missing --${name}`);
  return v;
}

async function main(): Promise<void> {
  const sourceMaps = arg("source-maps", "default") !== "off";
  if (!sourceMaps) process.setSourceMapsEnabled(false);
  const impl = arg("impl") as ChildResult["impl"];
  const kind = arg("kind") as ChildResult["kind"];
  const n = Number(arg("n"));
  const out = arg("out");
  const { fleet } = await import("./fleet");
  const config = fleet(kind, n);

  const t0 = performance.now();
  let synth: () => void;
  if (impl === "ours") {
    const { buildApp } = await import("../src/app/app");
    const t1 = performance.now();
    synth = () => buildApp(config, { outdir: out }).synth();
    return finish(t0, t1);
  } else if (impl === "trivial") {
    const { buildTrivialApp } = await import("./trivial/app");
    const t1 = performance.now();
    synth = () => buildTrivialApp(n, out).synth();
    return finish(t0, t1);
  } else {
    const { buildNaiveApp } = await import("./naive/app");
    const t1 = performance.now();
    // The bench fleets are generic sources with a host (only clickhouse-managed sources leave it unset).
    synth = () => buildNaiveApp(config.sources as readonly import("./naive/app").NaiveSource[], out).synth();
    return finish(t0, t1);
  }

  function finish(tImport: number, tBuild: number): void {
    synth();
    const tEnd = performance.now();
    const peakRssBytes = process.resourceUsage().maxRSS * 1024;
    const resourceTypes: Record<string, number> = {};
    const stackDirs = fs.readdirSync(path.join(out, "stacks"));
    for (const dir of stackDirs) {
      const json = JSON.parse(fs.readFileSync(path.join(out, "stacks", dir, "cdk.tf.json"), "utf8"));
      for (const block of [json.resource ?? {}, json.data ?? {}]) {
        for (const [type, byName] of Object.entries(block)) {
          resourceTypes[type] = (resourceTypes[type] ?? 0) + Object.keys(byName as object).length;
        }
      }
    }
    const result: ChildResult = {
      impl,
      kind,
      n,
      sourceMaps,
      wallMs: tEnd,
      startupMs: tImport,
      importMs: tBuild - tImport,
      buildSynthMs: tEnd - tBuild,
      peakRssBytes,
      stacks: stackDirs.length,
      resourceTypes,
    };
    process.stdout.write(JSON.stringify(result) + "\n");
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
