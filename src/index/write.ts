// Prepared statements that write parsed content into the index (one place per table).
import type { Article } from "../content/article.js";
import type { District } from "../content/district.js";
import type { RenderedLater } from "../content/markdown.js";
import { slugify } from "../content/slug.js";
import { analyzeText } from "../search/analyze.js";
import type { Locale } from "../config.js";
import type { Db } from "./db.js";
import { perSearchTable } from "./schema.js";

/** Renders a body left for later (no pictures: see ParseOptions.bodyLater). */
export type RenderBody = (markdown: string, lang: Locale) => RenderedLater;

/** What the index stores of an article: a parsed Article, or the last valid version kept from an old index (last-good.ts). */
export type StoredArticle = Pick<
  Article,
  | "file"
  | "lang"
  | "district"
  | "slug"
  | "title"
  | "summary"
  | "date"
  | "updated"
  | "expires"
  | "draft"
  | "author"
  | "tags"
  | "image"
  | "translationKey"
  | "aliases"
  | "links"
  | "lines"
  | "changes"
  | "event"
  | "hash"
  | "html"
  | "text"
  | "media"
  | "bodyLater"
>;

export interface WriterOptions {
  /** The index is empty (a fresh build): every article is new, no row is looked up or replaced. */
  readonly fresh?: boolean;
}

