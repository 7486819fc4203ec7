/**
 * postgresql.conf and ALTER SYSTEM quoting. In postgresql.conf (guc-file.l) a string value is
 * single-quoted, a quote inside is doubled and a backslash starts an escape, so it is doubled too;
 * a value cannot span lines. ALTER SYSTEM takes an SQL literal (escape-string syntax when the value
 * holds a backslash, so the result does not depend on standard_conforming_strings) and refuses
 * newlines itself. Setting names are plain lower-case (dotted for extension settings).
 */

import { quoteLiteralEscaped } from "./sql";

const SETTING_NAME = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/** Why a setting name or value cannot be written, or undefined. */
export function confProblem(name: string, value: string): string | undefined {
  if (!SETTING_NAME.test(name)) return `setting name ${JSON.stringify(name)} is not a plain lower-case name`;
  if (/[\n\r\0]/.test(value)) return `value of ${name} contains a newline, carriage return or NUL byte`;
  return undefined;
}

function check(name: string, value: string): void {
  const problem = confProblem(name, value);
  if (problem) throw new Error(problem);
}

/** `name = value` for postgresql.conf: integers bare, everything else single-quoted. */
export function confLine(name: string, value: string): string {
  check(name, value);
  const v = /^-?[0-9]+$/.test(value) ? value : `'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
  return `${name} = ${v}`;
}

/** `ALTER SYSTEM SET name = '<value>';` */
export function alterSystemStatement(name: string, value: string): string {
  check(name, value);
  return `ALTER SYSTEM SET ${name} = ${quoteLiteralEscaped(value)};`;
}
