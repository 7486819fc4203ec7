/**
 * HCP Terraform's run task integration API, the parts `cdktf-clickpipes run-task` uses.
 *
 * Source (read 2026-12-03): "Run tasks integration API",
 * https://developer.hashicorp.com/terraform/cloud-docs/api-docs/run-tasks/run-tasks-integration
 * (page source: hashicorp/web-unified-docs, content/terraform-docs-common/docs/cloud-docs/api-docs/
 * run-tasks/run-tasks-integration.mdx), and "Set up run task integrations",
 * https://developer.hashicorp.com/terraform/cloud-docs/integrations/run-tasks (last modified
 * 2025-11-19). What they say:
 * - HCP Terraform POSTs a JSON payload to the task's URL and expects `200 OK`, else it retries.
 *   Common fields: `payload_version` (only `1`), `stage` (`pre_plan`, `post_plan`, `pre_apply`,
 *   `post_apply`), `access_token` (bearer token for calling back), `capabilities.outcomes` (the
 *   caller accepts detailed outcomes), `is_speculative`, `task_result_id`,
 *   `task_result_enforcement_level` (`mandatory`, `advisory`), `task_result_callback_url`, `run_id`,
 *   `run_app_url`, `run_message`, `run_created_at`, `run_created_by`, `workspace_id`,
 *   `workspace_name`, `workspace_app_url`, `organization_name`, `vcs_*`, configuration version
 *   fields. Stages `post_plan`, `pre_apply` and `post_apply` add `plan_json_api_url`.
 * - Header `X-TFC-Task-Signature`: when the task has an HMAC key, the HMAC-SHA512 of the request
 *   body with that key, hex (the setup page's example: `openssl dgst -sha512 -hmac`); otherwise an
 *   empty string.
 * - Creating a task sends "a test POST to the supplied URL, and it must respond with a 200 for the
 *   run task to be created". The pages do not describe that request's payload. We treat a signed
 *   request without `task_result_callback_url` or `plan_json_api_url`, or with the access token
 *   `test-token` (what HCP Terraform is observed to send; not on the pages), as that test: 200, no
 *   callback.
 * - Callback: `PATCH task_result_callback_url` with `Authorization: Bearer <access_token>` and a
 *   JSON:API body `{"data":{"type":"task-results","attributes":{"status","message","url"},
 *   "relationships":{"outcomes":{"data":[...]}}}}`; status only `passed`, `failed` or `running`;
 *   200 on success, 401 not authorized, 422 invalid payload. An outcome is `{"type":
 *   "task-result-outcomes","attributes":{"outcome-id","description" (one line),"body" (Markdown,
 *   recommended under 1 MB, at most 5 MB),"url","tags":{name:[{"label","level"}]}}}`, `level` one
 *   of `none`, `info`, `warning`, `error`; tags named `Status` and `Severity` get special display.
 * - HCP Terraform errors the task when no update arrives within 10 minutes, or after 60 minutes.
 * The pages give no length limit for `message` nor a maximum number of outcomes: the limits below
 * (`MESSAGE_MAX`, `OUTCOMES_MAX`) are ours, chosen to keep the run page readable.
 */
import * as crypto from "node:crypto";

/** The request fields this server reads (others are ignored). */
export interface RunTaskRequest {
  readonly payload_version: 1;
  readonly stage?: string;
  readonly access_token: string;
  readonly capabilities?: { readonly outcomes?: boolean };
  readonly is_speculative?: boolean;
  readonly task_result_id?: string;
  readonly task_result_enforcement_level?: string;
  readonly task_result_callback_url?: string;
  readonly plan_json_api_url?: string;
  readonly run_id?: string;
  readonly run_app_url?: string;
  readonly workspace_name?: string;
  readonly organization_name?: string;
}

/** The header HCP Terraform signs requests with (Node lower-cases header names). */
export const SIGNATURE_HEADER = "x-tfc-task-signature";
/** The access token of the test request HCP Terraform sends when a task is created (observed). */
export const VERIFICATION_TOKEN = "test-token";
/** Our cap on `data.attributes.message` (the API states none). */
export const MESSAGE_MAX = 500;
/** Our cap on the number of outcomes sent (the API states none). */
export const OUTCOMES_MAX = 100;
/** Our cap on an outcome's description (the API asks for one line). */
export const DESCRIPTION_MAX = 300;

