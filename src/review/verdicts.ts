/**
 * The verdicts shared by `cdktf-clickpipes guard` (a Terraform plan) and `cdktf-clickpipes diff`
 * (two synth outputs): which changes break a running ClickPipe (BLOCK) and which a reviewer should
 * see (WARN). A resource is judged by the construct that declared it (see `declared.ts`): from its
 * address first, then its metadata path, then its type (a publication is protected whatever its
 * metadata says); resources no construct of ours declared get only the verdicts every resource gets
 * (provisioners, provider changes, meta-arguments). The metadata and the stack name in the JSON
 * are hints: a disagreement between a metadata path and the address is itself reported.
 *
 * Every rule is one row of `RULES` (the rule table of docs/tools/guard.md is checked against it).
 */
import { identify } from "./declared";
import { agree, count } from "../util/words";
import { groupBy } from "../util/group";
import type { Cidr } from "../model/cidr";
import { CidrUnion, ruleNetwork } from "./cidr-set";
import { factsFor } from "../model/provider-facts";

export type ChangeAction = "create" | "update" | "replace" | "delete";

/** A change of a Terraform meta-argument (or other non-attribute key) of a resource block. */
export interface MetaChange {
  /** `count`, `for_each`, `provider`, `depends_on`, `lifecycle`, `provisioner`, `connection`, ... */
  readonly key: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface ResourceChange {
  /** Stack name (the stack folder's name), when known. */
  readonly stack?: string;
  /** Terraform address, e.g. `postgresql_role.orders-db_User_Role_99178045`. */
  readonly address: string;
  /** Resource type. */
  readonly type: string;
  readonly action: ChangeAction;
  /** Attribute values before (plan: `before`; diff: the base config JSON). */
  readonly before?: Record<string, unknown>;
  /** Attribute values after (plan: `after`; diff: the head config JSON). */
  readonly after?: Record<string, unknown>;
  /** Construct path from the synth metadata (`//`.metadata.path, stack name first), when known: a hint. */
  readonly constructPath?: string;
  /** The other side's construct path (diff: base's, when head's differs): a hint too. */
  readonly baseConstructPath?: string;
  /** Meta-argument changes (diff only: a plan carries none). */
  readonly meta?: readonly MetaChange[];
  /** Why the action, when not from the attributes (e.g. `count = 0`). */
  readonly reason?: string;
}

export type VerdictLevel = "BLOCK" | "WARN";

export interface Verdict {
  readonly level: VerdictLevel;
  /** Rule id (a row of `RULES`). */
  readonly rule: string;
  /** The stack of the address, when known. */
  readonly stack?: string;
  readonly address: string;
  /** One line: what happens and why it matters. */
  readonly message: string;
  /** Tables concerned (`schema.table`), for the table rules. */
  readonly tables?: readonly string[];
  /** True when `--allow` names the address: reported, not blocking. */
  readonly allowed?: boolean;
}

export interface JudgeOptions {
  /**
   * BLOCK verdicts that are deliberate (reported with `allowed: true`): `address` (in every stack)
   * or `stack:address` (in that stack only).
   */
  readonly allow?: readonly string[];
  /**
   * Resources the change leaves as they are (plan: `no-op` entries). Only used to see that a
   * deleted ingress rule's addresses stay open through another rule.
   */
  readonly unchanged?: readonly ResourceChange[];
}

/** One rule of the guard and the diff. */
export interface Rule {
  readonly id: string;
  readonly level: VerdictLevel;
  /** The change, in words (docs/tools/guard.md "what"). */
  readonly what: string;
  /** What it does to a running pipe (docs/tools/guard.md "why"). */
  readonly why: string;
}

const rule = (id: string, level: VerdictLevel, what: string, why: string): Rule => ({ id, level, what, why });

/** Every rule, in the order of the docs/tools/guard.md table. */
export const RULES: readonly Rule[] = [
  rule("clickpipe-replaced", "BLOCK", "`clickhouse_clickpipe` replaced (a pipe setting the provider can only apply by recreating the pipe)", "a new pipe runs a full initial load of every table on a new replication slot; the old slot is left behind and retains WAL"),
  rule("clickpipe-deleted", "BLOCK", "`clickhouse_clickpipe` deleted", "replication stops; the slot is left behind and retains WAL"),
  rule("reverse-private-endpoint", "BLOCK", "reverse private endpoint deleted or replaced", "the pipe loses its PrivateLink path (a new endpoint has new DNS names)"),
  rule("privatelink", "BLOCK", "VPC Lattice resource gateway or resource configuration, RAM share or its resource/principal association deleted or replaced", "the pipe loses its PrivateLink path to the database"),
  rule("ingress-rule", "BLOCK", "ingress rule deleted, replaced or updated in place (ClickPipes IPs, custom `network.allowedCidrs`, IPv6) while no rule after the change covers its addresses, TCP and its ports", "the database stops accepting the pipe's connections"),
  rule("security-group", "BLOCK", "the dedicated security group (`network.vpcId`) deleted or replaced", "the database loses every ClickPipes ingress rule"),
  rule("parameter-group", "BLOCK", "the source's parameter group deleted or replaced", "logical replication is off after the next reboot (`rds.logical_replication` back to 0)"),
  rule("logical-replication-off", "BLOCK", "`rds.logical_replication` no longer 1 in the parameter group", "logical replication is off after the next reboot; the pipe's slot stops working"),
  rule("iam-auth-off", "BLOCK", "`rds.iam_auth_for_replication` no longer 1 in the parameter group (IAM auth)", "a pipe that logs in with IAM can no longer open its replication connection"),
  rule("iam-role", "BLOCK", "the IAM role ClickPipes assumes (IAM auth) or its `rds-db:connect` policy deleted or replaced", "a pipe that logs in with IAM can no longer assume the role or connect as its user"),
  rule("publication", "BLOCK", "publication deleted or replaced (also: `count`/`for_each` dropping it; any `postgresql_publication`, whatever its metadata)", "the pipe reads the publication; a new one (new OID) forces a resync of every table"),
  rule("publication-renamed", "BLOCK", "publication `name` changed (the provider runs ALTER PUBLICATION ... RENAME TO in place)", "the pipe reads the publication by its name: it stops at the next reconnect"),
  rule("publication-publish", "BLOCK", "publication `publish_param` no longer publishes insert, update or delete", "those changes are no longer sent: ClickHouse silently diverges from the source"),
  rule("publication-partition-root", "BLOCK", "publication `publish_via_partition_root_param` changed", "changes of partitioned tables arrive under other table names (root vs partitions) than the pipe maps"),
  rule("clickpipes-role", "BLOCK", "ClickPipes role deleted or replaced", "the pipe can no longer log in (and the provider runs REASSIGN OWNED / DROP OWNED)"),
  rule("clickpipes-role-renamed", "BLOCK", "ClickPipes role `name` changed (the provider runs ALTER ROLE ... RENAME TO in place)", "the pipe logs in with the old name and can no longer log in"),
  rule("role-login", "BLOCK", "ClickPipes role loses `login`, or gets `connection_limit` 0", "the pipe can no longer log in"),
  rule("role-replication", "BLOCK", "ClickPipes role loses `replication`", "the pipe can no longer read its replication slot"),
  rule("rds-replication", "BLOCK", "`rds_replication` grant of the ClickPipes role deleted or replaced", "the pipe can no longer read its replication slot (RDS/Aurora)"),
  rule("rds-iam", "BLOCK", "`rds_iam` grant of the ClickPipes role deleted or replaced", "a pipe that logs in with IAM can no longer log in"),
  rule("azure-server", "BLOCK", "Azure Flexible Server firewall rule or server parameter (`wal_level`, ...) deleted or replaced", "the server stops accepting the pipe's connections, or is back to its default (`wal_level = replica`) after the restart"),
  rule("publication-tables-removed", "WARN", "tables leave the publication", "their replication stops; their rows stay in ClickHouse"),
  rule("publication-tables-added", "WARN", "tables join the publication", "an initial load of each runs"),
  rule("pipe-tables-removed", "WARN", "tables leave the pipe's table mappings", "their replication stops"),
  rule("pipe-tables-added", "WARN", "tables join the pipe's table mappings", "an initial load of each runs"),
  rule("grants-removed", "WARN", "grants of the ClickPipes role deleted, or SELECT/USAGE revoked in place (a schema or its tables no longer granted)", "the pipe can no longer read those tables; keep them out of the publication too"),
  rule("provisioner", "BLOCK", "a `provisioner` or `connection` block added or changed on any resource", "it runs commands on the machine that applies the plan, with its credentials"),
  rule("module", "BLOCK", "a `module` block (or call) added or changed", "code from outside the stack runs with the stack's providers; nothing here reviews it"),
  rule("provider-source", "BLOCK", "`terraform.required_providers` source added or changed (or an unexpected provider source in a plan)", "another provider binary acts on the database, the cloud account and ClickHouse with the stack's credentials"),
  rule("provider-alias", "BLOCK", "a resource's `provider` meta-argument, or a provider block's `alias`, added or changed", "the resource is managed through another provider configuration (another host or account)"),
  rule("identity-mismatch", "WARN", "a resource's metadata path disagrees with its address (cdktf derives one from the other)", "hand-edited synth output: the address is judged, the metadata ignored"),
  rule("meta-argument", "WARN", "`count`, `for_each` or `lifecycle` (`prevent_destroy` removed, `ignore_changes`, `create_before_destroy`, ...) changed (`depends_on` is listed as a change, no verdict)", "Terraform acts differently on the resource than its attributes say"),
  rule("role-password-changed", "WARN", "ClickPipes role's password changed (`password_wo_version` or `password`)", "the pipe fails to log in until its stored password is updated"),
  rule("replication-capacity", "WARN", "`max_replication_slots` or `max_wal_senders` lowered in the parameter group", "after the next reboot the pipe's slot or sender may no longer fit"),
  rule("server-restart", "WARN", "a resource whose apply restarts the database server changed (any `azurerm_postgresql_flexible_server_configuration`: azurerm restarts the server after a static parameter unless `features.postgresql_flexible_server.restart_server_on_configuration_value_change` is false)", "the pipe's connection drops during the restart; apply in a maintenance window"),
  rule("cdc-infrastructure-removed", "WARN", "CDC infrastructure sizing deleted or replaced", "the provider only forgets it: the service keeps its sizing, no longer managed here"),
];

const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

/**
 * Rules judged from something other than a resource's attribute change: the plan's `configuration`
 * (provisioners, module calls, provider sources and aliases) or, in `diff`, a resource block's
 * meta-arguments and metadata. Their tests are hostile edits of real synth output, not rule fixtures.
 */
export const CONFIG_RULE_IDS: ReadonlySet<string> = new Set(["provisioner", "module", "provider-source", "provider-alias", "identity-mismatch", "meta-argument"]);

/** The rule of an id (throws for an unknown id: a programming error). */
export function ruleById(id: string): Rule {
  const r = RULE_BY_ID.get(id);
  if (!r) throw new Error(`unknown guard rule ${id}`);
  return r;
}

/** Which construct keys are judged by which delete/replace rule. */
const LOSS_RULE: Readonly<Record<string, string>> = {
  "clickpipe.reversePrivateEndpoint": "reverse-private-endpoint",
  "privateLink.resourceGateway": "privatelink",
  "privateLink.resourceConfiguration": "privatelink",
  "privateLink.resourceShare": "privatelink",
  "privateLink.resourceAssociation": "privatelink",
  "privateLink.principalAssociation": "privatelink",
  "ipAllowList.securityGroup": "security-group",
  parameterGroup: "parameter-group",
  "publication.publication": "publication",
  "user.role": "clickpipes-role",
  "user.rdsReplication": "rds-replication",
  "user.rdsIam": "rds-iam",
  "clickpipe.cdcInfrastructure": "cdc-infrastructure-removed",
  "iamRole.role": "iam-role",
  "iamRole.connectPolicy": "iam-role",
  "azure.serverParameter": "azure-server",
  "azure.firewallRule": "azure-server",
  "azure.firewallRuleCidr": "azure-server",
};

/** What a declared construct is, for messages. */
const LABEL: Readonly<Record<string, string>> = {
  "clickpipe.reversePrivateEndpoint": "reverse private endpoint",
  "privateLink.resourceGateway": "VPC Lattice resource gateway",
  "privateLink.resourceConfiguration": "VPC Lattice resource configuration",
  "privateLink.resourceShare": "RAM resource share",
  "privateLink.resourceAssociation": "RAM resource association",
  "privateLink.principalAssociation": "RAM principal association",
  "ipAllowList.securityGroup": "security group",
  parameterGroup: "parameter group",
  "publication.publication": "publication",
  "user.role": "ClickPipes role",
  "user.rdsReplication": "rds_replication grant",
  "user.rdsIam": "rds_iam grant",
  "clickpipe.cdcInfrastructure": "CDC infrastructure",
  "iamRole.role": "ClickPipes IAM role",
  "iamRole.connectPolicy": "rds-db:connect policy",
  "azure.serverParameter": "Azure server parameter",
  "azure.firewallRule": "Azure firewall rule",
  "azure.firewallRuleCidr": "Azure firewall rule",
};

const GRANT_KEYS = new Set(["grants.schemaUsage", "grants.schemaSelectAllTables", "grants.schemaDefaultSelect", "grants.tablesUsage", "grants.tablesSelect"]);
const INGRESS_KEYS = new Set(["ipAllowList.ingress", "ipAllowList.ingressCidr"]);

/** Every construct-ID entry key some rule judges (each pipe-critical resource entry must be one). */
export const JUDGED_KEYS: ReadonlySet<string> = new Set([...Object.keys(LOSS_RULE), ...GRANT_KEYS, ...INGRESS_KEYS, "clickpipe.pipe"]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Attribute `name` of a resource body; nested single blocks may come as a one-element list (synth JSON). */
function attr(obj: Record<string, unknown> | undefined, ...path: string[]): unknown {
  let v: unknown = obj;
  for (const p of path) {
    if (Array.isArray(v) && v.length === 1) v = v[0];
    if (!isRecord(v)) return undefined;
    v = v[p];
  }
  return v;
}

/** Publication tables as `schema.table` (undefined when unknown, e.g. a Terraform expression). */
function publicationTables(body: Record<string, unknown> | undefined): string[] | undefined {
  const t = attr(body, "tables");
  if (!Array.isArray(t) || !t.every((x) => typeof x === "string")) return undefined;
  return t.map((x) => (x.includes(".") ? x : `public.${x}`));
}

/** Pipe table mappings as `schema.table` (source side). */
function pipeTables(body: Record<string, unknown> | undefined): string[] | undefined {
  const t = attr(body, "source", "postgres", "table_mappings");
  if (!Array.isArray(t)) return undefined;
  const out: string[] = [];
  for (const m of t) {
    if (!isRecord(m) || typeof m.source_schema_name !== "string" || typeof m.source_table !== "string") return undefined;
    out.push(`${m.source_schema_name}.${m.source_table}`);
  }
  return out;
}

/** Parameters of a parameter group body: name -> value. */
function parameters(body: Record<string, unknown> | undefined): Map<string, string> | undefined {
  const p = attr(body, "parameter");
  if (!Array.isArray(p)) return undefined;
  const out = new Map<string, string>();
  for (const x of p) if (isRecord(x) && typeof x.name === "string") out.set(x.name, String(x.value));
  return out;
}

const setMinus = (a: readonly string[], b: readonly string[]) => {
  const bs = new Set(b);
  return [...new Set(a.filter((x) => !bs.has(x)))].sort();
};

/** Attribute paths whose values differ (nested objects walked; only names, never values). */
export function changedAttributes(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string, depth: number) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (Array.isArray(a) && a.length === 1 && Array.isArray(b) && b.length === 1) return walk(a[0], b[0], path, depth);
    if (depth < 6 && isRecord(a) && isRecord(b)) {
      for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) walk(a[k], b[k], path ? `${path}.${k}` : k, depth + 1);
      return;
    }
    // Missing after: in a plan, a value unknown until apply (ids, computed state), not a setting.
    if (b === undefined) return;
    out.push(path);
  };
  walk(before ?? {}, after ?? {}, "", 0);
  return out;
}

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

