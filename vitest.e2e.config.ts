// Browser tests (`npm run test:e2e`): the real app in-process, Chromium through
// playwright-core, axe-core and the Nu HTML Checker. One fork, one file at a time:
// a browser per worker would compete for the CPU and make the timing tests flaky.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
  },
});
