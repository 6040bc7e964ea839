// Where each feed lives: next to the page it follows, as feed.xml (RSS 2.0), atom.xml
// (Atom, RFC 4287) and feed.json (JSON Feed 1.1) — /bg/feed.xml, /bg/rayoni/<id>/atom.xml,
// /bg/etiketi/<tag>/feed.json.
import type { Locale } from "../../config.js";
import type { I18n } from "../../i18n/index.js";
import { urls } from "../../site/urls.js";

export type FeedScope =
  | { readonly kind: "site" }
  | { readonly kind: "district"; readonly id: string; readonly name: string }
  | { readonly kind: "tag"; readonly tag: string; readonly name: string };

export type FeedFormat = "rss" | "atom" | "json";

export const FEED_FORMATS: readonly FeedFormat[] = ["rss", "atom", "json"];

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
};

export const FEED_FILES: Record<FeedFormat, string> = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" };

/** The HTML page a feed follows. */
export function feedPage(locale: Locale, scope: FeedScope): string {
  if (scope.kind === "district") return urls.district(locale, scope.id);
  if (scope.kind === "tag") return urls.tag(locale, scope.tag);
  return urls.home(locale);
}

export function feedUrl(locale: Locale, scope: FeedScope, format: FeedFormat): string {
  return feedPage(locale, scope) + FEED_FILES[format];
}

export function feedTitle(i18n: I18n, locale: Locale, scope: FeedScope): string {
  const t = i18n.t(locale);
  const what =
    scope.kind === "district" ? t("feeds.district", { district: scope.name }) : scope.kind === "tag" ? t("feeds.tag", { tag: scope.name }) : t("feeds.all");
  return `${what} — ${t("site.name")}`;
}

/** <link rel="alternate"> entries for a page's head: the page's own feed first, then the site's. */
export function feedLinks(i18n: I18n, locale: Locale, scope: FeedScope | undefined, base = ""): { type: string; title: string; href: string }[] {
  const t = i18n.t(locale);
  const scopes: FeedScope[] = scope && scope.kind !== "site" ? [scope, { kind: "site" }] : [{ kind: "site" }];
  return scopes.flatMap((s) =>
    FEED_FORMATS.map((format) => ({
      type: FEED_TYPES[format],
      title: t(`feeds.${format}`, { title: feedTitle(i18n, locale, s) }),
      href: base + feedUrl(locale, s, format),
    })),
  );
}
