// /sitemap.xml: every published page with its absolute URL (sitemaps.org protocol 0.9).
import { Router } from "express";
import { LOCALES } from "../../config.js";
import type { AppDeps } from "../context.js";
import { sendBody } from "../send.js";
import { urls } from "../urls.js";

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function sitemapRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/sitemap.xml", (req, res) => {
    const base = deps.config.baseUrl;
    const version = deps.index.version();
    const entries: { loc: string; lastmod?: number }[] = [];
    for (const l of LOCALES) {
      entries.push({ loc: urls.home(l) }, { loc: urls.news(l) }, { loc: urls.districts(l) }, { loc: urls.tags(l) });
      for (const d of deps.index.districts.all(version)) entries.push({ loc: urls.district(l, d.id) });
      for (const tag of deps.index.districts.tags(l)) entries.push({ loc: urls.tag(l, tag.tag) });
    }
    for (const a of deps.index.articles.published(deps.index.now())) {
      entries.push({ loc: urls.article(a.lang, a.slug), lastmod: a.updated ?? a.date });
    }
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ...entries.map((e) => `<url><loc>${xmlEscape(base + e.loc)}</loc>${e.lastmod ? `<lastmod>${new Date(e.lastmod).toISOString()}</lastmod>` : ""}</url>`),
      "</urlset>",
      "",
    ].join("\n");
    sendBody(req, res, deps, body, "application/xml; charset=utf-8");
  });
  return router;
}
