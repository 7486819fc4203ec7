/**
 * ClickPipes static IPs of aws/ap-east-2 (Taipei; ClickHouse/ClickHouse
 * docs/integrations/clickpipes/networking/static-ips.mdx @340ecd8f, read 2026-12-03): a service there
 * gets the six addresses in the -aws stack's ingress rules and in the rendered pg_hba.conf lines,
 * which a real PostgreSQL server parses; services created before 2026-08-04 use the us-east-2 IPs.
 */
import * as fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GenericSourceConfig } from "../../src/model/app-config";
import { resolveSource } from "../../src/model/defaults";
import { CloudProvider } from "../../src/model/types";
import { renderServerSetup } from "../../src/render/server-setup";
import { auroraSource, synthAws } from "../support/aws-helpers";
import { genericSource, resourcesOf } from "../support/helpers";
import { PgServer, startServer } from "../support/harness";

/** The page's six addresses, typed from the page (not read from our table). */
const TAIPEI = ["43.212.223.232", "43.213.191.245", "43.213.177.170", "43.213.254.52", "54.54.16.115", "43.212.222.227"];
const OHIO = ["3.131.130.196", "3.23.172.68", "3.20.208.150", "3.132.20.192", "18.119.76.110", "3.134.185.180"];
const TAIPEI_SERVICE = { cloud: CloudProvider.AWS, region: "ap-east-2" };

const cidrs = (ips: readonly string[]) => ips.map((ip) => `${ip}/32`).sort();

function hba(over: Partial<GenericSourceConfig>): string {
  return renderServerSetup(resolveSource(genericSource(over) as never))["pg_hba.conf"];
}

describe("ClickPipes IPs of aws/ap-east-2", () => {
  it("the -aws stack allows exactly the six Taipei addresses on the port", () => {
    const rules = Object.values(resourcesOf(synthAws(auroraSource({ awsRegion: "ap-east-2", clickhouse: TAIPEI_SERVICE })), "aws_vpc_security_group_ingress_rule"));
    expect(rules.map((r) => r.cidr_ipv4).sort()).toEqual(cidrs(TAIPEI));
    for (const r of rules) expect(r).toMatchObject({ ip_protocol: "tcp", from_port: 5432, to_port: 5432, description: "ClickPipes CDC (ap-east-2 static IP)" });
  });

  it("a service created before 2026-08-04 gets the us-east-2 addresses, and the file says why", () => {
    const old = hba({ clickhouse: { ...TAIPEI_SERVICE, serviceCreatedOn: "2026-08-03" } });
    expect(old).toContain("# ClickPipes IPs of us-east-2 (IP table 2026-12-03): services in aws/ap-east-2 that got ClickPipes before 2026-08-04 use the us-east-2 IPs.");
    for (const ip of OHIO) expect(old).toContain(`${ip}/32`);
    for (const ip of TAIPEI) expect(old).not.toContain(ip);
    const undated = hba({ clickhouse: TAIPEI_SERVICE });
    expect(undated).toContain("on or after 2026-08-04 (older services use the us-east-2 IPs: set clickhouse.serviceCreatedOn)");
  });

  describe("pg_hba.conf lines on a real server", () => {
    let server: PgServer;
    beforeAll(async () => {
      server = await startServer({ major: 18 });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("parse without error, one line per Taipei address for the ClickPipes user and database", async () => {
      const ours = hba({ clickhouse: TAIPEI_SERVICE });
      const [{ hba_file: file }] = await server.query<{ hba_file: string }>("SHOW hba_file");
      const original = fs.readFileSync(file, "utf8");
      fs.writeFileSync(file, original + "\n" + ours);
      const rows = await server
        .query<{ line_number: number; database: string[]; user_name: string[]; address: string | null; netmask: string | null; error: string | null }>(
          "SELECT line_number, database, user_name, address, netmask, error FROM pg_hba_file_rules ORDER BY line_number",
        )
        .finally(() => fs.writeFileSync(file, original));
      expect(rows.filter((r) => r.error !== null)).toEqual([]);
      const ourRows = rows.filter((r) => r.user_name?.[0] === "clickpipes_user");
      expect(ourRows.map((r) => `${r.address}/32`).sort()).toEqual(cidrs(TAIPEI));
      for (const r of ourRows) expect([r.database, r.netmask]).toEqual([[genericSource().database], "255.255.255.255"]);
    });
  });
});
