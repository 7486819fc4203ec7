/**
 * Cloud SQL for PostgreSQL and AlloyDB, declared on the user's own instance: the flags and
 * authorized networks ClickPipes needs, merged into the lists the user declared (theirs first, in
 * their order, never dropped). Pure functions over the instance's Terraform JSON (no cdktf); the
 * Aspect that applies them is src/gcp/instance-aspect.ts.
 *
 * Attribute names are the google provider's (hashicorp/google 6.50.0, the provider of
 * `@cdktf/provider-google` 16.12.1): `google_sql_database_instance.settings.database_flags`
 * (list of { name, value }) and `settings.ip_configuration.authorized_networks` (set of { name,
 * value, expiration_time }); `google_alloydb_instance.database_flags` (map of string) and
 * `network_config.authorized_external_networks` (list of { cidr_range }, with
 * `network_config.enable_public_ip`).
 */
import { clickPipesPage, FactSource } from "./fact-source";
import { isObject as isRecord } from "./json";

const READ = "2026-12-07";

/** The ClickPipes Cloud SQL guide (cloudsql.logical_decoding = on, authorized networks). */
export const CLOUDSQL_GUIDE_SOURCE: FactSource = clickPipesPage("ClickPipes Google Cloud SQL source guide", "postgres/source/google-cloudsql.mdx", "5f6c4b7469b6f63745694131224ac476055d7ea8", READ);
/** The ClickPipes AlloyDB guide (both flags, restart of the primary, CIDR notation). */
export const ALLOYDB_GUIDE_SOURCE: FactSource = clickPipesPage("ClickPipes AlloyDB source guide", "postgres/source/alloydb.mdx", "7cbac2a7b0267805a54ad777df3d29463d17c8b3", READ);

export type GoogleInstanceType = "google_sql_database_instance" | "google_alloydb_instance";
export const GOOGLE_INSTANCE_TYPES: readonly GoogleInstanceType[] = ["google_sql_database_instance", "google_alloydb_instance"];

/** The flags each instance type needs for logical replication (both restart the instance when changed). */
export const GOOGLE_FLAGS: Readonly<Record<GoogleInstanceType, readonly { readonly name: string; readonly value: string }[]>> = {
  google_sql_database_instance: [{ name: "cloudsql.logical_decoding", value: "on" }],
  google_alloydb_instance: [
    { name: "alloydb.enable_pglogical", value: "on" },
    { name: "alloydb.logical_decoding", value: "on" },
  ],
};

/** What to add to one instance, or why it cannot be merged. */
export interface GoogleInstancePatch {
  /** Overrides to set (path -> value), computed so that cdktf's merge of the user's attributes and overrides gives their lists plus ours. */
  readonly overrides: readonly { readonly path: string; readonly value: unknown }[];
  /** Flags added (the instance restarts when they are applied). */
  readonly flagsAdded: readonly string[];
  /** Networks added. */
  readonly networksAdded: readonly string[];
  /** One line each: the merge is impossible (a flag set to another value, a list that is a Terraform expression). */
  readonly errors: readonly string[];
  /** One line each: what the user should know (public IP off). */
  readonly warnings: readonly string[];
}

/** A single nested block as synth writes it: an object, or a list of one. */
const block = (v: unknown): Record<string, unknown> | undefined => (Array.isArray(v) && v.length === 1 && isRecord(v[0]) ? v[0] : isRecord(v) ? v : undefined);
const at = (o: unknown, path: readonly string[]): unknown => path.reduce<unknown>((x, k) => (x === undefined ? undefined : block(x)?.[k]), o);
const canonicalIp = (s: unknown) => (typeof s === "string" ? s.replace(/\/32$/, "") : s);

/**
 * The patch of one instance. `effective`: the instance's attributes as cdktf will write them (its
 * attributes merged with its overrides); `overridden`: its raw overrides alone (what an override of
 * the same path replaces). `cidrs`: IPv4 networks in canonical text (`a.b.c.d/32`).
 */
