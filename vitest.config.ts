// Unit and integration tests (`vitest run`). Browser tests live in test/e2e and run only
// with `npm run test:e2e` (vitest.e2e.config.ts): they need Chromium and Java.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "test/faults/built/**", "node_modules/**"],
  },
});
