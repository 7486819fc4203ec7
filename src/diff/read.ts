/**
 * Reading a synthesized output for `diff`: a `cdktf.out` folder (`stacks/<name>/cdk.tf.json`), or
 * one stack folder (its `cdk.tf.json`). Never loads cdktf; never reads the environment.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readStackJson, StackReadError } from "../render/stack-json";

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
    throw new DiffInputError(`${label} "${location}" does not exist; expected a cdktf.out folder (run cdktf synth) or one stack folder`);
  }
  if (!stat.isDirectory()) {
    throw new DiffInputError(`${label} "${location}" is not a folder; expected a cdktf.out folder (stacks/<name>/cdk.tf.json) or one stack folder (cdk.tf.json)`);
  }
  const stacks = new Map<string, SynthStack>();
  const read = (dir: string, fallbackName: string) => {
    try {
      const { file, json } = readStackJson(dir);
      // The stack is the folder Terraform runs in, never the JSON's own `stackName` (the PR writes it).
      const name = fallbackName;
      stacks.set(name, { name, file, json });
    } catch (e) {
      if (e instanceof StackReadError) throw new DiffInputError(`${label}: ${e.message}`);
      throw e;
    }
  };
  if (fs.existsSync(path.join(location, "cdk.tf.json"))) {
    read(location, path.basename(path.resolve(location)));
    return stacks;
  }
  const stacksDir = path.join(location, "stacks");
  let dirs: string[] = [];
  try {
    dirs = fs.readdirSync(stacksDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    throw new DiffInputError(`${label} "${location}" is not synth output: no cdk.tf.json and no stacks/ folder (run cdktf synth, or pass a stack folder)`);
  }
  if (dirs.length === 0) throw new DiffInputError(`${label} "${location}" is not synth output: ${stacksDir} holds no stack folders`);
  for (const d of dirs) read(path.join(stacksDir, d), d);
  return new Map([...stacks.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
