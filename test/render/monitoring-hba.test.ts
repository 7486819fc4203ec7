/**
 * The monitoring role's pg_hba.conf lines and verify's choice of role (issue 25 item 3), without a
 * server: the CIDR rules of `network.allowedCidrs` apply to `monitoring.allowedCidrs`, names are
 * quoted by pg_hba's rules, and `verify --stack` picks the ClickPipes role of a two-role stack by
 * what it is (generic and Aurora/RDS) — the real-server proof is test/integration/monitoring-usable.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveSource } from "../../src/model/defaults";
import { renderServerSetup } from "../../src/render/server-setup";
import { readStack } from "../../src/verify/stack";
import { VerifyError } from "../../src/verify/types";
import { synthDb, auroraSource } from "../support/aws-helpers";
import { genericSource, synthApp, synthGeneric } from "../support/helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-monitoring-hba-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function errors(over: Parameters<typeof genericSource>[0]): string[] {
  try {
    synthApp({ sources: [genericSource(over)] }, path.join(tmp, "never"));
  } catch (e) {
    return (e as Error).message.split("\n");
  }
  return [];
}

describe("monitoring.allowedCidrs", () => {
  it("renders one line per network, names quoted by pg_hba's rules", () => {
    const hba = renderServerSetup(resolveSource(genericSource({ monitoring: { name: "Mon Role", allowedCidrs: ["10.0.5.0/24", "2001:db8::/64"] } }) as never))["pg_hba.conf"];
    expect(hba).toContain('host orders "Mon Role" 10.0.5.0/24 scram-sha-256\n');
    expect(hba).toContain('host orders "Mon Role" 2001:db8::/64 scram-sha-256\n');
  });

  it("the CIDR rules of network.allowedCidrs: host bits, duplicates, the whole internet (never), empty", () => {
    expect(errors({ monitoring: { allowedCidrs: ["10.0.5.1/24"] } })).toEqual([
      'error: source "orders-db": monitoring.allowedCidrs[0] = "10.0.5.1/24" is not allowed: a network without host bits: use 10.0.5.0/24 (this one has host bits set after /24) [cidr]',
    ]);
    expect(errors({ monitoring: { allowedCidrs: ["10.0.5.0/24", "10.0.5.000/24"] } })[0]).toContain("monitoring.allowedCidrs[1]");
    expect(errors({ monitoring: { allowedCidrs: ["0.0.0.0/0"] } })).toEqual([
      'error: source "orders-db": monitoring.allowedCidrs[0] = "0.0.0.0/0" is not allowed: specific CIDRs; never the whole internet for the monitoring role [open-to-world]',
    ]);
    expect(errors({ network: { allowedCidrs: ["10.0.0.0/8"], allowAnyAddress: true }, monitoring: { allowedCidrs: ["0.0.0.0/1", "128.0.0.0/1"] } })[0]).toContain("monitoring.allowedCidrs = ");
    expect(errors({ monitoring: { allowedCidrs: [] } })[0]).toContain("monitoring.allowedCidrs = [] is not allowed: a non-empty list of CIDRs");
  });
});

describe("verify --stack with a monitoring role", () => {
  function stackFile(json: string, name: string): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "cdk.tf.json"), json);
    return dir;
  }

  it("generic: the role with REPLICATION, not the pg_monitor member", () => {
    const dir = stackFile(synthGeneric({ monitoring: {} }), "generic");
    expect(readStack(dir).user).toBe("clickpipes_user");
  });

  it("Aurora/RDS: the rds_replication member, not the pg_monitor member", () => {
    const dir = stackFile(synthDb(auroraSource({ monitoring: { name: "watcher" } })), "aurora");
    expect(readStack(dir).user).toBe("clickpipes_user");
  });

  it("two roles that may both replicate: still one line saying so", () => {
    const json = JSON.parse(synthGeneric({ monitoring: {} }));
    for (const r of Object.values(json.resource.postgresql_role) as Record<string, unknown>[]) r.replication = true;
    json.resource.postgresql_grant_role = {};
    const dir = stackFile(JSON.stringify(json), "ambiguous");
    expect(() => readStack(dir)).toThrow(VerifyError);
    expect(() => readStack(dir)).toThrow(/has 2 postgresql_role resources and 2 of them may replicate without being a pg_monitor member/);
  });
});
