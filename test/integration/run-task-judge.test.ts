/**
 * The judging process of the run task server (src/runtask/judge.ts): one child kept between large
 * plans, the same heap limit, and a new one after a failure or a child that died; running out of
 * memory ends the child, never the server (this test file's own process).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { JudgeError, judgePlanBytes, judgeWorkerStats, releaseIdleJudge, terminateJudges } from "../../src/runtask/judge";

const plan = fs.readFileSync(path.join(__dirname, "../fixtures/plans/update-grant-in-place.json"));
/** Every plan goes to the worker (`inlineBytes: 0`), as plans over 1 MiB do. */
const viaWorker = { inlineBytes: 0 };
/** Two million small objects: about 20 MB of JSON, far more heap once parsed, and long enough to judge to be killed midway. */
const big = Buffer.from(`{"format_version":"1.2","padding":[${'{"a":[1]},'.repeat(2_000_000)}{}]}`);

afterAll(() => terminateJudges());

describe("the judging process", () => {
  it("is started once and kept between plans", async () => {
    const inline = await judgePlanBytes(plan, []);
    const before = judgeWorkerStats().started;
    const first = await judgePlanBytes(plan, [], viaWorker);
    expect(judgeWorkerStats()).toEqual({ started: before + 1, kept: true });
    const second = await judgePlanBytes(Buffer.from(plan), [], viaWorker);
    expect(judgeWorkerStats()).toEqual({ started: before + 1, kept: true });
    expect(first).toEqual(inline);
    expect(second).toEqual(inline);
  }, 60_000);

  it("a plan the guard does not read fails its run; the worker stays", async () => {
    await judgePlanBytes(plan, [], viaWorker);
    const before = judgeWorkerStats().started;
    await expect(judgePlanBytes(Buffer.from('{"format_version":"9.0"}'), [], viaWorker)).rejects.toThrow(/format_version/);
    expect(await judgePlanBytes(plan, [], viaWorker)).toMatchObject({ status: expect.any(String) });
    expect(judgeWorkerStats()).toEqual({ started: before, kept: true });
  }, 60_000);

  it("a process that died while kept is replaced by a new one", async () => {
    await judgePlanBytes(plan, [], viaWorker);
    expect(judgeWorkerStats().kept).toBe(true);
    const before = judgeWorkerStats().started;
    await terminateJudges();
    expect(judgeWorkerStats().kept).toBe(false);
    expect(await judgePlanBytes(plan, [], viaWorker)).toMatchObject({ status: expect.any(String) });
    expect(judgeWorkerStats()).toEqual({ started: before + 1, kept: true });
  }, 60_000);

  it("a process out of memory fails its run with one line and is not kept; the server lives on and the next plan gets a new one", async () => {
    await releaseIdleJudge();
    const heap = { ...viaWorker, workerHeapMb: 64 };
    // Within that heap a real plan is judged (so the limit below is the plan's, not the start's)...
    expect(await judgePlanBytes(plan, [], heap)).toMatchObject({ status: expect.any(String) });
    // ...while `big` needs far more once parsed. A worker thread at its limit took the whole process
    // down about once in six runs; three in a row here.
    for (let i = 0; i < 3; i++) {
      const before = judgeWorkerStats().started;
      const failed = await judgePlanBytes(big, [], heap).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(failed).toBeInstanceOf(JudgeError);
      expect((failed as Error).message).toBe("the plan needs more than 64 MB of memory to judge");
      expect(judgeWorkerStats().kept).toBe(false);
      expect(await judgePlanBytes(plan, [], heap)).toMatchObject({ status: expect.any(String) });
      expect(judgeWorkerStats()).toEqual({ started: before + 1, kept: true });
    }
  }, 180_000);

  it("a process killed while judging fails its run with one line naming the signal", async () => {
    await releaseIdleJudge();
    const pending = judgePlanBytes(big, [], viaWorker).then(
      () => undefined,
      (e: unknown) => e,
    );
    await terminateJudges();
    const failed = await pending;
    expect(failed).toBeInstanceOf(JudgeError);
    expect((failed as Error).message).toBe("the judging process stopped (SIGKILL)");
  }, 60_000);

  it("a kept process does not hold its server open: a program that judged a large plan and released nothing ends", () => {
    const judge = path.join(__dirname, "../../src/runtask/judge.ts");
    const fixture = path.join(__dirname, "../fixtures/plans/update-grant-in-place.json");
    const program = `const j = require(${JSON.stringify(judge)});
      j.judgePlanBytes(require("fs").readFileSync(${JSON.stringify(fixture)}), [], { inlineBytes: 0 }).then((r) => console.log(r.status, JSON.stringify(j.judgeWorkerStats())));`;
    const r = spawnSync(process.execPath, ["--require", require.resolve("tsx/cjs"), "-e", program], { encoding: "utf8", timeout: 30_000 });
    expect(r.signal, "the program was still running after 30 s").toBeNull();
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^(passed|failed) \{"started":1,"kept":true\}\n$/);
    expect(r.status).toBe(0);
  }, 90_000);
});
