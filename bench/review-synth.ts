/**
 * Synthesize one side of the `diff` bench row: the generic fleet of bench/fleet.ts (base), or the
 * same fleet where every source publishes one more table and every tenth grants one more schema (head).
 *   node --import tsx bench/review-synth.ts --n 1000 --variant base|head --out DIR
 */
import { buildApp } from "../src/app/app";
import type { GenericSourceConfig } from "../src/model/app-config";
import { fleet } from "./fleet";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) throw new Error(`missing --${name}`);
  return process.argv[i + 1];
};

process.setSourceMapsEnabled(false);
const n = Number(arg("n"));
const variant = arg("variant");
const config = fleet("generic", n);
const sources =
  variant === "head"
    ? config.sources.map((s, i) => {
        const g = s as GenericSourceConfig;
        return {
          ...g,
          tables: [...g.tables!, "public.bench_extra"],
          schemas: i % 10 === 0 ? [...(g.schemas ?? []), { name: "bench_extra" }] : g.schemas,
        };
      })
    : config.sources;
buildApp({ ...config, sources }, { outdir: arg("out") }).synth();
