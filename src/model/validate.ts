/**
 * Validate once. A validator runs a rule table over a spec exactly once and, when no rule reports an
 * error, returns the spec resolved (defaults applied) as a `Validated` value, which only this module
 * can make. Constructs and stacks given a `Validated` value skip validation; given raw props, a
 * construct validates them itself, once. The app (`validateApp`) checks the whole config before any
 * construct exists, so a bad source writes nothing.
 *
 * Nothing here prints: the warnings ride on the `Validated` value, and the first construct it is
 * given to reports them as cdktf warning annotations (`cdktf synth` prints them as WARN lines).
 */
import { AppConfig, AppRuleInput, AuroraSourceConfig, GenericSourceConfig, hasKnownKind, RdsSourceConfig, SourceConfig, SourceKind } from "./app-config";
import { resolveAwsSource, ResolvedAwsSource } from "./aws";
import { AwsEngine, AwsSourceSpec } from "./aws-types";
import { ClickPipeAuthentication, ClickPipePostgresType, ClickPipeRuleInput, ClickPipeSpec } from "./clickpipe";
import { HOST_PROFILES } from "./host-profiles";
import { appConfigUnknownKeys } from "./known-keys";
import { resolveSource, ResolvedSource } from "./defaults";
import { SOURCE_RULES } from "./rules";
import { APP_RULES } from "./rules/app";
import { awsDatabaseRules, awsSourceRules } from "./rules/aws";
import { CLICKPIPE_RULES } from "./rules/pipe";
import { PostgresSourceSpec } from "./types";
import { Finding, Rule, runRules, Severity, ValidationError } from "./validation";

const MINT = Symbol("Validated");

/**
 * A spec that passed every rule of its table, resolved. Only the validators of this module make one
 * (`validateSource`, `validateAwsSource`, `validateClickPipe`, `validateApp`).
 */
export class Validated<T> {
  /** The resolved spec (frozen). */
  public readonly value: T;
  /** The warnings the rules reported (errors never get this far). */
  public readonly warnings: readonly Finding[];
  private reported = false;

  /** @internal Use a validator; any other caller gets a TypeError. */
  constructor(token: symbol, value: T, warnings: readonly Finding[]) {
    if (token !== MINT) throw new TypeError("Validated values come from the validators only (validateSource, validateAwsSource, validateClickPipe, validateApp)");
    this.value = Object.freeze(value);
    this.warnings = Object.freeze([...warnings]);
  }

  /**
   * The warnings, the first time only: the first construct given this value reports them, so each
   * warning appears once however many constructs share the value.
   */
  public takeWarnings(): readonly Finding[] {
    if (this.reported) return [];
    this.reported = true;
    return this.warnings;
  }
}

/** A generic source that passed `SOURCE_RULES`. */
export type ValidatedSource = Validated<ResolvedSource>;
/** An Aurora or RDS source that passed the table of its engine. */
export type ValidatedAwsSource = Validated<ResolvedAwsSource>;
/** A pipe that passed `CLICKPIPE_RULES` against the resolved source it reads from. */
export type ValidatedClickPipe = Validated<ClickPipeRuleInput>;

/** `value` when it is a `Validated` value; a TypeError (a programming mistake, not a user's) otherwise. */
export function requireValidated<T>(value: Validated<T>, what: string): Validated<T> {
  if (!(value instanceof Validated)) throw new TypeError(`${what}: "validated" must come from a validator (validateSource, validateAwsSource, validateClickPipe, validateApp)`);
  return value as Validated<T>;
}

function isError(f: Finding): boolean {
  return f.severity === Severity.ERROR;
}

function checked<S extends { readonly name?: unknown }, T>(spec: S, rules: readonly Rule<S>[], resolve: () => T): Validated<T> {
  const findings = runRules(spec, rules);
  const errors = findings.filter(isError);
  if (errors.length > 0) throw new ValidationError(errors);
  return new Validated(MINT, resolve(), findings);
}

/** Run `SOURCE_RULES` once; throws `ValidationError` with one line per error. */
export function validateSource(spec: PostgresSourceSpec): ValidatedSource {
  return checked(spec, SOURCE_RULES, () => resolveSource(spec));
}

