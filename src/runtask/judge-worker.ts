/**
 * The worker thread that judges a large plan for the run task server (src/runtask/judge.ts), so
 * parsing tens of megabytes of JSON never stalls the server's event loop (other runs, /healthz,
 * signature checks) and the heap it needs is returned when the thread ends.
 *
 * workerData: `{ bytes: Uint8Array, allow: string[] }`; posts one `JudgeMessage`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PlanFormatError } from "../guard/plan";
import { judgePlanText } from "./result";
import type { JudgeMessage } from "./judge";

const data = workerData as { bytes: Uint8Array; allow: string[] };
let message: JudgeMessage;
try {
  const text = Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength).toString("utf8");
  message = { result: judgePlanText(text, data.allow) };
} catch (e) {
  message = { error: String((e as Error)?.message ?? e).split("\n")[0]!, planFormat: e instanceof PlanFormatError };
}
parentPort!.postMessage(message);
