/**
 * Inputs of the large PR-review bench rows (issue 18 item 10), made from ONE real synth (a generic
 * source and an Aurora source with an IP allow list) whose JSON is then grown:
 * - grants: the generic stack with `--grants` table-scoped SELECT grants (copies of the synthesized
 *   grant, one table each); head changes every one of them (half revoke SELECT in place, half move
 *   to another table: a replace);
 * - ingress: the `-aws` stack with `--ingress` /32 rules in ONE security group (copies of the
 *   synthesized rule); head deletes every other one and adds one /17 covering the lower half.
 * For `guard`, the same changes as plans in `terraform show -json` format (1.2).
 *   node --import tsx bench/review-large.ts --out DIR --grants 20000 --ingress 40000
 * writes DIR/{grants,ingress}/{base,head} (cdktf.out folders) and DIR/{grants,ingress}.plan.json.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildApp } from "../src/app/app";
import { SourceKind, type AppConfig } from "../src/model/app-config";
import { AwsNetworkMode } from "../src/model/aws-types";
import { BackendType } from "../src/model/backend";
import { CloudProvider, PostgresMajorVersion } from "../src/model/types";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) throw new Error(`missing --${name}`);
  return process.argv[i + 1]!;
};

const config: AppConfig = {
  backend: { type: BackendType.LOCAL },
  sources: [
    {
      kind: SourceKind.GENERIC,
      name: "orders-db",
      host: "db.example.com",
      database: "orders",
      postgresVersion: PostgresMajorVersion.V16,
      clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
      tables: ["public.orders"],
    },
    {
      kind: SourceKind.AURORA,
      name: "billing",
      host: "billing.cluster-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com",
      database: "billing",
      awsRegion: "eu-central-1",
      postgresVersion: PostgresMajorVersion.V16,
      clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
      tables: ["public.invoices"],
      network: { mode: AwsNetworkMode.IP_ALLOW_LIST, securityGroupId: "sg-0123456789abcdef0" },
    },
  ] as AppConfig["sources"],
};

const hex8 = (i: number) => i.toString(16).toUpperCase().padStart(8, "0");
const ip = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

function writeStack(out: string, stack: string, json: Json): void {
  fs.mkdirSync(path.join(out, "stacks", stack), { recursive: true });
  fs.writeFileSync(path.join(out, "stacks", stack, "cdk.tf.json"), JSON.stringify(json));
}

function change(address: string, type: string, actions: string[], before: Json | null, after: Json | null): Json {
  return { address, mode: "managed", type, name: address.slice(type.length + 1), provider_name: "registry.terraform.io/x/y", change: { actions, before, after, after_unknown: {} } };
}
const strip = (b: Json): Json => Object.fromEntries(Object.entries(b).filter(([k]) => !["//", "depends_on", "lifecycle"].includes(k)));

/** Grow the synthesized stacks into the bench inputs under `dir`. */
function makeLargeReviewInputs(synthDir: string, dir: string, grants: number, ingress: number): void {
  const read = (stack: string) => JSON.parse(fs.readFileSync(path.join(synthDir, "stacks", stack, "cdk.tf.json"), "utf8")) as Json;

  // Grants: one stack, GRANTS table-scoped SELECT grants, every one changed in head.
  const orders = read("orders-db");
  const [grantName, grant] = Object.entries(orders.resource.postgresql_grant as Json).find(([n]) => n.includes("SelectTables"))!;
  const base = structuredClone(orders);
  const head = structuredClone(orders);
  const plan: Json[] = [];
  for (let i = 0; i < grants; i++) {
    const name = grantName.replace(/tables-[^_]+_SelectTables_[0-9A-F]{8}$/, `tables-s${i}_SelectTables_${hex8(i)}`);
    const b = { ...structuredClone(grant), schema: `s${i}`, objects: [`t${i}`] };
    const h = i % 2 === 0 ? { ...b, privileges: [] } : { ...b, objects: [`t${i}_v2`] };
    base.resource.postgresql_grant[name] = b;
    head.resource.postgresql_grant[name] = h;
    plan.push(change(`postgresql_grant.${name}`, "postgresql_grant", i % 2 === 0 ? ["update"] : ["delete", "create"], strip(b), strip(h)));
  }
  writeStack(path.join(dir, "grants/base"), "orders-db", base);
  writeStack(path.join(dir, "grants/head"), "orders-db", head);
  fs.writeFileSync(path.join(dir, "grants.plan.json"), JSON.stringify({ format_version: "1.2", terraform_version: "1.11.4", resource_changes: plan }));

  // Ingress: one security group, INGRESS /32 rules; head deletes every other and adds a /17.
  const aws = read("billing-aws");
  const [ruleName, rule] = Object.entries(aws.resource.aws_vpc_security_group_ingress_rule as Json)[0]!;
  const ibase = structuredClone(aws);
  const ihead = structuredClone(aws);
  ibase.resource.aws_vpc_security_group_ingress_rule = {};
  ihead.resource.aws_vpc_security_group_ingress_rule = {};
  const iplan: Json[] = [];
  const ruleAddress = (cidr: string, i: number) => ruleName.replace(/Ingress-[^_]+_[0-9A-F]{8}$/, `Ingress-${cidr.replace(/[./]/g, "")}_${hex8(i)}`);
  for (let i = 0; i < ingress; i++) {
    const cidr = `${ip(i)}/32`;
    const name = ruleAddress(cidr, i);
    const body = { ...structuredClone(rule), cidr_ipv4: cidr };
    ibase.resource.aws_vpc_security_group_ingress_rule[name] = body;
    if (i % 2 === 1) ihead.resource.aws_vpc_security_group_ingress_rule[name] = body;
    iplan.push(change(`aws_vpc_security_group_ingress_rule.${name}`, "aws_vpc_security_group_ingress_rule", i % 2 === 1 ? ["no-op"] : ["delete"], strip(body), i % 2 === 1 ? strip(body) : null));
  }
  const wide = { ...structuredClone(rule), cidr_ipv4: "10.0.0.0/17" };
  const wideName = ruleAddress("10.0.0.0/17", ingress);
  ihead.resource.aws_vpc_security_group_ingress_rule[wideName] = wide;
  iplan.push(change(`aws_vpc_security_group_ingress_rule.${wideName}`, "aws_vpc_security_group_ingress_rule", ["create"], null, strip(wide)));
  writeStack(path.join(dir, "ingress/base"), "billing-aws", ibase);
  writeStack(path.join(dir, "ingress/head"), "billing-aws", ihead);
  fs.writeFileSync(path.join(dir, "ingress.plan.json"), JSON.stringify({ format_version: "1.2", terraform_version: "1.11.4", resource_changes: iplan }));
}

{
  process.setSourceMapsEnabled(false);
  const out = arg("out");
  const synthDir = path.join(out, "synth");
  fs.mkdirSync(out, { recursive: true });
  buildApp(config, { outdir: synthDir }).synth();
  makeLargeReviewInputs(synthDir, out, Number(arg("grants")), Number(arg("ingress")));
}
