/**
 * One CLI voice: every subcommand describes itself in a `CommandDoc` (usage, options, exit codes,
 * an example); its `--help` is generated from it, its arguments are parsed against it, and every
 * wrong call gets the same one-line wording (never Node's parser message, never a stack trace):
 *
 *   cdktf-clickpipes <cmd>: unknown option --frob; run "cdktf-clickpipes <cmd> --help" for the options
 *
 * Only Node built-ins and src/internal: a subcommand's module stays cheap to load.
 */
import { parseArgs } from "node:util";
import { escapeLine } from "../util/markdown";

/** Where a command writes (a stream, or a test's recorder). */
export interface Writer {
  write(text: string): unknown;
}

/** One option of a subcommand. */
export interface OptionDoc {
  /** `--name`. */
  readonly name: string;
  /** `-x`, when there is a short form. */
  readonly short?: string;
  /** The value's placeholder (`<file>`); absent for a flag. */
  readonly value?: string;
  /** May be given more than once. @default false */
  readonly multiple?: boolean;
  /** One line (or a few): what it does, with its default. */
  readonly description: string;
}

/** What a subcommand is, for its help and its parser. */
export interface CommandDoc {
  /** The subcommand's name (`diff`). */
  readonly command: string;
  /** What follows `cdktf-clickpipes <command>` in the usage line. */
  readonly usage: string;
  /** A paragraph: what it does. */
  readonly description: string;
  /** Its options (`--help` is added). */
  readonly options: readonly OptionDoc[];
  /** Exit codes and their meaning. */
  readonly exitCodes: readonly (readonly [number, string])[];
  /** At least one runnable example (without the leading `$`). */
  readonly examples: readonly string[];
}

const HELP_OPTION: OptionDoc = { name: "--help", short: "-h", description: "print this help" };

/** Every option of a command, `--help` included. */
export const optionsOf = (doc: CommandDoc): readonly OptionDoc[] => [...doc.options, HELP_OPTION];

/** A wrong call: the message is one line without the command prefix (printed with the `--help` hint). */
export class UsageError extends Error {}

/** An input that cannot be used (a missing file, ...): one line without the command prefix, exit 2. */
export class InputError extends Error {}

/** A wrong call's problem with the hint every subcommand gives: `<problem>; run "cdktf-clickpipes <cmd> --help" for the options`. */
export function withHelpHint(command: string, problem: string): string {
  return `${problem}; run "cdktf-clickpipes ${command} --help" for the options`;
}

/** The one-line report of a wrong call (ends with a newline). */
export function usageProblem(doc: Pick<CommandDoc, "command">, problem: string): string {
  return `cdktf-clickpipes ${doc.command}: ${escapeLine(withHelpHint(doc.command, problem))}\n`;
}

/**
 * For a command with its own parser (verify, health: connection arguments like libpq's): the
 * options `doc` does not list are unknown, with the shared wording. Undefined when `arg` is known.
 */
export function unknownIn(doc: CommandDoc, arg: string): string | undefined {
  const name = arg.startsWith("--") && arg.includes("=") ? arg.slice(0, arg.indexOf("=")) : arg;
  return optionsOf(doc).some((o) => o.name === name || o.short === name) ? undefined : withHelpHint(doc.command, unknownOption(name));
}

/** `unknown option --x`. */
export const unknownOption = (option: string): string => `unknown option ${option}`;
/** `option --x needs a value`. */
export const needsValue = (option: string): string => `option ${option} needs a value`;
/** `option --x takes no value`. */
export const takesNoValue = (option: string): string => `option ${option} takes no value`;
/**
 * The one wording of a file or folder that cannot be used, in every subcommand:
 * `<what> <path>: <problem>`, e.g. `--allow-file allow.txt: no such file`, `plan p.json: no such
 * file`, `base out: no such folder` (`problem` from src/util/text-file.ts where a file is read).
 */
export const fileProblem = (what: string, file: string, problem: string): string => `${what ? `${what} ` : ""}${file}: ${problem}`;

/** The usage line. */
export function usageLine(doc: CommandDoc): string {
  return `usage: cdktf-clickpipes ${doc.command} ${doc.usage}`;
}

function wrap(text: string, indent: string, width = 100): string[] {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(/ +/)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(indent + line);
  }
  return out;
}

