import { AppRuleInput, hasKnownKind } from "../../app-config";
import { BackendSpec } from "../../backend";
import { Rule, RuleFinding } from "../../validation";

const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function backendProblems(b: BackendSpec | undefined, source: string | undefined): RuleFinding[] {
  if (b === undefined) return [];
  const out: RuleFinding[] = [];
  const field = "backend";
  switch (b.type) {
    case "local":
      if (b.path !== undefined && (typeof b.path !== "string" || b.path === "" || b.path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(b.path))) {
        out.push({ field: `${field}.path`, value: b.path, allowed: "a relative path (absolute paths make the JSON differ between machines)" });
      }
      break;
    case "s3":
      if (typeof b.bucket !== "string" || !S3_BUCKET.test(b.bucket))
        out.push({ field: `${field}.bucket`, value: b.bucket, allowed: "an S3 bucket name (3-63 lower-case letters, digits, '.' or '-')" });
      if (typeof b.region !== "string" || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(b.region)) out.push({ field: `${field}.region`, value: b.region, allowed: "an AWS region such as eu-central-1" });
      if (b.key !== undefined && (typeof b.key !== "string" || b.key === "")) out.push({ field: `${field}.key`, value: b.key, allowed: "a non-empty key template such as clickpipes/{stack}.tfstate" });
      break;
    case "cloud":
      if (typeof b.organization !== "string" || b.organization === "") out.push({ field: `${field}.organization`, value: b.organization, allowed: "the HCP Terraform organization name" });
      if (b.workspaceName !== undefined && b.workspaceTags !== undefined)
        out.push({ field: `${field}.workspaceTags`, value: b.workspaceTags, allowed: "either workspaceName or workspaceTags, not both" });
      if (b.workspaceTags !== undefined && (!Array.isArray(b.workspaceTags) || b.workspaceTags.length === 0))
        out.push({ field: `${field}.workspaceTags`, value: b.workspaceTags, allowed: "a non-empty list of tags" });
      break;
    default:
      out.push({ field: `${field}.type`, value: (b as { type?: unknown }).type, allowed: "one of local, s3, cloud" });
  }
  return source === undefined ? out : out.map((f) => ({ ...f, source }));
}

/** Backend fields are complete and local paths are relative: the app's backend and each source's own. */
export const backendRule: Rule<AppRuleInput> = {
  id: "backend",
  summary: "a backend is local (relative path), s3 (bucket, region) or cloud (organization, one of workspace name or tags)",
  check: (app) => [...backendProblems(app.backend, undefined), ...(Array.isArray(app.sources) ? app.sources : []).filter(hasKnownKind).flatMap((s) => backendProblems(s.backend, String(s.name)))],
};
