// What crawlers read: /robots.txt, the sitemap index /sitemap.xml, one or more sitemaps
// per language (/sitemap-bg-1.xml …) and the Google News sitemap /sitemap-news.xml.
import { Router } from "express";
import { LOCALES, type Locale } from "../../config.js";
import { toIsoWithOffset } from "../../content/dates.js";
import { HttpError } from "../../errors.js";
import type { AppDeps } from "../deps.js";
import { sendBody } from "../send.js";
import { sitePages } from "../seo/site-pages.js";
import { newsSitemap, sitemapIndex, splitUrlsets, urlEntry } from "../seo/sitemap-xml.js";
import { urls } from "../../site/urls.js";

const XML = "application/xml; charset=utf-8";
/** Google News: articles from the last two days, at most 1,000 per sitemap. */
const NEWS_WINDOW_MS = 2 * 24 * 3600 * 1000;
const NEWS_MAX = 1000;

interface Built {
  readonly key: string;
  readonly builtAt: number;
  readonly files: Record<Locale, { body: string; lastmod: string }[]>;
}

export function sitemapRoutes(deps: AppDeps): Router {
  // Strict: /bg/feed.xml/ is not a second address of /bg/feed.xml.
  const router = Router({ strict: true, caseSensitive: true });
  let memo: Built | null = null;

  // Listing every page is the costly part (≈2.4 s for 10,000 articles); what is published
  // only changes with the content version (scheduled articles move the version on), so it
  // is built once per version — and again if the clock went back (tests move it freely).
  function build(): Built {
    const now = deps.index.now();
    const key = deps.index.version();
    if (memo?.key === key && now >= memo.builtAt) return memo;
    const base = deps.config.baseUrl;
    const files = {} as Built["files"];
    for (const l of LOCALES) {
      const tz = deps.config.timeZones[l];
      const pages = sitePages(deps, l, now);
      const parts = splitUrlsets(pages.map((p) => urlEntry(base, p, toIsoWithOffset(p.lastmod, tz))));
      files[l] = parts.map((part) => ({
        body: part.body,
        lastmod: toIsoWithOffset(Math.max(0, ...pages.slice(part.from, part.to).map((p) => p.lastmod)), tz),
      }));
    }
    memo = { key, builtAt: now, files };
    return memo;
  }

  router.get("/robots.txt", (req, res) => {
    const base = deps.config.baseUrl;
    // RFC 9309: one group for every crawler; Sitemap lines are absolute URLs.
    const body = ["User-agent: *", "Allow: /", "", `Sitemap: ${base}/sitemap.xml`, `Sitemap: ${base}/sitemap-news.xml`, ""].join("\n");
    sendBody(req, res, deps, body, "text/plain; charset=utf-8");
  });

  router.get("/sitemap.xml", (req, res) => {
    const base = deps.config.baseUrl;
    const { files } = build();
    const items = LOCALES.flatMap((l) => files[l].map((f, i) => ({ loc: `${base}/sitemap-${l}-${i + 1}.xml`, lastmod: f.lastmod })));
    const tz = deps.config.timeZones[deps.config.defaultLocale];
    items.push({ loc: `${base}/sitemap-news.xml`, lastmod: toIsoWithOffset(deps.index.versionSince(), tz) });
    sendBody(req, res, deps, sitemapIndex(items), XML);
  });

  for (const l of LOCALES) {
    router.get(`/sitemap-${l}-:n.xml`, (req, res) => {
      const n = req.params.n;
      const file = /^[1-9]\d{0,5}$/.test(n) ? build().files[l][Number(n) - 1] : undefined;
      if (!file) throw new HttpError(404, "No such sitemap");
      sendBody(req, res, deps, file.body, XML);
    });
  }

  router.get("/sitemap-news.xml", (req, res) => {
    const now = deps.index.now();
    deps.index.version(); // brings the listings up to date when an article was scheduled for now
    const items = [];
    for (const l of LOCALES) {
      // Listings are newest first, so the window is a prefix of each language's list.
      for (const a of deps.index.articles.page(l, 1, NEWS_MAX).items) {
        if (a.date < now - NEWS_WINDOW_MS) break;
        items.push({
          loc: deps.config.baseUrl + urls.article(l, a.slug),
          lang: l,
          publication: deps.i18n.t(l)("site.name"),
          date: toIsoWithOffset(a.date, deps.config.timeZones[l]),
          title: a.title,
          ms: a.date,
        });
      }
    }
    items.sort((x, y) => y.ms - x.ms);
    sendBody(req, res, deps, newsSitemap(items.slice(0, NEWS_MAX)), XML);
  });

  return router;
}
