/**
 * POSIX shell words (a line a user copies into sh, bash or zsh). A word of only safe characters is
 * printed as it is; any other is single-quoted, a `'` inside written `'\''` (single quotes keep every
 * other character literal, `$`, backticks and `\` included).
 */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** `word` quoted for a POSIX shell. */
export function shellQuote(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
