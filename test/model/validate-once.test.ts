/**
 * Validate once: every rule's check is spied on, and each scenario asserts how many times each rule
 * ran: once per source (app rules: once per app), however many stacks and constructs use the source.
 * Warnings: cdktf warning annotations, each exactly once, nothing written to stderr.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it, MockInstance, vi } from "vitest";
import { buildApp } from "../../src/app/app";
import { AwsSourceAwsStack, AwsSourceDbStack } from "../../src/app/aws-source-stacks";
import { GenericPostgresStack } from "../../src/app/generic-postgres-stack";
import { AuroraSource } from "../../src/aws/aurora-source";
import { AwsSourceDatabase } from "../../src/aws/database-objects";
import { ClickPipesIpAllowList } from "../../src/aws/ip-allow-list";
import { ClickPipesPrivateLink } from "../../src/aws/privatelink";
import { RdsSource } from "../../src/aws/rds-source";
import { ClickPipe } from "../../src/clickhouse/clickpipe";
import { warningsOf } from "../../src/tf/annotations";
import { App, TerraformStack, TerraformVariable, Testing } from "../../src/tf/tf";
import { RdsCluster } from "../../src/tf/tf-aws";
import { AppConfig, SourceKind } from "../../src/model/app-config";
import { AwsEngine, AwsNetworkMode } from "../../src/model/aws-types";
import { SOURCE_RULES } from "../../src/model/rules";
import { APP_RULES } from "../../src/model/rules/app";
import { backendRule } from "../../src/model/rules/app/backend";
import { AURORA_SOURCE_RULES, awsDatabaseRules, IP_ALLOW_LIST_RULES, PRIVATELINK_RULES, RDS_SOURCE_RULES } from "../../src/model/rules/aws";
import { CLICKPIPE_RULES } from "../../src/model/rules/pipe";
import { validateAwsSource, Validated, ValidatedAwsSourceConfig, validateSourceConfig } from "../../src/model/validate";
import { Rule, Severity } from "../../src/model/validation";
import { GenericPostgresSource } from "../../src/postgres/generic-source";
import { auroraSource, CLUSTER_ARN, PRIVATELINK, rdsSource } from "../support/aws-helpers";
import { genericSource } from "../support/helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-once-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const SERVICE = "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d";
type AnyRule = Rule<never>;
const AURORA_PART = AURORA_SOURCE_RULES.slice(SOURCE_RULES.length) as readonly AnyRule[];
const RDS_PART = RDS_SOURCE_RULES.slice(SOURCE_RULES.length) as readonly AnyRule[];
const ALL = [...new Set<AnyRule>([...(SOURCE_RULES as readonly AnyRule[]), ...AURORA_PART, ...RDS_PART, ...(CLICKPIPE_RULES as readonly AnyRule[]), ...(APP_RULES as readonly AnyRule[])])];

function spyAll(): Map<AnyRule, MockInstance> {
  return new Map(ALL.map((r) => [r, vi.spyOn(r as { check: (s: never) => unknown }, "check")]));
}

/** Sources validated per table: generic, Aurora, RDS; pipes; app passes; plus single rules run directly. */
interface Runs {
  generic?: number;
  aurora?: number;
  rds?: number;
  pipe?: number;
  app?: number;
  extra?: readonly AnyRule[];
}

function expectRuns(spies: Map<AnyRule, MockInstance>, runs: Runs): void {
  const { generic = 0, aurora = 0, rds = 0, pipe = 0, app = 0, extra = [] } = runs;
  const actual: Record<string, number> = {};
  const expected: Record<string, number> = {};
  for (const [rule, spy] of spies) {
    const key = `${rule.id}${AURORA_PART.includes(rule) && !RDS_PART.includes(rule) ? " (aurora)" : ""}${RDS_PART.includes(rule) && !AURORA_PART.includes(rule) ? " (rds)" : ""}${APP_RULES.includes(rule as never) ? " (app)" : ""}`;
    actual[key] = spy.mock.calls.length;
    expected[key] =
      ((SOURCE_RULES as readonly AnyRule[]).includes(rule) ? generic + aurora + rds : 0) +
      (AURORA_PART.includes(rule) ? aurora : 0) +
      (RDS_PART.includes(rule) ? rds : 0) +
      ((CLICKPIPE_RULES as readonly AnyRule[]).includes(rule) ? pipe : 0) +
      ((APP_RULES as readonly AnyRule[]).includes(rule) ? app : 0) +
      extra.filter((r) => r === rule).length;
  }
  expect(actual).toEqual(expected);
}

const withPipe = { clickpipe: { serviceId: SERVICE } };
const generic = genericSource(withPipe);
const aurora = auroraSource({ name: "billing", resourceArn: CLUSTER_ARN, network: PRIVATELINK, ...withPipe });
const rds = rdsSource({ name: "ledger", network: { mode: AwsNetworkMode.IP_ALLOW_LIST, vpcId: "vpc-0a1b2c3d4e5f60718" }, ...withPipe });

function build(config: AppConfig, name: string): void {
  buildApp(config, { outdir: path.join(tmp, name) }).synth();
}

