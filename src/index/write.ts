// Prepared statements that write parsed content into the index (one place per table).
import type { Article } from "../content/article.js";
import type { District } from "../content/district.js";
import { slugify } from "../content/slug.js";
import { analyzeText } from "../search/analyze.js";
import type { Db } from "./db.js";

export function createWriter(db: Db) {
  const insertArticle = db.prepare(`INSERT INTO articles
    (file, lang, district, slug, title, summary, date, updated, modified, expires, draft, author, tags, image, translation_key, aliases, links, lines, html, text, hash)
    VALUES (@file, @lang, @district, @slug, @title, @summary, @date, @updated, @modified, @expires, @draft, @author, @tags, @image, @translationKey, @aliases, @links, @lines, @html, @text, @hash)`);
  const findArticle = db.prepare("SELECT id FROM articles WHERE file = ?").pluck();
  const deleteArticle = db.prepare("DELETE FROM articles WHERE id = ?");
  const deleteSearch = db.prepare("DELETE FROM search WHERE rowid = ?");
  const insertSearch = db.prepare("INSERT INTO search (rowid, title, summary, body) VALUES (?, ?, ?, ?)");
  const insertTag = db.prepare("INSERT OR IGNORE INTO article_tags (article_id, lang, tag, name) VALUES (?, ?, ?, ?)");
  const insertMedia = db.prepare("INSERT OR IGNORE INTO media (url, rel, article_id, width, height, bytes, format) VALUES (?, ?, ?, ?, ?, ?, ?)");
  const upsertFile = db.prepare(`INSERT INTO files (path, kind, mtime, size, issues) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, mtime = excluded.mtime, size = excluded.size, issues = excluded.issues`);
  const deleteFile = db.prepare("DELETE FROM files WHERE path = ?");
  const upsertDistrict = db.prepare(`INSERT INTO districts (id, file, data) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET file = excluded.file, data = excluded.data`);
  const deleteDistrict = db.prepare("DELETE FROM districts WHERE file = ?");

  function removeArticle(file: string): void {
    const id = findArticle.get(file) as number | undefined;
    if (id === undefined) return;
    deleteSearch.run(id);
    deleteArticle.run(id);
  }

  return {
    removeArticle,
    /** `modified`: see content/git-dates.ts; `updated`, else `date`, when not known. */
    putArticle(a: Article, modified?: number): void {
      removeArticle(a.file);
      const { lastInsertRowid } = insertArticle.run({
        ...a,
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
      });
      const id = Number(lastInsertRowid);
      insertSearch.run(id, analyzeText(a.title, a.lang), analyzeText(a.summary, a.lang), analyzeText(a.text, a.lang));
      for (const name of a.tags) {
        const tag = slugify(name, a.lang);
        if (tag) insertTag.run(id, a.lang, tag, name);
      }
      for (const m of a.media) insertMedia.run(m.url, m.rel, id, m.width, m.height, m.bytes, m.format);
    },
    putDistrict(d: District): void {
      upsertDistrict.run(d.id, d.file, JSON.stringify(d));
    },
    removeDistrict(file: string): void {
      deleteDistrict.run(file);
    },
    putFile(path: string, kind: string, mtime: number, size: number, issues: unknown[]): void {
      upsertFile.run(path, kind, mtime, size, JSON.stringify(issues));
    },
    removeFile(path: string): void {
      deleteFile.run(path);
    },
  };
}
