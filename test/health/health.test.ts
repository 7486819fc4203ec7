/**
 * `cdktf-clickpipes health` without a server: durations and sizes, wrong calls (one line, exit 2),
 * the thresholds file, the Prometheus exposition (label escaping, `promtool check metrics`), the
 * rendered alert rules (`promtool check rules` and `promtool test rules` with input series), and the
 * published JSON Schema. Real servers: test/integration/health.test.ts.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { generateHealthSchema, HEALTH_SCHEMA_PATH } from "../../scripts/gen-health-schema";
import { HEALTH_USAGE, parseHealthArgs, parseSize, runHealth } from "../../src/cli/health";
import { escapeLabelValue, formatHealthPrometheus, formatHealthText, HEALTH_METRICS } from "../../src/health/format";
import { HealthFindingKind, HealthReport, HealthStatus } from "../../src/health/types";
import { resolveSource } from "../../src/model/defaults";
import { formatDuration, HEALTH_DEFAULTS, healthThresholdProblems, parseDuration, resolveHealthThresholds } from "../../src/model/health";
import { SIZE_ALLOWED } from "../../src/model/size";
import { ALERT_RULES_FILE, alertThresholds, HEALTH_THRESHOLDS_FILE, renderAlertRules, renderAlertRulesFile, RUNBOOK_DOC_URL, runbookAnchor } from "../../src/render/health-alerts";
import { renderServerSetup } from "../../src/render/server-setup";
import { genericSource } from "../support/helpers";
import { validateJsonSchema } from "../support/json-schema";
import { findTool, promtool, promtoolCheckMetrics } from "../support/promtool";

const PROMTOOL = findTool("promtool");
const GIB = 1024 ** 3;
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-health-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[]) {
  let out = "";
  let err = "";
  const code = await runHealth(args, { out: (s) => (out += s), err: (s) => (err += s) }, {});
  return { code, out, err };
}

describe("durations and sizes", () => {
  it.each([
    ["30s", 30],
    ["5m", 300],
    ["1h", 3600],
    ["1h30m", 5400],
    ["2d", 172800],
    ["1d2h3m4s", 93784],
  ])("parses %s", (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
    expect(parseDuration(formatDuration(seconds))).toBe(seconds);
  });
  it.each(["", "0s", "1", "1 hour", "30m1h", "1.5h", "-5m", "1H", "366d"])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
  it("sizes: bytes, PostgreSQL's units or the IEC ones, all 1024-based", () => {
    expect(parseSize("1048576")).toBe(1048576);
    expect(parseSize("512kB")).toBe(512 * 1024);
    expect(parseSize("512KiB")).toBe(512 * 1024);
    expect(parseSize("10GB")).toBe(10 * GIB);
    expect(parseSize("10GiB")).toBe(10 * GIB);
    expect(parseSize("3MiB")).toBe(parseSize("3MB"));
    expect(parseSize("2TiB")).toBe(2 * 1024 * GIB);
    expect(parseSize(4096)).toBe(4096);
    for (const bad of ["0", "1.5GB", "10gb", "10gib", "10KB", "GB", "-1", "10 GiB/s", 0, 1.5, -1, null]) expect(parseSize(bad)).toBeUndefined();
  });
});

describe("wrong calls: one line, exit 2, nothing on stdout", () => {
  it.each([
    [
      ["--max-transaction-age", "1 hour"],
      'cdktf-clickpipes health: --max-transaction-age = "1 hour" is not allowed: a duration such as 30s, 5m, 1h, 1h30m or 2d (units d, h, m, s in that order; at least 1s, at most 365d)\n',
    ],
    [
      ["--inactive-slot-warn=0s"],
      'cdktf-clickpipes health: --inactive-slot-warn = "0s" is not allowed: a duration such as 30s, 5m, 1h, 1h30m or 2d (units d, h, m, s in that order; at least 1s, at most 365d)\n',
    ],
    [["--retained-wal-warn-fraction", "1.5"], 'cdktf-clickpipes health: --retained-wal-warn-fraction = "1.5" is not allowed: a number above 0 and at most 1 (e.g. 0.5)\n'],
    [["--retained-wal-crit-bytes", "lots"], `cdktf-clickpipes health: --retained-wal-crit-bytes = "lots" is not allowed: ${SIZE_ALLOWED}\n`],
    [
      ["--retained-wal-warn-bytes", "10Gb"],
      'cdktf-clickpipes health: --retained-wal-warn-bytes = "10Gb" is not allowed: a whole number of bytes above 0, or a whole number with a unit kB/KiB, MB/MiB, GB/GiB or TB/TiB (e.g. 10GiB; all 1024-based: PostgreSQL\'s MB is 1024² bytes, the same as MiB)\n',
    ],
    [
      ["--retained-wal-warn-fraction", "0.9"],
      "cdktf-clickpipes health: --retained-wal-warn-fraction = 0.9 is not allowed: warn below crit (retainedWalWarnFraction 0.9 < retainedWalCritFraction 0.8)\n",
    ],
    [["--inactive-slot-warn", "2h"], 'cdktf-clickpipes health: --inactive-slot-warn = "2h" is not allowed: warn below crit (inactiveSlotWarn 2h < inactiveSlotCrit 1h)\n'],
    [["--json", "--prometheus"], "cdktf-clickpipes health: --json and --prometheus exclude each other: give one\n"],
    [["--slot"], `cdktf-clickpipes health: option --slot needs a value; run "cdktf-clickpipes health --help" for the options\n`],
    [["--bogus"], `cdktf-clickpipes health: unknown option --bogus; run "cdktf-clickpipes health --help" for the options\n`],
    [["postgres://a:hunter22@h/d", "postgres://b:other-secret@h/d"], 'cdktf-clickpipes health: unexpected argument "postgres://b:***@h/d": give one connection URL\n'],
    [["--timeout", "0"], 'cdktf-clickpipes health: --timeout = "0" is not allowed: a number of seconds from 1 to 3600\n'],
  ])("%j", async (args, err) => {
    expect(await cli(args as string[])).toEqual({ code: 2, out: "", err });
  });

  it("--help prints the usage and exits 0", async () => {
    expect(await cli(["--help"])).toEqual({ code: 0, out: HEALTH_USAGE, err: "" });
    expect(HEALTH_USAGE).toContain("--max-transaction-age <duration>");
    // The help says which base sizes are in.
    expect(HEALTH_USAGE.replace(/\s+/g, " ")).toMatch(/kB\/KiB, MB\/MiB, GB\/GiB, TB\/TiB, all 1024-based \(PostgreSQL's MB = MiB = 1024\^2 bytes\)/);
  });
});

describe("the thresholds file (the source's health block, written by synth as health.json)", () => {
  it("synth's health.json reads back as the source's thresholds; flags override it", () => {
    const src = resolveSource(genericSource({ health: { retainedWalWarnFraction: 0.3, maxTransactionAge: "30m", inactiveSlotCrit: "2d" } }));
    const file = path.join(tmp, HEALTH_THRESHOLDS_FILE);
    fs.writeFileSync(file, renderServerSetup(src)[HEALTH_THRESHOLDS_FILE]);
    expect(parseHealthArgs(["--thresholds", file]).options.thresholds).toEqual(src.health);
    expect(src.health).toMatchObject({ retainedWalWarnFraction: 0.3, maxTransactionAgeSeconds: 1800, inactiveSlotCritSeconds: 172800 });
    expect(parseHealthArgs(["--thresholds", file, "--max-transaction-age", "10m"]).options.thresholds).toEqual({ ...src.health, maxTransactionAgeSeconds: 600 });
  });

  it("size flags take GiB/MiB and GB/MB alike; the thresholds file and the health block take size strings", () => {
    expect(parseHealthArgs(["--retained-wal-warn-bytes", "2GiB", "--retained-wal-crit-bytes", "3GB"]).options.thresholds).toMatchObject({
      retainedWalWarnBytes: 2 * GIB,
      retainedWalCritBytes: 3 * GIB,
    });
    const file = path.join(tmp, "sizes.json");
    fs.writeFileSync(file, JSON.stringify({ retainedWalWarnBytes: "512MiB", retainedWalCritBytes: "1TiB" }));
    expect(parseHealthArgs(["--thresholds", file]).options.thresholds).toMatchObject({ retainedWalWarnBytes: 512 * 1024 * 1024, retainedWalCritBytes: 1024 * GIB });
    const src = resolveSource(genericSource({ health: { retainedWalWarnBytes: "20GiB", retainedWalCritBytes: "60GB" } }));
    expect(src.health).toMatchObject({ retainedWalWarnBytes: 20 * GIB, retainedWalCritBytes: 60 * GIB });
    // health.json carries bytes, whatever the config wrote.
    expect(JSON.parse(renderServerSetup(src)[HEALTH_THRESHOLDS_FILE])).toMatchObject({ retainedWalWarnBytes: 20 * GIB, retainedWalCritBytes: 60 * GIB });
    expect(healthThresholdProblems({ retainedWalWarnBytes: "20 gigs" })).toEqual([{ field: "retainedWalWarnBytes", value: "20 gigs", allowed: SIZE_ALLOWED }]);
  });

  it("refuses a bad file with one line naming the field", async () => {
    const bad = path.join(tmp, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ retainedWalCritFraction: 2 }));
    expect(await cli(["--thresholds", bad])).toEqual({
      code: 2,
      out: "",
      err: `cdktf-clickpipes health: --thresholds ${JSON.stringify(bad)}: retainedWalCritFraction = 2 is not allowed: a number above 0 and at most 1 (a fraction of max_slot_wal_keep_size)\n`,
    });
    fs.writeFileSync(bad, "{nope");
    expect((await cli(["--thresholds", bad])).err).toMatch(/^cdktf-clickpipes health: --thresholds "[^"]+": not JSON \(.*\)\n$/);
    expect((await cli(["--thresholds", path.join(tmp, "missing.json")])).err).toMatch(/: no such file\n$/);
  });

  it("defaults are the documented ones", () => {
    expect(HEALTH_DEFAULTS).toEqual({
      retainedWalWarnFraction: 0.5,
      retainedWalCritFraction: 0.8,
      retainedWalWarnBytes: 10 * GIB,
      retainedWalCritBytes: 50 * GIB,
      inactiveSlotWarn: "15m",
      inactiveSlotCrit: "1h",
      maxTransactionAge: "1h",
      idleInTransactionAge: "5m",
    });
  });
});

/** A report as checkHealth builds it, with odd names where names are free text. */
function sampleReport(): HealthReport {
  const t = resolveHealthThresholds();
  return {
    reportVersion: 1,
    target: { host: "db.example.com", port: 5432, database: 'odd "db"\\name\nline2\u0001', user: "monitor" },
    source: "orders-db",
    serverVersion: "17.2",
    serverVersionNum: 170002,
    inRecovery: false,
    maxSlotWalKeepSizeBytes: 100 * GIB,
    thresholds: {
      retainedWalWarnBytes: 50 * GIB,
      retainedWalCritBytes: 80 * GIB,
      retainedWalFrom: "max_slot_wal_keep_size",
      inactiveSlotWarnSeconds: t.inactiveSlotWarnSeconds,
      inactiveSlotCritSeconds: t.inactiveSlotCritSeconds,
      maxTransactionAgeSeconds: t.maxTransactionAgeSeconds,
      idleInTransactionAgeSeconds: t.idleInTransactionAgeSeconds,
    },
    seesAllSessions: true,
    hiddenSessions: 0,
    oldestTransactionAgeSeconds: 4000,
    oldestIdleInTransactionSeconds: 400,
    slots: [
      {
        name: "clickpipes_slot",
        plugin: "pgoutput",
        slotType: "logical",
        database: "orders",
        active: false,
        activePid: null,
        walStatus: "extended",
        safeWalSizeBytes: 10 * GIB,
        retainedWalBytes: 90 * GIB,
        confirmedFlushLagBytes: 90 * GIB,
        inactiveSince: "2026-12-03T07:00:00.000Z",
        inactiveSeconds: 7200,
        invalidationReason: null,
        conflicting: false,
        twoPhase: false,
        failover: false,
        stats: { spillTxns: 1, spillCount: 2, spillBytes: 3, streamTxns: 0, streamCount: 0, streamBytes: 0, totalTxns: 10, totalBytes: 1000 },
        status: HealthStatus.CRIT,
      },
    ],
    sessions: [{ pid: 42, user: "app", application: 'a"b\\c\nd', state: "idle in transaction", transactionAgeSeconds: 4000, stateAgeSeconds: 400, holdsXmin: true, status: HealthStatus.WARN }],
    settings: [],
    findings: [
      { status: HealthStatus.CRIT, kind: HealthFindingKind.SLOT, subject: "clickpipes_slot", message: "pgoutput: no consumer" },
      { status: HealthStatus.WARN, kind: HealthFindingKind.SESSION, subject: "42", message: 'idle in transaction for 6m40s (user app, application "a\\"b")' },
    ],
    summary: { ok: 0, warn: 1, crit: 1 },
    verdict: HealthStatus.CRIT,
  };
}

