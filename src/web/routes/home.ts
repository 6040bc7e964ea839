// The home page as a city's news front page: the lead story with its picture, recent news
// as cards with thumbnails, news by district, and "your district" one tap away. The alert
// slot at the top is the layout's banner (alerts of the whole language).
import { Router } from "express";
import { LOCALES } from "../../config.js";
import { collator } from "../../i18n/format.js";
import { articleCard, fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { districtGroups } from "../district-order.js";
import { assertSinglePage, untranslatedOf } from "../params.js";
import { renderPage } from "../send.js";
import { urls } from "../../site/urls.js";

/** Cards after the lead story: two rows of three on a desktop. */
const CARDS = 6;
/** Headlines per district in "news by district". */
const PER_DISTRICT = 3;

export function homeRoutes(deps: AppDeps): Router {
  const router = Router();
  for (const locale of LOCALES) {
    router.get(urls.home(locale), (req, res) => {
      assertSinglePage(req);
      const t = deps.i18n.t(locale);
      const latest = deps.index.articles.page(locale, 1, CARDS + 4);
      // The lead is the newest story with a picture among the first few, else the newest.
      const leadIndex = Math.max(
        0,
        latest.items.slice(0, 4).findIndex((a) => a.image),
      );
      const lead = latest.items[leadIndex];
      const cards = latest.items.filter((_a, i) => i !== leadIndex).slice(0, CARDS);
      // Only districts with news in this language: the others would lead to empty pages.
      const { groups } = districtGroups(deps, locale);
      const byDistrict = groups.flatMap((g) =>
        g.districts.map((d) => ({ ...d, items: deps.index.articles.page(`${locale}:d:${d.id}`, 1, PER_DISTRICT).items.map((a) => articleCard(deps, a)) })),
      );
      const tags = deps.index.tags
        .all(locale)
        .sort((a, b) => b.count - a.count || collator(locale).compare(a.name, b.name))
        .slice(0, 12)
        .map((tag) => ({ name: tag.name, url: urls.tag(locale, tag.tag) }));
      renderPage(req, res, deps, "pages/home.njk", {
        ...pageLocals(deps, locale, {
          title: fullTitle(deps, locale, null),
          description: t("site.description"),
          path: urls.home(locale),
          ref: { kind: "home" },
          untranslated: untranslatedOf(req),
          section: "home",
          alerts: "language",
          alertFeed: {},
        }),
        lead: lead ? articleCard(deps, lead) : null,
        cards: cards.map((a) => articleCard(deps, a)),
        total: latest.total,
        groups,
        byDistrict,
        tags,
        wide: true,
      });
    });
  }
  return router;
}
