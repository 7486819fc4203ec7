/**
 * Reading a synthesized output for `diff`: a `cdktf.out` folder (`stacks/<name>/cdk.tf.json`), or
 * one stack folder (its `cdk.tf.json`). Never loads cdktf; never reads the environment.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readSynthStacks, StackReadError } from "../synth-output/stack-json";

/** A folder that cannot be diffed: the message is one line for the user (exit 2). */
export class DiffInputError extends Error {}

export type Json = Record<string, unknown>;

export interface SynthStack {
  readonly name: string;
  /** The cdk.tf.json read. */
  readonly file: string;
  readonly json: Json;
}

/** The stacks of a synthesized output, by stack name (sorted). Throws `DiffInputError`. */
export function readSynthOutput(location: string, label: string): Map<string, SynthStack> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(location);
  } catch {
    throw new DiffInputError(`${label} ${location}: no such folder (expected a cdktf.out folder, its stacks/ folder or one stack folder; run cdktf synth)`);
  }
  if (!stat.isDirectory()) {
    throw new DiffInputError(`${label} "${location}" is not a folder; expected a cdktf.out folder (stacks/<name>/cdk.tf.json) or one stack folder (cdk.tf.json)`);
  }
  let read;
  try {
    read = readSynthStacks(location);
  } catch (e) {
    if (e instanceof StackReadError) throw new DiffInputError(`${label}: ${e.message}`);
    throw e;
  }
  if (read.length === 0) {
    const hasStacks = fs.existsSync(path.join(location, "stacks"));
    throw new DiffInputError(
      hasStacks
        ? `${label} "${location}" is not synth output: ${path.join(location, "stacks")} holds no stack folders`
        : `${label} "${location}" is not synth output: no cdk.tf.json and no stacks/ folder (run cdktf synth, or pass a stack folder)`,
    );
  }
  return new Map(read.map((s) => [s.name, { name: s.name, file: s.file, json: s.json }] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
