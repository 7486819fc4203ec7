/** The subcommands of `cdktf-clickpipes`; each command module adds itself here. */
export interface Command {
  readonly summary: string;
  /** Runs the command; resolves to its exit code (0 ok, 1 a check failed, 2 called wrongly / could not run). */
  readonly run: (args: string[]) => Promise<number>;
}

export const COMMANDS: Record<string, Command> = {};
