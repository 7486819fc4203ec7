import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { initProject, projectName, runInit } from "../../src/cli/init";

const ROOT = path.resolve(__dirname, "../..");
const OWN = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-init-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function capture() {
  let out = "";
  let err = "";
  return { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) }, text: () => ({ out, err }) };
}

describe("cdktf-clickpipes init", () => {
  it("scaffolds a cdktf project pinned to this package and the versions its peers are tested with", async () => {
    const dir = path.join(tmp, "My Sources");
    const io = capture();
    expect(await runInit([dir, "--json"], io.out, io.err)).toBe(0);
    const { files } = JSON.parse(io.text().out);
    expect(files).toEqual([".github/workflows/clickpipes-pr-plan.yml", ".github/workflows/clickpipes-pr-review.yml", ".github/workflows/clickpipes-pr-synth.yml", ".gitignore", "README.md", "cdktf.json", "check-synth.ts", "config.ts", "fleet.yaml", "main.ts", "package.json", "test/synth.test.ts", "tsconfig.json"]);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(pkg.name).toBe("my-sources");
    expect(pkg.dependencies).toEqual({
      "cdktf-clickpipes-postgres": OWN.version,
      cdktf: OWN.devDependencies.cdktf,
      constructs: OWN.devDependencies.constructs,
      "@cdktf/provider-aws": OWN.devDependencies["@cdktf/provider-aws"],
      "@cdktf/provider-postgresql": OWN.devDependencies["@cdktf/provider-postgresql"],
    });
    for (const tool of ["cdktf-cli", "tsx", "typescript", "vitest"]) expect(pkg.devDependencies[tool]).toBe(OWN.devDependencies[tool]);
    // Every pin is exact, and each peer pin lies in the package's peer range (^x.y.z: same major, not lower).
    for (const v of [...Object.values(pkg.dependencies), ...Object.values(pkg.devDependencies)] as string[]) expect(v).toMatch(/^\d+\.\d+\.\d+$/);
    for (const [peer, range] of Object.entries(OWN.peerDependencies as Record<string, string>)) {
      expect(range).toMatch(/^\^\d+\.\d+\.\d+$/);
      const [lowMajor, lowMinor, lowPatch] = range.slice(1).split(".").map(Number);
      const [major, minor, patch] = (pkg.dependencies[peer] as string).split(".").map(Number);
      expect(major, peer).toBe(lowMajor);
      expect(minor! * 1e6 + patch! >= lowMinor! * 1e6 + lowPatch!, `${peer} ${pkg.dependencies[peer]} in ${range}`).toBe(true);
    }
    expect(pkg.allowScripts).toEqual({ "@cdktf/node-pty-prebuilt-multiarch": false, "cdktf-clickpipes-postgres": false, esbuild: false });
    expect(pkg.scripts.test).toBe("tsc -p tsconfig.json && vitest run");
    expect(JSON.parse(fs.readFileSync(path.join(dir, "cdktf.json"), "utf8"))).toMatchObject({ language: "typescript", app: "node --import tsx main.ts", projectId: "my-sources" });
    const readme = fs.readFileSync(path.join(dir, "README.md"), "utf8");
    expect(readme).toContain("npm install && CHECKPOINT_DISABLE=1 npx cdktf synth");
    expect(readme).toContain("\nnpm test ");
    expect(readme).not.toMatch(/\{\{/);
    const config = fs.readFileSync(path.join(dir, "config.ts"), "utf8");
    expect(config).toContain("kind: SourceKind.GENERIC");
    expect(config).toContain("kind: SourceKind.AURORA");
    expect(config).toContain('from "cdktf-clickpipes-postgres"');
    expect(fs.readFileSync(path.join(dir, ".gitignore"), "utf8")).toContain("cdktf.out/");
    expect(fs.statSync(dir).mode & 0o777).toBe(0o777 & ~process.umask());
    // Nothing but the project: no staging folder left beside it.
    expect(fs.readdirSync(tmp).filter((e) => e.includes(".init-"))).toEqual([]);
  });

  it("uses --package as the spec of this package", async () => {
    const dir = path.join(tmp, "local");
    const io = capture();
    expect(await runInit([dir, "--package", "file:../cdktf-clickpipes-postgres-0.1.0.tgz"], io.out, io.err)).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).dependencies["cdktf-clickpipes-postgres"]).toBe("file:../cdktf-clickpipes-postgres-0.1.0.tgz");
    expect(io.text().out).toContain(`created ${path.join(dir, "config.ts")}`);
    expect(io.text().out).toContain("npm install && CHECKPOINT_DISABLE=1 npx cdktf synth");
  });

  it("writes into an existing empty folder", () => {
    const dir = path.join(tmp, "empty");
    fs.mkdirSync(dir);
    expect(initProject(dir)).toContain("package.json");
    expect(fs.existsSync(path.join(dir, "test/synth.test.ts"))).toBe(true);
  });

  it("refuses a non-empty folder, a file and bad arguments with one line and exit 2, writing nothing", async () => {
    const dir = path.join(tmp, "busy");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "notes.txt"), "mine");
    const cases: [string[], RegExp][] = [
      [[dir], /^cdktf-clickpipes init: .*busy is not empty \(1 entry, e\.g\. "notes\.txt"\); give a new or empty folder\n$/],
      [[path.join(dir, "notes.txt")], /^cdktf-clickpipes init: .*notes\.txt is a file, not a folder; give a new or empty folder\n$/],
      [["a", "b"], /^cdktf-clickpipes init: expected at most one folder, got 2 \("a", "b"\); run "cdktf-clickpipes init --help" for the options\n$/],
      [[path.join(tmp, "x"), "--package", ""], /^cdktf-clickpipes init: --package = "" is not allowed: an npm spec without spaces/],
      [["--nope"], /^cdktf-clickpipes init: unknown option --nope; run "cdktf-clickpipes init --help" for the options\n$/],
    ];
    for (const [args, expected] of cases) {
      const io = capture();
      expect(await runInit(args, io.out, io.err), args.join(" ")).toBe(2);
      expect(io.text().err).toMatch(expected);
      expect(io.text().err.trimEnd().split("\n")).toHaveLength(1);
      expect(io.text().out).toBe("");
    }
    expect(fs.readdirSync(dir)).toEqual(["notes.txt"]);
    expect(fs.existsSync(path.join(tmp, "x"))).toBe(false);
  });

  it("names the project after the folder, as npm allows", () => {
    expect(projectName("/a/My Sources")).toBe("my-sources");
    expect(projectName("/a/.hidden")).toBe("hidden");
    expect(projectName("/a/---")).toBe("clickpipes-sources");
    expect(projectName("/a/team_db.v2")).toBe("team_db.v2");
  });
});
