/**
 * The PR comment the README shows is real: `diff --markdown` of two synth outputs made here (three
 * generic sources that each gain a table, an Aurora source whose pipe is replaced), quoted between
 * the README's `example-comment` markers. When the formatter changes, regenerate it:
 *   UPDATE_README=1 npx vitest run test/package/readme-comment.test.ts
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, expect, it } from "vitest";
import { readSynthOutput } from "../../src/diff/read";
import { buildDiffReport, formatMarkdown } from "../../src/diff/report";
import { AppConfig } from "../../src/model/app-config";
import { BackendType } from "../../src/model/backend";
import { auroraSource } from "../support/aws-helpers";
import { genericSource, synthApp } from "../support/helpers";

const README = path.resolve(__dirname, "../../README.md");
const START = "<!-- example-comment:start (test/package/readme-comment.test.ts) -->";
const END = "<!-- example-comment:end -->";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-readme-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function config(head: boolean): AppConfig {
  const extra = head ? ["public.refunds"] : [];
  const generic = (name: string, database: string) => genericSource({ name, database, host: `${name}.internal.example.com`, schemas: [{ name: "public" }], tables: ["public.orders", ...extra] });
  return {
    backend: { type: BackendType.LOCAL },
    sources: [
      generic("orders-db", "orders"),
      generic("payments-db", "payments"),
      generic("shipping-db", "shipping"),
      auroraSource({ clickpipe: { serviceId: "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d", destinationDatabase: head ? "billing_v2" : "billing" } }),
    ],
  };
}

it("the README's example PR comment is what diff --markdown prints today", () => {
  const out = (name: string) => {
    const dir = path.join(tmp, name);
    synthApp(config(name === "head-out"), dir);
    return readSynthOutput(dir, name === "head-out" ? "head" : "base");
  };
  const report = buildDiffReport(out("base-out"), out("head-out"), { baseLabel: "base-out", headLabel: "head-out" });
  const comment = formatMarkdown(report);
  const quoted = comment
    .trimEnd()
    .split("\n")
    .map((l) => (l === "" ? ">" : `> ${l}`))
    .join("\n");
  const readme = fs.readFileSync(README, "utf8");
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  expect(a, "README.md has the example-comment markers").toBeGreaterThan(0);
  expect(b).toBeGreaterThan(a);
  const block = `${START}\n${quoted}\n${END}`;
  if (process.env.UPDATE_README === "1") fs.writeFileSync(README, readme.slice(0, a) + block + readme.slice(b + END.length));
  expect(readme.slice(a, b + END.length)).toBe(block);
  // What the example is meant to show.
  expect(comment).toContain("**BLOCKED**: 1 change would break a running ClickPipe, in 1 stack: `billing-db`.");
  expect(comment).toContain("**3 stacks**:");
});
