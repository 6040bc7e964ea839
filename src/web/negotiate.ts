import { LOCALES, isLocale, type Locale } from "../config.js";

/**
 * The best supported locale for an Accept-Language header (RFC 9110 §12.5.4): ranges
 * ordered by q-value, "bg-BG" matches "bg", q=0 excludes. Garbage yields the fallback.
 */
export function negotiateLocale(header: string | undefined, fallback: Locale): Locale {
  if (!header || header.length > 1000) return fallback;
  const ranges = header
    .split(",")
    .slice(0, 30)
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", q: q === undefined ? 1 : Number(q), i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranges) {
    if (isLocale(r.lang)) return r.lang;
    if (r.lang === "*") return fallback;
  }
  return fallback;
}

export { LOCALES };
