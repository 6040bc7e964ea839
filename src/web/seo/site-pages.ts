// The indexable pages of the site, per language, with when each last changed and its
// versions in the other languages — what sitemaps list (sitemaps.org 0.9, and Google's
// hreflang-in-sitemaps: every version lists all versions, itself included).
import { LOCALES, type Locale } from "../../config.js";
import type { ArticleSummary } from "../../index/articles.js";
import { slugify } from "../../content/slug.js";
import type { AppDeps } from "../deps.js";
import { urls } from "../../site/urls.js";

export interface SitePage {
  readonly path: string;
  /** Epoch ms of the last change of what the page shows. */
  readonly lastmod: number;
  /** Path of this page per language (this one included). */
  readonly alternates: Partial<Record<Locale, string>>;
}

/** `modified` is updated, else the last git commit of the file, else its mtime (content/git-dates.ts). */
export const modifiedAt = (a: Pick<ArticleSummary, "date" | "modified">): number => Math.max(a.date, a.modified);

const everyLocale = (path: (l: Locale) => string) => Object.fromEntries(LOCALES.map((l) => [l, path(l)])) as Record<Locale, string>;

/** Every published page in one language; paginated pages 2+ are left out (they only list). */
export function sitePages(deps: AppDeps, locale: Locale, now: number): SitePage[] {
  const fallback = deps.index.versionSince();
  const latest = new Map<string, number>();
  const bump = (key: string, ms: number) => latest.set(key, Math.max(latest.get(key) ?? 0, ms));
  const articles: SitePage[] = [];
  const slugs = new Map<string, string>();
  const tagSlug = (tag: string) => slugs.get(tag) ?? slugs.set(tag, slugify(tag, locale)).get(tag)!;
  for (const a of deps.index.articles.published(now)) {
    if (a.lang !== locale) continue;
    const ms = modifiedAt(a);
    bump("", ms);
    bump(`d:${a.district}`, ms);
    for (const tag of a.tags) bump(`t:${tagSlug(tag)}`, ms);
    const alternates: Partial<Record<Locale, string>> = { [locale]: urls.article(locale, a.slug) };
    for (const tr of deps.index.articles.translations(a, now)) alternates[tr.lang] = urls.article(tr.lang, tr.slug);
    articles.push({ path: urls.article(locale, a.slug), lastmod: ms, alternates });
  }
  const at = (key: string) => latest.get(key) ?? latest.get("") ?? fallback;
  const shared = (path: (l: Locale) => string, key = ""): SitePage => ({ path: path(locale), lastmod: at(key), alternates: everyLocale(path) });
  const pages: SitePage[] = [shared(urls.home), shared((l) => urls.news(l)), shared(urls.districts)];
  for (const d of deps.index.districts.all(deps.index.version())) pages.push(shared((l) => urls.district(l, d.id), `d:${d.id}`));
  pages.push(shared(urls.tags));
  // Tags are words of one language: a tag page has no counterpart in the other.
  for (const tag of deps.index.tags.all(locale)) {
    pages.push({ path: urls.tag(locale, tag.tag), lastmod: at(`t:${tag.tag}`), alternates: { [locale]: urls.tag(locale, tag.tag) } });
  }
  pages.push({ path: urls.accessibility(locale), lastmod: fallback, alternates: everyLocale(urls.accessibility) });
  return [...pages, ...articles];
}
