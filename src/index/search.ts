// Full-text search over published articles. The MATCH expression always comes from
// buildMatch() (quoted FTS5 strings only); the rest are bound parameters.
//
// Speed: a storm-day word ("ремонт") matches most articles of a language, so the cost
// is per match. Joining every match to `articles` meant reading one large row (HTML,
// text) per match, twice (count, then rank). Instead, what the filters need of the
// published articles (language, district, date, listing position) is copied into a
// small in-memory temp table whenever the index changes, and one FTS pass ranks,
// filters and counts. Snippets are made only for the page of results shown.
import { LOCALES, type Locale } from "../config.js";
import { dateTimeFormat } from "../i18n/format.js";
import { LruCache } from "../search/cache.js";
import { highlight, type Segment } from "../search/highlight.js";
import type { MatchQuery } from "../search/query.js";
import type { ArticleSummary } from "./articles.js";
import type { Db } from "./db.js";
import { perSearchTable } from "./schema.js";

// bm25 column weights: a word in the title counts most, then the summary, then the body.
const rank = (table: string) => `bm25(${table}, 10.0, 4.0, 1.0)`;
/** Result pages kept per content version: repeated searches (a storm day) skip SQLite. */
const CACHE_PAGES = 500;

export interface SearchOptions {
  /** How many result pages to keep (0: none, for measuring the uncached cost). */
  readonly cachePages?: number;
}

