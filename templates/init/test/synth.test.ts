import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp, loadAppConfig, stackNames } from "cdktf-clickpipes-postgres";
import { config, fleetFiles } from "../config";

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "clickpipes-synth-"));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

describe("the sources of config.ts and its fleet files", () => {
  it("synthesize one stack per source (Aurora/RDS: two), with no password in the JSON", () => {
    const full = loadAppConfig(
      config,
      fleetFiles.map((f) => path.join(__dirname, "..", f)),
    );
    buildApp(full, { outdir }).synth();
    const expected = full.sources.flatMap((s) => stackNames(s)).sort();
    expect(fs.readdirSync(path.join(outdir, "stacks")).sort()).toEqual(expected);
    for (const stack of expected) {
      const json = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
      // The ClickPipes user's password comes from a sensitive variable, never a literal.
      expect(JSON.stringify(json)).not.toMatch(/"password"\s*:\s*"[^$]/);
      if (!stack.endsWith("-aws")) expect(Object.keys(json.resource)).toContain("postgresql_publication");
    }
  });
});
