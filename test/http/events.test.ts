// Events in articles (front matter `event:`): the article shows when and where with an
// "add to calendar" file; iCalendar feeds per language and district read back by ical.js
// (a real RFC 5545 parser) field by field, across the night Sofia moves to summer time;
// events pages upcoming first; JSON-LD Event; the API; editor messages and check warnings.
import fs from "node:fs";
import path from "node:path";
import ICAL from "ical.js";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent } from "../../src/content/check.js";
import { formatIssue } from "../../src/content/issues.js";
import { copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";
import { readHead } from "../web/seo-helpers.js";
import { responseValidator } from "../api/openapi-validator.js";

const BASE = "https://news.example.org";
const timeZones = { bg: "Europe/Sofia", pl: "Europe/Warsaw" } as const;

const article = (title: string, date: string, event: string) => `---
title: "${title}"
date: "${date}"
summary: "Кратко описание на събитието за списъците."
event:
${event}
---

Текст на новината.
`;

const SUMMER = article(
  "Пролетно почистване в Лозенец",
  "2026-11-10",
  `  start: "2027-03-28T10:00:00"
  end: "2027-03-28T12:30"
  place: "Читалище „Светлина“"
  address: "ул. „Богатица“ 3, София"
  geo:
    lat: 42.6741
    lon: 23.3189
  online: "https://example.org/stream"`,
);
const WINTER = article(
  "Среща с жителите на Лозенец",
  "2026-11-11",
  `  start: "2027-03-27T10:00:00"
  place: "Районна администрация"`,
);
const PAST = article(
  "Фестивал в Средец",
  "2026-09-01",
  `  start: "2026-09-25"
  end: "2026-09-27"
  place: "Градската градина"`,
);

let portal: TestPortal;

beforeAll(async () => {
  const contentDir = copyFixture("content");
  fs.writeFileSync(path.join(contentDir, "bg/lozenets/2026-11-10-proletno-pochistvane.md"), SUMMER);
  fs.writeFileSync(path.join(contentDir, "bg/lozenets/2026-11-11-sreshta.md"), WINTER);
  fs.writeFileSync(path.join(contentDir, "bg/sredets/2026-09-01-festival.md"), PAST);
  portal = await createTestPortal({ contentDir });
});
afterAll(() => portal.close());

/** Parses an iCalendar text with ical.js, registering its VTIMEZONEs as calendar apps do. */
function parse(text: string): { cal: ICAL.Component; events: ICAL.Event[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return { cal, events: cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

async function ics(url: string): Promise<string> {
  const res = await request(portal.app).get(url).expect(200);
  expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(res.text).toMatch(/\r\n$/);
  for (const line of res.text.split("\r\n")) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
  return res.text;
}

const SUMMER_URL = "/bg/novini/proletno-pochistvane-v-lozenets/";

describe("an article's event", () => {
  it("shows when and where, with an add-to-calendar link and JSON-LD Event", async () => {
    const res = await request(portal.app).get(SUMMER_URL).expect(200);
    expect(res.text).toContain('<time datetime="2027-03-28T10:00:00+03:00">28 март 2027 г., 10:00 – 12:30</time>');
    expect(res.text).toContain("Читалище „Светлина“, ул. „Богатица“ 3, София");
    expect(res.text).toContain(`href="${SUMMER_URL}event.ics"`);
    const event = readHead(res.text).jsonLd.find((n) => n["@type"] === "Event")!;
    expect(event.startDate).toBe("2027-03-28T10:00:00+03:00");
    expect(event.endDate).toBe("2027-03-28T12:30:00+03:00");
    expect(event.eventAttendanceMode).toBe("https://schema.org/MixedEventAttendanceMode");
  });

  it("is one VEVENT in its .ics, every field read back by ical.js; local time crosses the change to summer time", async () => {
    const { cal, events } = parse(await ics(`${SUMMER_URL}event.ics`));
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.uid).toBe("bg/proletno-pochistvane-v-lozenets@news.example.org");
    expect(e.summary).toBe("Пролетно почистване в Лозенец");
    // 10:00 in Sofia on 28 March 2027 is after that night's change: UTC+3, so 07:00 UTC.
    expect(e.startDate.zone?.tzid).toBe("Europe/Sofia");
    expect(e.startDate.toJSDate().toISOString()).toBe("2027-03-28T07:00:00.000Z");
    expect(e.endDate.toJSDate().toISOString()).toBe("2027-03-28T09:30:00.000Z");
    expect(e.location).toBe("Читалище „Светлина“, ул. „Богатица“ 3, София");
    const v = e.component;
    expect(v.getFirstPropertyValue("geo")).toEqual([42.6741, 23.3189]);
    expect(v.getFirstPropertyValue("url")).toBe(`${BASE}${SUMMER_URL}`);
    expect(v.getFirstPropertyValue("dtstamp")).toBeTruthy();
    expect(v.getFirstPropertyValue("last-modified")).toBeTruthy();
    expect(typeof v.getFirstPropertyValue("sequence")).toBe("number");
    expect(String(v.getFirstPropertyValue("description"))).toContain("https://example.org/stream");
  });

  it("raises SEQUENCE and LAST-MODIFIED when the event changes, keeping the UID", async () => {
    const before = parse(await ics(`${SUMMER_URL}event.ics`)).events[0]!;
    const file = path.join(portal.contentDir, "bg/lozenets/2026-11-10-proletno-pochistvane.md");
    // Without git history the last change is the file's mtime (content/git-dates.ts): an hour later.
    const later = new Date(Math.floor(fs.statSync(file).mtimeMs / 1000) * 1000 + 3_600_000);
    try {
      fs.writeFileSync(file, SUMMER.replace('start: "2027-03-28T10:00:00"', 'start: "2027-03-28T11:00:00"'));
      fs.utimesSync(file, later, later);
      await portal.index.sync();
      const after = parse(await ics(`${SUMMER_URL}event.ics`)).events[0]!;
      expect(after.uid).toBe(before.uid);
      expect(after.startDate.toJSDate().toISOString()).toBe("2027-03-28T08:00:00.000Z");
      expect(after.sequence).toBeGreaterThan(before.sequence);
      expect((after.component.getFirstPropertyValue("last-modified") as ICAL.Time).toJSDate().getTime()).toBe(later.getTime());
    } finally {
      fs.writeFileSync(file, SUMMER);
      await portal.index.sync();
    }
  });
});

describe("calendars and events pages", () => {
  it("a district's calendar holds its events, with the Sofia VTIMEZONE, on both sides of the DST change", async () => {
    const { cal, events } = parse(await ics("/bg/rayoni/lozenets/sabitiya/calendar.ics"));
    expect(cal.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual(["Europe/Sofia"]);
    const starts = Object.fromEntries(events.map((e) => [e.summary, e.startDate.toJSDate().toISOString()]));
    expect(starts).toEqual({
      "Среща с жителите на Лозенец": "2027-03-27T08:00:00.000Z", // winter time, UTC+2
      "Пролетно почистване в Лозенец": "2027-03-28T07:00:00.000Z", // summer time, UTC+3
    });
  });

  it("the language's calendar has every event; an all-day event spans its days (DTEND exclusive)", async () => {
    const { events } = parse(await ics("/bg/sabitiya/calendar.ics"));
    expect(events.map((e) => e.summary).sort()).toEqual(["Пролетно почистване в Лозенец", "Среща с жителите на Лозенец", "Фестивал в Средец"]);
    const festival = events.find((e) => e.summary === "Фестивал в Средец")!;
    expect(festival.startDate.isDate).toBe(true);
    expect(festival.startDate.toString()).toBe("2026-09-25");
    expect(festival.endDate.toString()).toBe("2026-09-28");
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);
  });

  it("the events page lists upcoming events first (soonest first), then past ones, with a webcal: link", async () => {
    const res = await request(portal.app).get("/bg/sabitiya/").expect(200);
    const order = [...res.text.matchAll(/<h2>([^<]+)<\/h2>|<h3 class="card-title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1] ?? m[2]);
    expect(order).toEqual(["Предстоящи", "Среща с жителите на Лозенец", "Пролетно почистване в Лозенец", "Минали", "Фестивал в Средец"]);
    expect(res.text).toContain('href="webcal://news.example.org/bg/sabitiya/calendar.ics"');
    const district = await request(portal.app).get("/bg/rayoni/sredets/sabitiya/").expect(200);
    expect(district.text).toContain("Фестивал в Средец");
    expect(district.text).not.toContain("Пролетно почистване");
    await request(portal.app).get("/bg/sabitiya/?page=2").expect(404);
    await request(portal.app).get("/bg/rayoni/nyama/sabitiya/").expect(404);
  });

  it("the API lists events in the order of the events pages, with problems for bad parameters", async () => {
    const res = await request(portal.app).get("/api/v1/events?lang=bg").expect(200);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    const body = JSON.parse(res.text) as { items: { title: string; event: { start: string } }[]; pages: number; next: string | null };
    const check = responseValidator(JSON.parse((await request(portal.app).get("/api/v1/openapi.json")).text) as Parameters<typeof responseValidator>[0]);
    check("/events", 200, "application/json", body);
    expect(body.items.map((i) => i.title)).toEqual(["Среща с жителите на Лозенец", "Пролетно почистване в Лозенец", "Фестивал в Средец"]);
    expect(body.next).toBeNull();
    const district = JSON.parse((await request(portal.app).get("/api/v1/events?lang=bg&district=sredets").expect(200)).text) as { items: { title: string }[] };
    expect(district.items.map((i) => i.title)).toEqual(["Фестивал в Средец"]);
    await request(portal.app).get("/api/v1/events").expect(400);
    await request(portal.app).get("/api/v1/events?lang=bg&district=nyama").expect(400);
    await request(portal.app).get("/api/v1/events?lang=bg&page=2").expect(404);
  });

  it("the API gives the event with its .ics address", async () => {
    const res = await request(portal.app).get("/api/v1/articles/bg/proletno-pochistvane-v-lozenets").expect(200);
    const event = (JSON.parse(res.text) as { event: Record<string, unknown> }).event;
    const check = responseValidator(JSON.parse((await request(portal.app).get("/api/v1/openapi.json")).text) as Parameters<typeof responseValidator>[0]);
    check("/articles/{lang}/{slug}", 200, "application/json", JSON.parse(res.text));
    expect(event).toMatchObject({
      start: "2027-03-28T10:00:00+03:00",
      allDay: false,
      place: "Читалище „Светлина“",
      geo: { lat: 42.6741, lon: 23.3189 },
      ics: `${BASE}${SUMMER_URL}event.ics`,
    });
  });
});

describe("editors", () => {
  it("get a message with line and field for a wrong event", () => {
    const dir = copyFixture("content");
    fs.writeFileSync(
      path.join(dir, "bg/lozenets/2026-11-10-losho.md"),
      SUMMER.replace('"2027-03-28T10:00:00"', '"2027-03-32T10:00"').replace("lat: 42.6741", "lat: 142.6741"),
    );
    const lines = checkContent({ contentDir: dir, timeZones })
      .issues.filter((i) => i.file.endsWith("losho.md"))
      .map(formatIssue);
    expect(lines).toEqual([
      'bg/lozenets/2026-11-10-losho.md:6: event.start: "2027-03-32T10:00:00Z" is not a real date — use YYYY-MM-DD',
      "bg/lozenets/2026-11-10-losho.md:11: event.geo.lat: must be between -90 and 90",
    ]);
  });

  it("are warned by npm run check about an end before the start, or a start before the article's date", () => {
    const dir = copyFixture("content");
    fs.writeFileSync(path.join(dir, "bg/lozenets/2026-11-10-nazad.md"), SUMMER.replace('end: "2027-03-28T12:30"', 'end: "2027-03-28T09:00"'));
    fs.writeFileSync(path.join(dir, "bg/lozenets/2026-11-11-rano.md"), WINTER.replace('"2027-03-27T10:00:00"', '"2026-11-01"'));
    const lines = checkContent({ contentDir: dir, timeZones })
      .issues.filter((i) => /nazad|rano/.test(i.file))
      .map(formatIssue);
    expect(lines).toEqual([
      "bg/lozenets/2026-11-10-nazad.md:7: event.end: warning: is before event.start — check both times",
      "bg/lozenets/2026-11-11-rano.md:6: event.start: warning: is before the article's date — an event announced after it happened? Check the dates",
    ]);
  });
});
