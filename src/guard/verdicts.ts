/**
 * The verdicts shared by `guard` (plan JSON) and `diff` (two synth outputs): which changes break a
 * running ClickPipe (BLOCK) and which change what it replicates (WARN).
 *
 * PLACEHOLDER written by the `diff` branch against the contract of issue 11 (the brief's
 * "Contract between guard and diff"); the guard branch owns this module and its rules. On merge,
 * keep the guard branch's version.
 */

export type ChangeAction = "create" | "update" | "replace" | "delete";

export interface ResourceChange {
  /** Stack name when known. */
  readonly stack?: string;
  /** Terraform address, e.g. postgresql_role.orders-db_User_Role_1A2B3C4D. */
  readonly address: string;
  /** Resource type. */
  readonly type: string;
  readonly action: ChangeAction;
  /** Attribute values (plan: before; diff: base config JSON). */
  readonly before?: Record<string, unknown>;
  /** Attribute values (plan: after; diff: head config JSON). */
  readonly after?: Record<string, unknown>;
  /** Construct path from the synth metadata (`//`.metadata.path) when known. */
  readonly constructPath?: string;
}

export type VerdictLevel = "BLOCK" | "WARN";

export interface Verdict {
  readonly level: VerdictLevel;
  readonly rule: string;
  readonly address: string;
  readonly message: string;
  readonly tables?: readonly string[];
  readonly allowed?: boolean;
}

/** Resource types whose delete or replace breaks a running pipe, and why. */
const LOSS_BREAKS_PIPE: Readonly<Record<string, string>> = {
  postgresql_publication: "dropping the publication breaks the pipe; recreating it forces a full resync of every table",
  postgresql_role: "dropping the ClickPipes role breaks the pipe",
  postgresql_grant_role: "revoking the role membership (rds_replication) stops the pipe reading the replication slot",
  aws_rds_cluster_parameter_group: "without the parameter group logical replication is off after the next reboot",
  aws_db_parameter_group: "without the parameter group logical replication is off after the next reboot",
  aws_vpc_security_group_ingress_rule: "removing an ingress rule cuts the pipe off from the database",
  aws_security_group: "removing the security group cuts the pipe off from the database",
  aws_vpclattice_resource_gateway: "the pipe loses its private network path",
  aws_vpclattice_resource_configuration: "the pipe loses its private network path",
  aws_ram_resource_share: "the pipe loses its private network path",
  aws_ram_resource_association: "the pipe loses its private network path",
  aws_ram_principal_association: "the pipe loses its private network path",
  clickhouse_clickpipe: "a new pipe runs a full initial load of every table and leaves the old replication slot behind",
  clickhouse_clickpipes_reverse_private_endpoint: "the pipe loses its private network path",
  clickhouse_clickpipe_cdc_infrastructure: "the CDC infrastructure of the service's pipes is recreated",
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && !x.includes("${")) : []);
const truthy = (v: unknown) => v === true || v === "true";

function logicalReplication(v: Record<string, unknown> | undefined): string | undefined {
  const params = Array.isArray(v?.parameter) ? (v!.parameter as Record<string, unknown>[]) : [];
  const p = params.find((x) => x && x.name === "rds.logical_replication");
  return p === undefined ? undefined : String(p.value);
}

/** Judge a list of changes. `allow` holds addresses whose blocking change is deliberate. */
export function judge(
  changes: readonly ResourceChange[],
  opts: { readonly allow?: readonly string[]; readonly unchanged?: readonly ResourceChange[] } = {},
): Verdict[] {
  const allow = new Set(opts.allow ?? []);
  const out: Verdict[] = [];
  const block = (c: ResourceChange, rule: string, message: string) =>
    out.push({ level: "BLOCK", rule, address: c.address, message, allowed: allow.has(c.address) });
  for (const c of changes) {
    const why = LOSS_BREAKS_PIPE[c.type];
    if ((c.action === "delete" || c.action === "replace") && why) {
      block(c, `${c.action}-${c.type}`, `${c.action} of ${c.type}: ${why}`);
      continue;
    }
    if (c.action === "update" && c.type === "postgresql_role") {
      for (const attr of ["login", "replication"]) {
        if (truthy(c.before?.[attr]) && !truthy(c.after?.[attr])) block(c, `role-loses-${attr}`, `the ClickPipes role loses ${attr.toUpperCase()}: the pipe stops`);
      }
    }
    if (c.action === "update" && (c.type === "aws_rds_cluster_parameter_group" || c.type === "aws_db_parameter_group")) {
      if (logicalReplication(c.before) === "1" && logicalReplication(c.after) !== "1") {
        block(c, "logical-replication-off", "rds.logical_replication leaves 1: logical replication is off after the next reboot");
      }
    }
    if (c.type === "postgresql_publication" && (c.action === "update" || c.action === "create")) {
      const before = new Set(strings(c.before?.tables));
      const after = new Set(strings(c.after?.tables));
      const removed = [...before].filter((t) => !after.has(t)).sort();
      const added = [...after].filter((t) => !before.has(t)).sort();
      if (removed.length > 0) out.push({ level: "WARN", rule: "tables-leave-publication", address: c.address, message: `replication stops for ${removed.join(", ")}`, tables: removed });
      if (added.length > 0 && c.action === "update") out.push({ level: "WARN", rule: "tables-join-publication", address: c.address, message: `an initial load runs for ${added.join(", ")}`, tables: added });
    }
  }
  return out;
}
