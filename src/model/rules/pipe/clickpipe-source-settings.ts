import { ClickPipeAuthentication, ClickPipePostgresType, ClickPipeReplicationMode, ClickPipeRuleInput } from "../../clickpipe";
import { Rule, RuleFinding, Severity } from "../../validation";

const TYPES = Object.values(ClickPipePostgresType) as string[];
const PEM_CERT = /^\s*(-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*)+$/;

/** The ClickHouse page that documents IAM database authentication for RDS / Aurora Postgres sources. */
export const CLICKPIPES_IAM_AUTH_PAGE = "https://clickhouse.com/docs/integrations/clickpipes/postgres/auth";

/**
 * The source side of the pipe: `type` one the provider accepts, `caCertificate` PEM certificates,
 * `tlsHost` a host name, and IAM authentication only for Aurora / RDS, with a warning for CDC.
 */
export const sourceSettingsRule: Rule<ClickPipeRuleInput> = {
  id: "clickpipe-source-settings",
  summary: "type is a provider source type; caCertificate is PEM; IAM_ROLE only for Aurora/RDS (with CDC a warning)",
  check: (i) => {
    const out: RuleFinding[] = [];
    const p = i.pipe;
    if (p.type !== undefined && !TYPES.includes(p.type)) {
      out.push({ field: "clickpipe.type", value: p.type, allowed: `one of ${TYPES.join(", ")}` });
    }
    if (p.caCertificate !== undefined && (typeof p.caCertificate !== "string" || !PEM_CERT.test(p.caCertificate))) {
      out.push({
        field: "clickpipe.caCertificate",
        value: typeof p.caCertificate === "string" ? `${p.caCertificate.slice(0, 40)}...` : p.caCertificate,
        allowed: "PEM certificates (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----)",
      });
    }
    if (p.tlsHost !== undefined && (typeof p.tlsHost !== "string" || !/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(p.tlsHost))) {
      out.push({ field: "clickpipe.tlsHost", value: p.tlsHost, allowed: "a DNS host name the server certificate carries" });
    }
    if (i.authentication === ClickPipeAuthentication.IAM_ROLE) {
      const type = p.type ?? ClickPipePostgresType.POSTGRES;
      if (type !== ClickPipePostgresType.AURORA_POSTGRES && type !== ClickPipePostgresType.RDS_POSTGRES) {
        out.push({ field: "clickpipe.authentication", value: "IAM_ROLE", allowed: `basic for type ${type} (IAM database authentication exists for aurorapostgres and rdspostgres only)` });
      }
      const mode = p.replicationMode ?? ClickPipeReplicationMode.CDC;
      if (mode !== ClickPipeReplicationMode.SNAPSHOT) {
        out.push({
          severity: Severity.WARNING,
          field: "clickpipe.authentication",
          value: "IAM_ROLE",
          allowed: `with replicationMode ${mode} only where ClickPipes supports IAM for replication connections: ${CLICKPIPES_IAM_AUTH_PAGE} says RDS/Aurora Postgres pipes with IAM authentication run Initial Load Only (snapshot); check your source guide's "IAM authentication" section before relying on CDC`,
        });
      }
    }
    return out;
  },
};
