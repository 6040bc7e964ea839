// The read-only JSON API under /api/v1/ (documented at /api/v1/openapi.json and on the
// /<lang>/api/ pages). JSON in UTF-8, ETag/304 and Cache-Control like pages (send.ts),
// CORS open to every origin (the data is public, no credentials are involved), errors as
// problem+json (problem.ts). A new endpoint is added here and in openapi.ts ENDPOINTS,
// with its schemas in schemas.ts.
import { Router, type Request, type RequestHandler, type Response } from "express";
import { z } from "zod";
import { LOCALES, type Locale } from "../config.js";
import { dateProblem, toEpochMs } from "../content/dates.js";
import { SLUG_PATTERN } from "../content/schema.js";
import { HttpError } from "../errors.js";
import { say } from "../content/messages/index.js";
import type { Cursor } from "../index/api-articles.js";
import { buildMatch } from "../search/query.js";
import type { AppDeps } from "../web/deps.js";
import { searchLimiter } from "../web/rate-limit.js";
import { EVENTS_PER_PAGE } from "../web/routes/events.js";
import { SEARCH_PER_PAGE } from "../web/routes/search.js";
import { sendBody } from "../web/send.js";
import { urls } from "../site/urls.js";
import { createExporter, exportUrls } from "./export.js";
import { API_BASE, openApiDocument } from "./openapi.js";
import { alertJson, apiUrls, articleJson, summaryJson } from "./present.js";
import { ParameterError, apiErrorHandler, parseApiQuery, sendProblem } from "./problem.js";
import {
  AlertsQuery,
  ArticlesQuery,
  EventsQuery,
  LangOnlyQuery,
  SearchQuery,
  TagsQuery,
  type AlertPage,
  type ArticlePage,
  type DistrictList,
  type EventPage,
  type SearchResults,
  type TagList,
} from "./schemas.js";

export const JSON_TYPE = "application/json; charset=utf-8";
const DEFAULT_LIMIT = 20;
const ALERTS_PER_PAGE = 20;
/** How long a search may wait for the search index of a fresh build (as the search page). */
const SEARCH_WAIT_MS = 5_000;

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since, Accept-Language",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Language, Retry-After",
  "Access-Control-Max-Age": "86400",
};

/**
 * Mounted before the request guard (which answers 405 in text): CORS headers on every
 * API response, the preflight answered 204, other methods a 405 problem. Cross-Origin-
 * Resource-Policy is lifted so that other sites' scripts may read the JSON.
 */
export function apiGate(deps: AppDeps): RequestHandler {
  return (req, res, next) => {
    for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    if (req.method === "OPTIONS") {
      res.status(204).setHeader("Cache-Control", "public, max-age=86400");
      res.end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD, OPTIONS");
      sendProblem(deps, req, res, 405);
      return;
    }
    next();
  };
}

const cursorShape = z.tuple([z.int(), z.enum(LOCALES), z.string().regex(SLUG_PATTERN)]);

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.date, c.lang, c.slug])).toString("base64url");
}

function decodeCursor(text: string): Cursor {
  try {
    const [date, lang, slug] = cursorShape.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return { date, lang, slug };
  } catch (cause) {
    throw new ParameterError([{ parameter: "cursor", message: "is not a cursor this API made — copy `next` as it is" }], { cause });
  }
}

