// Full-text search over published articles. The MATCH expression always comes from
// buildMatch() (quoted FTS5 strings only); the rest are bound parameters.
//
// Speed: a storm-day word ("ремонт") matches most articles of a language, so the cost
// is per match. Joining every match to `articles` meant reading one large row (HTML,
// text) per match, twice (count, then rank). Instead, what the filters need of the
// published articles (language, district, date, listing position) is copied into a
// small in-memory temp table whenever the index changes. A search without filters does
// not even join that table: it ranks in the FTS table alone, then looks up only the top
// rows (see rankedIds). Snippets are made only for the page of results shown.
import { LOCALES, type Locale } from "../config.js";
import { dateTimeFormat } from "../i18n/format.js";
import { LruCache } from "../search/cache.js";
import { highlight, snippet, type Segment } from "../search/highlight.js";
import type { MatchQuery } from "../search/query.js";
import { buildVocabulary, closestWord, completions, type Vocabulary } from "../search/vocabulary.js";
import type { ArticleSummary } from "./articles.js";
import type { Db } from "./db.js";
import { perSearchTable } from "./schema.js";

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
 * (then the join settles it). Real text rarely ties; none of the bench's 200 result
 * pages fell back, at 10,000 or at 100,000 articles.
 */
const TIE_SLACK = 16;
/**
 * With more unpublished articles than this in a language's search table (drafts,
 * scheduled, expired), ranking joins the published ones instead: each would add a row
 * to every ranking.
 */
const HIDDEN_MAX = 500;

