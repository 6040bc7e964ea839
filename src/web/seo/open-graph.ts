// Open Graph (https://ogp.me/) and Twitter card tags: how a link to the page looks when
// shared. Every URL here is absolute, as the protocol requires.
import { LOCALES, type Locale } from "../../config.js";
import { toIsoWithOffset } from "../../content/dates.js";
import { OG_LOCALE } from "../../i18n/format.js";
import { MEDIA_PREFIX, OG_SIZE, ogImageUrl } from "../../site/media-urls.js";
import type { ArticleHead, PageImage, SeoSite } from "./head-types.js";

/** The site default image, public/img/og-default.png (1200×630, the size Facebook and X recommend). */
export function defaultImage(site: SeoSite, locale: Locale): PageImage {
  return { url: site.assetUrl("img/og-default.png"), alt: site.text(locale, "seo.imageAlt"), width: 1200, height: 630 };
}

/**
 * The picture a shared link shows (og:image, and NewsArticle's image): an article picture
 * as its 1200×630 cover crop (site/media-urls.ts), the card size link previews show whole,
 * not the original (issue 20 item 10); else the site default.
 */
export function sharedImage(site: SeoSite, locale: Locale, image: PageImage | undefined): PageImage {
  if (!image) return defaultImage(site, locale);
  return image.url.startsWith(MEDIA_PREFIX) ? { ...image, url: ogImageUrl(image.url), ...OG_SIZE } : image;
}

export const absoluteUrl = (base: string, url: string) => (/^https?:\/\//.test(url) ? url : base + url);

export interface OpenGraphInput {
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly image: PageImage | undefined;
  readonly article: ArticleHead | undefined;
  /** Languages in which this page also exists. */
  readonly alternates: readonly Locale[];
}

export function openGraph(
  site: SeoSite,
  locale: Locale,
  input: OpenGraphInput,
): { og: { property: string; content: string }[]; twitter: { name: string; content: string }[] } {
  const base = site.baseUrl;
  const image = sharedImage(site, locale, input.image);
  const tz = site.timeZones[locale];
  const og: [string, string][] = [
    ["og:site_name", site.text(locale, "site.name")],
    ["og:type", input.article ? "article" : "website"],
    ["og:title", input.title],
    ["og:description", input.description],
    ["og:url", input.url],
    ["og:locale", OG_LOCALE[locale]],
    ...LOCALES.filter((l) => l !== locale && input.alternates.includes(l)).map((l): [string, string] => ["og:locale:alternate", OG_LOCALE[l]]),
    ["og:image", absoluteUrl(base, image.url)],
    ["og:image:width", String(image.width)],
    ["og:image:height", String(image.height)],
    ["og:image:alt", image.alt],
  ];
  const a = input.article;
  if (a) {
    og.push(
      ["article:published_time", toIsoWithOffset(a.published, tz)],
      ["article:modified_time", toIsoWithOffset(Math.max(a.published, a.modified), tz)],
      ["article:section", a.section],
      ...a.tags.map((tag): [string, string] => ["article:tag", tag]),
    );
  }
  return {
    og: og.map(([property, content]) => ({ property, content })),
    // X/Twitter reads og:title, og:description and og:image when its own tags are absent.
    twitter: [
      { name: "twitter:card", content: "summary_large_image" },
      { name: "twitter:image:alt", content: image.alt },
    ],
  };
}
