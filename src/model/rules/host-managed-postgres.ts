import { HOST_PROFILES, HostProfile, HostProfileRuleInput, MANAGED_POSTGRES_VERSIONS } from "../host-profiles";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding } from "../validation";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A cdktf token standing for a reference (`${TfToken[TOKEN.n]}`), as a resource attribute renders before synth. */
const TOKEN = /^\$\{TfToken\[TOKEN\.\d+\]\}$/;
const isRef = (v: unknown): boolean => typeof v === "string" && v !== "";

/**
 * `managedPostgres` is given exactly with `hostProfile: "clickhouse-managed"`, naming one service
 * (`serviceId`, a UUID or a reference, or the `service` resource); there `host` is left unset and
 * `port` is unset or 5432 (the direct connection: ClickPipes cannot replicate through PgBouncer,
 * managed-postgres.mdx @af78a327), and `postgresVersion` is one the service runs (17 or 18,
 * postgres_service_constants.go @ v3.25.3).
 */
export const hostManagedPostgresRule: Rule<PostgresSourceSpec> = {
  id: "host-managed-postgres",
  summary: "managedPostgres names one ClickHouse Managed Postgres service, exactly with hostProfile clickhouse-managed; host unset, port 5432",
  check: (spec) => {
    const s = spec as HostProfileRuleInput;
    const managed = s.hostProfile === HostProfile.CLICKHOUSE_MANAGED;
    const m = s.managedPostgres as { serviceId?: unknown; service?: { id?: unknown; hostname?: unknown } } | undefined;
    const guide = HOST_PROFILES[HostProfile.CLICKHOUSE_MANAGED].guide;
    if (!managed) return m === undefined ? [] : [{ field: "managedPostgres", value: m, allowed: "unset unless hostProfile is clickhouse-managed" }];
    const out: RuleFinding[] = [];
    if (m === null || typeof m !== "object" || Array.isArray(m)) {
      return [
        {
          field: "managedPostgres",
          value: m,
          allowed: `{ serviceId: "<the clickhouse_postgres_service ID>" } (or, in TypeScript, { service: <the clickhouse_postgres_service resource> }): required with hostProfile clickhouse-managed (${guide})`,
        },
      ];
    }
    const unknown = Object.keys(m).filter((k) => k !== "serviceId" && k !== "service");
    for (const k of unknown) out.push({ field: `managedPostgres.${k}`, value: (m as Record<string, unknown>)[k], allowed: "no such field: managedPostgres has serviceId or service" });
    if ((m.serviceId === undefined) === (m.service === undefined)) {
      out.push({ field: "managedPostgres", value: m, allowed: "exactly one of serviceId (an existing service's ID) and service (the resource of the same app)" });
    } else if (m.serviceId !== undefined && !(typeof m.serviceId === "string" && (UUID.test(m.serviceId) || TOKEN.test(m.serviceId)))) {
      out.push({ field: "managedPostgres.serviceId", value: m.serviceId, allowed: "the Managed Postgres service ID, a UUID such as 3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d (or a reference to one)" });
    } else if (m.service !== undefined && !(typeof m.service === "object" && m.service !== null && isRef(m.service.id) && isRef(m.service.hostname))) {
      out.push({ field: "managedPostgres.service", value: "(not a clickhouse_postgres_service)", allowed: "the clickhouse_postgres_service resource (its id, hostname and port)" });
    }
    if (s.host !== undefined)
      out.push({ field: "host", value: s.host, allowed: "unset with hostProfile clickhouse-managed: the stack connects to the service's own host name (the direct connection)" });
    if (s.port !== undefined && s.port !== 5432) {
      out.push({
        field: "port",
        value: s.port,
        allowed: `unset or 5432 with hostProfile clickhouse-managed: the direct connection, not PgBouncer (ClickPipes cannot replicate through a pooler; ${guide})`,
      });
    }
    if (typeof s.postgresVersion === "number" && !MANAGED_POSTGRES_VERSIONS.includes(s.postgresVersion)) {
      out.push({ field: "postgresVersion", value: s.postgresVersion, allowed: `${MANAGED_POSTGRES_VERSIONS.join(" or ")}, the majors ClickHouse Managed Postgres runs (provider 3.25.3)` });
    }
    return out;
  },
};