/** The `--help` text: usage, description, Options, Exit codes, Example. */
export function helpText(doc: CommandDoc): string {
  const head = (o: OptionDoc) => `${o.short ? `${o.short}, ` : ""}${o.name}${o.value ? ` ${o.value}` : ""}`;
  const col = Math.min(30, Math.max(...optionsOf(doc).map((o) => head(o).length)) + 2);
  const lines = [usageLine(doc), "", ...wrap(doc.description, ""), "", "Options:"];
  for (const o of optionsOf(doc)) {
    const text = `${o.description}${o.multiple ? " (repeatable)" : ""}`;
    const h = `  ${head(o)}`;
    const [first, ...rest] = wrap(text, " ".repeat(col + 3));
    lines.push(h.length <= col + 1 ? `${h.padEnd(col + 3)}${first!.trimStart()}` : `${h}\n${first}`, ...rest);
  }
  lines.push("", "Exit codes:", ...doc.exitCodes.map(([c, m]) => `  ${c}  ${m}`), "", doc.examples.length === 1 ? "Example:" : "Examples:", ...doc.examples.map((e) => `  ${e}`));
  return lines.join("\n") + "\n";
}

export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

export interface ParsedCommand {
  /** Option values by name without `--` (`"max-chars"`). */
  readonly values: ParsedValues;
  readonly positionals: string[];
  /** `--help` was given: print `helpText` and exit 0. */
  readonly help: boolean;
}

/** The option a parser message names (`'--x'`, `'-x'`, `'--x <value>'`). */
function optionIn(message: string): string {
  const m = /'(-{1,2}[^' ]+)/.exec(message);
  return m ? m[1]! : "?";
}

/**
 * Parse `args` against the command's options. Throws `UsageError` (one line, the shared wording)
 * for an unknown option, a missing value, or a value given to a flag.
 */
export function parseCommand(doc: CommandDoc, args: readonly string[]): ParsedCommand {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = {};
  for (const o of optionsOf(doc)) {
    options[o.name.replace(/^--/, "")] = { type: o.value ? "string" : "boolean", ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short.replace(/^-/, "") } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const option = optionIn(err.message);
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(unknownOption(option));
    if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const known = optionsOf(doc).find((o) => o.name === option || o.short === option);
      throw new UsageError(known?.value ? needsValue(known.name) : takesNoValue(known?.name ?? option));
    }
    throw new UsageError(`cannot read the arguments (${err.message.split("\n")[0]})`);
  }
  // A value that looks like an option was probably a forgotten value (`--allow-file --json`).
  for (const o of doc.options) {
    if (!o.value) continue;
    const v = parsed.values[o.name.replace(/^--/, "")];
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
      if (typeof x === "string" && x.startsWith("--") && optionsOf(doc).some((k) => k.name === x.split("=")[0])) throw new UsageError(needsValue(o.name));
    }
  }
  return { values: parsed.values as ParsedValues, positionals: parsed.positionals, help: parsed.values.help === true };
}

/** The number of positionals is within `[min, max]`, or a `UsageError` naming what is expected. */
export function expectPositionals(positionals: readonly string[], min: number, max: number, what: string): void {
  if (positionals.length >= min && positionals.length <= max) return;
  const got = positionals.length === 0 ? "none" : `${positionals.length} (${positionals.map((p) => JSON.stringify(p.length > 60 ? `${p.slice(0, 57)}...` : p)).join(", ")})`;
  throw new UsageError(`expected ${what}, got ${got}`);
}

/**
 * Run a command body with the shared handling: `--help` prints the help (exit 0), a `UsageError`
 * prints one line (exit 2).
 */
export async function runCommand(
  doc: CommandDoc,
  args: readonly string[],
  io: { readonly out: Writer; readonly err: Writer },
  body: (parsed: ParsedCommand) => Promise<number> | number,
): Promise<number> {
  let parsed: ParsedCommand;
  try {
    parsed = parseCommand(doc, args);
    if (parsed.help) {
      io.out.write(helpText(doc));
      return 0;
    }
    return await body(parsed);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err.write(usageProblem(doc, e.message));
      return 2;
    }
    if (e instanceof InputError) {
      io.err.write(`cdktf-clickpipes ${doc.command}: ${escapeLine(e.message)}\n`);
      return 2;
    }
    throw e;
  }
}
