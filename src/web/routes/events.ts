// Events (articles with an `event:` block): a page per language and per district,
// upcoming first (soonest first) then past (latest first), paginated like listings; an
// iCalendar feed beside each page (subscribable, also as webcal:); and one .ics per
// article for "add to calendar".
import { Router, type Request, type Response } from "express";
import { LOCALES, type Locale } from "../../config.js";
import { DISTRICT_ID_PATTERN, SLUG_PATTERN } from "../../content/schema.js";
import { HttpError } from "../../errors.js";
import type { District } from "../../content/district.js";
import { articleCard, fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { calendarEvent, eventView } from "../event-view.js";
import { assertPage, assertSinglePage, pageNumber } from "../params.js";
import { renderPage, sendBody } from "../send.js";
import { icalendar } from "../seo/ical.js";
import { SEGMENTS, urls } from "../../site/urls.js";

export const EVENTS_PER_PAGE = 20;
export const ICAL_TYPE = "text/calendar; charset=utf-8";

/** The same address with the webcal: scheme, which phones open as "subscribe to calendar". */
export const webcal = (absolute: string) => absolute.replace(/^https?:/, "webcal:");

export function eventRoutes(deps: AppDeps): Router {
  const router = Router({ strict: true, caseSensitive: true });

  function districtOf(id: string): District {
    const d = DISTRICT_ID_PATTERN.test(id) ? deps.index.districts.all(deps.index.version()).find((x) => x.id === id) : undefined;
    if (!d) throw new HttpError(404, "No such district");
    return d;
  }

  /** Published events with their summaries, in page order. */
  function events(locale: Locale, district: string | null) {
    const now = deps.index.now();
    deps.index.version(); // publication follows the clock
    const rows = deps.index.events.ordered(locale, district, now);
    const summaries = deps.index.articles.byIds(rows.map((r) => r.id));
    const endOf = (r: (typeof rows)[number]) => (r.event.allDay ? (r.event.end ?? r.event.start) + 86_400_000 : (r.event.end ?? r.event.start));
    return rows.flatMap((r) => {
      const a = summaries.get(r.id);
      return a ? [{ a, event: r.event, past: endOf(r) <= now }] : [];
    });
  }

  function calendar(req: Request, res: Response, locale: Locale, district: District | null): void {
    const t = deps.i18n.t(locale);
    const base = deps.config.baseUrl;
    const name = district ? t("events.districtCalendar", { district: district.name[locale] }) : t("events.calendar");
    const body = icalendar({
      name: `${name} — ${t("site.name")}`,
      description: t("events.description"),
      url: base + (district ? urls.districtEvents(locale, district.id) : urls.events(locale)),
      lang: locale,
      events: events(locale, district?.id ?? null).map((x) => calendarEvent(deps, x.a, x.event)),
    });
    sendBody(req, res, deps, body, ICAL_TYPE);
  }

  function page(req: Request, res: Response, locale: Locale, district: District | null): void {
    const t = deps.i18n.t(locale);
    const n = pageNumber(req);
    const all = events(locale, district?.id ?? null);
    const pages = Math.max(1, Math.ceil(all.length / EVENTS_PER_PAGE));
    assertPage(n, pages);
    const path = (l: Locale, p = 1) => (district ? urls.districtEvents(l, district.id, p) : urls.events(l, p));
    const heading = district ? t("events.districtTitle", { district: district.name[locale] }) : t("events.title");
    const title = n > 1 ? `${heading} — ${t("pagination.page", { page: n })}` : heading;
    const ics = deps.config.baseUrl + (district ? urls.districtEventsCalendar(locale, district.id) : urls.eventsCalendar(locale));
    const shown = all.slice((n - 1) * EVENTS_PER_PAGE, n * EVENTS_PER_PAGE);
    // Upcoming and past move with the clock, not with the content version: never kept.
    res.locals.renderCache = false;
    renderPage(req, res, deps, "pages/events.njk", {
      ...pageLocals(deps, locale, {
        title: fullTitle(deps, locale, title),
        description: t("events.description"),
        path: path(locale, n),
        ref: district ? { kind: "districtEvents", id: district.id } : { kind: "events" },
        breadcrumbs: [
          { name: t("nav.home"), url: urls.home(locale) },
          ...(district ? [{ name: district.name[locale], url: urls.district(locale, district.id) }] : []),
          { name: heading, url: path(locale) },
        ],
        prev: n > 1 ? path(locale, n - 1) : null,
        next: n < pages ? path(locale, n + 1) : null,
      }),
      heading: title,
      ics,
      webcal: webcal(ics),
      list: { page: n, pages, total: all.length },
      groups: (["upcoming", "past"] as const)
        .map((kind) => ({
          kind,
          items: shown.filter((x) => x.past === (kind === "past")).map((x) => ({ ...articleCard(deps, x.a), event: eventView(deps, x.a, x.event) })),
        }))
        .filter((g) => g.items.length > 0),
      hrefFor: (p: number) => path(locale, p),
    });
  }

  for (const locale of LOCALES) {
    const seg = SEGMENTS[locale];
    router.get(urls.events(locale), (req, res) => page(req, res, locale, null));
    router.get(urls.eventsCalendar(locale), (req, res) => {
      assertSinglePage(req);
      calendar(req, res, locale, null);
    });
    router.get(`/${locale}/${seg.districts}/:id/${seg.events}/`, (req, res) => page(req, res, locale, districtOf(req.params.id)));
    router.get(`/${locale}/${seg.districts}/:id/${seg.events}/calendar.ics`, (req, res) => {
      assertSinglePage(req);
      calendar(req, res, locale, districtOf(req.params.id));
    });
    router.get(`/${locale}/${seg.news}/:slug/event.ics`, (req, res) => {
      assertSinglePage(req);
      const slug = req.params.slug;
      const now = deps.index.now();
      deps.index.version();
      const a = SLUG_PATTERN.test(slug) ? deps.index.articles.bySlug(locale, slug, now) : null;
      if (!a?.event) throw new HttpError(404, "No such event");
      const body = icalendar({
        name: a.title,
        description: a.summary,
        url: deps.config.baseUrl + urls.article(locale, a.slug),
        lang: locale,
        events: [calendarEvent(deps, a, a.event)],
      });
      res.setHeader("Content-Disposition", `attachment; filename="${a.slug}.ics"`);
      sendBody(req, res, deps, body, ICAL_TYPE);
    });
  }
  return router;
}
