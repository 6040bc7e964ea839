// The alert content contract (issue 23): every field, every editor message, exactly.
import { describe, expect, it } from "vitest";
import { parseAlert } from "../../src/content/alert.js";
import { crossCheckAlerts } from "../../src/content/alert-check.js";
import { alertTimeToEpochMs } from "../../src/content/alert-time.js";
import { formatIssue, sortIssues } from "../../src/content/issues.js";

const SOFIA = "Europe/Sofia";
const file = (fields: string, body = "Няма да има вода.\n") => `---\n${fields}\n---\n${body}`;
const VALID = [
  "title: Спиране на водата в кв. „Лозенец“",
  "kind: water",
  "severity: warning",
  "districts: [lozenets]",
  "start: 2026-12-08T08:00:00+02:00",
  "end: 2026-12-08T18:00:00+02:00",
  "area: ул. „Криволак“ от № 1 до № 25",
  "translationKey: voda-lozenets-2026-12-08",
].join("\n");
const messages = (raw: string, rel = "alerts/bg/voda.md") => sortIssues(parseAlert(rel, raw, SOFIA).issues).map(formatIssue);
const replace = (field: string, line: string) => VALID.split("\n").map((l) => (l.startsWith(`${field}:`) ? line : l)).join("\n");

describe("an alert file", () => {
  it("reads every field of the contract", () => {
    const { alert, issues } = parseAlert("alerts/bg/voda.md", file(VALID, "Какво, защо, **какво да правите**.\n"), SOFIA);
    expect(issues).toEqual([]);
    expect(alert).toMatchObject({
      file: "alerts/bg/voda.md",
      lang: "bg",
      slug: "spirane-na-vodata-v-kv-lozenets",
      title: "Спиране на водата в кв. „Лозенец“",
      kind: "water",
      severity: "warning",
      districts: ["lozenets"],
      start: Date.UTC(2026, 11, 8, 6),
      end: Date.UTC(2026, 11, 8, 16),
      area: "ул. „Криволак“ от № 1 до № 25",
      translationKey: "voda-lozenets-2026-12-08",
    });
    expect(alert!.html).toContain("<strong>какво да правите</strong>");
  });

  it("takes `districts: all`, and area and translationKey are optional", () => {
    const raw = file(VALID.split("\n").filter((l) => !/^(area|translationKey):/.test(l)).join("\n").replace("districts: [lozenets]", "districts: all"));
    const { alert, issues } = parseAlert("alerts/pl/woda.md", raw, "Europe/Warsaw");
    expect(issues).toEqual([]);
    expect(alert).toMatchObject({ lang: "pl", districts: "all" });
    expect(alert!.area ?? alert!.translationKey).toBeUndefined();
  });

  it("reads a time without an offset in the language's time zone, daylight saving included", () => {
    const { alert } = parseAlert("alerts/bg/voda.md", file(replace("start", "start: 2026-07-08 08:00").replace("end: 2026-12-08T18:00:00+02:00", "end: 2026-07-08T18:30")), SOFIA);
    expect(alert!.start).toBe(Date.UTC(2026, 6, 8, 5)); // EEST, +03:00
    expect(alert!.end).toBe(Date.UTC(2026, 6, 8, 15, 30));
    expect(alertTimeToEpochMs("2026-12-08T08:00", "Europe/Warsaw")).toBe(Date.UTC(2026, 11, 8, 7));
  });

  it("names each missing required field", () => {
    expect(messages(file("title: X"))).toEqual([
      "alerts/bg/voda.md:1: districts: is required — list the district ids, such as [lozenets], or write all",
      "alerts/bg/voda.md:1: end: is required — add a date and time such as 2026-12-08T08:00",
      "alerts/bg/voda.md:1: kind: is required — write one of: water, heating, electricity, gas, roads, transport, weather, other",
      "alerts/bg/voda.md:1: severity: is required — write one of: info, warning, emergency",
      "alerts/bg/voda.md:1: start: is required — add a date and time such as 2026-12-08T08:00",
    ]);
    expect(messages(file(replace("title", "title: ''")))).toEqual(["alerts/bg/voda.md:2: title: is empty — write a title"]);
  });

  it("refuses unknown kinds and severities, misspelt fields, and districts that are not a list", () => {
    const raw = file([replace("kind", "kind: flood").replace("severity: warning", "severity: red").replace("districts: [lozenets]", "districts: Lozenets"), "ednd: 2026-12-08T18:00"].join("\n"));
    expect(messages(raw)).toEqual([
      'alerts/bg/voda.md:3: kind: "flood" is not a kind of alert — write one of: water, heating, electricity, gas, roads, transport, weather, other',
      'alerts/bg/voda.md:4: severity: "red" is not a severity — write one of: info, warning, emergency',
      "alerts/bg/voda.md:5: districts: must be a list of district ids such as [lozenets, sredets], or the word all",
      'alerts/bg/voda.md:10: ednd: unknown field — did you mean "end"?',
    ]);
    expect(messages(file(replace("districts", "districts: []")))).toEqual(["alerts/bg/voda.md:5: districts: is empty — name at least one district, or write all"]);
  });

  it("refuses bare dates, impossible dates and times, and words", () => {
    expect(messages(file(replace("start", "start: 2026-12-08")))).toEqual([
      'alerts/bg/voda.md:6: start: "2026-12-08" has no time of day — an alert needs one, such as 2026-12-08T08:00',
    ]);
    expect(messages(file(replace("start", "start: 2026-02-30T08:00")))).toEqual(['alerts/bg/voda.md:6: start: "2026-02-30T08:00" is not a real date — check the day and month']);
    expect(messages(file(replace("start", "start: 2026-02-30")))).toEqual(['alerts/bg/voda.md:6: start: "2026-02-30" is not a real date — check the day and month']);
    expect(messages(file(replace("start", "start: 2026-12-08T24:00")))).toEqual(['alerts/bg/voda.md:6: start: "2026-12-08T24:00" is not a real time of day — use hh:mm between 00:00 and 23:59']);
    expect(messages(file(replace("end", "end: утре")))).toEqual([
      'alerts/bg/voda.md:7: end: "утре" is not a date and time — write it as 2026-12-08T08:00 (or with an offset, 2026-12-08T08:00:00+02:00)',
    ]);
  });

  it("refuses an end that is not after the start", () => {
    expect(messages(file(replace("end", "end: 2026-12-08T08:00")))).toEqual([
      'alerts/bg/voda.md:7: end: "2026-12-08T08:00" is not after start "2026-12-08T08:00:00+02:00" — end is when the alert is over',
    ]);
    expect(parseAlert("alerts/bg/voda.md", file(replace("end", "end: 2026-12-07T18:00")), SOFIA).alert).toBeNull();
  });

  it("warns about an alert longer than 31 days, and still shows it", () => {
    const r = parseAlert("alerts/bg/voda.md", file(replace("end", "end: 2027-01-09T08:00")), SOFIA);
    expect(r.alert).not.toBeNull();
    expect(r.issues.map(formatIssue)).toEqual([
      "alerts/bg/voda.md:7: end: warning: the alert lasts 32 days, more than 31 — check the dates, or publish an article for something this long",
    ]);
  });

  it("refuses pictures in the body", () => {
    expect(messages(file(VALID, "![карта](karta.png)\n"))).toEqual(['alerts/bg/voda.md:11: body: image "karta.png" cannot be shown in an alert — describe it in words or link to an article']);
  });
});

