import { AppRuleInput, hasKnownKind } from "../../app-config";
import { Rule, RuleFinding } from "../../validation";

/**
 * A PSC service attachment can be claimed by one ClickHouse Cloud service at a time, and each pipe
 * with `privateServiceConnect` creates its own reverse private endpoint: an attachment appears in
 * one pipe of the app only (gcp-psc.mdx @0d5a8e3c, "Limitations"; release a claim through support).
 */
export const privateServiceConnectOnceRule: Rule<AppRuleInput> = {
  id: "private-service-connect-once",
  summary: "each PSC service attachment is used by one pipe of the app (one ClickHouse service may claim it)",
  check: (app) => {
    const seen = new Map<string, string>();
    const out: RuleFinding[] = [];
    for (const s of (Array.isArray(app.sources) ? app.sources : []).filter(hasKnownKind)) {
      const a = (s.clickpipe as { privateServiceConnect?: { serviceAttachment?: unknown } } | undefined)?.privateServiceConnect?.serviceAttachment;
      if (typeof a !== "string") continue;
      const first = seen.get(a);
      if (first === undefined) seen.set(a, s.name);
      else {
        out.push({
          source: s.name,
          field: "clickpipe.privateServiceConnect.serviceAttachment",
          value: a,
          allowed: `an attachment no other pipe uses (source "${first}" already does): one ClickHouse service claims a PSC attachment, each pipe creates its own endpoint`,
        });
      }
    }
    return out;
  },
};
