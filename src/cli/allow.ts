/**
 * Allowances (`--allow <address>`, comma-separated or repeated, and `--allow-file <file>`: one
 * `[<stack>:]<address>` per line, `#` starts a comment) for the commands that run the guard
 * (`guard`, `diff`, `run-task`).
 */
import { escapeControl, readTextFile } from "../util/text-file";
import { InputError } from "./args";

/** `--allow` values: split on commas, trimmed, empties dropped. */
export function splitAllow(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((a) => a.split(","))
    .map((a) => a.trim())
    .filter(Boolean);
}

/** Thrown with one line when an allow file cannot be read or a line of it is not an allowance (exit 2). */
export class AllowFileError extends InputError {}

/** An allow file is a short list: anything larger is not one. */
const MAX_ALLOW_FILE_BYTES = 1024 * 1024;

/** `[<stack>:]<address>`: a Terraform address (`type.name`, `data.type.name`, `module.x...`), optionally scoped. */
const ALLOWANCE = /^(?:[A-Za-z0-9_.-]+:)?[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+(?:\[[^\]\s]+\])?$/;

/**
 * The allowances of an allow file, in order. Blank lines and comments (`#` to the end of the line)
 * are skipped; a line that is not one `[<stack>:]<address>` is refused as `file:line: ...`, so a
 * typo cannot silently allow nothing. Only a regular text file is read (a FIFO or device is refused
 * unopened).
 */
export function readAllowFile(file: string): string[] {
  const read = readTextFile(file, MAX_ALLOW_FILE_BYTES);
  if ("problem" in read) throw new AllowFileError(`--allow-file ${escapeControl(file)}: ${read.problem.what}`);
  const out: string[] = [];
  read.text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") return;
    if (!ALLOWANCE.test(line)) {
      throw new AllowFileError(
        `--allow-file ${escapeControl(file)}:${i + 1}: ${JSON.stringify(line.slice(0, 80))} is not an allowance; expected one [<stack>:]<address> per line (e.g. orders-db:postgresql_publication.orders-db_Publication_1A2B3C4D)`,
      );
    }
    out.push(line);
  });
  return out;
}

/**
 * Every allowance of a command line: `--allow` values (comma-separated or repeated) followed by those
 * of `--allow-file`, when given. Throws `AllowFileError` (one line) for an unusable file.
 */
export function collectAllowances(values: readonly string[] | undefined, file: string | undefined): string[] {
  return file === undefined ? splitAllow(values) : [...splitAllow(values), ...readAllowFile(file)];
}
