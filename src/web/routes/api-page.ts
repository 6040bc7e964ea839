// The human page of the JSON API, one per language (/bg/api/, /pl/api/): what each
// endpoint returns, curl examples with real district ids, licence, rate of change and
// the versioning promise. The endpoint list comes from the OpenAPI ENDPOINTS.
import { Router } from "express";
import { LOCALES } from "../../config.js";
import { exportUrls } from "../../api/export.js";
import { API_BASE, ENDPOINTS } from "../../api/openapi.js";
import { fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { assertSinglePage } from "../params.js";
import { renderPage } from "../send.js";
import { urls } from "../../site/urls.js";

export function apiPageRoutes(deps: AppDeps): Router {
  const router = Router();
  for (const locale of LOCALES) {
    const t = deps.i18n.t(locale);
    router.get(urls.api(locale), (req, res) => {
      assertSinglePage(req);
      const base = deps.config.baseUrl;
      const counts = deps.index.districts.counts(locale);
      // The example district: the one with most articles in this language.
      const district = deps.index.districts
        .all(deps.index.version())
        .filter((d) => counts.has(d.id))
        .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))[0];
      renderPage(req, res, deps, "pages/api.njk", {
        ...pageLocals(deps, locale, {
          title: fullTitle(deps, locale, t("api.title")),
          description: t("api.description"),
          path: urls.api(locale),
          ref: { kind: "api" },
          breadcrumbs: [
            { name: t("nav.home"), url: urls.home(locale) },
            { name: t("api.title"), url: urls.api(locale) },
          ],
        }),
        apiBase: base + API_BASE,
        endpoints: ENDPOINTS.map((e) => ({ path: API_BASE + e.path, summary: e.summary, params: Object.keys(e.query.shape) })),
        example: district ? { id: district.id, name: district.name[locale] } : null,
        exports: LOCALES.map((l) => ({ lang: l, name: deps.i18n.t(l)("lang.name"), url: base + exportUrls.file(l) })),
        catalog: base + exportUrls.catalog(),
      });
    });
  }
  return router;
}
