// Read queries for articles: prepared once, named parameters, no string-built SQL.
import type { Locale } from "../config.js";
import type { Article } from "../content/article.js";
import { decodeChanges, decodeEvent, decodeImage, decodeTags, type ArticleRow } from "./article-row.js";
import type { Db } from "./db.js";
import { PUBLISHED } from "./listing.js";
import type { RenderBody } from "./write.js";

/** What list pages, feeds and sitemaps need of an article. */
export type ArticleSummary = Pick<
  Article,
  "lang" | "district" | "slug" | "title" | "summary" | "date" | "updated" | "image" | "tags" | "author" | "translationKey" | "draft" | "expires" | "event"
> & {
  readonly id: number;
  /** Last change: `updated`, else the last git commit of the file, else its mtime. */
  readonly modified: number;
  readonly file: string;
};

/** An article page: the summary plus its rendered body and change notes (newest first). */
export type ArticleDetail = ArticleSummary & { readonly html: string; readonly text: string; readonly changes: Article["changes"] };

const SUMMARY_COLUMNS =
  "a.id, a.file, a.lang, a.district, a.slug, a.title, a.summary, a.date, a.updated, a.modified, a.expires, a.draft, a.author, a.tags, a.image, a.translation_key, a.event";

function toSummary(r: ArticleRow): ArticleSummary {
  return {
    id: r.id,
    file: r.file,
    lang: r.lang,
    district: r.district,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    date: r.date,
    updated: r.updated ?? undefined,
    modified: r.modified ?? r.updated ?? r.date,
    expires: r.expires ?? undefined,
    draft: r.draft === 1,
    author: r.author ?? undefined,
    tags: decodeTags(r),
    image: decodeImage(r),
    translationKey: r.translation_key ?? undefined,
    event: decodeEvent(r),
  };
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

/** `renderLater` renders a body a large fresh build left for later (see body_backlog). */
export function createArticleQueries(db: Db, renderLater: RenderBody) {
  const pageOf = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM listing l JOIN articles a ON a.id = l.article_id
    WHERE l.scope = @scope AND l.pos BETWEEN @first AND @last ORDER BY l.pos`);
  const countOf = db.prepare("SELECT coalesce(max(pos), 0) FROM listing WHERE scope = ?").pluck();
  const activeCount = db.prepare<[], number>("SELECT count(*) FROM articles WHERE active = 1").pluck();
  const DETAIL_COLUMNS = `${SUMMARY_COLUMNS}, a.changes, a.html, a.text, (SELECT markdown FROM body_backlog b WHERE b.id = a.id) AS later`;
  const bySlug = db.prepare(`SELECT ${DETAIL_COLUMNS} FROM articles a
    WHERE a.lang = @lang AND a.slug = @slug AND ${PUBLISHED} LIMIT 1`);
  // Preview (development only): drafts and scheduled articles too, never inactive ones.
  const bySlugPreview = db.prepare(`SELECT ${DETAIL_COLUMNS} FROM articles a
    WHERE a.lang = @lang AND a.slug = @slug AND a.active = 1 LIMIT 1`);
  const translations = db.prepare(`SELECT a.lang, a.slug, a.title FROM articles a
    WHERE a.translation_key = @key AND a.lang != @lang AND ${PUBLISHED} GROUP BY a.lang ORDER BY a.lang`);
  const alias = db.prepare(`SELECT a.lang, a.slug FROM aliases x JOIN articles a ON a.id = x.article_id
    WHERE x.path = @path AND ${PUBLISHED}`);
  const byIds = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`);
  const published = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE ${PUBLISHED} ORDER BY a.lang, a.date DESC`);

  function page(scope: string, pageNumber: number, perPage: number): Page<ArticleSummary> {
    const total = countOf.get(scope) as number;
    const pages = Math.max(1, Math.ceil(total / perPage));
    const first = (pageNumber - 1) * perPage + 1;
    const items = (pageOf.all({ scope, first, last: first + perPage - 1 }) as ArticleRow[]).map(toSummary);
    return { items, total, page: pageNumber, pages };
  }

  return {
    /** Articles the cross-file checks let through (active), drafts and scheduled ones included. */
    activeCount: () => activeCount.get()!,
    page,
    count: (scope: string) => countOf.get(scope) as number,
    bySlug(lang: Locale, slug: string, now: number, preview = false): ArticleDetail | null {
      const r = (preview ? bySlugPreview : bySlug).get({ lang, slug, now }) as ArticleRow | undefined;
      if (!r) return null;
      // Rendered the same way as it will be stored, so the page does not change when it is.
      const body = typeof r.later === "string" ? renderLater(r.later, r.lang) : { html: r.html ?? "", text: r.text ?? "" };
      return { ...toSummary(r), html: body.html, text: body.text, changes: decodeChanges(r) };
    },
    translations(a: ArticleSummary, now: number): { lang: Locale; slug: string; title: string }[] {
      if (!a.translationKey) return [];
      return translations.all({ key: a.translationKey, lang: a.lang, now }) as { lang: Locale; slug: string; title: string }[];
    },
    related(a: ArticleSummary, count: number): ArticleSummary[] {
      return page(`${a.lang}:d:${a.district}`, 1, count + 1)
        .items.filter((x) => x.id !== a.id)
        .slice(0, count);
    },
    alias(path: string, now: number): { lang: Locale; slug: string } | null {
      return (alias.get({ path, now }) as { lang: Locale; slug: string } | undefined) ?? null;
    },
    /** Summaries of the given articles, by id (order is the caller's). */
    byIds(ids: number[]): Map<number, ArticleSummary> {
      return new Map((byIds.all(JSON.stringify(ids)) as ArticleRow[]).map((r) => [r.id, toSummary(r)]));
    },
    *published(now: number): Generator<ArticleSummary> {
      for (const r of published.iterate({ now }) as Iterable<ArticleRow>) yield toSummary(r);
    },
  };
}

export type ArticleQueries = ReturnType<typeof createArticleQueries>;
