/**
 * One CLI run for bench/review.ts, in a fresh process: runs `cdktf-clickpipes <args>` (stdout goes
 * where the parent points it) and prints one JSON line on stderr: wall time from process start,
 * time inside the command, exit code.
 */
const t0 = performance.now();
import("../src/cli/main").then(async ({ main }) => {
  const t1 = performance.now();
  const code = await main(process.argv.slice(2));
  const t2 = performance.now();
  process.stderr.write(JSON.stringify({ wallMs: t2, commandMs: t2 - t1, importMs: t1 - t0, code }) + "\n");
});
