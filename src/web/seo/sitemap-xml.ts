// Sitemap documents: <urlset> with hreflang alternates (sitemaps.org protocol 0.9 and
// Google's xhtml:link extension), the <sitemapindex> and the Google News sitemap.
import { LOCALES, type Locale } from "../../config.js";
import type { SitePage } from "./site-pages.js";
import { XML_DECLARATION, el, xmlEscape } from "./xml.js";

/** sitemaps.org: at most 50,000 URLs and 50 MB (52,428,800 bytes) uncompressed per file. */
export const SITEMAP_LIMITS = { urls: 50_000, bytes: 52_428_800 } as const;

const URLSET_OPEN = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">';
const URLSET_CLOSE = "</urlset>\n";

export function urlEntry(base: string, page: SitePage, lastmod: string): string {
  const links = LOCALES.filter((l) => page.alternates[l]).map(
    (l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${xmlEscape(base + page.alternates[l])}"/>`,
  );
  links.push(`<xhtml:link rel="alternate" hreflang="x-default" href="${xmlEscape(`${base}/`)}"/>`);
  return `<url><loc>${xmlEscape(base + page.path)}</loc><lastmod>${lastmod}</lastmod>${links.join("")}</url>`;
}

/** Splits url entries into <urlset> documents within the limits; `from`/`to` index `entries`. */
export function splitUrlsets(
  entries: readonly string[],
  limits: { urls: number; bytes: number } = SITEMAP_LIMITS,
): { body: string; from: number; to: number }[] {
  const frame = Buffer.byteLength(`${XML_DECLARATION}\n${URLSET_OPEN}\n${URLSET_CLOSE}`);
  const files: { body: string; from: number; to: number }[] = [];
  let from = 0;
  let bytes = frame;
  const flush = (to: number) => {
    files.push({ body: [XML_DECLARATION, URLSET_OPEN, ...entries.slice(from, to), URLSET_CLOSE].join("\n"), from, to });
    from = to;
    bytes = frame;
  };
  entries.forEach((entry, i) => {
    const size = Buffer.byteLength(entry) + 1;
    if (i > from && (i - from >= limits.urls || bytes + size > limits.bytes)) flush(i);
    bytes += size;
  });
  if (from < entries.length || files.length === 0) flush(entries.length);
  return files;
}

export function sitemapIndex(items: readonly { loc: string; lastmod: string }[]): string {
  return [
    XML_DECLARATION,
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...items.map((s) => `<sitemap><loc>${xmlEscape(s.loc)}</loc><lastmod>${s.lastmod}</lastmod></sitemap>`),
    "</sitemapindex>\n",
  ].join("\n");
}

export interface NewsItem {
  readonly loc: string;
  readonly lang: Locale;
  readonly publication: string;
  readonly date: string;
  readonly title: string;
}

/** Google News sitemap: news:publication (name, language), news:publication_date, news:title. */
export function newsSitemap(items: readonly NewsItem[]): string {
  return [
    XML_DECLARATION,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...items.map(
      (n) =>
        `<url><loc>${xmlEscape(n.loc)}</loc><news:news><news:publication>${el("news:name", n.publication)}${el("news:language", n.lang)}</news:publication>` +
        `${el("news:publication_date", n.date)}${el("news:title", n.title)}</news:news></url>`,
    ),
    "</urlset>\n",
  ].join("\n");
}
