// Brings the index in line with the content folder: parses only files whose size or
// modification time changed (all files, or just those the watcher named), applies
// everything in one transaction (a failure leaves the previous index intact), re-runs
// the cross-file checks, and rebuilds the listings when what they show has moved.
import fs from "node:fs";
import type { Config } from "../config.js";
import type { Article } from "../content/article.js";
import { gitDates, modifiedDate } from "../content/git-dates.js";
import { heldBackIssue, sortIssues, type ContentIssue } from "../content/issues.js";
import { isUnder, scanContent, scanPaths, type ContentFile, type ScanResult } from "../content/scan.js";
import { ContentGoneError, IndexError } from "../errors.js";
import { checkAlerts, createAlertWriter } from "./alerts.js";
import { crossCheckAll, forgetKeys, keyRowOf, rememberKeys, type ArticleKeys } from "./cross.js";
import type { Db } from "./db.js";
import { rebuildListings, refreshVersion } from "./listing.js";
import type { LastGood } from "./last-good.js";
import { createWriter } from "./write.js";
import { fileIssues, knownFiles } from "./files.js";
import { getIssues, getMeta, META, setMeta } from "./meta.js";
import type { ParseMany, Parsed } from "../content/load/types.js";

export interface SyncReport {
  readonly parsed: number;
  readonly removed: number;
  readonly articles: number;
  readonly issues: ContentIssue[];
  /** Files this sync found invalid whose last valid version stays served (one notice each). */
  readonly heldBack: ContentIssue[];
  readonly ms: number;
}

export interface SyncOptions {
  /**
   * Nobody reads this connection yet (a fresh index before the server listens): parsed
   * files are written batch by batch while the rest are still being parsed, instead of
   * being held in memory until all are done (1.5 GB at 100,000 articles).
   */
  readonly exclusive?: boolean;
  /** Only these files changed (relative paths, from the watcher); else the whole tree is scanned. */
  readonly paths?: readonly string[];
  /**
   * An exclusive sync of at least this many files leaves the search analysis, and the
   * rendering of bodies that can wait (ParseOptions.bodyLater), to
   * the search filler, src/index/fill.ts (search_backlog, body_backlog), so articles are served sooner.
   */
  readonly searchLaterFrom?: number;
  /** A fresh build that replaces an index: where to find the last valid version of files that are broken now. */
  readonly lastGood?: LastGood;
  /**
   * The index's clock (ContentIndex's, injected in tests): what is published, and which
   * alerts are current, is decided at this time, the same that requests are answered at.
   */
  readonly clock?: () => number;
}

/** Until git answers (see syncIndex). */
const NO_DATES: ReadonlyMap<string, number> = new Map();

/** A fresh build this large serves articles first and fills search after (see SyncOptions). */
export const SEARCH_LATER_FROM = 2000;

