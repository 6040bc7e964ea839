// Unit and integration tests (`vitest run`). Browser tests live in test/e2e and run only
// with `npm run test:e2e` (vitest.e2e.config.ts): they need Chromium and Java.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "test/faults/built/**", "node_modules/**"],
    // Speed is measured by `npm run bench`, not here: a loaded 2-core machine must not turn
    // a slow property test into a failure (5 s, vitest's default, was seen exceeded).
    testTimeout: 30_000,
  },
});
