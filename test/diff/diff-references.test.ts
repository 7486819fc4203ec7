/**
 * Issue 25 item 2: `diff` follows references between the resources of a stack (and to variables
 * with defaults) before judging replacement, so a change reaches every resource that reads it.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDiff } from "../../src/cli/diff";
import type { DiffReport } from "../../src/diff/report";
import { referenceResolver } from "../../src/diff/references";
import { AppConfig } from "../../src/model/app-config";
import { BackendType } from "../../src/model/backend";
import { genericSource, synthApp } from "../support/helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-refs-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const SERVICE = "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d";
const withPipe = (publication?: string): AppConfig => ({
  backend: { type: BackendType.LOCAL },
  sources: [genericSource({ ...(publication ? { publication: { name: publication } } : {}), clickpipe: { serviceId: SERVICE, destinationDatabase: "orders" } } as never)],
});

async function diff(base: string, head: string): Promise<{ code: number; r: DiffReport }> {
  let out = "";
  const sink = (f: (s: string) => void) => ({ write: (s: string) => (f(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await runDiff(
    [base, head, "--json"],
    sink((s) => (out += s)),
    sink(() => {}),
  );
  return { code, r: JSON.parse(out) as DiffReport };
}

let base: string;
beforeAll(() => {
  base = path.join(tmp, "base");
  synthApp(withPipe(), base);
});

describe("diff follows references", () => {
  it("renaming the publication of a source with a pipe: the pipe is replaced (its publication_name reads the publication's name)", async () => {
    const head = path.join(tmp, "renamed");
    synthApp(withPipe("orders_pub_v2"), head);
    const j = JSON.parse(fs.readFileSync(path.join(head, "stacks/orders-db/cdk.tf.json"), "utf8"));
    const pipe = Object.values(j.resource.clickhouse_clickpipe)[0] as { source: { postgres: { settings: { publication_name: string } } } };
    // The pipe's JSON is the same on both sides: only the reference's target changes.
    expect(pipe.source.postgres.settings.publication_name).toMatch(/^\$\{postgresql_publication\..+\.name\}$/);
    const { code, r } = await diff(base, head);
    expect(code).toBe(1);
    const s = r.stacks.find((x) => x.name === "orders-db")!;
    const p = s.resources.find((x) => x.type === "clickhouse_clickpipe")!;
    expect(p.action).toBe("replace");
    expect(p.replaceBecause).toEqual(["source.postgres.settings.publication_name"]);
    expect(p.changes.find((c) => c.path === "source.postgres.settings.publication_name")).toMatchObject({ after: "orders_pub_v2", forcesReplacement: true });
    expect(p.verdicts.map((v) => v.rule)).toContain("clickpipe-replaced");
    expect(r.summary.replace).toBeGreaterThanOrEqual(1);
  });

  it("the resolver: resource attributes and variable defaults, never computed or sensitive values, cycles left as written", () => {
    const json = {
      variable: { db: { default: "orders" }, pw: { default: "s3cret", sensitive: true } },
      resource: {
        a_thing: { x: { name: "${var.db}_pub", password: "${var.pw}", other: "${a_thing.y.id}" }, y: { name: "${a_thing.x.name}", loop: "${a_thing.z.loop}" }, z: { loop: "${a_thing.y.loop}" } },
      },
    };
    const resolve = referenceResolver(json);
    expect(resolve(json.resource.a_thing.y)).toEqual({ name: "orders_pub", loop: "${a_thing.z.loop}" });
    expect(resolve(json.resource.a_thing.x)).toEqual({ name: "orders_pub", password: "${var.pw}", other: "${a_thing.y.id}" });
  });
});
