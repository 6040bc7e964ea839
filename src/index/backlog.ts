// Reads of search_backlog and body_backlog: the articles a large fresh build left for the
// search filler (fill.ts) to index, and the bodies it left to render. Written by write.ts.
import type { Db } from "./db.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createBacklogQueries(db: Db) {
  const searchLeft = db.prepare<[], number>("SELECT EXISTS (SELECT 1 FROM search_backlog)").pluck();
  const bodiesLeft = db.prepare<[], number>("SELECT EXISTS (SELECT 1 FROM body_backlog)").pluck();
  const searchCount = db.prepare<[], number>("SELECT count(*) FROM search_backlog").pluck();
  const bodiesCount = db.prepare<[], number>("SELECT count(*) FROM body_backlog").pluck();
  return {
    searchLeft: () => searchLeft.get() === 1,
    bodiesLeft: () => bodiesLeft.get() === 1,
    searchCount: () => searchCount.get()!,
    bodiesCount: () => bodiesCount.get()!,
    /**
     * Resolves true once every article is searchable, or false if that takes longer than
     * `timeoutMs` (only right after a large fresh build, see ContentIndex fillSearch).
     */
    async searchReady(timeoutMs: number): Promise<boolean> {
      const deadline = performance.now() + timeoutMs;
      while (searchLeft.get() === 1) {
        if (performance.now() >= deadline) return false;
        // Another process (WORKERS) may be the one filling: poll the shared table.
        await sleep(25);
      }
      return true;
    },
  };
}

export type BacklogQueries = ReturnType<typeof createBacklogQueries>;
