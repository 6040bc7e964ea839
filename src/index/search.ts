// Full-text search over published articles. The MATCH expression always comes from
// buildMatch() (quoted FTS5 strings only); the rest are bound parameters.
//
// Speed: a storm-day word ("ремонт") matches most articles of a language, so the cost
// is per match. The matching ids are read from the FTS table once (and kept for the
// other pages and filters of the same words); the filters, the count and the cap on
// ranked matches are applied to them in JavaScript (search-live.ts); SQLite then computes
// bm25 only for the ids picked, and only the page shown gets its snippets.
import { LOCALES, type Locale } from "../config.js";
import { dateTimeFormat } from "../i18n/format.js";
import { LruCache } from "../search/cache.js";
import { highlight, snippet, type Segment } from "../search/highlight.js";
import type { MatchQuery } from "../search/query.js";
import type { ArticleSummary } from "./articles.js";
import type { Db } from "./db.js";
import { perSearchTable } from "./schema.js";
import { complement, liveSet, pick, type LiveSet, type Picked } from "./search-live.js";
import { createSearchWords } from "./search-words.js";

// Ranking (issue 21): first a tier, then bm25 with column weights (a word in the title
// counts most, then the summary, then the body), then the listing's order (newest
// first). The tier is a small whole number, lower first:
//  +4 unless the article is of a district the query names (@places),
//  +2 unless its title holds a query word (bm25 over the title alone: a title match is
//     never outranked by a passing mention in a short notice),
//  +1 unless it holds the words as a phrase (@phrase, queries of several words).
// The tier and bm25 stay two keys: adding them into one number would round bm25's low
// digits away, and with them the order of near ties. The title tier is read from the
// row's own match rather than a second MATCH on the title column, which doubled the
// cost of a search (p50 3.8 -> 8 ms at 10,000 articles, scratch/searchbench.ts); the
// CASEs skip the phrase and place lookups when the query has none.
const tier = (table: string, row: string) => `(CASE WHEN @places = '[]' THEN 4
    ELSE 4 * (${row} NOT IN (SELECT id FROM temp.search_live WHERE district IN (SELECT value FROM json_each(@places)))) END
  + 2 * (bm25(${table}, 1.0, 0.0, 0.0) >= 0)
  + CASE WHEN @phrase = @match THEN 0 ELSE (${row} NOT IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @phrase)) END)`;
const bm25 = (table: string) => `bm25(${table}, 10.0, 4.0, 1.0)`;
/**
 * Product decision (issue 21): a query matching more articles of a language than this
 * ranks only the newest this many of them ("showing the most recent matches").
 */
export const MAX_RANKED = 10_000;
/** Result pages kept per content version: repeated searches (a storm day) skip SQLite. */
const CACHE_PAGES = 500;
/**
 * Rows ranked beyond the page, so that a tie in score across the page's end is seen
 * (then every picked row is ranked). Real text rarely ties.
 */
const TIE_SLACK = 16;
/** Match lists kept per content version (the ids of one query's matches, any filters). */
const CACHE_MATCHES = 20;

export interface SearchOptions {
  /** How many result pages to keep (0: none, and no match lists either: the uncached cost). */
  readonly cachePages?: number;
  /** MAX_RANKED, smaller in tests. */
  readonly maxRanked?: number;
}

export interface SearchFilters {
  readonly district?: string | undefined;
  /** Half-open [from, to) epoch range for the year filter. */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  /** Districts the query names (see placesNamed): their articles rank first. */
  readonly places?: readonly string[] | undefined;
}

/** The bound parameters of the ranking (see tier). */
interface RankParams {
  readonly match: string;
  readonly phrase: string;
  /** JSON array of district ids. */
  readonly places: string;
}

export interface SearchHit {
  readonly article: ArticleSummary;
  readonly title: Segment[];
  readonly snippet: Segment[];
}

export interface SearchResult {
  readonly hits: SearchHit[];
  /** Every match; only the newest MAX_RANKED of them are ranked and shown. */
  readonly total: number;
  /** More than MAX_RANKED matched: the results are the best of the newest MAX_RANKED. */
  readonly capped: boolean;
}

