// Child process of sqlite-worker-gc.test.ts: opens, uses and closes SQLite databases in
// worker threads and in the main thread, drops statements without finalizing them, and
// forces garbage collection while workers exit. better-sqlite3 12 on Node 24.19+ aborts
// here (node::RemoveEnvironmentCleanupHook from Statement::~Statement, SIGABRT).
import fs from "node:fs";
import process from "node:process";
import os from "node:os";
import path from "node:path";
import { setImmediate } from "node:timers";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

function exercise(file, rounds) {
  for (let r = 0; r < rounds; r++) {
    const db = new Database(file);
    db.exec("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)");
    const insert = db.prepare("INSERT INTO t (v) VALUES (?)");
    for (let i = 0; i < 50; i++) insert.run(`row ${r}.${i}`);
    // Statements left for the collector, not finalized by us.
    for (let i = 0; i < 20; i++) db.prepare("SELECT count(*) AS n FROM t WHERE v > ?").get(String(i));
    if (r % 2 === 0) db.close();
    globalThis.gc?.();
  }
}

const dir = isMainThread ? fs.mkdtempSync(path.join(os.tmpdir(), "portal-gc-")) : workerData.dir;
if (isMainThread) {
  for (let wave = 0; wave < 3; wave++) {
    const workers = Array.from({ length: 4 }, (_, i) => new Worker(fileURLToPath(import.meta.url), { workerData: { dir, n: wave * 4 + i } }));
    exercise(path.join(dir, `main-${wave}.sqlite`), 5);
    await Promise.all(workers.map((w) => new Promise((resolve, reject) => w.once("exit", resolve).once("error", reject))));
    for (let i = 0; i < 5; i++) {
      globalThis.gc();
      await new Promise((r) => setImmediate(r));
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write("ok\n");
} else {
  exercise(path.join(dir, `worker-${workerData.n}.sqlite`), 5);
}
