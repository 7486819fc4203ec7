/**
 * The child process that judges large plans for the run task server (src/runtask/judge.ts), so
 * parsing tens of megabytes of JSON never stalls the server's event loop (other runs, /healthz,
 * signature checks) and running out of memory ends only this process. It judges one plan per
 * message and stays alive for the next: starting it (and, from source, tsx) costs more than judging
 * a 10,000-change plan. judge.ts retires it when the heap it kept is large, so a 60 MB plan's
 * gigabyte is returned when it is judged. It ends when the server does (its channel closes).
 *
 * Each message: `JudgeRequest`; each answer: `JudgeAnswer` (Node's advanced IPC serialization).
 */
import { getHeapStatistics } from "node:v8";
import { PlanFormatError } from "../guard/plan";
import { judgePlanText } from "./result";
import type { JudgeMessage } from "./judge";

/** One plan to judge: its bytes and the rules allowed by the server's `--allow`. */
export interface JudgeRequest {
  readonly bytes: Uint8Array;
  readonly allow: readonly string[];
}

/** One answer: the verdict (or the error) and the heap this process holds afterwards (bytes). */
export interface JudgeAnswer {
  readonly message: JudgeMessage;
  readonly heapBytes: number;
}

process.on("disconnect", () => process.exit(0));
process.on("message", (data: JudgeRequest) => {
  let message: JudgeMessage;
  try {
    const text = Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength).toString("utf8");
    message = { result: judgePlanText(text, data.allow) };
  } catch (e) {
    message = { error: String((e as Error)?.message ?? e).split("\n")[0]!, planFormat: e instanceof PlanFormatError };
  }
  const answer: JudgeAnswer = { message, heapBytes: getHeapStatistics().total_heap_size };
  process.send!(answer);
});
