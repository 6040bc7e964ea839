// Time-zone offsets come from a per-week cache (src/content/dates.ts): they must equal
// what ICU says for every instant, also right at daylight-saving changes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toEpochMs, toIsoWithOffset, zoneOffsetMinutes } from "../../src/content/dates.js";

function icuOffset(epochMs: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(epochMs).find((p) => p.type === "timeZoneName")!.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

// Sofia and Warsaw, plus zones with half-hour changes (Lord Howe), no changes (Kolkata),
// a southern summer (Santiago) and changes around Ramadan (Casablanca).
const ZONES = ["Europe/Sofia", "Europe/Warsaw", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago", "Africa/Casablanca"];

describe("time-zone offsets", () => {
  it("match ICU at any instant from 1970 to 2100 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...ZONES), (ms, zone) => {
        expect(zoneOffsetMinutes(ms, zone)).toBe(icuOffset(ms, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it("change exactly at the European summer-time switch (01:00 UTC on the last Sunday of March)", () => {
    const change = Date.UTC(2026, 2, 29, 1, 0, 0);
    expect(zoneOffsetMinutes(change - 1000, "Europe/Sofia")).toBe(120);
    expect(zoneOffsetMinutes(change, "Europe/Sofia")).toBe(180);
    expect(zoneOffsetMinutes(change - 1000, "Europe/Warsaw")).toBe(60);
    expect(zoneOffsetMinutes(change, "Europe/Warsaw")).toBe(120);
    expect(toIsoWithOffset(change, "Europe/Sofia")).toBe("2026-03-29T04:00:00+03:00");
  });

  it("round a local mean time with seconds (Sofia before 1894: +01:56:56) to the nearest minute", () => {
    const ms = Date.UTC(1880, 5, 1);
    expect(zoneOffsetMinutes(ms, "Europe/Sofia")).toBe(117);
    expect(toIsoWithOffset(ms, "Europe/Sofia")).toBe("1880-06-01T01:57:00+01:57");
  });

  it("put a bare date at local midnight on both sides of a change", () => {
    expect(toIsoWithOffset(toEpochMs("2026-03-29", "Europe/Warsaw"), "Europe/Warsaw")).toBe("2026-03-29T00:00:00+01:00");
    expect(toIsoWithOffset(toEpochMs("2026-03-30", "Europe/Warsaw"), "Europe/Warsaw")).toBe("2026-03-30T00:00:00+02:00");
    expect(toIsoWithOffset(toEpochMs("2026-10-25", "Europe/Sofia"), "Europe/Sofia")).toBe("2026-10-25T00:00:00+03:00");
    expect(toIsoWithOffset(toEpochMs("2026-10-26", "Europe/Sofia"), "Europe/Sofia")).toBe("2026-10-26T00:00:00+02:00");
  });
});