export interface SearchFilters {
  readonly district?: string | undefined;
  /** Half-open [from, to) epoch range for the year filter. */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

export interface SearchHit {
  readonly article: ArticleSummary;
  readonly title: Segment[];
  readonly snippet: Segment[];
}

export interface SearchResult {
  readonly hits: SearchHit[];
  readonly total: number;
}

// `pos` is the article's place in its language's listing, which is ordered by date
// DESC, id DESC: ranking by (bm25, pos) is bm25 with the newest first on a tie.
const LIVE_TABLE = `CREATE TEMP TABLE IF NOT EXISTS search_live (
  id INTEGER PRIMARY KEY, lang TEXT NOT NULL, district TEXT NOT NULL, date INTEGER NOT NULL, pos INTEGER NOT NULL)`;

const filter = (table: string) => `${table} MATCH @match AND p.lang = @lang
  AND (@district IS NULL OR p.district = @district)
  AND (@from IS NULL OR p.date >= @from) AND (@to IS NULL OR p.date < @to)`;

export function createSearchQueries(db: Db, bySummaryIds: (ids: number[]) => Map<number, ArticleSummary>, options: SearchOptions = {}) {
  db.exec(LIVE_TABLE);
  const clearLive = db.prepare("DELETE FROM temp.search_live");
  // The listing holds exactly the published articles of each language (kept current by
  // ContentIndex.version()); district and date come from the covering index
  // articles_by_district, so no article row (with its HTML) is read.
  const fillLive = db.prepare(`INSERT INTO temp.search_live (id, lang, district, date, pos)
    SELECT l.article_id, l.scope, '', 0, l.pos FROM listing l WHERE l.scope IN (SELECT value FROM json_each(?))`);
  const fillColumns = db.prepare(`UPDATE temp.search_live SET district = x.district, date = x.date
    FROM (SELECT id, district, date FROM articles) AS x WHERE x.id = search_live.id`);
  // The total is counted apart: a count(*) OVER () window in the ranked query made SQLite
  // keep every match before the LIMIT, which cost more (2 ms at 10,000) than counting.
  const ranked = perSearchTable((t) => db.prepare(`SELECT s.rowid FROM ${t} s JOIN temp.search_live p ON p.id = s.rowid
    WHERE ${filter(t)} ORDER BY ${rank(t)}, p.pos LIMIT @limit OFFSET @offset`).pluck());
  const count = perSearchTable((t) => db.prepare(`SELECT count(*) FROM ${t} s JOIN temp.search_live p ON p.id = s.rowid WHERE ${filter(t)}`).pluck());
  const texts = db.prepare("SELECT id, text FROM articles WHERE id IN (SELECT value FROM json_each(?))").raw();
  // The listing is in date order, so its ends give the span without a scan.
  const span = db.prepare(`SELECT
    (SELECT a.date FROM listing l JOIN articles a ON a.id = l.article_id WHERE l.scope = @scope ORDER BY l.pos DESC LIMIT 1) AS first,
    (SELECT a.date FROM listing l JOIN articles a ON a.id = l.article_id WHERE l.scope = @scope AND l.pos = 1) AS last`);
  // Any commit by another connection moves data_version; any write by this one moves
  // total_changes(). Together they say whether the index may have changed.
  const dataVersion = db.prepare("PRAGMA data_version").pluck();
  const totalChanges = db.prepare("SELECT total_changes()").pluck();
  const changeKey = () => `${String(dataVersion.get())}:${String(totalChanges.get())}`;
  let liveKey = "";
  const cache = new LruCache<string, SearchResult>(options.cachePages ?? CACHE_PAGES);
  // The total is the same on every page of one search: a reader paging through the
  // results (page 2, 3, ...) should not pay for counting all matches again.
  const totals = new LruCache<string, number>(options.cachePages ?? CACHE_PAGES);

  /** Refreshes search_live (and drops cached results) if the index changed; returns the key. */
  function current(): string {
    const key = changeKey();
    if (key === liveKey) return key;
    db.transaction(() => {
      clearLive.run();
      fillLive.run(JSON.stringify(LOCALES));
      fillColumns.run();
    })();
    cache.clear();
    totals.clear();
    // Read after the refill, whose own writes moved total_changes().
    liveKey = changeKey();
    return liveKey;
  }

  function withSnippets(ids: number[], q: MatchQuery, lang: Locale): SearchHit[] {
    const summaries = bySummaryIds(ids);
    const bodies = new Map((texts.all(JSON.stringify(ids)) as [number, string][]).map(([id, text]) => [id, text]));
    return ids.flatMap((id) => {
      const article = summaries.get(id);
      if (!article) return [];
      return [{
        article,
        title: highlight(article.title, q.terms, q.prefix, lang, 400),
        snippet: highlight(`${article.summary}\n${bodies.get(id) ?? ""}`, q.terms, q.prefix, lang, 240),
      }];
    });
  }

  return {
    /** Years that have published articles in a language, newest first, for the year filter. */
    years(lang: Locale, timeZone: string): string[] {
      const r = span.get({ scope: lang }) as { first: number | null; last: number | null };
      if (r.first === null || r.last === null) return [];
      const format = dateTimeFormat("en", { year: "numeric", timeZone });
      const year = (ms: number) => Number(format.format(ms));
      const out: string[] = [];
      for (let y = year(r.last); y >= year(r.first); y--) out.push(String(y));
      return out;
    },
    /**
     * One page of results for published articles of `lang`, best first. "Published" is
     * what the listings say, so call ContentIndex.version() first (the routes do).
     */
    search(q: MatchQuery, lang: Locale, filters: SearchFilters, page: number, perPage: number): SearchResult {
      const params = { match: q.match, lang, district: filters.district ?? null, from: filters.from ?? null, to: filters.to ?? null };
      const searchKey = [current(), q.match, lang, params.district, params.from, params.to].join("\u0000");
      const key = `${searchKey}\u0000${page}\u0000${perPage}`;
      const cached = cache.get(key);
      if (cached) return cached;
      let total = totals.get(searchKey);
      if (total === undefined) {
        total = count[lang].get(params) as number;
        totals.set(searchKey, total);
      }
      const ids = total > (page - 1) * perPage ? (ranked[lang].all({ ...params, limit: perPage, offset: (page - 1) * perPage }) as number[]) : [];
      const result = { hits: withSnippets(ids, q, lang), total };
      cache.set(key, result);
      return result;
    },
  };
}
