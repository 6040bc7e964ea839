// The content index as the rest of the portal sees it: open (or build) at start,
// keep in sync with the content folder, and answer queries for the current moment.
import { formatIssueIn, type ContentIssue } from "../content/issues.js";
import { ContentGoneError, IndexError } from "../errors.js";
import { createAlertQueries } from "./alerts.js";
import { createApiArticleQueries } from "./api-articles.js";
import { createArticleQueries } from "./articles.js";
import { createBacklogQueries, type BacklogQueries } from "./backlog.js";
import { forgetKeys, primeKeys } from "./cross.js";
import { commitIndex, createFresh, discardIndex, isCorruption, openIndex, type Db, type OpenedIndex } from "./db.js";
import { openLastGood } from "./last-good.js";
import { createDistrictQueries } from "./districts.js";
import { createMediaQueries, type MediaQueries } from "./media.js";
import { createTagQueries, type TagQueries } from "./tags.js";
import { createEventQueries } from "./events.js";
import type { IndexConfig, IndexStatus, OpenOptions } from "./options.js";
import { startSearchFiller, type SearchFiller } from "./fill.js";
import { parallelParser } from "../content/load/parallel.js";
import { createSearchQueries } from "./search.js";
import type { ParseMany } from "../content/load/types.js";
import { heldBackCount } from "./files.js";
import { VersionMemo } from "./version.js";
import { allIssues, syncIndex, type SyncOptions, type SyncReport } from "./sync.js";
import { SyncQueue } from "./sync-queue.js";
import type { RenderBody } from "./write.js";

export class ContentIndex {
  // Replaced together when a damaged index file is rebuilt into a new one (see attach).
  db!: Db;
  file!: string;
  articles!: ReturnType<typeof createArticleQueries>;
  events!: ReturnType<typeof createEventQueries>; // articles with an event: events pages, calendars
  apiArticles!: ReturnType<typeof createApiArticleQueries>; // keyset pages for the JSON API (src/api/)
  districts!: ReturnType<typeof createDistrictQueries>;
  tags!: TagQueries;
  media!: MediaQueries;
  search!: ReturnType<typeof createSearchQueries>;
  alerts!: ReturnType<typeof createAlertQueries>;
  private lastSync: SyncReport | null = null;
  private lastError: string | null = null;
  private versions!: VersionMemo; // the version meta, read once per change
  private backlog!: BacklogQueries;
  private rebuilding: Promise<void> | null = null; // a damaged file's rebuild (noticeCorruption)
  /** Until open() returns (and for ever in the instance a rebuild uses): damage is open()'s to handle. */
  private opening = true;
  /** Damaged index files replaced: pages rendered from one may be wrong (random bytes need not fail a query), so the version moves on and every cache keyed by it starts over. */
  private rebuilds = 0;
  private damageReported = false; // a serving-only process logged the damage it cannot repair
  /** Loaded (with Markdown) only while bodies wait in body_backlog: pages render them meanwhile. */
  private renderBody: RenderBody | null = null;
  private readonly syncs = new SyncQueue(); // one sync at a time, later asks folded into one
  private filler: SearchFiller | null = null;
  private closed = false;

  private constructor(
    db: Db,
    file: string,
    private readonly config: IndexConfig,
    private readonly clock: () => number,
    private readonly options: OpenOptions,
  ) {
    // Not attached here: preparing the queries reads every table's schema, and a damaged FTS5 config page fails right there (SQLITE_CORRUPT) — open() must be able to catch it.
    this.db = db;
    this.file = file;
  }

