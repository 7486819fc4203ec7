/**
 * The data-loss guard: which planned changes break a running ClickPipe. Each protected kind of
 * resource is one entry of `PROTECTED`; a change is blocked when it deletes or replaces such a
 * resource, unless its address is explicitly allowed.
 */
import { canonicalCidr } from "../model/cidr";
import { CLICKPIPES_IP_TABLE } from "../model/clickpipes-ips";
import { changeKind, ChangeKind, Plan, ResourceChange } from "./plan";

/** One kind of resource whose loss breaks a pipe. */
export interface ProtectedResource {
  readonly id: string;
  /** Whether this change touches a protected resource (before the change). */
  readonly matches: (change: ResourceChange) => boolean;
  /** Why losing it hurts, one line. */
  readonly why: string;
}

const CLICKPIPES_CIDRS = new Set(CLICKPIPES_IP_TABLE.flatMap((r) => r.ips.map((ip) => canonicalCidr(`${ip}/32`)!)));

/** Whether a rule's address (any spelling, IPv4 or IPv4-mapped IPv6) is one of the ClickPipes IPs: compared as networks. */
function isClickPipesAddress(value: unknown): boolean {
  const c = canonicalCidr(value);
  return c !== undefined && CLICKPIPES_CIDRS.has(c);
}

const beforeValue = (c: ResourceChange, key: string): unknown => c.before?.[key];

export const PROTECTED: readonly ProtectedResource[] = [
  {
    id: "publication",
    matches: (c) => c.type === "postgresql_publication",
    why: "dropping the publication breaks the pipe; recreating it changes its OID and forces a full resync of every table",
  },
  {
    id: "clickpipes-role",
    matches: (c) => c.type === "postgresql_role",
    why: "dropping the ClickPipes role breaks the pipe (and runs REASSIGN OWNED / DROP OWNED)",
  },
  {
    id: "rds-replication",
    matches: (c) => c.type === "postgresql_grant_role" && beforeValue(c, "grant_role") === "rds_replication",
    why: "revoking rds_replication stops the ClickPipes user from reading the replication slot",
  },
  {
    id: "parameter-group",
    matches: (c) => c.type === "aws_rds_cluster_parameter_group" || c.type === "aws_db_parameter_group",
    why: "removing the parameter group of a source turns logical replication off at the next reboot",
  },
  {
    id: "clickpipes-ingress",
    matches: (c) =>
      c.type === "aws_vpc_security_group_ingress_rule" &&
      (isClickPipesAddress(beforeValue(c, "cidr_ipv4")) || isClickPipesAddress(beforeValue(c, "cidr_ipv6"))),
    why: "removing a ClickPipes ingress rule cuts the pipe off from the database",
  },
];

export interface GuardFinding {
  readonly address: string;
  readonly kind: ChangeKind.DELETE | ChangeKind.REPLACE;
  readonly protectedBy: string;
  readonly why: string;
  /** True when `--allow` names the address: reported, not blocking. */
  readonly allowed: boolean;
}

export interface GuardResult {
  readonly findings: readonly GuardFinding[];
  /** Findings that block (not allowed). */
  readonly blocking: readonly GuardFinding[];
}

/** Check one plan. `allow` holds addresses whose deletion or replacement is deliberate. */
export function guardPlan(plan: Plan, allow: readonly string[] = []): GuardResult {
  const allowed = new Set(allow);
  const findings: GuardFinding[] = [];
  for (const change of plan.resourceChanges) {
    if (change.mode !== "managed") continue;
    const kind = changeKind(change.actions);
    if (kind !== ChangeKind.DELETE && kind !== ChangeKind.REPLACE) continue;
    const rule = PROTECTED.find((p) => p.matches(change));
    if (!rule) continue;
    findings.push({ address: change.address, kind, protectedBy: rule.id, why: rule.why, allowed: allowed.has(change.address) });
  }
  return { findings, blocking: findings.filter((f) => !f.allowed) };
}
