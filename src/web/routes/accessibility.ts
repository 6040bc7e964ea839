// The accessibility statement pages (/bg/dostapnost/, /pl/deklaracja-dostepnosci/).
// Each statement is read from content/accessibility/<locale>.yml, re-read only when
// the file changes (one stat per request).
import { Router } from "express";
import { LOCALES, type Locale } from "../../config.js";
import { statementLoader, type Statement } from "../../content/accessibility.js";
import { formatIssueIn, type ContentIssue } from "../../content/issues.js";
import { HttpError } from "../../errors.js";
import { formatDate } from "../../i18n/format.js";
import { fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { assertSinglePage } from "../params.js";
import { renderPage } from "../send.js";
import { urls } from "../../site/urls.js";

/** Polish statements show dates as YYYY-MM-DD (technical conditions); Bulgarian ones as words. */
function dateView(iso: string, locale: Locale): { iso: string; text: string } {
  return { iso, text: locale === "pl" ? iso : formatDate(Date.parse(`${iso}T12:00:00Z`), locale, "UTC") };
}

function datesOf(s: Statement, locale: Locale) {
  return {
    published: dateView(s.published, locale),
    updated: dateView(s.updated, locale),
    prepared: dateView(s.prepared.date, locale),
    reviewed: s.prepared.reviewed ? dateView(s.prepared.reviewed, locale) : null,
  };
}

export function accessibilityRoutes(deps: AppDeps): Router {
  const router = Router();
  const lines = (issues: readonly ContentIssue[]) => issues.map((i) => formatIssueIn(i, deps.config.editorLang));
  for (const locale of LOCALES) {
    const t = deps.i18n.t(locale);
    const load = statementLoader(deps.config.contentDir, locale, {
      dataDir: deps.config.dataDir,
      onHeld: (issues) => deps.logger.warn({ problems: lines(issues) }, "accessibility statement has errors; its last valid version is served"),
    });
    router.get(urls.accessibility(locale), (req, res) => {
      assertSinglePage(req);
      const { statement, issues } = load();
      if (!statement) {
        // A broken statement is an editor's mistake that `npm run check` also reports;
        // the visitor gets the error page, the log says which line to fix.
        deps.logger.error({ problems: lines(issues) }, "accessibility statement cannot be shown");
        throw new HttpError(500, "Accessibility statement invalid");
      }
      // The file is read outside the content index, so its version does not key this page.
      res.locals.renderCache = false;
      renderPage(req, res, deps, "pages/accessibility.njk", {
        ...pageLocals(deps, locale, {
          title: fullTitle(deps, locale, t("a11y.title")),
          description: t("a11y.description"),
          path: urls.accessibility(locale),
          ref: { kind: "accessibility" },
          breadcrumbs: [
            { name: t("nav.home"), url: urls.home(locale) },
            { name: t("a11y.title"), url: urls.accessibility(locale) },
          ],
        }),
        s: statement,
        dates: datesOf(statement, locale),
        phoneHref: `tel:${statement.contact.phone.replace(/[^+\d]/g, "")}`,
      });
    });
  }
  return router;
}
