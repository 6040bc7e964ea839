// Syncs of one index run one at a time. A sync asked for while one runs is folded into
// one follow-up covering every path asked for meanwhile (or the whole tree), and the
// search worker thread sees `waiting` and pauses between its transactions.
import type { SyncReport } from "./sync.js";

export interface SyncSteps {
  /** Waited for before the first pass. */
  readonly before: () => Promise<void>;
  /** One pass over these paths (undefined: the whole tree). */
  readonly once: (paths: string[] | undefined) => Promise<SyncReport>;
  readonly done: (report: SyncReport) => void;
  readonly failed: (cause: unknown) => void;
}

export class SyncQueue {
  /** The sync under way, if any. */
  running: Promise<SyncReport> | null = null;
  /** What the next pass must look at: named paths, or the whole tree. */
  private wanted: Set<string> | "all" | null = null;
  /**
   * 1 while a sync is under way: the search worker thread then stops between its
   * transactions. SQLite's busy wait alone would starve the sync, as the thread takes the
   * write lock again the moment it lets go (an edit saved while a fresh index of 10,000
   * articles filled failed with "database is locked" after 5 s, and waited for the next).
   */
  readonly waiting = new Int32Array(new SharedArrayBuffer(4));

  /** Asks for a sync of `paths` (undefined: any file); the steps of the call that starts a run are used. */
  request(paths: readonly string[] | undefined, steps: SyncSteps): Promise<SyncReport> {
    this.wanted = paths && this.wanted !== "all" ? new Set([...(this.wanted ?? []), ...paths]) : "all";
    if (this.running) return this.running;
    this.running = this.run(steps);
    return this.running;
  }

  private async run(steps: SyncSteps): Promise<SyncReport> {
    Atomics.store(this.waiting, 0, 1);
    try {
      await steps.before();
      let report: SyncReport;
      do {
        const wanted = this.wanted;
        this.wanted = null;
        report = await steps.once(wanted === "all" || wanted === null ? undefined : [...wanted]);
      } while (this.wanted !== null);
      steps.done(report);
      return report;
    } catch (cause) {
      // What this sync was to read is unknown now: the next one looks at the whole tree.
      this.wanted = "all";
      steps.failed(cause);
      throw cause;
    } finally {
      this.running = null;
      Atomics.store(this.waiting, 0, 0);
      Atomics.notify(this.waiting, 0);
    }
  }
}
