// The search page per locale (/bg/tarsene/, /pl/szukaj/): a GET form, results ranked by
// bm25 with recency as tie-break, filters by district and year, and an OpenSearch
// description so browsers can add the portal as a search engine.
import { Router } from "express";
import { z } from "zod";
import { LOCALES, type Locale } from "../../config.js";
import { toEpochMs } from "../../content/dates.js";
import { DISTRICT_ID_PATTERN } from "../../content/schema.js";
import { HttpError } from "../../errors.js";
import { MAX_RANKED } from "../../index/search.js";
import { collator } from "../../i18n/format.js";
import { placesNamed } from "../../search/places.js";
import { warmDictionaries } from "../../search/lemmatize.js";
import { buildMatch } from "../../search/query.js";
import { articleCard, fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { MAX_PAGE, parseQuery } from "../params.js";
import { searchLimiter } from "../rate-limit.js";
import { renderPage, sendBody } from "../send.js";
import { urls } from "../../site/urls.js";

export const SEARCH_PER_PAGE = 10;
/** Fewer results than this, and the page offers "Did you mean …?". */
const FEW_RESULTS = 3;
/** OpenSearch suggestions per answer. */
const SUGGESTIONS = 8;

const searchQuery = z
  .object({
    // Longer text is cut by buildMatch (200 characters); any string is a valid query.
    q: z.string().max(10_000).optional(),
    district: z.union([z.literal(""), z.string().regex(DISTRICT_ID_PATTERN).max(100)]).optional(),
    year: z.union([z.literal(""), z.string().regex(/^(19|20|21)\d{2}$/)]).optional(),
    page: z
      .string()
      .regex(/^[1-9][0-9]{0,5}$/)
      .transform(Number)
      .refine((n) => n <= MAX_PAGE)
      .optional(),
  })
  .loose();

export function searchHref(locale: Locale, params: { q: string; district?: string | undefined; year?: string | undefined; page?: number }): string {
  const qs = new URLSearchParams({ q: params.q });
  if (params.district) qs.set("district", params.district);
  if (params.year) qs.set("year", params.year);
  if (params.page && params.page > 1) qs.set("page", String(params.page));
  return `${urls.search(locale)}?${qs.toString()}`;
}

/** How long a search may wait for the search index of a fresh build (see ContentIndex.searchReady). */
const SEARCH_WAIT_MS = 5_000;

export function searchRoutes(deps: AppDeps): Router {
  const router = Router();
  // The first search after a start would load the word-form dictionaries (0.3–0.5 s): they
  // load now, in steps of a few milliseconds between requests, so readiness does not wait
  // for them. Tests skip it: their searches load what they need, and a load still running
  // after a test file would only cost the machine.
  if (deps.config.env !== "test") {
    warmDictionaries().catch((err: unknown) => deps.logger.warn({ err }, "loading the search dictionaries ahead failed"));
  }
  const limit = searchLimiter(deps);
  for (const locale of LOCALES) {
    const t = deps.i18n.t(locale);
    const tz = deps.config.timeZones[locale];

    router.get(urls.search(locale), limit, async (req, res) => {
      const params = parseQuery(req, searchQuery);
      const q = (params.q ?? "").trim();
      const district = params.district || undefined;
      const year = params.year || undefined;
      const page = params.page ?? 1;
      const version = deps.index.version();
      const districts = deps.index.districts.all(version);
      if (district && !districts.some((d) => d.id === district)) throw new HttpError(400, "Unknown district");
      const match = q ? buildMatch(q, locale) : null;
      // Right after a large fresh build, search fills in for a few seconds: wait for it
      // rather than answer with part of the results.
      if (match && !(await deps.index.searchReady(SEARCH_WAIT_MS))) {
        res.setHeader("Retry-After", "30");
        throw new HttpError(503, "The search index is still being filled");
      }
      const y = year ? Number(year) : undefined;
      const result = match
        ? deps.index.search.search(
            match,
            locale,
            {
              district,
              from: y ? toEpochMs(`${y}-01-01`, tz) : undefined,
              to: y ? toEpochMs(`${y + 1}-01-01`, tz) : undefined,
              places: placesNamed(
                match,
                districts.map((d) => ({ id: d.id, names: Object.values(d.name) })),
                locale,
              ),
            },
            page,
            SEARCH_PER_PAGE,
          )
        : { hits: [], total: 0, capped: false };
      // Only the newest MAX_RANKED matches are ranked (see src/index/search.ts).
      const pages = Math.max(1, Math.ceil(Math.min(result.total, MAX_RANKED) / SEARCH_PER_PAGE));
      // "Did you mean …?" when the query finds little: one link away, a plain GET.
      const names = districts.map((d) => d.name[locale]);
      const suggestion = match && result.total < FEW_RESULTS ? deps.index.search.didYouMean(q, locale, names) : null;
      if (page > pages) throw new HttpError(404, "No such results page");
      const heading = q ? t("search.resultsFor", { q }) : t("search.title");
      renderPage(req, res, deps, "pages/search.njk", {
        ...pageLocals(deps, locale, {
          title: fullTitle(deps, locale, page > 1 ? `${heading} — ${t("pagination.page", { page })}` : heading),
          description: t("search.description"),
          path: urls.search(locale),
          ref: { kind: "search", q, district, year },
          // Result pages are endless and thin: keep them out of search engines' indexes.
          noindex: q !== "",
          breadcrumbs: [
            { name: t("nav.home"), url: urls.home(locale) },
            { name: t("search.title"), url: urls.search(locale) },
          ],
        }),
        query: q,
        searched: q !== "",
        filters: { district: district ?? "", year: year ?? "" },
        districtOptions: districts.map((d) => ({ id: d.id, name: d.name[locale] })).sort((a, b) => collator(locale).compare(a.name, b.name)),
        yearOptions: deps.index.search.years(locale, tz),
        total: result.total,
        capped: result.capped,
        maxRankedText: new Intl.NumberFormat(locale).format(MAX_RANKED),
        didYouMean: suggestion === null ? null : { text: suggestion, href: searchHref(locale, { q: suggestion, district, year }) },
        hits: result.hits.map((h) => ({ titleSegments: h.title, snippet: h.snippet, ...articleCard(deps, h.article) })),
        list: { page, pages },
        hrefFor: (n: number) => searchHref(locale, { q, district, year, page: n }),
      });
    });

    // OpenSearch suggestions (application/x-suggestions+json): ["typed", ["completion", ...]],
    // for the browser's address bar; the page itself keeps a plain form.
    router.get(`/${locale}/suggest.json`, (req, res) => {
      const typed = typeof req.query.q === "string" ? req.query.q.slice(0, 100) : "";
      // Published articles only: version() refreshes what the listings say (as in search).
      const version = deps.index.version();
      // District names complete too ("sred" -> Средец): residents search by place.
      const names = deps.index.districts.all(version).map((d) => d.name[locale]);
      const words = typed.trim() === "" ? [] : deps.index.search.complete(typed, locale, SUGGESTIONS, names);
      sendBody(req, res, deps, JSON.stringify([typed, words]), "application/x-suggestions+json; charset=utf-8");
    });

    router.get(`/${locale}/opensearch.xml`, (req, res) => {
      const base = deps.config.baseUrl;
      const body = deps.views.render("pages/opensearch.njk", {
        shortName: t("site.name").slice(0, 16),
        description: t("search.label"),
        locale,
        template: `${base}${urls.search(locale)}?q={searchTerms}`,
        suggestTemplate: `${base}/${locale}/suggest.json?q={searchTerms}`,
        searchForm: base + urls.search(locale),
        icon: base + deps.assets.url("img/favicon.svg"),
      });
      sendBody(req, res, deps, body, "application/opensearchdescription+xml; charset=utf-8");
    });
  }
  return router;
}
