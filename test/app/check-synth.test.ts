import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkSynth } from "../../src/app/check-synth";
import { config } from "../../stacks/config";
import { genericSource, synthApp } from "../support/helpers";

const ROOT = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-check-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(dir: string, cfg = config): { code: number; lines: string[] } {
  const lines: string[] = [];
  return { code: checkSynth(cfg, dir, (l) => lines.push(l)), lines };
}

describe("check-synth (committed output for VCS-driven runs)", () => {
  const committed = path.join(tmp, "committed");
  synthApp(config, committed);

  it("passes when the committed stacks match a fresh synth", () => {
    expect(run(committed)).toEqual({ code: 0, lines: [`check-synth: ${committed}/stacks is up to date`] });
  });

  it("lists stale, missing and extra files and exits 1", () => {
    const stale = path.join(tmp, "stale");
    fs.cpSync(committed, stale, { recursive: true });
    fs.appendFileSync(path.join(stale, "stacks/orders-db/cdk.tf.json"), " ");
    fs.rmSync(path.join(stale, "stacks/orders-db/server-setup/orders-db/pg_hba.conf"));
    fs.mkdirSync(path.join(stale, "stacks/gone"));
    fs.writeFileSync(path.join(stale, "stacks/gone/cdk.tf.json"), "{}");
    const r = run(stale);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `missing: ${stale}/stacks/orders-db/server-setup/orders-db/pg_hba.conf`,
      `stale:   ${stale}/stacks/orders-db/cdk.tf.json`,
      `extra:   ${stale}/stacks/gone/cdk.tf.json`,
      `check-synth: ${stale}/stacks is out of date; run: npx cdktf synth --output ${stale} and commit it`,
    ]);
  });

  it("sees a config change as stale output", () => {
    const r = run(committed, { ...config, sources: [genericSource({ name: "orders-db", port: 6432 })] });
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe(`stale:   ${committed}/stacks/orders-db/cdk.tf.json`);
  });

  it("exits 2 when the committed folder does not exist", () => {
    const missing = path.join(tmp, "nope");
    expect(run(missing)).toEqual({ code: 2, lines: [`check-synth: ${missing}/stacks does not exist; name the folder the stacks were synthesized into`] });
  });

  it("as a program, checks the same sources as the app: the typed config plus CLICKPIPES_FLEET", () => {
    const out = path.join(tmp, "with-fleet");
    const env = { ...process.env, CDKTF_OUTDIR: out, CLICKPIPES_FLEET: path.join(ROOT, "examples/fleet/fleet.yaml") };
    const synth = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "stacks/main.ts")], { cwd: ROOT, encoding: "utf8", env });
    expect(synth.status, synth.stderr).toBe(0);
    const check = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "stacks/check-synth.ts"), out], { cwd: ROOT, encoding: "utf8", env });
    expect(check.stdout).toBe(`check-synth: ${out}/stacks is up to date\n`);
    expect(check.status).toBe(0);
  });

  it("exits 2 with the validation lines for a bad config", () => {
    const r = run(committed, { sources: [genericSource({ port: 0 })] });
    expect(r).toEqual({ code: 2, lines: ['error: source "orders-db": port = 0 is not allowed: an integer from 1 to 65535 [port-range]'] });
  });
});
