// The privacy notice of the subscriptions (GDPR art. 13), one content file per language,
// content/privacy/<locale>.md, kept by editors like the accessibility statements and
// re-read only when the file changes (one stat per request).
import fs from "node:fs";
import path from "node:path";
import { Router } from "express";
import { LOCALES, type Locale } from "../../config.js";
import { renderBodyLater } from "../../content/markdown.js";
import { HttpError } from "../../errors.js";
import { subscriptionUrls } from "../../subscriptions/urls.js";
import { fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { assertSinglePage } from "../params.js";
import { renderPage } from "../send.js";

export const PRIVACY_FOLDER = "privacy";

function loader(file: string, locale: Locale): () => string | null {
  let cached: { mtimeMs: number; html: string } | null = null;
  return () => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return null;
    if (cached?.mtimeMs !== stat.mtimeMs) cached = { mtimeMs: stat.mtimeMs, html: renderBodyLater(fs.readFileSync(file, "utf8"), locale).html };
    return cached.html;
  };
}

export function privacyRoutes(deps: AppDeps): Router {
  const router = Router();
  for (const locale of LOCALES) {
    const t = deps.i18n.t(locale);
    const load = loader(path.join(deps.config.contentDir, PRIVACY_FOLDER, `${locale}.md`), locale);
    router.get(subscriptionUrls.privacy(locale), (req, res) => {
      assertSinglePage(req);
      const html = load();
      if (html === null) throw new HttpError(404, "No privacy notice in this language");
      // Read outside the content index: its version does not key this page.
      res.locals.renderCache = false;
      renderPage(req, res, deps, "pages/privacy.njk", {
        ...pageLocals(deps, locale, {
          title: fullTitle(deps, locale, t("subscriptions.privacyTitle")),
          path: subscriptionUrls.privacy(locale),
          ref: { kind: "privacy" },
          breadcrumbs: [
            { name: t("nav.home"), url: `/${locale}/` },
            { name: t("subscriptions.privacyTitle"), url: subscriptionUrls.privacy(locale) },
          ],
        }),
        html,
      });
    });
  }
  return router;
}
