// schema.org structured data (JSON-LD): NewsArticle on articles, BreadcrumbList below the
// home page, WebSite with its SearchAction and the publishing GovernmentOrganization on
// home pages — the types Google's rich results documentation describes.
import type { Locale } from "../../config.js";
import { toIsoWithOffset } from "../../content/dates.js";
import { urls } from "../../site/urls.js";
import type { ArticleHead, PageImage, SeoSite } from "./head-types.js";
import { absoluteUrl, sharedImage } from "./open-graph.js";

type Node = Record<string, unknown>;

const CONTEXT = "https://schema.org";
/** public/img/logo.png: 512×512, above Google's 112×112 minimum for publisher logos. */
const LOGO = { name: "img/logo.png", size: 512 };

export function organization(site: SeoSite, locale: Locale): Node {
  const base = site.baseUrl;
  return {
    "@type": "GovernmentOrganization",
    "@id": `${base}${urls.home(locale)}#organization`,
    name: site.text(locale, "site.publisher"),
    url: base + urls.home(locale),
    logo: { "@type": "ImageObject", url: base + site.assetUrl(LOGO.name), width: LOGO.size, height: LOGO.size },
  };
}

export function webSite(site: SeoSite, locale: Locale): Node {
  const base = site.baseUrl;
  return {
    "@context": CONTEXT,
    "@type": "WebSite",
    "@id": `${base}${urls.home(locale)}#website`,
    url: base + urls.home(locale),
    name: site.text(locale, "site.name"),
    description: site.text(locale, "site.description"),
    inLanguage: locale,
    publisher: { "@id": `${base}${urls.home(locale)}#organization` },
    potentialAction: {
      "@type": "SearchAction",
      target: `${base}${urls.search(locale)}?q={search_term_string}`,
      "query-input": "required name=search_term_string",
    },
  };
}

export function breadcrumbList(base: string, crumbs: readonly { name: string; url: string }[]): Node {
  return {
    "@context": CONTEXT,
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.name, item: absoluteUrl(base, c.url) })),
  };
}

// Front matter gives the author as free text: a press office or a newsroom far more often
// than a person. Only a short run of capitalised words with no office word counts as a person.
const OFFICE_WORDS =
  /пресцентър|редакция|администрация|район|община|кметство|отдел|екип|служба|redakcja|biuro|urząd|zespół|wydział|gmina|dzielnic|centrum|rada|portal|press|office|team/i;

export function authorNode(name: string): Node {
  const words = name.trim().split(/\s+/);
  const personLike = words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{Ll}'’-]+\.?$/u.test(w)) && !OFFICE_WORDS.test(name);
  return { "@type": personLike ? "Person" : "Organization", name };
}

export function newsArticle(
  site: SeoSite,
  locale: Locale,
  input: { url: string; description: string; image: PageImage | undefined; article: ArticleHead },
): Node {
  const base = site.baseUrl;
  const tz = site.timeZones[locale];
  const a = input.article;
  const publisher = organization(site, locale);
  return {
    "@context": CONTEXT,
    "@type": "NewsArticle",
    headline: a.headline,
    description: input.description,
    image: [absoluteUrl(base, sharedImage(site, locale, input.image).url)],
    datePublished: toIsoWithOffset(a.published, tz),
    dateModified: toIsoWithOffset(Math.max(a.published, a.modified), tz),
    author: a.author ? authorNode(a.author) : { "@type": "Organization", name: publisher.name, url: publisher.url },
    publisher,
    inLanguage: locale,
    mainEntityOfPage: { "@type": "WebPage", "@id": input.url },
    url: input.url,
    articleSection: a.section,
    keywords: a.tags.join(", "),
    contentLocation: { "@type": "Place", name: a.section },
  };
}

/** schema.org Event for an article's event (Google's event rich results fields). */
export function eventNode(locale: Locale, tz: string, url: string, name: string, description: string, e: NonNullable<ArticleHead["event"]>): Node {
  const time = (ms: number) => (e.allDay ? toIsoWithOffset(ms, tz).slice(0, 10) : toIsoWithOffset(ms, tz));
  const place = {
    "@type": "Place",
    name: e.place,
    ...(e.address ? { address: e.address } : {}),
    ...(e.geo ? { geo: { "@type": "GeoCoordinates", latitude: e.geo.lat, longitude: e.geo.lon } } : {}),
  };
  const online = e.online ? { "@type": "VirtualLocation", url: e.online } : null;
  return {
    "@context": CONTEXT,
    "@type": "Event",
    name,
    description,
    url,
    inLanguage: locale,
    startDate: time(e.start),
    ...(e.end === undefined ? {} : { endDate: time(e.end) }),
    eventStatus: "https://schema.org/EventScheduled",
    eventAttendanceMode: online ? "https://schema.org/MixedEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode",
    location: online ? [place, online] : place,
  };
}

/** The structured data of one page, one node per <script type="application/ld+json">. */
export function pageJsonLd(
  site: SeoSite,
  locale: Locale,
  input: {
    path: string;
    url: string;
    description: string;
    image: PageImage | undefined;
    article: ArticleHead | undefined;
    breadcrumbs: readonly { name: string; url: string }[] | undefined;
  },
): Node[] {
  const nodes: Node[] = [];
  if (input.path === urls.home(locale)) nodes.push(webSite(site, locale), { "@context": CONTEXT, ...organization(site, locale) });
  if (input.article) nodes.push(newsArticle(site, locale, { url: input.url, description: input.description, image: input.image, article: input.article }));
  if (input.article?.event) nodes.push(eventNode(locale, site.timeZones[locale], input.url, input.article.headline, input.description, input.article.event));
  if (input.breadcrumbs && input.breadcrumbs.length > 1) nodes.push(breadcrumbList(site.baseUrl, input.breadcrumbs));
  return nodes;
}
