/**
 * Rule `managed-postgres-service`: a `clickhouse_postgres_service` (ClickHouse Managed Postgres, the
 * source database itself) deleted or replaced is a BLOCK in `diff` (two synth outputs, the service
 * added to the real synth output of a stack with a pipe) and in `guard` (plans); an update in place
 * is no verdict.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDiff } from "../../src/cli/diff";
import type { DiffReport } from "../../src/diff/report";
import { guardPlan } from "../../src/guard/guard";
import { parsePlan } from "../../src/guard/plan";
import { AppConfig } from "../../src/model/app-config";
import { BackendType } from "../../src/model/backend";
import { genericSource, synthApp } from "../support/helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-managed-pg-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const config: AppConfig = {
  backend: { type: BackendType.LOCAL },
  sources: [genericSource({ clickpipe: { serviceId: "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d", destinationDatabase: "orders" } })],
};

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const SERVICE = {
  name: "orders-pg",
  cloud_provider: "aws",
  region: "us-east-1",
  postgres_version: "18",
  size: "r8gd.large",
  ha_type: "none",
  password_wo: "${var.orders_pg_password}",
  password_wo_version: 1,
};

let synthOut: string;
let base: string;
beforeAll(() => {
  synthOut = path.join(tmp, "synth");
  synthApp(config, synthOut);
  base = head((s) => s);
});

let n = 0;
/** A copy of the synth output with the service (as `edit` leaves it; null: no service) in the stack. */
function head(edit: (s: Json) => Json | null): string {
  const dir = path.join(tmp, `out-${++n}`);
  fs.cpSync(synthOut, dir, { recursive: true });
  const file = path.join(dir, "stacks/orders-db/cdk.tf.json");
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  const s = edit(structuredClone(SERVICE));
  if (s) j.resource.clickhouse_postgres_service = { orders_pg: s };
  fs.writeFileSync(file, JSON.stringify(j, null, 2));
  return dir;
}

async function diff(h: string): Promise<{ code: number; r: DiffReport }> {
  let out = "";
  const sink = (f: (s: string) => void) => ({ write: (s: string) => (f(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await runDiff(
    [base, h, "--json"],
    sink((s) => (out += s)),
    sink(() => {}),
  );
  return { code, r: JSON.parse(out) as DiffReport };
}
const verdicts = (r: DiffReport) => r.stacks.flatMap((s) => s.verdicts.filter((v) => v.rule === "managed-postgres-service"));

describe("diff: clickhouse_postgres_service", () => {
  it("resized, HA changed, a server parameter set, the password rotated: updated in place, no verdict", async () => {
    const { code, r } = await diff(head((s) => ({ ...s, size: "r8gd.xlarge", ha_type: "async", pg_config: { max_slot_wal_keep_size: "10240" }, password_wo_version: 2 })));
    const res = r.stacks.flatMap((s) => s.resources).find((x) => x.address === "clickhouse_postgres_service.orders_pg");
    expect(res?.action).toBe("update");
    expect(verdicts(r)).toEqual([]);
    expect(code).toBe(0);
  });

  it("a new region or major version replaces the service: BLOCK naming the attribute", async () => {
    const { code, r } = await diff(head((s) => ({ ...s, region: "eu-west-1", size: "r8gd.xlarge" })));
    const v = verdicts(r);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ level: "BLOCK", address: "clickhouse_postgres_service.orders_pg" });
    expect(v[0]!.message).toContain("replaced (region forces a new service)");
    expect(v[0]!.message).not.toContain("size");
    expect(code).not.toBe(0);
    const { r: r2 } = await diff(head((s) => ({ ...s, postgres_version: "17" })));
    expect(verdicts(r2).map((x) => x.message)).toEqual([expect.stringContaining("(postgres_version forces a new service)")]);
  });

  it("read_replica_of set: counted as a replace (the provider keeps the instance only when promoted out of band)", async () => {
    const { r } = await diff(head((s) => ({ ...s, read_replica_of: "a1b2c3" })));
    expect(verdicts(r).map((x) => x.message)).toEqual([expect.stringContaining("(read_replica_of forces a new service)")]);
  });

  it("removing the service destroys it: BLOCK", async () => {
    const { code, r } = await diff(head(() => null));
    expect(verdicts(r).map((x) => `${x.level} ${x.message.split(":")[0]}`)).toEqual(["BLOCK Managed Postgres service orders-pg deleted"]);
    expect(code).not.toBe(0);
  });
});

describe("guard: clickhouse_postgres_service", () => {
  const plan = (actions: string[], after: Json | null, replacePaths?: string[][]) =>
    JSON.stringify({
      format_version: "1.2",
      resource_changes: [
        {
          address: "clickhouse_postgres_service.orders_pg",
          mode: "managed",
          type: "clickhouse_postgres_service",
          name: "orders_pg",
          provider_name: "registry.terraform.io/ClickHouse/clickhouse",
          change: { actions, before: { ...SERVICE, password_wo: null, id: "pg-1" }, after, ...(replacePaths ? { replace_paths: replacePaths } : {}) },
        },
      ],
    });
  const judged = (text: string) => guardPlan(parsePlan(text), {}).verdicts.map((v) => `${v.level} ${v.rule} ${v.message.split(": ")[0]}`);

  it("update in place: no verdict", () => {
    expect(judged(plan(["update"], { ...SERVICE, password_wo: null, size: "r8gd.xlarge", tags: { team: "data" } }))).toEqual([]);
  });

  it("replace: BLOCK naming the replace-forcing attribute", () => {
    expect(judged(plan(["delete", "create"], { ...SERVICE, password_wo: null, name: "orders-pg-2", ha_type: "sync" }, [["name"]]))).toEqual([
      "BLOCK managed-postgres-service Managed Postgres service orders-pg replaced (name forces a new service)",
    ]);
    expect(judged(plan(["create", "delete"], { ...SERVICE, password_wo: null, restore_to_point_in_time: { source_id: "pg-0", restore_target: "2026-12-01T00:00:00Z" } }))).toEqual([
      "BLOCK managed-postgres-service Managed Postgres service orders-pg replaced (restore_to_point_in_time forces a new service)",
    ]);
  });

  it("destroy: BLOCK, and --allow makes it deliberate", () => {
    expect(judged(plan(["delete"], null))).toEqual(["BLOCK managed-postgres-service Managed Postgres service orders-pg deleted"]);
    const r = guardPlan(parsePlan(plan(["delete"], null)), { allow: ["clickhouse_postgres_service.orders_pg"] });
    expect(r.verdicts.map((v) => v.allowed)).toEqual([true]);
  });
});
