/** PL/pgSQL building blocks the renderers share: DO blocks, psql variables in DO blocks, role locks. */
import { quoteLiteral } from "../../model/quoting";
import { Value } from "./values";

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
    "SET LOCAL statement_timeout = 0;",
    dollarQuote(
      [
        "BEGIN",
        `  PERFORM pg_advisory_xact_lock(oid::bigint) FROM pg_roles WHERE rolname = ${quoteLiteral(role)};`,
        `  PERFORM pg_advisory_xact_lock(member::bigint) FROM pg_auth_members JOIN pg_roles ON roleid = pg_roles.oid WHERE rolname = ${quoteLiteral(role)};`,
        "END",
      ].join("\n"),
    ),
  ];
}
