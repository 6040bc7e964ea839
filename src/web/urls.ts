// Every public URL is built here, so pages, the language switcher, hreflang links,
// sitemaps and feeds agree. Policy: page URLs end with "/", file URLs have an extension.
import type { Locale } from "../config.js";

/** The localized URL words (transliterated, so URLs stay ASCII). */
export const SEGMENTS = {
  bg: { news: "novini", districts: "rayoni", tags: "etiketi", search: "tarsene", accessibility: "dostapnost" },
  pl: { news: "aktualnosci", districts: "dzielnice", tags: "tagi", search: "szukaj", accessibility: "deklaracja-dostepnosci" },
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
  /** The JSON API's human page (the same word in both languages). */
  api: (l: Locale) => `/${l}/api/`,
};

/** Absolute URL for canonical links, sitemaps and feeds. */
export function absolute(baseUrl: string, path: string): string {
  return baseUrl + path;
}
