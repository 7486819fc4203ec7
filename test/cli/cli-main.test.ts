/**
 * The dispatcher: `--version`/`-v`, the command list, unknown commands. Run in process through
 * `main()` with stdout/stderr captured.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { COMMANDS, main, packageVersion } from "../../src/cli/main";

const VERSION: string = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")).version;

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe("cdktf-clickpipes", () => {
  it("--version and -v print the package's version, exit 0", async () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(packageVersion()).toBe(VERSION);
    for (const flag of ["--version", "-v"]) expect(await run([flag])).toEqual({ code: 0, out: `cdktf-clickpipes ${VERSION}\n`, err: "" });
  });

  it("--help lists every command with its summary and names --version; no command is exit 2 with the same list", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("cdktf-clickpipes --version");
    for (const [name, c] of Object.entries(COMMANDS)) expect(help.out).toContain(`  ${name.padEnd(10)} ${c.summary}\n`);
    expect(await run([])).toEqual({ code: 2, out: help.out, err: "" });
  });

  it("an unknown command (including an inherited property name) is one line, exit 2", async () => {
    for (const name of ["deploy", "constructor", "__proto__"]) {
      const r = await run([name]);
      expect(r, name).toEqual({ code: 2, out: "", err: `cdktf-clickpipes: unknown command "${name}"; known: ${Object.keys(COMMANDS).sort().join(", ")}\n` });
    }
  });
});
