/**
 * Reading a user-named text file (a fleet file, a synthesized stack, a plan) without surprises:
 * refused unread when it is too large, refused when it is binary (not UTF-8, or NUL bytes), and every
 * problem described in a few words — never with the file's bytes, which may be control characters.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Why a file could not be read as text. `what` is a short description for a one-line message. */
export interface TextFileProblem {
  readonly kind: "missing" | "directory" | "not-a-file" | "too-large" | "binary" | "unreadable";
  readonly what: string;
  /** The system's error code (ENOENT, EACCES, ...) for `missing` and `unreadable`. */
  readonly code?: string;
}

/** What a non-regular file is, in words (a FIFO, a device, ...), or undefined for a regular file. */
export function notARegularFile(stat: fs.Stats): { kind: "directory" | "not-a-file"; what: string } | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return { kind: "directory", what: "a directory" };
  const what = stat.isFIFO() ? "a FIFO (named pipe)" : stat.isSocket() ? "a socket" : stat.isCharacterDevice() ? "a character device" : stat.isBlockDevice() ? "a block device" : "not a regular file";
  return { kind: "not-a-file", what: `${what}, not a regular file` };
}

/**
 * The text of `file`, or why not. Never throws for a file-system or encoding problem.
 *
 * Only a regular file is read (a symbolic link is followed to one): a directory, FIFO, socket or
 * device is refused from `stat`, before it is opened (opening a FIFO blocks until a writer comes;
 * a device such as /dev/zero never ends). The file is then opened non-blocking and checked again on
 * the open descriptor (so a file swapped for a FIFO in between is refused too), and at most
 * `maxBytes` are read even when the size reported was smaller (files under /proc report 0).
 */
export function readTextFile(file: string, maxBytes: number): { readonly text: string } | { readonly problem: TextFileProblem } {
  let bytes: Buffer;
  const tooLarge = (size: number | string): { problem: TextFileProblem } => ({ problem: { kind: "too-large", what: `${size} bytes, over the limit of ${maxBytes}` } });
  let fd: number | undefined;
  try {
    const before = notARegularFile(fs.statSync(file));
    if (before) return { problem: before };
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    const after = notARegularFile(stat);
    if (after) return { problem: after };
    if (stat.size > maxBytes) return tooLarge(stat.size);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size - total + 1, 1 << 16), maxBytes + 1 - total, 1 << 24));
      const got = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      chunks.push(chunk.subarray(0, got));
      total += got;
      if (total > maxBytes) return tooLarge(`more than ${maxBytes}`);
    }
    bytes = Buffer.concat(chunks, total);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "unreadable";
    return { problem: code === "ENOENT" ? { kind: "missing", what: "no such file", code } : { kind: "unreadable", what: `unreadable (${code})`, code } };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return decodeText(bytes);
}

/** Bytes as UTF-8 text, or why they are not text (not UTF-8, or NUL bytes). */
export function decodeText(bytes: Uint8Array): { readonly text: string } | { readonly problem: TextFileProblem } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problem: { kind: "binary", what: "binary: not UTF-8 text" } };
  }
  if (text.includes("\0")) return { problem: { kind: "binary", what: "binary: contains NUL bytes" } };
  return { text };
}

/** Control characters (other than line feed and tab) as `\xNN`, so input never reaches a terminal raw. */
export function escapeControl(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** Characters that reorder or hide text on screen ("Trojan Source"): LRM/RLM, bidi embeddings and isolates, line/paragraph separators, BOM. */
export const REORDERING = /[\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Multi-line text for a terminal: control characters as `\xNN` (`escapeControl`), reordering characters as `\u{NNNN}`. */
export function escapeTerminal(text: string): string {
  return escapeControl(text).replace(REORDERING, (c) => `\\u{${c.charCodeAt(0).toString(16).padStart(4, "0")}}`);
}

/** One line for a terminal (stderr): as `escapeTerminal`, and line feeds and tabs as `\n`, `\t`. */
export function escapeOneLine(text: string): string {
  return escapeTerminal(text).replace(/\n/g, "\\n").replace(/\t/g, "\\t");
}

/** A parser's or the system's message on one short line: its first line, control characters escaped, at most `max` characters. */
export function oneLine(message: string, max = 200): string {
  const line = escapeControl(message.split("\n")[0]!);
  return line.length > max ? `${line.slice(0, max)}...` : line;
}

/**
 * Write `text` to `file` whole or not at all: into a temporary file beside it, then renamed over it
 * (a reader never sees half a file; a failure leaves the old file, or none). Returns the system
 * error's description (`no such folder`, `unwritable (EACCES)`), or undefined when written.
 */
export function writeTextFileAtomic(file: string, text: string): string | undefined {
  const tmp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    if (!fs.existsSync(path.dirname(file))) return "no such folder";
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) return "a directory";
    fs.writeFileSync(tmp, text, { flag: "wx" });
    fs.renameSync(tmp, file);
    return undefined;
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing to clean up
    }
    const code = (e as NodeJS.ErrnoException).code;
    return `unwritable (${code ?? "error"})`;
  }
}
