// What a page tells the head builders (Open Graph, JSON-LD) beyond title and description.
import type { Locale } from "../../config.js";
import type { ArticleEvent } from "../../content/article.js";

export interface PageImage {
  /** Root-relative (/media/…) or absolute URL. */
  readonly url: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
}

/** Article facts for og:type=article and NewsArticle; times are epoch ms. */
export interface ArticleHead {
  readonly headline: string;
  readonly published: number;
  readonly modified: number;
  /** The district's name in the page's language. */
  readonly section: string;
  readonly tags: readonly string[];
  readonly author: string | undefined;
  /** The event the article announces: an Event node beside the NewsArticle. */
  readonly event?: ArticleEvent | undefined;
}

/** The site strings the head builders print. */
export type SeoText = "site.name" | "site.publisher" | "site.description" | "seo.imageAlt";

/** What the head builders know of the site: these values only, never the app's dependencies. */
export interface SeoSite {
  /** BASE_URL, without a trailing slash. */
  readonly baseUrl: string;
  readonly timeZones: Readonly<Record<Locale, string>>;
  /** A public file's fingerprinted URL (the logo, the default share image). */
  readonly assetUrl: (name: string) => string;
  readonly text: (locale: Locale, key: SeoText) => string;
}
