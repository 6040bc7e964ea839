// The data a <picture> needs (views/partials/picture.njk): AVIF and WebP sources and a
// fallback <img> in the original format, each with a srcset of the allowed widths up to
// the picture's own width — a browser then downloads what fits the layout (WCAG does not
// care, but people on slow mobile connections do).
import { MIME, VARIANT_WIDTHS, fallbackFormat, variantUrl, type VariantFormat, type VariantWidth } from "../site/media-urls.js";

export interface PictureSource {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly format: string;
}

export interface PictureData {
  readonly sources: { type: string; srcset: string }[];
  readonly src: string;
  readonly srcset: string;
  readonly sizes: string;
  readonly width: number;
  readonly height: number;
}

/** The article column: the .wrap max width (46rem) less its padding, or the viewport less 2rem. */
export const ARTICLE_SIZES = "(min-width: 48rem) 43rem, calc(100vw - 2rem)";

/**
 * Pairs of (requested width, real output width). A requested width past the original is
 * served at the original's width (never upscaled), so it is listed once, with its true width.
 */
export function variantWidths(originalWidth: number): { w: VariantWidth; actual: number }[] {
  const out: { w: VariantWidth; actual: number }[] = [];
  for (const w of VARIANT_WIDTHS) {
    out.push({ w, actual: Math.min(w, originalWidth) });
    if (w >= originalWidth) break;
  }
  return out;
}

const srcsetOf = (img: PictureSource, format: VariantFormat) =>
  variantWidths(img.width)
    .map(({ w, actual }) => `${variantUrl(img.url, w, format)} ${actual}w`)
    .join(", ");

export function pictureData(img: PictureSource, sizes: string = ARTICLE_SIZES): PictureData {
  const fallback = fallbackFormat(img.format);
  const widths = variantWidths(img.width);
  // The plain src is for browsers without srcset: a mid-size variant, not the original.
  const mid = widths.find((x) => x.w >= 960) ?? widths[widths.length - 1]!;
  return {
    sources: (["avif", "webp"] as const).map((f) => ({ type: MIME[f], srcset: srcsetOf(img, f) })),
    src: variantUrl(img.url, mid.w, fallback),
    srcset: srcsetOf(img, fallback),
    sizes,
    width: img.width,
    height: img.height,
  };
}
