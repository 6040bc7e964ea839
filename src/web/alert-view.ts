// Alerts as pages and banners show them: kind and severity in words, the time span in
// words ("днес от 8:00 до 18:00", "dziś od 8:00 do 18:00"; dates when not today), and
// which alerts a page carries in its banner.
import type { Locale } from "../config.js";
import { zoneOffsetMinutes } from "../content/dates.js";
import { toIsoWithOffset } from "../content/dates.js";
import { dateTimeFormat, isoDay } from "../i18n/format.js";
import { stateOf, type AlertRow, type AlertState } from "../index/alert-row.js";
import type { AppDeps } from "./deps.js";
import { urls } from "../site/urls.js";

/** Which alerts a page's banner shows (issue 23). */
export type AlertScope =
  /** The home page and the all-news listing: every current alert of the language. */
  | "language"
  /** A district's pages (the district, its articles): its alerts and those for all districts. */
  | { readonly district: string };

const DAY_MS = 86_400_000;

function clock(ms: number, tz: string): string {
  const local = new Date(ms + zoneOffsetMinutes(ms, tz) * 60000);
  return `${local.getUTCHours()}:${String(local.getUTCMinutes()).padStart(2, "0")}`;
}

/** "днес", "утре" or "8 декември" (with the year when it is not this year's). */
function dayWords(deps: AppDeps, locale: Locale, ms: number, now: number): string {
  const tz = deps.config.timeZones[locale];
  const t = deps.i18n.t(locale);
  const day = isoDay(ms, tz);
  if (day === isoDay(now, tz)) return t("alerts.today");
  if (day === isoDay(now + DAY_MS, tz)) return t("alerts.tomorrow");
  const sameYear = day.slice(0, 4) === isoDay(now, tz).slice(0, 4);
  return dateTimeFormat(locale, { day: "numeric", month: "long", ...(sameYear ? {} : { year: "numeric" }), timeZone: tz }).format(ms);
}

/** The span in words, as seen at `now`: "днес от 8:00 до 18:00", "od 8 grudnia, 8:00 do 9 grudnia, 18:00". */
export function spanText(deps: AppDeps, locale: Locale, start: number, end: number, now: number): string {
  const tz = deps.config.timeZones[locale];
  const t = deps.i18n.t(locale);
  const [d1, d2] = [dayWords(deps, locale, start, now), dayWords(deps, locale, end, now)];
  if (isoDay(start, tz) === isoDay(end, tz)) return t("alerts.dayFromTo", { day: d1, from: clock(start, tz), to: clock(end, tz) });
  return t("alerts.spanDays", { from: `${d1}, ${clock(start, tz)}`, to: `${d2}, ${clock(end, tz)}` });
}

export interface AlertCard {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly kind: AlertRow["kind"];
  readonly kindText: string;
  readonly severity: AlertRow["severity"];
  readonly severityText: string;
  readonly area: string | null;
  readonly spanText: string;
  readonly startIso: string;
  readonly endIso: string;
  readonly state: AlertState;
  readonly stateText: string;
  readonly districtsText: string;
  readonly districts: { name: string; url: string }[];
  /** Readers may hide info and warning alerts; never an emergency. */
  readonly dismissible: boolean;
}

export function alertCard(deps: AppDeps, a: AlertRow, now: number): AlertCard {
  const t = deps.i18n.t(a.lang);
  const tz = deps.config.timeZones[a.lang];
  const all = deps.index.districts.all(deps.index.version());
  const districts =
    a.districts === "all" ? [] : a.districts.map((id) => ({ name: all.find((d) => d.id === id)?.name[a.lang] ?? id, url: urls.district(a.lang, id) }));
  const state = stateOf(a, now);
  return {
    // The hash of this version: an edited alert shows again to a reader who hid the old one.
    id: a.identifier,
    url: urls.alert(a.lang, a.slug),
    title: a.title,
    kind: a.kind,
    kindText: t(`alerts.kind.${a.kind}`),
    severity: a.severity,
    severityText: t(`alerts.severity.${a.severity}`),
    area: a.area,
    spanText: spanText(deps, a.lang, a.start, a.end, now),
    startIso: toIsoWithOffset(a.start, tz),
    endIso: toIsoWithOffset(a.end, tz),
    state,
    stateText: t(state === "current" ? "alerts.stateCurrent" : state === "upcoming" ? "alerts.stateUpcoming" : "alerts.stateEnded"),
    districtsText: a.districts === "all" ? t("alerts.allDistricts") : districts.map((d) => d.name).join(", "),
    districts,
    dismissible: a.severity !== "emergency",
  };
}

/** The banner of a page: current alerts only, most severe first, then the soonest to end. */
export function alertBanner(deps: AppDeps, locale: Locale, scope: AlertScope | undefined): (AlertCard & { preview?: string })[] {
  const now = deps.index.now();
  // Pages of no district ("" matches none) still carry the alerts for all districts.
  const district = scope === "language" ? undefined : (scope?.district ?? "");
  const cards = deps.index.alerts.current(locale, now, district).map((a) => alertCard(deps, a, now));
  if (deps.config.env !== "development") return cards;
  // The editors' preview (npm run dev) also shows what is coming, with when it starts.
  const t = deps.i18n.t(locale);
  const at = (ms: number) =>
    dateTimeFormat(locale, { day: "numeric", month: "long", hour: "numeric", minute: "2-digit", timeZone: deps.config.timeZones[locale] }).format(ms);
  const upcoming = deps.index.alerts.live(locale, now, district).filter((a) => a.start > now);
  return [...cards, ...upcoming.map((a) => ({ ...alertCard(deps, a, now), preview: t("alerts.preview", { date: at(a.start) }) }))];
}

/**
 * The alternate links of the feeds of current alerts for a page's head: Atom, then JSON
 * Feed (issue 26), each at the same place (alertFeedPath).
 */
export function alertFeedLinks(
  deps: AppDeps,
  locale: Locale,
  scope: { readonly district?: string; readonly name?: string },
): { type: string; title: string; href: string }[] {
  const t = deps.i18n.t(locale);
  const site = t("site.name");
  const title = scope.district ? t("alerts.feedDistrict", { district: scope.name ?? scope.district, site }) : t("alerts.feed", { site });
  return [
    { type: "application/atom+xml", title, href: deps.config.baseUrl + alertFeedPath(locale, scope.district) },
    { type: "application/feed+json", title: t("feeds.json", { title }), href: deps.config.baseUrl + alertFeedPath(locale, scope.district, "json") },
  ];
}

/** /bg/preduprezhdeniya/atom.xml, /bg/preduprezhdeniya/rayoni/<id>/feed.json. */
export function alertFeedPath(locale: Locale, district?: string, format: "atom" | "json" = "atom"): string {
  return `${district ? urls.alertsOfDistrict(locale, district) : urls.alerts(locale)}${format === "json" ? "feed.json" : "atom.xml"}`;
}
