/**
 * `npm run bench` rows for the PR-review tools (not timed tests):
 * - `diff` of two 1000-source synth outputs (base: the generic fleet; head: every source with one
 *   more table, every tenth with one more schema), target under 5 s; and `diff --markdown` of the
 *   same (with `--full-report`), under 5 s with the comment within its 60,000-character budget;
 * - `guard` of a 10,000-resource plan (`terraform show -json` shape, a mix of no-ops, updates,
 *   creates, deletes and replaces of the stacks' resource types), target under 2 s;
 * - near-linear at scale (issue 18): `diff` and `guard` of 20,000 changed grants in one stack and
 *   of 40,000 ingress rules in one security group (bench/review-large.ts, grown from a real synth),
 *   each target under 5 s.
 * - the run task end to end on that plan on loopback (bench/run-task-child.ts: signed request,
 *   plan download through the archivist redirect, guard, callback PATCH), target under 2 s; timed
 *   inside one process from the request to the callback's arrival (server start-up excluded).
 * Each measurement is a fresh `node --import tsx` process running the CLI as a user does
 * (bench/cli-child.ts); its wall time counts from process start (Node + tsx start-up included).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { median } from "./median";

export interface ReviewRow {
  label: string;
  runs: number;
  /** Median wall time of the CLI process, ms. */
  wallMs: number;
  /** Median time inside the command (after imports), ms. */
  commandMs: number;
  exitCode: number;
  /**
   * The yardstick measured in the same run on the same input (for diff, guard and the run task:
   * reading and `JSON.parse` of what the command reads), and its time in ms.
   */
  yardstick?: { what: string; ms: number };
  /** `commandMs / yardstick.ms`: the figure the target is on, comparable across machines. */
  ratio?: number;
  /** Target: `ratio` at most this. */
  targetRatio?: number;
  /** An absolute target (ms), only where no yardstick fits (the health row: PostgreSQL's own time). */
  targetMs?: number;
  /** What `targetMs` is checked on: the process's wall time (default) or the time inside the command. */
  targetOn?: "wall" | "command";
  detail: string;
  /** An output-size bound the row is checked against (e.g. the comment within its budget). */
  size?: { what: string; measured: number; max: number };
}

const MB = 1024 * 1024;

export interface CliResult {
  wallMs: number;
  commandMs: number;
  code: number;
}

