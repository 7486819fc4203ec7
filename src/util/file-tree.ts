/**
 * The one file-tree walker of the project: the synth check, the code generator and the tests list
 * and compare directory trees with it. Paths are relative and POSIX (`/`), sorted by code unit.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Every regular file below `dir`, as sorted relative POSIX paths. A missing `dir` has none. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(path.relative(dir, p).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out;
}

/** Every file below `dir`, as relative POSIX paths mapped to their bytes. Missing dir = empty. */
export function readTree(dir: string): Map<string, Buffer> {
  return new Map(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, ...f.split("/")))]));
}

export interface TreeDiff {
  readonly added: string[];
  readonly removed: string[];
  readonly changed: string[];
}

/** Files of `expected` missing from, extra in, or different in `actual`. */
export function diffTrees(expected: Map<string, Buffer>, actual: Map<string, Buffer>): TreeDiff {
  const added = [...expected.keys()].filter((k) => !actual.has(k)).sort();
  const removed = [...actual.keys()].filter((k) => !expected.has(k)).sort();
  const changed = [...expected.keys()].filter((k) => actual.has(k) && !expected.get(k)!.equals(actual.get(k)!)).sort();
  return { added, removed, changed };
}

export function isEmptyDiff(d: TreeDiff): boolean {
  return d.added.length + d.removed.length + d.changed.length === 0;
}
