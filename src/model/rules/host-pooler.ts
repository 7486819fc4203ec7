import { HOST_PROFILES, HostProfile, HostProfileRuleInput, PGBOUNCER_PORT, SUPABASE_POOLER_PORT } from "../host-profiles";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding, Severity } from "../validation";

/**
 * Replication connections cannot go through a connection pooler: Supabase's IPv4 pooler (the
 * direct connection is IPv6, which ClickPipes reaches natively: supabase.mdx @2d4672c3), Neon's
 * `-pooler` endpoint; port 6432 elsewhere is PgBouncer's default. PlanetScale's PSBouncer on 6432
 * serves Initial Load Only pipes: rule `host-initial-load-only` decides it by the pipe's mode.
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
        out.push({
          field: "host",
          value: host,
          allowed: `the direct connection db.<project ref>.supabase.co (IPv6; ClickPipes connects to Supabase over IPv6 natively), not the IPv4 Supabase pooler (replication connections cannot go through it; ${guide})`,
        });
      }
      if (port === SUPABASE_POOLER_PORT || port === PGBOUNCER_PORT) {
        out.push({ field: "port", value: port, allowed: `5432, the direct connection (${port} is the Supabase pooler; ${guide})` });
      }
    } else if (p === HostProfile.NEON) {
      if (/-pooler\./i.test(host)) {
        out.push({ field: "host", value: host, allowed: `the direct endpoint (the host name without -pooler; pooled connections cannot replicate; ${HOST_PROFILES[p].guide})` });
      }
    } else if (p === HostProfile.PLANETSCALE) {
      if (port !== 5432 && port !== PGBOUNCER_PORT) {
        out.push({ field: "port", value: port, allowed: `5432, the primary's direct port (or 6432, PSBouncer, for Initial Load Only pipes; ${HOST_PROFILES[p].guide})` });
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
