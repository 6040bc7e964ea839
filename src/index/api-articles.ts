// Keyset pages of published articles for the JSON API (src/api/): ordered by
// (date, lang, slug) descending, a page after a cursor is a seek in articles_by_date,
// so page 200 costs what page 1 costs (an OFFSET would read every row before it).
// (lang, slug) is the article's public address, the same on every replica built from
// one commit, unlike the rowid. SQL is composed only from the fixed fragments below,
// one prepared statement per combination of filters; every value is a bound parameter.
import type { Locale } from "../config.js";
import type { ArticleSummary } from "./articles.js";
import type { Db } from "./db.js";
import { PUBLISHED } from "./listing.js";

export interface ApiFilters {
  readonly lang?: Locale | undefined;
  readonly district?: string | undefined;
  readonly tag?: string | undefined;
  /** Half-open [from, to) epoch range of the publication date. */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  /** Articles last modified at or after this instant. */
  readonly updatedSince?: number | undefined;
}

/** The last item of the previous page. */
export interface Cursor {
  readonly date: number;
  readonly lang: string;
  readonly slug: string;
}

const FRAGMENTS = {
  lang: "a.lang = @lang",
  district: "a.district = @district",
  tag: "EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.lang = a.lang AND t.tag = @tag)",
  from: "a.date >= @from",
  to: "a.date < @to",
  updatedSince: "max(a.date, coalesce(a.modified, a.updated, a.date)) >= @updatedSince",
  cursor: "(a.date, a.lang, a.slug) < (@cursorDate, @cursorLang, @cursorSlug)",
} as const;

type Part = keyof typeof FRAGMENTS;

export function createApiArticleQueries(db: Db) {
  const statements = new Map<string, ReturnType<Db["prepare"]>>();
  const idsOf = (parts: Part[]) => {
    const key = parts.join(",");
    let st = statements.get(key);
    if (!st) {
      const where = [PUBLISHED, ...parts.map((p) => FRAGMENTS[p])].join(" AND ");
      // The date index, except for a tag: a rare tag is better found by article_tags and
      // sorted (a few rows) than by walking every article's date for its members.
      const from = parts.includes("tag") ? "articles a" : "articles a INDEXED BY articles_by_date";
      st = db.prepare(`SELECT a.id FROM ${from} WHERE ${where}
        ORDER BY a.date DESC, a.lang DESC, a.slug DESC LIMIT @limit`).pluck();
      statements.set(key, st);
    }
    return st;
  };

  const aliases = db.prepare("SELECT aliases FROM articles WHERE id = ?").pluck();

  return {
    /** Old paths that redirect to an article (front matter `aliases`). */
    aliases: (id: number) => JSON.parse((aliases.get(id) as string | undefined) ?? "[]") as string[],
    /**
     * Up to `limit` ids after `cursor` (newest first). The caller reads one more than it
     * shows to know whether a next page exists.
     */
    page(filters: ApiFilters, cursor: Cursor | null, limit: number, now: number): number[] {
      const parts: Part[] = [];
      const params: Record<string, unknown> = { now, limit };
      for (const name of ["lang", "district", "tag", "from", "to", "updatedSince"] as const) {
        if (filters[name] === undefined) continue;
        parts.push(name);
        params[name] = filters[name];
      }
      if (cursor) {
        parts.push("cursor");
        Object.assign(params, { cursorDate: cursor.date, cursorLang: cursor.lang, cursorSlug: cursor.slug });
      }
      return idsOf(parts).all(params) as number[];
    },
  };
}

export type { ArticleSummary };
