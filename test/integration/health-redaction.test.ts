/**
 * `health` redacts the secrets actually in play and nothing else, never inside numbers or metric
 * values (issue 24, part 4): an unrelated `.pgpass` entry `...:1` once turned every `1` into `***`,
 * breaking `--json` and promtool. The password the connection uses (here the matching pgpass
 * line) is still hidden wherever it appears (a slot named like it); an unrelated pgpass password
 * is not. Text escapes reordering characters; stderr stays one line when a name holds a newline.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHealth } from "../../src/cli/health";
import { redact } from "../../src/pg/secrets";
import { PgServer, startServer } from "../support/harness";
import { findTool, promtoolCheckMetrics } from "../support/promtool";

const PROMTOOL = findTool("promtool");
const USER = "watcher_r";
/** The password the connection uses; a slot of the same name makes it appear in the output. */
const USED = "used_secret_slot";
/** A password of an unrelated pgpass line, also a slot's name: must stay visible. */
const UNRELATED = "unrelated_slot";

let server: PgServer;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-health-redact-"));
let pgpass: string;

beforeAll(async () => {
  server = await startServer({ major: 16, walLevel: "logical" });
  await server.query(`CREATE ROLE ${USER} LOGIN PASSWORD '${USED}' IN ROLE pg_monitor`);
  for (const slot of [USED, UNRELATED, "slot_1"]) await server.query(`SELECT pg_create_logical_replication_slot('${slot}', 'pgoutput')`);
  pgpass = path.join(tmp, "pgpass");
  fs.writeFileSync(pgpass, [`other.example:5432:*:*:1`, `other.example:5432:*:*:${UNRELATED}`, `127.0.0.1:${server.port}:postgres:${USER}:${USED}`, ""].join("\n"), { mode: 0o600 });
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function health(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runHealth(args, { out: (s) => (out += s), err: (s) => (err += s) }, { PGPASSFILE: pgpass, ...env });
  return { code, out, err };
}

const url = () => `postgres://${USER}@127.0.0.1:${server.port}/postgres`;

describe("health with an unrelated .pgpass entry ...:1", () => {
  it("--json parses with its numbers whole; the used password is redacted, the unrelated one is not", async () => {
    const r = await health([url(), "--json"]);
    expect(r.err).toBe("");
    // Before: every standalone 1 became ***, and JSON.parse failed.
    const report = JSON.parse(r.out);
    expect(r.out).not.toMatch(/:\s*\*\*\*/);
    const text = JSON.stringify(report);
    expect(text).not.toContain(USED);
    expect(text).toContain(UNRELATED);
    expect(text).toContain("slot_1");
  });

  it.skipIf(!PROMTOOL)("--prometheus passes promtool check metrics; metric values untouched", async () => {
    const r = await health([url(), "--prometheus"]);
    expect(r.out).toMatch(/^clickpipes_source_up\{[^}]*\} 1$/m);
    expect(r.out).not.toContain(USED);
    const check = promtoolCheckMetrics(PROMTOOL!, r.out);
    expect(check.code, check.output).toBe(0);
  });

  it("a numeric password is still hidden where it is written as one (URL userinfo, password=), never in numbers", () => {
    expect(redact("cannot connect to postgres://u:1@h:5432/db; 1 slot, 1.5 MB, password=1 x", ["1"])).toBe("cannot connect to postgres://u:***@h:5432/db; 1 slot, 1.5 MB, password=*** x");
    expect(redact("value NaN and 12", ["NaN", "12"])).toBe("value NaN and 12");
  });
});

describe("health text and stderr", () => {
  it("reordering characters in names are escapes in text; stderr is one line when a name holds a newline", async () => {
    const r = await health([url(), "--slot", "evil\u202eslot"]);
    expect(r.out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(r.out).toContain("\\u{202e}");
    const bad = await health([url(), "--thresholds", path.join(tmp, "no\nsuch\u202efile")]);
    expect(bad.code).toBe(2);
    expect(bad.err.split("\n")).toHaveLength(2);
    expect(bad.err).not.toMatch(/[\u202a-\u202e]/);
  });
});
