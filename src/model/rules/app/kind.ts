import { AppRuleInput, hasKnownKind, SOURCE_KINDS } from "../../app-config";
import { Rule, RuleFinding } from "../../validation";

/** Every source names a kind the app builds stacks for (a source of another kind is not checked further). */
export const kindRule: Rule<AppRuleInput> = {
  id: "kind",
  summary: "every source's kind is generic, aurora or rds",
  check: (app) =>
    (Array.isArray(app.sources) ? app.sources : []).flatMap((s, i): RuleFinding[] =>
      hasKnownKind(s)
        ? []
        : [{ source: String((s as { name?: unknown })?.name ?? "?"), field: `sources[${i}].kind`, value: (s as { kind?: unknown })?.kind, allowed: `one of ${SOURCE_KINDS.join(", ")}` }],
    ),
};
