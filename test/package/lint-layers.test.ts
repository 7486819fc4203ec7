/**
 * The layer rule of eslint/layers.mjs fires: ESLint's Node API lints small sources as if they were
 * files of src/ (nothing is written to disk) with the project's own eslint.config.mjs.
 */
import * as path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });

/** The layer rule's messages for `code` placed at `file` (relative to the project). */
async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === "layers/imports").map((m) => m.message);
}

describe("layers/imports (eslint/layers.mjs)", () => {
  it.each([
    ["src/model/x.ts", `import { jsonText } from "../util/json";`, "src/model must not import src/util"],
    ["src/model/rules/app/x.ts", `import { guardPlan } from "../../../guard/guard";`, "src/model must not import src/guard"],
    ["src/util/x.ts", `import { helpText } from "../cli/args";`, "src/util must not import src/cli"],
    ["src/guard/x.ts", `import { TerraformStack } from "../tf/tf";`, "src/guard must not import src/tf"],
    ["src/diff/x.ts", `import type { App } from "cdktf";`, `src/diff must not import "cdktf"`],
    ["src/verify/x.ts", `import { Construct } from "constructs";`, `src/verify must not import "constructs"`],
    ["src/review/x.ts", `export { Publication } from "@cdktf/provider-postgresql/lib/publication";`, `src/review must not import "@cdktf/provider-postgresql/lib/publication"`],
    ["src/cli/x.ts", `const m = () => import("../app/app");`, "src/cli must not import src/app"],
    ["src/health/x.ts", `import { GenericPostgresSource } from "../postgres/generic-source";`, "src/health must not import src/postgres"],
    ["src/pg/x.ts", `import { VerifyReport } from "../verify/types";`, "src/pg must not import src/verify"],
    ["src/render/x.ts", `import { runCommand } from "../cli/args";`, "src/render must not import src/cli"],
    ["src/aws/x.ts", `export { AwsSourceAwsStack } from "../app/aws-source-stacks";`, "src/aws must not import src/app"],
    ["src/tf/x.ts", `import { ClickPipe } from "../clickhouse/clickpipe";`, "src/tf must not import src/clickhouse"],
    ["src/tools.ts", `export { buildApp } from "./app/app";`, "src/tools.ts must not import src/app"],
    ["src/newfolder/x.ts", `export const x = 1;\nimport { y } from "../model/types";`, "src/newfolder has no place in the layer table"],
  ])("%s: %s", async (file, code, expected) => {
    const problems = await layerProblems(file, code);
    expect(problems.length, problems.join("\n")).toBe(1);
    expect(problems[0]).toContain(expected);
  });

  it.each([
    ["src/model/rules/app/x.ts", `import { SourceKind } from "../../../model/app-config";`],
    ["src/util/x.ts", `import { SourceKind } from "../model/app-config";`],
    ["src/guard/x.ts", `import { judge } from "../review/verdicts";\nimport * as fs from "node:fs";`],
    ["src/cli/x.ts", `import { guardPlan } from "../guard/guard";`],
    ["src/postgres/x.ts", `import { TerraformStack } from "../tf/tf";\nimport { Construct } from "constructs";`],
    ["src/tf/x.ts", `export { Clickpipe } from "./clickhouse/clickpipe";\nexport { App } from "cdktf";`],
    ["src/app/x.ts", `import { AuroraSource } from "../aws/aurora-source";\nimport { loadFleet } from "../fleet/load";`],
    ["src/tools.ts", `export { guardPlan } from "./guard/guard";`],
    ["src/index.ts", `export { buildApp } from "./app/app";`],
    ["test/model/x.test.ts", `import { TerraformStack } from "../../src/tf/tf";`],
  ])("allowed: %s", async (file, code) => {
    expect(await layerProblems(file, code)).toEqual([]);
  });
});