/** Run the table of the engine (`AURORA_SOURCE_RULES` or `RDS_SOURCE_RULES`) once. */
export function validateAwsSource(engine: AwsEngine, spec: AwsSourceSpec): ValidatedAwsSource {
  return checked(spec, awsSourceRules(engine), () => resolveAwsSource(engine, spec));
}

/**
 * Run the table of the engine without the network and alarm rules once: for `AwsSourceDatabase`
 * (the `-db` half), which never uses `network` nor `alarms` and so does not demand them (its
 * resolved spec has no alarms).
 */
export function validateAwsDatabaseSource(engine: AwsEngine, spec: AwsSourceSpec): ValidatedAwsSource {
  return checked(spec, awsDatabaseRules(engine), () => resolveAwsSource(engine, { ...spec, alarms: { enabled: false } }));
}

/**
 * Run `CLICKPIPE_RULES` once on a pipe spec and the resolved source it reads from (`authentication`:
 * how the pipe logs in, for the IAM rules; default basic).
 */
export function validateClickPipe(source: ResolvedSource, pipe: ClickPipeSpec, authentication?: ClickPipeAuthentication): ValidatedClickPipe {
  const input: ClickPipeRuleInput = { name: source.name, source, pipe, ...(authentication !== undefined ? { authentication } : {}) };
  return checked(input, CLICKPIPE_RULES, () => input);
}

/**
 * Check a construct's own props (mapped onto the spec's shape) against some rules of the tree, once;
 * `field` renames the spec's field paths to the props' names. Throws on errors, returns the warnings.
 */
export function validateProps<S extends { readonly name?: unknown }>(spec: S, rules: readonly Rule<S>[], field: (specField: string) => string): Finding[] {
  const findings = runRules(spec, rules).map((f) => ({ ...f, field: field(f.field) }));
  const errors = findings.filter(isError);
  if (errors.length > 0) throw new ValidationError(errors);
  return findings;
}

/** A generic source of the app config, validated (with its pipe). */
export interface ValidatedGenericSourceConfig {
  readonly kind: SourceKind.GENERIC;
  readonly config: GenericSourceConfig;
  readonly source: ValidatedSource;
  /** @default - no pipe */
  readonly clickpipe?: ValidatedClickPipe;
}

/** An Aurora/RDS source of the app config, validated (with its pipe). */
export interface ValidatedAwsSourceConfig {
  readonly kind: SourceKind.AURORA | SourceKind.RDS;
  readonly engine: AwsEngine;
  readonly config: AuroraSourceConfig | RdsSourceConfig;
  readonly source: ValidatedAwsSource;
  /** @default - no pipe */
  readonly clickpipe?: ValidatedClickPipe;
}

export type ValidatedSourceConfig = ValidatedGenericSourceConfig | ValidatedAwsSourceConfig;

/** The whole app config, validated: what `buildApp` builds stacks from. */
export interface ValidatedApp {
  readonly config: AppConfig;
  /** The sources, in config order. */
  readonly sources: readonly ValidatedSourceConfig[];
  /** Warnings of the app rules (reported on the first stack). */
  readonly warnings: readonly Finding[];
}

/** Whether `x` is a source config that went through `validateApp` / `validateSourceConfig`. */
export function isValidatedSourceConfig(x: unknown): x is ValidatedSourceConfig {
  return typeof x === "object" && x !== null && (x as { source?: unknown }).source instanceof Validated;
}

/** The engine of an Aurora/RDS kind. */
export function engineOfKind(kind: SourceKind.AURORA | SourceKind.RDS | "aurora" | "rds"): AwsEngine {
  return kind === SourceKind.AURORA ? AwsEngine.AURORA_POSTGRESQL : AwsEngine.RDS_POSTGRESQL;
}

const PIPE_TYPES: Record<SourceKind, ClickPipePostgresType> = {
  [SourceKind.GENERIC]: ClickPipePostgresType.POSTGRES,
  [SourceKind.AURORA]: ClickPipePostgresType.AURORA_POSTGRES,
  [SourceKind.RDS]: ClickPipePostgresType.RDS_POSTGRES,
};

/**
 * Every rule once: the app rules over the whole config, then per source (of a known kind) the table
 * of its kind, then, when the source has no error, its pipe's rules. Findings come grouped: the
 * app's first, then each source's in config order.
 */
