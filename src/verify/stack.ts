/**
 * Read what verify expects from a synthesized stack (`cdk.tf.json`): the ClickPipes role, the
 * publication and its tables (or the schemas its plan-time table list reads), and the database,
 * host and port the stack targets.
 */
import * as fs from "node:fs";
import * as path from "node:path";
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

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
/** A literal string (not a Terraform expression). */
const literalString = (v: unknown): string | undefined => (typeof v === "string" && !v.includes("${") ? v : undefined);

/** The cdk.tf.json a `--stack` argument names. */
export function findStackFile(arg: string): string {
  if (!fs.existsSync(arg)) throw new VerifyError(`--stack: "${arg}" does not exist; allowed: a cdk.tf.json, its directory, or a cdktf.out directory with one stack`);
  if (fs.statSync(arg).isFile()) return arg;
  const direct = path.join(arg, "cdk.tf.json");
  if (fs.existsSync(direct)) return direct;
  const stacksDir = path.join(arg, "stacks");
  const candidates = fs.existsSync(stacksDir)
    ? fs.readdirSync(stacksDir).filter((d) => fs.existsSync(path.join(stacksDir, d, "cdk.tf.json"))).sort()
    : [];
  if (candidates.length === 1) return path.join(stacksDir, candidates[0], "cdk.tf.json");
  if (candidates.length > 1) {
    throw new VerifyError(`--stack: "${arg}" holds ${candidates.length} stacks; name one: ${candidates.map((c) => path.join(arg, "stacks", c)).join(", ")}`);
  }
  throw new VerifyError(`--stack: no cdk.tf.json in "${arg}"; allowed: a cdk.tf.json, its directory, or a cdktf.out directory with one stack (run npx cdktf synth first)`);
}

function single(resources: unknown, type: string, file: string): Json | undefined {
  if (!isObject(resources)) return undefined;
  const byName = resources[type];
  if (!isObject(byName)) return undefined;
  const values = Object.values(byName).filter(isObject);
  if (values.length > 1) throw new VerifyError(`--stack: ${file} has ${values.length} ${type} resources; verify checks one source: pass --publication/--tables and a user instead`);
  return values[0];
}

/** Read a stack's expectations. Throws `VerifyError` (one line) for an unreadable or unexpected file. */
export function readStack(arg: string): StackExpectations {
  const file = findStackFile(arg);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new VerifyError(`--stack: ${file} is not readable JSON: ${(e as Error).message}`);
  }
  if (!isObject(json)) throw new VerifyError(`--stack: ${file} is not a Terraform JSON object`);
  const role = single(json.resource, "postgresql_role", file);
  const pub = single(json.resource, "postgresql_publication", file);
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
    const data = isObject(json.data) && isObject(json.data.postgresql_tables) ? json.data.postgresql_tables : undefined;
    const source = m && data && isObject(data[m[1]]) ? (data[m[1]] as Json) : undefined;
    if (source && Array.isArray(source.schemas)) for (const s of source.schemas) if (literalString(s)) schemas.push(s as string);
  }

  const outputs = isObject(json.output) ? json.output : {};
  const outputValue = (name: string) => (isObject(outputs[name]) ? (outputs[name] as Json).value : undefined);
  const provider = isObject(json.provider) && Array.isArray(json.provider.postgresql) && isObject(json.provider.postgresql[0]) ? (json.provider.postgresql[0] as Json) : {};
  const port = outputValue("port") ?? provider.port;
  return {
    file,
    user: literalString(role?.name),
    publication: literalString(pub?.name),
    tables,
    schemas,
    allTables: pub?.all_tables === true,
    database: literalString(outputValue("database")) ?? literalString(provider.database) ?? literalString(pub?.database),
    host: literalString(outputValue("host")) ?? literalString(provider.host),
    port: typeof port === "number" ? port : undefined,
  };
}