export interface SearchOptions {
  /** How many result pages to keep (0: none, for measuring the uncached cost). */
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

/** The bound parameters of the queries below. */
interface QueryParams {
  readonly match: string;
  readonly lang: Locale;
  readonly district: string | null;
  readonly from: number | null;
  readonly to: number | null;
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
    WHERE ${filter(t)} AND (@maxPos IS NULL OR p.pos <= @maxPos)
    ORDER BY ${tier(t, "s.rowid")}, ${bm25(t)}, p.pos LIMIT @limit OFFSET @offset`).pluck());
  // The listing position of the MAX_RANKED-th newest match: ranking stops there.
  const cutoff = perSearchTable((t) => db.prepare(`SELECT p.pos FROM ${t} s JOIN temp.search_live p ON p.id = s.rowid
    WHERE ${filter(t)} ORDER BY p.pos LIMIT 1 OFFSET @skip`).pluck());
  const maxRanked = options.maxRanked ?? MAX_RANKED;
  const count = perSearchTable((t) => db.prepare(`SELECT count(*) FROM ${t} s JOIN temp.search_live p ON p.id = s.rowid WHERE ${filter(t)}`).pluck());
  // Without filters, and with every indexed article published, the FTS table alone
  // answers: at 100,000 articles a count of 33,000 matches takes 6 instead of 13 ms, and
  // the ranking 38 instead of 58 ms (scratch measurements on the bench corpus).
  const countAll = perSearchTable((t) => db.prepare(`SELECT count(*) FROM ${t} WHERE ${t} MATCH @match`).pluck());
  const top = perSearchTable((t) => db.prepare(`SELECT rowid, ${tier(t, "rowid")} AS tier, ${bm25(t)} AS score FROM ${t} WHERE ${t} MATCH @match ORDER BY tier, score LIMIT @n`).raw());
  const positions = db.prepare("SELECT id, pos FROM temp.search_live WHERE lang = ? AND id IN (SELECT value FROM json_each(?))").raw();
  // Articles in a search table that no listing shows (drafts, scheduled, expired): the
  // FTS table keeps them, so that publishing one needs no indexing.
  const hiddenCount = perSearchTable((t) => db.prepare(`SELECT count(*) FROM ${t} WHERE rowid NOT IN (SELECT id FROM temp.search_live WHERE lang = ?)`).pluck());
  const texts = db.prepare("SELECT id, text FROM articles WHERE id IN (SELECT value FROM json_each(?))").raw();
  const headlines = db.prepare("SELECT title, summary FROM articles WHERE id IN (SELECT id FROM temp.search_live WHERE lang = ?)").raw();
  const vocabularies = new Map<string, Vocabulary>();
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
  let hidden = Object.fromEntries(LOCALES.map((l) => [l, 0])) as Record<Locale, number>;
  const cache = new LruCache<string, SearchResult>(options.cachePages ?? CACHE_PAGES);
  // The total is the same on every page of one search: a reader paging through the
  // results (page 2, 3, ...) should not pay for counting all matches again.
  const totals = new LruCache<string, { total: number; maxPos: number | null }>(options.cachePages ?? CACHE_PAGES);

  /** Refreshes search_live (and drops cached results) if the index changed; returns the key. */
  function current(): string {
    const key = changeKey();
    if (key === liveKey) return key;
    db.transaction(() => {
      clearLive.run();
      fillLive.run(JSON.stringify(LOCALES));
      fillColumns.run();
      hidden = Object.fromEntries(LOCALES.map((l) => [l, hiddenCount[l].get(l) as number])) as Record<Locale, number>;
    })();
    cache.clear();
    totals.clear();
    vocabularies.clear();
    // Read after the refill, whose own writes moved total_changes().
    liveKey = changeKey();
    return liveKey;
  }

  /**
   * The ids of one page, best first: bm25, then the listing's order (newest first).
   * Without filters, the best rows come from the FTS table alone, as many as the page
   * needs plus one per hidden article plus TIE_SLACK; the published ones among them are
   * sorted with their listing positions. That is the join's answer whenever the page's
   * last row scores strictly better than the last row fetched (every row not fetched
   * scores at least that); otherwise, and with filters, the join answers.
   */
  function rankedIds(params: QueryParams, ranking: RankParams, maxPos: number | null, offset: number, limit: number): number[] {
    const { lang } = params;
    const join = () => ranked[lang].all({ ...params, ...ranking, maxPos, limit, offset }) as number[];
    const filtered = params.district !== null || params.from !== null || params.to !== null;
    if (filtered || maxPos !== null || hidden[lang] > HIDDEN_MAX) return join();
    const need = offset + limit;
    const n = need + hidden[lang] + TIE_SLACK;
    const rows = top[lang].all({ ...ranking, n }) as [number, number, number][];
    const key = new Map(rows.map(([id, t, score]) => [id, { tier: t, score }]));
    // A row another process indexed after search_live was filled has no position: like
    // the join, leave it out until the next refresh.
    const live = (positions.all(lang, JSON.stringify(rows.map((r) => r[0]))) as [number, number][])
      .map(([id, pos]) => ({ id, pos, ...(key.get(id) ?? { tier: 0, score: 0 }) }))
      .sort((a, b) => a.tier - b.tier || a.score - b.score || a.pos - b.pos);
    const last = rows.at(-1);
    const lastShown = live[need - 1];
    const strictlyBetter = lastShown !== undefined && last !== undefined
      && (lastShown.tier < last[1] || (lastShown.tier === last[1] && lastShown.score < last[2]));
    if (rows.length === n && last !== undefined && !(live.length >= need && strictlyBetter)) return join();
    return live.slice(offset, need).map((r) => r.id);
  }

  function withSnippets(ids: number[], q: MatchQuery, lang: Locale): SearchHit[] {
    const summaries = bySummaryIds(ids);
    const bodies = new Map((texts.all(JSON.stringify(ids)) as [number, string][]).map(([id, text]) => [id, text]));
    return ids.flatMap((id) => {
      const article = summaries.get(id);
      if (!article) return [];
      return [{
        article,
        // The whole title, always (issue 21: a clipped headline hid what the article is).
        title: highlight(article.title, q.terms, q.prefix, lang, Number.MAX_SAFE_INTEGER),
        snippet: snippet(article.summary, bodies.get(id) ?? "", q.terms, q.prefix, lang),
      }];
    });
  }

  /** The words of the published titles and summaries of `lang`, built once per content version. */
  function vocabulary(lang: Locale): Vocabulary {
    const key = `${current()}\u0000${lang}`;
    let v = vocabularies.get(key);
    if (v === undefined) {
      const rows = headlines.all(lang) as [string, string][];
      v = buildVocabulary(rows.flatMap(([title, summary]) => [title, summary]));
      vocabularies.clear();
      vocabularies.set(key, v);
    }
    return v;
  }

  return {
    /**
     * "Did you mean …?": `q` with each word that no published title or summary holds
     * replaced by the closest one that does (edit distance ≤ 2), or null if none changed.
     */
    didYouMean(q: string, lang: Locale): string | null {
      const v = vocabulary(lang);
      let changed = false;
      let seen = 0;
      // As many words as a query searches for (query.ts MAX_TOKENS); the rest stay.
      const out = q.slice(0, 200).replace(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu, (word) => {
        if (++seen > 8) return word;
        const closest = closestWord(v, word);
        if (closest === null) return word;
        changed = true;
        return closest;
      });
      return changed ? out : null;
    },
    /** Words of titles and summaries that complete the last word of `q`, for OpenSearch suggestions. */
    complete(q: string, lang: Locale, n: number): string[] {
      const typed = q.slice(0, 100);
      const m = /([\p{L}\p{N}][\p{L}\p{N}\p{M}]*)$/u.exec(typed);
      if (m === null) return [];
      const head = typed.slice(0, typed.length - m[1]!.length);
      return completions(vocabulary(lang), m[1]!, n).map((w) => head + w);
    },
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
      const params: QueryParams = { match: q.match, lang, district: filters.district ?? null, from: filters.from ?? null, to: filters.to ?? null };
      const places = JSON.stringify([...(filters.places ?? [])].sort());
      const ranking: RankParams = { match: q.match, phrase: q.phrase, places };
      const searchKey = [current(), q.match, lang, params.district, params.from, params.to, places].join("\u0000");
      const key = `${searchKey}\u0000${page}\u0000${perPage}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const filtered = params.district !== null || params.from !== null || params.to !== null;
      let counted = totals.get(searchKey);
      if (counted === undefined) {
        const total = (!filtered && hidden[lang] === 0 ? countAll[lang].get({ match: q.match }) : count[lang].get(params)) as number;
        counted = { total, maxPos: total > maxRanked ? (cutoff[lang].get({ ...params, skip: maxRanked - 1 }) as number) : null };
        totals.set(searchKey, counted);
      }
      const { total, maxPos } = counted;
      const shown = Math.min(total, maxRanked);
      const ids = shown > (page - 1) * perPage ? rankedIds(params, ranking, maxPos, (page - 1) * perPage, Math.min(perPage, shown - (page - 1) * perPage)) : [];
      const result = { hits: withSnippets(ids, q, lang), total, capped: maxPos !== null };
      cache.set(key, result);
      return result;
    },
  };
}
