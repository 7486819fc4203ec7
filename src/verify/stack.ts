/**
 * Read what verify expects from a synthesized stack (`cdk.tf.json`): the ClickPipes role, the
 * publication and its tables (or the schemas its plan-time table list reads), and the database,
 * host and port the stack targets.
 */
import { dataSource, literalString, locateStackFile, outputValue, providerConfig, readStackJson, resourcesOfType, StackJson, StackReadError } from "../synth-output/stack-json";
import { oneLine } from "../util/text-file";
import { TableName, VerifyError } from "./types";

export interface StackExpectations {
  /** The file read. */
  readonly file: string;
  readonly user?: string;
  readonly publication?: string;
  /** Tables listed in the publication. */
  readonly tables: TableName[];
  /** Schemas whose tables the publication takes at plan time. */
  readonly schemas: string[];
  /** The publication is FOR ALL TABLES. */
  readonly allTables: boolean;
  readonly database?: string;
  readonly host?: string;
  readonly port?: number;
}

const ALLOWED = "allowed: a cdk.tf.json, its directory, or a cdktf.out directory with one stack";

/** verify's one-line message for a failure of the shared stack reader (`flag`: --stack or --pipe). */
function verifyMessage(e: StackReadError, flag: string): string {
  const arg = e.location;
  switch (e.kind) {
    case "not-found":
      return `${flag} ${arg}: no such file or folder; ${ALLOWED}`;
    case "ambiguous":
      return `${flag}: "${arg}" holds ${e.stacks!.length} stacks; name one: ${e.stacks!.join(", ")}`;
    case "no-stack":
      return `${flag}: no cdk.tf.json in "${arg}"; ${ALLOWED} (run npx cdktf synth first)`;
    case "too-large":
    case "binary":
      return `${flag}: ${e.file} is not a synthesized stack: ${e.detail}`;
    case "unreadable":
    case "invalid-json":
      return `${flag}: ${e.file} is not readable JSON: ${oneLine(e.detail ?? "")}`;
    case "not-object":
      return `${flag}: ${e.file ?? arg} is not a Terraform JSON object`;
    default:
      // Refused by the shared reader (strict JSON, the stack folder, block shapes): its own line.
      return `${flag}: ${e.message.replace(/^cannot read /, "")}`;
  }
}

/**
 * The stack JSON a `--stack` or `--pipe` argument names, through the shared reader
 * (synth-output/stack-json). Throws `VerifyError` with one line.
 */
export function readVerifyStack(arg: string, flag: "--stack" | "--pipe"): { file: string; json: StackJson } {
  try {
    return readStackJson(arg, { outDir: true, checkShape: false });
  } catch (e) {
    throw e instanceof StackReadError ? new VerifyError(verifyMessage(e, flag)) : e;
  }
}

/** The cdk.tf.json a `--stack` argument names. */
export function findStackFile(arg: string): string {
  try {
    return locateStackFile(arg, { outDir: true });
  } catch (e) {
    throw e instanceof StackReadError ? new VerifyError(verifyMessage(e, "--stack")) : e;
  }
}

function single(json: StackJson, type: string, file: string): StackJson | undefined {
  const values = resourcesOfType(json, type);
  if (values.length > 1) throw new VerifyError(`--stack: ${file} has ${values.length} ${type} resources; verify checks one source: pass --publication/--tables and a user instead`);
  return values[0];
}

/** Resources of one type by logical name (the stack JSON's `resource.<type>` map). */
function byName(json: StackJson, type: string): [string, StackJson][] {
  const all = json.resource as Record<string, unknown> | undefined;
  const map = all && typeof all === "object" ? (all[type] as Record<string, unknown> | undefined) : undefined;
  if (!map || typeof map !== "object" || Array.isArray(map)) return [];
  return Object.entries(map).filter((e): e is [string, StackJson] => typeof e[1] === "object" && e[1] !== null && !Array.isArray(e[1]));
}

/** The logical name of the `postgresql_role` a `${postgresql_role.<name>.name}` reference points at. */
function roleReference(v: unknown): string | undefined {
  return typeof v === "string" ? /^\$\{postgresql_role\.([A-Za-z0-9_-]+)\.name\}$/.exec(v)?.[1] : undefined;
}

/**
 * The ClickPipes role of a stack, picked by what it is, not by how many roles there are: a role
 * that may replicate (`replication = true`, or a member of `rds_replication` on RDS/Aurora) and is
 * no monitoring role (a member of `pg_monitor`). A stack with `monitoring` has two roles; the
 * monitoring role is never the one verify checks. Throws when no role, or more than one, is the
 * ClickPipes role.
 */
function clickPipesRole(json: StackJson, file: string): StackJson | undefined {
  const roles = byName(json, "postgresql_role");
  if (roles.length <= 1) return roles[0]?.[1];
  const memberOf = new Map<string, Set<string>>();
  for (const [, g] of byName(json, "postgresql_grant_role")) {
    const role = roleReference(g.role);
    if (role && typeof g.grant_role === "string") memberOf.set(role, new Set([...(memberOf.get(role) ?? []), g.grant_role]));
  }
  const replicates = ([name, r]: [string, StackJson]) => r.replication === true || memberOf.get(name)?.has("rds_replication") === true;
  const monitors = ([name]: [string, StackJson]) => memberOf.get(name)?.has("pg_monitor") === true;
  const candidates = roles.filter((r) => replicates(r) && !monitors(r));
  if (candidates.length === 1) return candidates[0]![1];
  throw new VerifyError(
    `--stack: ${file} has ${roles.length} postgresql_role resources and ${candidates.length === 0 ? "none" : candidates.length} of them may replicate without being a pg_monitor member; verify checks one source: pass --publication/--tables and the user in --url instead`,
  );
}

/** Read a stack's expectations. Throws `VerifyError` (one line) for an unreadable or unexpected file. */
export function readStack(arg: string): StackExpectations {
  const { file, json } = readVerifyStack(arg, "--stack");
  const role = clickPipesRole(json, file);
  const pub = single(json, "postgresql_publication", file);
  if (!role && !pub) throw new VerifyError(`--stack: ${file} has no postgresql_role or postgresql_publication resource; is it a ClickPipes source stack?`);

  const tables: TableName[] = [];
  const schemas: string[] = [];
  if (pub && Array.isArray(pub.tables)) {
    for (const t of pub.tables) {
      const s = literalString(t);
      const dot = s?.indexOf(".") ?? -1;
      if (s && dot > 0) tables.push({ schema: s.slice(0, dot), name: s.slice(dot + 1) });
    }
  } else if (pub && typeof pub.tables === "string") {
    // A plan-time list: `${[for ... in data.postgresql_tables.<name>.tables: ...]}`.
    const m = /data\.postgresql_tables\.([A-Za-z0-9_-]+)\./.exec(pub.tables);
    const source = m ? dataSource(json, "postgresql_tables", m[1]) : undefined;
    if (source && Array.isArray(source.schemas)) for (const s of source.schemas) if (literalString(s)) schemas.push(s as string);
  }

  const provider = providerConfig(json, "postgresql");
  const port = outputValue(json, "port") ?? provider.port;
  return {
    file,
    user: literalString(role?.name),
    publication: literalString(pub?.name),
    tables,
    schemas,
    allTables: pub?.all_tables === true,
    database: literalString(outputValue(json, "database")) ?? literalString(provider.database) ?? literalString(pub?.database),
    host: literalString(outputValue(json, "host")) ?? literalString(provider.host),
    port: typeof port === "number" ? port : undefined,
  };
}
