import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { applyVariant, initProject, projectName, runInit, tarballPackageJson } from "../../src/cli/init";

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
    expect(files).toEqual([
      ".github/workflows/clickpipes-pr-plan.yml",
      ".github/workflows/clickpipes-pr-review.yml",
      ".github/workflows/clickpipes-pr-synth.yml",
      ".gitignore",
      "README.md",
      "cdktf.json",
      "check-synth.ts",
      "config.ts",
      "fleet.yaml",
      "main.ts",
      "package.json",
      "test/synth.test.ts",
      "tsconfig.json",
    ]);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(pkg.name).toBe("my-sources");
    // Generic sources only by default: no AWS provider (the optional peer) to install.
    expect(pkg.dependencies).toEqual({
      "cdktf-clickpipes-postgres": OWN.version,
      cdktf: OWN.devDependencies.cdktf,
      constructs: OWN.devDependencies.constructs,
      "@cdktf/provider-postgresql": OWN.devDependencies["@cdktf/provider-postgresql"],
    });
    for (const tool of ["cdktf-cli", "tsx", "typescript", "vitest"]) expect(pkg.devDependencies[tool]).toBe(OWN.devDependencies[tool]);
    // Every pin is exact, and each peer pin lies in the package's peer range (^x.y.z: same major, not lower).
    for (const v of [...Object.values(pkg.dependencies), ...Object.values(pkg.devDependencies)] as string[]) expect(v).toMatch(/^\d+\.\d+\.\d+$/);
    for (const [peer, range] of Object.entries(OWN.peerDependencies as Record<string, string>)) {
      expect(range).toMatch(/^\^\d+\.\d+\.\d+$/);
      if (pkg.dependencies[peer] === undefined && OWN.peerDependenciesMeta?.[peer]?.optional) continue;
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
    expect(config).not.toContain("kind: SourceKind.AURORA");
    expect(config).not.toContain("AwsNetworkMode");
    // How to add an Aurora source later: the pinned AWS provider.
    expect(config).toContain(`npm install --save-exact @cdktf/provider-aws@${OWN.devDependencies["@cdktf/provider-aws"]}`);
    expect(readme).toContain(`npm install --save-exact @cdktf/provider-aws@${OWN.devDependencies["@cdktf/provider-aws"]}`);
    expect(config).toContain('from "cdktf-clickpipes-postgres"');
    for (const f of files) expect(fs.readFileSync(path.join(dir, f), "utf8"), f).not.toMatch(/init:(aws|generic-only)|\{\{[A-Z_]+\}\}/);
    expect(fs.readFileSync(path.join(dir, ".gitignore"), "utf8")).toContain("cdktf.out/");
    expect(fs.statSync(dir).mode & 0o777).toBe(0o777 & ~process.umask());
    // Nothing but the project: no staging folder left beside it.
    expect(fs.readdirSync(tmp).filter((e) => e.includes(".init-"))).toEqual([]);
  });

  it("--aws adds the Aurora source and the pinned AWS provider", async () => {
    const dir = path.join(tmp, "with-aws");
    const io = capture();
    expect(await runInit([dir, "--aws", "--json"], io.out, io.err)).toBe(0);
    expect(JSON.parse(io.text().out)).toMatchObject({ aws: true });
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(pkg.dependencies["@cdktf/provider-aws"]).toBe(OWN.devDependencies["@cdktf/provider-aws"]);
    const config = fs.readFileSync(path.join(dir, "config.ts"), "utf8");
    expect(config).toContain("kind: SourceKind.GENERIC");
    expect(config).toContain("kind: SourceKind.AURORA");
    expect(config).toContain("import { AppConfig, AwsNetworkMode, BackendType,");
    expect(config).not.toContain("--save-exact @cdktf/provider-aws");
    expect(fs.readFileSync(path.join(dir, "README.md"), "utf8")).not.toContain("--save-exact @cdktf/provider-aws");
    for (const f of JSON.parse(io.text().out).files as string[]) expect(fs.readFileSync(path.join(dir, f), "utf8"), f).not.toMatch(/init:(aws|generic-only)|\{\{[A-Z_]+\}\}/);
  });

  it("keeps a registry or git spec as --package gives it", async () => {
    for (const [i, spec] of ["0.1.0", "^0.1.0", "git+https://example.com/team/cdktf-clickpipes-postgres.git"].entries()) {
      const dir = path.join(tmp, `spec-${i}`);
      const io = capture();
      expect(await runInit([dir, "--package", spec], io.out, io.err), io.text().err).toBe(0);
      expect(JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).dependencies["cdktf-clickpipes-postgres"]).toBe(spec);
      expect(fs.existsSync(path.join(dir, "vendor"))).toBe(false);
    }
  });

  it("copies a file: tarball into vendor/ and references it there (relative to the project as npm reads it, or to the current folder)", async () => {
    const tgz = fakeTarball("from-project", { name: "cdktf-clickpipes-postgres", version: "0.1.0" });
    // npm's reading: relative to the project folder (the README's file:../<tarball>).
    const dir = path.join(path.dirname(tgz), "local");
    const io = capture();
    expect(await runInit([dir, "--package", `file:../${path.basename(tgz)}`], io.out, io.err), io.text().err).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(pkg.dependencies["cdktf-clickpipes-postgres"]).toBe("file:vendor/cdktf-clickpipes-postgres-0.1.0.tgz");
    expect(fs.readFileSync(path.join(dir, "vendor/cdktf-clickpipes-postgres-0.1.0.tgz"))).toEqual(fs.readFileSync(tgz));
    expect(io.text().out).toContain(`created ${path.join(dir, "vendor/cdktf-clickpipes-postgres-0.1.0.tgz")}`);
    expect(io.text().out).toContain("vendor/cdktf-clickpipes-postgres-0.1.0.tgz is a copy of the tarball");
    // Nothing in package.json points outside the project.
    for (const v of Object.values(pkg.dependencies) as string[]) expect(v).not.toMatch(/\.\.|^file:\//);
    // Relative to the current folder, an absolute path, a file:// URL; the version names the copy.
    const other = fakeTarball("from-cwd", { name: "cdktf-clickpipes-postgres", version: "0.2.0-rc.1" });
    for (const [i, spec] of [`file:${path.basename(other)}`, `file:${other}`, `file://${other}`, other].entries()) {
      const d = path.join(tmp, `vendored-${i}`);
      expect(initProject(d, { packageSpec: spec, cwd: path.dirname(other) })).toContain("vendor/cdktf-clickpipes-postgres-0.2.0-rc.1.tgz");
      expect(JSON.parse(fs.readFileSync(path.join(d, "package.json"), "utf8")).dependencies["cdktf-clickpipes-postgres"]).toBe("file:vendor/cdktf-clickpipes-postgres-0.2.0-rc.1.tgz");
    }
  });

  it("refuses a file: spec that is not a tarball of this package with one line, writing nothing", async () => {
    const folder = path.join(tmp, "a-checkout");
    fs.mkdirSync(folder);
    const notGzip = path.join(tmp, "plain.tgz");
    fs.writeFileSync(notGzip, "not a tarball");
    const otherPackage = fakeTarball("other", { name: "left-pad", version: "1.3.0" });
    const cases: [string, RegExp][] = [
      [`file:${path.join(tmp, "missing.tgz")}`, /--package = ".*missing\.tgz" is not allowed: no such file \(looked for .*\); give a tarball of cdktf-clickpipes-postgres/],
      [`file:${folder}`, /is not allowed: .*a-checkout is a folder, which a clone of the project would not have/],
      [`file:${notGzip}`, /is not allowed: .*plain\.tgz not a gzip file/],
      [`file:${otherPackage}`, /is not allowed: .* is the package "left-pad", not cdktf-clickpipes-postgres/],
    ];
    for (const [spec, expected] of cases) {
      const dir = path.join(tmp, "refused");
      const io = capture();
      expect(await runInit([dir, "--package", spec], io.out, io.err), spec).toBe(2);
      expect(io.text().err).toMatch(/^cdktf-clickpipes init: /);
      expect(io.text().err).toMatch(expected);
      expect(io.text().err.trimEnd().split("\n")).toHaveLength(1);
      expect(fs.existsSync(dir)).toBe(false);
    }
  });

  it("reads package/package.json from a real tar (long paths in the ustar prefix included)", () => {
    const tgz = fakeTarball("deep", { name: "cdktf-clickpipes-postgres", version: "1.2.3" }, true);
    expect(tarballPackageJson(fs.readFileSync(tgz))).toMatchObject({ name: "cdktf-clickpipes-postgres", version: "1.2.3" });
    expect(tarballPackageJson(Buffer.from([0x1f, 0x8b, 0, 0]))).toMatch(/^cannot be unpacked/);
  });

  it("variant markers keep a block or a tagged line only in their variant, and refuse an unbalanced block", () => {
    const t = [
      "a",
      "// init:aws:start",
      "b",
      "// init:aws:end",
      "# init:generic-only:start",
      "c",
      "# init:generic-only:end",
      "d // init:aws",
      "e # init:generic-only",
      "<!-- init:aws:start -->",
      "f",
      "<!-- init:aws:end -->",
    ].join("\n");
    expect(applyVariant(t, { aws: true })).toBe(["a", "b", "d", "f"].join("\n"));
    expect(applyVariant(t, { aws: false })).toBe(["a", "c", "e"].join("\n"));
    expect(() => applyVariant("// init:aws:start\nx", { aws: true }, "config.ts")).toThrow("config.ts: init:aws:start without an end");
    expect(() => applyVariant("// init:aws:end", { aws: true }, "config.ts")).toThrow("config.ts:1: unbalanced");
    expect(() => applyVariant("x init:aws y", { aws: true }, "config.ts")).toThrow("config.ts:1: a variant marker in the middle of a line");
    // The package from vendor/ or from the registry, independent of --aws.
    const v = ["a", "# init:vendored:start", "b", "# init:vendored:end", "# init:registry:start", "c", "# init:registry:end", "d # init:vendored", "e # the registry # init:registry"].join("\n");
    expect(applyVariant(v, { vendored: true })).toBe(["a", "b", "d"].join("\n"));
    expect(applyVariant(v, { aws: true })).toBe(["a", "c", "e # the registry"].join("\n"));
    expect(applyVariant(v, {})).toBe(applyVariant(v, { aws: false, vendored: false }));
    expect(() => applyVariant("# init:vendored:start\n# init:aws:end", { vendored: true }, "x.yml")).toThrow("x.yml:2: unbalanced");
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

  it("--help names --aws and the vendoring of a local tarball", async () => {
    const io = capture();
    expect(await runInit(["--help"], io.out, io.err)).toBe(0);
    expect(io.text().out).toMatch(/^  --aws +add an Aurora source/m);
    expect(io.text().out).toContain("copied to dir/vendor/");
  });

  it("the README's Install section gives what each scaffold installs, measured (generic-only less than --aws)", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const install = readme.split(/^## Install$/m)[1]?.split(/^## /m)[0] ?? "";
    const size = (row: string) => {
      const m = new RegExp(`^\\| ${row.replace(/[()]/g, "\\$&")} \\| \\*\\*(\\d+) MiB\\*\\* \\|`, "m").exec(install);
      expect(m, `a row for ${row} in the Install section`).not.toBeNull();
      return Number(m![1]);
    };
    expect(size("`init` (default)")).toBeLessThan(size("`init --aws`"));
    expect(install).toMatch(/measured \d{4}-\d{2}-\d{2}/);
  });

  it("names the project after the folder, as npm allows", () => {
    expect(projectName("/a/My Sources")).toBe("my-sources");
    expect(projectName("/a/.hidden")).toBe("hidden");
    expect(projectName("/a/---")).toBe("clickpipes-sources");
    expect(projectName("/a/team_db.v2")).toBe("team_db.v2");
  });
});

/** A gzipped tar with package/package.json, made by the system's tar (as npm pack lays it out). */
function fakeTarball(name: string, pkg: object, deep = false): string {
  const root = fs.mkdtempSync(path.join(tmp, `tgz-${name}-`));
  fs.mkdirSync(path.join(root, "package"));
  fs.writeFileSync(path.join(root, "package/package.json"), JSON.stringify(pkg));
  const entries = ["package/package.json"];
  if (deep) {
    const long = path.join("package", "d".repeat(90), "e".repeat(90));
    fs.mkdirSync(path.join(root, long), { recursive: true });
    fs.writeFileSync(path.join(root, long, "index.js"), "x");
    entries.unshift(path.join(long, "index.js"));
  }
  const out = path.join(root, `${name}.tgz`);
  const r = spawnSync("tar", ["--format=ustar", "-czf", out, ...entries], { cwd: root, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return out;
}