/** Run the CLI in a fresh process; its stdout goes to `stdoutFile` when given (else nowhere). */
export function runCli(args: string[], stdoutFile?: string): CliResult {
  const fd = stdoutFile ? fs.openSync(stdoutFile, "w") : undefined;
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(__dirname, "cli-child.ts"), ...args], {
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", fd ?? "ignore", "pipe"],
    maxBuffer: 64 * MB,
  });
  if (fd !== undefined) fs.closeSync(fd);
  const last = (r.stderr ?? "").trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(last) as CliResult;
  } catch {
    throw new Error(`cli child failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  }
}

/** Synthesize base and head fleets of `n` generic sources (one child process each side). */
function synthPair(n: number, dir: string): { base: string; head: string } {
  const base = path.join(dir, "base");
  const head = path.join(dir, "head");
  for (const [variant, out] of [
    ["base", base],
    ["head", head],
  ] as const) {
    const r = spawnSync(process.execPath, ["--import", "tsx", path.join(__dirname, "review-synth.ts"), "--n", String(n), "--variant", variant, "--out", out], {
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1" },
      maxBuffer: 64 * MB,
    });
    if (r.status !== 0) throw new Error(`synth of the ${variant} fleet failed:\n${r.stderr}`);
  }
  return { base, head };
}

const GUARD_TYPES = [
  "postgresql_grant",
  "postgresql_default_privileges",
  "postgresql_publication",
  "postgresql_role",
  "aws_vpc_security_group_ingress_rule",
  "clickhouse_clickpipe",
  "aws_rds_cluster_parameter_group",
  "postgresql_grant_role",
];
const ACTIONS: string[][] = [["no-op"], ["no-op"], ["no-op"], ["update"], ["create"], ["no-op"], ["delete"], ["no-op"], ["delete", "create"], ["no-op"]];

/** A plan JSON with `n` resource changes. */
export function syntheticPlan(n: number): string {
  const changes = Array.from({ length: n }, (_, i) => {
    const type = GUARD_TYPES[i % GUARD_TYPES.length];
    const name = `src-${String(Math.floor(i / 10)).padStart(4, "0")}_Res_${i}`;
    const actions = ACTIONS[i % ACTIONS.length];
    const attrs = { name: `obj_${i}`, tables: ["public.a", "public.b"], login: true, cidr_ipv4: "10.0.0.1/32", grant_role: "rds_replication" };
    return {
      address: `${type}.${name}`,
      mode: "managed",
      type,
      name,
      provider_name: "registry.terraform.io/x/y",
      change: { actions, before: actions[0] === "create" ? null : attrs, after: actions.includes("delete") && actions.length === 1 ? null : { ...attrs, tables: ["public.a", "public.c"] } },
    };
  });
  return JSON.stringify({ format_version: "1.2", terraform_version: "1.9.0", resource_changes: changes });
}

/** The medians of a row's runs. */
function medians(label: string, runs: CliResult[], detail: string) {
  return { label, runs: runs.length, wallMs: median(runs.map((r) => r.wallMs)), commandMs: median(runs.map((r) => r.commandMs)), exitCode: runs[0].code, detail };
}

/** A row with an absolute target (the health row). */
export function row(label: string, runs: CliResult[], targetMs: number, detail: string): ReviewRow {
  return { ...medians(label, runs, detail), targetMs };
}

/** A row whose target is a ratio to a yardstick measured in the same run. */
export function ratioRow(label: string, runs: CliResult[], yardstick: { what: string; ms: number }, targetRatio: number, detail: string): ReviewRow {
  const m = medians(label, runs, detail);
  return { ...m, yardstick, ratio: m.commandMs / yardstick.ms, targetRatio };
}

/**
 * The yardstick of a row: read and `JSON.parse` every `.json` file under `paths` in a fresh
 * process (bench/parse-child.ts; the median of 5 passes), ms.
 */
export function parseYardstick(what: string, paths: string[], progress: (line: string) => void): { what: string; ms: number } {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(__dirname, "parse-child.ts"), "--iterations", "5", ...paths], {
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
  });
  const last = (r.stderr ?? "").trim().split("\n").pop() ?? "";
  let result: { ms: number; files: number; bytes: number };
  try {
    result = JSON.parse(last);
  } catch {
    throw new Error(`bench/parse-child.ts failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  }
  progress(`  yardstick ${what}: ${result.ms.toFixed(1)} ms (${result.files} files, ${(result.bytes / MB).toFixed(1)} MB)`);
  return { what: `${what} (${result.files} files, ${(result.bytes / MB).toFixed(1)} MB)`, ms: result.ms };
}

/**
 * Targets, as ratios of the time in the command to the row's yardstick (reading and JSON.parse of
 * the same input, measured in the same run). Chosen from runs on a shared 2-core machine with about
 * 1.5-2x headroom over the figures measured there (bench/README.md gives them and the reasons).
 */
export const TARGET_RATIOS = {
  diff: 25,
  diffMarkdown: 25,
  guard: 40,
  diffGrants: 60,
  guardGrants: 40,
  diffIngress: 80,
  guardIngress: 60,
  runTask: 40,
  runTaskAbuse: 5,
} as const;

export const GRANTS = 20_000;
export const INGRESS = 40_000;

