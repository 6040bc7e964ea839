// The last valid version of files that are invalid now, read from the index file a
// rebuild replaces (another schema version, a damaged file). Within one index the rows
// simply stay (see sync.ts); a rebuild starts from the content alone, so without this a
// schema upgrade would unpublish every article an editor had broken meanwhile.
// Everything here is best effort: the old file may be of another schema or damaged, and
// a row that cannot be read is a row not kept.
import Database from "better-sqlite3";
import type { District } from "../content/district.js";
import { decodeChanges, decodeEvent, decodeImage, decodeLines, decodeList, decodeTags, type ArticleRow } from "./article-row.js";
import type { Db } from "./db.js";
import type { StoredArticle } from "./write.js";

export interface LastGood {
  /** The article last indexed from this file, and when that version was saved. */
  article(rel: string): { article: StoredArticle; modified: number | undefined; since: number } | null;
  district(rel: string): { district: District; since: number } | null;
  close(): void;
}

export const NO_LAST_GOOD: LastGood = { article: () => null, district: () => null, close: () => {} };

/** Opens `file` read-only; any failure (missing, foreign, damaged) gives a source with nothing in it. */
export function openLastGood(file: string | null, warn: (msg: string) => void = () => {}): LastGood {
  if (!file) return NO_LAST_GOOD;
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return NO_LAST_GOOD;
  }
  const attempt = <T>(what: string, read: () => T | null): T | null => {
    try {
      return read();
    } catch (cause) {
      warn(`the last valid version of ${what} cannot be read from the old index: ${(cause as Error).message}`);
      return null;
    }
  };
  /**
   * The version served: the held one's time while the file was held back, else its mtime
   * (an index of a schema without `held`), else `fallback` when the files table is unreadable.
   */
  const since = (rel: string, fallback: number): number => {
    for (const sql of ["SELECT coalesce(held, mtime) FROM files WHERE path = ?", "SELECT mtime FROM files WHERE path = ?"]) {
      try {
        const when = db.prepare(sql).pluck().get(rel) as number | undefined;
        if (when !== undefined) return when;
      } catch {
        // try the next form
      }
    }
    return fallback;
  };
  return {
    article: (rel) =>
      attempt(rel, () => {
        const r = db.prepare("SELECT * FROM articles WHERE file = ?").get(rel) as ArticleRow | undefined;
        if (!r) return null;
        const media = db.prepare("SELECT url, rel, width, height, bytes, format FROM media WHERE article_id = ?").all(r.id) as StoredArticle["media"];
        const later = db.prepare("SELECT markdown FROM body_backlog WHERE id = ?").pluck().get(r.id) as string | undefined;
        const article: StoredArticle = {
          file: r.file,
          lang: r.lang,
          district: r.district,
          slug: r.slug,
          title: r.title,
          summary: r.summary,
          date: r.date,
          updated: r.updated ?? undefined,
          expires: r.expires ?? undefined,
          draft: r.draft === 1,
          author: r.author ?? undefined,
          tags: decodeTags(r),
          image: decodeImage(r),
          translationKey: r.translation_key ?? undefined,
          aliases: decodeList(r.aliases, "aliases"),
          links: decodeList(r.links, "links"),
          lines: decodeLines(r.lines),
          changes: decodeChanges(r),
          event: decodeEvent(r),
          hash: r.hash ?? "",
          html: r.html ?? "",
          text: r.text ?? "",
          media,
          ...(later !== undefined ? { bodyLater: later } : {}),
        };
        return { article, modified: r.modified ?? undefined, since: since(rel, r.modified ?? r.updated ?? r.date) };
      }),
    district: (rel) =>
      attempt(rel, () => {
        const data = db.prepare("SELECT data FROM districts WHERE file = ?").pluck().get(rel) as string | undefined;
        return data === undefined ? null : { district: JSON.parse(data) as District, since: since(rel, Date.now()) };
      }),
    close: () => db.close(),
  };
}
