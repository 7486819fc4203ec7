/** What every check sees: the connection, the server, and the expected objects, resolved once. */
import type { Client } from "pg";
import { quoteLiteral } from "../model/quoting";
import { ResolvedConnection } from "../pg/connection";
import { qualified, quoteIdent, sameTable } from "./names";
import type { PipeExpectations } from "./pipe";
import { CheckId, CheckStatus, TableName, VerifyTarget } from "./types";

/** An expected table and what the catalog says about it. */
export interface ExpectedTable extends TableName {
  /** pg_class oid, or null when no relation of that name exists. */
  readonly oid: number | null;
  /** pg_class.relkind (`r` table, `p` partitioned table, `v` view, ...), or null when missing. */
  readonly relkind: string | null;
  /** `schema.table`, quoted where needed. */
  readonly display: string;
}

export interface VerifyContext {
  /** The ClickPipes user's connection. */
  readonly client: Client;
  readonly connection: ResolvedConnection;
  readonly target: VerifyTarget;
  readonly timeoutSeconds: number;
  /** `server_version_num`, e.g. 160014. */
  readonly versionNum: number;
  /** `server_version`, e.g. "16.14". */
  readonly version: string;
  /** Major version, e.g. 16. */
  readonly major: number;
  /** `current_user`. */
  readonly user: string;
  /** The user the stack expects, if a stack was given. */
  readonly expectedUser?: string;
  /** The publication to check, if any. */
  readonly publication?: string;
  /** Expected tables (explicit, from schemas, or else the publication's). */
  readonly tables: readonly ExpectedTable[];
  /** Schemas that were asked for and do not exist. */
  readonly missingSchemas: readonly string[];
  /** Where the tables came from, for messages. */
  readonly tablesFrom: "options" | "publication" | "none";
  /** Whether the server looks like Amazon RDS/Aurora (the `rds.logical_replication` setting exists). */
  readonly rdsLike: boolean;
  readonly slotTest: boolean;
  /** The pipe's settings (`--pipe`), when given. */
  readonly pipe?: PipeExpectations;
  /** The admin login Terraform uses (`--admin`), resolved; absent when not given. */
  readonly admin?: ResolvedConnection;
  /** `current_setting(name, true)`: null when the setting does not exist. */
  setting(name: string): Promise<string | null>;
}

/** What a check returns before the runner stamps its id. */
export interface CheckOutcome {
  readonly status: CheckStatus;
  readonly reason: string;
  readonly fix: string | null;
}

/** One preflight check. The table of checks is `VERIFY_CHECKS` in `checks/index.ts`. */
export interface Check {
  readonly id: CheckId;
  /** The fix shown when the check itself errors out (e.g. a query timed out). */
  readonly fallbackFix: string;
  /**
   * Only change data capture needs it (replication, slots, publication, replica identity): SKIPped
   * for an Initial Load Only pipe (`--pipe` with replication mode `snapshot`), as PeerDB skips these
   * validations with noCDC (flow/connectors/postgres/validate.go `ValidateMirrorSource`).
   * @default false
   */
  readonly cdcOnly?: boolean;
  readonly run: (ctx: VerifyContext) => Promise<CheckOutcome>;
}

export const pass = (reason: string): CheckOutcome => ({ status: CheckStatus.PASS, reason, fix: null });
export const skip = (reason: string): CheckOutcome => ({ status: CheckStatus.SKIP, reason, fix: null });
export const warn = (reason: string, fix: string): CheckOutcome => ({ status: CheckStatus.WARN, reason, fix });
export const fail = (reason: string, fix: string): CheckOutcome => ({ status: CheckStatus.FAIL, reason, fix });

/** Existing tables (and partitioned tables) among the expected ones. */
export function existingTables(ctx: VerifyContext): (ExpectedTable & { oid: number })[] {
  return ctx.tables.filter((t): t is ExpectedTable & { oid: number } => t.oid !== null && (t.relkind === "r" || t.relkind === "p"));
}

/** "a, b, c" with at most `max` names, then "and N more". */
/**
 * A fix for what the stack manages (grants, the REPLICATION right): with `--stack`, re-applying the
 * stack first (Terraform restores what it declares; a hand-written GRANT drifts from it), the
 * statement second.
 */
export function stackManagedFix(ctx: VerifyContext, statement: string): string {
  return ctx.expectedUser ? `re-apply the stack first (cdktf deploy; it declares this grant); by hand: ${statement}` : statement;
}

export function listNames(names: readonly string[], max = 5): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}

/** How to change a server setting on this kind of server. */
export function settingFix(ctx: VerifyContext, name: string, value: string, restart: boolean): string {
  if (ctx.rdsLike) {
    return `set ${name} = ${value} in the DB (cluster) parameter group${restart ? ", then reboot" : ""}`;
  }
  return `ALTER SYSTEM SET ${name} = ${quoteLiteral(value)}; ${restart ? "then restart the server" : "SELECT pg_reload_conf();"}`;
}

/** Load catalog facts about expected tables by oid. */
export async function resolveTables(client: Client, names: readonly TableName[]): Promise<ExpectedTable[]> {
  const out: ExpectedTable[] = [];
  for (const t of names) {
    const r = await client.query<{ oid: number; relkind: string }>(
      "SELECT c.oid::int AS oid, c.relkind::text AS relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2",
      [t.schema, t.name],
    );
    const row = r.rows[0];
    out.push({ schema: t.schema, name: t.name, oid: row?.oid ?? null, relkind: row?.relkind ?? null, display: qualified(t) });
  }
  return out;
}

/** The SELECT list of a table for the SELECT check: `*`, or its columns without the pipe's excluded columns. */
export async function selectList(ctx: VerifyContext, t: ExpectedTable): Promise<string> {
  const excluded = ctx.pipe?.tables.find((x) => sameTable(x, t))?.excludedColumns ?? [];
  if (excluded.length === 0 || t.oid === null) return "*";
  const r = await ctx.client.query<{ attname: string }>("SELECT attname FROM pg_attribute WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped ORDER BY attnum", [t.oid]);
  const cols = r.rows.map((row) => row.attname).filter((c) => !excluded.includes(c));
  return cols.length > 0 ? cols.map(quoteIdent).join(", ") : "*";
}
