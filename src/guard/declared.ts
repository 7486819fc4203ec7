/**
 * Which construct of ours declared a resource: from its construct path (cdk.tf.json
 * `//`.metadata.path, exact) or, when the synth output is not at hand (or the resource is gone from
 * it, as a deleted one is), from its Terraform address: cdktf's logical ID is the construct path
 * below the stack, made safe (`/` -> `_`, characters other than letters, digits, `_`, `-` dropped, a
 * component the previous one ends with skipped) plus `_` and 8 hex digits of a hash. A resource of a
 * type we declare whose logical ID does not end in one of our construct-ID paths (e.g.
 * `postgresql_role.reporting`) is not ours.
 *
 * The construct-ID table itself is `src/model/construct-ids.ts` (shared with the constructs and
 * their golden test); this module only turns a path or an address into one of its entries.
 */

/** What the guard needs to know about a declared construct. */
export interface DeclaredConstruct {
  /** Entry key of the construct-ID table, e.g. `user.role`, `ipAllowList.ingress`. */
  readonly key: string;
  /** Whether deleting or replacing it breaks a running pipe (per the construct-ID table). */
  readonly pipeCritical: boolean;
  /** The construct path below the stack, when known exactly (from the synth metadata). */
  readonly path?: string;
  /** How it was recognised. */
  readonly by: "metadata" | "address";
}

/** The construct-ID patterns below a source (`<source>`) or pipe (`<pipe>`) construct. */
interface Pattern {
  readonly key: string;
  readonly types: readonly string[];
  /** Path components; `<x>` is a placeholder, `Ingress-<ip>` a literal prefix plus placeholder. */
  readonly path: readonly string[];
  readonly pipeCritical: boolean;
}

const P = (key: string, types: readonly string[], path: string, pipeCritical = true): Pattern => ({ key, types, path: path.split("/"), pipeCritical });

/**
 * Local copy of the construct-ID patterns until `src/model/construct-ids.ts` is merged (same keys,
 * same paths, same pipe-critical flags).
 */
const PATTERNS: readonly Pattern[] = [
  P("user.role", ["postgresql_role"], "<source>/User/Role"),
  P("user.rdsReplication", ["postgresql_grant_role"], "<source>/User/RdsReplication"),
  P("user.rdsIam", ["postgresql_grant_role"], "<source>/User/RdsIam"),
  P("grants.schemaUsage", ["postgresql_grant"], "<source>/Grants/schema-<schema>/Usage"),
  P("grants.schemaSelectAllTables", ["postgresql_grant"], "<source>/Grants/schema-<schema>/SelectAllTables"),
  P("grants.schemaDefaultSelect", ["postgresql_default_privileges"], "<source>/Grants/schema-<schema>/DefaultSelect-<owner>", false),
  P("grants.tablesUsage", ["postgresql_grant"], "<source>/Grants/tables-<schema>/Usage"),
  P("grants.tablesSelect", ["postgresql_grant"], "<source>/Grants/tables-<schema>/SelectTables"),
  P("publication.publication", ["postgresql_publication"], "<source>/Publication/Publication"),
  P("parameterGroup", ["aws_rds_cluster_parameter_group", "aws_db_parameter_group"], "<source>/ParameterGroup/ParameterGroup"),
  P("ipAllowList.securityGroup", ["aws_security_group"], "<source>/IpAllowList/SecurityGroup"),
  P("ipAllowList.ingress", ["aws_vpc_security_group_ingress_rule"], "<source>/IpAllowList/Ingress-<ip>"),
  P("ipAllowList.ingressCidr", ["aws_vpc_security_group_ingress_rule"], "<source>/IpAllowList/Ingress-<ip>_<bits>"),
  P("privateLink.resourceGateway", ["aws_vpclattice_resource_gateway"], "<source>/PrivateLink/ResourceGateway"),
  P("privateLink.resourceConfiguration", ["aws_vpclattice_resource_configuration"], "<source>/PrivateLink/ResourceConfiguration"),
  P("privateLink.resourceShare", ["aws_ram_resource_share"], "<source>/PrivateLink/ResourceShare"),
  P("privateLink.resourceAssociation", ["aws_ram_resource_association"], "<source>/PrivateLink/ResourceAssociation"),
  P("privateLink.principalAssociation", ["aws_ram_principal_association"], "<source>/PrivateLink/PrincipalAssociation"),
  P("clickpipe.pipe", ["clickhouse_clickpipe"], "<pipe>/Pipe"),
  P("clickpipe.reversePrivateEndpoint", ["clickhouse_clickpipes_reverse_private_endpoint"], "<pipe>/ReversePrivateEndpoint"),
  P("clickpipe.cdcInfrastructure", ["clickhouse_clickpipe_cdc_infrastructure"], "<pipe>/CdcInfrastructure"),
];

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Placeholder values in a metadata path (one component, any text but `/`). */
const PATH_VALUE: Record<string, string> = { source: "[^/]+", pipe: "[^/]+", schema: "[^/]+", owner: "[^/]+", ip: "[0-9A-Fa-f.:]+", bits: "[0-9]{1,3}" };
/** Placeholder values in a logical ID (what is left of them once cdktf dropped unsafe characters). */
const ID_VALUE: Record<string, string> = { source: "[A-Za-z0-9_-]+", pipe: "[A-Za-z0-9_-]+", schema: "[A-Za-z0-9_-]*", owner: "[A-Za-z0-9_-]*", ip: "[0-9A-Fa-f]+", bits: "[0-9]{1,3}" };