describe("alerts across files", () => {
  const key = (file: string, over: Partial<Parameters<typeof crossCheckAlerts>[0][number]> = {}) => ({
    file,
    lang: "bg" as const,
    slug: file.replace(/\W/g, ""),
    districts: ["lozenets"],
    lines: { title: 2, districts: 5, translationKey: 9 },
    ...over,
  });

  it("refuses unknown districts, a second alert with the same address or translation key", () => {
    const r = crossCheckAlerts(
      [
        key("alerts/bg/a.md", { districts: ["lozenets", "mladost"] }),
        key("alerts/bg/b.md", { slug: "same", translationKey: "k" }),
        key("alerts/bg/c.md", { slug: "same" }),
        key("alerts/bg/d.md", { translationKey: "k" }),
        key("alerts/bg/e.md", { districts: "all" }),
      ],
      new Set(["lozenets", "sredets"]),
    );
    expect(r.issues.map(formatIssue)).toEqual([
      'alerts/bg/a.md:5: districts: there is no district "mladost" — write one of: lozenets, sredets, or all',
      "alerts/bg/c.md:2: title: gives the same address as alerts/bg/b.md — make the title different, for example add the date",
      'alerts/bg/d.md:9: translationKey: "k" is already used by alerts/bg/b.md in the same language — a translation key links alerts of different languages',
    ]);
    expect([...r.active].sort()).toEqual(["alerts/bg/b.md", "alerts/bg/e.md"]);
  });
});
