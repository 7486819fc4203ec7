/**
 * Reading a stack a pull request wrote (issue 18, the reading side): the head's synth output is the
 * PR's own, so every reader (diff, guard and its --synth, sql, check:synth, fleet files) reads it as
 * Terraform does or refuses it with one line and exit 2. Each case is built from REAL synth output
 * (the example source synthesized into cdktf.out) or a committed plan fixture; where a `terraform`
 * binary exists, Terraform itself shows (with the provider-less `terraform_data`) why the case
 * matters: a duplicate key declares a second resource JSON.parse never sees; an override file
 * changes what cdk.tf.json says.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkSynth } from "../../src/app/check-synth";
import { main } from "../../src/cli/main";
import { runDiff } from "../../src/cli/diff";
import { runGuard } from "../../src/cli/guard";
import { loadFleetFile } from "../../src/fleet/load";
import { parsePlan } from "../../src/guard/plan";
import { MAX_JSON_DEPTH, parseStrictJson, PROTOTYPE_KEYS, StrictJsonError } from "../../src/util/strict-json";
import { readTextFile } from "../../src/util/text-file";
import { isSensitiveFlag, redactSecretsInString } from "../../src/model/secrets";
import { ValidationError } from "../../src/model/validation";
import { SERVER_SETUP_FILE_NAMES, renderServerSetup } from "../../src/render/server-setup";
import { renderStackSql, unquotedFieldProblems } from "../../src/render/sql";
import { readStackJson, StackReadError, TOP_LEVEL_BLOCKS, unmodelledBlocks } from "../../src/synth-output/stack-json";
import { genericSource, synthApp } from "../support/helpers";

const FIXTURES = path.resolve(__dirname, "../fixtures/plans");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-hostile-read-"));
const base = path.join(tmp, "base");
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
beforeAll(() => synthApp({ sources: [genericSource()] }, base));

const STACK = "orders-db";
let n = 0;
/** A copy of the real synth output to turn hostile. */
function head(): { dir: string; stackDir: string; file: string; text: string } {
  const dir = path.join(tmp, `head-${n++}`);
  fs.cpSync(base, dir, { recursive: true });
  const stackDir = path.join(dir, "stacks", STACK);
  const file = path.join(stackDir, "cdk.tf.json");
  return { dir, stackDir, file, text: fs.readFileSync(file, "utf8") };
}

function io() {
  let out = "";
  let err = "";
  return {
    out: { write: (s: string) => ((out += s), true) } as never,
    err: { write: (s: string) => ((err += s), true) } as never,
    get stdout() {
      return out;
    },
    get stderr() {
      return err;
    },
  };
}

async function diff(h: string): Promise<{ code: number; out: string; err: string }> {
  const c = io();
  const code = await runDiff([base, h], c.out, c.err);
  return { code, out: c.stdout, err: c.stderr };
}

async function guard(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = io();
  const code = await runGuard(args, c.out, c.err);
  return { code, out: c.stdout, err: c.stderr };
}

async function sql(target: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    const code = await main(["sql", target]);
    return { code, out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

/** Every reader refuses `h` (a synth output) with exit 2 and one line matching `message`. */
async function allRefuse(h: { dir: string; stackDir: string }, message: RegExp): Promise<void> {
  const d = await diff(h.dir);
  expect(d.code, d.err).toBe(2);
  expect(d.out).toBe("");
  expect(d.err.trimEnd().split("\n")).toHaveLength(1);
  expect(d.err).toMatch(message);
  const g = await guard([path.join(FIXTURES, "update-grant-in-place.json"), "--synth", h.dir]);
  expect(g.code, g.err).toBe(2);
  expect(g.err.trimEnd().split("\n")).toHaveLength(1);
  expect(g.err).toMatch(message);
  const s = await sql(h.stackDir);
  expect(s.code, s.err).toBe(2);
  expect(s.out).toBe("");
  expect(s.err.trimEnd().split("\n")).toHaveLength(1);
  expect(s.err).toMatch(message);
}

function findTerraform(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).concat("/usr/local/bin")) {
    const f = path.join(dir, "terraform");
    if (fs.existsSync(f)) return f;
  }
  return undefined;
}
const terraform = findTerraform();

