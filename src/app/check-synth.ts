/**
 * For HCP Terraform VCS-driven runs, which cannot run Node: the synthesized stacks are committed,
 * and this check fails when they are out of date.
 *
 *   node --import tsx stacks/check-synth.ts [committed dir]     (default: cdktf.out)
 *   (the example app's entry; your own app calls `checkSynthMain(config, fleetFiles)`)
 *
 * Synthesizes the app into a temporary folder and compares every file of `stacks/` with the
 * committed folder. Exit 0 up to date, 1 stale (lists the files), 2 could not run or the committed
 * folder holds a symlink or another non-regular file (each named).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { exitWhenFlushed } from "../util/exit";
import { diffTrees, isEmptyDiff, readTree } from "../util/file-tree";
import { nonRegularEntries } from "../synth-output/stack-folder";
import { AppConfig } from "../model/app-config";
import { ValidationError } from "../model/validation";
import { buildApp, fleetFileList, loadAppConfig } from "./app";

export function checkSynth(config: AppConfig, committedOutdir: string, log: (line: string) => void): number {
  if (!fs.existsSync(path.join(committedOutdir, "stacks"))) {
    log(`check-synth: ${committedOutdir}/stacks does not exist; name the folder the stacks were synthesized into`);
    return 2;
  }
  // The comparison reads regular files only: a symlink (or FIFO, device) would pass unseen while
  // Terraform follows it (e.g. an x_override.tf.json linked from elsewhere). Refused, each named.
  const special = nonRegularEntries(path.join(committedOutdir, "stacks"));
  if (special.length > 0) {
    for (const s of special) log(`refused: ${committedOutdir}/stacks: ${s}`);
    log(`check-synth: ${committedOutdir}/stacks holds ${special.length} symlink(s) or special file(s); synth writes only regular files: remove them and commit`);
    return 2;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-check-"));
  try {
    buildApp(config, { outdir: tmp }).synth();
    const diff = diffTrees(readTree(path.join(tmp, "stacks")), readTree(path.join(committedOutdir, "stacks")));
    if (isEmptyDiff(diff)) {
      log(`check-synth: ${committedOutdir}/stacks is up to date`);
      return 0;
    }
    for (const f of diff.added) log(`missing: ${committedOutdir}/stacks/${f}`);
    for (const f of diff.changed) log(`stale:   ${committedOutdir}/stacks/${f}`);
    for (const f of diff.removed) log(`extra:   ${committedOutdir}/stacks/${f}`);
    log(`check-synth: ${committedOutdir}/stacks is out of date; run: npx cdktf synth --output ${committedOutdir} and commit it`);
    return 1;
  } catch (e) {
    if (e instanceof ValidationError) {
      log(e.message);
      return 2;
    }
    throw e;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Entry of a check-synth script: the same sources as the app (typed config plus fleet files and CLICKPIPES_FLEET). */
export function checkSynthMain(config: AppConfig, fleetFiles: readonly string[], argv: readonly string[] = process.argv.slice(2)): void {
  const log = (l: string) => process.stdout.write(l + "\n");
  let full: AppConfig;
  try {
    full = loadAppConfig(config, fleetFileList(fleetFiles));
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    log(e.message);
    exitWhenFlushed(2);
    return;
  }
  exitWhenFlushed(checkSynth(full, argv[0] ?? "cdktf.out", log));
}
