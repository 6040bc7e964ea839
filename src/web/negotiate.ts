import type { Request, Response } from "express";
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

/**
 * The locale for a response whose body (or Location) is chosen by Accept-Language. It
 * says so with `Vary: Accept-Language` (RFC 9110 §12.5.5): without it a shared cache
 * hands one reader's language to the next. Every such choice goes through here.
 */
export function localeForResponse(req: Request, res: Response, fallback: Locale): Locale {
  res.vary("Accept-Language");
  return negotiateLocale(req.headers["accept-language"], fallback);
}

export { LOCALES };
