// RSS 2.0, Atom and JSON Feed 1.1 feeds of the latest 50 articles: per language, per district and per tag.
import { Router, type Request, type Response } from "express";
import { LOCALES, type Locale } from "../../config.js";
import { DISTRICT_ID_PATTERN, SLUG_PATTERN } from "../../content/schema.js";
import { HttpError } from "../../errors.js";
import type { AppDeps } from "../deps.js";
import { sendBody } from "../send.js";
import { FEED_FILES, FEED_FORMATS, FEED_TYPES, feedPage, feedTitle, feedUrl, type FeedFormat, type FeedScope } from "../seo/feed-urls.js";
import { absoluteHtml, atom, rss, type Feed, type FeedItem } from "../seo/feed-xml.js";
import { jsonFeed } from "../seo/json-feed.js";
import { modifiedAt } from "../seo/site-pages.js";
import { SEGMENTS, urls } from "../../site/urls.js";

export const FEED_SIZE = 50;

const RENDER: Record<FeedFormat, (feed: Feed) => string> = { rss, atom, json: jsonFeed };

const IMAGE_TYPES: Record<string, string> = { jpeg: "image/jpeg", png: "image/png", gif: "image/gif", webp: "image/webp" };

/**
 * A person who opens an RSS or Atom feed in a browser (the browser asks for text/html
 * first) gets the same document as application/xml, which browsers show through its XSLT
 * stylesheet as a readable page: Chromium shows application/rss+xml as plain text. Feed
 * readers ask for feed types or any type and get the feed's own type.
 */
function feedType(req: Request, res: Response, format: FeedFormat): string {
  if (format === "json") return FEED_TYPES.json;
  res.vary("Accept");
  return req.accepts([FEED_TYPES[format], "application/xml", "text/html"]) === "text/html" ? "application/xml" : FEED_TYPES[format];
}

export function feedRoutes(deps: AppDeps): Router {
  // Strict: /bg/feed.xml/ is not a second address of /bg/feed.xml.
  const router = Router({ strict: true, caseSensitive: true });

  function send(req: Request, res: Response, locale: Locale, scope: FeedScope, listing: string, format: FeedFormat): void {
    const base = deps.config.baseUrl;
    const now = deps.index.now();
    deps.index.version(); // listings follow scheduled and expiring articles
    const items: FeedItem[] = [];
    for (const summary of deps.index.articles.page(listing, 1, FEED_SIZE).items) {
      const a = deps.index.articles.bySlug(locale, summary.slug, now);
      if (!a) continue;
      const url = base + urls.article(locale, a.slug);
      items.push({
        url,
        title: a.title,
        summary: a.summary,
        html: absoluteHtml(a.html, url),
        published: a.date,
        updated: modifiedAt(a),
        author: a.author,
        tags: a.tags,
        image: a.image && { url: base + a.image.url, bytes: a.image.bytes, type: IMAGE_TYPES[a.image.format] ?? "application/octet-stream" },
      });
    }
    const t = deps.i18n.t(locale);
    const feed = {
      lang: locale,
      timeZone: deps.config.timeZones[locale],
      title: feedTitle(deps.i18n, locale, scope),
      description: scope.kind === "site" ? t("site.description") : feedTitle(deps.i18n, locale, scope),
      pageUrl: base + feedPage(locale, scope),
      selfUrl: base + feedUrl(locale, scope, format),
      publisher: t("site.publisher"),
      updated: Math.max(0, ...items.map((i) => i.updated)) || deps.index.versionSince(),
      items,
      stylesheet: deps.assets.url(`feed-${locale}.xsl`),
    };
    sendBody(req, res, deps, RENDER[format](feed), `${feedType(req, res, format)}; charset=utf-8`);
  }

  for (const locale of LOCALES) {
    for (const format of FEED_FORMATS) {
      const file = FEED_FILES[format];
      router.get(`/${locale}/${file}`, (req, res) => send(req, res, locale, { kind: "site" }, locale, format));

      router.get(`/${locale}/${SEGMENTS[locale].districts}/:id/${file}`, (req, res) => {
        const id = req.params.id;
        const d = DISTRICT_ID_PATTERN.test(id) ? deps.index.districts.all(deps.index.version()).find((x) => x.id === id) : undefined;
        if (!d) throw new HttpError(404, "No such district");
        send(req, res, locale, { kind: "district", id, name: d.name[locale] }, `${locale}:d:${id}`, format);
      });

      router.get(`/${locale}/${SEGMENTS[locale].tags}/:tag/${file}`, (req, res) => {
        const tag = req.params.tag;
        const name = SLUG_PATTERN.test(tag) ? deps.index.tags.name(locale, tag) : null;
        // Like the tag page: a tag exists while a published article carries it.
        if (!name || deps.index.articles.count(`${locale}:t:${tag}`) === 0) throw new HttpError(404, "No such tag");
        send(req, res, locale, { kind: "tag", tag, name }, `${locale}:t:${tag}`, format);
      });
    }
  }
  return router;
}
