import { Router } from "express";
import { LOCALES } from "../../config.js";
import { SLUG_PATTERN } from "../../content/schema.js";
import { HttpError } from "../../errors.js";
import { collator } from "../../i18n/format.js";
import { articleCard, fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { assertPage, assertSinglePage, pageLinks, pageNumber, untranslatedOf } from "../params.js";
import { renderPage } from "../send.js";
import { SEGMENTS, urls } from "../../site/urls.js";
import { PER_PAGE } from "./news.js";

export function tagRoutes(deps: AppDeps): Router {
  const router = Router();
  for (const locale of LOCALES) {
    const t = deps.i18n.t(locale);
    const home = { name: t("nav.home"), url: urls.home(locale) };
    const index = { name: t("tags.title"), url: urls.tags(locale) };

    router.get(urls.tags(locale), (req, res) => {
      assertSinglePage(req);
      const tags = deps.index.tags
        .all(locale)
        .sort((a, b) => collator(locale).compare(a.name, b.name))
        .map((tag) => ({ name: tag.name, count: tag.count, url: urls.tag(locale, tag.tag) }));
      renderPage(req, res, deps, "pages/tags.njk", {
        ...pageLocals(deps, locale, {
          title: fullTitle(deps, locale, t("tags.title")),
          description: t("tags.description"),
          path: urls.tags(locale),
          ref: { kind: "tags" },
          untranslated: untranslatedOf(req),
          section: "tags",
          breadcrumbs: [home, index],
        }),
        tags,
      });
    });

    router.get(`/${locale}/${SEGMENTS[locale].tags}/:tag/`, (req, res) => {
      const tag = req.params.tag;
      if (!SLUG_PATTERN.test(tag)) throw new HttpError(404, "Not a tag");
      const name = deps.index.tags.name(locale, tag);
      const page = pageNumber(req);
      const list = deps.index.articles.page(`${locale}:t:${tag}`, page, PER_PAGE);
      // A tag exists while at least one published article carries it.
      if (!name || list.total === 0) throw new HttpError(404, "No such tag");
      assertPage(page, list.pages);
      const heading = t("tags.tag", { tag: name });
      const title = page > 1 ? t("tags.tagPage", { tag: name, page }) : heading;
      renderPage(req, res, deps, "pages/list.njk", {
        ...pageLocals(deps, locale, {
          title: fullTitle(deps, locale, title),
          description: t("tags.tagDescription", { tag: name }),
          path: urls.tag(locale, tag, page),
          ref: { kind: "tag", tag, existsIn: LOCALES.filter((l) => l !== locale && deps.index.articles.count(`${l}:t:${tag}`) > 0) },
          section: "tags",
          breadcrumbs: [home, index, { name, url: urls.tag(locale, tag) }],
          ...pageLinks(page, list.pages, (n) => urls.tag(locale, tag, n)),
          feed: { kind: "tag", tag, name },
        }),
        heading,
        list: { ...list, items: list.items.map((a) => articleCard(deps, a)) },
        hrefFor: (n: number) => urls.tag(locale, tag, n),
        emptyText: "",
        subscribeTopic: tag,
      });
    });
  }
  return router;
}