export function createWriter(db: Db, options: WriterOptions = {}) {
  // A new row starts active: the checks across files (cross.ts) run before the sync
  // commits and switch off the few that clash, instead of switching on every row of a
  // fresh build one UPDATE at a time. An edited row keeps its flag.
  const insertSql = `INSERT INTO articles
    (file, lang, district, slug, own_slug, title, summary, date, updated, modified, expires, draft, author, tags, image, translation_key, aliases, links, lines, changes, event, html, text, hash, active)
    VALUES (@file, @lang, @district, @slug, @slug, @title, @summary, @date, @updated, @modified, @expires, @draft, @author, @tags, @image, @translationKey, @aliases, @links, @lines, @changes, @event, @html, @text, @hash, 1)`;
  // The lookup and the upsert cost a fresh build of 10,000 articles about 0.1 s.
  const insertNew = db.prepare(`${insertSql} RETURNING id`).pluck();
  const insertArticle = db
    .prepare(
      `${insertSql}
    ON CONFLICT (file) DO UPDATE SET lang = excluded.lang, district = excluded.district, slug = excluded.slug, own_slug = excluded.own_slug, title = excluded.title,
      summary = excluded.summary, date = excluded.date, updated = excluded.updated, modified = excluded.modified, expires = excluded.expires,
      draft = excluded.draft, author = excluded.author, tags = excluded.tags, image = excluded.image, translation_key = excluded.translation_key,
      aliases = excluded.aliases, links = excluded.links, lines = excluded.lines, changes = excluded.changes, event = excluded.event, html = excluded.html, text = excluded.text, hash = excluded.hash
    RETURNING id`,
    )
    .pluck();
  const deleteTags = db.prepare("DELETE FROM article_tags WHERE article_id = ?");
  const deleteMedia = db.prepare("DELETE FROM media WHERE article_id = ?");
  const findArticle = db.prepare("SELECT id, lang FROM articles WHERE file = ?");
  const deleteArticle = db.prepare("DELETE FROM articles WHERE id = ?");
  const deleteSearch = perSearchTable((t) => db.prepare(`DELETE FROM ${t} WHERE rowid = ?`));
  const insertSearch = perSearchTable((t) => db.prepare(`INSERT INTO ${t} (rowid, title, summary, body) VALUES (?, ?, ?, ?)`));
  const addBacklog = db.prepare("INSERT OR IGNORE INTO search_backlog (id) VALUES (?)");
  const dropBacklog = db.prepare("DELETE FROM search_backlog WHERE id = ?");
  // An article is indexed for search once its body is rendered (its text is empty until then).
  const nextBacklog = db.prepare(`SELECT a.id, a.lang, a.title, a.summary, a.text FROM search_backlog b
    JOIN articles a ON a.id = b.id WHERE b.id NOT IN (SELECT id FROM body_backlog) ORDER BY b.id LIMIT ?`);
  const dropOrphans = db.prepare("DELETE FROM search_backlog WHERE id NOT IN (SELECT id FROM articles)");
  const addBody = db.prepare("INSERT OR REPLACE INTO body_backlog (id, markdown) VALUES (?, ?)");
  const dropBody = db.prepare("DELETE FROM body_backlog WHERE id = ?");
  const nextBodies = db.prepare(`SELECT b.id, a.lang, b.markdown FROM body_backlog b JOIN articles a ON a.id = b.id ORDER BY b.id LIMIT ?`);
  const putBody = db.prepare("UPDATE articles SET html = ?, text = ?, links = ? WHERE id = ?");
  const putModified = db.prepare("UPDATE articles SET modified = ? WHERE file = ?");
  const insertTag = db.prepare("INSERT OR IGNORE INTO article_tags (article_id, lang, tag, name) VALUES (?, ?, ?, ?)");
  const insertMedia = db.prepare("INSERT OR IGNORE INTO media (url, rel, article_id, width, height, bytes, format) VALUES (?, ?, ?, ?, ?, ?, ?)");
  const upsertFile = db.prepare(`INSERT INTO files (path, kind, mtime, size, issues, held) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, mtime = excluded.mtime, size = excluded.size, issues = excluded.issues, held = excluded.held`);
  // The version a broken file's kept row shows: the one held already, else the file's last valid state.
  const servedSince = db
    .prepare(
      `SELECT coalesce(f.held, f.mtime) FROM files f
    WHERE f.path = @file AND EXISTS (SELECT 1 FROM articles WHERE file = @file UNION ALL SELECT 1 FROM districts WHERE file = @file)`,
    )
    .pluck();
  const deleteFile = db.prepare("DELETE FROM files WHERE path = ?");
  const upsertDistrict = db.prepare(`INSERT INTO districts (id, file, data) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET file = excluded.file, data = excluded.data`);
  const deleteDistrict = db.prepare("DELETE FROM districts WHERE file = ?");
  // A site has a few hundred tags used over and over; a cold start would slugify each
  // of them thousands of times. One writer serves one sync, which bounds the map.
  const tagSlugs = new Map<string, string>();
  const tagSlug = (name: string, lang: Locale): string => {
    let slug = tagSlugs.get(name);
    if (slug === undefined) tagSlugs.set(name, (slug = slugify(name, lang)));
    return slug;
  };

  function removeArticle(file: string): void {
    const row = findArticle.get(file) as { id: number; lang: Locale } | undefined;
    if (!row) return;
    deleteSearch[row.lang].run(row.id);
    dropBacklog.run(row.id);
    dropBody.run(row.id);
    deleteArticle.run(row.id);
  }

  /** The article's text as FTS5 terms, one column each (title, summary, body). */
  function indexForSearch(a: Pick<Article, "title" | "summary" | "text" | "lang">, id: number): void {
    insertSearch[a.lang].run(id, analyzeText(a.title, a.lang), analyzeText(a.summary, a.lang), analyzeText(a.text, a.lang));
  }

  return {
    removeArticle,
    /**
     * `modified`: see content/git-dates.ts; `updated`, else `date`, when not known.
     * `searchLater`: queue the article in search_backlog instead of analysing it now.
     */
    putArticle(a: StoredArticle, modified?: number, searchLater = false): void {
      // An edited article keeps its row id (an upsert), so the listings that point at it
      // stay valid and a one-file edit need not rebuild them (see sync.ts).
      const existed = !options.fresh && findArticle.get(a.file) !== undefined;
      // Every parameter named, no spread of `a`: see the note on `rest` in article.ts.
      const id = (options.fresh ? insertNew : insertArticle).get({
        file: a.file,
        lang: a.lang,
        district: a.district,
        slug: a.slug,
        title: a.title,
        summary: a.summary,
        date: a.date,
        html: a.html,
        text: a.text,
        hash: a.hash,
        updated: a.updated ?? null,
        modified: modified ?? a.updated ?? a.date,
        expires: a.expires ?? null,
        draft: a.draft ? 1 : 0,
        author: a.author ?? null,
        tags: JSON.stringify(a.tags),
        image: a.image ? JSON.stringify(a.image) : null,
        translationKey: a.translationKey ?? null,
        aliases: JSON.stringify(a.aliases),
        links: JSON.stringify(a.links),
        lines: JSON.stringify(a.lines),
        changes: JSON.stringify(a.changes),
        event: a.event ? JSON.stringify(a.event) : null,
      }) as number;
      if (existed) {
        deleteSearch[a.lang].run(id);
        dropBacklog.run(id);
        dropBody.run(id);
        deleteTags.run(id);
        deleteMedia.run(id);
      }
      if (a.bodyLater !== undefined) addBody.run(id, a.bodyLater);
      // A body rendered later is indexed for search after that.
      if (searchLater || a.bodyLater !== undefined) addBacklog.run(id);
      else indexForSearch(a, id);
      for (const name of a.tags) {
        const tag = tagSlug(name, a.lang);
        if (tag) insertTag.run(id, a.lang, tag, name);
      }
      for (const m of a.media) insertMedia.run(m.url, m.rel, id, m.width, m.height, m.bytes, m.format);
    },
    /**
     * Renders up to `limit` bodies left for later (with `render`, see
     * the search filler, src/index/fill.ts), then indexes up to `limit` queued articles for search;
     * returns how many it took of each together.
     */
    indexBacklog(limit: number, render: RenderBody): number {
      const bodies = nextBodies.all(limit) as { id: number; lang: Locale; markdown: string }[];
      for (const b of bodies) {
        const r = render(b.markdown, b.lang);
        putBody.run(r.html, r.text, JSON.stringify(r.links), b.id);
        dropBody.run(b.id);
      }
      const rows = nextBacklog.all(limit) as (Pick<Article, "title" | "summary" | "text" | "lang"> & { id: number })[];
      // Entries whose article is gone are skipped by the join; clear them at the end, so
      // the backlog does not look unfinished for ever (searches wait while it is not empty).
      if (rows.length === 0 && bodies.length === 0) dropOrphans.run();
      for (const row of rows) {
        indexForSearch(row, row.id);
        dropBacklog.run(row.id);
      }
      return bodies.length + rows.length;
    },
    /** The last change of an article written before git answered (see sync.ts). */
    setModified(file: string, ms: number): void {
      putModified.run(ms, file);
    },
    putDistrict(d: District): void {
      upsertDistrict.run(d.id, d.file, JSON.stringify(d));
    },
    removeDistrict(file: string): void {
      deleteDistrict.run(file);
    },
    /** `held`: see the `files` table; the time of the version still served while the file is invalid. */
    putFile(path: string, kind: string, mtime: number, size: number, issues: unknown[], held: number | null = null): void {
      upsertFile.run(path, kind, mtime, size, JSON.stringify(issues), held);
    },
    /** When the file's kept article or district row was valid, or null when it has none (never valid, or gone). */
    servedSince(file: string): number | null {
      return (servedSince.get({ file }) as number | undefined) ?? null;
    },
    removeFile(path: string): void {
      deleteFile.run(path);
    },
  };
}
