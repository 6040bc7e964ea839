// schema.org SpecialAnnouncement (https://schema.org/SpecialAnnouncement) for an alert's
// page: what it is about, when it applies, where, and who says so.
import type { AlertRow } from "../../index/alert-row.js";
import type { AlertCard } from "../alert-view.js";
import type { AppDeps } from "../deps.js";
import { urls } from "../../site/urls.js";

export function specialAnnouncement(deps: AppDeps, a: AlertRow, card: AlertCard): Record<string, unknown> {
  const base = deps.config.baseUrl;
  const t = deps.i18n.t(a.lang);
  const places = a.districts === "all" ? [t("alerts.allDistricts")] : card.districts.map((d) => d.name);
  return {
    "@context": "https://schema.org",
    "@type": "SpecialAnnouncement",
    name: a.title,
    text: a.text,
    category: `${base}${urls.alerts(a.lang)}#${a.kind}`,
    inLanguage: a.lang,
    url: base + card.url,
    datePosted: card.startIso,
    expires: card.endIso,
    spatialCoverage: [...places, ...(a.area ? [a.area] : [])].map((name) => ({ "@type": "Place", name })),
    announcementLocation: { "@type": "CivicStructure", name: t("site.publisher"), url: base + urls.home(a.lang) },
  };
}
