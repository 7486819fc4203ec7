import { describe, expect, it } from "vitest";
import { SOURCE_RULES } from "../../src/model/rules";
import { Finding, formatFinding, runRules, Severity, ValidationError } from "../../src/model/validation";
import { PostgresSourceSpec } from "../../src/model/types";
import { warningsOf } from "../../src/tf/annotations";
import { Testing } from "../../src/tf/tf";
import { genericSource, genericStack, synthGeneric } from "../support/helpers";
import { SOURCE_CASES, SOURCE_WARNING_CASES } from "./rule-cases/source";

/** Findings of the rule table for a source with `over` applied. */
function findings(over: Record<string, unknown>): Finding[] {
  return runRules({ ...genericSource(), ...over } as PostgresSourceSpec, SOURCE_RULES);
}

function onlyError(over: Record<string, unknown>): string {
  const errors = findings(over).filter((f) => f.severity === Severity.ERROR);
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  return formatFinding(errors[0]!);
}

describe("validation rule table", () => {
  it("accepts the valid example source without findings", () => {
    expect(findings({})).toEqual([]);
  });

  it.each(SOURCE_CASES)("%s", (_name, over, line) => {
    expect(onlyError(over)).toBe(line);
  });

  it.each(SOURCE_WARNING_CASES)("%s", (_name, over, line) => {
    expect(findings(over).map(formatFinding)).toEqual([line]);
  });

  it("has a test case for every rule of the table", () => {
    const covered = new Set([...SOURCE_CASES, ...SOURCE_WARNING_CASES].map(([, , line]) => /\[([a-z-]+)\]$/.exec(line)![1]));
    for (const rule of SOURCE_RULES) expect(covered, rule.id).toContain(rule.id);
  });

  it("allows 0.0.0.0/0 with the explicit flag", () => {
    expect(findings({ network: { allowedCidrs: ["0.0.0.0/0"], allowAnyAddress: true } }).map(formatFinding)).toEqual([
      'warning: source "orders-db": network.allowedCidrs[0] = "0.0.0.0/0" is not allowed: without a warning: IPv4 networks of /16 or narrower, IPv6 of /48 or narrower (this one, 0.0.0.0/0, opens the database port to 4294967296 addresses) [wide-cidr]',
    ]);
  });

  it("warns, without failing, when max_slot_wal_keep_size is below 102400 MB", () => {
    const f = findings({ serverSettings: { maxSlotWalKeepSizeMb: 2048 } });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe(Severity.WARNING);
    expect(formatFinding(f[0]!)).toBe(
      'warning: source "orders-db": serverSettings.maxSlotWalKeepSizeMb = 2048 is not allowed: at least 102400 MB is recommended, or a large transaction can invalidate the slot and force a full resync [server-settings]',
    );
    const stack = genericStack({ serverSettings: { maxSlotWalKeepSizeMb: 2048 } });
    expect(warningsOf(stack)).toEqual([{ path: "orders-db/orders-db", message: formatFinding(f[0]!) }]);
    const json = Testing.synth(stack);
    expect(JSON.parse(json).output.server_settings.value.max_slot_wal_keep_size).toBe("2048");
  });

  it("accepts -1 (no limit) for max_slot_wal_keep_size without a warning", () => {
    expect(findings({ serverSettings: { maxSlotWalKeepSizeMb: -1 } })).toEqual([]);
  });

  it("reports every problem of a source at once, one line each", () => {
    const f = findings({ port: -1, tables: ["x"], clickhouse: { cloud: "aws", region: "nowhere" } });
    expect(f.map((x) => x.rule).sort()).toEqual(["port-range", "region", "table-format"]);
    const err = new ValidationError(f);
    expect(err.message.split("\n")).toHaveLength(3);
  });

  it("turns a spec of the wrong shape into a finding, not a crash", () => {
    const f = runRules({ name: "x", schemas: "public" } as unknown as PostgresSourceSpec, SOURCE_RULES);
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.severity === Severity.ERROR)).toBe(true);
    // Exactly these: the missing fields by their rules, and a rule that throws on the string as its own finding.
    expect(f.map(formatFinding)).toEqual([
      'error: source "x": postgresVersion = (missing) is not allowed: one of 12, 13, 14, 15, 16, 17, 18 (ClickPipes needs PostgreSQL 12 or later) [postgres-version]',
      `error: source "x": host = (missing) is not allowed: a host name or IP address of letters, digits, '.', '-', '_' and ':' (IPv6) only, without port (the port goes in port), scheme, path or spaces (the provider puts the host unescaped into its connection URL) [host]`,
      'error: source "x": (spec) = "(s.schemas ?? []).forEach is not a function" is not allowed: a spec of the documented shape [identifier]',
      'error: source "x": (spec) = "(s.schemas ?? []).map is not a function" is not allowed: a spec of the documented shape [duplicate]',
      'error: source "x": clickhouse.cloud = (missing) is not allowed: one of aws, gcp, azure [region]',
    ]);
  });

  it("stops construction with a ValidationError before any resource exists", () => {
    expect(() => synthGeneric({ port: 70000 })).toThrow(ValidationError);
    expect(() => synthGeneric({ port: 70000 })).toThrow(/^error: source "orders-db": port = 70000 is not allowed/);
  });
});
