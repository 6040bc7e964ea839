// Index rows → API objects (schemas.ts). Dates leave as ISO 8601 with the offset of the
// article's language's time zone, URLs as absolute ones, ids as language/slug.
import type { z } from "zod";
import type { Locale } from "../config.js";
import type { ArticleEvent } from "../content/article.js";
import { toIsoWithOffset } from "../content/dates.js";
import { slugify } from "../content/slug.js";
import type { ArticleDetail, ArticleSummary } from "../index/articles.js";
import { MIME, fallbackFormat, variantUrl, type VariantFormat } from "../site/media-urls.js";
import { variantWidths } from "../media/picture.js";
import type { AppDeps } from "../web/deps.js";
import { absoluteHtml } from "../web/seo/feed-xml.js";
import { modifiedAt } from "../web/seo/site-pages.js";
import { urls } from "../site/urls.js";
import { API_BASE } from "./openapi.js";
import { stateOf, type AlertRow } from "../index/alert-row.js";
import type { Alert, Article, ArticleSummary as ArticleSummarySchema, Event, Picture } from "./schemas.js";

export const apiUrls = {
  article: (lang: Locale, slug: string) => `${API_BASE}/articles/${lang}/${slug}`,
  articles: (params: Record<string, string>) => `${API_BASE}/articles${query(params)}`,
  tags: (lang: Locale) => `${API_BASE}/tags?lang=${lang}`,
};

function query(params: Record<string, string>): string {
  const qs = new URLSearchParams(params).toString();
  return qs ? `?${qs}` : "";
}

export const articleId = (lang: Locale, slug: string) => `${lang}/${slug}`;

function picture(base: string, img: NonNullable<ArticleSummary["image"]>): z.infer<typeof Picture> {
  // The same widths the page's <picture> offers (media/picture.ts), in every format it offers.
  const formats: VariantFormat[] = ["avif", "webp", fallbackFormat(img.format)];
  return {
    url: base + img.url,
    width: img.width,
    height: img.height,
    bytes: img.bytes,
    type: MIME[img.format as VariantFormat] ?? `image/${img.format}`,
    alt: img.alt,
    caption: img.caption ?? null,
    variants: formats.flatMap((format) =>
      variantWidths(img.width).map(({ w, actual }) => ({
        url: base + variantUrl(img.url, w, format),
        width: actual,
        height: Math.round((img.height * actual) / img.width),
        type: MIME[format],
      })),
    ),
  };
}

function eventJson(base: string, a: ArticleSummary, e: ArticleEvent, tz: string): z.infer<typeof Event> {
  const time = (ms: number) => (e.allDay ? toIsoWithOffset(ms, tz).slice(0, 10) : toIsoWithOffset(ms, tz));
  return {
    start: time(e.start),
    end: e.end === undefined ? null : time(e.end),
    allDay: e.allDay,
    place: e.place,
    address: e.address ?? null,
    geo: e.geo ?? null,
    online: e.online ?? null,
    ics: base + urls.articleEvent(a.lang, a.slug),
  };
}

export function summaryJson(deps: AppDeps, a: ArticleSummary): z.infer<typeof ArticleSummarySchema> {
  const base = deps.config.baseUrl;
  const tz = deps.config.timeZones[a.lang];
  const district = deps.index.districts.all(deps.index.version()).find((d) => d.id === a.district);
  return {
    id: articleId(a.lang, a.slug),
    lang: a.lang,
    slug: a.slug,
    title: a.title,
    summary: a.summary,
    published: toIsoWithOffset(a.date, tz),
    updated: toIsoWithOffset(modifiedAt(a), tz),
    district: { id: a.district, name: district?.name[a.lang] ?? a.district, url: base + urls.district(a.lang, a.district) },
    tags: a.tags.map((name) => {
      const slug = slugify(name, a.lang);
      return { slug, name, url: base + urls.tag(a.lang, slug) };
    }),
    author: a.author ?? null,
    image: a.image ? picture(base, a.image) : null,
    event: a.event ? eventJson(base, a, a.event, tz) : null,
    url: base + urls.article(a.lang, a.slug),
    api: base + apiUrls.article(a.lang, a.slug),
  };
}

export function articleJson(deps: AppDeps, a: ArticleDetail, now: number): z.infer<typeof Article> {
  const base = deps.config.baseUrl;
  const summary = summaryJson(deps, a);
  return {
    ...summary,
    expires: a.expires === undefined ? null : toIsoWithOffset(a.expires, deps.config.timeZones[a.lang]),
    translationKey: a.translationKey ?? null,
    aliases: deps.index.apiArticles.aliases(a.id),
    html: absoluteHtml(a.html, summary.url),
    text: a.text,
    changes: a.changes.map((c) => ({ date: toIsoWithOffset(c.date, deps.config.timeZones[a.lang]), note: c.note })),
    translations: deps.index.articles.translations(a, now).map((t) => ({
      id: articleId(t.lang, t.slug),
      lang: t.lang,
      title: t.title,
      url: base + urls.article(t.lang, t.slug),
      api: base + apiUrls.article(t.lang, t.slug),
    })),
  };
}

/** One alert (index/alerts.ts) as the API's Alert; `state` as seen at `now`. */
export function alertJson(deps: AppDeps, a: AlertRow, now: number): z.infer<typeof Alert> {
  const base = deps.config.baseUrl;
  const tz = deps.config.timeZones[a.lang];
  const all = deps.index.districts.all(deps.index.version());
  const url = base + urls.alert(a.lang, a.slug);
  return {
    id: articleId(a.lang, a.slug),
    identifier: a.identifier,
    lang: a.lang,
    title: a.title,
    kind: a.kind,
    severity: a.severity,
    state: stateOf(a, now),
    allDistricts: a.districts === "all",
    districts:
      a.districts === "all"
        ? []
        : a.districts.map((id) => ({ id, name: all.find((d) => d.id === id)?.name[a.lang] ?? id, url: base + urls.district(a.lang, id) })),
    start: toIsoWithOffset(a.start, tz),
    end: toIsoWithOffset(a.end, tz),
    area: a.area,
    html: absoluteHtml(a.html, url),
    text: a.text,
    url,
    cap: base + urls.alertCap(a.lang, a.identifier),
  };
}
