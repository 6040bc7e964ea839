// What every page template receives: the locale, its translator, URL helpers, the
// language switcher and the head metadata (canonical, hreflang alternates).
import { msg, say } from "../content/messages/index.js";
import { LOCALES, type Locale } from "../config.js";
import type { ArticleSummary } from "../index/articles.js";
import { formatDate } from "../i18n/format.js";
import { toIsoWithOffset } from "../content/dates.js";
import { alertBanner, alertFeedLinks, type AlertScope } from "./alert-view.js";
import type { AppDeps } from "./deps.js";
import { addresses, type PageRef, type Untranslated } from "./page-address.js";
import { subscribeFormFor } from "./subscriptions/form.js";
import { urls } from "../site/urls.js";
import { feedLinks, feedUrl, type FeedScope } from "./seo/feed-urls.js";
import type { ArticleHead, PageImage } from "./seo/head-types.js";
import { pageJsonLd } from "./seo/json-ld.js";
import { openGraph } from "./seo/open-graph.js";

export interface PageMeta {
  readonly title: string;
  readonly description?: string;
  /** This page's path; the canonical URL is BASE_URL + path. */
  readonly path: string;
  /** What the page is: gives its address in the other language (page-address.ts); an error page without. */
  readonly ref?: PageRef;
  /** Set when the language switcher brought the reader here instead of a missing translation (?untranslated=). */
  readonly untranslated?: Untranslated | undefined;
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

type Link = { readonly type: string; readonly title: string; readonly href: string };

/** The head of every page (layouts/base.njk, partials/head-meta.njk). */
export interface PageHead extends ReturnType<typeof openGraph> {
  readonly title: string;
  readonly description: string | undefined;
  readonly canonical: string | null;
  readonly hreflang: readonly { readonly hreflang: string; readonly href: string }[];
  readonly prev: string | null;
  readonly next: string | null;
  readonly noindex: boolean;
  readonly feeds: readonly Link[];
  readonly jsonLd: ReturnType<typeof pageJsonLd>;
}

/** What the page frame (layouts/base.njk) reads; every page's view model extends it. */
export interface PageLocals {
  readonly locale: Locale;
  readonly t: ReturnType<AppDeps["i18n"]["t"]>;
  readonly urls: typeof urls;
  /** The one address this page is kept under in the render cache (send.ts renderPage). */
  readonly pagePath: string;
  readonly asset: (name: string) => string;
  readonly section: string | undefined;
  readonly breadcrumbs: PageMeta["breadcrumbs"];
  /** The visible RSS link of home, listing, district and tag pages (partials/feed-link.njk). */
  readonly rssHref: string;
  readonly rssText: string;
  readonly subscribeForm: ReturnType<typeof subscribeFormFor>;
  readonly bannerAlerts: ReturnType<typeof alertBanner>;
  /** Development only: the content-problems banner (editor catalogue wording) and live reload (src/web/routes/dev.ts). */
  readonly devBanner?: string | null;
  readonly devReload?: boolean;
  readonly languages: readonly { readonly locale: Locale; readonly name: string; readonly href: string }[];
  /** "This article has no Polish version": where the switcher landed instead (page-address.ts). */
  readonly untranslatedNote: string | null;
  readonly page: PageHead;
}

export function pageLocals(deps: AppDeps, locale: Locale, meta: PageMeta): PageLocals {
  const t = deps.i18n.t(locale);
  const base = deps.config.baseUrl;
  const there = addresses(meta.ref ?? { kind: "missing" });
  const alternates: Partial<Record<Locale, string>> = { ...there.alternates, [locale]: meta.path };
  const hreflang = meta.noindex
    ? []
    : [...LOCALES.filter((l) => alternates[l]).map((l) => ({ hreflang: l, href: base + alternates[l] })), { hreflang: "x-default", href: `${base}/` }];
  return {
    locale,
    t,
    urls,
    pagePath: meta.path,
    asset: (name: string) => deps.assets.url(name),
    section: meta.section,
    breadcrumbs: meta.breadcrumbs,
    // The visible RSS link of home, listing, district and tag pages (partials/feed-link.njk).
    rssHref: feedUrl(locale, meta.feed ?? { kind: "site" }, "rss"),
    rssText:
      meta.feed?.kind === "district"
        ? t("feeds.visibleDistrict", { district: meta.feed.name })
        : meta.feed?.kind === "tag"
          ? t("feeds.visibleTag", { tag: meta.feed.name })
          : t("feeds.visible"),
    bannerAlerts: alertBanner(deps, locale, meta.alerts),
    // The subscribe form's model (views/partials/subscribe-form.njk asks for it with the page's
    // choices); none without subscriptions (SUBSCRIPTIONS=off).
    subscribeForm: subscribeFormFor(deps),
    // Development only: the content-problems banner and live reload (src/web/routes/dev.ts).
    ...(deps.config.env === "development" ? { devBanner: devBanner(deps.index.issues().length, locale), devReload: true } : {}),
    languages: LOCALES.map((l) => ({ locale: l, name: deps.i18n.t(l)("lang.name"), href: l === locale ? meta.path : there.hrefs[l] })),
    // "This article has no Polish version": where the switcher landed instead (page-address.ts).
    untranslatedNote: meta.untranslated ? t(`untranslated.${meta.untranslated}`) : null,
    page: {
      title: meta.title,
      description: meta.description,
      canonical: meta.noindex ? null : base + meta.path,
      hreflang,
      prev: meta.prev ? base + meta.prev : null,
      next: meta.next ? base + meta.next : null,
      noindex: meta.noindex ?? false,
      feeds: [...feedLinks(deps.i18n, locale, meta.feed, base), ...(meta.alertFeed ? alertFeedLinks(deps, locale, meta.alertFeed) : [])],
      ...openGraph(deps.seo, locale, {
        title: meta.title,
        description: meta.description ?? t("site.description"),
        url: base + meta.path,
        image: meta.image,
        article: meta.article,
        alternates: LOCALES.filter((l) => alternates[l]),
      }),
      jsonLd: pageJsonLd(deps.seo, locale, {
        path: meta.path,
        url: base + meta.path,
        description: meta.description ?? t("site.description"),
        image: meta.image,
        article: meta.article,
        breadcrumbs: meta.breadcrumbs,
      }),
    },
  };
}

/** The dev banner in the page's language (editor messages: src/content/messages/), or null without problems. */
function devBanner(count: number, locale: Locale): string | null {
  return count > 0 ? say(msg("dev.banner", { count }), locale) : null;
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
    /** The article's picture, for thumbnails (home page cards). */
    image: a.image,
  };
}
