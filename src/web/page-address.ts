// The one place that knows a page's address in the other language. The language
// switcher, the hreflang links in the head and the sitemaps all ask here, so they cannot
// disagree (issue 20 item 5, issue 22).
//
// Two answers per language: `alternate`, the same page there (what hreflang and sitemaps
// list; null when there is none), and `href`, where the switcher sends a reader: the
// alternate when it exists, otherwise the nearest page of the same kind (the article's
// district, the topics list, the alerts list…) with `?untranslated=<kind>` so that page
// can say "This article has no Polish version". Never silently the home page.
import { LOCALES, type Locale } from "../config.js";
import { urls } from "../site/urls.js";
import { subscriptionUrls } from "../subscriptions/urls.js";

/** What a page is, with what its counterparts depend on (looked up by the route). */
export type PageRef =
  | { readonly kind: "home" | "news" | "districts" | "tags" | "accessibility" | "api" | "events" | "alerts" | "alertArchive" | "privacy" | "subscribe" }
  | { readonly kind: "district" | "districtEvents" | "alertsOfDistrict"; readonly id: string }
  /** `translations`: slug per language (this one included); `district` is where a reader lands without one. */
  | { readonly kind: "article"; readonly district: string; readonly translations: Partial<Record<Locale, string>> }
  | { readonly kind: "alert"; readonly translations: Partial<Record<Locale, string>> }
  /** Tags are words of one language: `existsIn` lists where a tag of the same address has articles. */
  | { readonly kind: "tag"; readonly tag: string; readonly existsIn: readonly Locale[] }
  /** The search keeps the reader's query and filters, not the results page. */
  | { readonly kind: "search"; readonly q?: string; readonly district?: string | undefined; readonly year?: string | undefined }
  /** An error page: there is nothing to translate; the other language's home says so. */
  | { readonly kind: "missing" };

/** Why the switcher landed somewhere else: the `?untranslated=` values, each with a localized note. */
export const UNTRANSLATED = ["article", "alert", "tag", "page"] as const;
export type Untranslated = (typeof UNTRANSLATED)[number];
export const UNTRANSLATED_PARAM = "untranslated";

export interface Address {
  /** The same page in that language, for hreflang and sitemaps; null when it has none. */
  readonly alternate: string | null;
  /** Where the language switcher goes. */
  readonly href: string;
}

const noted = (path: string, why: Untranslated) => `${path}?${UNTRANSLATED_PARAM}=${why}`;
const same = (path: string): Address => ({ alternate: path, href: path });

/** The address of `page` in language `l`. */
export function addressIn(page: PageRef, l: Locale): Address {
  switch (page.kind) {
    case "home":
      return same(urls.home(l));
    // Listings: their first page (page N of one language is not page N of the other).
    case "news":
      return same(urls.news(l));
    case "districts":
      return same(urls.districts(l));
    case "tags":
      return same(urls.tags(l));
    case "accessibility":
      return same(urls.accessibility(l));
    case "api":
      return same(urls.api(l));
    case "privacy":
      return same(subscriptionUrls.privacy(l));
    case "subscribe":
      return same(subscriptionUrls.subscribe(l));
    case "events":
      return same(urls.events(l));
    case "alerts":
      return same(urls.alerts(l));
    case "alertArchive":
      return same(urls.alertArchive(l));
    case "district":
      return same(urls.district(l, page.id));
    case "districtEvents":
      return same(urls.districtEvents(l, page.id));
    case "alertsOfDistrict":
      return same(urls.alertsOfDistrict(l, page.id));
    case "article": {
      const slug = page.translations[l];
      return slug ? same(urls.article(l, slug)) : { alternate: null, href: noted(urls.district(l, page.district), "article") };
    }
    case "alert": {
      const slug = page.translations[l];
      return slug ? same(urls.alert(l, slug)) : { alternate: null, href: noted(urls.alerts(l), "alert") };
    }
    case "tag":
      // Not an hreflang alternate even when the word exists there: it is another topic.
      if (page.existsIn.includes(l)) return { alternate: null, href: urls.tag(l, page.tag) };
      return { alternate: null, href: noted(urls.tags(l), "tag") };
    case "search": {
      // Only the query and filters travel (a results page number does not).
      const qs = new URLSearchParams();
      if (page.q) qs.set("q", page.q);
      if (page.district) qs.set("district", page.district);
      if (page.year) qs.set("year", page.year);
      const query = qs.toString();
      return { alternate: urls.search(l), href: query ? `${urls.search(l)}?${query}` : urls.search(l) };
    }
    case "missing":
      return { alternate: null, href: noted(urls.home(l), "page") };
  }
}

/** `addressIn` for every language: hreflang alternates (the page itself included) and switcher links. */
export function addresses(page: PageRef): { alternates: Partial<Record<Locale, string>>; hrefs: Record<Locale, string> } {
  const alternates: Partial<Record<Locale, string>> = {};
  const hrefs = {} as Record<Locale, string>;
  for (const l of LOCALES) {
    const a = addressIn(page, l);
    if (a.alternate !== null) alternates[l] = a.alternate;
    hrefs[l] = a.href;
  }
  return { alternates, hrefs };
}