/** The rows of bench/review-large.ts: 20,000 changed grants, 40,000 ingress rules in one group. */
export function measureLarge(dir: string, repeat: number, progress: (line: string) => void): ReviewRow[] {
  const large = path.join(dir, "large");
  progress(`  review: growing a real synth to ${GRANTS} grants and ${INGRESS} ingress rules`);
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(__dirname, "review-large.ts"), "--out", large, "--grants", String(GRANTS), "--ingress", String(INGRESS)], {
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    maxBuffer: 64 * MB,
  });
  if (r.status !== 0) throw new Error(`bench/review-large.ts failed:\n${r.stderr}`);
  const cases: [string, string[], string[], number, string][] = [
    [
      `diff, ${GRANTS} changed grants in one stack`,
      ["diff", path.join(large, "grants/base"), path.join(large, "grants/head"), "--json"],
      [path.join(large, "grants/base"), path.join(large, "grants/head")],
      TARGET_RATIOS.diffGrants,
      "--json; half revoke SELECT in place, half replaced",
    ],
    [
      `guard, ${GRANTS} changed grants in one stack`,
      ["guard", path.join(large, "grants.plan.json"), "--no-synth", "--json"],
      [path.join(large, "grants.plan.json")],
      TARGET_RATIOS.guardGrants,
      "--json; the same changes as a plan",
    ],
    [
      `diff, ${INGRESS} ingress rules in one group`,
      ["diff", path.join(large, "ingress/base"), path.join(large, "ingress/head"), "--json"],
      [path.join(large, "ingress/base"), path.join(large, "ingress/head")],
      TARGET_RATIOS.diffIngress,
      "--json; every other /32 deleted, one /17 added (coverage per group)",
    ],
    [
      `guard, ${INGRESS} ingress rules in one group`,
      ["guard", path.join(large, "ingress.plan.json"), "--no-synth", "--json"],
      [path.join(large, "ingress.plan.json")],
      TARGET_RATIOS.guardIngress,
      "--json; the same changes as a plan",
    ],
  ];
  return cases.map(([label, args, input, target, detail]) => {
    const yardstick = parseYardstick(`JSON.parse of the input of "${label}"`, input, progress);
    const runs: CliResult[] = [];
    for (let i = 0; i < repeat; i++) {
      const x = runCli(args);
      progress(`  ${label} run ${i + 1}/${repeat}: ${(x.wallMs / 1000).toFixed(2)} s (exit ${x.code})`);
      runs.push(x);
    }
    return ratioRow(label, runs, yardstick, target, detail);
  });
}

/** The run task row: a fresh process timing request → callback on loopback, `repeat` times. */
export function measureRunTask(repeat: number, progress: (line: string) => void): ReviewRow {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(__dirname, "run-task-child.ts"), "--n", String(GUARD_RESOURCES), "--repeat", String(repeat)], {
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * MB,
  });
  const last = (r.stderr ?? "").trim().split("\n").pop() ?? "";
  let result: { times: number[]; parseMs: number; status: string; callbackBytes: number; planBytes: number };
  try {
    result = JSON.parse(last);
  } catch {
    throw new Error(`run task bench failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  }
  result.times.forEach((t, i) => progress(`  run task x${GUARD_RESOURCES} run ${i + 1}/${repeat}: ${(t / 1000).toFixed(2)} s (${result.status})`));
  const ms = median(result.times);
  return {
    label: `run task, ${GUARD_RESOURCES} resource changes`,
    runs: result.times.length,
    wallMs: ms,
    commandMs: ms,
    exitCode: r.status ?? 1,
    yardstick: { what: `JSON.parse of the same plan (${(result.planBytes / MB).toFixed(1)} MB) in the server's process`, ms: result.parseMs },
    ratio: ms / result.parseMs,
    targetRatio: TARGET_RATIOS.runTask,
    detail: `loopback, request to callback; plan ${(result.planBytes / MB).toFixed(1)} MB, callback ${result.callbackBytes} bytes, ${result.status}`,
  };
}

/** Stalled uploads in the abuse row. */
export const STALLED_UPLOADS = 300;

/**
 * The abuse row: run task amid 300 stalled 1 MiB uploads with a wrong signature (bench/run-task-child.ts
 * --stalled); target: the signed run's result within 5 s and the server's peak RSS at most 200 MB.
 */
