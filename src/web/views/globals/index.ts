// Every Nunjucks global, by the name templates use (env.ts registers them in a loop).
// Routes add none: what a page needs beyond these comes in its view model.
import { pictureData } from "../../../media/picture.js";
import { absolute, urls } from "../../../site/urls.js";
import { subscriptionUrls } from "../../../subscriptions/urls.js";
import { DEFAULT_SITE, type SiteIdentity } from "../../../content/site.js";
import { pageWindow } from "./page-window.js";
import { siteGlobal } from "./site.js";

export interface GlobalsSite {
  /** BASE_URL, without a trailing slash. */
  readonly baseUrl: string;
  /** The city's identity (content/site.yml); the neutral default when absent. */
  readonly identity?: SiteIdentity;
}

export function globals(site: GlobalsSite) {
  return {
    /** Page numbers around the current one (partials/nav.njk). */
    pageWindow,
    /** <picture> sources and srcset of a picture (partials/picture.njk). */
    pictureSources: pictureData,
    // The Polish technical conditions ask for <meta name="deklaracja-dostępności"> with the
    // statement's address on every page of the site (layouts/base.njk).
    accessibilityStatementUrl: absolute(site.baseUrl, urls.accessibility("pl")),
    /** The subscription and privacy pages' addresses (partials/footer.njk). */
    subscriptionUrls,
    /** The city's logo, theme colour, publisher and footer links (layouts/base.njk). */
    site: siteGlobal(site.identity ?? DEFAULT_SITE),
  };
}
