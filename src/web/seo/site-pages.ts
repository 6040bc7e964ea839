// The indexable pages of the site, per language, with when each last changed and its
// versions in the other languages — what sitemaps list (sitemaps.org 0.9, and Google's
// hreflang-in-sitemaps: every version lists all versions, itself included).
import type { Locale } from "../../config.js";
import type { ArticleSummary } from "../../index/articles.js";
import { slugify } from "../../content/slug.js";
import type { AppDeps } from "../deps.js";
import { addresses, type PageRef } from "../page-address.js";
import { urls } from "../../site/urls.js";

/** The page's versions per language, the same answer as its hreflang links give. */
const alternatesOf = (ref: PageRef) => addresses(ref).alternates;

export interface SitePage {
  readonly path: string;
  /** Epoch ms of the last change of what the page shows. */
  readonly lastmod: number;
  /** Path of this page per language (this one included). */
  readonly alternates: Partial<Record<Locale, string>>;
}

/** `modified` is updated, else the last git commit of the file, else its mtime (content/git-dates.ts). */
export const modifiedAt = (a: Pick<ArticleSummary, "date" | "modified">): number => Math.max(a.date, a.modified);

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
    const translations: Partial<Record<Locale, string>> = { [locale]: a.slug };
    for (const tr of deps.index.articles.translations(a, now)) translations[tr.lang] = tr.slug;
    articles.push({ path: urls.article(locale, a.slug), lastmod: ms, alternates: alternatesOf({ kind: "article", district: a.district, translations }) });
  }
  const at = (key: string) => latest.get(key) ?? latest.get("") ?? fallback;
  const page = (ref: PageRef, lastmod: number): SitePage => {
    const alternates = alternatesOf(ref);
    return { path: alternates[locale]!, lastmod, alternates };
  };
  const pages: SitePage[] = [page({ kind: "home" }, at("")), page({ kind: "news" }, at("")), page({ kind: "districts" }, at(""))];
  for (const d of deps.index.districts.all(deps.index.version())) pages.push(page({ kind: "district", id: d.id }, at(`d:${d.id}`)));
  pages.push(page({ kind: "tags" }, at("")));
  // Tags are words of one language: a tag page has no counterpart in the other (page-address.ts).
  for (const tag of deps.index.tags.all(locale)) {
    const path = urls.tag(locale, tag.tag);
    pages.push({ path, lastmod: at(`t:${tag.tag}`), alternates: { ...alternatesOf({ kind: "tag", tag: tag.tag, existsIn: [] }), [locale]: path } });
  }
  pages.push(page({ kind: "accessibility" }, fallback));
  return [...pages, ...articles];
}
