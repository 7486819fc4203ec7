/**
 * Judging a downloaded plan without stalling the run task server: a plan under `inlineBytes` is
 * judged on the event loop (a few milliseconds); a larger one in a worker thread
 * (src/runtask/judge-worker.ts) with a heap limit, so a 60 MB plan never blocks other runs. The
 * worker is kept for the next plan (starting one cost about a second from source, more than judging
 * a 10,000-change plan) unless it holds more than `KEEP_WORKER_HEAP_BYTES` of heap afterwards, so a
 * huge plan's gigabyte is returned once judged; one that fails or crashes is replaced by a new one.
 * The worker runs the compiled `.js` next to this file, or the `.ts` source through tsx when the
 * server itself runs from source (tests, bench).
 */
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { PlanFormatError } from "../guard/plan";
import { judgePlanText, TaskResult } from "./result";
import type { JudgeAnswer } from "./judge-worker";

export type JudgeMessage = { readonly result: TaskResult } | { readonly error: string; readonly planFormat: boolean };

export interface JudgeOptions {
  /** Plans smaller than this many bytes are judged on the event loop. @default 1 MiB */
  readonly inlineBytes?: number;
  /** Heap limit of a judging worker, MB; a plan that needs more fails its run. @default 2048 */
  readonly workerHeapMb?: number;
}

export const JUDGE_DEFAULTS = { inlineBytes: 1024 * 1024, workerHeapMb: 2048 } as const;

/** Raised when the worker itself fails (out of memory, crashed): one line. */
export class JudgeError extends Error {}

/**
 * A judging worker keeps at most this much heap (V8's total heap size after its last plan) to be
 * kept for the next plan; above it the thread ends, so the memory of a huge plan is returned.
 */
export const KEEP_WORKER_HEAP_BYTES = 512 * 1024 * 1024;

const running = new Set<Worker>();
/** The worker kept alive between plans (one; unref'd while idle), and the heap limit it was started with. */
let idle: { readonly worker: Worker; readonly heapMb: number } | undefined;

let started = 0;

/** How many judging workers this process started, and whether one is kept for the next plan. */
export function judgeWorkerStats(): { started: number; kept: boolean } {
  return { started, kept: idle !== undefined };
}

/** Stop every judging worker (server shutdown after its timeout). */
export async function terminateJudges(): Promise<void> {
  const kept = idle?.worker;
  idle = undefined;
  await Promise.all([...running, ...(kept ? [kept] : [])].map((w) => w.terminate()));
}

/** Stop the worker kept for the next plan, if any (a server that stops releases it). */
export async function releaseIdleJudge(): Promise<void> {
  const kept = idle?.worker;
  idle = undefined;
  await kept?.terminate();
}

function startWorker(heapMb: number): Worker {
  const fromSource = __filename.endsWith(".ts");
  const file = path.join(__dirname, fromSource ? "judge-worker.ts" : "judge-worker.js");
  // From source, the worker registers tsx's require hook first (Node 20 workers ignore the parent's loaders).
  const entry = fromSource ? `require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(file)});` : file;
  started++;
  const worker = new Worker(entry, { eval: fromSource, resourceLimits: { maxOldGenerationSizeMb: heapMb }, stdout: false, stderr: false });
  // A kept worker that dies while idle (killed, crashed) is simply not reused: the next plan starts another.
  worker.once("exit", () => {
    running.delete(worker);
    if (idle?.worker === worker) idle = undefined;
  });
  return worker;
}

/** Judge plan bytes. Throws `PlanFormatError` for a plan the guard does not read, `JudgeError` when the worker fails. */
export function judgePlanBytes(bytes: Buffer, allow: readonly string[], opts: JudgeOptions = {}): Promise<TaskResult> {
  const inlineBytes = opts.inlineBytes ?? JUDGE_DEFAULTS.inlineBytes;
  if (bytes.length < inlineBytes) {
    try {
      return Promise.resolve(judgePlanText(bytes.toString("utf8"), allow));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  const heapMb = opts.workerHeapMb ?? JUDGE_DEFAULTS.workerHeapMb;
  // The kept worker when it is free and has the same heap limit; otherwise a new one (plans judged at the same time each get their own).
  let worker: Worker;
  if (idle && idle.heapMb === heapMb) {
    worker = idle.worker;
    idle = undefined;
    worker.ref();
  } else {
    worker = startWorker(heapMb);
  }
  running.add(worker);
  // A buffer of its own memory moves to the worker; a slice of a shared pool is copied first.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Buffer.from(bytes);
  const view = new Uint8Array(own.buffer, own.byteOffset, own.byteLength);
  return new Promise<TaskResult>((resolve, reject) => {
    const done = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    const onMessage = ({ message: m, heapBytes }: JudgeAnswer) => {
      done();
      running.delete(worker);
      // Keep the thread for the next plan unless it holds a large heap or another is already kept.
      if (heapBytes <= KEEP_WORKER_HEAP_BYTES && idle === undefined) {
        idle = { worker, heapMb };
        worker.unref();
      } else {
        void worker.terminate();
      }
      if ("result" in m) resolve(m.result);
      else reject(m.planFormat ? new PlanFormatError(m.error) : new JudgeError(m.error));
    };
    const onError = (e: NodeJS.ErrnoException) => {
      done();
      running.delete(worker);
      void worker.terminate();
      reject(new JudgeError(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? `the plan needs more than ${heapMb} MB of memory to judge` : `the judging thread failed: ${String(e.message).split("\n")[0]}`));
    };
    const onExit = (code: number) => {
      done();
      reject(new JudgeError(`the judging thread stopped (exit ${code})`));
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage({ bytes: view, allow: [...allow] }, [view.buffer as ArrayBuffer]);
  });
}
