import { HOST_PROFILES, HostProfile, HostProfileRuleInput, PGBOUNCER_PORT, SUPABASE_POOLER_PORT } from "../host-profiles";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding, Severity } from "../validation";

/**
 * Replication connections cannot go through a connection pooler: Supabase's pooler, Neon's
 * `-pooler` endpoint, PlanetScale's PSBouncer on 6432; port 6432 elsewhere is PgBouncer's default.
 */
export const hostPoolerRule: Rule<PostgresSourceSpec> = {
  id: "host-pooler",
  summary: "the host and port are the direct connection, not a connection pooler",
  check: (spec) => {
    const s = spec as HostProfileRuleInput;
    const out: RuleFinding[] = [];
    const host = typeof s.host === "string" ? s.host : "";
    const port = s.port ?? 5432;
    const p = s.hostProfile;
    if (p === HostProfile.SUPABASE) {
      const guide = HOST_PROFILES[p].guide;
      if (/\.pooler\.supabase\.com$/i.test(host)) {
        out.push({ field: "host", value: host, allowed: `the direct connection db.<project ref>.supabase.co, not the Supabase pooler (replication connections cannot go through it; ${guide})` });
      }
      if (port === SUPABASE_POOLER_PORT || port === PGBOUNCER_PORT) {
        out.push({ field: "port", value: port, allowed: `5432, the direct connection (${port} is the Supabase pooler; ${guide})` });
      }
    } else if (p === HostProfile.NEON) {
      if (/-pooler\./i.test(host)) {
        out.push({ field: "host", value: host, allowed: `the direct endpoint (the host name without -pooler; pooled connections cannot replicate; ${HOST_PROFILES[p].guide})` });
      }
    } else if (p === HostProfile.PLANETSCALE) {
      if (port !== 5432) {
        out.push({ field: "port", value: port, allowed: `5432, the primary's direct port (${port === PGBOUNCER_PORT ? "6432 is PSBouncer, which cannot carry replication connections" : "PlanetScale serves Postgres on 5432"}; ${HOST_PROFILES[p].guide})` });
      }
      if (/(^|[.-])replica([.-]|$)/i.test(host)) {
        out.push({ field: "host", value: host, allowed: `the primary's host (ClickPipes replicates from the primary only; ${HOST_PROFILES[p].guide})` });
      }
    } else if (port === PGBOUNCER_PORT) {
      out.push({
        severity: Severity.WARNING,
        field: "port",
        value: port,
        allowed: "the server's own port: 6432 is PgBouncer's default, and a pooler cannot carry replication connections",
      });
    }
    return out;
  },
};
