/** PL/pgSQL building blocks the renderers share: DO blocks, psql variables in DO blocks, role locks. */
import { quoteLiteral } from "../../model/quoting";
import { Value } from "./values";
import { boilerplate } from "../../util/sql-boilerplate";

/** A dollar-quote tag that does not occur in the body. */
export function dollarQuote(body: string): string {
  let tag = "$cdktf$";
  for (let i = 1; body.includes(tag); i++) tag = `$cdktf${i}$`;
  return `DO ${tag}\n${body}\n${tag};`;
}

/** A PL/pgSQL text expression for a value: a literal, or the session setting holding a psql variable. */
export function plExpr(v: Value): string {
  return v.kind === "literal" ? quoteLiteral(v.value) : `current_setting(${quoteLiteral(varSetting(v.name))})`;
}

/** Session setting that carries a psql variable into DO blocks (psql does not substitute inside dollar quotes). */
export function varSetting(name: string): string {
  return `cdktf_clickpipes.${name}`;
}

/**
 * Statements of pgLockRole() in helpers.go: statement_timeout off, then advisory locks on the
 * role and its members. (The provider runs `SET statement_timeout = 0` for the session; we use
 * SET LOCAL so the setting ends with the transaction.)
 */
export function lockRole(role: string): string[] {
  return [
    boilerplate("SET LOCAL statement_timeout = 0;"),
    boilerplate(
      dollarQuote(
        [
          "BEGIN",
          `  PERFORM pg_advisory_xact_lock(oid::bigint) FROM pg_roles WHERE rolname = ${quoteLiteral(role)};`,
          `  PERFORM pg_advisory_xact_lock(member::bigint) FROM pg_auth_members JOIN pg_roles ON roleid = pg_roles.oid WHERE rolname = ${quoteLiteral(role)};`,
          "END",
        ].join("\n"),
      ),
    ),
  ];
}

/**
 * A PL/pgSQL text expression: `expr` as the provider writes a literal, `'` + pqQuoteLiteral(value) + `'`
 * (backslashes and quotes doubled; see `providerLiteralBody`). chr(92) is a backslash, so the
 * script reads the same whatever standard_conforming_strings is.
 */
export function providerLiteralExpr(expr: string): string {
  return `'''' || replace(replace(${expr}, chr(92), chr(92) || chr(92)), '''', '''''') || ''''`;
}

/**
 * `statements` (PL/pgSQL, already indented) in a block whose errors are raised again with the same
 * SQLSTATE and message but without the failing statement: the statement carries the password, and
 * an error's CONTEXT (in psql's output and in the server log) would quote it.
 */
export function hidingStatement(statements: string[], indent: string): string[] {
  return [
    `${indent}BEGIN`,
    ...statements,
    `${indent}EXCEPTION WHEN OTHERS THEN`,
    `${indent}  -- Raised again without the statement, which holds the password.`,
    `${indent}  RAISE EXCEPTION USING ERRCODE = SQLSTATE, MESSAGE = SQLERRM, HINT = 'the failing statement is not shown: it holds the password';`,
    `${indent}END;`,
  ];
}

/** Server logging settings turned off, for the current transaction, before a password reaches the server. */
export const QUIET_LOGGING_SETTINGS: readonly (readonly [string, string])[] = [
  ["log_statement", "none"],
  ["log_min_duration_statement", "-1"],
  ["log_min_error_statement", "panic"],
  ["log_error_verbosity", "terse"],
];

/**
 * A DO block setting `QUIET_LOGGING_SETTINGS` for the current transaction (SET LOCAL via
 * set_config(..., true)). They are superuser settings (or need GRANT SET ON PARAMETER, PostgreSQL
 * 15+): a setting the running role may not change is skipped, with a NOTICE naming it.
 */
export function quietLoggingBlock(): string {
  return boilerplate(
    dollarQuote(
      [
        "BEGIN",
        ...QUIET_LOGGING_SETTINGS.map(
          ([name, value]) =>
            `  BEGIN PERFORM set_config(${quoteLiteral(name)}, ${quoteLiteral(value)}, true); EXCEPTION WHEN insufficient_privilege THEN RAISE NOTICE 'cannot set % here (not a superuser): the server log keeps its setting', ${quoteLiteral(name)}; END;`,
        ),
        "END",
      ].join("\n"),
    ),
  );
}
