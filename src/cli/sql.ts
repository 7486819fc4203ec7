/**
 * `cdktf-clickpipes sql <synth output | stack folder | cdk.tf.json>`: print the SQL the postgresql
 * provider runs for synthesized stacks (see `render/sql/`). Given a cdktf.out folder or its stacks/
 * folder, every stack's script (or those named by `--stack`). Exit 0 with the script on stdout;
 * exit 2 with one line on stderr when called wrongly or the path or its JSON cannot be read.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { renderStackSql, StackReadError } from "../render/sql";
import { readSynthStacks } from "../synth-output/stack-json";
import { escapeLine } from "../util/markdown";
import { CommandDoc, expectPositionals, fileProblem, InputError, runCommand, UsageError } from "./args";
import type { CommandModule } from "./main";

export const SQL_DOC: CommandDoc = {
  command: "sql",
  usage: "<cdktf.out | stacks folder | stack folder | cdk.tf.json> [--stack <name>]...",
  description:
    "Prints, in apply order, the SQL cyrilgdn/postgresql 1.26.0 runs for a stack's postgresql_* resources, as a re-runnable psql script: psql -v ON_ERROR_STOP=1 -v clickpipes_password=... -d <database> -f <file>. Given a cdktf.out folder (or its stacks/ folder), every stack's script, each under a `-- stack <name>` line; each script runs against its own database, so pick one with --stack.",
  options: [{ name: "--stack", value: "<name>", multiple: true, description: "only this stack of a cdktf.out or stacks/ folder" }],
  exitCodes: [
    [0, "the script is on stdout"],
    [2, "called wrongly, or the path or its JSON cannot be read"],
  ],
  examples: ["cdktf-clickpipes sql cdktf.out --stack orders-db > orders-db.sql"],
};

function render(target: string, stackFilter: readonly string[]): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new InputError(fileProblem("", target, "no such file or folder"));
  }
  if (!stat.isDirectory()) {
    if (stackFilter.length > 0) throw new UsageError(`--stack picks a stack of a cdktf.out or stacks/ folder; ${target} is one stack`);
    return renderStackSql(target).sql;
  }
  const stacks = readSynthStacks(target);
  if (stacks.length === 0) throw new StackReadError(`${target}: not synth output (no cdk.tf.json and no stacks/<name>/cdk.tf.json); run: npx cdktf synth`, { kind: "not-stack", location: target });
  const alone = stacks.length === 1 && fs.existsSync(path.join(target, "cdk.tf.json"));
  const known = stacks.map((s) => s.name);
  for (const name of stackFilter) {
    if (!known.includes(name)) throw new UsageError(`--stack ${JSON.stringify(name)} is not a stack of ${target}; its stacks: ${known.join(", ")}`);
  }
  const chosen = stackFilter.length > 0 ? stacks.filter((s) => stackFilter.includes(s.name)) : stacks;
  if (alone && stackFilter.length === 0) return renderStackSql(chosen[0]!.json, { stackName: chosen[0]!.name }).sql;
  return chosen.map((s) => `-- stack ${escapeLine(s.name)} (${escapeLine(s.file)}): run against that stack's database\n${renderStackSql(s.json, { stackName: s.name }).sql}`).join("\n");
}

export const SQL_COMMAND: CommandModule = {
  run(args: string[]): Promise<number> {
    return runCommand(SQL_DOC, args, { out: process.stdout, err: process.stderr }, (parsed) => {
      expectPositionals(parsed.positionals, 1, 1, "one synth output, stack folder or cdk.tf.json");
      try {
        process.stdout.write(render(parsed.positionals[0]!, (parsed.values.stack as string[] | undefined) ?? []));
        return 0;
      } catch (e) {
        if (e instanceof StackReadError) {
          process.stderr.write(`cdktf-clickpipes sql: ${escapeLine(e.message)}\n`);
          return 2;
        }
        throw e;
      }
    });
  },
};
