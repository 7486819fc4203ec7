/**
 * Regenerate the guard's rule fixtures (test/fixtures/plans/rules/*.json) from a real synth of
 * scripts/guard-fixtures/scenarios.ts: `node --import tsx scripts/gen-guard-fixtures.ts [<outdir>]` (or
 * `npm run gen`). The unit test regenerates them the same way and fails when the committed files differ.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildApp } from "../src/app/app";
import { makePlans } from "./guard-fixtures/make-plans";
import { RULE_CASES } from "./guard-fixtures/guard-rule-plans";
import { GUARD_SCENARIOS } from "./guard-fixtures/scenarios";

const out = path.resolve(process.argv[2] ?? path.join(__dirname, "../test/fixtures/plans/rules"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "guard-fixtures-"));
try {
  buildApp(GUARD_SCENARIOS, { outdir: tmp }).synth();
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const c of RULE_CASES) for (const f of makePlans(c, tmp)) fs.writeFileSync(path.join(out, f.file), f.text);
  console.log(`wrote ${RULE_CASES.length * 2} fixtures to ${path.relative(process.cwd(), out)}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