export type SignatureCheck = "ok" | "missing" | "wrong";

/** Bytes of an HMAC-SHA512 digest. */
const DIGEST_BYTES = 64;

/**
 * The signature a request's headers claim, checked for shape before any of its body is read:
 * "missing" (no header, or the empty string HCP Terraform sends without a key), "wrong" (not 128
 * hex digits: no body can match it), or the digest bytes to compare once the body has streamed
 * through `crypto.createHmac("sha512", key)`.
 */
export function claimedSignature(header: string | string[] | undefined): Buffer | "missing" | "wrong" {
  const given = Array.isArray(header) ? header[0] : header;
  if (given === undefined || given.trim() === "") return "missing";
  const hex = given.trim();
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== DIGEST_BYTES * 2) return "wrong";
  return Buffer.from(hex, "hex");
}

/** Compare a computed digest with the claimed one, in constant time. */
export function signatureMatches(digest: Buffer, claimed: Buffer): boolean {
  return digest.length === claimed.length && crypto.timingSafeEqual(digest, claimed);
}

/** Check `X-TFC-Task-Signature` against the HMAC-SHA512 (hex) of the raw body, in constant time. */
export function checkSignature(body: Buffer, header: string | string[] | undefined, key: string): SignatureCheck {
  const claimed = claimedSignature(header);
  if (!Buffer.isBuffer(claimed)) return claimed;
  return signatureMatches(crypto.createHmac("sha512", key).update(body).digest(), claimed) ? "ok" : "wrong";
}

/** Thrown for a request body that is not a run task payload (one line, no secret in it). */
export class PayloadError extends Error {}

const isUrl = (s: unknown): s is string => {
  if (typeof s !== "string") return false;
  try {
    const u = new URL(s);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
};

/** Parse and check a request body. */
export function parseRequest(body: Buffer): RunTaskRequest {
  let raw: unknown;
  try {
    raw = JSON.parse(body.toString("utf8"));
  } catch {
    throw new PayloadError("body is not JSON");
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new PayloadError("body is not a JSON object");
  const r = raw as Record<string, unknown>;
  if (r.payload_version !== 1) throw new PayloadError(`payload_version ${JSON.stringify(r.payload_version ?? null)} is not supported; supported: 1`);
  if (typeof r.access_token !== "string" || r.access_token === "") throw new PayloadError("access_token is missing");
  for (const f of ["task_result_callback_url", "plan_json_api_url"] as const) {
    if (r[f] !== undefined && r[f] !== null && !isUrl(r[f])) throw new PayloadError(`${f} is not an http(s) URL`);
  }
  for (const f of ["stage", "task_result_id", "run_id", "run_app_url", "workspace_name", "organization_name", "task_result_enforcement_level"] as const) {
    if (r[f] !== undefined && r[f] !== null && typeof r[f] !== "string") throw new PayloadError(`${f} is not a string`);
  }
  return raw as RunTaskRequest;
}

/** The test request HCP Terraform sends when a task is created: answered 200, never called back. */
export function isVerification(req: RunTaskRequest): boolean {
  return req.access_token === VERIFICATION_TOKEN || !req.task_result_callback_url;
}

export type TaskStatus = "passed" | "failed" | "running";

export interface OutcomeTag {
  readonly label: string;
  readonly level?: "none" | "info" | "warning" | "error";
}

export interface Outcome {
  readonly "outcome-id": string;
  readonly description: string;
  readonly tags?: Record<string, readonly OutcomeTag[]>;
}

/** The JSON:API body of the callback. */
export function callbackBody(status: TaskStatus, message: string, outcomes?: readonly Outcome[]): string {
  return JSON.stringify({
    data: {
      type: "task-results",
      attributes: { status, message: clip(message, MESSAGE_MAX) },
      ...(outcomes && outcomes.length ? { relationships: { outcomes: { data: outcomes.slice(0, OUTCOMES_MAX).map((attributes) => ({ type: "task-result-outcomes", attributes })) } } } : {}),
    },
  });
}

/** `s` on one line, at most `max` characters (an ellipsis marks a cut). */
export function clip(s: string, max: number): string {
  const line = s.replace(/[\r\n\t]+/g, " ");
  return line.length <= max ? line : line.slice(0, max - 1) + "…";
}