function component(c: string, values: Record<string, string>): string {
  return c
    .split(/(<[a-z]+>)/)
    .map((part) => {
      const m = /^<([a-z]+)>$/.exec(part);
      return m ? values[m[1]] : esc(part);
    })
    .join("");
}

/** A component cdktf leaves out of the logical ID because the previous one ends with it (`Publication/Publication`). */
function humanComponents(path: readonly string[]): string[] {
  const kept: string[] = [];
  for (const c of path) {
    const prev = kept[kept.length - 1];
    if (prev !== undefined && !prev.includes("<") && !c.includes("<") && prev.endsWith(c)) continue;
    kept.push(c);
  }
  return kept;
}

const MATCHERS = PATTERNS.map((p) => ({
  pattern: p,
  path: new RegExp(`(?:^|/)${p.path.map((c) => component(c, PATH_VALUE)).join("/")}$`),
  logicalId: new RegExp(`^${humanComponents(p.path).map((c) => component(c, ID_VALUE)).join("_")}_[0-9A-F]{8}$`),
}));

/** The logical ID (resource name) of a managed resource address, e.g. `module.m.type.name[0]` -> `name`. */
export function logicalIdOf(address: string, type: string): string | undefined {
  const at = address.lastIndexOf(`${type}.`);
  if (at < 0 || (at > 0 && address[at - 1] !== ".")) return undefined;
  return address.slice(at + type.length + 1).replace(/\[[^\]]*\]$/, "");
}

/**
 * The construct that declared a resource, or undefined when none of ours did. `constructPath` is
 * the metadata path (stack name first, as in cdk.tf.json); without it the address is used.
 */
export function declaredConstruct(type: string, address: string, constructPath?: string): DeclaredConstruct | undefined {
  if (constructPath !== undefined) {
    const rel = constructPath.slice(constructPath.indexOf("/") + 1);
    const m = MATCHERS.find((x) => x.pattern.types.includes(type) && x.path.test(rel));
    return m ? { key: m.pattern.key, pipeCritical: m.pattern.pipeCritical, path: rel, by: "metadata" } : undefined;
  }
  const id = logicalIdOf(address, type);
  if (id === undefined) return undefined;
  const m = MATCHERS.find((x) => x.pattern.types.includes(type) && x.logicalId.test(id));
  return m ? { key: m.pattern.key, pipeCritical: m.pattern.pipeCritical, by: "address" } : undefined;
}
