/**
 * The judging worker of the run task server (src/runtask/judge.ts): one thread kept between large
 * plans, the same heap limit, and a new one after a failure or a thread that died.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { JudgeError, judgePlanBytes, judgeWorkerStats, releaseIdleJudge, terminateJudges } from "../../src/runtask/judge";

const plan = fs.readFileSync(path.join(__dirname, "../fixtures/plans/update-grant-in-place.json"));
/** Every plan goes to the worker (`inlineBytes: 0`), as plans over 1 MiB do. */
const viaWorker = { inlineBytes: 0 };

afterAll(() => terminateJudges());

describe("the judging worker", () => {
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

  it("a worker that died while kept is replaced by a new one", async () => {
    await judgePlanBytes(plan, [], viaWorker);
    expect(judgeWorkerStats().kept).toBe(true);
    const before = judgeWorkerStats().started;
    await terminateJudges();
    expect(judgeWorkerStats().kept).toBe(false);
    expect(await judgePlanBytes(plan, [], viaWorker)).toMatchObject({ status: expect.any(String) });
    expect(judgeWorkerStats()).toEqual({ started: before + 1, kept: true });
  }, 60_000);

  it("a worker out of memory fails its run with one line and is not kept; the next plan gets a new one", async () => {
    await releaseIdleJudge();
    const before = judgeWorkerStats().started;
    // Two million small objects: about 20 MB of JSON, far more heap once parsed.
    const big = Buffer.from(`{"format_version":"1.2","padding":[${'{"a":[1]},'.repeat(2_000_000)}{}]}`);
    const failed = await judgePlanBytes(big, [], { ...viaWorker, workerHeapMb: 16 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(JudgeError);
    expect((failed as Error).message).toBe("the plan needs more than 16 MB of memory to judge");
    expect(judgeWorkerStats()).toEqual({ started: before + 1, kept: false });
    expect(await judgePlanBytes(plan, [], viaWorker)).toMatchObject({ status: expect.any(String) });
    expect(judgeWorkerStats()).toEqual({ started: before + 2, kept: true });
  }, 120_000);
});
