import { loadFleetFile, mergeFleets } from "../fleet/load";
import { App } from "../internal/tf";
import { AppConfig, backendRule, clickpipeIamRoleRule, clickpipeServiceIdRule, SourceKind, stackNames } from "../model/app-config";
import { resolveAwsSource } from "../model/aws";
import { CLICKPIPE_RULES } from "../model/clickpipe-rules";
import { resolveSource } from "../model/defaults";
import { AwsEngine } from "../model/aws-types";
import { SOURCE_RULES } from "../model/rules";
import { awsSourceRules } from "../model/rules/aws";
import { Finding, runRules, Severity, ValidationError, WarningSink } from "../model/validation";
import { AwsSourceAwsStack, AwsSourceDbStack, engineOf } from "./aws-source-stacks";
import { GenericPostgresStack } from "./generic-postgres-stack";

const KINDS = Object.values(SourceKind) as string[];

/** Check the whole config before any construct exists, so a bad source writes nothing at all. */
export function validateAppConfig(config: AppConfig): Finding[] {
  const errors: Finding[] = [];
  errors.push(...runRules({ name: "(app)", backend: config.backend }, [backendRule]));
  const sources = Array.isArray(config?.sources) ? config.sources : [];
  if (sources.length === 0) {
    errors.push({ rule: "sources", source: "(app)", severity: Severity.ERROR, field: "sources", value: config?.sources, allowed: "a non-empty list of sources" });
  }
  const seen = new Set<string>();
  sources.forEach((s, i) => {
    if (!KINDS.includes(s.kind)) {
      errors.push({ rule: "kind", source: String(s.name ?? "?"), severity: Severity.ERROR, field: `sources[${i}].kind`, value: s.kind, allowed: `one of ${KINDS.join(", ")}` });
      return;
    }
    // Stack names must be unique across sources (an Aurora source "x" owns "x-aws" and "x-db").
    for (const stack of stackNames(s)) {
      if (seen.has(stack)) {
        errors.push({ rule: "source-name", source: s.name, severity: Severity.ERROR, field: "name", value: s.name, allowed: `a name whose stacks no other source uses (stack "${stack}" is taken)` });
      }
      seen.add(stack);
    }
    switch (s.kind) {
      case SourceKind.GENERIC:
        errors.push(...runRules(s, SOURCE_RULES));
        break;
      case SourceKind.AURORA:
        errors.push(...runRules(s, awsSourceRules(AwsEngine.AURORA_POSTGRESQL)));
        break;
      case SourceKind.RDS:
        errors.push(...runRules(s, awsSourceRules(AwsEngine.RDS_POSTGRESQL)));
        break;
    }
    errors.push(...runRules(s, [backendRule, clickpipeServiceIdRule, clickpipeIamRoleRule]));
    if (s.clickpipe && errors.every((e) => e.source !== s.name)) {
      // The pipe rules read the resolved source: only once the source itself is valid.
      const source = s.kind === SourceKind.GENERIC ? resolveSource(s) : resolveAwsSource(engineOf(s), s);
      errors.push(...runRules({ name: s.name, source, pipe: s.clickpipe }, CLICKPIPE_RULES));
    }
  });
  return errors.filter((f) => f.severity === Severity.ERROR);
}

/** Build the app: one stack per generic source, two per Aurora/RDS source, in name order. Throws `ValidationError` before building anything. */
export function buildApp(config: AppConfig, options: { outdir?: string; warn?: WarningSink } = {}): App {
  const errors = validateAppConfig(config);
  if (errors.length > 0) throw new ValidationError(errors);
  const app = new App({ stackTraces: false, outdir: options.outdir });
  const sorted = [...config.sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const source of sorted) {
    if (source.kind === SourceKind.GENERIC) {
      new GenericPostgresStack(app, source, config.backend, options.warn);
    } else {
      new AwsSourceAwsStack(app, source, config.backend, options.warn);
      new AwsSourceDbStack(app, source, config.backend, options.warn);
    }
  }
  return app;
}

/** Fleet files to merge: `fleetFiles` of the config module plus `CLICKPIPES_FLEET` (comma-separated). */
export function fleetFileList(configured: readonly string[], env: string | undefined = process.env.CLICKPIPES_FLEET): string[] {
  const fromEnv = (env ?? "").split(",").map((f) => f.trim()).filter(Boolean);
  return [...new Set([...configured, ...fromEnv])];
}

/** The typed config plus the sources of every fleet file (each checked against the fleet schema). */
export function loadAppConfig(config: AppConfig, fleetFiles: readonly string[] = []): AppConfig {
  return mergeFleets(config, fleetFiles.map(loadFleetFile));
}

/** Entry point: synth, or print one line per error and exit 1 (no stack trace for user mistakes). */
export function runApp(config: AppConfig, fleetFiles: readonly string[] = []): void {
  try {
    buildApp(loadAppConfig(config, fleetFiles)).synth();
  } catch (e) {
    if (e instanceof ValidationError) {
      process.stderr.write(e.message + "\n");
      process.exit(1);
    }
    throw e;
  }
}
