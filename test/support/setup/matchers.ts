/**
 * A small vitest adapter over cdktf's `testingMatchers` (cdktf ships only a Jest one).
 * `expect(synthJson).toHaveResourceWithProperties(PgRole, { name: "x" })` passes when some
 * resource of that type has those properties (snake_case keys, as in the Terraform JSON).
 */
import { expect } from "vitest";
import { testingMatchers } from "../../../src/tf/tf";

type TerraformConstructor = { readonly tfResourceType: string };

/** `expected` is a subset of `received`; asymmetric matchers (expect.arrayContaining, ...) work inside. */
function subsetEquals(received: unknown, expected: unknown): boolean {
  if (expected && typeof expected === "object" && "asymmetricMatch" in (expected as object)) {
    return (expected as { asymmetricMatch: (v: unknown) => boolean }).asymmetricMatch(received);
  }
  if (Array.isArray(expected)) {
    return Array.isArray(received) && received.length === expected.length && expected.every((e, i) => subsetEquals(received[i], e));
  }
  if (expected && typeof expected === "object") {
    if (!received || typeof received !== "object") return false;
    return Object.entries(expected as Record<string, unknown>).every(([k, v]) => subsetEquals((received as Record<string, unknown>)[k], v));
  }
  return received === expected;
}

/** Some resource of the type has every asserted property (keys as in the Terraform JSON). */
const passEvaluation = (items: unknown, assertedProperties: Record<string, unknown>) => Object.values(items as Record<string, unknown>).some((item) => subsetEquals(item, assertedProperties));

const adapt =
  (matcher: (received: string, itemType: TerraformConstructor, properties: Record<string, unknown>) => { pass: boolean; message: string }) =>
  (received: string, itemType: TerraformConstructor, properties: Record<string, unknown> = {}) => {
    const r = matcher(received, itemType, properties);
    return { pass: r.pass, message: () => r.message };
  };

expect.extend({
  toHaveResourceWithProperties: adapt(testingMatchers.getToHaveResourceWithProperties(passEvaluation)),
  toHaveDataSourceWithProperties: adapt(testingMatchers.getToHaveDataSourceWithProperties(passEvaluation)),
  toHaveProviderWithProperties: adapt(testingMatchers.getToHaveProviderWithProperties(passEvaluation)),
});

interface CdktfMatchers<R = unknown> {
  toHaveResourceWithProperties(type: TerraformConstructor, properties?: Record<string, unknown>): R;
  toHaveDataSourceWithProperties(type: TerraformConstructor, properties?: Record<string, unknown>): R;
  toHaveProviderWithProperties(type: TerraformConstructor, properties?: Record<string, unknown>): R;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends CdktfMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends CdktfMatchers {}
}
