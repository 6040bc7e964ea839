// The content index as the rest of the portal sees it: open (or build) at start,
// keep in sync with the content folder, and answer queries for the current moment.
import type Database from "better-sqlite3";
import type { Config } from "../config.js";
import { formatIssue, type ContentIssue } from "../content/issues.js";
import { ContentGoneError, IndexError } from "../errors.js";
import { createAlertQueries } from "./alerts.js";
import { createApiArticleQueries } from "./api-articles.js";
import { createArticleQueries } from "./articles.js";
import { forgetKeys, primeKeys } from "./cross.js";
import { commitIndex, createFresh, discardIndex, isCorruption, openIndex, type Db, type OpenedIndex } from "./db.js";
import { openLastGood } from "./last-good.js";
import { createDistrictQueries } from "./districts.js";
import { createEventQueries } from "./events.js";
import { rebuildListings, refreshVersion } from "./listing.js";
import { SearchFiller } from "./fill.js";
import { parallelParser, type ParallelOptions } from "./parallel.js";
import { createSearchQueries } from "./search.js";
import { allIssues, heldBackCount, syncIndex, type ParseMany, type SyncOptions, type SyncReport } from "./sync.js";
import type { RenderBody } from "./write.js";

/** Articles per transaction on the search worker thread (see search-worker.ts). */
const SEARCH_THREAD_CHUNK = 500;
/** The earlier of two moments, 0 meaning none. */
const earliest = (a: number, b: number) => (a && b ? Math.min(a, b) : a || b);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type IndexConfig = Pick<Config, "contentDir" | "dataDir" | "timeZones">;

export interface OpenOptions {
  readonly clock?: () => number;
  /** How changed files are parsed (default: worker threads for many, this thread for a few). */
  readonly parseMany?: ParseMany;
  /** Warnings: a rebuilt index, a failed worker thread. */
  readonly log?: (msg: string) => void;
  /** Progress: the search tables filled. */
  readonly info?: (msg: string) => void;
  readonly progress?: ParallelOptions["progress"];
  /** See SyncOptions.searchLaterFrom. */
  readonly searchLaterFrom?: number;
  /** Articles per transaction of the search worker thread (tests take a few to see it pause). */
  readonly fillChunk?: number;
  /** False in processes that only serve (cluster workers): another one fills the search tables. */
  readonly fillSearch?: boolean;
  /** Called after each sync has committed (the subscriptions look for new content then). */
  readonly onSynced?: (report: SyncReport) => void;
}

export interface IndexStatus {
  readonly articles: number;
  readonly districts: number;
  readonly problems: number;
  /** Files that are invalid while their last valid version is served (see sync.ts). */
  readonly heldBack: number;
  /** True while a damaged index file is rebuilt from the content (see noticeCorruption). */
  readonly rebuilding: boolean;
  /** Articles not yet searchable, right after a large fresh build (see fill.ts). */
  readonly searchPending: number;
  /** Of those, articles whose body is rendered on each request until then. */
  readonly bodiesPending: number;
  readonly version: string;
  readonly lastSync: SyncReport | null;
  readonly lastError: string | null;
}

export class ContentIndex {
  // Replaced together when a damaged index file is rebuilt into a new one (see attach).
  db!: Db;
  file!: string;
  articles!: ReturnType<typeof createArticleQueries>;
  /** Articles with an event: the events pages and calendars. */
  events!: ReturnType<typeof createEventQueries>;
  /** Keyset pages for the JSON API (src/api/). */
  apiArticles!: ReturnType<typeof createApiArticleQueries>;
  districts!: ReturnType<typeof createDistrictQueries>;
  search!: ReturnType<typeof createSearchQueries>;
  alerts!: ReturnType<typeof createAlertQueries>;
  private lastSync: SyncReport | null = null;
  private lastError: string | null = null;
  private syncing: Promise<SyncReport> | null = null;
  /** What the next sync must look at: named paths, or the whole tree. */
  private wanted: Set<string> | "all" | null = null;
  private meta!: Database.Statement;
  /** The version meta, read once per change: two SQLite reads per request were measurable. */
  private memo: { dataVersion: number; version: string; since: number; next: number; listingNext: number } | null = null;
  private dataVersion!: Database.Statement;
  private backlogLeft!: Database.Statement;
  private bodiesLeft!: Database.Statement;
  /** The rebuild of a damaged index file under way (see noticeCorruption). */
  private rebuilding: Promise<void> | null = null;
  /** Until open() returns (and for ever in the instance a rebuild uses): damage is open()'s to handle. */
  private opening = true;
  /**
   * How many damaged index files this process replaced. Pages rendered from a damaged
   * file may be wrong (a page of random bytes need not fail a query), so the version
   * moves on after a rebuild and every cache keyed by it (rendered pages, ETags) starts over.
   */
  private rebuilds = 0;
  /** A serving-only process has logged the damage it cannot repair (see noticeCorruption). */
  private damageReported = false;
  /** Loaded (with Markdown) only while bodies wait in body_backlog: pages render them meanwhile. */
  private renderBody: RenderBody | null = null;
  /**
   * 1 while a sync is under way: the search worker thread then stops between its
   * transactions. SQLite's busy wait alone would starve the sync, as the thread takes the
   * write lock again the moment it lets go (an edit saved while a fresh index of 10,000
   * articles filled failed with "database is locked" after 5 s, and waited for the next).
   */
  private readonly syncWaiting = new Int32Array(new SharedArrayBuffer(4));
  private filler: SearchFiller | null = null;
  private closed = false;

