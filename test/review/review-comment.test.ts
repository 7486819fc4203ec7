/**
 * The one Markdown formatter of `diff --markdown` and `guard --markdown` (src/review/comment.ts) at
 * fleet size: within the budget whatever the input, the overview (every blocked stack named) first,
 * blocked stacks next, identical changes once across stacks, per-stack detail until the budget, one
 * line for what was left out; plural words right; the provider's boilerplate folded out of the SQL.
 * Every output is parsed with CommonMark: the blocks the budget keeps are whole.
 */
import { Parser } from "commonmark";
import { describe, expect, it } from "vitest";
import type { Verdict } from "../../src/review/verdicts";
import { lockRole, quietLoggingBlock } from "../../src/render/sql/plpgsql";
import { DEFAULT_MAX_CHARS, formatComment, GITHUB_COMMENT_LIMIT, STEP_SUMMARY_LIMIT } from "../../src/review/comment";
import { constructLabel, count, foldSql, ReviewDoc, ReviewItem, ReviewStack, verdictText } from "../../src/review/model";

const pad = (i: number) => String(i).padStart(4, "0");

function publicationItem(stack: string, opts: { renamed?: boolean; table?: string } = {}): ReviewItem {
  const verdicts: Verdict[] = [
    {
      level: "WARN",
      rule: "publication-tables-added",
      stack,
      address: `postgresql_publication.${stack}_Publication_ABCD1234`,
      message: `1 table joins the publication (public.${opts.table ?? "x"}): an initial load of each runs`,
    },
  ];
  if (opts.renamed)
    verdicts.unshift({
      level: "BLOCK",
      rule: "publication-renamed",
      stack,
      address: `postgresql_publication.${stack}_Publication_ABCD1234`,
      message: `publication renamed "a" -> "b": the pipe stops`,
    });
  return {
    address: `postgresql_publication.${stack}_Publication_ABCD1234`,
    type: "postgresql_publication",
    constructPath: `${stack}/${stack}/Publication/Publication`,
    action: "update",
    why: "update in place",
    changes: [`tables: +"public.${opts.table ?? "x"}"`, ...(opts.renamed ? ['name: "a" -> "b"'] : [])],
    sql: ["BEGIN;", `ALTER PUBLICATION clickpipes_publication ADD TABLE "public"."${opts.table ?? "x"}";`, "COMMIT;"],
    verdicts,
  };
}

function grantItem(stack: string): ReviewItem {
  return {
    address: `postgresql_grant.${stack}_Grants_schema-extra_Usage_0000${stack.slice(-4)}`,
    type: "postgresql_grant",
    constructPath: `${stack}/${stack}/Grants/schema-extra/Usage`,
    action: "create",
    why: "create",
    changes: [],
    sql: [
      "-- mirrors resourcePostgreSQLGrantCreateOrUpdate()",
      "BEGIN;",
      ...lockRole("clickpipes_user"),
      'REVOKE ALL PRIVILEGES ON SCHEMA "extra" FROM "clickpipes_user";',
      'GRANT USAGE ON SCHEMA "extra" TO "clickpipes_user";',
      "COMMIT;",
    ],
    verdicts: [],
  };
}

/** A fleet of `n` changed stacks: every one adds a table, every 10th a schema (own host in a note), every `blockEvery`th renames its publication. */
function fleet(n: number, blockEvery = 0, name = (i: number) => `src-${pad(i)}`): ReviewDoc {
  const stacks: ReviewStack[] = [];
  for (let i = 1; i <= n; i++) {
    const s = name(i);
    const blocked = blockEvery > 0 && i % blockEvery === 0;
    stacks.push({
      name: s,
      status: "changed",
      blocked,
      verdicts: [],
      items: [publicationItem(s, { renamed: blocked }), ...(i % 10 === 0 ? [grantItem(s)] : [])],
      notes: i % 10 === 0 ? [`~ variable host: "${s}.old" -> "${s}.new"`] : [],
      pipe: ["initial load: public.x is loaded in full, then replicated"],
    });
  }
  stacks.sort((a, b) => Number(b.blocked) - Number(a.blocked));
  const blockedN = stacks.filter((s) => s.blocked).length;
  return {
    tool: "diff",
    subject: "base -> head",
    blocked: blockedN > 0,
    counts: { stacksChanged: n, stacksAdded: 0, stacksRemoved: 0, create: Math.floor(n / 10), update: n, replace: 0, delete: 0, blocked: blockedN, allowed: 0, warnings: n },
    stacks,
    staleAllowances: [],
  };
}