/** `terraform plan` in a folder of terraform_data-only JSON: the plan's text. */
function terraformPlan(dir: string): string {
  const env = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
  const init = spawnSync(terraform!, ["init", "-input=false", "-no-color", "-backend=false"], { cwd: dir, env, encoding: "utf8" });
  expect(init.status, init.stderr).toBe(0);
  const plan = spawnSync(terraform!, ["plan", "-input=false", "-no-color", "-refresh=false"], { cwd: dir, env, encoding: "utf8" });
  return plan.stdout + plan.stderr;
}

describe("2. exact JSON: one strict parser for stacks, plans and fleet files", () => {
  it("a duplicate resource-type key hides a resource from JSON.parse: every reader refuses it, naming the path", async () => {
    const h = head();
    // A second "postgresql_grant" key under "resource": JSON.parse keeps only this one, Terraform declares both.
    const text = h.text.replace(/"resource": \{/, '"resource": {\n    "postgresql_grant": {"extra": {"database": "orders", "role": "x", "object_type": "database", "privileges": ["ALL"]}},');
    expect(text).not.toBe(h.text);
    fs.writeFileSync(h.file, text);
    await allRefuse(h, /duplicate key "postgresql_grant" at resource\.postgresql_grant \(JSON\.parse keeps only the last; Terraform reads both or fails\)/);
  });

  it("a prototype key, deep nesting and a non-object body: exit 2, one line, never a crash", async () => {
    for (const [text, message] of [
      ['{"terraform": {}, "resource": {"__proto__": {"x": {}}}}', /key "__proto__" at resource\.__proto__ is refused/],
      ['{"terraform": {}, "variable": {"toString": {"default": 1}}}', /key "toString" at variable\.toString is refused/],
      [`{"terraform": {}, "locals": {"x": ${"[".repeat(200_000)}${"]".repeat(200_000)}}}`, /nesting deeper than 128 levels/],
      ["[]", /not a Terraform JSON object/],
      ['"cdk"', /not a Terraform JSON object/],
    ] as const) {
      const h = head();
      fs.writeFileSync(h.file, text);
      await allRefuse(h, message);
    }
  });

  it("parses every committed plan fixture and real synth output exactly as JSON.parse does", () => {
    const files = [
      ...fs
        .readdirSync(FIXTURES)
        .filter((f) => f.endsWith(".json"))
        .map((f) => path.join(FIXTURES, f)),
      ...fs.readdirSync(path.join(FIXTURES, "rules")).map((f) => path.join(FIXTURES, "rules", f)),
    ];
    expect(files.length).toBeGreaterThan(40);
    for (const f of [...files, path.join(base, "stacks", STACK, "cdk.tf.json")]) {
      const text = fs.readFileSync(f, "utf8");
      expect(parseStrictJson(text), f).toEqual(JSON.parse(text));
    }
  });

  it("refuses a plan with a duplicate key or a prototype key (guard exit 2, one line with the path)", async () => {
    const text = fs.readFileSync(path.join(FIXTURES, "replace-publication.json"), "utf8");
    const dup = path.join(tmp, "dup-plan.json");
    // A second resource_changes list: JSON.parse would read only the empty one (no change, exit 0).
    fs.writeFileSync(dup, text.replace(/\}\s*$/, ', "resource_changes": []}'));
    expect(JSON.parse(fs.readFileSync(dup, "utf8")).resource_changes).toHaveLength(0);
    const r = await guard([dup, "--no-synth"]);
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err).toMatch(/^cdktf-clickpipes guard: .*dup-plan\.json: is refused: line \d+ column \d+: duplicate key "resource_changes" at resource_changes /);
    expect(() => parsePlan('{"format_version": "1.2", "constructor": {}}', "p.json")).toThrow(/p\.json: is refused: line 1 column 27: key "constructor" at constructor is refused/);
    expect(() => parsePlan("[1]", "p.json")).toThrow("p.json: is not a JSON object");
  });

  it("refuses a JSON fleet file with a duplicate key, naming line and column", () => {
    const f = path.join(tmp, "fleet.json");
    fs.writeFileSync(f, '{"sources": [{"kind": "generic", "name": "a", "name": "b"}]}');
    expect(() => loadFleetFile(f)).toThrow(ValidationError);
    expect(() => loadFleetFile(f)).toThrow(/fleet\.json:1:47.*duplicate key "name" at sources\[0\]\.name/);
    const y = path.join(tmp, "fleet.yaml");
    fs.writeFileSync(y, "sources:\n  - kind: generic\n    name: a\n    hasOwnProperty: 1\n");
    expect(() => loadFleetFile(y)).toThrow(/found sources\[0\]\.hasOwnProperty/);
  });

  it("the refused keys are every member of Object.prototype, and the depth limit is 128", () => {
    expect([...PROTOTYPE_KEYS]).toEqual(expect.arrayContaining(["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"]));
    expect(MAX_JSON_DEPTH).toBe(128);
    const deep = (d: number) => `${"[".repeat(d)}${"]".repeat(d)}`;
    expect(() => parseStrictJson(deep(128))).not.toThrow();
    expect(() => parseStrictJson(deep(129))).toThrow(StrictJsonError);
  });

  it.skipIf(!terraform)("Terraform reads both keys: a duplicate resource-type key declares a second resource", () => {
    const dir = fs.mkdtempSync(path.join(tmp, "tf-dup-"));
    fs.writeFileSync(path.join(dir, "cdk.tf.json"), '{"terraform": {}, "resource": {"terraform_data": {"seen": {"input": 1}}, "terraform_data": {"hidden": {"input": 2}}}}');
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")).resource.terraform_data)).toEqual(["hidden"]);
    const plan = terraformPlan(dir);
    expect(plan).toContain("terraform_data.seen will be created");
    expect(plan).toContain("terraform_data.hidden will be created");
  });
});

