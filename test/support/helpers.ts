/** Shared helpers of the unit tests. */
import { App, Testing } from "../../src/tf/tf";
import { AppConfig, GenericSourceConfig, SourceKind } from "../../src/model/app-config";
import { CloudProvider, PostgresMajorVersion } from "../../src/model/types";
import { buildApp } from "../../src/app/app";
import { GenericPostgresStack } from "../../src/app/generic-postgres-stack";

/** A valid generic source; tests override fields. */
export function genericSource(over: Partial<GenericSourceConfig> = {}): GenericSourceConfig {
  return {
    kind: SourceKind.GENERIC,
    name: "orders-db",
    host: "db.example.com",
    database: "orders",
    postgresVersion: PostgresMajorVersion.V16,
    clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
    schemas: [{ name: "public" }, { name: "sales", owners: ["postgres", "app_owner"] }],
    tables: ["public.customers", "public.orders", "sales.invoices", "inventory.stock_levels"],
    ...over,
  };
}

/** Synthesize one generic stack with `Testing.synth` (deterministic JSON string). */
export function synthGeneric(over: Partial<GenericSourceConfig> = {}): string {
  return Testing.synth(genericStack(over));
}

/** One generic stack (not synthesized): read its warnings with `warningsOf`. */
export function genericStack(over: Partial<GenericSourceConfig> = {}): GenericPostgresStack {
  const app = Testing.app({ stackTraces: false }) as App;
  return new GenericPostgresStack(app, genericSource(over));
}

export function parse(json: string): TerraformJson {
  return JSON.parse(json) as TerraformJson;
}

export interface TerraformJson {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value: unknown }>;
  provider?: Record<string, Record<string, unknown>[]>;
  terraform?: Record<string, unknown>;
  variable?: Record<string, Record<string, unknown>>;
}

/** Every `type.name` address in a synthesized stack. */
export function addresses(json: string): string[] {
  const j = parse(json);
  const out: string[] = [];
  for (const [kind, prefix] of [
    ["resource", ""],
    ["data", "data."],
  ] as const) {
    for (const [type, byName] of Object.entries(j[kind] ?? {})) for (const name of Object.keys(byName)) out.push(`${prefix}${type}.${name}`);
  }
  return out.sort();
}

/** Resources of one type, by logical name. */
export function resourcesOf(json: string, type: string): Record<string, Record<string, unknown>> {
  return parse(json).resource?.[type] ?? {};
}

/** Build the whole app into a directory and return it. */
export function synthApp(config: AppConfig, outdir: string): void {
  buildApp(config, { outdir }).synth();
}
