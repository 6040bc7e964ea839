// Locale-aware formatting with Intl: long dates, collation, language tags.
import type { Locale } from "../config.js";

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "29 септември 2017 г." / "29 września 2017", in the given time zone. */
export function formatDate(epochMs: number, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone })));
  return f.format(epochMs);
}

/** YYYY-MM-DD of an instant in a time zone, for <time datetime> and the Polish statement. */
// One formatter per time zone: each Intl.DateTimeFormat holds native ICU memory that V8
// does not count, so building one per call fragmented the heap (hundreds of MB under load).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function isoDay(epochMs: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone })));
  return format.format(epochMs);
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
