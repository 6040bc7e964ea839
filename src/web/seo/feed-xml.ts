// RSS 2.0 (https://www.rssboard.org/rss-specification) and Atom (RFC 4287) documents.
// Dates: RSS pubDate is RFC 822 (toUTCString gives "Thu, 29 Oct 2026 08:30:00 GMT");
// Atom dates are RFC 3339 with the language's offset.
import type { Locale } from "../../config.js";
import { toIsoWithOffset } from "../../content/dates.js";
import { XML_DECLARATION, cdata, el, xmlEscape } from "./xml.js";

export interface FeedItem {
  /** Absolute URL of the article; also its permanent guid / id. */
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  /** The article body with absolute links (see absoluteHtml). */
  readonly html: string;
  readonly published: number;
  readonly updated: number;
  readonly author: string | undefined;
  readonly tags: readonly string[];
  readonly image: { readonly url: string; readonly bytes: number; readonly type: string } | undefined;
}

export interface Feed {
  readonly lang: Locale;
  readonly timeZone: string;
  readonly title: string;
  readonly description: string;
  /** Absolute URL of the HTML page the feed follows. */
  readonly pageUrl: string;
  /** Absolute URL of this feed document. */
  readonly selfUrl: string;
  readonly publisher: string;
  readonly updated: number;
  readonly items: readonly FeedItem[];
  /**
   * Address of the XSLT stylesheet (public/feed-<lang>.xsl) that turns the feed into a
   * readable page when a person opens it in a browser; feed readers ignore it.
   */
  readonly stylesheet?: string;
}

/** The processing instruction that names the feed's browser stylesheet (W3C xml-stylesheet). */
function stylesheetPi(feed: Feed): string[] {
  return feed.stylesheet ? [`<?xml-stylesheet type="text/xsl" href="${xmlEscape(feed.stylesheet)}"?>`] : [];
}

function resolve(value: string, pageUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  try {
    return new URL(value, pageUrl).href;
  } catch {
    return value;
  }
}

const unescapeAttr = (v: string) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
const escapeAttr = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

/**
 * Feed readers show the body away from our site, so root-relative and relative URLs in
 * src, href and srcset (responsive pictures) become absolute, resolved against the article.
 */
export function absoluteHtml(html: string, pageUrl: string): string {
  return html.replace(/\s(src|href|srcset)="([^"]*)"/g, (_whole, attr: string, value: string) => {
    const raw = unescapeAttr(value);
    const out =
      attr === "srcset"
        ? raw
            .split(",")
            .map((candidate) => candidate.trim().replace(/^\S+/, (url) => resolve(url, pageUrl)))
            .join(", ")
        : resolve(raw, pageUrl);
    return ` ${attr}="${escapeAttr(out)}"`;
  });
}

export function rss(feed: Feed): string {
  const items = feed.items.map((i) =>
    [
      "<item>",
      el("title", i.title),
      el("link", i.url),
      `<guid isPermaLink="true">${xmlEscape(i.url)}</guid>`,
      el("pubDate", new Date(i.published).toUTCString()),
      el("dc:creator", i.author ?? feed.publisher),
      ...i.tags.map((tag) => el("category", tag)),
      el("description", i.summary),
      `<content:encoded>${cdata(i.html)}</content:encoded>`,
      i.image ? `<enclosure url="${xmlEscape(i.image.url)}" length="${i.image.bytes}" type="${xmlEscape(i.image.type)}"/>` : "",
      "</item>",
    ].join(""),
  );
  return [
    XML_DECLARATION,
    ...stylesheetPi(feed),
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<channel>",
    el("title", feed.title),
    el("link", feed.pageUrl),
    el("description", feed.description),
    el("language", feed.lang),
    el("lastBuildDate", new Date(feed.updated).toUTCString()),
    `<atom:link href="${xmlEscape(feed.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    "</channel>",
    "</rss>\n",
  ].join("\n");
}

export function atom(feed: Feed): string {
  const date = (ms: number) => toIsoWithOffset(ms, feed.timeZone);
  const entries = feed.items.map((i) =>
    [
      "<entry>",
      el("title", i.title),
      el("id", i.url),
      `<link rel="alternate" type="text/html" href="${xmlEscape(i.url)}"/>`,
      el("published", date(i.published)),
      el("updated", date(i.updated)),
      `<author>${el("name", i.author ?? feed.publisher)}</author>`,
      ...i.tags.map((tag) => `<category term="${xmlEscape(tag)}"/>`),
      i.image ? `<link rel="enclosure" type="${xmlEscape(i.image.type)}" length="${i.image.bytes}" href="${xmlEscape(i.image.url)}"/>` : "",
      `<summary type="text">${xmlEscape(i.summary)}</summary>`,
      `<content type="html">${xmlEscape(i.html)}</content>`,
      "</entry>",
    ].join(""),
  );
  return [
    XML_DECLARATION,
    ...stylesheetPi(feed),
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.lang}">`,
    el("title", feed.title),
    el("subtitle", feed.description),
    el("id", feed.pageUrl),
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(feed.pageUrl)}"/>`,
    el("updated", date(feed.updated)),
    `<author>${el("name", feed.publisher)}</author>`,
    ...entries,
    "</feed>\n",
  ].join("\n");
}
