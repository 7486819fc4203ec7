/**
 * The verdicts shared by `cdktf-clickpipes guard` (a Terraform plan) and `cdktf-clickpipes diff`
 * (two synth outputs): which changes break a running ClickPipe (BLOCK) and which a reviewer should
 * see (WARN). A resource is judged by the construct that declared it (see `declared.ts`), never by
 * its type alone: resources these stacks did not declare get no verdict.
 *
 * Every rule is one row of `RULES` (the rule table of docs/tools/guard.md is checked against it).
 */
import { declaredConstruct, DeclaredConstruct } from "./declared";
import type { Cidr } from "../model/cidr";
import { CidrUnion, ruleNetwork } from "./cidr-set";

export type ChangeAction = "create" | "update" | "replace" | "delete";

export interface ResourceChange {
  /** Stack name, when known. */
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
  /** Construct path from the synth metadata (`//`.metadata.path, stack name first), when known. */
  readonly constructPath?: string;
}

export type VerdictLevel = "BLOCK" | "WARN";

export interface Verdict {
  readonly level: VerdictLevel;
  /** Rule id (a row of `RULES`). */
  readonly rule: string;
  readonly address: string;
  /** One line: what happens and why it matters. */
  readonly message: string;
  /** Tables concerned (`schema.table`), for the table rules. */
  readonly tables?: readonly string[];
  /** True when `--allow` names the address: reported, not blocking. */
  readonly allowed?: boolean;
}

export interface JudgeOptions {
  /** Addresses whose BLOCK verdicts are deliberate (reported with `allowed: true`). */
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
  rule("ingress-rule", "BLOCK", "ingress rule deleted or replaced (ClickPipes IPs, custom `network.allowedCidrs`, IPv6) while no remaining rule covers its addresses", "the database stops accepting the pipe's connections"),
  rule("security-group", "BLOCK", "the dedicated security group (`network.vpcId`) deleted or replaced", "the database loses every ClickPipes ingress rule"),
  rule("parameter-group", "BLOCK", "the source's parameter group deleted or replaced", "logical replication is off after the next reboot (`rds.logical_replication` back to 0)"),
  rule("logical-replication-off", "BLOCK", "`rds.logical_replication` no longer 1 in the parameter group", "logical replication is off after the next reboot; the pipe's slot stops working"),
  rule("iam-auth-off", "BLOCK", "`rds.iam_auth_for_replication` no longer 1 in the parameter group (IAM auth)", "a pipe that logs in with IAM can no longer open its replication connection"),
  rule("iam-role", "BLOCK", "the IAM role ClickPipes assumes (IAM auth) or its `rds-db:connect` policy deleted or replaced", "a pipe that logs in with IAM can no longer assume the role or connect as its user"),
  rule("publication", "BLOCK", "publication deleted or replaced", "the pipe reads the publication; a new one (new OID) forces a resync of every table"),
  rule("clickpipes-role", "BLOCK", "ClickPipes role deleted or replaced", "the pipe can no longer log in (and the provider runs REASSIGN OWNED / DROP OWNED)"),
  rule("role-login", "BLOCK", "ClickPipes role loses `login`", "the pipe can no longer log in"),
  rule("role-replication", "BLOCK", "ClickPipes role loses `replication`", "the pipe can no longer read its replication slot"),
  rule("rds-replication", "BLOCK", "`rds_replication` grant of the ClickPipes role deleted or replaced", "the pipe can no longer read its replication slot (RDS/Aurora)"),
  rule("rds-iam", "BLOCK", "`rds_iam` grant of the ClickPipes role deleted or replaced", "a pipe that logs in with IAM can no longer log in"),
  rule("publication-tables-removed", "WARN", "tables leave the publication", "their replication stops; their rows stay in ClickHouse"),
  rule("publication-tables-added", "WARN", "tables join the publication", "an initial load of each runs"),
  rule("pipe-tables-removed", "WARN", "tables leave the pipe's table mappings", "their replication stops"),
  rule("pipe-tables-added", "WARN", "tables join the pipe's table mappings", "an initial load of each runs"),
  rule("grants-removed", "WARN", "grants of the ClickPipes role deleted (a schema or its tables no longer granted)", "the pipe can no longer read those tables; keep them out of the publication too"),
  rule("cdc-infrastructure-removed", "WARN", "CDC infrastructure sizing deleted or replaced", "the provider only forgets it: the service keeps its sizing, no longer managed here"),
];

const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

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
  readonly group: string | undefined;
  readonly from: number | undefined;
  readonly to: number | undefined;
  /** The rule's address text, as the plan spells it (for messages). */
  readonly texts: string[];
  /** The networks it opens (undefined: one we cannot name, so it covers nothing and is never covered). */
  readonly networks: (Cidr | undefined)[];
}

function ingressOf(body: Record<string, unknown> | undefined): Ingress | undefined {
  if (!body) return undefined;
  const present = ([4, 6] as const)
    .map((family) => ({ family, text: attr(body, family === 4 ? "cidr_ipv4" : "cidr_ipv6") }))
    .filter((x): x is { family: 4 | 6; text: string } => typeof x.text === "string" && x.text !== "");
  const num = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined);
  const group = attr(body, "security_group_id");
  return {
    group: typeof group === "string" ? group : undefined,
    from: num(attr(body, "from_port")),
    to: num(attr(body, "to_port")),
    texts: present.map((x) => x.text),
    networks: present.map((x) => ruleNetwork(x.text, x.family)),
  };
}

