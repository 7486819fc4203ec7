/**
 * The guard's rule table: every row of docs/tools/guard.md's table is a rule of `RULES`, and each is triggered
 * by a plan fixture in both plan JSON formats, made from a real synth of every mode
 * (scripts/guard-fixtures/scenarios.ts), with exact construct paths (--synth) and without (addresses).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app/app";
import { declaredConstruct } from "../../src/review/declared";
import { guardPlan, readSynthIndex, SynthIndex } from "../../src/guard/guard";
import { parsePlan } from "../../src/guard/plan";
import { CONFIG_RULE_IDS, JUDGED_KEYS, RULES } from "../../src/review/verdicts";
import { ConstructKind, SOURCE_CONSTRUCT_ENTRIES, terraformLogicalId } from "../../src/model/construct-ids";
import { makePlans } from "../../scripts/guard-fixtures/make-plans";
import { RULE_CASES } from "../../scripts/guard-fixtures/guard-rule-plans";
import { GUARD_SCENARIOS } from "../../scripts/guard-fixtures/scenarios";

const ROOT = path.resolve(__dirname, "../..");
const RULES_DIR = path.join(ROOT, "test/fixtures/plans/rules");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-guard-rules-"));
let synth: SynthIndex;
beforeAll(() => {
  buildApp(GUARD_SCENARIOS, { outdir: tmp }).synth();
  synth = readSynthIndex(tmp);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const FORMATS = ["0", "1"] as const;
const fixture = (name: string, format: string) => path.join(RULES_DIR, `${name}.${format}.json`);

/** `rule address` of every expected verdict of a case (from the committed fixture's addresses). */
function expected(name: string, text: string): string[] {
  const c = RULE_CASES.find((x) => x.name === name)!;
  const plan = JSON.parse(text) as { resource_changes: { address: string; type: string; change: { actions: string[] } }[] };
  const changed = plan.resource_changes.filter((r) => !r.change.actions.includes("no-op"));
  expect(changed).toHaveLength(c.changes.length);
  return c.changes
    .flatMap((ch) => {
      const row = changed.find((r) => r.type === ch.type && JSON.stringify(r.change.actions) === JSON.stringify(ch.actions) && matches(r.address, ch));
      expect(row, `${name}: a ${ch.type} for ${ch.path}`).toBeDefined();
      return (ch.expect ?? []).map((rule) => `${rule} ${row!.address}`);
    })
    .sort();
}

/** Whether a fixture row is the case change (its address is the construct path's logical ID). */
function matches(address: string, ch: { path: string; type: string }): boolean {
  const m = /^<undeclared (.+)>$/.exec(ch.path);
  return address === `${ch.type}.${m ? m[1] : terraformLogicalId(ch.path)}`;
}

const got = (text: string, withSynth: boolean) =>
  guardPlan(parsePlan(text), withSynth ? { synth } : {})
    .verdicts.map((v) => `${v.rule} ${v.address}`)
    .sort();