describe("Prometheus output", () => {
  it("escapes label values by the exposition format (backslash, double quote, line feed; other control characters as text)", () => {
    expect(escapeLabelValue('a\\b"c\nd\u0001')).toBe('a\\\\b\\"c\\nd\\\\x01');
  });

  it("names every metric clickpipes_source_* with units, HELP and TYPE once each, and labels source, server, database", () => {
    const text = formatHealthPrometheus(sampleReport());
    expect(text).toContain(
      'clickpipes_source_slot_retained_wal_bytes{source="orders-db",server="db.example.com:5432",database="odd \\"db\\"\\\\name\\nline2\\\\x01",slot="clickpipes_slot",slot_name="clickpipes_slot",datname="orders"} 96636764160\n',
    );
    expect(text).toContain(
      'clickpipes_source_slot_wal_status{source="orders-db",server="db.example.com:5432",database="odd \\"db\\"\\\\name\\nline2\\\\x01",slot="clickpipes_slot",slot_name="clickpipes_slot",datname="orders",wal_status="extended"} 1\n',
    );
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const helps = [...text.matchAll(/^# HELP (\S+) /gm)].map((m) => m[1]);
    expect(new Set(helps).size).toBe(helps.length);
    // Every metric of the report kind is printed.
    expect(helps.sort()).toEqual(
      Object.keys(HEALTH_METRICS)
        .map((n) => `clickpipes_source_${n}`)
        .sort(),
    );
    for (const name of helps) expect(name).toMatch(/^clickpipes_source_[a-z_]+$/);
  });

  it("slot metrics carry slot_name and datname as postgres_exporter's pg_replication_slot and pg_database collectors name them; a physical slot has no datname", () => {
    const report = sampleReport();
    const physical = { ...report.slots[0]!, name: "standby_1", plugin: null, slotType: "physical", database: null };
    const text = formatHealthPrometheus({ ...report, slots: [...report.slots, physical] });
    for (const line of text.split("\n").filter((l) => l.startsWith("clickpipes_source_slot_"))) expect(line).toMatch(/,slot="(clickpipes_slot|standby_1)",slot_name="\1"/);
    expect(text).toMatch(/clickpipes_source_slot_active\{[^}]*slot="clickpipes_slot",slot_name="clickpipes_slot",datname="orders"\} 0/);
    expect(text).toMatch(/clickpipes_source_slot_active\{[^}]*slot="standby_1",slot_name="standby_1"\} 0/);
  });

  it.skipIf(!PROMTOOL)("passes promtool check metrics", () => {
    expect(promtoolCheckMetrics(PROMTOOL!, formatHealthPrometheus(sampleReport()))).toEqual({ code: 0, output: "" });
    // Positive control: promtool does complain about a metric without HELP.
    expect(promtoolCheckMetrics(PROMTOOL!, "clickpipes_source_thing 1\n").code).not.toBe(0);
  });

  it("the text output is one line per finding and a summary", () => {
    const text = formatHealthText(sampleReport());
    expect(text.split("\n")).toEqual([
      'health monitor@db.example.com:5432/odd "db"\\name line2\u0001 (PostgreSQL 17.2): 1 slot',
      "CRIT  slot clickpipes_slot         pgoutput: no consumer",
      'WARN  session 42                   idle in transaction for 6m40s (user app, application "a\\"b")',
      "CRIT: 1 critical, 1 warning, 0 ok",
      "",
    ]);
  });

  it("the CLI escapes control characters of everything it prints", async () => {
    // Nothing reaches a server here: a control character in a wrong call is shown as \\xNN.
    expect((await cli(["--slot", "x", "--bogus\u0007"])).err).toBe(`cdktf-clickpipes health: unknown option --bogus\\x07; run "cdktf-clickpipes health --help" for the options\n`);
  });
});

