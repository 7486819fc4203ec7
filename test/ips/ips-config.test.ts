/**
 * `clickPipesIpsFile`: a downloaded static-ips.json document replaces the embedded IP table for the
 * allow lists. Synth with it (security group ingress rules and pg_hba lines carry the document's
 * addresses; the output names the document by digest, never by path), relative paths resolved
 * against the app folder or the fleet file's folder, and each refusal as one line.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTree as readFileTree } from "../../src/util/file-tree";
import { applyClickPipesIpsFile, buildApp, loadAppConfig, validateAppConfig } from "../../src/app/app";
import { AppConfig } from "../../src/model/app-config";
import { CloudProvider } from "../../src/model/types";
import { formatFinding, ValidationError } from "../../src/model/validation";
import { auroraSource } from "../support/aws-helpers";
import { genericSource, parse } from "../support/helpers";
import { apiDocument } from "../support/static-ips";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-ips-config-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Taipei's six addresses (static-ips.mdx @340ecd8f); the document carries them whatever the embedded table holds.
const TAIPEI = ["43.212.223.232", "43.213.191.245", "43.213.177.170", "43.213.254.52", "54.54.16.115", "43.212.222.227"];
const FRANKFURT = ["198.51.100.1", "198.51.100.2", "2001:db8::7"];

function writeDoc(name: string, mutate: (doc: Record<string, Record<string, unknown>[]>) => void = () => {}): string {
  const doc = apiDocument();
  doc.aws = doc.aws!.filter((r) => r.region !== "ap-east-2");
  doc.aws.push({ region: "ap-east-2", egress_ips: [], clickpipes_egress_ips: TAIPEI });
  doc.aws.find((r) => r.region === "eu-central-1")!.clickpipes_egress_ips = FRANKFURT;
  mutate(doc);
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}

/** Every file under `dir` as text, by relative path (the project's one walker). */
function readTree(dir: string): Map<string, string> {
  return new Map([...readFileTree(dir)].map(([f, bytes]) => [f, bytes.toString("utf8")]));
}

function config(file: string, over: Partial<AppConfig> = {}): AppConfig {
  return {
    clickPipesIpsFile: file,
    sources: [genericSource({ name: "taipei-db", clickhouse: { cloud: CloudProvider.AWS, region: "ap-east-2" } }), auroraSource()],
    ...over,
  };
}

function errorLines(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationError) return e.findings.map(formatFinding);
    throw e;
  }
  return [];
}

