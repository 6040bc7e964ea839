// Every Nunjucks global, by the name templates use (env.ts registers them in a loop).
// Routes add none: what a page needs beyond these comes in its view model.
import { pictureData } from "../../../media/picture.js";
import { absolute, urls } from "../../../site/urls.js";
import { pageWindow } from "./page-window.js";

export interface GlobalsSite {
  /** BASE_URL, without a trailing slash. */
  readonly baseUrl: string;
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
  };
}
