// Fault injection against the built server (`npm run test:faults`, after `npm run build`):
// real processes on 127.0.0.1, hostile clients, damaged files. One file at a time, so
// that the memory and timing each test measures is its own.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/faults/built/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
  },
});
