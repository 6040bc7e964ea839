// Keyset pages of published articles for the JSON API (src/api/): ordered by
// (date, lang, slug) descending, a page after a cursor is a seek in articles_by_date,
// so page 200 costs what page 1 costs (an OFFSET would read every row before it).
// (lang, slug) is the article's public address, the same on every replica built from
// one commit, unlike the rowid. SQL is composed only from the fixed fragments below,
// one prepared statement per combination of filters; every value is a bound parameter.
import { LOCALES, type Locale } from "../config.js";
import type { ArticleSummary } from "./articles.js";
import { decodeList } from "./article-row.js";
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

/**
 * A tag with fewer articles than 1/RARE_TAG of the published ones is found through
 * article_tags and sorted; a commoner one by walking the date index and checking each
 * row's tags. At 100,000 articles a tag of ~5,000 took 300 ms a page the first way and
 * a few ms the second; a tag of 10 would make the second walk the whole index.
 */
const RARE_TAG = 500;

export function createApiArticleQueries(db: Db) {
  const statements = new Map<string, ReturnType<Db["prepare"]>>();
  const idsOf = (parts: Part[], rareTag: boolean) => {
    const key = `${parts.join(",")}${rareTag ? ":rare" : ""}`;
    let st = statements.get(key);
    if (!st) {
      const where = [PUBLISHED, ...parts.map((p) => FRAGMENTS[p])].join(" AND ");
      // The date index (within the district when one is asked for), except for a tag: a
      // rare tag is better found by article_tags and sorted (a few rows) than by walking
      // every article's date for its members.
      const from = rareTag
        ? "articles a"
        : parts.includes("district")
          ? "articles a INDEXED BY articles_by_district_date"
          : "articles a INDEXED BY articles_by_date";
      st = db
        .prepare(
          `SELECT a.id FROM ${from} WHERE ${where}
        ORDER BY a.date DESC, a.lang DESC, a.slug DESC LIMIT @limit`,
        )
        .pluck();
      statements.set(key, st);
    }
    return st;
  };

  const aliases = db.prepare("SELECT aliases FROM articles WHERE id = ?").pluck();
  // Listing sizes: published articles per scope ("bg", "bg:t:remont"), read from the listing's ends.
  const listed = db
    .prepare("SELECT coalesce(sum(n), 0) FROM (SELECT max(pos) AS n FROM listing WHERE scope IN (SELECT value FROM json_each(?)) GROUP BY scope)")
    .pluck();

  return {
    /** Old paths that redirect to an article (front matter `aliases`). */
    aliases: (id: number) => decodeList(aliases.get(id) as string | undefined, "aliases"),
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
      let rareTag = false;
      if (filters.tag !== undefined) {
        const langs = filters.lang ? [filters.lang] : LOCALES;
        const tagged = listed.get(JSON.stringify(langs.map((l) => `${l}:t:${filters.tag}`))) as number;
        rareTag = tagged * RARE_TAG < (listed.get(JSON.stringify(langs)) as number);
      }
      return idsOf(parts, rareTag).all(params) as number[];
    },
  };
}

export type { ArticleSummary };