describe("clickPipesIpsFile", () => {
  it("puts the document's addresses in the ingress rules and pg_hba lines; synth output holds no path", () => {
    writeDoc("app/ips/static-ips.json");
    const outdir = path.join(tmp, "out");
    // Relative to the app's folder (baseDir), as cdktf.json's folder is when cdktf runs the app.
    buildApp(config("ips/static-ips.json"), { outdir, baseDir: path.join(tmp, "app") }).synth();
    const tree = readTree(outdir);
    const generic = parse(tree.get("stacks/taipei-db/cdk.tf.json")!);
    expect(generic.output!.pg_hba_lines!.value).toEqual(
      [...TAIPEI]
        .sort()
        .map((ip) => `host orders clickpipes_user ${ip}/32 scram-sha-256`)
        .sort(),
    );
    const aws = parse(tree.get("stacks/billing-aws/cdk.tf.json")!);
    const rules = Object.values(aws.resource!.aws_vpc_security_group_ingress_rule!);
    expect(rules.map((r) => (r.cidr_ipv4 ?? r.cidr_ipv6) as string).sort()).toEqual(["198.51.100.1/32", "198.51.100.2/32", "2001:db8::7/128"]);
    const all = [...tree.values()].join("\n");
    expect(all).not.toContain(tmp);
    expect(all).not.toContain("static-ips.json");
    const hba = [...tree.entries()].find(([p]) => p.endsWith("taipei-db/pg_hba.conf"))?.[1];
    expect(hba).toMatch(/# ClickPipes IPs of ap-east-2 \(IP table document sha256:[0-9a-f]{12}\)/);
    for (const ip of TAIPEI) expect(hba).toContain(`${ip}/32`);
  });

  it("gives the same output from another folder, and applies only to sources without network.allowedCidrs", () => {
    writeDoc("other/place/static-ips.json");
    const a = path.join(tmp, "out-a");
    const b = path.join(tmp, "out-b");
    buildApp(config("ips/static-ips.json"), { outdir: a, baseDir: path.join(tmp, "app") }).synth();
    buildApp(config(path.join(tmp, "other/place/static-ips.json")), { outdir: b }).synth();
    expect(readTree(b)).toEqual(readTree(a));
    const own = applyClickPipesIpsFile({ clickPipesIpsFile: path.join(tmp, "app/ips/static-ips.json"), sources: [genericSource({ network: { allowedCidrs: ["203.0.113.0/24"] } })] });
    expect(validateAppConfig(own)).toEqual([]);
  });

  it("a fleet file's clickPipesIpsFile is relative to the fleet file; two different files are refused", () => {
    writeDoc("fleet/ips.json");
    const fleet = path.join(tmp, "fleet/fleet.yaml");
    fs.writeFileSync(
      fleet,
      `clickPipesIpsFile: ips.json\nsources:\n  - kind: generic\n    name: taipei-db\n    host: db.example.com\n    database: orders\n    postgresVersion: 16\n    clickhouse: { cloud: aws, region: ap-east-2 }\n    schemas: [{ name: public }]\n`,
    );
    const merged = loadAppConfig({ sources: [] }, [fleet]);
    expect(merged.clickPipesIpsFile).toBe(path.join(tmp, "fleet/ips.json"));
    const outdir = path.join(tmp, "out-fleet");
    buildApp(merged, { outdir, baseDir: "/nonexistent" }).synth();
    expect(parse(fs.readFileSync(path.join(outdir, "stacks/taipei-db/cdk.tf.json"), "utf8")).output!.pg_hba_lines!.value).toHaveLength(6);
    expect(errorLines(() => loadAppConfig({ clickPipesIpsFile: "other.json", sources: [] }, [fleet]))).toEqual([
      `error: source "(app)": clickPipesIpsFile = ["other.json","${path.join(tmp, "fleet/ips.json")}"] is not allowed: one document for the whole app (set it in one place, or name the same file everywhere) [clickpipes-ips-file]`,
    ]);
  });

  it("refuses an unusable file in one line, before anything is written", () => {
    const missing = path.join(tmp, "nope.json");
    const notJson = path.join(tmp, "not.json");
    fs.writeFileSync(notJson, "<html>");
    const shape = path.join(tmp, "shape.json");
    fs.writeFileSync(shape, JSON.stringify({ aws: [{ region: "eu-central-1", clickpipes_egress_ips: ["18.195.233.217/8"] }] }));
    const outdir = path.join(tmp, "out-refused");
    const line = (file: string, problem: string) =>
      `error: source "(app)": clickPipesIpsFile = ${JSON.stringify(file)} is not allowed: a readable static-ips.json document (this one: ${problem}) [clickpipes-ips-file]`;
    expect(errorLines(() => buildApp(config(missing), { outdir }))).toEqual([line(missing, "no such file")]);
    expect(errorLines(() => buildApp(config(tmp), { outdir }))).toEqual([line(tmp, "a directory")]);
    expect(errorLines(() => buildApp(config(notJson), { outdir }))[0]).toMatch(/this one: not JSON \(.+\)\) \[clickpipes-ips-file\]$/);
    expect(errorLines(() => buildApp(config(shape), { outdir }))).toEqual([
      line(shape, 'not a static-ips.json document: $.aws[0].clickpipes_egress_ips[0] "18.195.233.217/8" is not an IP address or network (it has host bits set after /8)'),
    ]);
    expect(validateAppConfig(config(missing))).toHaveLength(1);
    expect(fs.existsSync(outdir)).toBe(false);
  });

  it("refuses a service region the document lacks, a region without addresses, and /0 unless allowAnyAddress", () => {
    const lacking = writeDoc("lacking.json", (d) => {
      d.aws = d.aws!.filter((r) => r.region !== "ap-east-2");
      d.aws.find((r) => r.region === "eu-central-1")!.clickpipes_egress_ips = [];
    });
    const lines = validateAppConfig(config(lacking)).map(formatFinding);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^error: source "taipei-db": clickhouse\.region = "ap-east-2" is not allowed: a region of aws that the ClickPipes IP table document sha256:[0-9a-f]{12} \(clickPipesIpsFile\) lists, or that uses a default region: af-south-1, .* \[region\]$/,
    );
    expect(lines[1]).toMatch(
      /^error: source "billing": clickhouse\.region = "eu-central-1" is not allowed: a region with addresses in the ClickPipes IP table document sha256:[0-9a-f]{12} \(clickPipesIpsFile\) \(it lists none for eu-central-1\) \[clickpipes-ips\]$/,
    );
    const world = writeDoc("world.json", (d) => {
      d.aws!.find((r) => r.region === "ap-east-2")!.clickpipes_egress_ips = ["0.0.0.0/0"];
    });
    expect(validateAppConfig(config(world)).map(formatFinding)).toEqual([
      expect.stringMatching(
        /^error: source "taipei-db": clickhouse\.region = "ap-east-2" is not allowed: .*leave part of the address space out \(ap-east-2 lists 0\.0\.0\.0\/0\); the whole internet only with network\.allowAnyAddress = true \[clickpipes-ips\]$/,
      ),
    ]);
    const allowed = config(world, { sources: [genericSource({ name: "taipei-db", clickhouse: { cloud: CloudProvider.AWS, region: "ap-east-2" }, network: { allowAnyAddress: true } })] });
    expect(validateAppConfig(allowed)).toEqual([]);
  });
});
