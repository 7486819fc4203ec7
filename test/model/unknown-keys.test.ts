/**
 * Unknown keys are refused at every depth, with one line naming the key's path and the valid name
 * meant: in a typed config (`config.ts`, also through `cdktf synth`), in a fleet file (the same
 * line), and in the props of every construct a team creates in its own app.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { AuroraSource } from "../../src/aws/aurora-source";
import { AwsSourceDatabase } from "../../src/aws/database-objects";
import { RdsSource } from "../../src/aws/rds-source";
import { ClickPipe } from "../../src/clickhouse/clickpipe";
import { loadAppConfig } from "../../src/app/app";
import { App, TerraformStack, TerraformVariable, Testing } from "../../src/tf/tf";
import { AwsProvider } from "../../src/tf/tf-aws";
import { AppConfig } from "../../src/model/app-config";
import { AwsEngine } from "../../src/model/aws-types";
import { fleetSchema, nearestName, PROPS_SHAPES, PropsShape, propsNode } from "../../src/model/known-keys";
import { ValidationError } from "../../src/model/validation";
import { GenericPostgresSource } from "../../src/postgres/generic-source";
import { ClickPipesMonitoringRole } from "../../src/postgres/monitoring-role";
import { auroraSource, rdsSource } from "../support/aws-helpers";
import { genericSource, synthApp } from "../support/helpers";

const ROOT = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-unknown-keys-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function lines(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as Error).message.split("\n");
  }
  throw new Error("expected a ValidationError");
}

const { tables, ...noTables } = genericSource();
const TYPO = 'error: source "orders-db": tabels = ["public.customers"] is not allowed: a known field (did you mean tables?) [unknown-key]';

describe("the typed config", () => {
  it("refuses `tabels:` (which would publish every table of the schemas), before anything is written", () => {
    void tables;
    const outdir = path.join(tmp, "never");
    const config = { sources: [{ ...noTables, tabels: ["public.customers"] }] } as unknown as AppConfig;
    expect(lines(() => synthApp(config, outdir))).toEqual([TYPO]);
    expect(fs.existsSync(outdir)).toBe(false);
  });

  it("at every depth: nested objects, list items, the backend union, the pipe, the top level", () => {
    const config = {
      backnd: { type: "local" },
      backend: { type: "s3", bucket: "acme-state", region: "eu-central-1", regoin: "x" },
      sources: [
        genericSource({
          user: { nmae: "cp" } as never,
          schemas: [{ name: "public" }, { name: "sales", ownres: ["app"] } as never],
          clickpipe: { serviceId: "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d", destinationDatabase: "d", tableOptions: { "public.orders": { sortingKeys: ["id"], tablEngine: "MergeTree" } } } as never,
        }),
      ],
    } as unknown as AppConfig;
    expect(lines(() => synthApp(config, path.join(tmp, "never2")))).toEqual([
      'error: source "(app)": backnd = {"type":"local"} is not allowed: a known field (did you mean backend?) [unknown-key]',
      'error: source "(app)": backend.regoin = "x" is not allowed: a known field (did you mean region?) [unknown-key]',
      'error: source "orders-db": schemas[1].ownres = ["app"] is not allowed: a known field (did you mean owners?) [unknown-key]',
      'error: source "orders-db": user.nmae = "cp" is not allowed: a known field (did you mean name?) [unknown-key]',
      'error: source "orders-db": clickpipe.tableOptions.public.orders.tablEngine = "MergeTree" is not allowed: a known field (did you mean tableEngine?) [unknown-key]',
    ]);
  });

  it("no near name: the valid names instead; a known field in another case is named", () => {
    expect(lines(() => synthApp({ sources: [genericSource({ monitoring: { zzz: 1 } as never })] }, path.join(tmp, "n3")))).toEqual([
      'error: source "orders-db": monitoring.zzz = 1 is not allowed: a known field: allowedCidrs, name, passwordVersion [unknown-key]',
    ]);
    expect(nearestName("Tables", ["schemas", "tables"])).toBe("tables");
    expect(nearestName("hots", ["host", "port"])).toBe("host");
    expect(nearestName("completely", ["host", "port"])).toBeUndefined();
  });

  it("`clickhouse.ipTable` (set in code or from clickPipesIpsFile) is not an unknown key", () => {
    expect(() => synthApp({ sources: [genericSource({ clickhouse: { cloud: "aws", region: "eu-central-1", ipTable: undefined } as never })] }, path.join(tmp, "ok"))).not.toThrow();
  });

  it("a fleet file prints the same line as the typed config", () => {
    const file = path.join(tmp, "fleet.yaml");
    fs.writeFileSync(file, stringify({ sources: [{ ...noTables, tabels: ["public.customers"] }] }));
    expect(lines(() => loadAppConfig({ sources: [] }, [file]))).toEqual([TYPO]);
  });

  it("through `cdktf synth`: exit 1, the one line, no stack written", () => {
    const project = path.join(tmp, "project");
    fs.mkdirSync(project);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"));
    fs.writeFileSync(
      path.join(project, "cdktf.json"),
      JSON.stringify({ language: "typescript", app: "node --import tsx main.ts", output: "cdktf.out", sendCrashReports: "false", terraformProviders: [], terraformModules: [] }),
    );
    const source = { ...noTables, tabels: ["public.customers"] };
    fs.writeFileSync(path.join(project, "main.ts"), `import { runApp } from ${JSON.stringify(path.join(ROOT, "src/app/app"))};\nrunApp({ sources: [${JSON.stringify(source)}] } as never);\n`);
    const r = spawnSync(path.join(ROOT, "node_modules/.bin/cdktf"), ["synth"], { cwd: project, encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1" }, timeout: 120_000 });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(TYPO);
    expect(fs.existsSync(path.join(project, "cdktf.out/stacks/orders-db"))).toBe(false);
  }, 150_000);
});

describe("construct props in a team's own app", () => {
  function pgStack(): { stack: TerraformStack; password: string } {
    const app = Testing.app({ stackTraces: false }) as App;
    const stack = new TerraformStack(app, "s");
    const password = new TerraformVariable(stack, "pw", { type: "string", sensitive: true }).stringValue;
    return { stack, password };
  }

  it("GenericPostgresSource: `tabels` refused at the props, with the props named", () => {
    const { stack, password } = pgStack();
    expect(lines(() => new GenericPostgresSource(stack, "orders", { ...noTables, tabels: ["public.customers"], password } as never))).toEqual([
      'error: source "orders-db": tabels = ["public.customers"] is not allowed: a field of GenericPostgresSource props (did you mean tables?) [unknown-key]',
    ]);
    // A config entry spread into the props keeps its `kind`: accepted. Its `clickpipe` would be ignored: refused.
    expect(() => new GenericPostgresSource(stack, "ok", { ...genericSource({ name: "ok" }), password })).not.toThrow();
    expect(lines(() => new GenericPostgresSource(stack, "pipe", { ...genericSource({ name: "pipe", clickpipe: { serviceId: "s", destinationDatabase: "d" } }), password } as never))[0]).toMatch(
      /^error: source "pipe": clickpipe = \{.*\} is not allowed: a field of GenericPostgresSource props: .*\[unknown-key\]$/,
    );
  });

  it("AuroraSource, RdsSource, AwsSourceDatabase: nested typos refused", () => {
    const stack = new TerraformStack(Testing.app({ stackTraces: false }) as App, "aws");
    new AwsProvider(stack, "aws", { region: "eu-central-1" });
    expect(lines(() => new AuroraSource(stack, "a", { ...auroraSource(), parameterGroup: { walSenderTimoutMs: 0 } } as never))).toEqual([
      'error: source "billing": parameterGroup.walSenderTimoutMs = 0 is not allowed: a field of AuroraSource props (did you mean walSenderTimeoutMs?) [unknown-key]',
    ]);
    expect(lines(() => new RdsSource(stack, "r", { ...rdsSource(), instanse: {} } as never))).toEqual([
      'error: source "billing": instanse = {} is not allowed: a field of RdsSource props (did you mean instance?) [unknown-key]',
    ]);
    const password = new TerraformVariable(stack, "pw", { type: "string", sensitive: true }).stringValue;
    expect(lines(() => new AwsSourceDatabase(stack, "d", { ...auroraSource(), engine: AwsEngine.AURORA_POSTGRESQL, password, tabels: [] } as never))[0]).toContain(
      "tabels = [] is not allowed: a field of AwsSourceDatabase props (did you mean tables?)",
    );
  });

  it("ClickPipe: a typo in the pipe spec or in privateLink is refused", () => {
    const { stack, password } = pgStack();
    const source = new GenericPostgresSource(stack, "orders", { ...genericSource(), password });
    expect(lines(() => new ClickPipe(stack, "p", { source, password, serviceId: "s", destinationDatabse: "x" } as never))).toEqual([
      'error: source "orders-db": destinationDatabse = "x" is not allowed: a field of ClickPipe props (did you mean destinationDatabase?) [unknown-key]',
    ]);
    expect(lines(() => new ClickPipe(stack, "q", { source, password, serviceId: "s", privateLink: { resourceConfigurationId: "rcfg-1", resourceShareArm: "arn" } } as never))).toEqual([
      'error: source "orders-db": privateLink.resourceShareArm = "arn" is not allowed: a field of ClickPipe props (did you mean resourceShareArn?) [unknown-key]',
    ]);
  });

  it("a building block names its construct path", () => {
    const { stack } = pgStack();
    expect(lines(() => new ClickPipesMonitoringRole(stack, "m", { name: "mon", password: "x", database: "d", pasword: "y" } as never))[0]).toBe(
      'error: source "s/m": pasword = "y" is not allowed: a field of ClickPipesMonitoringRole props (did you mean password?) [unknown-key]',
    );
  });
});

describe("the props shapes match the TypeScript props types", () => {
  const files: Record<string, [string, string]> = {
    GenericPostgresSource: ["src/postgres/generic-source.ts", "GenericPostgresSourceProps"],
    ValidatedGenericPostgresSource: ["src/postgres/generic-source.ts", "ValidatedGenericPostgresSourceProps"],
    AuroraSource: ["src/aws/aurora-source.ts", "AuroraSourceProps"],
    RdsSource: ["src/aws/rds-source.ts", "RdsSourceProps"],
    ValidatedAwsSource: ["src/aws/aws-source.ts", "ValidatedAwsSourceProps"],
    AwsSourceDatabase: ["src/aws/database-objects.ts", "AwsSourceDatabaseProps"],
    ValidatedAwsSourceDatabase: ["src/aws/database-objects.ts", "ValidatedAwsSourceDatabaseProps"],
    ClickPipe: ["src/clickhouse/clickpipe.ts", "ClickPipeProps"],
    ValidatedClickPipe: ["src/clickhouse/clickpipe.ts", "ValidatedClickPipeProps"],
    ClickPipesUser: ["src/postgres/clickpipes-user.ts", "ClickPipesUserProps"],
    ClickPipesGrants: ["src/postgres/grants.ts", "ClickPipesGrantsProps"],
    ClickPipesPublication: ["src/postgres/publication.ts", "ClickPipesPublicationProps"],
    ClickPipesMonitoringRole: ["src/postgres/monitoring-role.ts", "ClickPipesMonitoringRoleProps"],
    ManagedPostgresConnection: ["src/clickhouse/managed-postgres.ts", "ManagedPostgresConnectionProps"],
    ClickPipesPlanRole: ["src/postgres/plan-role.ts", "ClickPipesPlanRoleProps"],
    ClickPipesAzureFlexibleServer: ["src/azure/flexible-server.ts", "ClickPipesAzureFlexibleServerProps"],
    ClickPipesGoogleInstance: ["src/gcp/instance-aspect.ts", "ClickPipesGoogleInstanceProps"],
    ClickPipesParameterGroup: ["src/aws/parameter-group.ts", "ClickPipesParameterGroupProps"],
    ClickPipesIpAllowList: ["src/aws/ip-allow-list.ts", "ClickPipesIpAllowListProps"],
    ValidatedIpAllowList: ["src/aws/ip-allow-list.ts", "ValidatedIpAllowListProps"],
    ClickPipesPrivateLink: ["src/aws/privatelink.ts", "ClickPipesPrivateLinkProps"],
    ValidatedPrivateLink: ["src/aws/privatelink.ts", "ValidatedPrivateLinkProps"],
    ClickPipesAlarms: ["src/aws/cloudwatch-alarms.ts", "ClickPipesAlarmsProps"],
    ClickPipesIamRole: ["src/aws/clickpipes-iam-role.ts", "ClickPipesIamRoleProps"],
  };

  it("every shape has a props type, and their keys agree (so the check cannot drift from the types)", () => {
    expect(Object.keys(files).sort()).toEqual(Object.keys(PROPS_SHAPES).sort());
    const program = ts.createProgram([...new Set(Object.values(files).map(([f]) => path.join(ROOT, f)))], {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      skipLibCheck: true,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const keysOf = (file: string, name: string): string[] => {
      const sf = program.getSourceFile(path.join(ROOT, file))!;
      const decl = sf.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name)!;
      return checker
        .getPropertiesOfType(checker.getTypeAtLocation(decl))
        .map((p) => p.getName())
        .sort();
    };
    for (const [shape, [file, name]] of Object.entries(files)) {
      const s: PropsShape = PROPS_SHAPES[shape as keyof typeof PROPS_SHAPES];
      const node = propsNode(s);
      const known = Object.keys(node.properties!)
        .filter((k) => !(s.tolerated ?? []).includes(k))
        .sort();
      expect(known, `${shape} vs ${name}`).toEqual(keysOf(file, name));
    }
    expect(Object.keys(propsNode(PROPS_SHAPES.ClickPipe).properties!.privateLink!.properties!).sort()).toEqual(keysOf("src/clickhouse/clickpipe.ts", "ClickPipePrivateLink"));
    expect(fleetSchema().definitions.AppConfig).toBeDefined();
  });
});