describe("3. the whole stack folder", () => {
  it("refuses an override file beside cdk.tf.json (every reader, naming it)", async () => {
    const h = head();
    fs.writeFileSync(path.join(h.stackDir, "x_override.tf.json"), JSON.stringify({ resource: { postgresql_publication: {} } }));
    await allRefuse(h, /stack folder .*orders-db holds what synth does not write there: "x_override\.tf\.json" \(Terraform loads it\)/);
  });

  it("reports every symlink, and whether it leaves the folder", async () => {
    const h = head();
    fs.symlinkSync("/etc/hostname", path.join(h.stackDir, "outside.tf.json"));
    fs.symlinkSync("cdk.tf.json", path.join(h.stackDir, "inside.tf.json"));
    await allRefuse(h, /symlink "inside\.tf\.json" -> "cdk\.tf\.json" \(inside the stack folder\), symlink "outside\.tf\.json" -> "\/etc\/hostname" \(leaves the stack folder\)/);
    // A symlinked stack folder, and cdk.tf.json itself a symlink.
    const l = head();
    fs.renameSync(l.stackDir, path.join(tmp, `moved-${n}`));
    fs.symlinkSync(path.join(tmp, `moved-${n}`), l.stackDir);
    expect((await diff(l.dir)).err).toMatch(/symlinked stack folder ".*orders-db" -> /);
    const f = head();
    fs.renameSync(f.file, path.join(f.stackDir, "..", "real.json"));
    fs.symlinkSync("../real.json", f.file);
    expect((await diff(f.dir)).err).toMatch(/symlink "cdk\.tf\.json" -> "\.\.\/real\.json" \(leaves the stack folder\)/);
  });

  it("allows exactly what synth writes: cdk.tf.json and server-setup/<source>/<the rendered files>", async () => {
    expect(fs.readdirSync(path.join(base, "stacks", STACK)).sort()).toEqual(["cdk.tf.json", "server-setup"]);
    // Every file but the TimescaleDB step, which only a `timescaleDb` source gets.
    const always = SERVER_SETUP_FILE_NAMES.filter((f) => f !== "timescaledb-publication.sql").sort();
    expect(fs.readdirSync(path.join(base, "stacks", STACK, "server-setup", STACK)).sort()).toEqual(always);
    expect(Object.keys(renderServerSetup((await import("../../src/model/defaults")).resolveSource(genericSource()))).sort()).toEqual(always);
    expect(Object.keys(renderServerSetup((await import("../../src/model/defaults")).resolveSource(genericSource({ timescaleDb: true, postgresVersion: 16 } as never)))).sort()).toEqual(
      [...SERVER_SETUP_FILE_NAMES].sort(),
    );
    expect((await diff(base)).code).toBe(0);
    const h = head();
    fs.writeFileSync(path.join(h.stackDir, "server-setup", STACK, "main.tf"), "");
    expect((await diff(h.dir)).err).toMatch(/"server-setup\/orders-db\/main\.tf" \(Terraform loads it\)/);
  });

  it("two stack folders claiming one stack name: exit 2", async () => {
    const h = head();
    fs.cpSync(h.stackDir, path.join(h.dir, "stacks", "copy"), { recursive: true });
    for (const r of [await diff(h.dir), await guard([path.join(FIXTURES, "update-grant-in-place.json"), "--synth", h.dir])]) {
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/cannot read stack ".*copy": its cdk\.tf\.json claims stack name "orders-db" \(\/\/\.metadata\.stackName\), not its folder's name "copy"\n$/);
    }
  });

  it("check:synth refuses a committed symlink (its file walker skipped them: up to date)", () => {
    const h = head();
    fs.symlinkSync("/etc/hostname", path.join(h.stackDir, "evil_override.tf.json"));
    const lines: string[] = [];
    expect(checkSynth({ sources: [genericSource()] }, h.dir, (l) => lines.push(l))).toBe(2);
    expect(lines.join("\n")).toMatch(/symlink "orders-db\/evil_override\.tf\.json" -> "\/etc\/hostname" \(leaves the stack folder\)/);
    const x = head();
    fs.writeFileSync(path.join(x.stackDir, "x_override.tf.json"), "{}");
    const extra: string[] = [];
    expect(checkSynth({ sources: [genericSource()] }, x.dir, (l) => extra.push(l))).toBe(1);
    expect(extra).toContain(`extra:   ${x.dir}/stacks/orders-db/x_override.tf.json`);
  });

  it.skipIf(!terraform)("Terraform applies an x_override.tf.json over cdk.tf.json", () => {
    const dir = fs.mkdtempSync(path.join(tmp, "tf-override-"));
    fs.writeFileSync(
      path.join(dir, "cdk.tf.json"),
      JSON.stringify({ terraform: {}, resource: { terraform_data: { x: { input: "reviewed" } } }, output: { o: { value: "${terraform_data.x.input}" } } }),
    );
    expect(terraformPlan(dir)).toMatch(/o = "reviewed"/);
    fs.writeFileSync(path.join(dir, "x_override.tf.json"), JSON.stringify({ resource: { terraform_data: { x: { input: "overridden" } } } }));
    expect(terraformPlan(dir)).toMatch(/o = "overridden"/);
  });
});