/** CommonMark parses it, and every `<details>` the budget kept is closed. */
function wellFormed(md: string): void {
  expect(() => new Parser().parse(md)).not.toThrow();
  expect((md.match(/<details[ >]/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length);
  const fences = md.split("\n").filter((l) => /^\s*```/.test(l)).length;
  expect(fences % 2).toBe(0);
}

describe("the PR comment within its budget", () => {
  it("a 1,000-stack change fits the default budget, below GitHub's limit, with every stack's change shown once", () => {
    const md = formatComment(fleet(1000));
    expect(md.length).toBeLessThanOrEqual(DEFAULT_MAX_CHARS);
    expect(DEFAULT_MAX_CHARS).toBeLessThan(GITHUB_COMMENT_LIMIT);
    wellFormed(md);
    // Identical changes once, with the count and the stacks collapsed.
    expect(md.match(/^\*\*1,000 stacks\*\*:$/gm)).toHaveLength(2); // the publication change, the pipe's initial load
    expect(md).toMatch(/^\*\*100 stacks\*\*:$/m); // the grant of every 10th
    expect(md).toContain("<details><summary>the 1,000 stacks</summary>");
    expect(md.match(/ALTER PUBLICATION clickpipes_publication ADD TABLE "public"."x";/g)).toHaveLength(1);
    // The per-stack part holds what no group shows (each 10th stack's own variable change).
    expect(md).toMatch(/^#### Per stack$/m);
    expect(md).toContain('`~ variable host: "src-0010.old" -> "src-0010.new"`');
    expect(md).toMatch(/^- and 3 changes shown under "Changes in several stacks"$/m);
  });

  it("names every blocked stack before anything else and expands blocked stacks next", () => {
    const md = formatComment(fleet(1000, 7));
    expect(md.length).toBeLessThanOrEqual(DEFAULT_MAX_CHARS);
    wellFormed(md);
    const overview = md.slice(0, md.indexOf("####"));
    const blocked = Array.from({ length: 142 }, (_, k) => `src-${pad((k + 1) * 7)}`);
    expect(overview).toContain("**BLOCKED**: 142 changes would break a running ClickPipe, in 142 stacks: ");
    for (const s of blocked) expect(overview).toContain(`\`${s}\``);
    expect(md.indexOf("#### Blocked stacks")).toBeLessThan(md.indexOf("#### Changes in several stacks"));
    expect(md.indexOf("<details open><summary>BLOCKED <code>src-0007</code>")).toBeGreaterThan(md.indexOf("#### Blocked stacks"));
    // Blocked stacks not expanded are grouped first: their change is shared.
    const groups = md.slice(md.indexOf("#### Changes in several stacks"));
    expect(groups).toMatch(/^\*\*\d+ stacks\*\* \(BLOCKED\):$/m);
    expect(groups.match(/^\*\*[\d,]+ stacks?\*\*.*$/m)![0]).toContain("(BLOCKED)");
  });

  it("never exceeds the budget, from the smallest to GitHub's limit, and says what it left out", () => {
    const doc = fleet(1000, 3);
    for (const max of [2_000, 5_000, 20_000, 60_000, 65_536]) {
      const md = formatComment(doc, { maxChars: max, fullReportFile: "review.md" });
      expect(md.length).toBeLessThanOrEqual(max);
      wellFormed(md);
      expect(md).toMatch(/^\*\*Left out for size\*\* \(budget [\d,]+ characters\): .+\. The full report is in `review\.md`\.$/m);
    }
  });

  it("one stack larger than the budget: its blocked changes first, then a count of the rest", () => {
    const items: ReviewItem[] = Array.from({ length: 20_000 }, (_, i) => ({
      address: `aws_vpc_security_group_ingress_rule.billing_Ingress-${i}`,
      type: "aws_vpc_security_group_ingress_rule",
      constructPath: `billing-aws/billing/Network/Ingress-${i}`,
      action: "delete",
      why: "destroy",
      changes: [],
      verdicts:
        i % 2 === 0
          ? [{ level: "BLOCK", rule: "ingress-rule", stack: "billing-aws", address: `aws_vpc_security_group_ingress_rule.billing_Ingress-${i}`, message: "no rule after the change covers it" }]
          : [],
    }));
    items.sort((a, b) => b.verdicts.length - a.verdicts.length);
    const doc: ReviewDoc = {
      tool: "guard",
      subject: "plan p.json",
      blocked: true,
      counts: { stacksChanged: 1, stacksAdded: 0, stacksRemoved: 0, create: 0, update: 0, replace: 0, delete: 20_000, blocked: 10_000, allowed: 0, warnings: 0 },
      stacks: [{ name: "billing-aws", status: "plan p.json", blocked: true, verdicts: [], items, notes: [], pipe: [] }],
      staleAllowances: [],
    };
    const md = formatComment(doc);
    expect(md.length).toBeLessThanOrEqual(DEFAULT_MAX_CHARS);
    wellFormed(md);
    expect(md).toContain("<details open><summary>BLOCKED <code>billing-aws</code>: plan p.json (20000 to destroy)</summary>");
    expect(md).toContain("`aws_vpc_security_group_ingress_rule.billing_Ingress-0`");
    expect(md).toMatch(/^- and [\d,]+ more entries of this stack, left out for size$/m);
    expect(md).toMatch(/^\*\*Left out for size\*\* .*part of the detail of `billing-aws`/m);
  });

  it("long, multi-byte stack names: the full report stays within 1 MiB measured in bytes", () => {
    const doc = fleet(3000, 11, (i) => `${"数据库".repeat(20)}-${pad(i)}`);
    const full = formatComment(doc, { full: true, measure: "bytes" });
    expect(Buffer.byteLength(full)).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT);
    wellFormed(full);
    const comment = formatComment(doc);
    expect(comment.length).toBeLessThanOrEqual(DEFAULT_MAX_CHARS);
  });

  it("the overview stays bounded: 25 stale allowances show 20 and a count, a long subject is cut; below the overview, the verdict alone", () => {
    const doc = { ...fleet(10), subject: `${"x".repeat(5000)} -> head`, staleAllowances: Array.from({ length: 25 }, (_, i) => `s:postgresql_role.r${i}`) };
    const md = formatComment(doc);
    expect(md.match(/^- stale allowance: /gm)).toHaveLength(20);
    expect(md).toContain("- and 5 more stale allowances (`--json` lists them)");
    expect(md).not.toContain("x".repeat(400));
    const tiny = formatComment(fleet(1000, 2), { maxChars: 300 });
    expect(tiny.length).toBeLessThanOrEqual(300);
    expect(tiny.startsWith("### cdktf-clickpipes diff: BLOCKED\n\n500 blocking changes, 1,000 warnings")).toBe(true);
  });

  it("nothing left out when it fits: no left-out line", () => {
    const md = formatComment(fleet(3));
    expect(md).not.toContain("Left out");
    expect(md).toMatch(/^\| 3 stacks changed \| 0 \| 3 \| 0 \| 0 \| 0 \| 0 \| 3 \|$/m);
  });

  it("the link to the full report is https only", () => {
    const doc = fleet(500);
    expect(formatComment(doc, { maxChars: 3000, fullReportLink: "https://github.com/o/r/actions/runs/1" })).toContain("The full report: [job summary](https://github.com/o/r/actions/runs/1).");
    expect(formatComment(doc, { maxChars: 3000, fullReportLink: "javascript:alert(1)" })).not.toContain("javascript:");
  });
});