const list = (xs: readonly string[]) => xs.join(", ");

/** Publish operations a pipe needs (ClickPipes replicates inserts, updates and deletes). */
const NEEDED_PUBLISH = ["insert", "update", "delete"];

/** The operations a publication publishes (PostgreSQL's default: all four when unset). */
function publishOps(body: Record<string, unknown> | undefined): string[] | undefined {
  const p = attr(body, "publish_param");
  if (p === undefined || p === null) return ["insert", "update", "delete", "truncate"];
  if (!Array.isArray(p) || !p.every((x) => typeof x === "string")) return undefined;
  return p.map((x) => x.trim().toLowerCase());
}

const truthy = (v: unknown) => v === true || v === "true";
const numberOf = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : undefined);
const show = (v: unknown) => (v === undefined ? "(unset)" : JSON.stringify(v));

/** A set of allowances: `address` for every stack, `stack:address` for one. */
export function allowanceOf(allow: readonly string[] | undefined): (stack: string | undefined, address: string) => boolean {
  const set = new Set(allow ?? []);
  return (stack, address) => set.has(address) || (stack !== undefined && set.has(`${stack}:${address}`));
}

/**
 * Allowances that allowed nothing: entries of `allow` that match no allowed BLOCK verdict (a stale
 * `--allow`, or one naming a change that does not block). Reported so a forgotten allowance is
 * visible; in the order given, each once.
 */
