import { describe, expect, it } from "vitest";
import { Cidr, cidrContains, coversWholeFamily, parseCidr } from "../../src/model/cidr";
import { SOURCE_RULES } from "../../src/model/rules";
import { formatFinding, runRules } from "../../src/model/validation";
import { PostgresSourceSpec } from "../../src/model/types";
import { genericSource } from "../support/helpers";

const cidr = (t: string): Cidr => {
  const p = parseCidr(t);
  if (!p.ok) throw new Error(`${t}: ${p.error.reason}`);
  return p.cidr;
};

describe("CIDR type", () => {
  it.each([
    ["203.0.113.7/32", "203.0.113.7/32"],
    ["010.000.000.001/32", "10.0.0.1/32"],
    ["192.168.001.000/024", "192.168.1.0/24"],
    ["0.0.0.0/00", "0.0.0.0/0"],
    ["::0/0", "::/0"],
    ["0::/0", "::/0"],
    ["0:0:0:0:0:0:0:0/0", "::/0"],
    ["2001:DB8:0:0:0:0:0:0/32", "2001:db8::/32"],
    ["2001:0db8:0000::/032", "2001:db8::/32"],
    ["2001:db8:0:0:1:0:0:1/128", "2001:db8::1:0:0:1/128"],
    ["2001:db8:0:1:0:0:0:0/64", "2001:db8:0:1::/64"],
    ["1:0:0:1:0:0:0:1/128", "1:0:0:1::1/128"],
    ["2001:db8:1:2:3:4:5:0/128", "2001:db8:1:2:3:4:5:0/128"],
    ["::1/128", "::1/128"],
    ["::ffff:203.0.113.7/128", "203.0.113.7/32"],
    ["::FFFF:CB00:7107/128", "203.0.113.7/32"],
    ["0:0:0:0:0:ffff:203.0.113.0/120", "203.0.113.0/24"],
    ["::ffff:0:0/96", "0.0.0.0/0"],
    ["::1.2.3.4/128", "::102:304/128"],
  ])("%s is %s", (input, canonical) => {
    expect(cidr(input).text).toBe(canonical);
  });

  it.each([
    ["10.0.0.1/24", "has host bits set after /24", "10.0.0.0/24"],
    ["10.0.0.0/0", "has host bits set after /0", "0.0.0.0/0"],
    ["2001:db8::1/64", "has host bits set after /64", "2001:db8::/64"],
    ["::ffff:10.0.0.1/120", "has host bits set after /120", "10.0.0.0/24"],
  ])("%s %s; suggests %s", (input, reason, suggestion) => {
    expect(parseCidr(input)).toEqual({ ok: false, error: { reason, suggestion, prefix: expect.any(Number) } });
  });

  it.each([
    ["10.0.0.300/32", "has no valid IPv4 address"],
    ["10.0.0/24", "has no valid IPv4 address"],
    ["10.0.0.1", "is not of the form address/prefix"],
    ["10.0.0.1/33", "has a prefix longer than /32"],
    ["::/129", "has a prefix longer than /128"],
    ["fe80::1%eth0/64", "has no valid IPv6 address"],
    ["1:2:3:4:5:6:7:8:9/128", "has no valid IPv6 address"],
    ["1::2::3/128", "has no valid IPv6 address"],
    ["12345::/16", "has no valid IPv6 address"],
    [" 10.0.0.1/32", "is not of the form address/prefix"],
    ["10.0.0.1/32\n", "is not of the form address/prefix"],
  ])("refuses %j: %s", (input, reason) => {
    expect(parseCidr(input)).toMatchObject({ ok: false, error: { reason } });
  });

  it("compares address sets", () => {
    expect(coversWholeFamily([cidr("0.0.0.0/1"), cidr("128.0.0.0/1")], 4)).toBe(true);
    expect(coversWholeFamily([cidr("0.0.0.0/2"), cidr("64.0.0.0/2"), cidr("128.0.0.0/1"), cidr("10.0.0.0/8")], 4)).toBe(true);
    expect(coversWholeFamily([cidr("0.0.0.0/1"), cidr("128.0.0.0/2")], 4)).toBe(false);
    expect(coversWholeFamily([cidr("0.0.0.0/1"), cidr("128.0.0.0/1")], 6)).toBe(false);
    expect(coversWholeFamily([cidr("::/1"), cidr("8000::/1")], 6)).toBe(true);
    expect(cidrContains(cidr("10.0.0.0/8"), cidr("10.1.2.0/24"))).toBe(true);
    expect(cidrContains(cidr("10.0.0.0/8"), cidr("11.0.0.0/24"))).toBe(false);
  });
});

function lines(network: Record<string, unknown>): string[] {
  return runRules({ ...genericSource(), network } as PostgresSourceSpec, SOURCE_RULES).map(formatFinding);
}

const WORLD = "specific CIDRs; the whole internet only with network.allowAnyAddress = true [open-to-world]";