export async function syncIndex(
  db: Db,
  config: Pick<Config, "contentDir" | "timeZones">,
  parseMany?: ParseMany,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const started = performance.now();
  // The scan skips folders it cannot read; an unreadable content root (unmounted, renamed
  // mid-deploy) would look empty and unpublish every article, so the sync fails instead.
  try {
    fs.readdirSync(config.contentDir);
  } catch (cause) {
    throw new IndexError(`The content folder ${config.contentDir} cannot be read`, { cause });
  }
  const storedScanIssues = getMeta(db, META.scanIssues);
  // The watcher names the files it saw change; anything it cannot vouch for means a full scan.
  const targeted = options.paths?.length && storedScanIssues !== undefined ? scanPaths(config.contentDir, options.paths) : null;
  const scan: ScanResult = targeted
    ? { files: targeted.files, issues: getIssues(db, META.scanIssues) }
    : scanContent(config.contentDir, { walked: options.exclusive ? parseMany?.warm : undefined });
  const known = new Map(knownFiles(db, targeted ? [...targeted.files.map((f) => f.rel), ...targeted.missing] : undefined).map((r) => [r.path, r]));
  const changed = scan.files.filter((f) => {
    const k = known.get(f.rel);
    return !k || k.mtime !== f.mtimeMs || k.size !== f.size;
  });
  const present = new Set(scan.files.map((f) => f.rel));
  // A file under a folder the scan could not read is not gone: its row stays as it is.
  const unreadable = scan.unreadable ?? [];
  const removed = [...known.keys()].filter((p) => !present.has(p) && !isUnder(p, unreadable));
  // An empty mount point reads as a folder where every file was deleted: that emptied the
  // whole site, and /readyz still said "ready".
  if (!targeted && scan.files.length === 0 && removed.length > 0) {
    throw new ContentGoneError(
      `The content folder ${config.contentDir} has no content files any more (no districts/*.yml, no articles) — check that it is mounted and checked out; the site keeps serving what it had`,
    );
  }
  // Nothing to do (a warm restart, a watcher event for a non-content file): the checks
  // and listings below read every row, so they run only when something changed.
  const scanIssues = JSON.stringify(scan.issues);
  if (changed.length === 0 && removed.length === 0 && storedScanIssues === scanIssues) {
    const count = db.prepare("SELECT count(*) FROM articles WHERE active = 1").pluck().get() as number;
    return { parsed: 0, removed: 0, articles: count, issues: allIssues(db), heldBack: [], ms: Math.round(performance.now() - started) };
  }

  const fresh = !!options.exclusive && known.size === 0;
  const w = createWriter(db, { fresh });
  // One git call for the files parsed now (content/git-dates.ts), not one per file. It runs
  // beside the parsing; articles written before it answers get the file's time for now,
  // and the commit time (where there is one) before the sync commits.
  const articleFiles = changed.flatMap((f) => (f.kind === "article" || f.kind === "alert" ? [f.rel] : []));
  const datesLater = articleFiles.length ? gitDates(config.contentDir, articleFiles) : Promise.resolve(new Map<string, number>());
  let dates: ReadonlyMap<string, number> | null = null;
  void datesLater.then((d) => (dates = d));
  const undated: string[] = [];
  const modifiedOf = (a: Article, f: ContentFile): number => {
    if (dates === null && a.updated === undefined) undated.push(f.rel);
    return modifiedDate(a.updated, f.rel, dates ?? NO_DATES, f.mtimeMs);
  };
  const dateUndated = async () => {
    const byGit = await datesLater;
    for (const rel of undated) {
      const when = byGit.get(rel);
      if (when !== undefined) w.setModified(rel, when);
    }
  };
  // The parsing modules (Markdown, YAML) load on first use: a restart with nothing changed never needs them.
  const parse = parseMany ?? (await import("../content/load/parse-file.js")).parseInThread(config);
  // Analysing text for search and filling the FTS tables is over half of a cold build's
  // main-thread time, and rendering Markdown a third of the workers'; a large fresh index
  // is served first, and its bodies rendered and filled for search right after.
  const searchLater = !!options.exclusive && changed.length >= (options.searchLaterFrom ?? SEARCH_LATER_FROM);
  // A fresh build writes every article row itself: the checks across files take the keys
  // from here instead of reading every row back and decoding its JSON.
  const written: ArticleKeys | undefined = fresh ? new Map() : undefined;
  const heldBack: ContentIssue[] = [];
  /** A broken file's last valid version from the index this build replaces: written, and its time returned. */
  const keepFromOld = (p: Parsed): number | null => {
    if (p.file.kind === "article") {
      const old = options.lastGood?.article(p.file.rel);
      if (!old) return null;
      w.putArticle(old.article, old.modified, searchLater);
      written?.set(p.file.rel, keyRowOf(old.article));
      return old.since;
    }
    const old = options.lastGood?.district(p.file.rel);
    if (!old) return null;
    w.putDistrict(old.district);
    return old.since;
  };
  // Alerts (issue 23): their own table, written beside the articles (src/index/alerts.ts).
  const alertWriter = createAlertWriter(db);
  const write = (batch: Parsed[]) => {
    for (const p of batch) {
      const rel = p.file.rel;
      if (p.alert) alertWriter.put(p.alert, modifiedDate(undefined, rel, dates ?? NO_DATES, p.file.mtimeMs));
      // Breakage is not intent: a published file that becomes invalid (a typo, emptied,
      // overwritten with binary) keeps its row, so the site serves its last valid version
      // until the file is fixed or deleted. A file never valid has no row to keep.
      const broken = (p.file.kind === "article" && !p.article) || (p.file.kind === "district" && !p.district);
      const held = broken ? (w.servedSince(rel) ?? keepFromOld(p)) : null;
      if (held === null) {
        if (!p.article) w.removeArticle(rel);
        if (p.file.kind === "district") w.removeDistrict(rel);
      }
      if (p.article) {
        w.putArticle(p.article, modifiedOf(p.article, p.file), searchLater);
        written?.set(rel, keyRowOf(p.article));
      }
      if (p.district) w.putDistrict(p.district);
      const notice = held === null ? null : heldBackIssue(rel, held);
      if (notice) heldBack.push(notice);
      w.putFile(rel, p.file.kind, p.file.mtimeMs, p.file.size, notice ? [...p.issues, notice] : p.issues, held);
    }
  };
  const removeGone = () => {
    for (const rel of removed) {
      w.removeArticle(rel);
      w.removeDistrict(rel);
      w.removeFile(rel);
      alertWriter.remove(rel, options.clock?.() ?? Date.now());
    }
  };
  // What the listings depend on, per touched file: when none of it moves (a typo fixed),
  // the listings stay as they are and only the version changes.
  const signature = db.prepare("SELECT json_array(id, lang, district, date, expires, draft, active, tags) FROM articles WHERE file = ?").pluck();
  const touched = [...changed.map((f) => f.rel), ...removed];
  let before: unknown[] = [];
  let active = 0;
  let keys: ArticleKeys | null = null;
  const finish = () => {
    const cross = crossCheckAll(db, scan.issues, touched, config.timeZones, written);
    checkAlerts(db, options.clock?.() ?? Date.now());
    keys = cross.keys;
    active = cross.active;
    setMeta(db, META.scanIssues, scanIssues);
    const same = !options.exclusive && cross.flipped === 0 && touched.every((f, i) => signature.get(f) === before[i]);
    const now = options.clock?.() ?? Date.now();
    if (same) refreshVersion(db, now);
    else rebuildListings(db, now);
  };

  if (options.exclusive) {
    // IMMEDIATE: see below. Written while the workers parse; a failure rolls it all back.
    db.exec("BEGIN IMMEDIATE");
    try {
      removeGone();
      await parse(changed, write, { bodyLater: searchLater });
      await dateUndated();
      for (const [rel, when] of await datesLater) if (rel.startsWith("alerts/")) alertWriter.setSent(rel, when);
      finish();
      db.exec("COMMIT");
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      forgetKeys(db);
      throw error;
    }
  } else {
    // A served index: readers share this connection, so they must never see half a sync.
    const parsed: Parsed[] = [];
    await parse(changed, (batch) => parsed.push(...batch));
    dates = await datesLater;
    // IMMEDIATE takes the write lock up front and waits for it (busy timeout): with several
    // processes on one index (WORKERS), a deferred transaction that reads and then writes
    // fails with SQLITE_BUSY as soon as another process has written in between.
    try {
      db.transaction(() => {
        before = touched.map((f) => signature.get(f));
        removeGone();
        write(parsed);
        finish();
      }).immediate();
    } catch (error) {
      forgetKeys(db);
      throw error;
    }
  }
  if (keys) rememberKeys(db, keys);
  return { parsed: changed.length, removed: removed.length, articles: active, issues: allIssues(db), heldBack, ms: Math.round(performance.now() - started) };
}

/** Every known content problem: per file (kept between restarts) and across files. */
export function allIssues(db: Db): ContentIssue[] {
  return sortIssues([...fileIssues(db), ...getIssues(db, META.crossIssues), ...getIssues(db, META.alertIssues)]);
}
