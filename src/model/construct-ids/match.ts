/** From a construct path (cdk.tf.json `//`.metadata.path) or an address back to the entry. Part of the construct-ID contract (see index.ts). */
import { createHash } from "node:crypto";
import { CONSTRUCT_ID_ENTRIES, ConstructIdEntry, ConstructKind } from "./entries";

/** A construct path matched to its entry. */
export interface ConstructMatch {
  readonly entry: ConstructIdEntry;
  /** The stack name (first segment of a metadata path), when the path had one. */
  readonly stack?: string;
  /** The path relative to the stack. */
  readonly path: string;
  /** The placeholders' values, e.g. `{ source: "orders-db", schema: "public" }`. */
  readonly params: Readonly<Record<string, string>>;
}

const PLACEHOLDER_PATTERNS: Readonly<Record<string, string>> = {
  source: "[^/]+",
  pipe: "[^/]+",
  schema: "[^/]+",
  owner: "[^/]+",
  ip: "[0-9A-Fa-f.:]+",
  param: "[A-Za-z0-9_.]+",
  bits: "[0-9]{1,3}",
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const MATCHERS: readonly { readonly entry: ConstructIdEntry; readonly re: RegExp; readonly names: readonly string[] }[] = CONSTRUCT_ID_ENTRIES.map((e) => {
  const names: string[] = [];
  const source = e.pattern
    .split(/(<[a-z]+>)/)
    .map((part) => {
      const m = /^<([a-z]+)>$/.exec(part);
      if (!m) return escapeRegExp(part);
      names.push(m[1]);
      return `(${PLACEHOLDER_PATTERNS[m[1]]})`;
    })
    .join("");
  return { entry: e, re: new RegExp(`^${source}$`), names };
});

/**
 * The entry of a path relative to the stack (e.g. `orders-db/User/Role`), or undefined when the
 * path is not a documented construct. With `terraformType`, the entry must also declare that type
 * (a user's own construct that happens to sit at a documented path but declares something else
 * does not match). With `kind`, the entry must be of that kind (two stack-level IDs are both a
 * variable of the `-db` stack and an output of the `-aws` stack: `privatelink_resource_*`).
 */
export function matchRelativeConstructPath(path: string, terraformType?: string, kind?: ConstructKind): ConstructMatch | undefined {
  for (const m of MATCHERS) {
    const r = m.re.exec(path);
    if (!r) continue;
    if (terraformType !== undefined && !m.entry.terraformTypes.includes(terraformType)) continue;
    if (kind !== undefined && m.entry.kind !== kind) continue;
    const params: Record<string, string> = {};
    m.names.forEach((n, i) => (params[n] = r[i + 1]));
    return { entry: m.entry, path, params };
  }
  return undefined;
}

/**
 * The entry of a construct path as cdktf writes it into cdk.tf.json (`//`.metadata.path: the stack
 * name first, e.g. `orders-db/orders-db/User/Role`), or undefined when it is not a documented construct.
 */
export function matchConstructPath(metadataPath: string, terraformType?: string, kind?: ConstructKind): ConstructMatch | undefined {
  const slash = metadataPath.indexOf("/");
  if (slash <= 0) return undefined;
  const m = matchRelativeConstructPath(metadataPath.slice(slash + 1), terraformType, kind);
  return m ? { ...m, stack: metadataPath.slice(0, slash) } : undefined;
}

/**
 * The Terraform logical ID cdktf 0.21 allocates to a construct at `path` (relative to its stack):
 * a single component as is (characters other than letters, digits, `_` and `-` dropped); otherwise
 * the components (those equal to `Default` left out) joined by `_` — a component the previous one
 * ends with is skipped, `Resource` is hidden, the text is cut to 240 characters — then `_` and the
 * first 8 hex digits (upper case) of the MD5 of the components joined by `/`. Tested against synth.
 */
export function terraformLogicalId(path: string): string {
  const components = path.split("/").filter((c) => c !== "Default");
  if (components.length === 0) throw new Error("an empty construct path has no logical ID");
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, "");
  if (components.length === 1) {
    const one = clean(components[0]);
    if (one.length <= 255) return one;
  }
  const hash = createHash("md5").update(components.join("/")).digest("hex").slice(0, 8).toUpperCase();
  const kept: string[] = [];
  for (const c of components) if (kept.length === 0 || !kept[kept.length - 1].endsWith(c)) kept.push(c);
  const human = kept
    .filter((c) => c !== "Resource")
    .map(clean)
    .join("_")
    .slice(0, 240);
  return `${human}_${hash}`;
}

/** The Terraform address of a documented construct, when it has one. */
/** @internal The Terraform address of a documented path (shared with paths.ts). */
export function terraformAddress(kind: ConstructKind, path: string, type: string | undefined): string | undefined {
  const id = terraformLogicalId(path);
  switch (kind) {
    case ConstructKind.RESOURCE:
      return type ? `${type}.${id}` : undefined;
    case ConstructKind.DATA:
      return type ? `data.${type}.${id}` : undefined;
    case ConstructKind.VARIABLE:
      return `var.${id}`;
    case ConstructKind.OUTPUT:
      return `output.${id}`;
    case ConstructKind.LOCAL:
      return `local.${id}`;
    case ConstructKind.PROVIDER:
      return path;
    default:
      return undefined;
  }
}