export function staleAllowances(allow: readonly string[] | undefined, verdicts: readonly Verdict[]): string[] {
  const used = new Set<string>();
  for (const v of verdicts) {
    if (v.level !== "BLOCK" || !v.allowed) continue;
    used.add(v.address);
    if (v.stack !== undefined) used.add(`${v.stack}:${v.address}`);
  }
  return [...new Set(allow ?? [])].filter((a) => !used.has(a));
}

/**
 * One line for an allowance that allowed nothing: the same words in diff and guard. `show` renders
 * the allowance for the medium (a Markdown code span; the text caller escapes the whole line).
 */
export function staleLine(allowance: string, show: (s: string) => string = (s) => s): string {
  return `stale allowance: ${show(allowance)} allows nothing (no blocking change there); remove it`;
}

/** Meta-argument keys whose change is reported by `meta-argument` (the rest have their own rule). */
const PROVISIONER_KEYS = new Set(["provisioner", "connection"]);

/**
 * Judge a set of changes. BLOCK verdicts named by `allow` (`address` or `stack:address`) are kept
 * with `allowed: true`. Verdicts come in the order of the changes; a caller sorts as it likes.
 */
export function judge(changes: readonly ResourceChange[], opts: JudgeOptions = {}): Verdict[] {
  const allowed = allowanceOf(opts.allow);
  // Ingress rules present after the change: created, updated, replaced (their after) and unchanged.
  const remaining: Ingress[] = [];
  for (const c of [...changes, ...(opts.unchanged ?? [])]) {
    if (c.action === "delete" || c.type !== "aws_vpc_security_group_ingress_rule") continue;
    const i = ingressOf(c.after ?? c.before, c.stack);
    if (i) remaining.push(i);
  }
  const stillOpen = ingressCoverage(remaining);

  const out: Verdict[] = [];
  for (const c of changes) {
    const push = (id: string, message: string, tables?: readonly string[]) => {
      const r = ruleById(id);
      const v: Verdict = { level: r.level, rule: id, ...(c.stack !== undefined ? { stack: c.stack } : {}), address: c.address, message, ...(tables ? { tables } : {}) };
      out.push(r.level === "BLOCK" && allowed(c.stack, c.address) ? { ...v, allowed: true } : v);
    };
    // Every resource, ours or not: what runs commands or moves it to another provider configuration.
    for (const m of c.meta ?? []) {
      if (PROVISIONER_KEYS.has(m.key)) push("provisioner", `${m.key} ${m.before === undefined ? "added" : m.after === undefined ? "removed" : "changed"}: ${ruleById("provisioner").why}`);
      else if (m.key === "provider") push("provider-alias", `provider ${show(m.before)} -> ${show(m.after)}: ${ruleById("provider-alias").why}`);
    }
    // `depends_on` only orders operations (the grants' chain moves whenever a schema is added): listed as a change, no verdict.
    const metaOther = (c.meta ?? []).filter((m) => !PROVISIONER_KEYS.has(m.key) && m.key !== "provider" && m.key !== "depends_on");
    if (metaOther.length > 0) {
      const said = metaOther.map((m) =>
        m.key === "lifecycle" && truthy(attr(m.before as Record<string, unknown>, "prevent_destroy")) && !truthy(attr(m.after as Record<string, unknown>, "prevent_destroy"))
          ? "lifecycle (prevent_destroy removed)"
          : `${m.key} ${show(m.before)} -> ${show(m.after)}`,
      );
      push("meta-argument", `${list(said)}: ${ruleById("meta-argument").why}`);
    }

    // By what the resource is, ours or not: a change the provider applies by restarting the server.
    const restart = factsFor(c.type)?.restartsServer;
    if (restart) {
      const name = attr(c.after ?? c.before, "name");
      push("server-restart", `${typeof name === "string" ? `${name} ` : ""}${c.action === "delete" ? "reset to its default" : c.action === "create" ? "set" : "changed"}: the provider restarts the server when ${restart.when} (${restart.feature}, default ${restart.providerDefault}); ${ruleById("server-restart").why}`);
    }
    const { construct: d, mismatch } = identify(c.type, c.address, [c.constructPath, c.baseConstructPath]);
    if (mismatch) push("identity-mismatch", `${mismatch}: ${ruleById("identity-mismatch").why}`);
    if (!d) continue;
    const lost = c.action === "delete" || c.action === "replace";
    const verb = `${c.action === "delete" ? "deleted" : "replaced"}${c.reason ? ` (${c.reason})` : ""}`;

    if (d.key === "clickpipe.pipe") {
      if (c.action === "replace") {
        const attrs = changedAttributes(c.before, c.after);
        const by = attrs.length ? ` (${list(attrs)} changed)` : "";
        push("clickpipe-replaced", `pipe replaced${by}: ${ruleById("clickpipe-replaced").why}`);
      } else if (c.action === "delete") {
        push("clickpipe-deleted", `pipe ${verb}: ${ruleById("clickpipe-deleted").why}`);
      }
      if (c.action === "update" || c.action === "replace") tableWarnings(c, pipeTables, "pipe-tables", "the pipe's table mappings", push);
      continue;
    }
    if (d.key === "publication.publication" && (c.action === "update" || c.action === "replace")) {
      tableWarnings(c, publicationTables, "publication-tables", "the publication", push);
    }
    if (d.key === "publication.publication" && c.action === "update") {
      const [was, now] = [attr(c.before, "name"), attr(c.after, "name")];
      if (was !== undefined && now !== undefined && was !== now) push("publication-renamed", `publication renamed ${show(was)} -> ${show(now)}: ${ruleById("publication-renamed").why}`);
      const [opsBefore, opsAfter] = [publishOps(c.before), publishOps(c.after)];
      const dropped = NEEDED_PUBLISH.filter((op) => (opsBefore ?? NEEDED_PUBLISH).includes(op) && !(opsAfter ?? []).includes(op));
      if (dropped.length > 0) push("publication-publish", `publication no longer publishes ${list(dropped)}: ${ruleById("publication-publish").why}`);
      const [rootBefore, rootAfter] = [attr(c.before, "publish_via_partition_root_param"), attr(c.after, "publish_via_partition_root_param")];
      if (truthy(rootBefore) !== truthy(rootAfter)) {
        push("publication-partition-root", `publish_via_partition_root ${show(rootBefore)} -> ${show(rootAfter)}: ${ruleById("publication-partition-root").why}`);
      }
    }
    if (INGRESS_KEYS.has(d.key)) {
      if (c.action === "create") continue;
      const before = ingressOf(c.before, c.stack);
      // A replace or update keeps the rule when its own new version (or another rule) still covers the addresses.
      if (before && stillOpen(before)) continue;
      const what = before?.texts.length ? list(before.texts) : "its addresses";
      push("ingress-rule", `ingress rule ${c.action === "update" ? "updated in place" : verb}: ${what} no longer allowed over TCP on port(s) ${before?.from ?? "?"}-${before?.to ?? "?"}; ${ruleById("ingress-rule").why}`);
      continue;
    }
    if (GRANT_KEYS.has(d.key)) {
      const b = c.before ?? {};
      const on = [attr(b, "schema"), ...(Array.isArray(attr(b, "objects")) ? (attr(b, "objects") as unknown[]) : [])].filter((x) => typeof x === "string" && x !== "");
      const where = on.length ? ` (${list(on as string[])})` : "";
      if (c.action === "delete") push("grants-removed", `grant ${verb}${where}: ${ruleById("grants-removed").why}`);
      else if (c.action === "update") {
        const privs = (v: unknown) => (Array.isArray(v) ? v.map((x) => String(x).toUpperCase()) : []);
        const revoked = setMinus(privs(attr(c.before, "privileges")), privs(attr(c.after, "privileges"))).filter((p) => p === "SELECT" || p === "USAGE");
        if (revoked.length > 0) push("grants-removed", `${list(revoked)} revoked in place${where}: ${ruleById("grants-removed").why}`);
      }
      continue;
    }
    if (d.key === "user.role" && c.action === "update") {
      const [was, now] = [attr(c.before, "name"), attr(c.after, "name")];
      if (was !== undefined && now !== undefined && was !== now) push("clickpipes-role-renamed", `role renamed ${show(was)} -> ${show(now)}: ${ruleById("clickpipes-role-renamed").why}`);
      if (truthy(attr(c.before, "login")) && !truthy(attr(c.after, "login"))) push("role-login", `role loses LOGIN: ${ruleById("role-login").why}`);
      if (numberOf(attr(c.before, "connection_limit")) !== 0 && numberOf(attr(c.after, "connection_limit")) === 0) push("role-login", `role's connection_limit set to 0: ${ruleById("role-login").why}`);
      if (truthy(attr(c.before, "replication")) && !truthy(attr(c.after, "replication"))) {
        push("role-replication", `role loses REPLICATION: ${ruleById("role-replication").why}`);
      }
      const changedKey = ["password_wo_version", "password"].find((k) => attr(c.before, k) !== undefined && attr(c.after, k) !== undefined && JSON.stringify(attr(c.before, k)) !== JSON.stringify(attr(c.after, k)));
      if (changedKey) push("role-password-changed", `${changedKey} changed: ${ruleById("role-password-changed").why}`);
    }
    if (d.key === "parameterGroup" && c.action === "update") {
      const before = parameters(c.before);
      const after = parameters(c.after);
      for (const [name, id] of [
        ["rds.logical_replication", "logical-replication-off"],
        ["rds.iam_auth_for_replication", "iam-auth-off"],
      ] as const) {
        if (before?.get(name) === "1" && after !== undefined && after.get(name) !== "1") {
          const now = after.get(name);
          push(id, `${name} ${now === undefined ? "removed" : `set to ${now}`}: ${ruleById(id).why}`);
        }
      }
      for (const name of ["max_replication_slots", "max_wal_senders"]) {
        const [was, now] = [numberOf(before?.get(name)), numberOf(after?.get(name))];
        if (was !== undefined && (now === undefined ? after !== undefined : now < was)) push("replication-capacity", `${name} ${was} -> ${now ?? "default"}: ${ruleById("replication-capacity").why}`);
      }
    }
    const lossRule = LOSS_RULE[d.key];
    if (lossRule && lost) push(lossRule, `${LABEL[d.key]} ${verb}: ${ruleById(lossRule).why}`);
  }
  return out;
}

