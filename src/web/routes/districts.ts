import { Router } from "express";
import { LOCALES, type Locale } from "../../config.js";
import { DISTRICT_ID_PATTERN } from "../../content/schema.js";
import { HttpError } from "../../errors.js";
import { districtGroups } from "../district-order.js";
import { legalLinks } from "../legal-links.js";
import { articleCard, fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { assertPage, assertSinglePage, pageLinks, pageNumber, untranslatedOf } from "../params.js";
import { renderPage } from "../send.js";
import { SEGMENTS, urls } from "../../site/urls.js";
import { PER_PAGE } from "./news.js";

export function districtRoutes(deps: AppDeps): Router {
  const router = Router();
  for (const locale of LOCALES) {
    const t = deps.i18n.t(locale);
    const home = { name: t("nav.home"), url: urls.home(locale) };
    const index = { name: t("districts.title"), url: urls.districts(locale) };

    router.get(urls.districts(locale), (req, res) => {
      assertSinglePage(req);
      const { groups, withoutNews } = districtGroups(deps, locale);
      renderPage(req, res, deps, "pages/districts.njk", {
        ...pageLocals(deps, locale, {
          title: fullTitle(deps, locale, t("districts.title")),
          description: t("districts.description"),
          path: urls.districts(locale),
          ref: { kind: "districts" },
          section: "districts",
          breadcrumbs: [home, index],
        }),
        groups,
        withoutNews,
        wide: true,
      });
    });

    router.get(`/${locale}/${SEGMENTS[locale].districts}/:id/`, (req, res) => {
      const id = req.params.id;
      if (!DISTRICT_ID_PATTERN.test(id)) throw new HttpError(404, "Not a district id");
      const d = deps.index.districts.all(deps.index.version()).find((x) => x.id === id);
      if (!d) throw new HttpError(404, "No such district");
      const page = pageNumber(req);
      const list = deps.index.articles.page(`${locale}:d:${id}`, page, PER_PAGE);
      assertPage(page, list.pages);
      const name = d.name[locale];
      const title = page > 1 ? t("districts.titlePage", { district: name, page }) : name;
      const other = LOCALES.find((l) => l !== locale) as Locale;
      const otherHasNews = deps.index.articles.count(`${other}:d:${id}`) > 0;
      renderPage(req, res, deps, "pages/district.njk", {
        ...pageLocals(deps, locale, {
          title: fullTitle(deps, locale, title),
          description: `${name} — ${d.municipality[locale]}. ${t("districts.newsFrom", { district: name })}.`,
          path: urls.district(locale, id, page),
          ref: { kind: "district", id },
          untranslated: untranslatedOf(req),
          section: "districts",
          breadcrumbs: [home, index, { name, url: urls.district(locale, id) }],
          ...pageLinks(page, list.pages, (n) => urls.district(locale, id, n)),
          feed: { kind: "district", id, name },
          alerts: { district: id },
          alertFeed: { district: id, name },
        }),
        district: { id, name, municipality: d.municipality[locale], descriptionHtml: d.descriptionHtml[locale] },
        districtLegal: { name, links: legalLinks(deps, locale, d) },
        list: { ...list, items: list.items.map((a) => articleCard(deps, a)) },
        hrefFor: (n: number) => urls.district(locale, id, n),
        otherLocale: other,
        otherLanguageUrl: otherHasNews ? urls.district(other, id) : null,
        subscribeDistrict: id,
      });
    });
  }
  return router;
}
