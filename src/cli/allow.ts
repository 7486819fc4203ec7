/**
 * Allowances (`--allow <address>`, comma-separated or repeated, and `--allow-file <file>`: one
 * address per line, `#` starts a comment) for the commands that run the guard.
 */
import * as fs from "node:fs";

/** `--allow` values: split on commas, trimmed, empties dropped. */
export function splitAllow(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((a) => a.split(",")).map((a) => a.trim()).filter(Boolean);
}

/** Thrown with one line when an allow file cannot be read. */
export class AllowFileError extends Error {}

/** The addresses of an allow file. */
export function readAllowFile(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new AllowFileError(`--allow-file ${file}: cannot read it: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, "").trim())
    .filter(Boolean);
}
