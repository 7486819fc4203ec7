/**
 * What a stack folder may hold. Terraform loads every `*.tf`, `*.tf.json`, `*_override.tf` and
 * `*_override.tf.json` of the folder it runs in (an override file changes what cdk.tf.json
 * declares), so a review tool that reads only cdk.tf.json reads less than Terraform. The review
 * tools (diff, guard --synth, sql, verify --stack, check:synth) therefore refuse a stack folder
 * holding anything but what synth writes there: `cdk.tf.json` and `server-setup/<source>/<file>`
 * (`SERVER_SETUP_FILE_NAMES`). Symbolic links are refused wherever they are (each one is named,
 * and whether it leaves the folder), as are FIFOs, devices and sockets.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { oneLine } from "../util/text-file";
import { SERVER_SETUP_DIR, SERVER_SETUP_FILE_NAMES } from "../model/server-setup";

/** The stack file synth writes. */
export const STACK_FILE = "cdk.tf.json";

/** Files at the top of a stack folder besides `server-setup/` (extend for new synth output). */
export const STACK_FOLDER_FILES: readonly string[] = [STACK_FILE];

/** A refused stack folder: one line, and each refused entry (relative POSIX path). */
export interface StackFolderProblem {
  readonly message: string;
  readonly entries: readonly string[];
}

/** Whether a file name is one Terraform loads as configuration. */
export function isTerraformConfigName(name: string): boolean {
  return /\.tf(\.json)?$/.test(name);
}

const show = (rel: string) => JSON.stringify(oneLine(rel, 80));

/** One refused entry in words. */
function describeEntry(dir: string, rel: string, entry: fs.Dirent): string {
  const full = path.join(dir, ...rel.split("/"));
  if (entry.isSymbolicLink()) {
    let target = "?";
    try {
      target = fs.readlinkSync(full);
    } catch {
      /* described without its target */
    }
    const resolved = path.resolve(path.dirname(full), target);
    const inside = path.relative(path.resolve(dir), resolved);
    const leaves = inside === "" ? false : inside.startsWith("..") || path.isAbsolute(inside);
    return `symlink ${show(rel)} -> ${show(target)} (${leaves ? "leaves the stack folder" : "inside the stack folder"})`;
  }
  if (entry.isDirectory()) return `folder ${show(rel)}`;
  if (!entry.isFile()) return `${show(rel)} (not a regular file)`;
  return isTerraformConfigName(entry.name) ? `${show(rel)} (Terraform loads it)` : show(rel);
}

/** The refused entries of a stack folder, as [relative path, description]. */
function refusedEntries(dir: string): [string, string][] {
  const refused: [string, string][] = [];
  const list = (rel: string) => fs.readdirSync(path.join(dir, ...rel.split("/").filter(Boolean)), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const refuse = (rel: string, e: fs.Dirent) => refused.push([rel, describeEntry(dir, rel, e)]);
  for (const e of list("")) {
    if (e.isFile() && STACK_FOLDER_FILES.includes(e.name)) continue;
    if (e.isDirectory() && e.name === SERVER_SETUP_DIR) {
      for (const src of list(SERVER_SETUP_DIR)) {
        const srcRel = `${SERVER_SETUP_DIR}/${src.name}`;
        if (!src.isDirectory()) {
          refuse(srcRel, src);
          continue;
        }
        for (const f of list(srcRel)) if (!(f.isFile() && SERVER_SETUP_FILE_NAMES.includes(f.name))) refuse(`${srcRel}/${f.name}`, f);
      }
      continue;
    }
    refuse(e.name, e);
  }
  return refused;
}

/**
 * Why a stack folder cannot be reviewed, or undefined when it holds only what synth writes.
 * Never throws for a file-system problem (an unreadable folder is a problem too).
 */
export function checkStackFolder(dir: string): StackFolderProblem | undefined {
  let refused: [string, string][];
  try {
    refused = refusedEntries(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "unreadable";
    return { message: `stack folder ${dir} cannot be listed (${code})`, entries: [] };
  }
  if (refused.length === 0) return undefined;
  const shown = refused.slice(0, 10).map(([, d]) => d);
  const more = refused.length > 10 ? ` and ${refused.length - 10} more` : "";
  return {
    message:
      `stack folder ${dir} holds what synth does not write there: ${shown.join(", ")}${more}; ` +
      `Terraform loads every *.tf and *.tf.json of the folder, so only ${STACK_FOLDER_FILES.join(", ")} and ${SERVER_SETUP_DIR}/<source>/{${SERVER_SETUP_FILE_NAMES.join(",")}} are allowed, and no symlinks (re-run cdktf synth into a clean folder)`,
    entries: refused.map(([rel]) => rel),
  };
}

/**
 * Every symbolic link, FIFO, socket or device below `root` (relative POSIX path and description),
 * walked without following links: what a tree comparison of regular files would skip unseen.
 */
export function nonRegularEntries(root: string): string[] {
  const out: string[] = [];
  const todo = [""];
  while (todo.length > 0) {
    const rel = todo.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, ...rel.split("/").filter(Boolean)), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) todo.push(r);
      else if (!e.isFile()) out.push(describeEntry(root, r, e));
    }
  }
  return out.sort();
}
