// Full-text search over published articles. The MATCH expression always comes from
// buildMatch() (quoted FTS5 strings only); the rest are bound parameters. Snippets are
// made only for the page of results shown: the top k ids first, then their text.
import type { Locale } from "../config.js";
import { highlight, type Segment } from "../search/highlight.js";
import type { MatchQuery } from "../search/query.js";
import type { ArticleSummary } from "./articles.js";
import type { Db } from "./db.js";
import { PUBLISHED } from "./listing.js";

// bm25 column weights: a word in the title counts most, then the summary, then the body.
const RANK = "bm25(search, 10.0, 4.0, 1.0)";

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

const WHERE = `search MATCH @match AND a.lang = @lang AND ${PUBLISHED}
  AND (@district IS NULL OR a.district = @district)
  AND (@from IS NULL OR a.date >= @from) AND (@to IS NULL OR a.date < @to)`;

export function createSearchQueries(db: Db, bySummaryIds: (ids: number[]) => Map<number, ArticleSummary>) {
  const top = db.prepare(`SELECT a.id FROM search JOIN articles a ON a.id = search.rowid
    WHERE ${WHERE} ORDER BY ${RANK}, a.date DESC, a.id DESC LIMIT @limit OFFSET @offset`).pluck();
  const count = db.prepare(`SELECT count(*) FROM search JOIN articles a ON a.id = search.rowid WHERE ${WHERE}`).pluck();
  const text = db.prepare("SELECT text FROM articles WHERE id = ?").pluck();
  // The listing is in date order, so its ends give the span without a scan.
  const span = db.prepare(`SELECT
    (SELECT a.date FROM listing l JOIN articles a ON a.id = l.article_id WHERE l.scope = @scope ORDER BY l.pos DESC LIMIT 1) AS first,
    (SELECT a.date FROM listing l JOIN articles a ON a.id = l.article_id WHERE l.scope = @scope AND l.pos = 1) AS last`);

  return {
    /** Years that have published articles in a language, newest first, for the year filter. */
    years(lang: Locale, timeZone: string): string[] {
      const r = span.get({ scope: lang }) as { first: number | null; last: number | null };
      if (r.first === null || r.last === null) return [];
      const year = (ms: number) => Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone }).format(ms));
      const out: string[] = [];
      for (let y = year(r.last); y >= year(r.first); y--) out.push(String(y));
      return out;
    },
    search(q: MatchQuery, lang: Locale, filters: SearchFilters, now: number, page: number, perPage: number): { hits: SearchHit[]; total: number } {
      const params = { match: q.match, lang, now, district: filters.district ?? null, from: filters.from ?? null, to: filters.to ?? null };
      const total = count.get(params) as number;
      if (total === 0) return { hits: [], total };
      const ids = top.all({ ...params, limit: perPage, offset: (page - 1) * perPage }) as number[];
      const summaries = bySummaryIds(ids);
      const hits = ids.flatMap((id) => {
        const article = summaries.get(id);
        if (!article) return [];
        const body = (text.get(id) as string | undefined) ?? "";
        return [{
          article,
          title: highlight(article.title, q.terms, q.prefix, lang, 400),
          snippet: highlight(`${article.summary}\n${body}`, q.terms, q.prefix, lang, 240),
        }];
      });
      return { hits, total };
    },
  };
}
