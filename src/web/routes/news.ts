import { Router } from "express";
import { LOCALES } from "../../config.js";
import { SLUG_PATTERN } from "../../content/schema.js";
import { toIsoWithOffset } from "../../content/dates.js";
import { slugify } from "../../content/slug.js";
import { HttpError } from "../../errors.js";
import { formatDate, isoDay } from "../../i18n/format.js";
import { articleCard, fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { eventView } from "../event-view.js";
import { assertPage, assertSinglePage, pageLinks, pageNumber } from "../params.js";
import { redirectTo } from "../redirect.js";
import { renderPage } from "../send.js";
import { SEGMENTS, urls } from "../../site/urls.js";

export const PER_PAGE = 20;

/** "<slug>-YYYY-MM-DD": the address a later article of the same title gets (src/content/cross-check.ts). */
const DATED = /^(.+)-(\d{4}-\d{2}-\d{2})$/;

export function newsRoutes(deps: AppDeps): Router {
  const router = Router();
  for (const locale of LOCALES) {
    const t = deps.i18n.t(locale);
    router.get(urls.news(locale), (req, res) => {
      const page = pageNumber(req);
      const list = deps.index.articles.page(locale, page, PER_PAGE);
      assertPage(page, list.pages);
      const title = page > 1 ? t("news.titlePage", { page }) : t("news.title");
      renderPage(req, res, deps, "pages/list.njk", {
        ...pageLocals(deps, locale, {
          title: fullTitle(deps, locale, title),
          description: t("news.description"),
          path: urls.news(locale, page),
          ref: { kind: "news" },
          section: "news",
          breadcrumbs: [
            { name: t("nav.home"), url: urls.home(locale) },
            { name: t("news.title"), url: urls.news(locale) },
          ],
          ...pageLinks(page, list.pages, (n) => urls.news(locale, n)),
          alerts: "language",
        }),
        heading: title,
        list: { ...list, items: list.items.map((a) => articleCard(deps, a)) },
        hrefFor: (n: number) => urls.news(locale, n),
        emptyText: t("news.empty"),
      });
    });

    router.get(`/${locale}/${SEGMENTS[locale].news}/:slug/`, (req, res, next) => {
      const slug = req.params.slug;
      if (!SLUG_PATTERN.test(slug)) throw new HttpError(404, "Not a slug");
      const now = deps.index.now();
      const preview = deps.config.env === "development";
      const a = deps.index.articles.bySlug(locale, slug, now, preview);
      if (!a) {
        // A dated address ("grafik-2026-02-10", given to a later article with the same title)
        // moves to the plain one when the earlier article is deleted; links to it must
        // still arrive. The rule reads only the tree, like the addresses themselves.
        const dated = DATED.exec(slug);
        const plain = dated && !deps.index.articles.alias(req.path, now) ? deps.index.articles.bySlug(locale, dated[1]!, now, preview) : null;
        if (plain && isoDay(plain.date, deps.config.timeZones[locale]) === dated![2]) return redirectTo(res, 301, urls.article(locale, plain.slug));
        // Unknown here may still be an old address listed in some article's aliases.
        return next();
      }
      assertSinglePage(req);
      const card = articleCard(deps, a);
      const tz = deps.config.timeZones[locale];
      const translations = deps.index.articles.translations(a, now).map((tr) => ({
        lang: tr.lang,
        slug: tr.slug,
        title: tr.title,
        url: urls.article(tr.lang, tr.slug),
        languageName: deps.i18n.t(tr.lang)("lang.name"),
      }));
      const ref = {
        kind: "article",
        district: a.district,
        translations: { [locale]: a.slug, ...Object.fromEntries(translations.map((tr) => [tr.lang, tr.slug])) },
      } as const;
      let banner: string | null = null;
      if (a.draft) banner = t("preview.draft");
      else if (a.date > now) banner = t("preview.scheduled", { date: formatDate(a.date, locale, tz) });
      else if (a.expires !== undefined && a.expires <= now) banner = t("preview.expired");
      renderPage(req, res, deps, "pages/article.njk", {
        ...pageLocals(deps, locale, {
          title: fullTitle(deps, locale, a.title),
          description: a.summary,
          path: card.url,
          ref,
          section: "news",
          noindex: banner !== null,
          breadcrumbs: [
            { name: t("nav.home"), url: urls.home(locale) },
            { name: card.districtName, url: card.districtUrl },
            { name: a.title, url: card.url },
          ],
          image: a.image,
          alerts: { district: a.district },
          article: {
            headline: a.title,
            published: a.date,
            modified: Math.max(a.date, a.modified),
            section: card.districtName,
            tags: a.tags,
            author: a.author,
            event: a.event,
          },
        }),
        preview: banner,
        article: {
          ...card,
          author: a.author,
          html: a.html,
          image: a.image,
          // `modified`: updated, else the last commit of the file (content/git-dates.ts); shown from the next day on.
          updatedIso: a.modified > a.date ? toIsoWithOffset(a.modified, tz) : null,
          updatedText: a.modified > a.date && formatDate(a.modified, locale, tz) !== card.dateText ? formatDate(a.modified, locale, tz) : null,
          tags: a.tags.map((name) => ({ name, url: urls.tag(locale, slugify(name, locale)) })),
          event: a.event ? eventView(deps, a, a.event) : null,
          // The change notes, newest first (front matter changes:), listed at the end.
          changes: a.changes.map((c) => ({ dateIso: toIsoWithOffset(c.date, tz), dateText: formatDate(c.date, locale, tz), note: c.note })),
        },
        translations,
        related: deps.index.articles.related(a, 3).map((r) => articleCard(deps, r)),
      });
    });
  }
  return router;
}
