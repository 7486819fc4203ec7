import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATORS } from "../../scripts/gen";

const ROOT = path.resolve(__dirname, "../..");

describe("npm run gen -- --check", () => {
  it("passes on the committed tree: every generated file is what its generator makes", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/gen.ts"), "--check"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
    expect(out.trim().split("\n")).toEqual(GENERATORS.map((g) => `gen: ${g.name}: up to date`));
  }, 600_000); // six generators, two of them a synth and the provider generator: minutes on a loaded 2-core machine
});
