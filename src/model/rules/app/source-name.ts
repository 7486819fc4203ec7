import { AppRuleInput, hasKnownKind, stackNames } from "../../app-config";
import { Rule, RuleFinding } from "../../validation";

/** Stack names are unique across sources (an Aurora source "x" owns the stacks "x-aws" and "x-db"). */
export const uniqueStackNamesRule: Rule<AppRuleInput> = {
  id: "source-name",
  summary: "no two sources share a stack name (a generic source x is stack x; an Aurora/RDS source x is x-aws and x-db)",
  check: (app) => {
    const out: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const s of (Array.isArray(app.sources) ? app.sources : []).filter(hasKnownKind)) {
      for (const stack of stackNames(s)) {
        if (seen.has(stack)) {
          out.push({ source: s.name, field: "name", value: s.name, allowed: `a name whose stacks no other source uses (stack "${stack}" is taken)` });
        }
        seen.add(stack);
      }
    }
    return out;
  },
};
