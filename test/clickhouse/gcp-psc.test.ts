import { describe, expect, it } from "vitest";
import { CloudProvider } from "../../src/model/types";
import { HostProfile } from "../../src/model/host-profiles";
import { validateApp } from "../../src/model/validate";
import { genericSource, parse, synthGeneric } from "../support/helpers";

const SERVICE = "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d";
const ATTACHMENT = "projects/acme-data/regions/us-central1/serviceAttachments/orders-psc";
const gcp = { hostProfile: HostProfile.ALLOYDB, clickhouse: { cloud: CloudProvider.GCP, region: "us-central1" } };
const psc = (over: object = {}) => ({ serviceId: SERVICE, privateServiceConnect: { serviceAttachment: ATTACHMENT, privateDnsName: "orders.db.internal", ...over } });

function errors(sources: object[]): string {
  try {
    validateApp({ sources } as never);
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}

describe("GCP Private Service Connect (clickpipe.privateServiceConnect)", () => {
  it("declares a GCP_PSC_SERVICE_ATTACHMENT endpoint and its custom private DNS, and the pipe connects to that name", () => {
    const j = parse(synthGeneric({ ...gcp, clickpipe: psc() }));
    const rpes = Object.entries(j.resource!.clickhouse_clickpipes_reverse_private_endpoint!);
    expect(rpes).toHaveLength(1);
    const [rpeName, rpe] = rpes[0]!;
    expect(rpe).toMatchObject({ type: "GCP_PSC_SERVICE_ATTACHMENT", gcp_service_attachment: ATTACHMENT, service_id: SERVICE, description: "ClickPipes PSC to orders-db" });
    expect(rpe.vpc_resource_configuration_id).toBeUndefined();
    const dns = Object.values(j.resource!.clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns!);
    expect(dns).toEqual([
      expect.objectContaining({
        service_id: SERVICE,
        reverse_private_endpoint_id: `\${clickhouse_clickpipes_reverse_private_endpoint.${rpeName}.id}`,
        mapping: [{ private_dns_name: "orders.db.internal" }],
      }),
    ]);
    const pipe = Object.values(j.resource!.clickhouse_clickpipe!)[0] as any;
    expect(pipe.source.postgres.host).toBe("orders.db.internal");
    expect(pipe.source.postgres.type).toBe("alloydb");
  });

  it("validates the same-region rule, the URI and the DNS name, and one attachment per app", () => {
    const base = genericSource(gcp);
    expect(errors([{ ...base, clickpipe: psc() }])).toBe("");
    expect(errors([{ ...base, clickhouse: { cloud: CloudProvider.GCP, region: "europe-west4" }, clickpipe: psc() }])).toMatch(
      /clickpipe.privateServiceConnect.serviceAttachment = ".*us-central1.*" is not allowed: an attachment in the ClickHouse service's own GCP region \(clickhouse: gcp\/europe-west4\).*same GCP region.*\[clickpipe-private-service-connect\]/,
    );
    expect(errors([{ ...genericSource(), clickpipe: psc() }])).toMatch(/clickhouse: aws\/eu-central-1/);
    expect(errors([{ ...base, clickpipe: psc({ serviceAttachment: "orders-psc" }) }])).toMatch(/projects\/<project>\/regions\/<region>\/serviceAttachments\/<name>/);
    expect(errors([{ ...base, clickpipe: psc({ privateDnsName: "bad name" }) }])).toMatch(/privateDnsName = "bad name"/);
    expect(errors([{ ...base, clickpipe: psc({ privateDnsName: "*.orders.internal" }) }])).toBe("");
    expect(errors([{ ...base, clickpipe: psc({ attachment: "x" }) }])).toMatch(/privateServiceConnect.attachment .*no such field|attachment/);
    expect(
      errors([
        { ...base, clickpipe: psc() },
        { ...base, name: "billing-db", clickpipe: psc({ privateDnsName: "billing.db.internal" }) },
      ]),
    ).toMatch(/source "billing-db": clickpipe.privateServiceConnect.serviceAttachment = .*\(source "orders-db" already does\).*\[private-service-connect-once\]/);
  });
});