/** A calendar day as epoch ms at its start in `tz`; a 400 naming the parameter when not a real day. */
function dayStart(parameter: string, value: string, tz: string): number {
  const problem = dateProblem(value);
  if (problem) throw new ParameterError([{ parameter, message: say(problem) }]);
  return toEpochMs(value, tz);
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function apiRoutes(deps: AppDeps): Router {
  const router = Router({ strict: true, caseSensitive: true });
  const base = deps.config.baseUrl;
  const json = (req: Request, res: Response, body: unknown) => sendBody(req, res, deps, JSON.stringify(body), JSON_TYPE);

  router.get(`${API_BASE}/openapi.json`, (req, res) => {
    parseApiQuery(req, LangOnlyQuery);
    sendBody(req, res, deps, JSON.stringify(openApiDocument()), "application/vnd.oai.openapi+json; charset=utf-8");
  });

  router.get(`${API_BASE}/articles`, (req, res) => {
    const q = parseApiQuery(req, ArticlesQuery);
    const version = deps.index.version(); // listings follow scheduled and expiring articles
    if (q.district && !deps.index.districts.all(version).some((d) => d.id === q.district)) {
      throw new ParameterError([{ parameter: "district", message: "is not a district — see /api/v1/districts" }]);
    }
    const tz = deps.config.timeZones[q.lang ?? deps.config.defaultLocale];
    const filters = {
      lang: q.lang,
      district: q.district,
      tag: q.tag,
      from: q.from === undefined ? undefined : dayStart("from", q.from, tz),
      // "to" names the last day included.
      to: q.to === undefined ? undefined : dayStart("to", nextDay(q.to), tz),
      updatedSince:
        q.updated_since === undefined
          ? undefined
          : q.updated_since.length === 10
            ? dayStart("updated_since", q.updated_since, tz)
            : Date.parse(q.updated_since),
    };
    if (Number.isNaN(filters.updatedSince)) throw new ParameterError([{ parameter: "updated_since", message: "is not a real moment" }]);
    const limit = q.limit ?? DEFAULT_LIMIT;
    const ids = deps.index.apiArticles.page(filters, q.cursor ? decodeCursor(q.cursor) : null, limit + 1, deps.index.now());
    const summaries = deps.index.articles.byIds(ids.slice(0, limit));
    const items = ids.slice(0, limit).flatMap((id) => {
      const a = summaries.get(id);
      return a ? [a] : [];
    });
    const last = items.at(-1);
    const params = Object.fromEntries(Object.entries(req.query as Record<string, string>).filter(([k]) => k !== "cursor"));
    const body: z.infer<typeof ArticlePage> = {
      items: items.map((a) => summaryJson(deps, a)),
      next:
        ids.length > limit && last ? base + apiUrls.articles({ ...params, cursor: encodeCursor({ date: last.date, lang: last.lang, slug: last.slug }) }) : null,
    };
    if (body.next) res.setHeader("Link", `<${body.next}>; rel="next"`);
    json(req, res, body);
  });

  for (const lang of LOCALES) {
    router.get(`${API_BASE}/articles/${lang}/:slug`, (req, res) => {
      parseApiQuery(req, LangOnlyQuery);
      const slug = req.params.slug;
      const now = deps.index.now();
      deps.index.version();
      const a = SLUG_PATTERN.test(slug) ? deps.index.articles.bySlug(lang, slug, now) : null;
      if (!a) throw new HttpError(404, "No such article");
      json(req, res, articleJson(deps, a, now));
    });
  }

  router.get(`${API_BASE}/districts`, (req, res) => {
    parseApiQuery(req, LangOnlyQuery);
    const version = deps.index.version();
    const counts = Object.fromEntries(LOCALES.map((l) => [l, deps.index.districts.counts(l)])) as Record<Locale, Map<string, number>>;
    const perLang = <T>(f: (l: Locale) => T) => Object.fromEntries(LOCALES.map((l) => [l, f(l)])) as Record<Locale, T>;
    const body: z.infer<typeof DistrictList> = {
      items: deps.index.districts.all(version).map((d) => ({
        id: d.id,
        name: d.name,
        municipality: d.municipality,
        website: d.website ?? null,
        articles: perLang((l) => counts[l].get(d.id) ?? 0),
        url: perLang((l) => base + urls.district(l, d.id)),
      })),
    };
    json(req, res, body);
  });

  router.get(`${API_BASE}/tags`, (req, res) => {
    const { lang } = parseApiQuery(req, TagsQuery);
    deps.index.version();
    const body: z.infer<typeof TagList> = {
      items: deps.index.tags
        .all(lang)
        .sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1))
        .map((t) => ({ slug: t.tag, name: t.name, articles: t.count, url: base + urls.tag(lang, t.tag), api: base + apiUrls.articles({ lang, tag: t.tag }) })),
    };
    json(req, res, body);
  });

  router.get(`${API_BASE}/events`, (req, res) => {
    const q = parseApiQuery(req, EventsQuery);
    const page = q.page ?? 1;
    const version = deps.index.version();
    if (q.district && !deps.index.districts.all(version).some((d) => d.id === q.district)) {
      throw new ParameterError([{ parameter: "district", message: "is not a district — see /api/v1/districts" }]);
    }
    // The order of the events pages (index/events.ts), paged the same way.
    const rows = deps.index.events.ordered(q.lang, q.district ?? null, deps.index.now());
    const pages = Math.max(1, Math.ceil(rows.length / EVENTS_PER_PAGE));
    if (page > pages) throw new HttpError(404, "No such page");
    const shown = rows.slice((page - 1) * EVENTS_PER_PAGE, page * EVENTS_PER_PAGE);
    const summaries = deps.index.articles.byIds(shown.map((r) => r.id));
    const params = Object.fromEntries(Object.entries(req.query as Record<string, string>).filter(([k]) => k !== "page"));
    const body: z.infer<typeof EventPage> = {
      items: shown.flatMap((r) => {
        const a = summaries.get(r.id);
        return a ? [summaryJson(deps, a)] : [];
      }),
      page,
      pages,
      next: page < pages ? `${base}${API_BASE}/events?${new URLSearchParams({ ...params, page: String(page + 1) }).toString()}` : null,
    };
    json(req, res, body);
  });

  // Service alerts (index/alerts.ts): the state is the clock's, so a page's ETag follows
  // alerts starting and ending (their state is part of the content version).
  router.get(`${API_BASE}/alerts`, (req, res) => {
    const q = parseApiQuery(req, AlertsQuery);
    const page = q.page ?? 1;
    const version = deps.index.version();
    if (q.district && !deps.index.districts.all(version).some((d) => d.id === q.district)) {
      throw new ParameterError([{ parameter: "district", message: "is not a district — see /api/v1/districts" }]);
    }
    const now = deps.index.now();
    const list = deps.index.alerts.listed(q.lang, now, { state: q.state, district: q.district }, page, ALERTS_PER_PAGE);
    if (page > list.pages) throw new HttpError(404, "No such page");
    const params = Object.fromEntries(Object.entries(req.query as Record<string, string>).filter(([k]) => k !== "page"));
    const body: z.infer<typeof AlertPage> = {
      items: list.items.map((a) => alertJson(deps, a, now)),
      page,
      pages: list.pages,
      next: page < list.pages ? `${base}${API_BASE}/alerts?${new URLSearchParams({ ...params, page: String(page + 1) }).toString()}` : null,
    };
    json(req, res, body);
  });

  router.get(`${API_BASE}/search`, searchLimiter(deps), async (req, res) => {
    const q = parseApiQuery(req, SearchQuery);
    const page = q.page ?? 1;
    const version = deps.index.version();
    if (q.district && !deps.index.districts.all(version).some((d) => d.id === q.district)) {
      throw new ParameterError([{ parameter: "district", message: "is not a district — see /api/v1/districts" }]);
    }
    const match = buildMatch(q.q, q.lang);
    if (match && !(await deps.index.searchReady(SEARCH_WAIT_MS))) {
      res.setHeader("Retry-After", "30");
      throw new HttpError(503, "The search index is still being filled");
    }
    // The site's own search (src/index/search.ts): the same ranking, the same pages.
    const result = match ? deps.index.search.search(match, q.lang, { district: q.district }, page, SEARCH_PER_PAGE) : { hits: [], total: 0 };
    const pages = Math.max(1, Math.ceil(result.total / SEARCH_PER_PAGE));
    const params = Object.fromEntries(Object.entries(req.query as Record<string, string>).filter(([k]) => k !== "page"));
    const body: z.infer<typeof SearchResults> = {
      query: q.q,
      total: result.total,
      page,
      pages,
      items: result.hits.map((h) => ({ article: summaryJson(deps, h.article), snippet: h.snippet.map((s) => s.text).join("") })),
      next: page < pages ? `${base}${API_BASE}/search?${new URLSearchParams({ ...params, page: String(page + 1) }).toString()}` : null,
    };
    json(req, res, body);
  });

  // Bulk export (export.ts): JSON Lines per language and the DCAT-AP catalogue of them.
  const exporter = createExporter(deps);
  for (const lang of LOCALES) {
    router.get(exportUrls.file(lang), async (req, res) => {
      parseApiQuery(req, z.strictObject({}));
      await exporter.send(req, res, lang);
    });
  }
  router.get(exportUrls.catalog(), (req, res) => {
    parseApiQuery(req, LangOnlyQuery);
    deps.index.version();
    sendBody(req, res, deps, JSON.stringify(exporter.catalog()), "application/ld+json; charset=utf-8");
  });

  // Anything else under /api/: a 404 problem, not the HTML error page.
  router.use("/api", (_req, _res, next) => next(new HttpError(404, "No such endpoint")));
  router.use("/api", apiErrorHandler(deps));
  return router;
}