describe("buildApp validates each source exactly once", () => {
  it("generic source with a pipe", () => {
    const spies = spyAll();
    build({ sources: [generic] }, "generic");
    expectRuns(spies, { generic: 1, pipe: 1, app: 1 });
  });

  it("Aurora source (PrivateLink) with a pipe: two stacks, one validation", () => {
    const spies = spyAll();
    build({ sources: [aurora] }, "aurora");
    expectRuns(spies, { aurora: 1, pipe: 1, app: 1 });
  });

  it("RDS source (new security group) with a pipe: two stacks, one validation", () => {
    const spies = spyAll();
    build({ sources: [rds] }, "rds");
    expectRuns(spies, { rds: 1, pipe: 1, app: 1 });
  });

  it("three sources: each once, the app rules once", () => {
    const spies = spyAll();
    build({ sources: [generic, aurora, rds] }, "three");
    expectRuns(spies, { generic: 1, aurora: 1, rds: 1, pipe: 3, app: 1 });
  });

  it("a bad source: every rule still runs once, then nothing is built", () => {
    const spies = spyAll();
    expect(() => build({ sources: [generic, { ...aurora, port: 80 }] }, "bad")).toThrow(/\[aws-port\]/);
    // The Aurora source has an error, so its pipe is not checked; nothing is written.
    expectRuns(spies, { generic: 1, aurora: 1, pipe: 1, app: 1 });
    expect(fs.existsSync(path.join(tmp, "bad"))).toBe(false);
  });
});

