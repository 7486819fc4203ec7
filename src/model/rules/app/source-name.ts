import { AppRuleInput, hasKnownKind, stackNames } from "../../app-config";
import { Rule, RuleFinding } from "../../validation";

/**
 * Stack names are unique across sources (an Aurora source "x" owns the stacks "x-aws" and "x-db"),
 * ignoring case: stack folders (`cdktf.out/stacks/<name>`) and state keys of "Orders" and "orders"
 * would be one file on a case-insensitive file system (macOS, Windows).
 */
export const uniqueStackNamesRule: Rule<AppRuleInput> = {
  id: "source-name",
  summary: "no two sources share a stack name, ignoring case (a generic source x is stack x; an Aurora/RDS source x is x-aws and x-db)",
  check: (app) => {
    const out: RuleFinding[] = [];
    /** Stack name folded to lower case → the stack name as first seen. */
    const seen = new Map<string, string>();
    for (const s of (Array.isArray(app.sources) ? app.sources : []).filter(hasKnownKind)) {
      for (const stack of stackNames(s)) {
        const taken = seen.get(stack.toLowerCase());
        if (taken === stack) {
          out.push({ source: s.name, field: "name", value: s.name, allowed: `a name whose stacks no other source uses (stack "${stack}" is taken)` });
        } else if (taken !== undefined) {
          out.push({
            source: s.name,
            field: "name",
            value: s.name,
            allowed: `a name whose stacks differ from every other source's in more than case (stack "${stack}" and "${taken}" would be one folder and one state key on a case-insensitive file system)`,
          });
        }
        if (taken === undefined) seen.set(stack.toLowerCase(), stack);
      }
    }
    return out;
  },
};
