import { ClickPipeRuleInput } from "../../clickpipe";
import { HostProfile } from "../../host-profiles";
import { Rule, RuleFinding } from "../../validation";

/** `projects/<project>/regions/<region>/serviceAttachments/<name>` (gcp-psc.mdx @0d5a8e3c, "Create the reverse private endpoint"). */
export const PSC_ATTACHMENT = /^projects\/([a-z][a-z0-9-]{4,28}[a-z0-9]|[a-z0-9.:-]+)\/regions\/([a-z]+-[a-z]+\d+)\/serviceAttachments\/([a-z]([-a-z0-9]{0,61}[a-z0-9])?)$/;
/** A DNS name, optionally with one leading `*.` label (the custom private DNS naming rules allow wildcards). */
const DNS_NAME = /^(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * `privateServiceConnect`: a well-formed service attachment URI in the ClickHouse service's own GCP
 * region (the RPE and the attachment must share it; cross-region global access is not supported,
 * gcp-psc.mdx @0d5a8e3c "Limitations"), a DNS name to connect to, not with AWS PrivateLink, and
 * not on ClickHouse Managed Postgres (whose provider resource has no private endpoints).
 */
export const privateServiceConnectRule: Rule<ClickPipeRuleInput> = {
  id: "clickpipe-private-service-connect",
  summary: "privateServiceConnect names a service attachment in the ClickHouse service's GCP region and a private DNS name",
  check: (i) => {
    const psc = i.pipe.privateServiceConnect as { serviceAttachment?: unknown; privateDnsName?: unknown; description?: unknown } | undefined;
    if (psc === undefined) return [];
    const out: RuleFinding[] = [];
    const f = "clickpipe.privateServiceConnect";
    if (psc === null || typeof psc !== "object" || Array.isArray(psc)) return [{ field: f, value: psc, allowed: "{ serviceAttachment, privateDnsName, description? }" }];
    for (const k of Object.keys(psc)) {
      if (!["serviceAttachment", "privateDnsName", "description"].includes(k))
        out.push({ field: `${f}.${k}`, value: (psc as Record<string, unknown>)[k], allowed: "no such field: serviceAttachment, privateDnsName or description" });
    }
    const loc = i.source.clickhouseLocation;
    const m = typeof psc.serviceAttachment === "string" ? PSC_ATTACHMENT.exec(psc.serviceAttachment) : null;
    if (!m) {
      out.push({
        field: `${f}.serviceAttachment`,
        value: psc.serviceAttachment,
        allowed: "projects/<project>/regions/<region>/serviceAttachments/<name>, the PSC service attachment in front of the database",
      });
    } else if (loc.cloud !== "gcp" || m[2] !== loc.region) {
      out.push({
        field: `${f}.serviceAttachment`,
        value: psc.serviceAttachment,
        allowed: `an attachment in the ClickHouse service's own GCP region (clickhouse: ${loc.cloud}/${loc.region}): the reverse private endpoint and the attachment must be in the same GCP region, and PSC needs the service on GCP (cross-region global access is not supported; use an SSH tunnel)`,
      });
    }
    if (typeof psc.privateDnsName !== "string" || !DNS_NAME.test(psc.privateDnsName) || psc.privateDnsName.length > 253) {
      out.push({
        field: `${f}.privateDnsName`,
        value: psc.privateDnsName,
        allowed: "the DNS name the pipe connects to (PSC carries no DNS: ClickPipes maps this name to the endpoint's IP); letters, digits, '-' and '.', optionally starting with '*.'",
      });
    }
    if (psc.description !== undefined && (typeof psc.description !== "string" || psc.description.trim() === "")) {
      out.push({ field: `${f}.description`, value: psc.description, allowed: "a non-empty description" });
    }
    if (i.source.hostProfile === HostProfile.CLICKHOUSE_MANAGED) {
      out.push({
        field: f,
        value: "(set)",
        allowed: `unset for ClickHouse Managed Postgres: the clickhouse_postgres_service resource has no private endpoints (provider 3.25.3); ClickPipes reaches it directly`,
      });
    }
    return out;
  },
};
