import { HOST_PROFILES, HostProfile, HostProfileRuleInput, PGBOUNCER_PORT } from "../host-profiles";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding, Severity } from "../validation";

/** Replication modes that stream changes (they need logical replication on a direct connection). */
const CDC_MODES: readonly unknown[] = ["cdc", "cdc_only", undefined];

/**
 * Hosts, or connections, that serve Initial Load Only pipes (`replicationMode: snapshot`) only:
 * - Tiger Data (Timescale Cloud) cannot enable logical replication (Timescale guide,
 *   timescale.mdx @d6e9dae5, read 2026-12-03);
 * - PlanetScale's PSBouncer port 6432: "either port may be used for initial-load only pipes", CDC
 *   needs 5432 (planetscale.mdx @46bc66c3, caveat 2, read 2026-12-03).
 * A CDC pipe (`cdc`, `cdc_only`, or the default) declared with the source is refused; without a
 * declared pipe (created elsewhere) it is a warning.
 */
export const hostInitialLoadOnlyRule: Rule<PostgresSourceSpec> = {
  id: "host-initial-load-only",
  summary: "a tigerdata source, or a planetscale source on PSBouncer's port 6432, runs Initial Load Only pipes (replicationMode snapshot) only",
  check: (spec) => {
    const s = spec as HostProfileRuleInput;
    const p = s.hostProfile;
    const port = s.port ?? 5432;
    let finding: Omit<RuleFinding, "severity"> | undefined;
    const pipe = s.clickpipe;
    const mode = pipe?.replicationMode;
    if (!CDC_MODES.includes(mode)) return []; // snapshot, or a bad value (the pipe rules report it)
    const shown = mode ?? "cdc";
    if (p === HostProfile.TIGERDATA) {
      const why = `Tiger Cloud cannot enable logical replication, so only Initial Load Only pipes work there; for CDC run TimescaleDB yourself (hostProfile self-managed) (${HOST_PROFILES[p].guide})`;
      finding = pipe
        ? { field: "clickpipe.replicationMode", value: shown, allowed: `snapshot: ${why}` }
        : { field: "hostProfile", value: p, allowed: `a host with logical replication for a CDC pipe; create this source's pipe with replication mode snapshot: ${why}` };
    } else if (p === HostProfile.PLANETSCALE && port === PGBOUNCER_PORT) {
      finding = {
        field: "port",
        value: port,
        allowed: `5432 for a ${pipe ? shown : "CDC"} pipe (6432 is PSBouncer, which cannot carry replication connections; it serves Initial Load Only pipes, replication mode snapshot, only; ${HOST_PROFILES[p].guide})`,
      };
    }
    if (finding === undefined) return [];
    return [pipe ? finding : { ...finding, severity: Severity.WARNING }];
  },
};