  private constructor(
    db: Db,
    file: string,
    private readonly config: IndexConfig,
    private readonly clock: () => number,
    private readonly options: OpenOptions,
  ) {
    // Not attached here: preparing the queries reads every table's schema, and a damaged
    // FTS5 config page fails right there (SQLITE_CORRUPT) — open() must be able to catch it.
    this.db = db;
    this.file = file;
  }

  /** Points every query at `db` (at start, and when a rebuilt index replaces a damaged one). */
  private attach(db: Db, file: string): void {
    this.db = db;
    this.file = file;
    this.memo = null;
    this.articles = createArticleQueries(db, (markdown, lang) => {
      if (!this.renderBody) throw new IndexError("A body left for later was asked for before the renderer was loaded");
      return this.renderBody(markdown, lang);
    });
    this.districts = createDistrictQueries(db);
    this.alerts = createAlertQueries(db);
    this.apiArticles = createApiArticleQueries(db);
    this.events = createEventQueries(db);
    this.search = createSearchQueries(db, (ids) => this.articles.byIds(ids));
    this.meta = db.prepare("SELECT value FROM meta WHERE key = ?").pluck();
    // Changes when another connection (a cluster primary, see src/server/cluster.ts)
    // commits; this connection's own commits reset the memo in sync() and version().
    this.dataVersion = db.prepare("PRAGMA data_version").pluck();
    this.backlogLeft = db.prepare("SELECT EXISTS (SELECT 1 FROM search_backlog)").pluck();
    this.bodiesLeft = db.prepare("SELECT EXISTS (SELECT 1 FROM body_backlog)").pluck();
  }

  private versionMeta(): { version: string; since: number; next: number; listingNext: number } {
    const dataVersion = this.dataVersion.get() as number;
    if (this.memo?.dataVersion !== dataVersion) {
      this.memo = {
        dataVersion,
        version: this.rebuilds ? `${this.meta.get("version") as string}.${this.rebuilds}` : (this.meta.get("version") as string),
        since: Number(this.meta.get("version_since") ?? 0),
        next: earliest(Number(this.meta.get("next_change") || 0), Number(this.meta.get("alerts_next") || 0)),
        listingNext: Number(this.meta.get("next_change") || 0),
      };
    }
    return this.memo;
  }

  /** Opens the index in DATA_DIR, rebuilding it when it is missing, corrupt or outdated, and syncs it. */
  static async open(config: IndexConfig, options: OpenOptions = {}): Promise<ContentIndex> {
    let opened = openIndex(config.dataDir);
    if (opened.rebuiltBecause) options.log?.(`rebuilding the index: ${opened.rebuiltBecause}`);
    const index = new ContentIndex(opened.db, opened.file, config, options.clock ?? Date.now, options);
    try {
      index.attach(opened.db, opened.file);
      await index.load(opened);
    } catch (cause) {
      // A damaged page that only a query finds (the checks at open read the header and
      // the size, not every page): rebuild from the content into a new file, once.
      if (opened.fresh || !isCorruption(cause)) throw new IndexError("Building the index failed", { cause });
      options.log?.(`rebuilding the index: the index file is damaged (${(cause as Error).message})`);
      opened.db.close();
      opened = createFresh(config.dataDir, "damaged", opened.file);
      index.attach(opened.db, opened.file);
      try {
        await index.load(opened);
      } catch (again) {
        throw new IndexError("Building the index failed", { cause: again });
      }
    }
    index.opening = false;
    // Also after a restart that interrupted the filling of a fresh index. Processes that
    // only serve (cluster workers) leave it to the one that keeps the index in sync.
    index.startFilling();
    return index;
  }