describe("1 (reading part). top-level blocks", () => {
  it("refuses unknown top-level blocks, naming them", async () => {
    const h = head();
    const j = JSON.parse(h.text);
    fs.writeFileSync(h.file, JSON.stringify({ ...j, bogus: {}, "re source": {} }));
    await allRefuse(
      h,
      /has top-level blocks "bogus", "re source" that this tool does not read \(known: \/\/, terraform, provider, resource, data, variable, output, locals, module, moved, import, removed, check\)/,
    );
  });

  it("refuses a list where cdktf writes an object (Terraform reads every element; JSON readers saw none)", async () => {
    const h = head();
    const j = JSON.parse(h.text);
    const [name, pub] = Object.entries(j.resource.postgresql_publication)[0]!;
    j.resource.postgresql_publication[name] = [pub];
    fs.writeFileSync(h.file, JSON.stringify(j));
    await allRefuse(h, new RegExp(`is not a synthesized stack: resource\\.postgresql_publication\\.${name} is a list, not a resource block body \\(an object\\)`));
  });

  it("lists module, moved, import, removed and check blocks for the verdicts", () => {
    const h = head();
    const j = JSON.parse(h.text);
    fs.writeFileSync(
      h.file,
      JSON.stringify({ ...j, module: { m: { source: "./m" } }, moved: [{ from: "a.b", to: "a.c" }], removed: { from: "x.y", lifecycle: { destroy: true } }, check: { c: { assert: [] } } }),
    );
    const { json } = readStackJson(h.stackDir);
    expect(unmodelledBlocks(json).map((b) => b.address)).toEqual(["module.m", "moved[0]", "removed[0]", "check.c"]);
    expect(Object.keys(TOP_LEVEL_BLOCKS)).toContain("removed");
  });
});

