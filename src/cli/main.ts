/**
 * The `cdktf-clickpipes` command. Subcommands register in `COMMANDS`; each returns its exit code.
 * Exit codes: 0 ok, 1 a check found a problem, 2 called wrongly or could not run.
 *
 * A subcommand's module is loaded only when it runs (`--help` lists summaries held here), so one
 * command never pays for another's dependencies: `init` runs with nothing but Node itself.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface Command {
  /** One line for `cdktf-clickpipes --help`. */
  readonly summary: string;
  /** Runs the command; resolves to its exit code (0 ok, 1 a check failed, 2 called wrongly / could not run). */
  readonly run: (args: string[]) => Promise<number>;
}

/** What a subcommand's module exports: its runner. The summary lives here, so listing loads nothing. */
export type CommandModule = Pick<Command, "run">;

/** A command whose module is imported when it first runs (dynamic import: works compiled, under tsx and vitest). */
function lazy(summary: string, load: () => Promise<CommandModule>): Command {
  return { summary, run: async (args) => (await load()).run(args) };
}

export const COMMANDS: Record<string, Command> = {
  diff: lazy("compare two synth outputs (base, head) without credentials: changes, replaces, SQL, verdicts", () => import("./diff").then((m) => m.DIFF_COMMAND)),
  guard: lazy("fail when a plan (terraform show -json) breaks what a running pipe needs; warn on table changes", () => import("./guard").then((m) => m.GUARD_COMMAND)),
  health: lazy("replication slots and old transactions of a live source: OK/WARN/CRIT, --json, --prometheus", () => import("./health").then((m) => m.HEALTH_COMMAND)),
  init: lazy("scaffold a new cdktf project that uses this package (config, fleet file, test)", () => import("./init").then((m) => m.INIT_COMMAND)),
  ips: lazy("print the embedded ClickPipes IP table; --check compares it with ClickHouse Cloud's static-ips.json", () => import("./ips").then((m) => m.IPS_COMMAND)),
  "run-task": lazy("HCP Terraform run task server: runs the guard on each plan and reports passed/failed", () => import("./run-task").then((m) => m.RUN_TASK_COMMAND)),
  sql: lazy("print the SQL the postgresql provider runs for a synthesized stack (psql script)", () => import("./sql").then((m) => m.SQL_COMMAND)),
  verify: lazy("preflight check of a live source as the ClickPipes user (PeerDB's checks and more)", () => import("./verify").then((m) => m.verifyCommand)),
};

/**
 * The version of this package: read from the nearest package.json above this module whose name is
 * the package's (src/cli under tsx, dist/src/cli when compiled or installed).
 */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === "cdktf-clickpipes-postgres" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // no package.json here (or not JSON): look one folder up
    }
    if (path.dirname(dir) === dir) return "unknown";
  }
}

function usage(): string {
  const lines = Object.entries(COMMANDS)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return (
    [
      "usage: cdktf-clickpipes <command> [options]",
      "       cdktf-clickpipes --version",
      "",
      "commands:",
      ...lines,
      "",
      'Run "cdktf-clickpipes <command> --help" for a command\'s options and exit codes.',
    ].join("\n") + "\n"
  );
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    process.stdout.write(`cdktf-clickpipes ${packageVersion()}\n`);
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`cdktf-clickpipes: unknown command "${name}"; known: ${Object.keys(COMMANDS).sort().join(", ") || "(none yet)"}\n`);
    return 2;
  }
  return command.run(rest);
}
