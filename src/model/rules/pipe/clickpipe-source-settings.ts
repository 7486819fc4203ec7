import { ClickPipeAuthentication, ClickPipePostgresType, ClickPipeRuleInput } from "../../clickpipe";
import { Rule, RuleFinding } from "../../validation";

const TYPES = Object.values(ClickPipePostgresType) as string[];
const PEM_CERT = /^\s*(-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*)+$/;

/**
 * The source side of the pipe: `type` one the provider accepts, `caCertificate` PEM certificates,
 * `tlsHost` a host name, and IAM authentication only for Aurora / RDS. IAM works with every
 * replication mode there: the parameter group sets `rds.iam_auth_for_replication = 1` (RDS and
 * Aurora source guides, read 2026-12-03; see `IAM_AUTH_SOURCES`), so no warning for CDC any more.
 */
export const sourceSettingsRule: Rule<ClickPipeRuleInput> = {
  id: "clickpipe-source-settings",
  summary: "type is a provider source type; caCertificate is PEM; IAM_ROLE only for Aurora/RDS",
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
    }
    return out;
  },
};
