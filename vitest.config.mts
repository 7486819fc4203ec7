import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/setup/matchers.ts"],
    reporters: ["default", "./test/support/setup/summary-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration suites start real PostgreSQL servers; keep the 2-core machine from oversubscribing.
    maxWorkers: 2,
  },
});
