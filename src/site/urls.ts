// Every public URL is built here, so pages, the language switcher, hreflang links,
// sitemaps and feeds agree. Policy: page URLs end with "/", file URLs have an extension.
import { isLocale, type Locale } from "../config.js";

/** The localized URL words (transliterated, so URLs stay ASCII). */
export const SEGMENTS = {
  bg: {
    news: "novini",
    districts: "rayoni",
    tags: "etiketi",
    search: "tarsene",
    accessibility: "dostapnost",
    alerts: "preduprezhdeniya",
    archive: "arhiv",
    events: "sabitiya",
  },
  pl: {
    news: "aktualnosci",
    districts: "dzielnice",
    tags: "tagi",
    search: "szukaj",
    accessibility: "deklaracja-dostepnosci",
    alerts: "komunikaty",
    archive: "archiwum",
    events: "wydarzenia",
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type SegmentName = keyof (typeof SEGMENTS)["bg"];

const withPage = (path: string, page = 1) => (page > 1 ? `${path}?page=${page}` : path);

export const urls = {
  home: (l: Locale) => `/${l}/`,
  news: (l: Locale, page = 1) => withPage(`/${l}/${SEGMENTS[l].news}/`, page),
  article: (l: Locale, slug: string) => `/${l}/${SEGMENTS[l].news}/${slug}/`,
  districts: (l: Locale) => `/${l}/${SEGMENTS[l].districts}/`,
  tags: (l: Locale) => `/${l}/${SEGMENTS[l].tags}/`,
  district: (l: Locale, id: string, page = 1) => withPage(`/${l}/${SEGMENTS[l].districts}/${id}/`, page),
  tag: (l: Locale, tag: string, page = 1) => withPage(`/${l}/${SEGMENTS[l].tags}/${tag}/`, page),
  search: (l: Locale) => `/${l}/${SEGMENTS[l].search}/`,
  accessibility: (l: Locale) => `/${l}/${SEGMENTS[l].accessibility}/`,
  // Service alerts (issue 23): /bg/preduprezhdeniya/, /pl/komunikaty/.
  alerts: (l: Locale) => `/${l}/${SEGMENTS[l].alerts}/`,
  alert: (l: Locale, slug: string) => `/${l}/${SEGMENTS[l].alerts}/${slug}/`,
  alertsOfDistrict: (l: Locale, id: string) => `/${l}/${SEGMENTS[l].alerts}/${SEGMENTS[l].districts}/${id}/`,
  alertArchive: (l: Locale, page = 1) => withPage(`/${l}/${SEGMENTS[l].alerts}/${SEGMENTS[l].archive}/`, page),
  alertCap: (l: Locale, identifier: string) => `/${l}/${SEGMENTS[l].alerts}/cap/${identifier}.xml`,
  events: (l: Locale, page = 1) => withPage(`/${l}/${SEGMENTS[l].events}/`, page),
  districtEvents: (l: Locale, id: string, page = 1) => withPage(`/${l}/${SEGMENTS[l].districts}/${id}/${SEGMENTS[l].events}/`, page),
  /** iCalendar feeds beside the events pages, and one event's "add to calendar" file. */
  eventsCalendar: (l: Locale) => `/${l}/${SEGMENTS[l].events}/calendar.ics`,
  districtEventsCalendar: (l: Locale, id: string) => `/${l}/${SEGMENTS[l].districts}/${id}/${SEGMENTS[l].events}/calendar.ics`,
  articleEvent: (l: Locale, slug: string) => `/${l}/${SEGMENTS[l].news}/${slug}/event.ics`,
  /** The JSON API's human page (the same word in both languages). */
  api: (l: Locale) => `/${l}/api/`,
};

/** A page whose address names something in the content: an article, a district, a topic. */
export type ContentPage =
  | { readonly kind: "article"; readonly lang: Locale; readonly slug: string }
  | { readonly kind: "district"; readonly lang: Locale; readonly id: string }
  | { readonly kind: "tag"; readonly lang: Locale; readonly tag: string };

/**
 * The inverse of urls.article, urls.district and urls.tag: which content page a decoded
 * path ("/bg/novini/<slug>/") is, or null for any other address. Used where an address
 * must be understood without the Express app (the content check's link rule).
 */
export function contentPageAt(path: string): ContentPage | null {
  const [, lang, section, id, ...rest] = path.split("/");
  if (!isLocale(lang) || !id || rest.length !== 1 || rest[0] !== "") return null;
  const seg = SEGMENTS[lang];
  if (section === seg.news) return { kind: "article", lang, slug: id };
  if (section === seg.districts) return { kind: "district", lang, id };
  if (section === seg.tags) return { kind: "tag", lang, tag: id };
  return null;
}

/** Absolute URL for canonical links, sitemaps and feeds. */
export function absolute(baseUrl: string, path: string): string {
  return baseUrl + path;
}
