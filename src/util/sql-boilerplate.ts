/**
 * SQL statements the renderers (src/render/sql, the diff's provider mirrors) write around what a
 * change does: the transaction, the provider's role locks, the quiet-logging block. The renderer
 * tags each such statement here as it writes it, so the review comment folds them by what the
 * renderer said, not by parsing SQL text. A statement is boilerplate when its exact text was
 * tagged (text a pull request writes is only folded when it is, character for character, a
 * statement the renderer itself emits as boilerplate).
 */

const TAGGED = new Set<string>();

/** Tag a statement as boilerplate and return it (use where the statement is written). */
export function boilerplate(statement: string): string {
  TAGGED.add(statement);
  return statement;
}

/** Whether the renderer tagged this exact statement as boilerplate. */
export function isBoilerplate(statement: string): boolean {
  return TAGGED.has(statement);
}

/** The transaction around a resource's statements. */
export const BEGIN = boilerplate("BEGIN;");
export const COMMIT = boilerplate("COMMIT;");