describe("rule table", () => {
  it("docs/tools/guard.md lists every rule once, with its level, what and why", () => {
    const readme = fs.readFileSync(path.join(ROOT, "docs/tools/guard.md"), "utf8");
    expect(readme.indexOf("# Data-loss guard for PR plans")).toBe(0);
    const section = readme.slice(readme.indexOf("## Rules"));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| (BLOCK|WARN) \| (.*) \| (.*) \|$/gm)].map((m) => ({ id: m[1], level: m[2], what: m[3], why: m[4] }));
    expect(rows).toEqual(RULES.map((r) => ({ id: r.id, level: r.level, what: r.what, why: r.why })));
  });

  it("every rule has a case, and every case its fixture in both plan formats", () => {
    // Configuration rules (provisioners, modules, provider sources/aliases, meta-arguments, identity) have hostile-edit tests (review-hostile.test.ts).
    for (const r of RULES.filter((x) => !CONFIG_RULE_IDS.has(x.id)))
      expect(
        RULE_CASES.some((c) => c.changes.some((ch) => ch.expect?.includes(r.id))),
        r.id,
      ).toBe(true);
    const files = fs.readdirSync(RULES_DIR).sort();
    expect(files).toEqual(RULE_CASES.flatMap((c) => FORMATS.map((f) => `${c.name}.${f}.json`)).sort());
    for (const c of RULE_CASES) {
      expect(JSON.parse(fs.readFileSync(fixture(c.name, "0"), "utf8")).format_version).toBe("0.1");
      expect(JSON.parse(fs.readFileSync(fixture(c.name, "1"), "utf8")).format_version).toBe("1.2");
    }
  });

  for (const c of RULE_CASES) {
    for (const format of FORMATS) {
      it(`${c.name} (format ${format}.x): the expected verdicts, by address and by synth metadata`, () => {
        const text = fs.readFileSync(fixture(c.name, format), "utf8");
        const want = expected(c.name, text);
        expect(got(text, false)).toEqual(want);
        expect(got(text, true)).toEqual(want);
        const r = guardPlan(parsePlan(text), { synth });
        expect(r.stack).toBe(c.stack);
        const levels = new Map(RULES.map((x) => [x.id, x.level]));
        for (const v of r.verdicts) expect(v.level).toBe(levels.get(v.rule));
      });
    }
  }

  it("the committed fixtures are what today's synth gives (addresses, actions and verdicts)", () => {
    for (const c of RULE_CASES) {
      for (const fresh of makePlans(c, tmp)) {
        const committed = fs.readFileSync(path.join(RULES_DIR, fresh.file), "utf8");
        const shape = (t: string) => (JSON.parse(t).resource_changes as { address: string; change: { actions: string[] } }[]).map((r) => `${r.address} ${r.change.actions.join("+")}`);
        expect(shape(fresh.text), `${fresh.file}: regenerate with node --import tsx scripts/gen-guard-fixtures.ts`).toEqual(shape(committed));
        expect(got(fresh.text, true)).toEqual(got(committed, true));
      }
    }
  });
});

describe("declared constructs", () => {
  it("every resource of every mode is recognised the same from its metadata path and from its address", () => {
    const keys = new Set<string>();
    for (const [address, entries] of synth.byAddress) {
      const type = address.slice(0, address.indexOf("."));
      for (const e of entries) {
        const byPath = declaredConstruct(type, address, e.constructPath);
        const byAddress = declaredConstruct(type, address);
        expect(byPath, `${address} (${e.constructPath})`).toBeDefined();
        expect(byAddress?.key, address).toBe(byPath?.key);
        keys.add(byPath!.key);
      }
    }
    // The scenarios cover every mode: every resource of the construct-ID table appears.
    expect([...keys].sort()).toEqual(
      SOURCE_CONSTRUCT_ENTRIES.filter((e) => e.kind === ConstructKind.RESOURCE)
        .map((e) => e.key)
        .sort(),
    );
  });

  it("every pipe-critical resource of the construct-ID table is judged by some rule", () => {
    const critical = SOURCE_CONSTRUCT_ENTRIES.filter((e) => e.kind === ConstructKind.RESOURCE && e.pipeCritical).map((e) => e.key);
    expect(critical.filter((k) => !JUDGED_KEYS.has(k))).toEqual([]);
  });

  it("a resource of a declared type at another path is not ours", () => {
    expect(declaredConstruct("postgresql_role", "postgresql_role.reporting")).toBeUndefined();
    expect(declaredConstruct("postgresql_role", "postgresql_role.orders-db_User_Role_99178045", "orders-db/reporting/Role")).toBeUndefined();
    expect(declaredConstruct("postgresql_grant_role", "postgresql_grant_role.orders-db_User_Role_99178045")).toBeUndefined();
    expect(declaredConstruct("postgresql_role", "module.db.postgresql_role.orders-db_User_Role_99178045[0]")?.key).toBe("user.role");
  });
});
