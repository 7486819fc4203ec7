/**
 * The `cdktf-clickpipes` command. Subcommands register in `COMMANDS`; each returns its exit code.
 * Exit codes: 0 ok, 1 a check found a problem, 2 called wrongly or could not run.
 */
import { DIFF_COMMAND } from "./diff";
import { GUARD_COMMAND } from "./guard";
import { HEALTH_COMMAND } from "./health";
import { INIT_COMMAND } from "./init";
import { RUN_TASK_COMMAND } from "./run-task";
import { IPS_COMMAND } from "./ips";
import { SQL_COMMAND } from "./sql";
import { verifyCommand } from "./verify";

export interface Command {
  readonly summary: string;
  /** Runs the command; resolves to its exit code (0 ok, 1 a check failed, 2 called wrongly / could not run). */
  readonly run: (args: string[]) => Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  diff: DIFF_COMMAND,
  guard: GUARD_COMMAND,
  health: HEALTH_COMMAND,
  init: INIT_COMMAND,
  "run-task": RUN_TASK_COMMAND,
  ips: IPS_COMMAND,
  sql: SQL_COMMAND,
  verify: verifyCommand,
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
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`cdktf-clickpipes: unknown command "${name}"; known: ${Object.keys(COMMANDS).sort().join(", ") || "(none yet)"}\n`);
    return 2;
  }
  return command.run(rest);
}
