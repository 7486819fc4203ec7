/**
 * The PR comment rendered by GitHub's own Markdown engine, `cmark-gfm` (Debian package cmark-gfm)
 * with the extensions GitHub enables for comments (`table`, `autolink`, `tagfilter`): plain
 * CommonMark (review-hostile.test.ts) neither renders the summary table nor autolinks `www.`, so it
 * cannot see these. Hostile table names from a pull request's synth output (`www.evil.com`,
 * `acme/repo#1`, `GH-12`) must link nothing and reference no issue outside code; a deleted resource
 * is one bullet (not `- - …`, a nested list); the full-report link keeps `(` `)` inside its URL.
 * Skipped where the binary is absent (.ci/run installs it).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDiff } from "../../src/cli/diff";
import { mdHtml, mdText } from "../../src/util/markdown";
import { config as example } from "../../stacks/config";
import { synthApp } from "../support/helpers";

const HAS_CMARK = spawnSync("cmark-gfm", ["--version"]).status === 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-gfm-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** HTML as GitHub's engine renders a comment. */
function gfm(markdown: string): string {
  const r = spawnSync("cmark-gfm", ["-e", "table", "-e", "autolink", "-e", "tagfilter"], { input: markdown, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

/** The rendered text outside `<code>` and `<pre>`, tags removed, entities decoded. */
function textOutsideCode(html: string): string {
  return html
    .replace(/<pre>[\s\S]*?<\/pre>/g, " ")
    .replace(/<code>[\s\S]*?<\/code>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** What GitHub would turn into an issue link in text (references are linked after rendering, in text nodes). */
const REFERENCE = /(?:^|[^\w])(?:[\w.-]+\/[\w.-]+)?#\d|\bGH-\d/i;

const LINK = "https://example.com/acme/runs/(7)/attempts)1";

let base: string;
let head: string;
beforeAll(() => {
  if (!HAS_CMARK) return;
  base = path.join(tmp, "base");
  head = path.join(tmp, "head");
  fs.mkdirSync(base, { recursive: true });
  synthApp(example, base);
  fs.cpSync(base, head, { recursive: true });
  const file = path.join(head, "stacks/billing-aurora-db/cdk.tf.json");
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  const pub = Object.values(j.resource.postgresql_publication)[0] as { tables: string[] };
  pub.tables = [...pub.tables, "public.www.evil.com", "public.acme/repo#1", "public.GH-12", "public.WWW.evil.org"];
  const grants = j.resource.postgresql_grant as Record<string, unknown>;
  delete grants[Object.keys(grants)[0]!];
  fs.writeFileSync(file, JSON.stringify(j));
});

async function diffMarkdown(...extra: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const out = { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream;
  const err = { write: () => true } as unknown as NodeJS.WritableStream;
  const code = await runDiff([base, head, "--markdown", ...extra], out, err);
  return { code, stdout };
}

describe.skipIf(!HAS_CMARK)("the comment under cmark-gfm (table, autolink, tagfilter)", () => {
  it("renders the summary table; hostile table names link nothing and reference no issue outside code", async () => {
    const { code, stdout } = await diffMarkdown();
    expect(code).toBe(0);
    const html = gfm(stdout);
    expect(html).toContain("<table>");
    // The names are there (escaped, not dropped) ...
    expect(stdout).toContain("evil");
    expect(textOutsideCode(html)).toContain("repo#");
    // ... but before: <a href="http://www.evil.com">, and "acme/repo#1" / "GH-12" in text.
    expect(html).not.toMatch(/<a /);
    expect(textOutsideCode(html)).not.toMatch(REFERENCE);
  });

  it("a deleted resource is one bullet, its symbol text, not a nested list", async () => {
    const { stdout } = await diffMarkdown();
    const html = gfm(stdout);
    expect(stdout).not.toMatch(/^\s*- [-+] /m);
    // Before: "- - `…`" rendered as <li><ul><li>…
    expect(html).not.toMatch(/<li>\s*<ul>/);
    expect(html).toMatch(/<li>- <code>[^<]*SelectAllTables[^<]*<\/code>/);
  });

  it("the full-report link keeps ( and ) inside its URL (percent-encoded)", async () => {
    const full = path.join(tmp, "full.md");
    const { stdout } = await diffMarkdown("--max-chars", "2000", "--full-report", full, "--full-report-link", LINK);
    const hrefs = [...gfm(stdout).matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    // Before: encodeURIComponent left ( ) alone and the link ended at the first ")".
    for (const h of hrefs) expect(h).toBe("https://example.com/acme/runs/%287%29/attempts%291");
  });

  it("the escapers alone: www., references, e-mail and http autolinks in text and in <summary>", () => {
    const values = ["www.evil.com", "WWW.Evil.com", "x_www.evil.com", "acme/repo#1", "#42", "GH-7", "gh-7", "a@b.example.com", "https://evil.example/x"];
    for (const v of values) {
      const html = gfm(`- ${mdText(v)}\n\n<details><summary>${mdHtml(v)}</summary>\n\nx\n\n</details>\n`);
      expect(html, v).not.toMatch(/<a /);
      expect(textOutsideCode(html), v).not.toMatch(REFERENCE);
    }
  });
});
