/** PostgreSQL identifier checks shared by the rules. */

/** PostgreSQL truncates identifiers at NAMEDATALEN - 1 bytes. */
export const MAX_IDENTIFIER_BYTES = 63;

export const IDENTIFIER_ALLOWED = `a non-empty name of at most ${MAX_IDENTIFIER_BYTES} bytes without dots or NUL bytes`;

/** Why `name` is not a usable identifier, or undefined when it is. */
export function identifierProblem(name: unknown): string | undefined {
  if (typeof name !== "string") return "is not a string";
  if (name.length === 0) return "is empty";
  if (Buffer.byteLength(name, "utf8") > MAX_IDENTIFIER_BYTES) return `is longer than ${MAX_IDENTIFIER_BYTES} bytes`;
  if (name.includes("\0")) return "contains a NUL byte";
  if (name.includes(".")) return "contains a dot";
  return undefined;
}
