// Renders the bodies a large fresh build left in body_backlog and indexes the articles
// it queued in search_backlog (see ContentIndex), on a worker thread with its own
// connection (src/index/search-worker.ts), so pages keep being served. If the thread
// cannot run, the main thread does the work in small chunks between requests. Each chunk
// takes the write lock first: with WORKERS, the primary fills and the serving processes
// only wait (see ContentIndex.searchReady). One filler works on one index file: when a
// rebuilt file replaces a damaged one, the old filler is stopped and a new one started.
import type { Worker } from "node:worker_threads";
import { createBacklogQueries } from "./backlog.js";
import type { Db } from "./db.js";
import { startWorker, workerUrl } from "../content/load/threads.js";
import type { FillJob } from "./search-worker.js";
import { createWriter, type RenderBody } from "./write.js";

/** Articles per transaction on the search worker thread (see search-worker.ts). */
export const SEARCH_THREAD_CHUNK = 500;
/** Articles indexed for search per turn of the event loop, when no worker thread can (about 10 ms). */
const SEARCH_CHUNK = 48;

export interface FillTarget {
  readonly db: Db;
  readonly file: string;
  /** Set while a sync runs: the thread stops between its transactions (see ContentIndex.syncWaiting). */
  readonly syncWaiting: SharedArrayBuffer;
  /** Articles per transaction on the worker thread. */
  readonly chunk: number;
  /** The renderer of bodies left for later, if already loaded. */
  readonly renderBody: () => RenderBody | null;
  readonly info: (msg: string) => void;
  readonly warn: (msg: string) => void;
  /** Any failure of the filling, after it is logged (ContentIndex.noticeCorruption). */
  readonly failed: (error: unknown) => void;
}

/**
 * Starts filling (chunk and info optional: SEARCH_THREAD_CHUNK, silence). Null when even
 * reading whether anything waits failed: `failed` is told (damage is rebuilt); anything
 * else is logged and left to the next start.
 */
export function startSearchFiller(
  target: Omit<FillTarget, "chunk" | "info" | "failed"> & {
    chunk?: number | undefined;
    info?: ((msg: string) => void) | undefined;
    failed: (error: unknown) => boolean;
  },
): SearchFiller | null {
  try {
    return new SearchFiller({ ...target, chunk: target.chunk ?? SEARCH_THREAD_CHUNK, info: target.info ?? (() => {}) });
  } catch (error) {
    if (!target.failed(error)) target.warn(`filling the search index failed: ${(error as Error).message}`);
    return null;
  }
}

export class SearchFiller {
  private worker: Worker | null = null;
  private stopped = false;
  private readonly done: Promise<void>;

  /** Starts filling when `target` has a backlog; `done` resolves at once otherwise. */
  constructor(private readonly target: FillTarget) {
    const left = createBacklogQueries(target.db).searchLeft();
    this.done = left ? this.run() : Promise.resolve();
  }

  private run(): Promise<void> {
    const { info, warn } = this.target;
    const started = performance.now();
    const report = (how: string) => info(`search index filled ${how} in ${Math.round(performance.now() - started)} ms`);
    return this.onThread()
      .then(() => {
        if (!this.stopped) report("on a worker thread");
      })
      .catch(async (error: unknown) => {
        if (this.stopped) return;
        warn(`filling the search index on a worker thread failed (${(error as Error).message}); filling it here`);
        await this.here();
        report("on the main thread");
      })
      .catch((error: unknown) => {
        // The next start tries again; until then searches answer that search is not ready.
        warn(`filling the search index failed: ${(error as Error).message}`);
        this.target.failed(error);
      });
  }

  private onThread(): Promise<void> {
    return new Promise((resolve, reject) => {
      const job: FillJob = { file: this.target.file, chunk: this.target.chunk, syncWaiting: this.target.syncWaiting };
      const worker = startWorker(workerUrl("search-worker", import.meta.url), job);
      this.worker = worker;
      worker.once("error", reject);
      worker.once("exit", (code) => {
        this.worker = null;
        if (code === 0 || this.stopped) resolve();
        else reject(new Error(`the search worker exited with code ${code}`));
      });
    });
  }

  private async here(): Promise<void> {
    const { db } = this.target;
    const writer = createWriter(db);
    const render = this.target.renderBody() ?? (await import("../content/markdown.js")).renderBodyLater;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.stopped) return;
      // A sync holds its transaction only synchronously, but never nest into one.
      if (db.inTransaction) continue;
      if (db.transaction(() => writer.indexBacklog(SEARCH_CHUNK, render)).immediate() === 0) return;
    }
  }

  /** Stops the filling (the index closes, or a rebuilt file replaces this one); resolves once it has stopped. */
  stop(): Promise<void> {
    this.stopped = true;
    void this.worker?.terminate();
    return this.done;
  }
}
