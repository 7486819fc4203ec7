/**
 * The `cdktf-clickpipes` command. Subcommands register in `COMMANDS`; each returns its exit code.
 * Exit codes: 0 ok, 1 a check found a problem, 2 called wrongly or could not run.
 *
 * A subcommand's module is loaded only when it runs (or when `--help` lists the summaries), so one
 * command never pays for another's dependencies: `init` runs with nothing but Node itself.
 */
export interface Command {
  readonly summary: string;
  /** Runs the command; resolves to its exit code (0 ok, 1 a check failed, 2 called wrongly / could not run). */
  readonly run: (args: string[]) => Promise<number>;
}

/** A command whose module is required on first use. */
function lazy(load: () => Command): Command {
  let loaded: Command | undefined;
  const get = (): Command => (loaded ??= load());
  return {
    get summary() {
      return get().summary;
    },
    run: (args) => get().run(args),
  };
}

export const COMMANDS: Record<string, Command> = {
  diff: lazy(() => (require("./diff") as typeof import("./diff")).DIFF_COMMAND),
  guard: lazy(() => (require("./guard") as typeof import("./guard")).GUARD_COMMAND),
  health: lazy(() => (require("./health") as typeof import("./health")).HEALTH_COMMAND),
  init: lazy(() => (require("./init") as typeof import("./init")).INIT_COMMAND),
  "run-task": lazy(() => (require("./run-task") as typeof import("./run-task")).RUN_TASK_COMMAND),
  ips: lazy(() => (require("./ips") as typeof import("./ips")).IPS_COMMAND),
  sql: lazy(() => (require("./sql") as typeof import("./sql")).SQL_COMMAND),
  verify: lazy(() => (require("./verify") as typeof import("./verify")).verifyCommand),
};

function usage(): string {
  const lines = Object.entries(COMMANDS)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ["usage: cdktf-clickpipes <command> [options]", "", "commands:", ...lines].join("\n") + "\n";
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`cdktf-clickpipes: unknown command "${name}"; known: ${Object.keys(COMMANDS).sort().join(", ") || "(none yet)"}\n`);
    return 2;
  }
  return command.run(rest);
}
