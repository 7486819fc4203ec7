import { Check, fail, listNames, pass, skip } from "../context";
import { quoteIdent } from "../names";
import { CheckId } from "../types";

/** ClickPipes does not support schema or table names containing a dot. */
export const identifierDotsCheck: Check = {
  id: CheckId.IDENTIFIER_DOTS,
  fallbackFix: 'ALTER TABLE "<schema>"."<a.b>" RENAME TO <a_b>;',
  async run(ctx) {
    if (ctx.tables.length === 0) return skip("no tables to check");
    const bad = ctx.tables.filter((t) => t.schema.includes(".") || t.name.includes("."));
    if (bad.length === 0) return pass("no schema or table name contains a dot");
    const fixes = bad.map((t) =>
      t.schema.includes(".")
        ? `ALTER SCHEMA ${quoteIdent(t.schema)} RENAME TO ${quoteIdent(t.schema.replace(/\./g, "_"))};`
        : `ALTER TABLE ${t.display} RENAME TO ${quoteIdent(t.name.replace(/\./g, "_"))};`,
    );
    return fail(`identifiers containing a dot are not supported by ClickPipes: ${listNames(bad.map((t) => t.display))}`, [...new Set(fixes)].join(" "));
  },
};
