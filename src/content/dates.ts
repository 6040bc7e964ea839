// Dates in front matter: a bare calendar date (midnight in the portal's time zone
// for that language) or an ISO 8601 date-time with an explicit offset.
import { dateTimeFormat } from "../i18n/format.js";
import { msg, type Message } from "./messages/index.js";

const BARE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one; Date.UTC never rolls 02-30 into March here.
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Why a date string is not acceptable, or null when it is. */
export function dateProblem(value: string): Message | null {
  const bare = BARE.exec(value);
  const full = bare ? null : DATE_TIME.exec(value);
  const parts = bare ?? full;
  if (!parts) return msg("date.notDate", { value });
  const [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (!isRealDate(y, m, d)) return msg("date.notReal", { value });
  if (full && (Number(full[4]) > 23 || Number(full[5]) > 59 || Number(full[6] ?? 0) > 59)) {
    return msg("date.notRealTime", { value });
  }
  return null;
}

/**
 * Why a calendar day (YYYY-MM-DD, no time) is not acceptable, or null: the one "is this a
 * real date" check of the accessibility statements, `npm run new` and the front matter.
 */
export function dayProblem(value: string): Message | null {
  return BARE.test(value) ? dateProblem(value) : msg("date.notDay", { value });
}

// "GMT+03:00", or "GMT" alone for UTC; seconds appear only for local mean time (before ~1900).
const GMT_OFFSET = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/;

/**
 * Offset of a time zone from UTC at an instant, asked of ICU. The zone's own offset name
 * is about four times cheaper to get than the local date and time in parts (2.5 against
 * 9.7 µs on Node 20), and a fresh build of 10,000 articles asks a few thousand times.
 */
function exactOffset(epochMs: number, timeZone: string): number {
  const m = GMT_OFFSET.exec(dateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).format(epochMs));
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60;
  return (m[1] === "-" ? -1 : 1) * Math.round(minutes);
}

// Offsets change at most a few times a year, and never twice within a week, so a week
// whose two ends have the same offset has it throughout. The offsets at week starts are
// kept (each shared by two weeks): about one ICU call per week of dates, plus the
// instants inside the weeks that hold a change.
const WEEK_MS = 7 * 86_400_000;
const weekStarts = new Map<string, Map<number, number>>();

function weekStartOffset(week: number, timeZone: string): number {
  let zone = weekStarts.get(timeZone);
  if (!zone) weekStarts.set(timeZone, (zone = new Map()));
  let offset = zone.get(week);
  if (offset === undefined) {
    if (zone.size >= 20_000) zone.clear(); // bounded, whatever dates the content holds
    zone.set(week, (offset = exactOffset(week * WEEK_MS, timeZone)));
  }
  return offset;
}

/** Offset of a time zone from UTC, in minutes, at a given instant. */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const week = Math.floor(epochMs / WEEK_MS);
  const start = weekStartOffset(week, timeZone);
  return start === weekStartOffset(week + 1, timeZone) ? start : exactOffset(epochMs, timeZone);
}

/** Epoch milliseconds of a validated date string; a bare date is midnight in `timeZone`. */
export function toEpochMs(value: string, timeZone: string): number {
  const bare = BARE.exec(value);
  if (!bare) return Date.parse(value.replace(" ", "T"));
  const utcMidnight = Date.UTC(Number(bare[1]), Number(bare[2]) - 1, Number(bare[3]));
  // Two passes settle the offset even when midnight is next to a DST change.
  let guess = utcMidnight - zoneOffsetMinutes(utcMidnight, timeZone) * 60000;
  guess = utcMidnight - zoneOffsetMinutes(guess, timeZone) * 60000;
  return guess;
}

/** ISO 8601 with the offset of `timeZone` (for JSON-LD, feeds and sitemaps): 2026-10-29T00:00:00+02:00. */
export function toIsoWithOffset(epochMs: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(epochMs, timeZone);
  const local = new Date(epochMs + offset * 60000).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
