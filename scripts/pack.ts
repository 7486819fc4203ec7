/**
 * `npm run pack [-- <destination folder>]`: the package tarball as it is published. Compiles into a
 * staging folder, copies what `files` lists, writes the published package.json there (without the
 * repository's scripts and allowScripts: an installed package has no `prepare` to run or warn about;
 * devDependencies stay, as `init` pins the scaffold's tools to them and npm never installs a
 * dependency's devDependencies) and runs `npm pack` in it. Prints the tarball's path. The packaging test
 * (test/integration/packaging.test.ts) installs what this makes.
 *
 * Never packs in the repository itself: `npm pack` there would run `prepare` and rewrite dist/
 * while tests run the bin from it.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");

/** The fields of the repository's package.json that only the repository uses. */
export const REPOSITORY_ONLY_FIELDS = ["scripts", "allowScripts"] as const;

/** The package.json as published: the repository's without its repository-only fields. */
export function publishedManifest(own: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(own)) if (!(REPOSITORY_ONLY_FIELDS as readonly string[]).includes(k)) out[k] = v;
  return out;
}

/** What `packPackage` made. */
export interface Packed {
  /** The tarball. */
  readonly tarball: string;
  /** The paths inside it. */
  readonly files: readonly string[];
  /** The staging folder it was packed from (its bin runs as the packed one). */
  readonly stage: string;
}

/** Stage, compile and pack into `destination` (a folder); `work` holds the staging folder. */
export function packPackage(destination: string, work: string = fs.mkdtempSync(path.join(os.tmpdir(), "cp-pack-"))): Packed {
  const own = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<string, unknown> & { files: string[] };
  const stage = path.join(work, "stage");
  fs.mkdirSync(stage, { recursive: true });
  for (const f of own.files.filter((f) => !f.startsWith("dist"))) {
    if (fs.existsSync(path.join(ROOT, f))) fs.cpSync(path.join(ROOT, f), path.join(stage, f), { recursive: true });
  }
  fs.writeFileSync(path.join(stage, "package.json"), JSON.stringify(publishedManifest(own), null, 2) + "\n");
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.json"), "--outDir", path.join(stage, "dist")], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  fs.mkdirSync(destination, { recursive: true });
  const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", destination], { cwd: stage, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const packed = JSON.parse(out)[0] as { filename: string; files: { path: string }[] };
  return { tarball: path.join(destination, packed.filename), files: packed.files.map((f) => f.path), stage };
}

if (require.main === module) {
  const dest = path.resolve(process.argv[2] ?? ".");
  const packed = packPackage(dest);
  process.stdout.write(`${packed.tarball}\n`);
}