describe("the alert rules file", () => {
  const rulesOf = (text: string) =>
    (parseYaml(text) as { groups: { name: string; rules: { alert: string; expr: string; labels: Record<string, string>; annotations: Record<string, string> }[] }[] }).groups[0]!;

  it("is rendered with the other server-setup files, thresholds from the config", () => {
    const files = renderServerSetup(
      resolveSource(genericSource({ serverSettings: { maxSlotWalKeepSizeMb: 204800 }, health: { retainedWalWarnFraction: 0.25, retainedWalCritFraction: 0.5, maxTransactionAge: "30m" } })),
    );
    const group = rulesOf(files[ALERT_RULES_FILE]);
    expect(group.name).toBe("clickpipes-source-orders-db");
    const expr = Object.fromEntries(group.rules.map((r) => [r.alert, r.expr]));
    // The live max_slot_wal_keep_size where health exports it, -1 (or 0) -> absolute sizes, absent -> the config's value.
    const R = 'clickpipes_source_slot_retained_wal_bytes{source="orders-db"}';
    const K = 'clickpipes_source_max_slot_wal_keep_size_bytes{source="orders-db"}';
    const J = "ignoring(slot, slot_name, datname)";
    expect(expr.ClickPipesSlotRetainedWalWarning).toBe(
      `(${R} > ${J} group_left() (${K} > 0) * 0.25) or (${R} > ${J} group_left() (${K} <= 0) * 0 + ${10 * GIB}) or ((${R} unless ${J} ${K}) > ${50 * GIB})`,
    );
    expect(expr.ClickPipesSlotRetainedWalCritical).toBe(
      `(${R} > ${J} group_left() (${K} > 0) * 0.5) or (${R} > ${J} group_left() (${K} <= 0) * 0 + ${50 * GIB}) or ((${R} unless ${J} ${K}) > ${100 * GIB})`,
    );
    expect(expr.ClickPipesLongTransaction).toBe('clickpipes_source_oldest_transaction_age_seconds{source="orders-db"} > 1800');
    expect(expr.ClickPipesSlotLost).toBe('clickpipes_source_slot_wal_status{source="orders-db", wal_status="lost"} == 1');
    for (const r of group.rules) {
      expect(r.labels.source).toBe("orders-db");
      expect(Object.keys(r.annotations)).toEqual(["summary", "description", "runbook", "runbook_url"]);
      expect(r.annotations.runbook_url).toBe(`${RUNBOOK_DOC_URL}#${runbookAnchor(r.alert)}`);
    }
    expect(group.rules.find((r) => r.alert === "ClickPipesSlotLost")!.annotations.runbook).toContain("Dropping a slot is safe only when no pipe will read it again");
  });

  it("uses the absolute sizes when max_slot_wal_keep_size is -1 or the server is PostgreSQL 12", () => {
    for (const over of [{ serverSettings: { maxSlotWalKeepSizeMb: -1 } }, { postgresVersion: 12 as const }]) {
      const group = rulesOf(renderAlertRules(resolveSource(genericSource({ ...over, health: { retainedWalWarnBytes: 5 * GIB } }))));
      // Without the live metric the config's absolute sizes apply.
      expect(group.rules.find((r) => r.alert === "ClickPipesSlotRetainedWalWarning")!.expr).toMatch(new RegExp(` > ${5 * GIB}\\)$`));
      expect(group.rules.find((r) => r.alert === "ClickPipesSlotRetainedWalCritical")!.expr).toMatch(new RegExp(` > ${50 * GIB}\\)$`));
    }
  });

  it("renders each threshold set once: every source's file has the bytes the YAML library writes for it", () => {
    const sources = [
      genericSource(),
      genericSource({ name: "src-0001" }),
      genericSource({ name: "src-0002" }),
      genericSource({ name: "Billing_DB-2" }),
      genericSource({ name: `a${"b_-9".repeat(15)}yz` }),
      genericSource({ name: "x" }),
      // Names YAML reads as a boolean or null when plain: quoted, so rendered without the cache.
      ...["true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"].map((name) => genericSource({ name })),
      // Words YAML 1.1 read as booleans, or floats with a dot: plain strings in YAML 1.2.
      ...["yes", "No", "on", "OFF", "y", "nan", "inf", "e1"].map((name) => genericSource({ name })),
      genericSource({ name: "src-0003", postgresVersion: 12 }),
      genericSource({ name: "src-0004", serverSettings: { maxSlotWalKeepSizeMb: -1 } }),
      genericSource({ name: "src-0005", serverSettings: { maxSlotWalKeepSizeMb: 204800 }, health: { retainedWalWarnFraction: 0.25, maxTransactionAge: "30m" } }),
      genericSource({ name: "src-0006", serverSettings: { maxSlotWalKeepSizeMb: 204800 }, health: { retainedWalWarnFraction: 0.3 } }),
      genericSource({ name: "src-0007", health: { inactiveSlotWarn: "2h", idleInTransactionAge: "1m", retainedWalCritBytes: 60 * GIB } }),
    ].map(resolveSource);
    expect(sources.map((s) => s.name)).toContain("orders-db");
    expect(stringifyYaml("true")).not.toBe("true\n");
    const seen = new Set<string>();
    for (const round of [1, 2]) {
      for (const src of sources) {
        const expected = renderAlertRulesFile(src.name, alertThresholds(src));
        expect(renderAlertRules(src), `${src.name}, round ${round}`).toBe(expected);
        expect(expected).toContain(`source: ${/^(true|false|null)$/i.test(src.name) ? `"${src.name}"` : src.name}\n`);
        seen.add(expected);
      }
    }
    expect(seen.size).toBe(sources.length);
  });

  describe.skipIf(!PROMTOOL)("with promtool", () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(tmp, "rules-"));
      const src = resolveSource(genericSource({ serverSettings: { maxSlotWalKeepSizeMb: 1024 }, health: { maxTransactionAge: "30m", inactiveSlotWarn: "10m" } }));
      fs.writeFileSync(path.join(dir, ALERT_RULES_FILE), renderServerSetup(src)[ALERT_RULES_FILE]);
    });

    it("promtool check rules", () => {
      expect(promtool(PROMTOOL!, ["check", "rules", path.join(dir, ALERT_RULES_FILE)])).toEqual({ code: 0, output: expect.stringContaining("SUCCESS: 11 rules found") });
    });

    it("promtool test rules: retained WAL against the live max_slot_wal_keep_size where exported, the config's where absent", () => {
      const MiB = 1024 * 1024;
      // Configured max_slot_wal_keep_size 1024 MB: warn over 512 MiB, crit over 819.2 MiB.
      // Server "live" reports 4096 MiB (warn over 2048 MiB, crit over 3276.8 MiB); "nolimit" reports -1
      // (absolute 10 GiB / 50 GiB); "old" exports no max_slot_wal_keep_size_bytes (the config applies).
      const L = (server: string) => `source="orders-db",server="${server}:5432",database="orders"`;
      const slot = (server: string, name: string, bytes: number) => ({
        series: `clickpipes_source_slot_retained_wal_bytes{${L(server)},slot="${name}",slot_name="${name}",datname="orders"}`,
        values: `${bytes}x30`,
      });
      const firing = (alert: string, severity: string, server: string, name: string) =>
        `ALERTS{alertname="${alert}",alertstate="firing",severity="${severity}",${L(server)},slot="${name}",slot_name="${name}",datname="orders"}`;
      const tests = {
        rule_files: [ALERT_RULES_FILE],
        evaluation_interval: "1m",
        tests: [
          {
            interval: "1m",
            input_series: [
              { series: `clickpipes_source_max_slot_wal_keep_size_bytes{${L("live")}}`, values: `${4096 * MiB}x30` },
              slot("live", "below_live", 900 * MiB),
              slot("live", "warn_live", 2500 * MiB),
              slot("live", "crit_live", 3500 * MiB),
              { series: `clickpipes_source_max_slot_wal_keep_size_bytes{${L("nolimit")}}`, values: "-1x30" },
              slot("nolimit", "below_abs", 900 * MiB),
              slot("nolimit", "warn_abs", 11 * GIB),
              slot("old", "crit_config", 900 * MiB),
              slot("old", "fine_config", 100 * MiB),
            ],
            promql_expr_test: [
              {
                expr: 'ALERTS{alertstate="firing",alertname=~"ClickPipesSlotRetainedWal.*"}',
                eval_time: "20m",
                exp_samples: [
                  { labels: firing("ClickPipesSlotRetainedWalWarning", "warning", "live", "warn_live"), value: 1 },
                  { labels: firing("ClickPipesSlotRetainedWalWarning", "warning", "live", "crit_live"), value: 1 },
                  { labels: firing("ClickPipesSlotRetainedWalCritical", "critical", "live", "crit_live"), value: 1 },
                  { labels: firing("ClickPipesSlotRetainedWalWarning", "warning", "nolimit", "warn_abs"), value: 1 },
                  { labels: firing("ClickPipesSlotRetainedWalWarning", "warning", "old", "crit_config"), value: 1 },
                  { labels: firing("ClickPipesSlotRetainedWalCritical", "critical", "old", "crit_config"), value: 1 },
                ],
              },
            ],
          },
        ],
      };
      const file = path.join(dir, "live-keep.test.yml");
      fs.writeFileSync(file, JSON.stringify(tests, null, 2));
      const r = promtool(PROMTOOL!, ["test", "rules", file]);
      expect(r.output).toContain("SUCCESS");
      expect(r.code).toBe(0);
      // Positive control: with the fractions of the live branch doubled, warn_live no longer fires.
      const rules = fs.readFileSync(path.join(dir, ALERT_RULES_FILE), "utf8");
      const doubled = rules.replace(/ > 0\) \* (0\.\d+)\)/g, (_m, f: string) => ` > 0) * ${Number(f) * 2})`);
      expect(doubled).not.toBe(rules);
      fs.writeFileSync(path.join(dir, ALERT_RULES_FILE), doubled);
      try {
        expect(promtool(PROMTOOL!, ["test", "rules", file]).code).not.toBe(0);
      } finally {
        fs.writeFileSync(path.join(dir, ALERT_RULES_FILE), rules);
      }
    });

    it("promtool test rules: each alert fires on its series at its threshold and not below", () => {
      const L = 'source="orders-db",server="db:5432",database="orders"';
      const firing = (alert: string, severity: string, extra = "") => `ALERTS{alertname="${alert}",alertstate="firing",severity="${severity}",${L}${extra}}`;
      // max_slot_wal_keep_size 1024 MB: warn over 512 MB, crit over 819.2 MB (default fractions).
      const tests = {
        rule_files: [ALERT_RULES_FILE],
        evaluation_interval: "1m",
        tests: [
          {
            interval: "1m",
            input_series: [
              { series: `clickpipes_source_up{${L}}`, values: "1x30" },
              { series: `clickpipes_source_slot_retained_wal_bytes{${L},slot="behind"}`, values: `${600 * 1024 * 1024}x30` },
              { series: `clickpipes_source_slot_retained_wal_bytes{${L},slot="lost_cause"}`, values: `${900 * 1024 * 1024}x30` },
              { series: `clickpipes_source_slot_retained_wal_bytes{${L},slot="fine"}`, values: `${100 * 1024 * 1024}x30` },
              { series: `clickpipes_source_slot_wal_status{${L},slot="gone",wal_status="lost"}`, values: "1x30" },
              { series: `clickpipes_source_slot_wal_status{${L},slot="fine",wal_status="lost"}`, values: "0x30" },
              { series: `clickpipes_source_slot_inactive_seconds{${L},slot="paused"}`, values: "0+60x30" },
              { series: `clickpipes_source_oldest_transaction_age_seconds{${L}}`, values: "1700+100x30" },
              { series: `clickpipes_source_oldest_idle_in_transaction_seconds{${L}}`, values: "0x30" },
              { series: `clickpipes_source_sees_all_sessions{${L}}`, values: "1x30" },
            ],
            promql_expr_test: [
              {
                expr: 'ALERTS{alertstate="firing"}',
                eval_time: "20m",
                exp_samples: [
                  { labels: firing("ClickPipesSlotRetainedWalWarning", "warning", ',slot="behind"'), value: 1 },
                  { labels: firing("ClickPipesSlotRetainedWalWarning", "warning", ',slot="lost_cause"'), value: 1 },
                  { labels: firing("ClickPipesSlotRetainedWalCritical", "critical", ',slot="lost_cause"'), value: 1 },
                  { labels: firing("ClickPipesSlotLost", "critical", ',slot="gone",wal_status="lost"'), value: 1 },
                  { labels: firing("ClickPipesSlotInactiveWarning", "warning", ',slot="paused"'), value: 1 },
                  { labels: firing("ClickPipesLongTransaction", "warning"), value: 1 },
                ],
              },
            ],
            alert_rule_test: [
              {
                eval_time: "5m",
                alertname: "ClickPipesSlotLost",
                exp_alerts: [
                  {
                    exp_labels: { severity: "critical", source: "orders-db", server: "db:5432", database: "orders", slot: "gone", wal_status: "lost" },
                    exp_annotations: Object.fromEntries(
                      Object.entries(rulesOf(fs.readFileSync(path.join(dir, ALERT_RULES_FILE), "utf8")).rules.find((r) => r.alert === "ClickPipesSlotLost")!.annotations).map(([k, v]) => [
                        k,
                        v.replace(/\{\{ \$labels\.slot \}\}/g, "gone"),
                      ]),
                    ),
                  },
                ],
              },
              { eval_time: "5m", alertname: "ClickPipesSourceDown", exp_alerts: [] },
              { eval_time: "5m", alertname: "ClickPipesIdleInTransaction", exp_alerts: [] },
            ],
          },
          {
            // Nothing reports: the health job is missing; then it reports the source down.
            interval: "1m",
            input_series: [{ series: `clickpipes_source_up{${L}}`, values: "_x20 0x20" }],
            promql_expr_test: [
              {
                expr: 'ALERTS{alertstate="firing",alertname="ClickPipesSourceHealthMissing"}',
                eval_time: "18m",
                exp_samples: [{ labels: 'ALERTS{alertname="ClickPipesSourceHealthMissing",alertstate="firing",severity="warning",source="orders-db"}', value: 1 }],
              },
              { expr: 'ALERTS{alertstate="firing",alertname="ClickPipesSourceDown"}', eval_time: "30m", exp_samples: [{ labels: firing("ClickPipesSourceDown", "critical"), value: 1 }] },
            ],
          },
        ],
      };
      const file = path.join(dir, "alerts.test.yml");
      fs.writeFileSync(file, JSON.stringify(tests, null, 2));
      const r = promtool(PROMTOOL!, ["test", "rules", file]);
      expect(r.output).toContain("SUCCESS");
      expect(r.code).toBe(0);
      // Positive control: the same test against a rules file with the thresholds doubled fails.
      const doubled = fs.readFileSync(path.join(dir, ALERT_RULES_FILE), "utf8").replace(/> (\d+)$/gm, (_m, n: string) => `> ${Number(n) * 2}`);
      fs.writeFileSync(path.join(dir, ALERT_RULES_FILE + ".bak"), fs.readFileSync(path.join(dir, ALERT_RULES_FILE)));
      fs.writeFileSync(path.join(dir, ALERT_RULES_FILE), doubled);
      try {
        expect(promtool(PROMTOOL!, ["test", "rules", file]).code).not.toBe(0);
      } finally {
        fs.renameSync(path.join(dir, ALERT_RULES_FILE + ".bak"), path.join(dir, ALERT_RULES_FILE));
      }
    });
  });
});

