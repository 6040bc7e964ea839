// iCalendar (RFC 5545) for events in articles: one event (the "add to calendar" link)
// or a subscribable feed per language and district. Written here rather than with a
// generator package: the output is one VEVENT shape and two fixed time zones, about a
// hundred lines, while the generators found (ical-generator) need a second package for
// VTIMEZONE data. The tests read every field back with ical.js, a real parser.
import { toIsoWithOffset } from "../../content/dates.js";

export interface CalendarEvent {
  /** Stable across replicas and edits: the article's id and the site's host. */
  readonly uid: string;
  readonly url: string;
  readonly title: string;
  readonly description: string;
  readonly start: number;
  readonly end: number | undefined;
  readonly allDay: boolean;
  readonly timeZone: string;
  readonly location: string;
  readonly geo: { readonly lat: number; readonly lon: number } | undefined;
  readonly online: string | undefined;
  /** The article's last change: DTSTAMP and LAST-MODIFIED. */
  readonly modified: number;
  /** Rises with every change of the article (see sequenceOf). */
  readonly sequence: number;
}

export interface Calendar {
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly lang: string;
  readonly events: readonly CalendarEvent[];
}

/**
 * The VTIMEZONE of each zone the portal uses: the EU rule since 1996 (last Sunday of
 * March and of October, at 01:00 UTC). Calendar apps use these when they do not know the
 * TZID, so the rule must be right for the years events are in.
 */
const VTIMEZONES: Record<string, string[]> = {
  "Europe/Sofia": zone("Europe/Sofia", 2, "EET", "EEST", "040000", "030000"),
  "Europe/Warsaw": zone("Europe/Warsaw", 1, "CET", "CEST", "030000", "020000"),
};

function zone(tzid: string, standardHours: number, standardName: string, daylightName: string, backAt: string, forwardAt: string): string[] {
  const off = (h: number) => `+${String(h).padStart(2, "0")}00`;
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${tzid}`,
    "BEGIN:DAYLIGHT",
    `TZOFFSETFROM:${off(standardHours)}`,
    `TZOFFSETTO:${off(standardHours + 1)}`,
    `TZNAME:${daylightName}`,
    `DTSTART:19700329T${forwardAt}`,
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    `TZOFFSETFROM:${off(standardHours + 1)}`,
    `TZOFFSETTO:${off(standardHours)}`,
    `TZNAME:${standardName}`,
    `DTSTART:19701025T${backAt}`,
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
  ];
}

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped. */
export function icalText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 octets are folded (§3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    // The first line holds 75 octets; the others 74 after their leading space.
    if (bytes + n > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const utc = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
/** Wall-clock time in the zone, as DATE-TIME with TZID: 20270328T100000. */
const local = (ms: number, tz: string) => toIsoWithOffset(ms, tz).slice(0, 19).replace(/[-:]/g, "");
const day = (ms: number, tz: string) => toIsoWithOffset(ms, tz).slice(0, 10).replace(/-/g, "");
const nextDay = (ms: number, tz: string) => {
  const d = toIsoWithOffset(ms, tz).slice(0, 10);
  return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10).replace(/-/g, "");
};

/** Minutes from publication to the last change: rises with every edit, so calendar apps take the update. */
export function sequenceOf(published: number, modified: number): number {
  return Math.max(0, Math.floor((modified - published) / 60_000));
}

function vevent(e: CalendarEvent): string[] {
  const when = e.allDay
    ? [`DTSTART;VALUE=DATE:${day(e.start, e.timeZone)}`, `DTEND;VALUE=DATE:${nextDay(e.end ?? e.start, e.timeZone)}`]
    : [`DTSTART;TZID=${e.timeZone}:${local(e.start, e.timeZone)}`, ...(e.end === undefined ? [] : [`DTEND;TZID=${e.timeZone}:${local(e.end, e.timeZone)}`])];
  return [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${utc(e.modified)}`,
    `LAST-MODIFIED:${utc(e.modified)}`,
    `SEQUENCE:${e.sequence}`,
    ...when,
    `SUMMARY:${icalText(e.title)}`,
    `DESCRIPTION:${icalText(e.online ? `${e.description}\n${e.online}` : e.description)}`,
    `LOCATION:${icalText(e.location)}`,
    ...(e.geo ? [`GEO:${e.geo.lat};${e.geo.lon}`] : []),
    ...(e.online ? [`CONFERENCE;VALUE=URI:${e.online}`] : []),
    `URL;VALUE=URI:${e.url}`,
    "STATUS:CONFIRMED",
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

export function icalendar(cal: Calendar): string {
  const zones = [...new Set(cal.events.filter((e) => !e.allDay).map((e) => e.timeZone))].sort();
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//municipal-news-portal//events//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${icalText(cal.name)}`,
    `X-WR-CALNAME:${icalText(cal.name)}`,
    `DESCRIPTION:${icalText(cal.description)}`,
    `URL;VALUE=URI:${cal.url}`,
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    ...zones.flatMap((z) => VTIMEZONES[z] ?? []),
    ...cal.events.flatMap(vevent),
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
