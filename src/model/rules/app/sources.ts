import { AppRuleInput } from "../../app-config";
import { Rule } from "../../validation";

/** An app prepares at least one source. */
export const sourcesRule: Rule<AppRuleInput> = {
  id: "sources",
  summary: "sources is a non-empty list",
  check: (app) => (Array.isArray(app.sources) && app.sources.length > 0 ? [] : [{ field: "sources", value: app.sources, allowed: "a non-empty list of sources" }]),
};