  /** Points every query at `db` (at start, and when a rebuilt index replaces a damaged one). */
  private attach(db: Db, file: string): void {
    this.db = db;
    this.file = file;
    this.versions = new VersionMemo(db, this.clock);
    this.articles = createArticleQueries(db, (markdown, lang) => {
      if (!this.renderBody) throw new IndexError("A body left for later was asked for before the renderer was loaded");
      return this.renderBody(markdown, lang);
    });
    this.districts = createDistrictQueries(db);
    this.tags = createTagQueries(db);
    this.media = createMediaQueries(db);
    this.alerts = createAlertQueries(db);
    this.apiArticles = createApiArticleQueries(db);
    this.events = createEventQueries(db);
    this.search = createSearchQueries(db, (ids) => this.articles.byIds(ids));
    this.backlog = createBacklogQueries(db);
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
        await this.sync(options.parseMany ?? parallelParser(config, { log: options.log, progress: options.progress }), {
          exclusive: opened.fresh,
          searchLaterFrom: options.searchLaterFrom,
          lastGood,
        });
      } catch (cause) {
        // A restart while the content volume is missing serves the index as it is; the
        // error stays in /readyz (lastError) and the next sync looks again.
        if (opened.fresh || !(cause instanceof ContentGoneError)) throw cause;
        options.log?.((cause as Error).message);
      }
      // Also after a restart that interrupted the rendering of a fresh index's bodies.
      if (this.backlog.bodiesLeft()) this.renderBody = (await import("../content/markdown.js")).renderBodyLater;
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
    const { info, log: warn = () => {}, fillChunk: chunk } = this.options;
    const failed = (error: unknown) => this.noticeCorruption(error);
    const waiting = this.syncs.waiting.buffer as SharedArrayBuffer;
    this.filler = startSearchFiller({ db: this.db, file: this.file, syncWaiting: waiting, chunk, renderBody: () => this.renderBody, info, warn, failed });
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
    await this.syncs.running?.catch(() => {});
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

  /** Resolves true once every article is searchable, false after `timeoutMs` (backlog.ts). */
  searchReady(timeoutMs: number): Promise<boolean> {
    return this.backlog.searchReady(timeoutMs);
  }

  /**
   * Re-reads changed files: those named in `options.paths`, or any in the tree. Calls
   * during a sync are folded into one follow-up sync covering all they asked for.
   */
  sync(parseMany?: ParseMany, options: SyncOptions = {}): Promise<SyncReport> {
    return this.syncs.request(options.paths, {
      // A damaged index is being replaced: this sync goes to the new one.
      before: async () => void (await this.rebuilding),
      once: async (paths) => {
        const report = await syncIndex(this.db, this.config, parseMany, {
          exclusive: options.exclusive,
          searchLaterFrom: options.searchLaterFrom,
          lastGood: options.lastGood,
          paths,
          clock: this.clock,
        });
        this.versions.forget();
        for (const held of report.heldBack) this.options.log?.(formatIssueIn(held, this.config.editorLang ?? "en"));
        return report;
      },
      done: (report) => {
        this.lastSync = report;
        this.lastError = null;
        this.options.onSynced?.(report);
      },
      failed: (cause) => {
        this.lastError = (cause as Error).message;
        this.noticeCorruption(cause);
      },
    });
  }

  /**
   * Work that makes the first edit after a start fast, done once the portal is serving
   * (it blocks this process for about 0.1 s at 10,000 articles).
   */
  warmUp(): void {
    // Asked for by a timer: the index may have been closed meanwhile (a stop right after start).
    if (this.closed) return;
    try {
      if (!this.syncs.running) primeKeys(this.db);
    } catch (error) {
      if (!this.noticeCorruption(error)) throw error;
    }
  }

  now(): number {
    return this.clock();
  }

  /** The content version for caches and ETags (version.ts: it moves on at scheduled moments too). */
  version(): string {
    return this.versions.current(this.rebuilds);
  }

  /** The next moment the published content changes by itself, or 0: caches must not outlive it (send.ts). */
  nextChange(): number {
    return this.versions.nextChange(this.rebuilds);
  }

  /** When the current version was first seen (for Last-Modified). */
  versionSince(): number {
    return this.versions.since(this.rebuilds);
  }

  issues(): ContentIssue[] {
    return allIssues(this.db);
  }

  status(): IndexStatus {
    return {
      articles: this.articles.activeCount(),
      districts: this.districts.count(),
      problems: this.issues().filter((i) => i.severity === "error").length,
      heldBack: heldBackCount(this.db),
      rebuilding: this.rebuilding !== null,
      searchPending: this.backlog.searchCount(),
      bodiesPending: this.backlog.bodiesCount(),
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
