// Brings the index in line with the content folder: parses only files whose size or
// modification time changed, applies everything in one transaction (a failure leaves
// the previous index intact), then re-runs the cross-file checks and the listings.
import fs from "node:fs";
import type { Config } from "../config.js";
import { parseArticle, type Article } from "../content/article.js";
import { crossCheck, type ArticleKey } from "../content/cross-check.js";
import { parseDistrict, type District } from "../content/district.js";
import { gitDates, modifiedDate } from "../content/git-dates.js";
import { issue, sortIssues, type ContentIssue } from "../content/issues.js";
import { scanContent, type ContentFile } from "../content/scan.js";
import { IndexError } from "../errors.js";
import { urls } from "../web/urls.js";
import type { Db } from "./db.js";
import { rebuildListings } from "./listing.js";
import { createWriter } from "./write.js";

export interface Parsed {
  readonly file: ContentFile;
  readonly article?: Article | null;
  readonly district?: District | null;
  readonly issues: ContentIssue[];
}

export interface SyncReport {
  readonly parsed: number;
  readonly removed: number;
  readonly articles: number;
  readonly issues: ContentIssue[];
  readonly ms: number;
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function parseFile(file: ContentFile, config: Pick<Config, "contentDir" | "timeZones">): Parsed {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file.abs);
  } catch (cause) {
    return { file, issues: [issue(file.rel, 1, "file", `cannot be read (${(cause as NodeJS.ErrnoException).code ?? "error"}) — check the file permissions`)] };
  }
  if (bytes.includes(0)) return { file, issues: [issue(file.rel, 1, "file", "is not a text file — save it as UTF-8 Markdown")] };
  let raw: string;
  try {
    // A file in another encoding (Windows-1251, ISO-8859-2) would otherwise be published as "�".
    raw = STRICT_UTF8.decode(bytes);
  } catch {
    return { file, issues: [issue(file.rel, 1, "file", "is not UTF-8 text — save it with the UTF-8 encoding")] };
  }
  if (file.kind === "district") {
    const { district, issues } = parseDistrict(file.rel, raw);
    return { file, district, issues };
  }
  if (file.kind === "article") {
    const lang = file.rel.slice(0, 2) as keyof Config["timeZones"];
    const { article, issues } = parseArticle(file.rel, raw, { contentDir: config.contentDir, timeZone: config.timeZones[lang] });
    return { file, article, issues };
  }
  return { file, issues: [] };
}

/** Parses the given files; the cold-start path may replace this with worker threads. */
export type ParseMany = (files: ContentFile[]) => Parsed[] | Promise<Parsed[]>;

export async function syncIndex(db: Db, config: Pick<Config, "contentDir" | "timeZones">, parseMany?: ParseMany): Promise<SyncReport> {
  const started = performance.now();
  // The scan skips folders it cannot read; an unreadable content root (unmounted, renamed
  // mid-deploy) would look empty and unpublish every article, so the sync fails instead.
  try {
    fs.readdirSync(config.contentDir);
  } catch (cause) {
    throw new IndexError(`The content folder ${config.contentDir} cannot be read`, { cause });
  }
  const scan = scanContent(config.contentDir);
  const known = new Map(
    (db.prepare("SELECT path, mtime, size FROM files").all() as { path: string; mtime: number; size: number }[]).map((r) => [r.path, r]),
  );
  const changed = scan.files.filter((f) => {
    const k = known.get(f.rel);
    return !k || k.mtime !== f.mtimeMs || k.size !== f.size;
  });
  const present = new Set(scan.files.map((f) => f.rel));
  const removed = [...known.keys()].filter((p) => !present.has(p));
  const parsed = parseMany ? await parseMany(changed) : changed.map((f) => parseFile(f, config));
  // Nothing to do (a warm restart, a watcher event for a non-content file): the checks
  // and listings below read every row, so they run only when something changed.
  const scanIssues = JSON.stringify(scan.issues);
  const storedScanIssues = db.prepare("SELECT value FROM meta WHERE key = 'scan_issues'").pluck().get();
  if (parsed.length === 0 && removed.length === 0 && storedScanIssues === scanIssues) {
    const count = db.prepare("SELECT count(*) FROM articles WHERE active = 1").pluck().get() as number;
    return { parsed: 0, removed: 0, articles: count, issues: allIssues(db), ms: Math.round(performance.now() - started) };
  }

  const w = createWriter(db);
  // One git call for the files parsed now (content/git-dates.ts), not one per file.
  const articleFiles = parsed.flatMap((p) => (p.article ? [p.file.rel] : []));
  const dates = articleFiles.length ? gitDates(config.contentDir, articleFiles) : new Map<string, number>();
  let active = 0;
  const apply = db.transaction(() => {
    for (const rel of removed) {
      w.removeArticle(rel);
      w.removeDistrict(rel);
      w.removeFile(rel);
    }
    for (const p of parsed) {
      w.removeArticle(p.file.rel);
      w.removeDistrict(p.file.rel);
      if (p.article) w.putArticle(p.article, modifiedDate(p.article.updated, p.file.rel, dates, p.file.mtimeMs));
      if (p.district) w.putDistrict(p.district);
      w.putFile(p.file.rel, p.file.kind, p.file.mtimeMs, p.file.size, p.issues);
    }
    const rows = db.prepare("SELECT file, lang, district, slug, aliases, translation_key, lines, active FROM articles").all() as Record<string, string>[];
    const keys = rows.map(
      (r): ArticleKey => ({
        file: r.file!,
        lang: r.lang as ArticleKey["lang"],
        district: r.district!,
        slug: r.slug!,
        aliases: JSON.parse(r.aliases!) as string[],
        translationKey: r.translation_key ?? undefined,
        lines: JSON.parse(r.lines!) as Record<string, number>,
      }),
    );
    const districtIds = new Set(db.prepare("SELECT id FROM districts").pluck().all() as string[]);
    const cross = crossCheck(keys, districtIds, urls.article);
    // Only rows whose flag changes are written: rewriting all of them (with their HTML)
    // took most of a one-file sync at 10,000 articles.
    const setActive = db.prepare("UPDATE articles SET active = ? WHERE file = ?");
    for (const r of rows) {
      const now = cross.active.has(r.file!) ? 1 : 0;
      if (Number(r.active) !== now) setActive.run(now, r.file);
    }
    active = cross.active.size;
    db.prepare("DELETE FROM aliases").run();
    const alias = db.prepare("INSERT INTO aliases (path, article_id) SELECT ?, id FROM articles WHERE file = ?");
    for (const [path, file] of cross.aliases) alias.run(path, file);
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('cross_issues', ?)").run(JSON.stringify([...scan.issues, ...cross.issues]));
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('scan_issues', ?)").run(scanIssues);
    rebuildListings(db, Date.now());
  });
  // IMMEDIATE takes the write lock up front and waits for it (busy timeout): with several
  // processes on one index (WORKERS), a deferred transaction that reads and then writes
  // fails with SQLITE_BUSY as soon as another process has written in between.
  apply.immediate();
  return { parsed: parsed.length, removed: removed.length, articles: active, issues: allIssues(db), ms: Math.round(performance.now() - started) };
}

/** Every known content problem: per file (kept between restarts) and across files. */
export function allIssues(db: Db): ContentIssue[] {
  const perFile = (db.prepare("SELECT issues FROM files WHERE issues != '[]'").pluck().all() as string[]).flatMap((s) => JSON.parse(s) as ContentIssue[]);
  const cross = JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'cross_issues'").pluck().get() as string | undefined) ?? "[]") as ContentIssue[];
  return sortIssues([...perFile, ...cross]);
}
