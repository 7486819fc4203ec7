/**
 * Every scenario under examples/ (one folder with a main.ts each, as a user's own cdktf app would be
 * written against the installed package) typechecks strictly and synthesizes; the assertions check
 * what each scenario's comment promises.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLES = path.join(ROOT, "examples");
// Inside the project so the copies resolve node_modules as a user's app does.
const work = fs.mkdtempSync(path.join(ROOT, "test", ".examples-"));
const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), "cp-examples-"));
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(outRoot, { recursive: true, force: true });
});

const SCENARIOS = ["self-managed", "generic-with-pipe", "aurora-privatelink", "rds-iam"] as const;
type Scenario = (typeof SCENARIOS)[number];

/** The example with the package's imports pointed at src/ (the package root and its /aws subpath). */
function copyOf(name: Scenario): string {
  const rel = (to: string) => JSON.stringify(path.relative(work, path.join(ROOT, to)).split(path.sep).join("/"));
  const code = fs
    .readFileSync(path.join(EXAMPLES, name, "main.ts"), "utf8")
    .replace(/from "cdktf-clickpipes-postgres\/aws"/g, `from ${rel("src/aws/index")}`)
    .replace(/from "cdktf-clickpipes-postgres"/g, `from ${rel("src/index")}`);
  const file = path.join(work, `${name}.ts`);
  fs.writeFileSync(file, code);
  return file;
}

interface Synth {
  stdout: string;
  stack(name: string): { resource?: Record<string, Record<string, any>>; data?: Record<string, Record<string, any>>; variable?: Record<string, any> };
  text(rel: string): string;
}

const runs = new Map<Scenario, Synth>();

beforeAll(() => {
  const files = SCENARIOS.map(copyOf);
  // One strict typecheck over all scenarios, as a user's tsconfig would run it.
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/typescript/bin/tsc"), "--noEmit", "--strict", "--esModuleInterop", "--skipLibCheck", "--types", "node", "--module", "commonjs", "--target", "ES2022", ...files],
    { cwd: ROOT, encoding: "utf8" },
  );
  for (const [i, name] of SCENARIOS.entries()) {
    const outdir = path.join(outRoot, name);
    const stdout = execFileSync(process.execPath, ["--import", "tsx", files[i]!], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CDKTF_OUTDIR: outdir } });
    runs.set(name, {
      stdout,
      stack: (stack) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")),
      text: (rel) => fs.readFileSync(path.join(outdir, rel), "utf8"),
    });
  }
}, 600_000);

const only = <T>(o: Record<string, T> | undefined): T => {
  const values = Object.values(o ?? {});
  expect(values).toHaveLength(1);
  return values[0]!;
};

describe("examples/", () => {
  it("has exactly the scenarios this test synthesizes", () => {
    const dirs = fs.readdirSync(EXAMPLES).filter((d) => fs.existsSync(path.join(EXAMPLES, d, "main.ts")));
    expect(dirs.sort()).toEqual([...SCENARIOS].sort());
  });

  it("self-managed: user, grants, publication of the listed tables; pg_hba lines for the region's IPs only", () => {
    const r = runs.get("self-managed")!;
    const json = r.stack("orders-db");
    const role = only(json.resource!.postgresql_role);
    expect(role).toMatchObject({ name: "clickpipes_user", login: true, password_wo_version: "1", password_wo: "${var.clickpipes_password}" });
    expect(role.password).toBeUndefined();
    expect(only(json.resource!.postgresql_publication).tables).toEqual(["public.customers", "public.orders", "sales.invoices"]);
    expect(json.variable!.clickpipes_password).toMatchObject({ sensitive: true });
    const hba = r.text("stacks/orders-db/server-setup/orders/pg_hba.conf");
    expect(r.stdout).toMatch(/^host orders clickpipes_user \d+\.\d+\.\d+\.\d+\/32 scram-sha-256$/m);
    expect(hba).not.toContain("0.0.0.0/0");
    expect(JSON.stringify(json)).not.toMatch(/"\/(work|tmp|home|root)\//);
  });

  it("generic-with-pipe: the pipe reads the stack's publication and the write-only password", () => {
    const json = runs.get("generic-with-pipe")!.stack("orders-db");
    const pipe = only(json.resource!.clickhouse_clickpipe);
    const pub = Object.keys(json.resource!.postgresql_publication!)[0]!;
    expect(pipe.source.postgres.settings.publication_name).toBe(`\${postgresql_publication.${pub}.name}`);
    expect(pipe.source.postgres.credentials.password_wo).toBe("${var.clickpipes_password}");
    expect(pipe.destination.database).toBe("orders");
  });

  it("aurora-privatelink: a resource gateway and share on the AWS side, no ingress rule; the pipe connects through a reverse private endpoint", () => {
    const r = runs.get("aurora-privatelink")!;
    const aws = r.stack("billing-aws");
    expect(only(aws.resource!.aws_rds_cluster_parameter_group).parameter).toContainEqual(expect.objectContaining({ name: "rds.logical_replication", value: "1" }));
    expect(Object.keys(aws.resource!.aws_vpclattice_resource_gateway ?? {})).toHaveLength(1);
    expect(aws.resource!.aws_vpc_security_group_ingress_rule).toBeUndefined();
    const db = r.stack("billing-db");
    const endpoint = only(db.resource!.clickhouse_clickpipes_reverse_private_endpoint);
    expect(endpoint.type).toBe("VPC_RESOURCE");
    expect(only(db.resource!.clickhouse_clickpipe).source.postgres.host).toContain("clickhouse_clickpipes_reverse_private_endpoint.");
  });

  it("rds-iam: IAM replication parameter, a role ClickPipes assumes, and a pipe with IAM_ROLE and no password", () => {
    const r = runs.get("rds-iam")!;
    const aws = r.stack("orders-rds-aws");
    expect(only(aws.resource!.aws_db_parameter_group).parameter).toContainEqual(expect.objectContaining({ name: "rds.iam_auth_for_replication", value: "1" }));
    expect(JSON.parse(only(aws.resource!.aws_iam_role).assume_role_policy).Statement[0].Action).toEqual(["sts:AssumeRole", "sts:TagSession"]);
    expect(Object.keys(aws.resource!.aws_vpc_security_group_ingress_rule ?? {}).length).toBeGreaterThan(0);
    const pipe = only(r.stack("orders-rds-db").resource!.clickhouse_clickpipe);
    expect(pipe.source.postgres).toMatchObject({ authentication: "IAM_ROLE" });
    expect(Object.keys(pipe.source.postgres.credentials)).toEqual(["username"]);
  });
});
