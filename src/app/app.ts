import { checkFleetFile, mergeFleets } from "../fleet/load";
import { reportWarnings } from "../tf/annotations";
import { exitWhenFlushed } from "../util/exit";
import { MissingAwsProviderError } from "../tf/tf-aws";
import { loadIpTableFile } from "../ips/read";
import { App, TerraformStack } from "../tf/tf";
import { AppConfig, hasKnownKind, SourceKind } from "../model/app-config";
import { checkApp, validateApp } from "../model/validate";
import { Finding, Severity, ValidationError } from "../model/validation";
import { AwsSourceAwsStack, AwsSourceDbStack } from "./aws-source-stacks";
import { GenericPostgresStack } from "./generic-postgres-stack";

/**
 * The config with `clickPipesIpsFile` read (relative to `baseDir`) and its table set as the
 * `clickhouse.ipTable` of every source that has none. A file that cannot be used is one
 * `ValidationError` line; a value that is not a path is left to the `clickpipes-ips-file` rule.
 */
export function applyClickPipesIpsFile(config: AppConfig, baseDir: string = process.cwd()): AppConfig {
  const file = config?.clickPipesIpsFile;
  if (typeof file !== "string" || file.trim() === "" || !Array.isArray(config.sources)) return config;
  const loaded = loadIpTableFile(file, baseDir);
  if ("problem" in loaded) {
    throw new ValidationError([
      { rule: "clickpipes-ips-file", source: "(app)", severity: Severity.ERROR, field: "clickPipesIpsFile", value: file, allowed: `a readable static-ips.json document (this one: ${loaded.problem})` },
    ]);
  }
  const sources = config.sources.map((s) => {
    const c = hasKnownKind(s) ? (s.clickhouse as unknown) : undefined;
    if (typeof c !== "object" || c === null || (c as { ipTable?: unknown }).ipTable !== undefined) return s;
    return { ...s, clickhouse: { ...s.clickhouse, ipTable: loaded.table } };
  });
  return { ...config, sources };
}

/** The errors of the whole config (every rule once, nothing built): empty when `buildApp` would build. */
export function validateAppConfig(config: AppConfig, baseDir?: string): Finding[] {
  try {
    return checkApp(applyClickPipesIpsFile(config, baseDir)).findings.filter((f) => f.severity === Severity.ERROR);
  } catch (e) {
    if (e instanceof ValidationError) return [...e.findings];
    throw e;
  }
}

/** Options of `buildApp`. */
export interface BuildAppOptions {
  /**
   * Folder the stacks are synthesized into.
   * @default the cdktf default (`cdktf.out`, or `CDKTF_OUTDIR` when cdktf-cli runs the app)
   */
  readonly outdir?: string;
  /**
   * Folder a relative `clickPipesIpsFile` of the typed config is resolved against (fleet files
   * resolve theirs against their own folder when loaded).
   * @default process.cwd() (where `cdktf synth` runs the app: the folder of cdktf.json)
   */
  readonly baseDir?: string;
}

/**
 * Build the app: one stack per generic source, two per Aurora/RDS source, in name order. The whole
 * config is validated once first (`validateApp`): a `ValidationError` is thrown before anything is
 * built or written, and the stacks receive the validated specs, which are not validated again.
 * Warnings are cdktf warning annotations (printed by `cdktf synth`).
 */
export function buildApp(config: AppConfig, options: BuildAppOptions = {}): App {
  const validated = validateApp(applyClickPipesIpsFile(config, options.baseDir));
  const app = new App({ stackTraces: false, outdir: options.outdir });
  const sorted = [...validated.sources].sort((a, b) => (a.config.name < b.config.name ? -1 : a.config.name > b.config.name ? 1 : 0));
  const stacks: TerraformStack[] = [];
  for (const source of sorted) {
    if (source.kind === SourceKind.GENERIC) {
      stacks.push(new GenericPostgresStack(app, source, config.backend));
    } else {
      stacks.push(new AwsSourceAwsStack(app, source, config.backend), new AwsSourceDbStack(app, source, config.backend));
    }
  }
  if (stacks[0]) reportWarnings(stacks[0], validated.warnings);
  return app;
}

/** Fleet files to merge: `fleetFiles` of the config module plus `CLICKPIPES_FLEET` (comma-separated). */
export function fleetFileList(configured: readonly string[], env: string | undefined = process.env.CLICKPIPES_FLEET): string[] {
  const fromEnv = (env ?? "")
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  return [...new Set([...configured, ...fromEnv])];
}

/**
 * The typed config plus the sources of every fleet file (each checked against the fleet schema).
 * Every error at once: when a file or a source fails the schema, the app rules still run over every
 * other source, and one `ValidationError` carries all their lines (a schema error never hides the
 * next source's errors).
 */
export function loadAppConfig(config: AppConfig, fleetFiles: readonly string[] = []): AppConfig {
  const checks = fleetFiles.map(checkFleetFile);
  const merged = mergeFleets(
    config,
    checks.map((c) => c.config),
  );
  const shape = checks.flatMap((c) => c.findings);
  if (shape.length === 0) return merged;
  const rules = merged.sources.length > 0 ? validateAppConfig(merged) : [];
  throw new ValidationError([...shape, ...rules]);
}

/** Entry point: synth, or print one line per error and exit 1 (no stack trace for user mistakes). */
export function runApp(config: AppConfig, fleetFiles: readonly string[] = []): void {
  try {
    buildApp(loadAppConfig(config, fleetFiles)).synth();
  } catch (e) {
    if (e instanceof ValidationError || e instanceof MissingAwsProviderError) {
      process.stderr.write(e.message + "\n");
      exitWhenFlushed(1);
      return;
    }
    throw e;
  }
}
