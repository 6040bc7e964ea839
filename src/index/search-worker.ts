// Worker thread for the search filler, src/index/fill.ts: renders the bodies a large fresh build left
// in body_backlog and indexes for search the articles it queued in search_backlog, on a
// connection of its own, so the main thread keeps serving. Transactions are large on
// purpose: FTS5 writes a segment per commit and merges them later, and commits of a few
// dozen articles made it rewrite the same data over and over (2.6 ms an article instead
// of 0.2 ms, and a WAL of 700 MB at 100,000).
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { renderBodyLater } from "../content/markdown.js";
import { createWriter } from "./write.js";

export interface FillJob {
  readonly file: string;
  /** Articles per transaction: the write lock is held that long (about 0.1 s per 500). */
  readonly chunk: number;
  /** 1 while the serving thread syncs: wait between transactions (see ContentIndex.syncWaiting). */
  readonly syncWaiting: SharedArrayBuffer;
}

const { file, chunk, syncWaiting } = workerData as FillJob;
const waiting = new Int32Array(syncWaiting);
// The index is in WAL mode (set in the file); an edit saved meanwhile waits for the lock.
const db = new Database(file, { fileMustExist: true, timeout: 30_000 });
db.pragma("synchronous = NORMAL");
const writer = createWriter(db);
let done = 0;
for (;;) {
  // Checked again every second, in case a notification was missed.
  while (Atomics.load(waiting, 0) === 1) Atomics.wait(waiting, 0, 1, 1000);
  const n = db.transaction(() => writer.indexBacklog(chunk, renderBodyLater)).immediate();
  if (n === 0) break;
  done += n;
  parentPort?.postMessage({ done });
}
// The filling passed every FTS page through the WAL: give the disk space back now rather
// than keep a WAL as large as the search tables (best effort while readers hold it).
db.pragma("wal_checkpoint(TRUNCATE)");
db.close();
