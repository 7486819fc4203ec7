/**
 * A stand-in of HCP Terraform's API for the run task tests and the bench, on 127.0.0.1 (node:http):
 * `GET /api/v2/plans/<name>/json-output` answers 307 to a second server (the "archivist", another
 * origin) that serves the plan JSON; `PATCH /api/v2/task-results/<id>/callback` records the task
 * result. Both record the Authorization header they got.
 */
import * as crypto from "node:crypto";
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface Callback {
  readonly id: string;
  readonly authorization?: string;
  readonly contentType?: string;
  readonly body: {
    data: {
      type: string;
      attributes: { status: string; message: string };
      relationships?: { outcomes: { data: { type: string; attributes: { "outcome-id": string; description: string; tags?: Record<string, { label: string; level?: string }[]> } }[] } };
    };
  };
}

export interface StandIn {
  readonly hcpUrl: string;
  readonly archivistUrl: string;
  /** Plans served by name: JSON text, or a handler for special behaviour. */
  readonly plans: Map<string, string | ((res: http.ServerResponse) => void)>;
  readonly callbacks: Callback[];
  /** Authorization headers seen by the HCP API (plan requests) and by the archivist. */
  readonly hcpAuth: (string | undefined)[];
  readonly archivistAuth: (string | undefined)[];
  /** Status the callback endpoint answers (default 200). */
  callbackStatus: number;
  close(): Promise<void>;
}

const listen = (s: http.Server) => new Promise<string>((resolve) => s.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));

export async function startStandIn(): Promise<StandIn> {
  const plans = new Map<string, string | ((res: http.ServerResponse) => void)>();
  const callbacks: Callback[] = [];
  const hcpAuth: (string | undefined)[] = [];
  const archivistAuth: (string | undefined)[] = [];
  const archivist = http.createServer((req, res) => {
    archivistAuth.push(req.headers.authorization);
    const m = /^\/object\/([^/?]+)/.exec(req.url ?? "");
    const plan = m ? plans.get(decodeURIComponent(m[1])) : undefined;
    if (plan === undefined) return res.writeHead(404).end();
    if (typeof plan === "function") return plan(res);
    res.writeHead(200, { "content-type": "application/json" }).end(plan);
  });
  const archivistUrl = await listen(archivist);
  const standIn: StandIn = {
    hcpUrl: "",
    archivistUrl,
    plans,
    callbacks,
    hcpAuth,
    archivistAuth,
    callbackStatus: 200,
    async close() {
      for (const s of [hcp, archivist]) {
        s.closeAllConnections();
        await new Promise((r) => s.close(r));
      }
    },
  };
  const hcp = http.createServer((req, res) => {
    const url = req.url ?? "";
    const plan = /^\/api\/v2\/plans\/([^/]+)\/json-output$/.exec(url);
    if (req.method === "GET" && plan) {
      hcpAuth.push(req.headers.authorization);
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return res.writeHead(401).end();
      if (plan[1] === "loop") return res.writeHead(307, { location: url }).end();
      // A signed archivist URL, as HCP Terraform's redirect carries one.
      return res.writeHead(307, { location: `${archivistUrl}/object/${plan[1]}?signature=${crypto.randomBytes(8).toString("hex")}` }).end();
    }
    const cb = /^\/api\/v2\/task-results\/([^/]+)\/callback$/.exec(url);
    if (req.method === "PATCH" && cb) {
      const chunks: Buffer[] = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        callbacks.push({
          id: cb[1],
          authorization: req.headers.authorization,
          contentType: req.headers["content-type"],
          body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
        });
        res.writeHead(standIn.callbackStatus).end();
      });
      return undefined;
    }
    return res.writeHead(404).end();
  });
  (standIn as { hcpUrl: string }).hcpUrl = await listen(hcp);
  return standIn;
}

/** The access token the stand-in accepts. */
export const TOKEN = "atlasv1.stand-in-token-0123456789";

/** A post-plan payload for plan `plan` whose result goes to callback `id`. */
export function payload(s: { hcpUrl: string }, plan: string, id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    payload_version: 1,
    stage: "post_plan",
    access_token: TOKEN,
    capabilities: { outcomes: true },
    is_speculative: false,
    organization_name: "acme",
    plan_json_api_url: `${s.hcpUrl}/api/v2/plans/${plan}/json-output`,
    run_app_url: `${s.hcpUrl}/app/acme/ws/runs/run-${id}`,
    run_id: `run-${id}`,
    task_result_callback_url: `${s.hcpUrl}/api/v2/task-results/${id}/callback`,
    task_result_enforcement_level: "mandatory",
    task_result_id: `taskrs-${id}`,
    workspace_name: "clickpipes-orders-db",
    ...extra,
  };
}

/** POST `body` to the run task, signed with `key` (`null`: no signature header). */
export async function post(url: string, body: string | Buffer, key: string | null, signature?: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "TFC/1.0 (+https://app.terraform.io; TFC)" };
  if (key !== null) headers["x-tfc-task-signature"] = signature ?? crypto.createHmac("sha512", key).update(body).digest("hex");
  const res = await fetch(url, { method: "POST", headers, body });
  return { status: res.status, text: await res.text() };
}

/** Wait until `cond` holds (polling), or throw after `ms`. */
export async function waitFor(cond: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