/**
 * Provider sources the stacks use (the cdktf provider packages pinned in package.json), and
 * Terraform's built-in provider. Any other source is judged by `provider-source`.
 */
const KNOWN_PROVIDER_SOURCES: ReadonlySet<string> = new Set(["cyrilgdn/postgresql", "hashicorp/aws", "hashicorp/azurerm", "clickhouse/clickhouse", "terraform.io/builtin/terraform"]);

/** Whether a provider source (`cyrilgdn/postgresql`, `registry.terraform.io/hashicorp/aws`, ...) is one the stacks use. */
export function knownProviderSource(source: unknown): boolean {
  return typeof source === "string" && KNOWN_PROVIDER_SOURCES.has(source.toLowerCase().replace(/^registry\.terraform\.io\//, ""));
}

/** A change of the stack's configuration outside its resources (module blocks, provider sources and aliases, provisioners). */
export interface ConfigChange {
  readonly stack?: string;
  /** What is changed, e.g. `module.x`, `terraform.required_providers.postgresql.source`, `provider.postgresql.alias`. */
  readonly address: string;
  readonly rule: "module" | "provider-source" | "provider-alias" | "provisioner";
  /** What changed, in words. */
  readonly what: string;
}

/** Judge configuration changes: each is a BLOCK of its rule unless allowed. */
export function judgeConfig(changes: readonly ConfigChange[], opts: Pick<JudgeOptions, "allow"> = {}): Verdict[] {
  const allowed = allowanceOf(opts.allow);
  return changes.map((c) => {
    const v: Verdict = { level: "BLOCK", rule: c.rule, ...(c.stack !== undefined ? { stack: c.stack } : {}), address: c.address, message: `${c.what}: ${ruleById(c.rule).why}` };
    return allowed(c.stack, c.address) ? { ...v, allowed: true } : v;
  });
}

function tableWarnings(
  c: ResourceChange,
  read: (b: Record<string, unknown> | undefined) => string[] | undefined,
  prefix: "publication-tables" | "pipe-tables",
  where: string,
  push: (id: string, message: string, tables?: readonly string[]) => void,
): void {
  const before = read(c.before);
  const after = read(c.after);
  if (!before || !after) return;
  const removed = setMinus(before, after);
  const added = setMinus(after, before);
  if (removed.length) push(`${prefix}-removed`, `${count(removed.length, "table")} ${agree(removed.length, "leaves", "leave")} ${where} (${list(removed)}): ${ruleById(`${prefix}-removed`).why}`, removed);
  if (added.length) push(`${prefix}-added`, `${count(added.length, "table")} ${agree(added.length, "joins", "join")} ${where} (${list(added)}): ${ruleById(`${prefix}-added`).why}`, added);
}
