/**
 * One CLI voice (src/cli/args.ts): every subcommand of `COMMANDS` has a `CommandDoc`; its `--help`
 * is generated from it (usage, Options with every option, Exit codes, an example); an unknown option
 * and a missing file get the same one-line wording in every subcommand.
 */
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CommandDoc, helpText, optionsOf, parseCommand, UsageError } from "../../src/cli/args";
import { DIFF_DOC } from "../../src/cli/diff";
import { GUARD_DOC } from "../../src/cli/guard";
import { HEALTH_DOC, parseHealthArgs } from "../../src/cli/health";
import { INIT_DOC } from "../../src/cli/init";
import { IPS_DOC } from "../../src/cli/ips";
import { COMMANDS, main } from "../../src/cli/main";
import { RUN_TASK_DOC } from "../../src/cli/run-task";
import { SQL_DOC } from "../../src/cli/sql";
import { parseVerifyArgs, VERIFY_DOC } from "../../src/cli/verify";

const DOCS: Record<string, CommandDoc> = {
  diff: DIFF_DOC,
  guard: GUARD_DOC,
  health: HEALTH_DOC,
  init: INIT_DOC,
  ips: IPS_DOC,
  "run-task": RUN_TASK_DOC,
  sql: SQL_DOC,
  verify: VERIFY_DOC,
};

/** Run the CLI as the bin does, capturing what it writes. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation(((s: string) => ((out += s), true)) as never);
  const e = vi.spyOn(process.stderr, "write").mockImplementation(((s: string) => ((err += s), true)) as never);
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
afterEach(() => vi.restoreAllMocks());

/** A value each placeholder accepts, for the parsers that check values while parsing. */
const SAMPLE: Record<string, string> = {
  "<url>": "postgres://u@h/db",
  "<name>": "x",
  "<s.t,s.u>": "public.t",
  "<a,b>": "public",
  "<dir|cdk.tf.json>": "cdktf.out",
  "<seconds>": "5",
  "<f>": "0.5",
  "<size>": "10GB",
  "<duration>": "5m",
  "<file>": path.join(os.tmpdir(), "cdktf-clickpipes-no-such-file.json"),
};

describe("every subcommand's --help", () => {
  it("every command of COMMANDS has a CommandDoc", () => {
    expect(Object.keys(COMMANDS).sort()).toEqual(Object.keys(DOCS).sort());
  });

  for (const [name, doc] of Object.entries(DOCS)) {
    it(`${name} --help: usage, every option, exit codes, an example`, async () => {
      const r = await cli([name, "--help"]);
      expect(r.code).toBe(0);
      expect(r.err).toBe("");
      expect(r.out).toBe(helpText(doc));
      expect(r.out.startsWith(`usage: cdktf-clickpipes ${name} `)).toBe(true);
      for (const section of ["\nOptions:\n", "\nExit codes:\n", "\nExample"]) expect(r.out).toContain(section);
      for (const o of optionsOf(doc)) expect(r.out).toMatch(new RegExp(`^  (${o.short ? `${o.short}, ` : ""})?${o.name}\\b`, "m"));
      expect(doc.exitCodes.map(([c]) => c)).toContain(2);
      for (const [c, meaning] of doc.exitCodes) expect(r.out).toContain(`  ${c}  ${meaning}`);
      expect(doc.examples.length).toBeGreaterThan(0);
      for (const ex of doc.examples) expect(ex).toMatch(new RegExp(`\\bcdktf-clickpipes ${name}\\b`));
    });

    it(`${name}: an unknown option is one line in the shared wording, exit 2`, async () => {
      const r = await cli([name, "--no-such-option"]);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toBe(`cdktf-clickpipes ${name}: unknown option --no-such-option; run "cdktf-clickpipes ${name} --help" for the options\n`);
    });

    it(`${name}: every documented option is one its parser knows`, () => {
      for (const o of optionsOf(doc)) {
        const args = o.value ? [o.name, SAMPLE[o.value] ?? "1"] : [o.name];
        let message = "";
        try {
          if (name === "verify") parseVerifyArgs(args, {});
          else if (name === "health") parseHealthArgs(args, {});
          else parseCommand(doc, args);
        } catch (e) {
          message = (e as Error).message;
        }
        expect(message, `${name} ${o.name}`).not.toContain("unknown option");
      }
    });
  }
});

describe("the shared wording", () => {
  it("a missing value, a value given to a flag, wrong positionals", () => {
    const wording = (args: string[]) => {
      try {
        parseCommand(DIFF_DOC, args);
        return "";
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return (e as Error).message;
      }
    };
    expect(wording(["a", "b", "--max-chars"])).toBe("option --max-chars needs a value");
    expect(wording(["a", "b", "--allow-file", "--json"])).toBe("option --allow-file needs a value");
    expect(wording(["a", "b", "--json=yes"])).toBe("option --json takes no value");
    expect(wording(["a", "b", "-q"])).toBe("unknown option -q");
  });

  it("a missing file: `<what> <path>: no such file` in every subcommand, one line, exit 2", async () => {
    const nope = path.join(os.tmpdir(), "cdktf-clickpipes-nope", "x.json");
    const cases: [string[], string][] = [
      [["diff", nope, nope], `cdktf-clickpipes diff: base ${nope}: no such folder`],
      [["guard", nope, "--no-synth"], `cdktf-clickpipes guard: plan ${nope}: no such file`],
      [["guard", nope, "--synth", nope], `cdktf-clickpipes guard: --synth ${nope}: no such folder`],
      [["guard", nope, "--no-synth", "--allow-file", nope], `cdktf-clickpipes guard: --allow-file ${nope}: no such file`],
      [["sql", nope], `cdktf-clickpipes sql: ${nope}: no such file or folder`],
      [["ips", "--check", nope], `cdktf-clickpipes ips: --check ${nope}: no such file`],
      [["health", "--thresholds", nope, "postgres://u@127.0.0.1:1/db"], `cdktf-clickpipes health: --thresholds ${nope}: no such file`],
      [["verify", "--stack", nope, "postgres://u@127.0.0.1:1/db"], `cdktf-clickpipes verify: --stack ${nope}: no such file or folder`],
    ];
    for (const [args, line] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err.split("\n")[0], args.join(" ")).toContain(line);
      expect(r.err.trimEnd().split("\n"), args.join(" ")).toHaveLength(1);
    }
  });
});
