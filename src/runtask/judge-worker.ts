/**
 * The worker thread that judges large plans for the run task server (src/runtask/judge.ts), so
 * parsing tens of megabytes of JSON never stalls the server's event loop (other runs, /healthz,
 * signature checks). It judges one plan per message and stays alive for the next: starting a
 * thread (and, from source, tsx) costs more than judging a 10,000-change plan. judge.ts retires it
 * when the heap it kept is large, so a 60 MB plan's gigabyte is returned when it is judged.
 *
 * Each message: `{ bytes: Uint8Array, allow: string[] }`; each answer: `{ message: JudgeMessage, heapBytes }`.
 */
import { parentPort } from "node:worker_threads";
import { getHeapStatistics } from "node:v8";
import { PlanFormatError } from "../guard/plan";
import { judgePlanText } from "./result";
import type { JudgeMessage } from "./judge";

/** One answer: the verdict (or the error) and the heap this thread holds afterwards (bytes). */
export interface JudgeAnswer {
  readonly message: JudgeMessage;
  readonly heapBytes: number;
}

parentPort!.on("message", (data: { bytes: Uint8Array; allow: string[] }) => {
  let message: JudgeMessage;
  try {
    const text = Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength).toString("utf8");
    message = { result: judgePlanText(text, data.allow) };
  } catch (e) {
    message = { error: String((e as Error)?.message ?? e).split("\n")[0]!, planFormat: e instanceof PlanFormatError };
  }
  const answer: JudgeAnswer = { message, heapBytes: getHeapStatistics().total_heap_size };
  parentPort!.postMessage(answer);
});
