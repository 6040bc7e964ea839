// Fault 0 (issue 19): on Node 24.19 and later, better-sqlite3 12 aborted the whole process
// when a statement was collected at a worker thread's exit or by an idle garbage
// collection. better-sqlite3 13 is built on Node-API; this pins that the runtime and the
// driver the portal ships with survive exactly that.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), "sqlite-gc-child.mjs");

it("sqlite-worker-gc: databases opened and closed in worker threads survive forced garbage collection", () => {
  const run = spawnSync(process.execPath, ["--expose-gc", CHILD], { encoding: "utf8", timeout: 60_000 });
  expect(run.signal, run.stderr).toBeNull();
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout.trim()).toBe("ok");
  // The child starts 12 worker threads: 3.4 s alone, over 5 s beside the rest of the suite
  // on the shared 2-core machine (its own spawn timeout is 60 s).
}, 60_000);
