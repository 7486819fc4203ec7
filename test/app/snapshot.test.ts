import { describe, expect, it } from "vitest";
import { Testing } from "../../src/tf/tf";
import { GenericSourceConfig } from "../../src/model/app-config";
import { config } from "../../stacks/config";
import { GenericPostgresStack } from "../../src/app/generic-postgres-stack";

/** Provider version pins change with every provider bump; they are not what this snapshot guards. */
export function normaliseVersions(json: string): string {
  const j = JSON.parse(json);
  for (const p of Object.values((j.terraform?.required_providers ?? {}) as Record<string, { version?: string }>)) {
    if (p.version) p.version = "<pinned>";
  }
  return JSON.stringify(j, null, 2) + "\n";
}

describe("snapshot", () => {
  it("of the example generic stack", async () => {
    const source = config.sources.find((s) => s.kind === "generic") as GenericSourceConfig;
    const stack = new GenericPostgresStack(Testing.app({ stackTraces: false }), source, config.backend);
    await expect(normaliseVersions(Testing.synth(stack))).toMatchFileSnapshot(`__snapshots__/${source.name}.cdk.tf.json`);
  });
});