  /** Syncs an opened index; a fresh one is committed (made current) or, on failure, removed. */
  private async load(opened: OpenedIndex): Promise<void> {
    const { config, options } = this;
    // The file a fresh one replaces still has the last valid version of files broken now.
    const lastGood = opened.fresh ? openLastGood(opened.previous, options.log) : undefined;
    try {
      // Many changed files (a cold start) are parsed on worker threads, a few in this one.
      // A fresh file is not served yet, so it is written while the workers still parse.
      try {
        await this.sync(options.parseMany ?? parallelParser(config, { log: options.log, progress: options.progress }), { exclusive: opened.fresh, searchLaterFrom: options.searchLaterFrom, lastGood });
      } catch (cause) {
        // A restart while the content volume is missing serves the index as it is; the
        // error stays in /readyz (lastError) and the next sync looks again.
        if (opened.fresh || !(cause instanceof ContentGoneError)) throw cause;
        options.log?.((cause as Error).message);
      }
      // Also after a restart that interrupted the rendering of a fresh index's bodies.
      if (this.bodiesLeft.get()) this.renderBody = (await import("../content/markdown.js")).renderBodyLater;
    } catch (cause) {
      if (opened.fresh) discardIndex(opened);
      throw cause;
    } finally {
      lastGood?.close();
    }
    if (opened.fresh) commitIndex(config.dataDir, opened.db, opened.file);
  }

  /** Fills the search tables a large fresh build left for later (see fill.ts), on this index file. */
  private startFilling(): void {
    if (this.options.fillSearch === false || this.closed) return;
    try {
      this.filler = new SearchFiller({
        db: this.db,
        file: this.file,
        syncWaiting: this.syncWaiting.buffer as SharedArrayBuffer,
        chunk: this.options.fillChunk ?? SEARCH_THREAD_CHUNK,
        renderBody: () => this.renderBody,
        info: this.options.info ?? (() => {}),
        warn: this.options.log ?? (() => {}),
        failed: (error) => this.noticeCorruption(error),
      });
    } catch (error) {
      // Reading whether anything waits failed: damage is rebuilt, anything else is the next start's.
      if (!this.noticeCorruption(error)) this.options.log?.(`filling the search index failed: ${(error as Error).message}`);
    }
  }

  /**
   * Called with any error a query of this index threw (the HTTP error handler, syncs,
   * the search filler): when it says the file is damaged, a rebuild from the content into
   * a new file starts (once; logged once) while this one keeps serving what it can read.
   * Returns whether the error was such damage, so the caller can answer 503.
   */
  noticeCorruption(error: unknown): boolean {
    if (!isCorruption(error)) return false;
    if (this.rebuilding || this.closed || this.opening || this.damageReported) return true;
    const log = this.options.log ?? (() => {});
    if (this.options.fillSearch === false) {
      // A process that only serves (a cluster worker) shares the file the primary keeps in
      // sync; a rebuild of its own would leave the two apart. It reports the damage once.
      this.damageReported = true;
      log(`the index file is damaged (${(error as Error).message}); this process only serves it: restart the portal to rebuild it`);
      return true;
    }
    log(`rebuilding the index: the index file is damaged (${(error as Error).message}); serving what can be read meanwhile`);
    this.rebuilding = this.rebuild()
      .catch((cause: unknown) => log(`rebuilding the damaged index failed: ${(cause as Error).message}; the next query that meets the damage tries again`))
      .finally(() => {
        this.rebuilding = null;
      });
    return true;
  }

  private async rebuild(): Promise<void> {
    // Let a sync under way finish (or fail on the damage) first: it writes to the old file.
    // Syncs asked for from now on wait for the rebuild (see sync), so only this one counts.
    await this.syncing?.catch(() => {});
    const opened = createFresh(this.config.dataDir, "damaged", this.file);
    const old = this.db;
    const builder = new ContentIndex(opened.db, opened.file, this.config, this.clock, { ...this.options, fillSearch: false });
    builder.attach(opened.db, opened.file);
    await builder.load(opened);
    if (this.closed) {
      opened.db.close();
      return;
    }
    await this.filler?.stop();
    this.renderBody = builder.renderBody;
    this.lastSync = builder.lastSync;
    this.lastError = null;
    this.rebuilds++;
    this.attach(opened.db, opened.file);
    forgetKeys(old);
    old.close();
    this.options.info?.("the rebuilt index is serving");
    this.startFilling();
  }