describe("secrets", () => {
  it("never prints a password of the URL, the key/value string or PGPASSWORD, in any output", async () => {
    for (const args of [
      ["postgres://u:url-secret-1@127.0.0.1:1/db", "--timeout", "2", "--prometheus"],
      ["host=127.0.0.1 port=1 user=u password='kv secret 2' dbname=db", "--timeout", "2", "--json"],
    ]) {
      let out = "";
      let err = "";
      const code = await runHealth(args, { out: (x) => (out += x), err: (x) => (err += x) }, { PGPASSWORD: "env-secret-3" });
      expect(code).toBe(2);
      expect(err).toMatch(/^cdktf-clickpipes health: could not connect to u@127\.0\.0\.1:1\/db: /);
      for (const secret of ["url-secret-1", "kv secret 2", "env-secret-3"]) expect(out + err).not.toContain(secret);
    }
  });
});

describe("docs/operations.md", () => {
  const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/operations.md"), "utf8");
  it("lists every metric, every alert and every health field", () => {
    const brace = (name: string) =>
      name.replace(/^slot_(spill|stream)_(txns|count|bytes)_total$/, "slot_{spill,stream}_{txns,count,bytes}_total").replace(/^slot_decoded_(txns|bytes)_total$/, "slot_decoded_{txns,bytes}_total");
    for (const m of Object.keys(HEALTH_METRICS)) expect(doc, m).toContain(`clickpipes_source_${brace(m)}`);
    const rules = (parseYaml(renderAlertRules(resolveSource(genericSource()))) as { groups: { rules: { alert: string }[] }[] }).groups[0]!.rules;
    for (const r of rules) expect(doc, r.alert).toMatch(new RegExp(`\`${r.alert.replace(/(Critical|Warning)$/, "")}`));
    for (const f of Object.keys(HEALTH_DEFAULTS)) expect(doc, f).toContain(`| \`${f}\` |`);
  });
});

describe("the published JSON Schema", () => {
  it("schemas/health-report.schema.json is up to date with the HealthReport type", () => {
    expect(fs.readFileSync(HEALTH_SCHEMA_PATH, "utf8")).toBe(generateHealthSchema());
  });
  it("accepts a report and refuses a wrong one", () => {
    const schema = JSON.parse(fs.readFileSync(HEALTH_SCHEMA_PATH, "utf8"));
    expect(validateJsonSchema(schema, sampleReport())).toEqual([]);
    expect(validateJsonSchema(schema, { ...sampleReport(), verdict: "FINE" })).toEqual(['$.verdict: "FINE" is not one of ["OK","WARN","CRIT"]']);
  });
});