/**
 * Whether every address a lost ingress rule opened stays open through the rules present after the
 * change on the same security group and covering its ports. Unions are built once per group and port
 * range (a plan can delete thousands of rules).
 */
function ingressCoverage(remaining: readonly Ingress[]): (lost: Ingress) => boolean {
  const byGroup = new Map<string, Ingress[]>();
  for (const r of remaining) if (r.group !== undefined) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
  const unions = new Map<string, CidrUnion>();
  return (lost) => {
    if (lost.networks.length === 0 || lost.group === undefined || lost.from === undefined || lost.to === undefined) return false;
    const key = `${lost.group} ${lost.from} ${lost.to}`;
    let union = unions.get(key);
    if (!union) {
      const same = (byGroup.get(lost.group) ?? []).filter((r) => r.from !== undefined && r.to !== undefined && r.from <= lost.from! && r.to >= lost.to!);
      union = new CidrUnion(same.flatMap((r) => r.networks.filter((n): n is Cidr => n !== undefined)));
      unions.set(key, union);
    }
    return lost.networks.every((n) => n !== undefined && union!.covers(n));
  };
}

const list = (xs: readonly string[]) => xs.join(", ");

/**
 * Judge a set of changes. BLOCK verdicts of addresses named in `allow` are kept with
 * `allowed: true`. Verdicts come in the order of the changes; a caller sorts as it likes.
 */
export function judge(changes: readonly ResourceChange[], opts: JudgeOptions = {}): Verdict[] {
  const allow = new Set(opts.allow ?? []);
  const declared = new Map<ResourceChange, DeclaredConstruct | undefined>();
  const ours = (c: ResourceChange) => {
    if (!declared.has(c)) declared.set(c, declaredConstruct(c.type, c.address, c.constructPath));
    return declared.get(c);
  };
  // Ingress rules present after the change: created, updated, replaced (their after) and unchanged.
  const stillOpen = ingressCoverage(
    [...changes.filter((c) => c.action !== "delete"), ...(opts.unchanged ?? [])]
      .filter((c) => c.type === "aws_vpc_security_group_ingress_rule")
      .map((c) => ingressOf(c.after ?? c.before))
      .filter((x): x is Ingress => x !== undefined),
  );

  const out: Verdict[] = [];
  for (const c of changes) {
    const d = ours(c);
    if (!d) continue;
    const push = (id: string, message: string, tables?: readonly string[]) => {
      const r = ruleById(id);
      const v: Verdict = { level: r.level, rule: id, address: c.address, message, ...(tables ? { tables } : {}) };
      out.push(r.level === "BLOCK" && allow.has(c.address) ? { ...v, allowed: true } : v);
    };
    const lost = c.action === "delete" || c.action === "replace";
    const verb = c.action === "delete" ? "deleted" : "replaced";

    if (d.key === "clickpipe.pipe") {
      if (c.action === "replace") {
        const attrs = changedAttributes(c.before, c.after);
        const by = attrs.length ? ` (${list(attrs)} changed)` : "";
        push("clickpipe-replaced", `pipe replaced${by}: ${ruleById("clickpipe-replaced").why}`);
      } else if (c.action === "delete") {
        push("clickpipe-deleted", `pipe deleted: ${ruleById("clickpipe-deleted").why}`);
      }
      if (c.action === "update" || c.action === "replace") tableWarnings(c, pipeTables, "pipe-tables", "the pipe's table mappings", push);
      continue;
    }
    if (d.key === "publication.publication" && (c.action === "update" || c.action === "replace")) {
      tableWarnings(c, publicationTables, "publication-tables", "the publication", push);
    }
    if (INGRESS_KEYS.has(d.key)) {
      if (!lost) continue;
      const before = ingressOf(c.before);
      // A replace keeps the rule when its own new version (or another rule) still covers the addresses.
      if (before && stillOpen(before)) continue;
      const what = before?.texts.length ? list(before.texts) : "its addresses";
      push("ingress-rule", `ingress rule ${verb}: ${what} no longer allowed; ${ruleById("ingress-rule").why}`);
      continue;
    }
    if (GRANT_KEYS.has(d.key)) {
      if (c.action !== "delete") continue;
      const b = c.before ?? {};
      const on = [attr(b, "schema"), ...(Array.isArray(attr(b, "objects")) ? (attr(b, "objects") as unknown[]) : [])].filter((x) => typeof x === "string" && x !== "");
      push("grants-removed", `grant deleted${on.length ? ` (${list(on as string[])})` : ""}: ${ruleById("grants-removed").why}`);
      continue;
    }
    if (d.key === "user.role" && c.action === "update") {
      if (attr(c.before, "login") === true && attr(c.after, "login") !== true) push("role-login", `role loses LOGIN: ${ruleById("role-login").why}`);
      if (attr(c.before, "replication") === true && attr(c.after, "replication") !== true) {
        push("role-replication", `role loses REPLICATION: ${ruleById("role-replication").why}`);
      }
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
    }
    const lossRule = LOSS_RULE[d.key];
    if (lossRule && lost) push(lossRule, `${LABEL[d.key]} ${verb}: ${ruleById(lossRule).why}`);
  }
  return out;
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
  if (removed.length) push(`${prefix}-removed`, `${removed.length} table(s) leave ${where} (${list(removed)}): ${ruleById(`${prefix}-removed`).why}`, removed);
  if (added.length) push(`${prefix}-added`, `${added.length} table(s) join ${where} (${list(added)}): ${ruleById(`${prefix}-added`).why}`, added);
}