export function googleInstancePatch(type: GoogleInstanceType, effective: Record<string, unknown>, overridden: Record<string, unknown>, cidrs: readonly string[]): GoogleInstancePatch {
  const errors: string[] = [];
  const warnings: string[] = [];
  const overrides: { path: string; value: unknown }[] = [];
  const sql = type === "google_sql_database_instance";
  const listAt = (path: readonly string[], what: string): unknown[] | undefined => {
    const v = at(effective, path);
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    errors.push(`${path.join(".")} is ${typeof v === "string" ? `a Terraform expression (${v})` : "not a list"}: declare ${what} as a list so the ClickPipes entries can be added to yours`);
    return undefined;
  };

  // Flags.
  const flagsAdded: string[] = [];
  if (sql) {
    const flags = listAt(["settings", "database_flags"], "settings.database_flags");
    if (flags) {
      const add = [];
      for (const f of GOOGLE_FLAGS[type]) {
        const mine = flags.find((x) => isRecord(x) && x.name === f.name) as Record<string, unknown> | undefined;
        if (!mine) add.push({ name: f.name, value: f.value });
        else if (String(mine.value).toLowerCase() !== f.value)
          errors.push(`database flag ${f.name} = ${JSON.stringify(mine.value)}: ClickPipes needs ${f.value} (logical replication; ${CLOUDSQL_GUIDE_SOURCE.path})`);
      }
      if (add.length > 0) {
        const theirs = at(overridden, ["settings", "database_flags"]);
        overrides.push({ path: "settings.database_flags", value: [...(Array.isArray(theirs) ? theirs : []), ...add] });
        flagsAdded.push(...add.map((f) => f.name));
      }
    }
  } else {
    const flags = at(effective, ["database_flags"]);
    if (flags !== undefined && flags !== null && !isRecord(flags)) {
      errors.push(`database_flags is ${typeof flags === "string" ? `a Terraform expression (${flags})` : "not a map"}: declare it as a map so the ClickPipes flags can be added to yours`);
    } else {
      const mine = (flags ?? {}) as Record<string, unknown>;
      const add: Record<string, string> = {};
      for (const f of GOOGLE_FLAGS[type]) {
        if (!(f.name in mine)) add[f.name] = f.value;
        else if (String(mine[f.name]).toLowerCase() !== f.value)
          errors.push(`database flag ${f.name} = ${JSON.stringify(mine[f.name])}: ClickPipes needs ${f.value} (logical replication; ${ALLOYDB_GUIDE_SOURCE.path})`);
      }
      if (Object.keys(add).length > 0) {
        const theirs = at(overridden, ["database_flags"]);
        overrides.push({ path: "database_flags", value: { ...(isRecord(theirs) ? theirs : {}), ...add } });
        flagsAdded.push(...Object.keys(add));
      }
    }
  }

  // Networks.
  const networksAdded: string[] = [];
  const netPath = sql ? ["settings", "ip_configuration", "authorized_networks"] : ["network_config", "authorized_external_networks"];
  const key = sql ? "value" : "cidr_range";
  const nets = listAt(netPath, netPath.join("."));
  if (nets) {
    const have = new Set(nets.filter(isRecord).map((n) => canonicalIp(n[key])));
    const add = cidrs.filter((c) => !have.has(canonicalIp(c)));
    if (add.length > 0) {
      const entries = add.map((c) => (sql ? { name: `clickpipes-${c.replace(/\/32$/, "").replace(/[./]/g, "-")}`, value: c } : { cidr_range: c }));
      const theirs = at(overridden, netPath);
      overrides.push({ path: netPath.join("."), value: [...(Array.isArray(theirs) ? theirs : []), ...entries] });
      networksAdded.push(...add);
    }
    const publicIp = sql ? at(effective, ["settings", "ip_configuration", "ipv4_enabled"]) : at(effective, ["network_config", "enable_public_ip"]);
    if (publicIp === false || publicIp === "false" || (!sql && publicIp !== true && publicIp !== "true")) {
      warnings.push(
        `${sql ? "settings.ip_configuration.ipv4_enabled" : "network_config.enable_public_ip"} is not true: the authorized networks admit ClickPipes only on the instance's public IP (enable it, or reach the instance another way)`,
      );
    }
  }
  return { overrides, flagsAdded, networksAdded, errors, warnings };
}
