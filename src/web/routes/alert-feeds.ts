// Alerts for machines (issue 23): an Atom feed and a JSON Feed (issue 26) of current
// alerts per language and per district, one CAP 1.2 message per alert version, and a JSON list for apps.
import { Router, type Request, type Response } from "express";
import { LOCALES, type Locale } from "../../config.js";
import { DISTRICT_ID_PATTERN } from "../../content/schema.js";
import { HttpError } from "../../errors.js";
import type { AlertRow } from "../../index/alert-row.js";
import { alertCard, alertFeedPath } from "../alert-view.js";
import type { AppDeps } from "../deps.js";
import { sendBody } from "../send.js";
import { CAP_TYPE, alertAtom, capMessage } from "../seo/cap-xml.js";
import { absoluteHtml } from "../seo/feed-xml.js";
import { alertJsonFeed } from "../seo/json-feed.js";
import { SEGMENTS, urls } from "../../site/urls.js";

const IDENTIFIER = /^alert\.[0-9a-f]{12}\.[0-9a-f]{16}(?:\.cancel)?$/;

export function alertFeedRoutes(deps: AppDeps): Router {
  const router = Router({ strict: true, caseSensitive: true });
  const base = deps.config.baseUrl;
  /** CAP sender: the site's host name, from BASE_URL. */
  const sender = new URL(base).host;

  const districtName = (locale: Locale, id: string) => deps.index.districts.all(deps.index.version()).find((d) => d.id === id)?.name[locale];

  function areaDesc(a: AlertRow): string {
    const t = deps.i18n.t(a.lang);
    const names = a.districts === "all" ? [t("alerts.allDistricts")] : a.districts.map((id) => districtName(a.lang, id) ?? id);
    return [names.join(", "), a.area].filter(Boolean).join("; ");
  }

  function currentFeed(req: Request, res: Response, locale: Locale, format: "atom" | "json", district?: string): void {
    deps.index.version();
    const now = deps.index.now();
    const t = deps.i18n.t(locale);
    const name = district ? districtName(locale, district) : undefined;
    if (district && !name) throw new HttpError(404, "No such district");
    const current = deps.index.alerts.current(locale, now, district);
    const site = t("site.name");
    const feed = {
      lang: locale,
      timeZone: deps.config.timeZones[locale],
      title: name ? t("alerts.feedDistrict", { district: name, site }) : t("alerts.feed", { site }),
      selfUrl: base + alertFeedPath(locale, district, format),
      pageUrl: base + (district ? urls.alertsOfDistrict(locale, district) : urls.alerts(locale)),
      publisher: t("site.publisher"),
      updated: Math.max(0, ...current.map((a) => a.sent)) || deps.index.versionSince(),
      entries: current.map((a) => {
        const card = alertCard(deps, a, now);
        const pageUrl = base + card.url;
        return {
          alert: a,
          pageUrl,
          capUrl: base + urls.alertCap(locale, a.identifier),
          summary: [card.severityText, card.kindText, card.spanText, areaDesc(a)].join(" · "),
          html: absoluteHtml(a.html, pageUrl),
        };
      }),
    };
    if (format === "json") sendBody(req, res, deps, alertJsonFeed(feed), "application/feed+json; charset=utf-8");
    else sendBody(req, res, deps, alertAtom(feed), "application/atom+xml; charset=utf-8");
  }

  for (const locale of LOCALES) {
    const seg = SEGMENTS[locale];
    for (const format of ["atom", "json"] as const) {
      const file = alertFeedPath(locale, undefined, format).slice(urls.alerts(locale).length);
      router.get(`${urls.alerts(locale)}${file}`, (req, res) => currentFeed(req, res, locale, format));
      router.get(`/${locale}/${seg.alerts}/${seg.districts}/:id/${file}`, (req, res) => {
        if (!DISTRICT_ID_PATTERN.test(req.params.id)) throw new HttpError(404, "Not a district id");
        currentFeed(req, res, locale, format, req.params.id);
      });
    }

    router.get(`/${locale}/${seg.alerts}/cap/:file`, (req, res) => {
      const identifier = req.params.file.replace(/\.xml$/, "");
      if (!req.params.file.endsWith(".xml") || !IDENTIFIER.test(identifier)) throw new HttpError(404, "Not a CAP identifier");
      deps.index.version();
      const a = deps.index.alerts.byIdentifier(locale, identifier);
      if (!a) throw new HttpError(404, "No such CAP message");
      const t = deps.i18n.t(locale);
      const body = capMessage({
        alert: a,
        sender,
        timeZone: deps.config.timeZones[locale],
        event: t(`alerts.kind.${a.kind}`),
        senderName: t("site.publisher"),
        web: base + urls.alert(locale, a.slug),
        areaDesc: areaDesc(a),
      });
      sendBody(req, res, deps, body, `${CAP_TYPE}; charset=utf-8`);
    });

    router.get(`${urls.alerts(locale)}alerts.json`, (req, res) => {
      deps.index.version();
      const now = deps.index.now();
      const alerts = deps.index.alerts.live(locale, now).map((a) => {
        const card = alertCard(deps, a, now);
        return {
          identifier: a.identifier,
          msgType: a.msgType,
          title: a.title,
          kind: a.kind,
          severity: a.severity,
          state: card.state,
          districts: a.districts,
          area: a.area,
          start: card.startIso,
          end: card.endIso,
          sent: new Date(a.sent).toISOString(),
          text: a.text,
          url: base + card.url,
          cap: base + urls.alertCap(locale, a.identifier),
        };
      });
      sendBody(req, res, deps, `${JSON.stringify({ language: locale, alerts }, null, 1)}\n`, "application/json; charset=utf-8");
    });
  }
  return router;
}