describe("words and SQL", () => {
  it("singular and plural", () => {
    expect(count(1, "stack")).toBe("1 stack");
    expect(count(2, "stack")).toBe("2 stacks");
    expect(count(0, "change")).toBe("0 changes");
    expect(count(1200, "change")).toBe("1,200 changes");
    const one = formatComment({ ...fleet(1, 1) });
    expect(one).toContain("**BLOCKED**: 1 change would break a running ClickPipe, in 1 stack: `src-0001`.");
    expect(one).toContain("If deliberate, allow it in the pull request");
    expect(one).toContain("#### Blocked stack\n");
  });

  it("one text line per verdict, as an allowance names it", () => {
    const v: Verdict = { level: "BLOCK", rule: "publication", stack: "orders-db", address: "postgresql_publication.p", message: "publication deleted" };
    expect(verdictText(v)).toBe("BLOCK [publication] orders-db:postgresql_publication.p: publication deleted");
    expect(verdictText({ ...v, allowed: true, stack: undefined })).toBe("ALLOWED [publication] postgresql_publication.p: publication deleted");
  });

  it("construct labels: source › path, a repeated last segment once", () => {
    expect(constructLabel("orders-db/orders-db/Publication/Publication")).toBe("orders-db › Publication");
    expect(constructLabel("orders-db-aws/orders-db/Network/Ingress-1")).toBe("orders-db › Network/Ingress-1");
    expect(constructLabel(undefined)).toBeUndefined();
  });

  it("folds the transaction, the provider's role locks and its opening comments; keeps warnings and statements", () => {
    const sql = ["-- mirrors x()", "-- more", "BEGIN;", ...lockRole("r"), quietLoggingBlock(), "-- the provider renames last: this apply fails", 'GRANT USAGE ON SCHEMA "s" TO "r";', "COMMIT;"];
    expect(foldSql(sql)).toEqual({ statements: ["-- the provider renames last: this apply fails", 'GRANT USAGE ON SCHEMA "s" TO "r";'], folded: 7 });
    // A DO block that does anything else is a statement, not boilerplate.
    const other = "DO $cdktf$\nBEGIN\n  PERFORM pg_advisory_xact_lock(1); DROP TABLE t;\nEND\n$cdktf$;";
    expect(foldSql(["BEGIN;", other, "COMMIT;"]).statements).toEqual([other]);
    expect(foldSql(["-- the provider revokes what it granted"]).statements).toEqual(["-- the provider revokes what it granted"]);
  });
});
