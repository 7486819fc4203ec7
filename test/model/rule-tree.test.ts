/**
 * The rule tree (src/model/rules: source rules, aws/, pipe/, app/): one rule per file, each rule's id
 * is its file's name, and every rule of every table has a case (test/model/rule-cases/) producing its
 * finding with its exact line.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { AwsEngine } from "../../src/model/aws-types";
import { resolveSource } from "../../src/model/defaults";
import { SOURCE_RULES } from "../../src/model/rules";
import { APP_RULES } from "../../src/model/rules/app";
import { AURORA_SOURCE_RULES, IP_ALLOW_LIST_RULES, PRIVATELINK_RULES, RDS_SOURCE_RULES } from "../../src/model/rules/aws";
import { CLICKPIPE_RULES } from "../../src/model/rules/pipe";
import { PostgresSourceSpec } from "../../src/model/types";
import { checkApp } from "../../src/model/validate";
import { formatFinding, Rule, runRules } from "../../src/model/validation";
import { auroraSource, rdsSource } from "../support/aws-helpers";
import { genericSource } from "../support/helpers";
import { APP_CASES } from "./rule-cases/app";
import { AWS_CASES } from "./rule-cases/aws";
import { PIPE_CASES, PIPE_BASE_SOURCE } from "./rule-cases/pipe";
import { SOURCE_CASES, SOURCE_WARNING_CASES } from "./rule-cases/source";

const RULES_DIR = path.resolve(__dirname, "../../src/model/rules");

/** The AWS part of an engine's table (the rule objects the table holds). */
const awsPart = (table: readonly Rule<never>[]) => table.slice(SOURCE_RULES.length);

/** Every table, with the folder its rules live in. */
const TABLES: { name: string; dir: string; rules: readonly Rule<never>[]; engine?: AwsEngine }[] = [
  { name: "source", dir: "", rules: SOURCE_RULES as readonly Rule<never>[] },
  { name: "aws (Aurora PostgreSQL)", dir: "aws", rules: awsPart(AURORA_SOURCE_RULES as readonly Rule<never>[]), engine: AwsEngine.AURORA_POSTGRESQL },
  { name: "aws (RDS for PostgreSQL)", dir: "aws", rules: awsPart(RDS_SOURCE_RULES as readonly Rule<never>[]), engine: AwsEngine.RDS_POSTGRESQL },
  { name: "pipe", dir: "pipe", rules: CLICKPIPE_RULES as readonly Rule<never>[] },
  { name: "app", dir: "app", rules: APP_RULES as readonly Rule<never>[] },
];

/** The rule files of a folder (index.ts holds the table), by id = file name without .ts. */
function ruleFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(RULES_DIR, dir), { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && e.name !== "index.ts")
    .map((e) => e.name.slice(0, -3))
    .sort();
}

/** The lines of a case's table run, per table. */
function linesOf(table: string, run: () => string[]): string[] {
  try {
    return run();
  } catch (e) {
    throw new Error(`${table}: ${(e as Error).message}`);
  }
}

describe("the rule tree", () => {
  it("has exactly the folders source (top), aws, pipe and app", () => {
    const dirs = fs
      .readdirSync(RULES_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(dirs).toEqual(["app", "aws", "pipe"]);
  });

  it.each(TABLES)("$name: one rule per file, each rule's id is its file's name", async ({ dir, rules, engine }) => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size, "ids are unique in the table").toBe(ids.length);
    expect([...ids].sort()).toEqual(ruleFiles(dir));
    for (const rule of rules) {
      const mod = (await import(path.join(RULES_DIR, dir, `${rule.id}.ts`))) as Record<string, unknown>;
      const defines = Object.values(mod).some(
        (v) => v === rule || (engine !== undefined && typeof v === "function" && /Rule$/.test(v.name) && (v as (e: AwsEngine) => Rule<never>)(engine).id === rule.id),
      );
      expect(defines, `${dir}/${rule.id}.ts defines the rule ${rule.id}`).toBe(true);
      expect(typeof rule.summary === "string" && rule.summary.length > 0, `${rule.id} has a summary`).toBe(true);
    }
  });

  it("builds each AWS table from the source table plus the AWS rules of its engine", () => {
    for (const table of [AURORA_SOURCE_RULES, RDS_SOURCE_RULES]) expect(table.slice(0, SOURCE_RULES.length)).toEqual(SOURCE_RULES);
  });

  it("builds the construct subsets from rules of the AWS tables (same objects)", () => {
    for (const rule of [...IP_ALLOW_LIST_RULES, ...PRIVATELINK_RULES]) expect(AURORA_SOURCE_RULES).toContain(rule);
  });
});

describe("every rule of every table has a case with its exact line", () => {
  const covered = new Map<string, Set<string>>(TABLES.map((t) => [t.name, new Set<string>()]));
  const mark = (table: string, lines: readonly string[]) => {
    for (const l of lines) covered.get(table)!.add(/\[([a-z0-9-]+)\]$/.exec(l)?.[1] ?? "?");
  };

  it.each([...SOURCE_CASES, ...SOURCE_WARNING_CASES])("source: %s", (_name, over, line) => {
    const lines = linesOf("source", () => runRules({ ...genericSource(), ...over } as PostgresSourceSpec, SOURCE_RULES).map(formatFinding));
    expect(lines).toContain(line);
    mark("source", [line]);
  });

  for (const [name, engines, over, expected] of AWS_CASES) {
    for (const engine of engines) {
      const table = TABLES.find((t) => t.engine === engine)!;
      it(`${table.name}: ${name}`, () => {
        const spec = engine === AwsEngine.AURORA_POSTGRESQL ? auroraSource(over) : rdsSource(over);
        const lines = runRules(spec, engine === AwsEngine.AURORA_POSTGRESQL ? AURORA_SOURCE_RULES : RDS_SOURCE_RULES).map(formatFinding);
        expect(lines).toEqual(expected);
        mark(table.name, expected);
      });
    }
  }

  it.each(PIPE_CASES)("pipe: %s", (_name, pipe, source, line) => {
    const src = resolveSource({ ...PIPE_BASE_SOURCE, ...source });
    expect(runRules({ name: src.name, source: src, pipe }, CLICKPIPE_RULES).map(formatFinding)).toEqual([line]);
    mark("pipe", [line]);
  });

  it.each(APP_CASES)("app: %s", (_name, config, expected) => {
    expect(checkApp(config).findings.map(formatFinding)).toEqual(expected);
    mark("app", expected);
  });

  // Runs after the cases above (vitest runs the tests of a file in order).
  it.each(TABLES)("covers every rule of the $name table", ({ name, rules }) => {
    const missing = rules.map((r) => r.id).filter((id) => !covered.get(name)!.has(id));
    expect(missing, `rules of ${name} without a case in test/model/rule-cases/`).toEqual([]);
  });
});