describe("constructs used directly validate exactly once", () => {
  const stackOf = () => new TerraformStack(Testing.app({ stackTraces: false }), "s");
  const secret = (s: TerraformStack) => new TerraformVariable(s, "pw", { type: "string", sensitive: true }).stringValue;

  it("GenericPostgresSource and a ClickPipe on it", () => {
    const spies = spyAll();
    const stack = stackOf();
    const password = secret(stack);
    const source = new GenericPostgresSource(stack, "orders", { ...genericSource(), password });
    expectRuns(spies, { generic: 1 });
    new ClickPipe(stack, "pipe", { source, password, serviceId: SERVICE });
    Testing.synth(stack);
    expectRuns(spies, { generic: 1, pipe: 1 });
  });

  it("AuroraSource with a managed cluster, RdsSource, AwsSourceDatabase: each once", () => {
    const spies = spyAll();
    const stack = stackOf();
    const cluster = new RdsCluster(stack, "Cluster", { engine: "aurora-postgresql" });
    new AuroraSource(stack, "billing", { ...auroraSource({ network: PRIVATELINK }), cluster });
    expectRuns(spies, { aurora: 1 });
    new RdsSource(stack, "ledger", rdsSource({ name: "ledger" }));
    expectRuns(spies, { aurora: 1, rds: 1 });
    // The -db half runs its engine's table without the network rules (it never uses network), once.
    new AwsSourceDatabase(stack, "billing-db", { ...auroraSource(), engine: AwsEngine.AURORA_POSTGRESQL, password: secret(stack) });
    Testing.synth(stack);
    expectRuns(spies, { aurora: 1, rds: 1, extra: awsDatabaseRules(AwsEngine.AURORA_POSTGRESQL) as readonly AnyRule[] });
  });

  it("one validateAwsSource shared by AuroraSource and AwsSourceDatabase: once", () => {
    const spies = spyAll();
    const stack = stackOf();
    const validated = validateAwsSource(AwsEngine.AURORA_POSTGRESQL, auroraSource());
    new AuroraSource(stack, "billing", { validated });
    new AwsSourceDatabase(stack, "billing-db", { validated, password: secret(stack) });
    Testing.synth(stack);
    expectRuns(spies, { aurora: 1 });
  });

  it("ClickPipesIpAllowList and ClickPipesPrivateLink run their rules of the tree once", () => {
    const spies = spyAll();
    const stack = stackOf();
    new ClickPipesIpAllowList(stack, "allow", { cidrs: ["203.0.113.7/32"], port: 5432, vpcId: "vpc-0a1b2c3d4e5f60718" });
    expectRuns(spies, { extra: IP_ALLOW_LIST_RULES as readonly AnyRule[] });
    new ClickPipesPrivateLink(stack, "pl", { name: "billing", resourceArn: CLUSTER_ARN, vpcId: "vpc-0a1b2c3d4e5f60718", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"] });
    expectRuns(spies, { extra: [...IP_ALLOW_LIST_RULES, ...PRIVATELINK_RULES] as readonly AnyRule[] });
  });

  it("a ready-made stack given a raw config validates it once (with the app rules)", () => {
    const spies = spyAll();
    Testing.synth(new GenericPostgresStack(Testing.app({ stackTraces: false }) as App, generic));
    expectRuns(spies, { generic: 1, pipe: 1, app: 1 });
  });

  it("a Validated value comes from a validator only", () => {
    expect(() => new Validated(Symbol("Validated"), {}, [])).toThrow(TypeError);
    const stack = stackOf();
    expect(() => new GenericPostgresSource(stack, "x", { validated: { value: {}, warnings: [] } as never, password: secret(stack) })).toThrow(TypeError);
  });
});

/** The warning annotations of a synthesized app, as `cdktf synth` reads them from manifest.json. */
function manifestWarnings(outdir: string): { constructPath: string; message: string }[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { annotations: { constructPath: string; level: string; message: string }[] }>;
  };
  return Object.values(manifest.stacks).flatMap((s) => s.annotations.filter((a) => a.level === "@cdktf/warn").map(({ constructPath, message }) => ({ constructPath, message })));
}

describe("warnings appear exactly once, as cdktf warning annotations", () => {
  it("buildApp: one annotation per warning, on the construct of its source, nothing on stderr", () => {
    const stderr = vi.spyOn(process.stderr, "write");
    const outdir = path.join(tmp, "warn");
    buildApp(
      {
        sources: [
          genericSource({ serverSettings: { maxSlotWalKeepSizeMb: 2048 } }),
          auroraSource({ parameterGroup: { walSenderTimeoutMs: 60000 } }),
          rdsSource({ name: "ledger", serverSettings: { maxSlotWalKeepSizeMb: 2048 } }),
        ],
      },
      { outdir },
    ).synth();
    expect(manifestWarnings(outdir)).toEqual([
      {
        constructPath: "billing-aws/billing",
        message:
          'warning: source "billing": parameterGroup.walSenderTimeoutMs = 60000 is not allowed: 0 or at least 300000 ms is recommended (ClickPipes FAQ: 5 minutes or more), or ClickPipes replication connections may time out [wal-sender-timeout]',
      },
      {
        constructPath: "ledger-aws/ledger",
        message:
          'warning: source "ledger": serverSettings.maxSlotWalKeepSizeMb = 2048 is not allowed: at least 102400 MB is recommended, or a large transaction can invalidate the slot and force a full resync [server-settings]',
      },
      {
        constructPath: "orders-db/orders-db",
        message:
          'warning: source "orders-db": serverSettings.maxSlotWalKeepSizeMb = 2048 is not allowed: at least 102400 MB is recommended, or a large transaction can invalidate the slot and force a full resync [server-settings]',
      },
    ]);
    expect(stderr.mock.calls.filter(([chunk]) => String(chunk).includes("warning:"))).toEqual([]);
  });

  it("buildApp: a warning of an app rule goes on the first stack, once", () => {
    vi.spyOn(backendRule, "check").mockReturnValue([{ severity: Severity.WARNING, field: "backend", value: "x", allowed: "y" }]);
    const outdir = path.join(tmp, "warn-app");
    buildApp({ sources: [rdsSource({ name: "ledger" }), genericSource()] }, { outdir }).synth();
    expect(manifestWarnings(outdir)).toEqual([{ constructPath: "ledger-aws", message: 'warning: source "(app)": backend = "x" is not allowed: y [backend]' }]);
  });

  it("constructs used directly: the first construct given a validated spec reports its warnings", () => {
    const stack = new TerraformStack(Testing.app({ stackTraces: false }), "s");
    const password = new TerraformVariable(stack, "pw", { type: "string", sensitive: true }).stringValue;
    new GenericPostgresSource(stack, "orders", { ...genericSource({ serverSettings: { maxSlotWalKeepSizeMb: 2048 } }), password });
    const validated = validateAwsSource(AwsEngine.AURORA_POSTGRESQL, auroraSource({ parameterGroup: { walSenderTimeoutMs: 60000 } }));
    new AuroraSource(stack, "billing", { validated });
    new AwsSourceDatabase(stack, "billing-db", { validated, password });
    expect(warningsOf(stack).map((w) => `${w.path}: ${w.message.replace(/ is not allowed.*\[/, " [")}`)).toEqual([
      's/orders: warning: source "orders-db": serverSettings.maxSlotWalKeepSizeMb = 2048 [server-settings]',
      's/billing: warning: source "billing": parameterGroup.walSenderTimeoutMs = 60000 [wal-sender-timeout]',
    ]);
  });

  it("the Aurora/RDS stack pair built directly: one validateSourceConfig for both validates once and warns once", () => {
    const config = { ...auroraSource({ parameterGroup: { walSenderTimeoutMs: 60000 } }), kind: SourceKind.AURORA as const };
    const spies = spyAll();
    const app = Testing.app({ stackTraces: false }) as App;
    const { source } = validateSourceConfig(config);
    new AwsSourceAwsStack(app, source as ValidatedAwsSourceConfig);
    new AwsSourceDbStack(app, source as ValidatedAwsSourceConfig);
    expect(warningsOf(app).map((w) => w.path)).toEqual(["billing-aws/billing"]);
    expectRuns(spies, { aurora: 1, app: 1 });

    // Each stack given the raw config validates it itself (once each) and reports the warning itself.
    const app2 = Testing.app({ stackTraces: false }) as App;
    new AwsSourceAwsStack(app2, config);
    new AwsSourceDbStack(app2, config);
    expect(warningsOf(app2).map((w) => w.path)).toEqual(["billing-aws/billing", "billing-db/billing"]);
    expectRuns(spies, { aurora: 3, app: 3 });
  });
});
