/**
 * What verify and health read alike from their arguments: the shared parser's result with its
 * problems as `VerifyError` (both commands report every failure, a wrong call included, through
 * their redacting writer, so the one line never shows a password), the connection URL (`--url` or
 * the one positional argument), and `--timeout`.
 */
import { CommandDoc, ParsedCommand, parseCommand, UsageError, withHelpHint } from "./args";
import { redactUrl } from "../pg/connection";
import { VerifyError } from "../pg/types";

/** `parseCommand` whose `UsageError` becomes a `VerifyError` with the shared `--help` hint. */
export function parseWith(doc: CommandDoc, args: readonly string[]): ParsedCommand {
  try {
    return parseCommand(doc, args);
  } catch (e) {
    if (e instanceof UsageError) throw new VerifyError(withHelpHint(doc.command, e.message));
    throw e;
  }
}

/** The connection URL: `--url`, or the one positional argument; a second one is refused (redacted). */
export function connectionUrl(url: string | undefined, positionals: readonly string[]): string | undefined {
  const extra = url === undefined ? positionals[1] : positionals[0];
  if (extra !== undefined) throw new VerifyError(`unexpected argument "${redactUrl(extra)}": give one connection URL`);
  return url ?? positionals[0];
}

/** `--timeout` in seconds (1 to 3600), or undefined when not given. */
export function timeoutOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(value !== "" && Number.isFinite(n) && n >= 1 && n <= 3600)) throw new VerifyError(`--timeout = "${value}" is not allowed: a number of seconds from 1 to 3600`);
  return n;
}