  /**
   * Resolves true once every article is searchable, or false if that takes longer than
   * `timeoutMs` (only right after a large fresh build, see fillSearch).
   */
  async searchReady(timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (this.backlogLeft.get()) {
      if (performance.now() >= deadline) return false;
      // Another process (WORKERS) may be the one filling: poll the shared table.
      await sleep(25);
    }
    return true;
  }

  /**
   * Re-reads changed files: those named in `options.paths`, or any in the tree. Calls
   * during a sync are folded into one follow-up sync covering all they asked for.
   */
  sync(parseMany?: ParseMany, options: SyncOptions = {}): Promise<SyncReport> {
    this.wanted = options.paths && this.wanted !== "all" ? new Set([...(this.wanted ?? []), ...options.paths]) : "all";
    if (this.syncing) return this.syncing;
    const run = async (): Promise<SyncReport> => {
      Atomics.store(this.syncWaiting, 0, 1);
      try {
        // A damaged index is being replaced: this sync goes to the new one.
        if (this.rebuilding) await this.rebuilding;
        let report: SyncReport;
        do {
          const wanted = this.wanted;
          this.wanted = null;
          const paths = wanted === "all" || wanted === null ? undefined : [...wanted];
          report = await syncIndex(this.db, this.config, parseMany, { exclusive: options.exclusive, searchLaterFrom: options.searchLaterFrom, lastGood: options.lastGood, paths, clock: this.clock });
          this.memo = null;
          for (const held of report.heldBack) this.options.log?.(formatIssue(held));
        } while (this.wanted !== null);
        this.lastSync = report;
        this.lastError = null;
        this.options.onSynced?.(report);
        return report;
      } catch (cause) {
        // What this sync was to read is unknown now: the next one looks at the whole tree.
        this.wanted = "all";
        this.lastError = (cause as Error).message;
        this.noticeCorruption(cause);
        throw cause;
      } finally {
        this.syncing = null;
        Atomics.store(this.syncWaiting, 0, 0);
        Atomics.notify(this.syncWaiting, 0);
      }
    };
    this.syncing = run();
    return this.syncing;
  }

  /**
   * Work that makes the first edit after a start fast, done once the portal is serving
   * (it blocks this process for about 0.1 s at 10,000 articles).
   */
  warmUp(): void {
    try {
      if (!this.syncing) primeKeys(this.db);
    } catch (error) {
      if (!this.noticeCorruption(error)) throw error;
    }
  }

  now(): number {
    return this.clock();
  }

  /**
   * The content version for caches and ETags. Scheduled and expiring articles change
   * what is published without any file changing, so the listings are rebuilt (and the
   * version moves on) the first time it is asked for after such a moment.
   */
  version(): string {
    const meta = this.versionMeta();
    if (meta.next && this.clock() >= meta.next) {
      // An alert starting or ending changes no listing: the version alone moves on.
      const listings = meta.listingNext && this.clock() >= meta.listingNext;
      this.db.transaction(() => (listings ? rebuildListings : refreshVersion)(this.db, this.clock())).immediate();
      this.memo = null;
      return this.versionMeta().version;
    }
    return meta.version; // one PRAGMA per request: this runs on every cache hit
  }

  /**
   * The next moment the published content changes by itself (a scheduled or expiring
   * article, an alert starting or ending), or 0: caches must not outlive it (send.ts).
   */
  nextChange(): number {
    this.version();
    return this.versionMeta().next;
  }

  /** When the current version was first seen (for Last-Modified). */
  versionSince(): number {
    this.version();
    return this.versionMeta().since;
  }

  issues(): ContentIssue[] {
    return allIssues(this.db);
  }

  status(): IndexStatus {
    return {
      articles: this.db.prepare("SELECT count(*) FROM articles WHERE active = 1").pluck().get() as number,
      districts: this.db.prepare("SELECT count(*) FROM districts").pluck().get() as number,
      problems: this.issues().filter((i) => i.severity === "error").length,
      heldBack: heldBackCount(this.db),
      rebuilding: this.rebuilding !== null,
      searchPending: this.db.prepare("SELECT count(*) FROM search_backlog").pluck().get() as number,
      bodiesPending: this.db.prepare("SELECT count(*) FROM body_backlog").pluck().get() as number,
      version: this.version(),
      lastSync: this.lastSync,
      lastError: this.lastError,
    };
  }

  close(): void {
    this.closed = true;
    void this.filler?.stop();
    this.db.close();
  }
}
