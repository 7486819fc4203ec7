/**
 * Issue 16 item 8: every fact taken from outside the project carries its source and the day it was
 * read, one place per kind (src/model/facts.ts), and the README lists the kinds in one table.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { CLICKPIPES_IP_TABLE } from "../../src/model/clickpipes-ips";
import { citeSource, sourceProblems } from "../../src/model/fact-source";
import { FACT_KINDS, providerFactSource } from "../../src/model/facts";
import * as hostProfiles from "../../src/model/host-profiles";
import { PROVIDER_FACTS } from "../../src/model/provider-facts";
import * as thresholds from "../../src/model/thresholds";

const ROOT = path.resolve(__dirname, "../..");

/** The primitive constants a module exports (names in UPPER_CASE). */
const constants = (mod: Record<string, unknown>) =>
  Object.entries(mod)
    .filter(([k, v]) => /^[A-Z][A-Z0-9_]*$/.test(k) && (typeof v === "number" || typeof v === "string"))
    .map(([k]) => k)
    .sort();

describe("facts and their sources", () => {
  it.each(FACT_KINDS.map((k) => [k.kind, k] as const))("%s: every entry names its source and the day it was read", (_kind, k) => {
    expect(k.entries.length).toBeGreaterThan(0);
    const missing = k.entries.map((e) => ({ id: e.id, problems: sourceProblems(e.source) })).filter((e) => e.problems.length > 0);
    expect(missing).toEqual([]);
  });

  it("every threshold and every host constant has a source entry (adding one without a source fails here)", () => {
    expect(Object.keys(thresholds.THRESHOLD_SOURCES).sort()).toEqual(constants(thresholds as Record<string, unknown>));
    expect(Object.keys(hostProfiles.HOST_CONSTANT_SOURCES).sort()).toEqual(constants(hostProfiles as Record<string, unknown>));
  });

  it("every IP row, host profile and provider resource type is an entry", () => {
    const ids = new Set(FACT_KINDS.flatMap((k) => k.entries.map((e) => e.id)));
    for (const r of CLICKPIPES_IP_TABLE) expect(ids.has(`${r.cloud}/${r.region}`), r.region).toBe(true);
    for (const p of Object.values(hostProfiles.HostProfile)) expect(ids.has(p), p).toBe(true);
    for (const f of PROVIDER_FACTS.values()) expect(providerFactSource(f), f.type).toBeDefined();
    expect(providerFactSource({ type: "x", provider: "someone/else 1.0.0", goFile: "x.go", forceNew: [] })).toBeUndefined();
  });

  it("the check refuses sources without a document or a day", () => {
    expect(sourceProblems(undefined)).toEqual(["no source"]);
    expect(sourceProblems({ title: "t", read: "2026-12-03", repo: "a/b", path: "p.md", commit: "abc" })).toEqual(['commit "abc" is not 40 hex digits']);
    expect(sourceProblems({ title: "t", read: "yesterday", url: "https://example.com" })).toEqual(['read "yesterday" is not a day YYYY-MM-DD']);
    expect(sourceProblems({ title: "", read: "2026-12-03" })).toEqual(["no title", "neither a repository file (repo, path, commit) nor an https URL"]);
    expect(citeSource({ title: "t", read: "2026-12-03", repo: "a/b", path: "p.md", commit: "0123456789abcdef0123456789abcdef01234567" })).toBe("a/b p.md@01234567 (read 2026-12-03)");
  });

  it("the README lists every kind in one table with where it lives", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.split(/^## Facts and their sources$/m)[1]?.split(/^## /m)[0];
    expect(section, "README has a section '## Facts and their sources'").toBeDefined();
    const rows = section!
      .split("\n")
      .filter((l) => l.startsWith("|") && !/^\|\s*-/.test(l))
      .slice(1)
      .map((l) => l.split("|").map((c) => c.trim()));
    expect(rows.map((r) => r[1])).toEqual(FACT_KINDS.map((k) => k.kind));
    for (const [i, k] of FACT_KINDS.entries()) {
      expect(rows[i]![2]).toBe(k.where);
      const days = [...new Set(k.entries.map((e) => e.source!.read))].sort();
      for (const d of days) expect(rows[i]![4], `${k.kind}: date ${d}`).toContain(d);
    }
  });
});
