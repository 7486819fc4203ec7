/** Counted words for the review tools' messages: singular or plural, never `(s)`. */

/** `n word(s)`, singular or plural (`plural` defaults to `word` + `s`); thousands separated. */
export function count(n: number, word: string, plural = `${word}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? word : plural}`;
}

/** The singular or the plural form for `n`, e.g. `verb(n, "leaves", "leave")`. */
export function agree(n: number, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}
