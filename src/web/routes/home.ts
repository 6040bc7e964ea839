import { Router } from "express";
import { LOCALES } from "../../config.js";
import { collator } from "../../i18n/format.js";
import { articleCard, fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { assertSinglePage, untranslatedOf } from "../params.js";
import { renderPage } from "../send.js";
import { urls } from "../../site/urls.js";

export function homeRoutes(deps: AppDeps): Router {
  const router = Router();
  for (const locale of LOCALES) {
    router.get(urls.home(locale), (req, res) => {
      assertSinglePage(req);
      const t = deps.i18n.t(locale);
      const version = deps.index.version();
      const latest = deps.index.articles.page(locale, 1, 8);
      const counts = deps.index.districts.counts(locale);
      const districts = deps.index.districts
        .all(version)
        .map((d) => ({ name: d.name[locale], url: urls.district(locale, d.id), count: counts.get(d.id) ?? 0 }))
        .sort((a, b) => collator(locale).compare(a.name, b.name));
      const tags = deps.index.tags
        .all(locale)
        .sort((a, b) => b.count - a.count || collator(locale).compare(a.name, b.name))
        .slice(0, 12)
        .map((tag) => ({ name: tag.name, url: urls.tag(locale, tag.tag) }));
      renderPage(req, res, deps, "pages/home.njk", {
        ...pageLocals(deps, locale, { title: fullTitle(deps, locale, null), description: t("site.description"), path: urls.home(locale), ref: { kind: "home" }, untranslated: untranslatedOf(req), section: "home", alerts: "language", alertFeed: {} }),
        latest: latest.items.map((a) => articleCard(deps, a)),
        total: latest.total,
        districts,
        tags,
      });
    });
  }
  return router;
}
