/**
 * Judging a downloaded plan without stalling the run task server: a plan under `inlineBytes` is
 * judged on the event loop (a few milliseconds); a larger one in a child process
 * (src/runtask/judge-worker.ts) with a heap limit, so a 60 MB plan never blocks other runs.
 *
 * A process, not a worker thread: Node 20 stops a thread at its heap limit only by raising that
 * limit 16 MB and asking V8 to end the thread, which it does only when the running native call (a
 * `JSON.parse` of tens of megabytes) returns; a thread that outgrows the raised limit first takes
 * the whole server down with "FATAL ERROR: Reached heap limit" (seen here, in about one run in six
 * of the out-of-memory test). A child that runs out of memory dies alone; its run fails with one line.
 *
 * The child is kept for the next plan (starting one cost about a second from source, more than
 * judging a 10,000-change plan) unless it holds more than `KEEP_WORKER_HEAP_BYTES` of heap
 * afterwards, so a huge plan's gigabyte is returned once judged; one that fails or dies is replaced
 * by a new one. It runs the compiled `.js` next to this file, or the `.ts` source through tsx when
 * the server itself runs from source (tests, bench).
 */
import { ChildProcess, fork } from "node:child_process";
import type { Socket } from "node:net";
import * as path from "node:path";
import { PlanFormatError } from "../guard/plan";
import { judgePlanText, TaskResult } from "./result";
import type { JudgeAnswer, JudgeRequest } from "./judge-worker";

export type JudgeMessage = { readonly result: TaskResult } | { readonly error: string; readonly planFormat: boolean };

export interface JudgeOptions {
  /** Plans smaller than this many bytes are judged on the event loop. @default 1 MiB */
  readonly inlineBytes?: number;
  /** Heap limit of the judging process (V8's old space), MB; a plan that needs more fails its run. @default 2048 */
  readonly workerHeapMb?: number;
}

export const JUDGE_DEFAULTS = { inlineBytes: 1024 * 1024, workerHeapMb: 2048 } as const;

/** Raised when the judging process itself fails (out of memory, killed): one line. */
export class JudgeError extends Error {}

/**
 * A judging process keeps at most this much heap (V8's total heap size after its last plan) to be
 * kept for the next plan; above it the process ends, so the memory of a huge plan is returned.
 */
export const KEEP_WORKER_HEAP_BYTES = 512 * 1024 * 1024;

/** How much of a child's stderr is kept to tell an out-of-memory death from another (V8 prints the reason last). */
const STDERR_TAIL = 4096;

interface Judge {
  readonly child: ChildProcess;
  readonly heapMb: number;
  /** The end of what the child wrote to stderr. */
  stderr: string;
  readonly exited: Promise<void>;
}

const running = new Set<Judge>();
/** The process kept alive between plans (one; unref'd while idle). */
let idle: Judge | undefined;

let started = 0;

/** How many judging processes this server started, and whether one is kept for the next plan. */
export function judgeWorkerStats(): { started: number; kept: boolean } {
  return { started, kept: idle !== undefined };
}

async function stop(judge: Judge): Promise<void> {
  judge.child.kill("SIGKILL");
  await judge.exited;
}

/** Stop every judging process (server shutdown after its timeout). */
export async function terminateJudges(): Promise<void> {
  const kept = idle;
  idle = undefined;
  await Promise.all([...running, ...(kept ? [kept] : [])].map(stop));
}

/** Stop the process kept for the next plan, if any (a server that stops releases it). */
export async function releaseIdleJudge(): Promise<void> {
  const kept = idle;
  idle = undefined;
  if (kept) await stop(kept);
}

/** Whether an idle child keeps this process alive: a kept one must not. */
function hold(judge: Judge, on: boolean): void {
  // stderr is a pipe (a net.Socket), which holds the event loop like the channel does.
  for (const handle of [judge.child, judge.child.channel, judge.child.stderr as Socket | null]) {
    if (on) handle?.ref();
    else handle?.unref();
  }
}

function startJudge(heapMb: number): Judge {
  const fromSource = __filename.endsWith(".ts");
  const file = path.join(__dirname, fromSource ? "judge-worker.ts" : "judge-worker.js");
  started++;
  const child = fork(file, [], {
    // From source, the child loads tsx's require hook first; nothing of the server's own flags is passed on.
    execArgv: [`--max-old-space-size=${heapMb}`, ...(fromSource ? ["--require", require.resolve("tsx/cjs")] : [])],
    serialization: "advanced",
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let exitedResolve!: () => void;
  const judge: Judge = { child, heapMb, stderr: "", exited: new Promise<void>((r) => (exitedResolve = r)) };
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (s: string) => (judge.stderr = (judge.stderr + s).slice(-STDERR_TAIL)));
  // A kept process that dies while idle (killed, crashed) is simply not reused: the next plan starts another.
  child.once("exit", () => {
    running.delete(judge);
    if (idle === judge) idle = undefined;
    exitedResolve();
  });
  // An error event (it could not be started, or a message could not be sent) ends it; `exit` follows.
  child.on("error", () => child.kill("SIGKILL"));
  return judge;
}

/** Judge plan bytes. Throws `PlanFormatError` for a plan the guard does not read, `JudgeError` when the judging process fails. */
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
  // The kept process when it is free and has the same heap limit; otherwise a new one (plans judged at the same time each get their own).
  let judge: Judge;
  if (idle && idle.heapMb === heapMb) {
    judge = idle;
    idle = undefined;
    hold(judge, true);
  } else {
    judge = startJudge(heapMb);
  }
  running.add(judge);
  const { child } = judge;
  return new Promise<TaskResult>((resolve, reject) => {
    const done = () => {
      child.off("message", onMessage);
      child.off("close", onClose);
    };
    const onMessage = ({ message: m, heapBytes }: JudgeAnswer) => {
      done();
      running.delete(judge);
      // Keep the process for the next plan unless it holds a large heap or another is already kept.
      if (heapBytes <= KEEP_WORKER_HEAP_BYTES && idle === undefined) {
        idle = judge;
        hold(judge, false);
      } else {
        void stop(judge);
      }
      if ("result" in m) resolve(m.result);
      else reject(m.planFormat ? new PlanFormatError(m.error) : new JudgeError(m.error));
    };
    // `close`, not `exit`: it comes once stderr has been read to its end, where V8 names the reason.
    const onClose = (code: number | null, signal: NodeJS.Signals | null) => {
      done();
      const outOfMemory = /heap out of memory|Reached heap limit/.test(judge.stderr);
      reject(new JudgeError(outOfMemory ? `the plan needs more than ${heapMb} MB of memory to judge` : `the judging process stopped (${signal ?? `exit ${code}`})`));
    };
    child.on("message", onMessage);
    child.on("close", onClose);
    const request: JudgeRequest = { bytes, allow: [...allow] };
    child.send(request);
  });
}
