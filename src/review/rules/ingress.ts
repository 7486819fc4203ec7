/**
 * The network path of the pipe: ingress rules (ClickPipes IPs, custom CIDRs, IPv6), the dedicated
 * security group, PrivateLink (VPC Lattice resource gateway and configuration, RAM share).
 */
import type { Cidr } from "../../model/cidr";
import { groupBy } from "../../util/group";
import { CidrUnion, ruleNetwork } from "../cidr-set";
import { attr } from "../pipe-json";
import { list, lossVerb, rule, RuleFamily } from "./rule";

interface Ingress {
  /** Stack and security group: coverage never crosses stacks (two stacks can name the same group expression). */
  readonly group: string | undefined;
  readonly from: number | undefined;
  readonly to: number | undefined;
  /** `ip_protocol` opens TCP (`tcp`, `6`, or `-1` for all: then every port). */
  readonly tcp: boolean;
  readonly allPorts: boolean;
  /** The rule's address text, as the plan spells it (for messages). */
  readonly texts: string[];
  /** The networks it opens (undefined: one we cannot name, so it covers nothing and is never covered). */
  readonly networks: (Cidr | undefined)[];
}

function ingressOf(body: Record<string, unknown> | undefined, stack: string | undefined): Ingress | undefined {
  if (!body) return undefined;
  const present = ([4, 6] as const)
    .map((family) => ({ family, text: attr(body, family === 4 ? "cidr_ipv4" : "cidr_ipv6") }))
    .filter((x): x is { family: 4 | 6; text: string } => typeof x.text === "string" && x.text !== "");
  const num = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined);
  const group = attr(body, "security_group_id");
  const protocol = String(attr(body, "ip_protocol") ?? "").toLowerCase();
  return {
    group: typeof group === "string" ? `${stack ?? ""}\u0000${group}` : undefined,
    from: num(attr(body, "from_port")),
    to: num(attr(body, "to_port")),
    tcp: protocol === "tcp" || protocol === "6" || protocol === "-1",
    allPorts: protocol === "-1",
    texts: present.map((x) => x.text),
    networks: present.map((x) => ruleNetwork(x.text, x.family)),
  };
}

/**
 * Whether every address a lost ingress rule opened (over TCP, on its ports) stays open through the
 * rules present after the change on the same security group of the same stack. Rules are grouped
 * once and unions built once per group and port range (a plan can touch tens of thousands of rules).
 */
function ingressCoverage(remaining: readonly Ingress[]): (lost: Ingress) => boolean {
  const byGroup = groupBy(
    remaining.filter((r) => r.group !== undefined && r.tcp),
    (r) => r.group!,
  );
  const unions = new Map<string, CidrUnion>();
  return (lost) => {
    if (lost.networks.length === 0 || lost.group === undefined || !lost.tcp) return false;
    const from = lost.allPorts ? 0 : lost.from;
    const to = lost.allPorts ? 65535 : lost.to;
    if (from === undefined || to === undefined) return false;
    const key = `${lost.group}\u0000${from}\u0000${to}`;
    let union = unions.get(key);
    if (!union) {
      const same = (byGroup.get(lost.group) ?? []).filter((r) => r.allPorts || (r.from !== undefined && r.to !== undefined && r.from <= from && r.to >= to));
      union = new CidrUnion(same.flatMap((r) => r.networks.filter((n): n is Cidr => n !== undefined)));
      unions.set(key, union);
    }
    return lost.networks.every((n) => n !== undefined && union!.covers(n));
  };
}

export const INGRESS_RULES: RuleFamily = {
  rules: [
    rule(
      "privatelink",
      "BLOCK",
      "VPC Lattice resource gateway or resource configuration, RAM share or its resource/principal association deleted or replaced",
      "the pipe loses its PrivateLink path to the database",
    ),
    rule(
      "ingress-rule",
      "BLOCK",
      "ingress rule deleted, replaced or updated in place (ClickPipes IPs, custom `network.allowedCidrs`, IPv6) while no rule after the change covers its addresses, TCP and its ports",
      "the database stops accepting the pipe's connections",
    ),
    rule("security-group", "BLOCK", "the dedicated security group (`network.vpcId`) deleted or replaced", "the database loses every ClickPipes ingress rule"),
  ],
  loss: {
    "privateLink.resourceGateway": { rule: "privatelink", label: "VPC Lattice resource gateway" },
    "privateLink.resourceConfiguration": { rule: "privatelink", label: "VPC Lattice resource configuration" },
    "privateLink.resourceShare": { rule: "privatelink", label: "RAM resource share" },
    "privateLink.resourceAssociation": { rule: "privatelink", label: "RAM resource association" },
    "privateLink.principalAssociation": { rule: "privatelink", label: "RAM principal association" },
    "ipAllowList.securityGroup": { rule: "security-group", label: "security group" },
  },
  keys: new Set(["ipAllowList.ingress", "ipAllowList.ingressCidr"]),
  check(c, _key, ctx) {
    if (c.action === "create") return true;
    // Ingress rules present after the change: created, updated, replaced (their after) and unchanged.
    const stillOpen = ctx.memo("ingress-coverage", () => {
      const remaining: Ingress[] = [];
      for (const x of [...ctx.all.changes, ...ctx.all.unchanged]) {
        if (x.action === "delete" || x.type !== "aws_vpc_security_group_ingress_rule") continue;
        const i = ingressOf(x.after ?? x.before, x.stack);
        if (i) remaining.push(i);
      }
      return ingressCoverage(remaining);
    });
    const before = ingressOf(c.before, c.stack);
    // A replace or update keeps the rule when its own new version (or another rule) still covers the addresses.
    if (before && stillOpen(before)) return true;
    const what = before?.texts.length ? list(before.texts) : "its addresses";
    ctx.push(
      "ingress-rule",
      `ingress rule ${c.action === "update" ? "updated in place" : lossVerb(c)}: ${what} no longer allowed over TCP on port(s) ${before?.from ?? "?"}-${before?.to ?? "?"}; ${ctx.why("ingress-rule")}`,
    );
    return true;
  },
};
