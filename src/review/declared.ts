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
import { ConstructKind, SOURCE_CONSTRUCT_ENTRIES, terraformLogicalId } from "../model/construct-ids";

/** What the guard needs to know about a declared construct. */
export interface DeclaredConstruct {
  /** Entry key of the construct-ID table, e.g. `user.role`, `ipAllowList.ingress`. */
  readonly key: string;
  /** Whether deleting or replacing it breaks a running pipe (per the construct-ID table). */
  readonly pipeCritical: boolean;
  /** The construct path below the stack, when known exactly (from the synth metadata). */
  readonly path?: string;
  /** How it was recognised. */
  readonly by: "metadata" | "address" | "type";
}

/** The resource entries of the construct-ID table (the ones a plan or a synth output can hold). */
const RESOURCE_ENTRIES = SOURCE_CONSTRUCT_ENTRIES.filter((e) => e.kind === ConstructKind.RESOURCE);

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Placeholder values in a metadata path (one component, any text but `/`). */
const PATH_VALUE: Record<string, string> = { source: "[^/]+", pipe: "[^/]+", schema: "[^/]+", owner: "[^/]+", ip: "[0-9A-Fa-f.:]+", bits: "[0-9]{1,3}", param: "[A-Za-z0-9_.]+" };
/** Placeholder values in a logical ID (what is left of them once cdktf dropped unsafe characters). */
const ID_VALUE: Record<string, string> = {
  source: "[A-Za-z0-9_-]+",
  pipe: "[A-Za-z0-9_-]+",
  schema: "[A-Za-z0-9_-]*",
  owner: "[A-Za-z0-9_-]*",
  ip: "[0-9A-Fa-f]+",
  bits: "[0-9]{1,3}",
  param: "[A-Za-z0-9_]+",
};

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

const MATCHERS = RESOURCE_ENTRIES.map((entry) => {
  const parts = entry.pattern.split("/");
  return {
    entry,
    // Anchored at the end only: the source or pipe construct may sit inside a construct of the user's.
    path: new RegExp(`(?:^|/)${parts.map((c) => component(c, PATH_VALUE)).join("/")}$`),
    logicalId: new RegExp(
      `^${humanComponents(parts)
        .map((c) => component(c, ID_VALUE))
        .join("_")}_[0-9A-F]{8}$`,
    ),
  };
});

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
    const m = MATCHERS.find((x) => x.entry.terraformTypes.includes(type) && x.path.test(rel));
    return m ? { key: m.entry.key, pipeCritical: m.entry.pipeCritical, path: rel, by: "metadata" } : undefined;
  }
  const id = logicalIdOf(address, type);
  if (id === undefined) return undefined;
  const m = MATCHERS.find((x) => x.entry.terraformTypes.includes(type) && x.logicalId.test(id));
  return m ? { key: m.entry.key, pipeCritical: m.entry.pipeCritical, by: "address" } : undefined;
}

/**
 * Resource types that only our constructs declare in a ClickPipes source stack, and whose every
 * construct-ID entry is pipe-critical: a resource of one of these types is protected whatever its
 * address and metadata say (`postgresql_role`, grants, security groups, IAM roles and ClickPipes of
 * other kinds, e.g. Kafka, are common in users' own constructs: recognised by address or metadata only).
 */
const PROTECTED_BY_TYPE: ReadonlyMap<string, (typeof RESOURCE_ENTRIES)[number]> = new Map(
  ["postgresql_publication", "clickhouse_clickpipes_reverse_private_endpoint", "clickhouse_clickpipe_cdc_infrastructure", "aws_rds_cluster_parameter_group", "aws_db_parameter_group"].map((t) => {
    const e = RESOURCE_ENTRIES.filter((x) => x.terraformTypes.includes(t));
    // clickhouse_clickpipes_reverse_private_endpoint has two entries (PrivateLink, PSC), both pipe-critical: the first names it.
    if (e.length === 0 || !e.every((x) => x.pipeCritical)) throw new Error(`protected-by-type ${t} must have pipe-critical entries only`);
    return [t, e[0]!] as const;
  }),
);

/** Who declared a resource, from everything the input says, and where the hints disagree. */
export interface Identity {
  /** The construct (address first: Terraform acts on the address; then metadata; then the type). */
  readonly construct?: DeclaredConstruct;
  /** A disagreement between the address and a metadata path, in words (undefined: none). */
  readonly mismatch?: string;
}

/**
 * The identity of a resource from its address, its type and the metadata paths of either side
 * (hints only: the pull request writes them). The address wins; a metadata path (stack name first)
 * whose logical ID is not the address's is reported as a mismatch; a type only our constructs
 * declare (e.g. `postgresql_publication`) is recognised whatever the rest says.
 */
export function identify(type: string, address: string, constructPaths: readonly (string | undefined)[] = []): Identity {
  const byAddress = declaredConstruct(type, address);
  const id = logicalIdOf(address, type);
  let byMeta: DeclaredConstruct | undefined;
  let mismatch: string | undefined;
  for (const p of new Set(constructPaths.filter((x): x is string => x !== undefined))) {
    const d = declaredConstruct(type, address, p);
    byMeta ??= d;
    const rel = p.slice(p.indexOf("/") + 1);
    let expected: string | undefined;
    try {
      expected = p.includes("/") ? terraformLogicalId(rel) : undefined;
    } catch {
      expected = undefined;
    }
    if (mismatch === undefined && (d !== undefined || byAddress !== undefined) && expected !== id) {
      mismatch = `its metadata path ${p} belongs to logical ID ${expected ?? "(none)"}, not to the address's ${id ?? "(none)"}`;
    }
  }
  const t = PROTECTED_BY_TYPE.get(type);
  const construct = byAddress ?? byMeta ?? (t ? { key: t.key, pipeCritical: t.pipeCritical, by: "type" as const } : undefined);
  return { ...(construct ? { construct } : {}), ...(mismatch ? { mismatch } : {}) };
}