export function checkApp(config: AppConfig): { readonly findings: Finding[]; readonly sources: ValidatedSourceConfig[] } {
  const findings = runRules<AppRuleInput>({ ...config, name: "(app)" }, APP_RULES);
  // A key no type declares (`tabels:`) is refused at any depth, as in a fleet file.
  findings.push(...appConfigUnknownKeys(config, true));
  const configured: unknown[] = Array.isArray(config?.sources) ? [...config.sources] : [];
  const sources: ValidatedSourceConfig[] = [];
  for (const s of configured.filter(hasKnownKind)) {
    const kind = s.kind as SourceKind;
    const engine = kind === SourceKind.GENERIC ? undefined : engineOfKind(kind);
    const found = engine === undefined ? runRules<PostgresSourceSpec>(s, SOURCE_RULES) : runRules<AwsSourceSpec>(s as AwsSourceSpec, awsSourceRules(engine));
    findings.push(...found);
    if (findings.some((f) => isError(f) && f.source === s.name)) continue;
    const resolved = engine === undefined ? resolveSource(s) : resolveAwsSource(engine, s as AwsSourceSpec);
    const source = new Validated(MINT, resolved, found);
    let clickpipe: ValidatedClickPipe | undefined;
    if (s.clickpipe !== undefined) {
      const { serviceId, clickhouseServiceRoleArn, iamRoleName, ...spec } = s.clickpipe;
      // serviceId and the IAM role are checked by the app rules (clickpipe-service-id, clickpipe-iam-role);
      // the stacks take them separately.
      void serviceId;
      void clickhouseServiceRoleArn;
      void iamRoleName;
      // A generic source's pipe type follows its host profile; Aurora/RDS pipes use IAM with iamAuth.
      const type = kind === SourceKind.GENERIC ? HOST_PROFILES[resolved.hostProfile].pipeType : PIPE_TYPES[kind];
      const iam = engine !== undefined && (resolved as ResolvedAwsSource).iamAuth;
      const input: ClickPipeRuleInput = {
        name: s.name,
        source: resolved,
        pipe: { ...spec, type },
        ...(iam ? { authentication: ClickPipeAuthentication.IAM_ROLE } : {}),
      };
      const pipeFindings = runRules(input, CLICKPIPE_RULES);
      findings.push(...pipeFindings);
      if (pipeFindings.some(isError)) continue;
      clickpipe = new Validated(MINT, input, pipeFindings);
    }
    sources.push(
      engine === undefined
        ? { kind: SourceKind.GENERIC, config: s as GenericSourceConfig, source: source as ValidatedSource, clickpipe }
        : { kind: kind as SourceKind.AURORA | SourceKind.RDS, engine, config: s as AuroraSourceConfig | RdsSourceConfig, source: source as ValidatedAwsSource, clickpipe },
    );
  }
  const rank = (name: string) => (name === "(app)" ? -1 : configured.findIndex((s) => (s as { name?: unknown })?.name === name));
  const order = (name: string) => {
    const r = rank(name);
    return r < 0 && name !== "(app)" ? configured.length : r;
  };
  findings.sort((a, b) => order(a.source) - order(b.source)); // stable: rule order within a group
  return { findings, sources };
}

/** Validate the whole config once; throws `ValidationError` with one line per error of every source. */
export function validateApp(config: AppConfig): ValidatedApp {
  const { findings, sources } = checkApp(config);
  const errors = findings.filter(isError);
  if (errors.length > 0) throw new ValidationError(errors);
  const reported = new Set(sources.flatMap((s) => [...s.source.warnings, ...(s.clickpipe?.warnings ?? [])]));
  return { config, sources, warnings: findings.filter((f) => !reported.has(f)) };
}

/** One source config on its own (a stack built without `buildApp`), with the app rules for it. */
export function validateSourceConfig(config: SourceConfig, defaultBackend?: AppConfig["backend"]): { readonly source: ValidatedSourceConfig; readonly warnings: readonly Finding[] } {
  const app = validateApp({ backend: defaultBackend, sources: [config] });
  return { source: app.sources[0]!, warnings: app.warnings };
}
