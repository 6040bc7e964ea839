// What every page template receives: the locale, its translator, URL helpers, the
// language switcher and the head metadata (canonical, hreflang alternates).
import type { Environment } from "nunjucks";
import type { Logger } from "pino";
import { LOCALES, type Config, type Locale } from "../config.js";
import type { ArticleSummary } from "../index/articles.js";
import type { ContentIndex } from "../index/index.js";
import type { I18n } from "../i18n/index.js";
import type { Subscriptions } from "../subscriptions/service.js";
import { formatDate } from "../i18n/format.js";
import { toIsoWithOffset } from "../content/dates.js";
import { alertBanner, alertFeedLinks, type AlertScope } from "./alert-view.js";
import type { Assets } from "./assets.js";
import { urls } from "./urls.js";
import { feedLinks, type FeedScope } from "./seo/feed-urls.js";
import type { ArticleHead, PageImage } from "./seo/head-types.js";
import { pageJsonLd } from "./seo/json-ld.js";
import { openGraph } from "./seo/open-graph.js";

export interface AppDeps {
  readonly config: Config;
  readonly index: ContentIndex;
  readonly i18n: I18n;
  readonly views: Environment;
  readonly assets: Assets;
  readonly logger: Logger;
  /** E-mail subscriptions (src/subscriptions/); absent when SUBSCRIPTIONS=off. */
  readonly subscriptions?: Subscriptions | null;
}

export interface PageMeta {
  readonly title: string;
  readonly description?: string;
  /** This page's path; the canonical URL is BASE_URL + path. */
  readonly path: string;
  /** The same page in other languages (path per locale); missing ones fall back to that home. */
  readonly alternates?: Partial<Record<Locale, string>>;
  readonly section?: string;
  readonly breadcrumbs?: { name: string; url: string }[];
  readonly prev?: string | null;
  readonly next?: string | null;
  readonly noindex?: boolean;
  /** Shared-link picture (og:image); the site default image when absent. */
  readonly image?: PageImage;
  /** Set on article pages: og:type=article and NewsArticle JSON-LD. */
  readonly article?: ArticleHead;
  /** The feed this page offers besides the site feed (a district or a tag). */
  readonly feed?: FeedScope;
  /** Whose current alerts the banner shows; without it, only those for all districts. */
  readonly alerts?: AlertScope;
  /** The Atom feed of current alerts this page offers: of a district, or of the language ({}). */
  readonly alertFeed?: { readonly district?: string; readonly name?: string };
}

export function pageLocals(deps: AppDeps, locale: Locale, meta: PageMeta): Record<string, unknown> {
  const t = deps.i18n.t(locale);
  const base = deps.config.baseUrl;
  const alternates: Partial<Record<Locale, string>> = { ...meta.alternates, [locale]: meta.path };
  const hreflang = meta.noindex
    ? []
    : [
        ...LOCALES.filter((l) => alternates[l]).map((l) => ({ hreflang: l, href: base + alternates[l] })),
        { hreflang: "x-default", href: `${base}/` },
      ];
  return {
    locale,
    t,
    urls,
    // The one address this page is kept under in the render cache (send.ts renderPage).
    pagePath: meta.path,
    asset: (name: string) => deps.assets.url(name),
    section: meta.section,
    breadcrumbs: meta.breadcrumbs,
    bannerAlerts: alertBanner(deps, locale, meta.alerts),
    // Development only: the content-problems banner and live reload (src/web/routes/dev.ts).
    ...(deps.config.env === "development" ? { devProblems: deps.index.issues().length, devReload: true } : {}),
    languages: LOCALES.map((l) => ({ locale: l, name: deps.i18n.t(l)("lang.name"), href: alternates[l] ?? urls.home(l) })),
    page: {
      title: meta.title,
      description: meta.description,
      canonical: meta.noindex ? null : base + meta.path,
      hreflang,
      prev: meta.prev ? base + meta.prev : null,
      next: meta.next ? base + meta.next : null,
      noindex: meta.noindex ?? false,
      feeds: [...feedLinks(deps.i18n, locale, meta.feed, base), ...(meta.alertFeed ? alertFeedLinks(deps, locale, meta.alertFeed) : [])],
      ...openGraph(deps, locale, { title: meta.title, description: meta.description ?? t("site.description"), url: base + meta.path, image: meta.image, article: meta.article, alternates: LOCALES.filter((l) => alternates[l]) }),
      jsonLd: pageJsonLd(deps, locale, { path: meta.path, url: base + meta.path, description: meta.description ?? t("site.description"), image: meta.image, article: meta.article, breadcrumbs: meta.breadcrumbs }),
    },
  };
}

/** The site name is appended to every title, so titles stay unique and recognisable. */
export function fullTitle(deps: AppDeps, locale: Locale, title: string | null): string {
  const site = deps.i18n.t(locale)("site.name");
  return title ? `${title} — ${site}` : site;
}

export type ArticleCard = ReturnType<typeof articleCard>;

export function articleCard(deps: AppDeps, a: ArticleSummary) {
  const tz = deps.config.timeZones[a.lang];
  const district = deps.index.districts.all(deps.index.version()).find((d) => d.id === a.district);
  const dateIso = toIsoWithOffset(a.date, tz);
  return {
    url: urls.article(a.lang, a.slug),
    title: a.title,
    summary: a.summary,
    dateIso,
    // The local calendar day is the start of the ISO form made just above: no second formatting.
    dateDay: dateIso.slice(0, 10),
    dateText: formatDate(a.date, a.lang, tz),
    districtName: district?.name[a.lang] ?? a.district,
    districtUrl: urls.district(a.lang, a.district),
  };
}