// `pos` is the article's place in its language's listing, which is ordered by date
// DESC, id DESC: ranking by (bm25, pos) is bm25 with the newest first on a tie.
const LIVE_TABLE = `CREATE TEMP TABLE IF NOT EXISTS search_live (
  id INTEGER PRIMARY KEY, lang TEXT NOT NULL, district TEXT NOT NULL, date INTEGER NOT NULL, pos INTEGER NOT NULL)`;

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
  const maxRanked = options.maxRanked ?? MAX_RANKED;
  const live = db.prepare("SELECT id, lang, district, date, pos FROM temp.search_live").raw();
  const matches = perSearchTable((t) => db.prepare(`SELECT rowid FROM ${t} WHERE ${t} MATCH ?`).pluck());
  // The best `n` rows by tier and bm25, of all matches or of the picked ids only. The "+"
  // keeps SQLite from handing the IN list to FTS5 as rowid lookups, one full query each
  // (27 s instead of 16 ms for 1,500 ids among 49,000 matches): the matches are scanned
  // once and each is looked up in the list.
  const top = perSearchTable((t) =>
    db
      .prepare(
        `SELECT rowid, ${tier(t, "rowid")} AS tier, ${bm25(t)} AS score FROM ${t}
    WHERE ${t} MATCH @match ORDER BY tier, score LIMIT @n`,
      )
      .raw(),
  );
  const topOf = perSearchTable((t) =>
    db
      .prepare(
        `SELECT rowid, ${tier(t, "rowid")} AS tier, ${bm25(t)} AS score FROM ${t}
    WHERE ${t} MATCH @match AND +rowid IN (SELECT value FROM json_each(@ids)) ORDER BY tier, score LIMIT @n`,
      )
      .raw(),
  );
  // ... or of all matches but the ids left out, when those are fewer (an unpublished draft).
  const topBut = perSearchTable((t) =>
    db
      .prepare(
        `SELECT rowid, ${tier(t, "rowid")} AS tier, ${bm25(t)} AS score FROM ${t}
    WHERE ${t} MATCH @match AND +rowid NOT IN (SELECT value FROM json_each(@ids)) ORDER BY tier, score LIMIT @n`,
      )
      .raw(),
  );
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
  let published: LiveSet = liveSet([]);
  const cache = new LruCache<string, SearchResult>(options.cachePages ?? CACHE_PAGES);
  // A reader paging through the results, or narrowing them by district or year, searches
  // the same words again: their matches are read once.
  const matched = new LruCache<string, Int32Array>(options.cachePages === 0 ? 0 : CACHE_MATCHES);

  /** Refreshes search_live (and drops cached results) if the index changed; returns the key. */
  function current(): string {
    const key = changeKey();
    if (key === liveKey) return key;
    db.transaction(() => {
      clearLive.run();
      fillLive.run(JSON.stringify(LOCALES));
      fillColumns.run();
      published = liveSet(live.all() as [number, string, string, number, number][]);
    })();
    cache.clear();
    matched.clear();
    // Read after the refill, whose own writes moved total_changes().
    liveKey = changeKey();
    return liveKey;
  }

  /** The ids of every match of `match` in `lang`'s table, published or not. */
  function matchesOf(key: string, lang: Locale, match: string): Int32Array {
    const k = `${key}\u0000${lang}\u0000${match}`;
    let ids = matched.get(k);
    if (ids === undefined) matched.set(k, (ids = Int32Array.from(matches[lang].all(match) as number[])));
    return ids;
  }

  /**
   * The ids of one page, best first: the tier, bm25, then the listing's order (newest
   * first). SQLite ranks the picked ids by tier and bm25 and returns as many as the page
   * needs plus TIE_SLACK; they are sorted here with their listing positions. That is the
   * whole order whenever the page's last row scores strictly better than the last row
   * fetched (every row not fetched scores at least that); otherwise every picked row is
   * fetched and sorted.
   */
  function rankedIds(lang: Locale, ranking: RankParams, all: Int32Array, picked: Picked, offset: number, limit: number): number[] {
    const need = offset + limit;
    const leftOut = picked.ids.length * 2 > all.length ? complement(all, picked.ids) : null;
    const ids = `[${(leftOut ?? picked.ids).join(",")}]`;
    const fetch = (n: number) =>
      (picked.all ? top[lang].all({ ...ranking, n }) : (leftOut === null ? topOf : topBut)[lang].all({ ...ranking, ids, n })) as [number, number, number][];
    const sorted = (rows: [number, number, number][]) => rows.sort((a, b) => a[1] - b[1] || a[2] - b[2] || published.pos[a[0]]! - published.pos[b[0]]!);
    const n = need + TIE_SLACK;
    let rows = fetch(n);
    const last = rows.at(-1);
    sorted(rows);
    const lastShown = rows[need - 1];
    const exact =
      rows.length < n || (lastShown !== undefined && last !== undefined && (lastShown[1] < last[1] || (lastShown[1] === last[1] && lastShown[2] < last[2])));
    if (!exact) rows = sorted(fetch(picked.ids.length));
    return rows.slice(offset, need).map((r) => r[0]);
  }

  function withSnippets(ids: number[], q: MatchQuery, lang: Locale): SearchHit[] {
    const summaries = bySummaryIds(ids);
    const bodies = new Map((texts.all(JSON.stringify(ids)) as [number, string][]).map(([id, text]) => [id, text]));
    return ids.flatMap((id) => {
      const article = summaries.get(id);
      if (!article) return [];
      return [
        {
          article,
          // The whole title, always (issue 21: a clipped headline hid what the article is).
          title: highlight(article.title, q.terms, q.prefix, lang, Number.MAX_SAFE_INTEGER),
          snippet: snippet(article.summary, bodies.get(id) ?? "", q.terms, q.prefix, lang),
        },
      ];
    });
  }

  return {
    ...createSearchWords(db, current),
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
      const places = JSON.stringify([...(filters.places ?? [])].sort());
      const ranking: RankParams = { match: q.match, phrase: q.phrase, places };
      const key = current();
      const cacheKey = [key, q.match, lang, filters.district, filters.from, filters.to, places, page, perPage].join("\u0000");
      const cached = cache.get(cacheKey);
      if (cached) return cached;
      const all = matchesOf(key, lang, q.match);
      const picked = pick(published, all, lang, filters, maxRanked);
      const offset = (page - 1) * perPage;
      const shown = picked.ids.length;
      const ids = shown > offset ? rankedIds(lang, ranking, all, picked, offset, Math.min(perPage, shown - offset)) : [];
      const result = { hits: withSnippets(ids, q, lang), total: picked.total, capped: picked.capped };
      cache.set(cacheKey, result);
      return result;
    },
  };
}
