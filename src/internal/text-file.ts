/**
 * Reading a user-named text file (a fleet file, a synthesized stack, a plan) without surprises:
 * refused unread when it is too large, refused when it is binary (not UTF-8, or NUL bytes), and every
 * problem described in a few words — never with the file's bytes, which may be control characters.
 */
import * as fs from "node:fs";

/** Why a file could not be read as text. `what` is a short description for a one-line message. */
export interface TextFileProblem {
  readonly kind: "missing" | "directory" | "not-a-file" | "too-large" | "binary" | "unreadable";
  readonly what: string;
  /** The system's error code (ENOENT, EACCES, ...) for `missing` and `unreadable`. */
  readonly code?: string;
}

/** The text of `file`, or why not. Never throws for a file-system or encoding problem. */
export function readTextFile(file: string, maxBytes: number): { readonly text: string } | { readonly problem: TextFileProblem } {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { problem: { kind: "directory", what: "a directory" } };
    // A FIFO or a device would block the read or never end: refused before it is opened.
    if (!stat.isFile()) return { problem: { kind: "not-a-file", what: "not a regular file (a FIFO, socket or device)" } };
    if (stat.size > maxBytes) return { problem: { kind: "too-large", what: `${stat.size} bytes, over the limit of ${maxBytes}` } };
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "unreadable";
    return { problem: code === "ENOENT" ? { kind: "missing", what: "no such file", code } : { kind: "unreadable", what: `unreadable (${code})`, code } };
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

/** A parser's or the system's message on one short line: its first line, control characters escaped, at most `max` characters. */
export function oneLine(message: string, max = 200): string {
  const line = escapeControl(message.split("\n")[0]!);
  return line.length > max ? `${line.slice(0, max)}...` : line;
}
