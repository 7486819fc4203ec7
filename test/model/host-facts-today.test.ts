import { describe, expect, it } from "vitest";
import { HostProfile, HOST_PROFILES } from "../../src/model/host-profiles";
import { IAM_AUTH_SOURCES } from "../../src/model/iam-auth";
import { serverSettings } from "../../src/model/server-setup";
import { resolveSource } from "../../src/model/defaults";
import { renderServerSetup } from "../../src/render/server-setup";
import { validateSource } from "../../src/model/validate";
import { genericSource, genericStack } from "../support/helpers";

const SERVICE = "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d";
const neon = { hostProfile: HostProfile.NEON, host: "ep-cool-1234.eu-central-1.aws.neon.tech" };

function messages(f: () => unknown): string {
  try {
    const r = f() as { takeWarnings?: () => readonly unknown[] } | undefined;
    return JSON.stringify(r?.takeWarnings?.() ?? []);
  } catch (e) {
    return (e as Error).message;
  }
}

describe("today's host facts", () => {
  it("Neon: the rendered steps say a paused pipe loses its slot after about 40 h", () => {
    const conf = renderServerSetup(resolveSource(genericSource(neon)), HostProfile.NEON)["postgresql.conf"];
    expect(conf).toMatch(/Neon removes an inactive replication slot after about 40 hours .*full resync/);
  });

  it("Neon: health must go CRIT on an inactive slot well before 40 h (error at 40 h, warning above 20 h; the 1 h default passes)", () => {
    expect(messages(() => validateSource(genericSource(neon) as never))).toBe("[]");
    expect(messages(() => validateSource(genericSource({ ...neon, health: { inactiveSlotCrit: "2d" } }) as never))).toMatch(
      /health\.inactiveSlotCrit = "2d" is not allowed: at most 20h on Neon \(it is 2d\): Neon removes an inactive replication slot after about 40 h.*\[host-neon-slot-removal\]/,
    );
    expect(messages(() => validateSource(genericSource({ ...neon, health: { inactiveSlotCrit: "30h" } }) as never))).toMatch(
      /"rule":"host-neon-slot-removal".*"severity":"warning"|"severity":"warning".*"rule":"host-neon-slot-removal"/,
    );
    expect(messages(() => validateSource(genericSource({ health: { inactiveSlotCrit: "2d" } }) as never))).toBe("[]");
  });

  it("Neon: a paused pipe warns about the 40 h slot removal", () => {
    const stack = genericStack({ ...neon, clickpipe: { serviceId: SERVICE, stopped: true } });
    const warnings = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data)));
    expect(warnings.some((w) => /on Neon, for less than about 40 hours.*\[clickpipe-stopped\]/.test(w))).toBe(true);
  });

  it("Supabase: the rendered step says raising max_slot_wal_keep_size restarts the database", () => {
    expect(HOST_PROFILES[HostProfile.SUPABASE].consoleSteps.join(" ")).toMatch(/raising max_slot_wal_keep_size restarts the database/);
  });

  it("PostgreSQL 18: the server settings keep idle_replication_slot_timeout at 0 (not before 18)", () => {
    const names = (v: number) => serverSettings(resolveSource(genericSource({ postgresVersion: v as never }))).map((s) => `${s.name}=${s.value}`);
    expect(names(18)).toContain("idle_replication_slot_timeout=0");
    expect(names(17).some((n) => n.startsWith("idle_replication_slot_timeout"))).toBe(false);
  });

  it("the IAM snippet is cited where it moved (ClickHouse/ClickHouse docs/snippets @0620ef90)", () => {
    expect(IAM_AUTH_SOURCES[0]).toMatchObject({ repo: "ClickHouse/ClickHouse", path: "docs/snippets/clickpipes/_iam_authentication.mdx", commit: "0620ef9041601b040a358590936e87d8167122db" });
  });
});
