/**
 * The yardstick of the PR-review rows of `npm run bench` (bench/review.ts), in a fresh process:
 * read and `JSON.parse` every `.json` file under the given paths (the same input the row's command
 * reads: both synth outputs for `diff`, the plan for `guard` and the run task), `--iterations`
 * times; prints one JSON line on stderr with the median time of one pass (ms), the files and bytes.
 *
 *   node --import tsx bench/parse-child.ts [--iterations 5] PATH...
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { median } from "./median";

function jsonFiles(p: string, out: string[]): string[] {
  if (fs.statSync(p).isDirectory()) {
    for (const e of fs.readdirSync(p).sort()) jsonFiles(path.join(p, e), out);
  } else if (p.endsWith(".json")) {
    out.push(p);
  }
  return out;
}

const argv = process.argv.slice(2);
const at = argv.indexOf("--iterations");
const iterations = at >= 0 ? Number(argv[at + 1]) : 5;
const paths = argv.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
const files = paths.flatMap((p) => jsonFiles(p, []));
let bytes = 0;
const times: number[] = [];
for (let k = 0; k < iterations; k++) {
  bytes = 0;
  const t0 = performance.now();
  for (const f of files) {
    const text = fs.readFileSync(f, "utf8");
    bytes += text.length;
    JSON.parse(text);
  }
  times.push(performance.now() - t0);
}
process.stderr.write(JSON.stringify({ ms: median(times), files: files.length, bytes }) + "\n");
