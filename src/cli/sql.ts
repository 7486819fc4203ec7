/**
 * `cdktf-clickpipes sql <stack dir or cdk.tf.json>`: print the SQL the postgresql provider runs for a
 * synthesized stack (see `render/sql/`). Exit 0 with the script on stdout; exit 2 with one line
 * on stderr when the path or its JSON cannot be read.
 */
import type { CommandModule } from "./main";
import { renderStackSql, StackReadError } from "../render/sql";

const USAGE = "usage: cdktf-clickpipes sql <stack dir or cdk.tf.json>";

export const SQL_COMMAND: CommandModule = {
  async run(args: string[]): Promise<number> {
    if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
      process.stdout.write(
        `${USAGE}\n\nPrints, in apply order, the SQL cyrilgdn/postgresql 1.26.0 runs for the stack's postgresql_* resources,\n` +
          "as a re-runnable psql script: psql -v ON_ERROR_STOP=1 -v clickpipes_password=... -d <database> -f <file>\n",
      );
      return 0;
    }
    if (args.length !== 1 || args[0].startsWith("-")) {
      process.stderr.write(`cdktf-clickpipes sql: expected one stack directory or cdk.tf.json, got ${args.length === 0 ? "none" : JSON.stringify(args.join(" "))}; ${USAGE}\n`);
      return 2;
    }
    try {
      const { sql } = renderStackSql(args[0]);
      process.stdout.write(sql);
      return 0;
    } catch (e) {
      if (e instanceof StackReadError) {
        process.stderr.write(`cdktf-clickpipes sql: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  },
};
