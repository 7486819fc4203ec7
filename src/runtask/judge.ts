/**
 * Judging a downloaded plan without stalling the run task server: a plan under `inlineBytes` is
 * judged on the event loop (a few milliseconds); a larger one in a worker thread
 * (src/runtask/judge-worker.ts) with a heap limit, so a 60 MB plan neither blocks other runs nor
 * keeps its gigabyte of heap once judged. The worker runs the compiled `.js` next to this file, or
 * the `.ts` source through tsx when the server itself runs from source (tests, bench).
 */
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { PlanFormatError } from "../guard/plan";
import { judgePlanText, TaskResult } from "./result";

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

const running = new Set<Worker>();

/** Stop every judging worker (server shutdown after its timeout). */
export async function terminateJudges(): Promise<void> {
  await Promise.all([...running].map((w) => w.terminate()));
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
  const fromSource = __filename.endsWith(".ts");
  const file = path.join(__dirname, fromSource ? "judge-worker.ts" : "judge-worker.js");
  // A buffer of its own memory moves to the worker; a slice of a shared pool is copied first.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Buffer.from(bytes);
  const view = new Uint8Array(own.buffer, own.byteOffset, own.byteLength);
  return new Promise<TaskResult>((resolve, reject) => {
    // From source, the worker registers tsx's require hook first (Node 20 workers ignore the parent's loaders).
    const entry = fromSource ? `require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(file)});` : file;
    const worker = new Worker(entry, {
      eval: fromSource,
      workerData: { bytes: view, allow: [...allow] },
      transferList: [view.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: opts.workerHeapMb ?? JUDGE_DEFAULTS.workerHeapMb },
      stdout: false,
      stderr: false,
    });
    running.add(worker);
    let settled = false;
    const settle = (f: () => void) => {
      if (!settled) {
        settled = true;
        f();
      }
    };
    worker.once("message", (m: JudgeMessage) => settle(() => ("result" in m ? resolve(m.result) : reject(m.planFormat ? new PlanFormatError(m.error) : new JudgeError(m.error)))));
    worker.once("error", (e: NodeJS.ErrnoException) =>
      settle(() =>
        reject(
          new JudgeError(
            e.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? `the plan needs more than ${opts.workerHeapMb ?? JUDGE_DEFAULTS.workerHeapMb} MB of memory to judge`
              : `the judging thread failed: ${String(e.message).split("\n")[0]}`,
          ),
        ),
      ),
    );
    worker.once("exit", (code) => {
      running.delete(worker);
      settle(() => reject(new JudgeError(`the judging thread stopped (exit ${code})`)));
    });
  });
}