export function measureRunTaskAbuse(progress: (line: string) => void): ReviewRow {
  const r = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", path.join(__dirname, "run-task-child.ts"), "--stalled", String(STALLED_UPLOADS)], {
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * MB,
  });
  const last = (r.stderr ?? "").trim().split("\n").pop() ?? "";
  let result: { quietMs: number; openAtRun: number; rssBeforeMB: number; rssStalledMB: number; rssPeakMB: number; timeToResultMs: number; status: string; stats: Record<string, number> | null };
  try {
    result = JSON.parse(last);
  } catch {
    throw new Error(`run task abuse bench failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  }
  progress(
    `  run task amid ${STALLED_UPLOADS} stalled uploads: ${(result.timeToResultMs / 1000).toFixed(2)} s to the result (${result.status}), RSS ${result.rssBeforeMB.toFixed(0)} -> peak ${result.rssPeakMB.toFixed(0)} MB`,
  );
  const st = result.stats;
  return {
    label: `run-task, ${STALLED_UPLOADS} stalled uploads + one signed run`,
    runs: 1,
    wallMs: result.timeToResultMs,
    commandMs: result.timeToResultMs,
    exitCode: r.status ?? 1,
    yardstick: { what: "the same signed run with no stalled upload", ms: result.quietMs },
    ratio: result.timeToResultMs / result.quietMs,
    targetRatio: TARGET_RATIOS.runTaskAbuse,
    detail: `time to result; server RSS ${result.rssBeforeMB.toFixed(0)} MB before, ${result.rssStalledMB.toFixed(0)} MB with the stalls open, peak ${result.rssPeakMB.toFixed(0)} MB; ${result.openAtRun} stalls open at the run${st ? `, ${st.evictedConnections} evicted, ${st.droppedForMemory} dropped for memory` : ""}; ${result.status}`,
    size: { what: "peak RSS MB", measured: Math.round(result.rssPeakMB), max: 200 },
  };
}

export const DIFF_SOURCES = 1000;
export const GUARD_RESOURCES = 10_000;

/** Measure both rows; `progress` gets one line per run. */
export function measureReview(repeat: number, progress: (line: string) => void): ReviewRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-bench-review-"));
  try {
    const rows: ReviewRow[] = [];
    progress(`  review: synthesizing base and head fleets of ${DIFF_SOURCES} generic sources`);
    const { base, head } = synthPair(DIFF_SOURCES, dir);
    const diffRuns: CliResult[] = [];
    for (let i = 0; i < repeat; i++) {
      const r = runCli(["diff", base, head, "--json"]);
      progress(`  diff x${DIFF_SOURCES} run ${i + 1}/${repeat}: ${(r.wallMs / 1000).toFixed(2)} s (exit ${r.code})`);
      diffRuns.push(r);
    }
    const diffInput = parseYardstick(`JSON.parse of both synth outputs`, [base, head], progress);
    rows.push(ratioRow(`diff, ${DIFF_SOURCES} + ${DIFF_SOURCES} generic sources`, diffRuns, diffInput, TARGET_RATIOS.diff, "--json; every source +1 table, every 10th +1 schema"));
    // The PR comment of the same change: within the default budget (60,000 characters), and the full report beside it.
    const comment = path.join(dir, "comment.md");
    const mdRuns: CliResult[] = [];
    for (let i = 0; i < repeat; i++) {
      const r = runCli(["diff", base, head, "--markdown", "--full-report", path.join(dir, "full.md")], comment);
      progress(`  diff --markdown x${DIFF_SOURCES} run ${i + 1}/${repeat}: ${(r.wallMs / 1000).toFixed(2)} s (exit ${r.code})`);
      mdRuns.push(r);
    }
    const chars = fs.readFileSync(comment, "utf8").length;
    const fullBytes = fs.statSync(path.join(dir, "full.md")).size;
    rows.push({
      ...ratioRow(
        `diff --markdown, ${DIFF_SOURCES} + ${DIFF_SOURCES} generic sources`,
        mdRuns,
        diffInput,
        TARGET_RATIOS.diffMarkdown,
        `comment ${chars.toLocaleString("en-US")} chars (budget 60,000), full report ${(fullBytes / 1024).toFixed(0)} KiB`,
      ),
      size: { what: "comment characters", measured: chars, max: 60_000 },
    });
    const plan = path.join(dir, "plan.json");
    fs.writeFileSync(plan, syntheticPlan(GUARD_RESOURCES));
    const guardRuns: CliResult[] = [];
    for (let i = 0; i < repeat; i++) {
      const r = runCli(["guard", plan, "--json"]);
      progress(`  guard x${GUARD_RESOURCES} run ${i + 1}/${repeat}: ${(r.wallMs / 1000).toFixed(2)} s (exit ${r.code})`);
      guardRuns.push(r);
    }
    rows.push(ratioRow(`guard, ${GUARD_RESOURCES} resource changes`, guardRuns, parseYardstick("JSON.parse of the plan", [plan], progress), TARGET_RATIOS.guard, "--json; plan format 1.2"));
    rows.push(...measureLarge(dir, repeat, progress));
    rows.push(measureRunTask(repeat, progress));
    rows.push(measureRunTaskAbuse(progress));
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
