// Locale-aware formatting with Intl: long dates, collation, language tags.
import type { Locale } from "../config.js";

// Building an Intl.DateTimeFormat costs about 0.1 ms and each one holds native ICU memory
// that V8 does not count: made per call, they fragmented the heap by hundreds of MB under
// load. Every (locale, options) pair is made once and kept; the pairs are few.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The one Intl.DateTimeFormat for these locale and options. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** "29 септември 2017 г." / "29 września 2017", in the given time zone. */
export function formatDate(epochMs: number, locale: Locale, timeZone: string): string {
  return dateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone }).format(epochMs);
}

/** YYYY-MM-DD of an instant in a time zone, for <time datetime> and the Polish statement. */
export function isoDay(epochMs: number, timeZone: string): string {
  return dateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(epochMs);
}

const collators = new Map<Locale, Intl.Collator>();

/** The locale's alphabetical order (Polish: Ł after L; Bulgarian Cyrillic order). */
export function collator(locale: Locale): Intl.Collator {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale, { sensitivity: "base", numeric: true })));
  return c;
}

/** Open Graph locale codes. */
export const OG_LOCALE: Record<Locale, string> = { bg: "bg_BG", pl: "pl_PL" };
