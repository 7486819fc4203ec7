/**
 * Every relative link of the Markdown docs resolves: README.md, CHANGELOG.md and docs/**\/*.md. A link
 * to a file or folder must exist in the repository; a `#anchor` into a Markdown file (or into the same
 * file) must name one of its headings, slugged by GitHub's rules (github-slugger: lower case, every
 * character that is not a letter, mark, number, connector, space or hyphen dropped, spaces to hyphens,
 * a repeated slug suffixed -1, -2, ...).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { listFiles } from "../../src/util/file-tree";
import { renderAlertRules, RUNBOOK_DOC_URL } from "../../src/render/health-alerts";
import { resolveSource } from "../../src/model/defaults";
import { genericSource } from "../support/helpers";

const ROOT = path.join(__dirname, "../..");

/** The Markdown files whose links are checked, relative to root, sorted. */
function docFiles(root: string): string[] {
  const top = ["README.md", "CHANGELOG.md"].filter((f) => fs.existsSync(path.join(root, f)));
  const pages = listFiles(path.join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`);
  return [...top, ...pages].sort();
}

/** The lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(text: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  let fence: string | undefined;
  text.split("\n").forEach((line, i) => {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (m) {
      if (fence === undefined) fence = m[1]![0]!;
      else if (m[1]![0] === fence) fence = undefined;
      return;
    }
    if (fence === undefined) out.push([i + 1, line]);
  });
  return out;
}

/** GitHub's anchor for a heading's text (github-slugger). */
export function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // a link's text only
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part.slice(1, -1) : part.replace(/<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/gi, ""))) // code spans keep their text; HTML tags outside them are dropped
    .join("");
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor a Markdown file defines (headings, with GitHub's -1, -2 suffixes). */
export function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, line] of proseLines(text)) {
    const m = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = githubSlug(m[2]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** The link targets of a line (inline links and images, reference definitions), outside code spans. */
function targetsOf(line: string): string[] {
  const prose = line.replace(/`[^`]*`/g, "``");
  const inline = [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const refDef = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(prose);
  return refDef ? [...inline, refDef[1]!] : inline;
}

/** Every broken relative link: "file:line: target (why)". */
export function brokenLinks(root: string): string[] {
  const problems: string[] = [];
  const anchorCache = new Map<string, Set<string>>();
  const anchors = (file: string) => {
    if (!anchorCache.has(file)) anchorCache.set(file, anchorsOf(fs.readFileSync(file, "utf8")));
    return anchorCache.get(file)!;
  };
  for (const rel of docFiles(root)) {
    const file = path.join(root, rel);
    for (const [n, line] of proseLines(fs.readFileSync(file, "utf8"))) {
      for (const target of targetsOf(line)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, ...
        const hash = target.indexOf("#");
        const pathPart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
        const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
        const resolved = pathPart === "" ? file : path.resolve(path.dirname(file), pathPart);
        const where = `${rel}:${n}: ${target}`;
        if (path.relative(root, resolved).startsWith("..")) {
          problems.push(`${where} (outside the repository)`);
          continue;
        }
        if (!fs.existsSync(resolved)) {
          problems.push(`${where} (no such file)`);
          continue;
        }
        if (anchor === undefined || anchor === "") continue;
        if (!resolved.endsWith(".md")) {
          if (!/^L\d+(-L\d+)?$/.test(anchor)) problems.push(`${where} (anchor into a file that is not Markdown)`);
          continue;
        }
        if (!anchors(resolved).has(anchor)) problems.push(`${where} (no heading with anchor #${anchor})`);
      }
    }
  }
  return problems;
}

describe("docs links", () => {
  it("covers the README, the changelog and the docs pages", () => {
    const files = docFiles(ROOT);
    expect(files).toContain("README.md");
    expect(files).toContain("CHANGELOG.md");
    expect(files).toContain("docs/README.md");
    expect(files).toContain("docs/tools/verify.md");
  });

  it("every relative link and anchor resolves", () => {
    expect(brokenLinks(ROOT)).toEqual([]);
  });

  it("every runbook_url of the rendered alert rules names a heading of docs/operations.md", () => {
    const rules = (parseYaml(renderAlertRules(resolveSource(genericSource()))) as { groups: { rules: { alert: string; annotations: Record<string, string> }[] }[] }).groups[0]!.rules;
    const anchors = anchorsOf(fs.readFileSync(path.join(ROOT, "docs/operations.md"), "utf8"));
    expect(rules.length).toBeGreaterThan(10);
    for (const r of rules) {
      const url = r.annotations.runbook_url ?? "";
      expect(url, r.alert).toMatch(new RegExp(`^${RUNBOOK_DOC_URL.replace(/[.]/g, "\\.")}#`));
      const anchor = url.slice(url.indexOf("#") + 1);
      expect(anchors.has(anchor), `${r.alert}: #${anchor}`).toBe(true);
    }
    // Positive control: an anchor that is not a heading is not found.
    expect(anchors.has("clickpipesnosuchalert")).toBe(false);
  });

  it("slugs headings as GitHub does", () => {
    expect(githubSlug("Aurora and RDS: the `-aws` stack, reboot, then the `-db` stack")).toBe("aurora-and-rds-the--aws-stack-reboot-then-the--db-stack");
    expect(githubSlug("`<name>-aws`: parameter group")).toBe("name-aws-parameter-group");
    expect(githubSlug("What Terraform cannot do: server settings and pg_hba.conf")).toBe("what-terraform-cannot-do-server-settings-and-pg_hbaconf");
    expect(githubSlug("Platform status: cdktf 0.21 is archived")).toBe("platform-status-cdktf-021-is-archived");
  });

  it("reports a missing file, a missing anchor and an anchor into the same file, and accepts the good ones", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "docs-links-"));
    try {
      fs.mkdirSync(path.join(dir, "docs/tools"), { recursive: true });
      fs.writeFileSync(path.join(dir, "CHANGELOG.md"), "# Changelog\n");
      fs.writeFileSync(
        path.join(dir, "README.md"),
        [
          "# Top",
          "## Two commands",
          "## Two commands",
          "[ok](docs/tools/a.md#a-b) [ok](#two-commands-1) [ok](https://example.com/x#y) [ok](CHANGELOG.md)",
          "`[not a link](nowhere.md)`",
          "```",
          "[not a link](nowhere.md)",
          "```",
          "[bad](docs/missing.md) [bad](#nothing) [bad](docs/tools/a.md#c)",
        ].join("\n"),
      );
      fs.writeFileSync(path.join(dir, "docs/tools/a.md"), "# A: `b`\n[up](../../README.md#top) [bad](../../src/x.ts)\n");
      expect(brokenLinks(dir)).toEqual([
        "README.md:9: docs/missing.md (no such file)",
        "README.md:9: #nothing (no heading with anchor #nothing)",
        "README.md:9: docs/tools/a.md#c (no heading with anchor #c)",
        "docs/tools/a.md:2: ../../src/x.ts (no such file)",
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
