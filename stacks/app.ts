import { App } from "../src/internal/tf";
import { AppConfig, backendRule, SourceKind } from "../src/model/app-config";
import { SOURCE_RULES } from "../src/model/rules";
import { Finding, runRules, Severity, ValidationError, WarningSink } from "../src/model/validation";
import { GenericPostgresStack } from "./generic-postgres-stack";

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
    if (s.kind !== SourceKind.GENERIC) {
      errors.push({ rule: "kind", source: String(s.name ?? "?"), severity: Severity.ERROR, field: `sources[${i}].kind`, value: s.kind, allowed: `one of ${Object.values(SourceKind).join(", ")}` });
      return;
    }
    if (seen.has(s.name)) {
      errors.push({ rule: "source-name", source: s.name, severity: Severity.ERROR, field: "name", value: s.name, allowed: "a name no other source uses (it names the stack)" });
    }
    seen.add(s.name);
    errors.push(...runRules(s, SOURCE_RULES), ...runRules(s, [backendRule]));
  });
  return errors.filter((f) => f.severity === Severity.ERROR);
}

/** Build the app: one stack per source, in name order. Throws `ValidationError` before building anything. */
export function buildApp(config: AppConfig, options: { outdir?: string; warn?: WarningSink } = {}): App {
  const errors = validateAppConfig(config);
  if (errors.length > 0) throw new ValidationError(errors);
  const app = new App({ stackTraces: false, outdir: options.outdir });
  const sorted = [...config.sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const source of sorted) new GenericPostgresStack(app, source, config.backend, options.warn);
  return app;
}

/** Entry point: synth, or print one line per error and exit 1 (no stack trace for user mistakes). */
export function runApp(config: AppConfig): void {
  try {
    buildApp(config).synth();
  } catch (e) {
    if (e instanceof ValidationError) {
      process.stderr.write(e.message + "\n");
      process.exit(1);
    }
    throw e;
  }
}
