// The links a public body must show, from its district file: official website, BIP
// (Polish public information bulletin), "Достъп до информация" (Bulgarian ЗДОИ art. 15a),
// accessibility statement. Each in the page's words; a link to a page in the other
// language says so with hreflang.
import type { Locale } from "../config.js";
import type { District } from "../content/district.js";
import type { AppDeps } from "./deps.js";

export interface LegalLink {
  readonly kind: "website" | "bip" | "accessToInformation" | "accessibilityStatement";
  readonly url: string;
  readonly text: string;
}

export function legalLinks(deps: AppDeps, locale: Locale, d: District): LegalLink[] {
  const t = deps.i18n.t(locale);
  const name = d.name[locale];
  const out: LegalLink[] = [];
  if (d.website) out.push({ kind: "website", url: d.website, text: t("districts.website", { district: name }) });
  if (d.bip) out.push({ kind: "bip", url: d.bip, text: t("legal.bip", { district: name }) });
  if (d.accessToInformation) out.push({ kind: "accessToInformation", url: d.accessToInformation, text: t("legal.accessToInformation", { district: name }) });
  if (d.accessibilityStatement)
    out.push({ kind: "accessibilityStatement", url: d.accessibilityStatement, text: t("legal.accessibilityStatement", { district: name }) });
  return out;
}
