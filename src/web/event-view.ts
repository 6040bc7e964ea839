// What pages, the API and calendars show of an article's event: "when" in words in the
// reader's language and the language's time zone, "where" as one line, and the
// calendar entry itself (seo/ical.ts).
import type { Locale } from "../config.js";
import type { ArticleEvent } from "../content/article.js";
import { toIsoWithOffset } from "../content/dates.js";
import type { ArticleSummary } from "../index/articles.js";
import { dateTimeFormat, formatDate } from "../i18n/format.js";
import type { AppDeps } from "./deps.js";
import { sequenceOf, type CalendarEvent } from "./seo/ical.js";
import { modifiedAt } from "./seo/site-pages.js";
import { urls } from "../site/urls.js";

export function eventWhere(e: ArticleEvent): string {
  return e.address ? `${e.place}, ${e.address}` : e.place;
}

/** "28 март 2027 г., 10:00 – 12:00" / "25 – 27 września 2026". */
export function eventWhen(e: ArticleEvent, locale: Locale, tz: string): string {
  const day = (ms: number) => formatDate(ms, locale, tz);
  const time = (ms: number) => dateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: tz }).format(ms);
  if (e.allDay) return e.end === undefined || day(e.end) === day(e.start) ? day(e.start) : `${day(e.start)} – ${day(e.end)}`;
  if (e.end === undefined) return `${day(e.start)}, ${time(e.start)}`;
  if (day(e.end) === day(e.start)) return `${day(e.start)}, ${time(e.start)} – ${time(e.end)}`;
  return `${day(e.start)}, ${time(e.start)} – ${day(e.end)}, ${time(e.end)}`;
}

/** The event as the article page and the events pages show it. */
export function eventView(deps: AppDeps, a: Pick<ArticleSummary, "lang" | "slug">, e: ArticleEvent) {
  const tz = deps.config.timeZones[a.lang];
  const ics = urls.articleEvent(a.lang, a.slug);
  return {
    startIso: e.allDay ? toIsoWithOffset(e.start, tz).slice(0, 10) : toIsoWithOffset(e.start, tz),
    whenText: eventWhen(e, a.lang, tz),
    place: e.place,
    address: e.address ?? null,
    online: e.online ?? null,
    ics,
  };
}

/** The calendar entry of an article's event; the UID is the article's id at the site's host. */
export function calendarEvent(deps: AppDeps, a: ArticleSummary, e: ArticleEvent): CalendarEvent {
  const base = deps.config.baseUrl;
  const modified = modifiedAt(a);
  return {
    uid: `${a.lang}/${a.slug}@${new URL(base).host}`,
    url: base + urls.article(a.lang, a.slug),
    title: a.title,
    description: a.summary,
    start: e.start,
    end: e.end,
    allDay: e.allDay,
    timeZone: deps.config.timeZones[a.lang],
    location: eventWhere(e),
    geo: e.geo,
    online: e.online,
    modified,
    sequence: sequenceOf(a.date, modified),
  };
}