describe("network rules (exact lines)", () => {
  it.each(["0.0.0.0/00", "::0/0", "0::/0", "10.0.0.0/0", "1.2.3.4/0", "::ffff:0:0/96", "::ffff:0.0.0.0/96", "0000:0000:0000:0000:0000:0000:0000:0000/0"])(
    "refuses %s without allowAnyAddress, once",
    (c) => {
      expect(lines({ allowedCidrs: ["203.0.113.7/32", c] })).toEqual([`error: source "orders-db": network.allowedCidrs[1] = ${JSON.stringify(c)} is not allowed: ${WORLD}`]);
    },
  );

  it("refuses a list whose union is the whole IPv4 or IPv6 space", () => {
    expect(lines({ allowedCidrs: ["0.0.0.0/1", "128.0.0.0/1"] })).toEqual([
      'error: source "orders-db": network.allowedCidrs = ["0.0.0.0/1","128.0.0.0/1"] is not allowed: networks that leave part of the address space out (together these cover every IPv4 address); the whole internet only with network.allowAnyAddress = true [open-to-world]',
      'warning: source "orders-db": network.allowedCidrs[0] = "0.0.0.0/1" is not allowed: without a warning: IPv4 networks of /16 or narrower, IPv6 of /48 or narrower (this one, 0.0.0.0/1, opens the database port to 2147483648 addresses) [wide-cidr]',
      'warning: source "orders-db": network.allowedCidrs[1] = "128.0.0.0/1" is not allowed: without a warning: IPv4 networks of /16 or narrower, IPv6 of /48 or narrower (this one, 128.0.0.0/1, opens the database port to 2147483648 addresses) [wide-cidr]',
    ]);
    expect(lines({ allowedCidrs: ["::/1", "8000::/1"] })[0]).toBe(
      'error: source "orders-db": network.allowedCidrs = ["::/1","8000::/1"] is not allowed: networks that leave part of the address space out (together these cover every IPv6 address); the whole internet only with network.allowAnyAddress = true [open-to-world]',
    );
    expect(lines({ allowedCidrs: ["0.0.0.0/1", "128.0.0.0/1"], allowAnyAddress: true }).filter((l) => l.startsWith("error"))).toEqual([]);
  });

  it("suggests the network when host bits are set", () => {
    expect(lines({ allowedCidrs: ["203.0.113.7/24"] })).toEqual([
      'error: source "orders-db": network.allowedCidrs[0] = "203.0.113.7/24" is not allowed: a network without host bits: use 203.0.113.0/24 (this one has host bits set after /24) [cidr]',
    ]);
  });

  it("finds one network listed twice in two spellings", () => {
    expect(lines({ allowedCidrs: ["10.0.0.1/32", "010.0.0.001/32"] })).toEqual([
      'error: source "orders-db": network.allowedCidrs[1] = "010.0.0.001/32" is not allowed: each network once (it is network.allowedCidrs[0], 10.0.0.1/32, again) [cidr]',
    ]);
    expect(lines({ allowedCidrs: ["2001:db8::/48", "2001:0DB8:0:0::/48"] })).toHaveLength(1);
  });

  it("warns for IPv6 wider than /48, not at /48", () => {
    expect(lines({ allowedCidrs: ["2001:db8::/32"] })).toEqual([
      'warning: source "orders-db": network.allowedCidrs[0] = "2001:db8::/32" is not allowed: without a warning: IPv4 networks of /16 or narrower, IPv6 of /48 or narrower (this one, 2001:db8::/32, opens the database port to 2^96 addresses) [wide-cidr]',
    ]);
    expect(lines({ allowedCidrs: ["2001:db8::/48", "10.1.0.0/16"] })).toEqual([]);
  });
});

describe("CIDRs at synth", () => {
  it("prints the wide-network warning and renders canonical networks in pg_hba lines", async () => {
    const { genericStack, parse } = await import("../support/helpers");
    const { warningsOf } = await import("../../src/tf/annotations");
    const { Testing } = await import("../../src/tf/tf");
    const stack = genericStack({ network: { allowedCidrs: ["010.0.0.0/8", "::ffff:203.0.113.7/128"] } });
    const warnings = warningsOf(stack).map((w) => w.message);
    const json = parse(Testing.synth(stack));
    expect(warnings).toEqual([
      'warning: source "orders-db": network.allowedCidrs[0] = "010.0.0.0/8" is not allowed: without a warning: IPv4 networks of /16 or narrower, IPv6 of /48 or narrower (this one, 10.0.0.0/8, opens the database port to 16777216 addresses) [wide-cidr]',
    ]);
    expect(json.output!.pg_hba_lines!.value).toEqual(["host orders clickpipes_user 10.0.0.0/8 scram-sha-256", "host orders clickpipes_user 203.0.113.7/32 scram-sha-256"]);
  });

  it("ClickPipesIpAllowList refuses a CIDR with host bits in one line", async () => {
    const { Testing, TerraformStack } = await import("../../src/tf/tf");
    const { ClickPipesIpAllowList } = await import("../../src/aws/ip-allow-list");
    const stack = new TerraformStack(Testing.app(), "s");
    expect(() => new ClickPipesIpAllowList(stack, "Allow", { cidrs: ["203.0.113.7/24"], port: 5432, securityGroupId: "sg-0123456789abcdef0" })).toThrow(
      /^error: source "s\/Allow": cidrs\[0\] = "203.0.113.7\/24" is not allowed: a network without host bits: use 203.0.113.0\/24 \(this one has host bits set after \/24\) \[cidr\]$/,
    );
  });
});