describe("7. secrets", () => {
  it('a variable marked sensitive with the string "true", a secret-like name, and passwords inside strings are (sensitive)', async () => {
    const h = head();
    const j = JSON.parse(h.text);
    j.variable.extra = { type: "string", sensitive: "true", default: "hunter2-var" };
    j.variable.api_key = { type: "string", default: "hunter2-key" };
    j.output.dsn = { value: "postgres://app:hunter2-url@db.example.com:5432/orders" };
    j.output.conn = { value: "host=db password='hunter2 kv' dbname=orders" };
    fs.writeFileSync(h.file, JSON.stringify(j));
    const r = await diff(h.dir);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/hunter2/);
    expect(r.out).toContain("(sensitive)");
    expect(isSensitiveFlag("true")).toBe(true);
    expect(isSensitiveFlag("false")).toBe(false);
    expect(redactSecretsInString("postgresql://u:p%40ss@h/db?password=x&sslmode=require")).toBe("postgresql://u:(sensitive)@h/db?password=(sensitive)&sslmode=require");
  });
});

describe("8. the SQL preview trusts no name", () => {
  it("refuses a publication name or a postgresql_tables schema the provider would interpolate unquoted (sql exit 2 naming the field)", async () => {
    const h = head();
    const j = JSON.parse(h.text);
    const [name, pub] = Object.entries(j.resource.postgresql_publication)[0] as [string, Record<string, unknown>];
    pub.name = "p; DROP ROLE postgres";
    fs.writeFileSync(h.file, JSON.stringify(j));
    const r = await sql(h.stackDir);
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err).toBe(
      `cdktf-clickpipes sql: cannot render postgresql_publication.${name}: name "p; DROP ROLE postgres" contains ";"; allowed: a plain lower-case identifier [a-z_][a-z0-9_]* of at most 63 bytes (the provider writes it into SQL unquoted)\n`,
    );
    expect(unquotedFieldProblems(j).map((p) => `${p.address}.${p.field}`)).toEqual([`postgresql_publication.${name}.name`]);
    const tables = { terraform: {}, data: { postgresql_tables: { t: { database: "orders", schemas: ["public", "x') OR true --"] } } } };
    expect(unquotedFieldProblems(tables)).toMatchObject([{ address: "data.postgresql_tables.t", field: "schemas[1]", problem: expect.stringContaining(`contains "'"`) }]);
    expect(() => renderStackSql(tables)).toThrow(StackReadError);
  });
});

describe("9. files that are not files", () => {
  const fifo = path.join(tmp, "plan.fifo");
  beforeAll(() => {
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
  });

  it("a FIFO, a device or a folder as a plan: exit 2 at once, never opened", async () => {
    for (const [file, what] of [
      [fifo, "a FIFO \\(named pipe\\), not a regular file"],
      ["/dev/zero", "a character device, not a regular file"],
      [tmp, "a directory"],
    ] as const) {
      const started = Date.now();
      const r = await guard([file, "--no-synth"]);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(r).toMatchObject({ code: 2, out: "" });
      expect(r.err).toMatch(new RegExp(`^cdktf-clickpipes guard: .*: is refused: ${what}; expected the output of: terraform show -json <planfile>\\n$`));
    }
  });

  it("a FIFO as cdk.tf.json or as a fleet file: refused, never opened", async () => {
    const h = head();
    fs.rmSync(h.file);
    expect(spawnSync("mkfifo", [h.file]).status).toBe(0);
    const s = await sql(h.file);
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/holds what synth does not write there: "cdk\.tf\.json" \(not a regular file\)/);
    expect(() => loadFleetFile(fifo)).toThrow(/a FIFO \(named pipe\), not a regular file/);
  });

  it("a plan over 64 MB is refused unread", async () => {
    const big = path.join(tmp, "big-plan.json");
    const fd = fs.openSync(big, "w");
    fs.ftruncateSync(fd, 64 * 1024 * 1024 + 1);
    fs.closeSync(fd);
    const r = await guard([big, "--no-synth"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/big-plan\.json: is refused: 67108865 bytes, over the limit of 67108864/);
    expect(readTextFile("/proc/self/status", 10)).toMatchObject({ problem: { kind: "too-large" } });
  });
});
