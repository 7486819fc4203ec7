/** Test documents in the shape of ClickHouse Cloud's static-ips.json (see src/model/clickpipes-ips-document.ts). */
import { CLICKPIPES_IP_TABLE } from "../../src/model/clickpipes-ips";

/** The embedded table as ClickHouse Cloud's static-ips.json shapes it (with the other fields it carries). */
export function apiDocument(): Record<string, Record<string, unknown>[]> {
  const doc: Record<string, Record<string, unknown>[]> = { aws: [], gcp: [], azure: [] };
  for (const r of CLICKPIPES_IP_TABLE) {
    doc[r.cloud]!.push({ egress_ips: ["192.0.2.1"], ingress_ips: ["192.0.2.2"], region: r.region, s3_endpoints: "vpce-0123", clickpipes_egress_ips: [...r.ips].reverse() });
  }
  // A ClickHouse region without ClickPipes addresses of its own, as the API may list it.
  doc.azure!.push({ egress_ips: ["192.0.2.3"], ingress_ips: ["192.0.2.4"], region: "eastus2" });
  return doc;
}
