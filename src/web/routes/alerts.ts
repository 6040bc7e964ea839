// Service alert pages (issue 23): current and upcoming alerts per language and per
// district, the archive of ended ones (paginated like listings), and each alert's page.
import { Router, type Request, type Response } from "express";
import { LOCALES } from "../../config.js";
import { DISTRICT_ID_PATTERN, SLUG_PATTERN } from "../../content/schema.js";
import { HttpError } from "../../errors.js";
import { dateTimeFormat } from "../../i18n/format.js";
import { alertCard, alertFeedPath } from "../alert-view.js";
import { specialAnnouncement } from "../seo/alert-json-ld.js";
import { fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { assertPage, pageLinks, pageNumber, untranslatedOf } from "../params.js";
import { renderPage } from "../send.js";
import { SEGMENTS, urls } from "../../site/urls.js";
import { PER_PAGE } from "./news.js";

export function alertRoutes(deps: AppDeps): Router {
  const router = Router();
  for (const locale of LOCALES) {
    const t = deps.i18n.t(locale);
    const seg = SEGMENTS[locale];
    const home = { name: t("nav.home"), url: urls.home(locale) };
    const index = { name: t("alerts.title"), url: urls.alerts(locale) };
    const when = (ms: number) =>
      dateTimeFormat(locale, {
        day: "numeric",
        month: "long",
        year: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZone: deps.config.timeZones[locale],
      }).format(ms);

    /** Current and upcoming alerts, of the language or of one district. */
    const live = (req: Request, res: Response, district?: { id: string; name: string }) => {
      deps.index.version(); // alerts that started or ended since the last request move on
      const now = deps.index.now();
      const cards = deps.index.alerts.live(locale, now, district?.id).map((a) => alertCard(deps, a, now));
      const path = district ? urls.alertsOfDistrict(locale, district.id) : urls.alerts(locale);
      const heading = district ? t("alerts.districtTitle", { district: district.name }) : t("alerts.title");
      renderPage(req, res, deps, "pages/alerts.njk", {
        ...pageLocals(deps, locale, {
          title: fullTitle(deps, locale, heading),
          description: district ? t("alerts.districtDescription", { district: district.name }) : t("alerts.description"),
          path,
          ref: district ? { kind: "alertsOfDistrict", id: district.id } : { kind: "alerts" },
          untranslated: district ? undefined : untranslatedOf(req),
          section: "alerts",
          breadcrumbs: district ? [home, index, { name: district.name, url: path }] : [home, index],
          alertFeed: district ? { district: district.id, name: district.name } : {},
        }),
        heading,
        current: cards.filter((c) => c.state === "current"),
        upcoming: cards.filter((c) => c.state === "upcoming"),
        archiveUrl: urls.alertArchive(locale),
        jsonUrl: `${urls.alerts(locale)}alerts.json`,
        feedUrl: deps.config.baseUrl + alertFeedPath(locale, district?.id),
        jsonFeedUrl: deps.config.baseUrl + alertFeedPath(locale, district?.id, "json"),
      });
    };

    router.get(urls.alerts(locale), (req, res) => live(req, res));

    router.get(`/${locale}/${seg.alerts}/${seg.districts}/:id/`, (req, res) => {
      const id = req.params.id;
      const d = DISTRICT_ID_PATTERN.test(id) ? deps.index.districts.all(deps.index.version()).find((x) => x.id === id) : undefined;
      if (!d) throw new HttpError(404, "No such district");
      live(req, res, { id, name: d.name[locale] });
    });

    router.get(urls.alertArchive(locale), (req, res) => {
      deps.index.version();
      const now = deps.index.now();
      const page = pageNumber(req);
      const list = deps.index.alerts.ended(locale, now, page, PER_PAGE);
      assertPage(page, list.pages);
      const heading = page > 1 ? t("alerts.archivePage", { page }) : t("alerts.archive");
      renderPage(req, res, deps, "pages/alert-archive.njk", {
        ...pageLocals(deps, locale, {
          title: fullTitle(deps, locale, heading),
          description: t("alerts.archiveDescription"),
          path: urls.alertArchive(locale, page),
          ref: { kind: "alertArchive" },
          section: "alerts",
          breadcrumbs: [home, index, { name: t("alerts.archive"), url: urls.alertArchive(locale) }],
          ...pageLinks(page, list.pages, (n) => urls.alertArchive(locale, n)),
        }),
        heading,
        list: { ...list, page, items: list.items.map((a) => alertCard(deps, a, now)) },
        hrefFor: (n: number) => urls.alertArchive(locale, n),
      });
    });

    router.get(`/${locale}/${seg.alerts}/:slug/`, (req, res, next) => {
      const slug = req.params.slug;
      if (!SLUG_PATTERN.test(slug)) throw new HttpError(404, "Not a slug");
      deps.index.version();
      const a = deps.index.alerts.bySlug(locale, slug);
      if (!a) return next();
      const now = deps.index.now();
      const card = alertCard(deps, a, now);
      const other = deps.index.alerts.translation(a);
      renderPage(req, res, deps, "pages/alert.njk", {
        ...pageLocals(deps, locale, {
          title: fullTitle(deps, locale, a.title),
          description: [card.severityText, card.kindText, card.spanText, a.area].filter(Boolean).join(" · "),
          path: card.url,
          ref: { kind: "alert", translations: { [locale]: a.slug, ...(other ? { [other.lang]: other.slug } : {}) } },
          section: "alerts",
          breadcrumbs: [home, index, { name: a.title, url: card.url }],
          alertFeed: {},
        }),
        jsonLd: specialAnnouncement(deps, a, card),
        alert: card,
        html: a.html,
        note:
          card.state === "ended"
            ? t("alerts.endedAt", { date: when(a.end) })
            : card.state === "upcoming"
              ? t("alerts.startsAt", { date: when(a.start) })
              : null,
        capUrl: urls.alertCap(locale, a.identifier),
      });
    });
  }
  return router;
}
