// URLs of resized picture variants: /media-v/<width>/<format>/<path under /media/>.
// The width and format come from short fixed lists, so the set of variants per picture
// is small and bounded (no arbitrary ?w= that could fill the disk cache).
/** Where the pictures beside articles are served: /media/<path relative to content>. */
export const MEDIA_PREFIX = "/media/";

/** Widths served to srcset; a picture is never enlarged past its own width. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280] as const;
export const VARIANT_FORMATS = ["avif", "webp", "jpeg", "png"] as const;
/** The Open Graph card size (1.91:1) that Facebook, LinkedIn and messengers show in full. */
export const OG_SIZE = { width: 1200, height: 630 } as const;
export const VARIANT_PREFIX = "/media-v/";

export type VariantWidth = (typeof VARIANT_WIDTHS)[number];
export type VariantFormat = (typeof VARIANT_FORMATS)[number];
/** A width from the list, or "og" for the 1200×630 cover crop. */
export type VariantSize = VariantWidth | "og";

export const MIME: Record<VariantFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png" };

/** "/media/bg/x/a.jpg" → "/media-v/640/webp/bg/x/a.jpg" (the path keeps its percent-encoding). */
export function variantUrl(mediaUrl: string, size: VariantSize, format: VariantFormat): string {
  if (!mediaUrl.startsWith(MEDIA_PREFIX)) throw new Error(`not a media URL: ${mediaUrl}`);
  return `${VARIANT_PREFIX}${size}/${format}/${mediaUrl.slice(MEDIA_PREFIX.length)}`;
}

/**
 * The og:image for an article picture: a 1200×630 JPEG cover crop (JPEG because every
 * link-preview crawler reads it). Relative; prefix BASE_URL with site/urls.ts `absolute`.
 */
export function ogImageUrl(mediaUrl: string): string {
  return variantUrl(mediaUrl, "og", "jpeg");
}

/** The format an <img> falls back to for browsers without AVIF/WebP: JPEG stays JPEG, the rest PNG (keeps transparency). */
export function fallbackFormat(originalFormat: string): VariantFormat {
  return originalFormat === "jpeg" ? "jpeg" : "png";
}
