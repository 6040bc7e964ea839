import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/i18n/index.js";
import { collator, formatDate, isoDay } from "../../src/i18n/format.js";
import { toEpochMs, toIsoWithOffset } from "../../src/content/dates.js";

describe("plural forms", async () => {
  const i18n = await createI18n();
  it.each([
    [1, "1 artykuł"],
    [2, "2 artykuły"],
    [4, "4 artykuły"],
    [5, "5 artykułów"],
    [12, "12 artykułów"],
    [22, "22 artykuły"],
    [25, "25 artykułów"],
    [0, "0 artykułów"],
  ])("Polish %i → %s", (count, text) => {
    expect(i18n.t("pl")("count.articles", { count })).toBe(text);
  });
  it.each([
    [1, "1 новина"],
    [5, "5 новини"],
    [21, "21 новини"],
  ])("Bulgarian %i → %s", (count, text) => {
    expect(i18n.t("bg")("count.articles", { count })).toBe(text);
  });

  it("has every key in both languages", async () => {
    const { default: bg } = await import("../../src/i18n/locales/bg.json", { with: { type: "json" } });
    const { default: pl } = await import("../../src/i18n/locales/pl.json", { with: { type: "json" } });
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === "object" && v ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`.replace(/_(one|few|many|other)$/, "")],
      );
    expect(new Set(keys(bg))).toEqual(new Set(keys(pl)));
  });
});

describe("dates", () => {
  const sept29 = toEpochMs("2017-09-29", "Europe/Sofia");
  it("formats the long form of each locale", () => {
    expect(formatDate(sept29, "bg", "Europe/Sofia")).toBe("29 септември 2017 г.");
    expect(formatDate(toEpochMs("2017-09-29", "Europe/Warsaw"), "pl", "Europe/Warsaw")).toBe("29 września 2017");
  });
  it("reads a bare date as midnight in the portal's time zone", () => {
    expect(toIsoWithOffset(sept29, "Europe/Sofia")).toBe("2017-09-29T00:00:00+03:00");
    expect(toIsoWithOffset(toEpochMs("2026-01-15", "Europe/Warsaw"), "Europe/Warsaw")).toBe("2026-01-15T00:00:00+01:00");
    expect(isoDay(toEpochMs("2026-03-29", "Europe/Sofia"), "Europe/Sofia")).toBe("2026-03-29");
  });
  it("keeps an explicit offset", () => {
    expect(new Date(toEpochMs("2026-10-29T10:30:00+02:00", "Europe/Sofia")).toISOString()).toBe("2026-10-29T08:30:00.000Z");
  });
});

describe("collation", () => {
  it("sorts Ł after L and before M in Polish", () => {
    expect(["Mokotów", "Łódź", "Lublin", "Zabrze"].sort(collator("pl").compare)).toEqual(["Lublin", "Łódź", "Mokotów", "Zabrze"]);
  });
  it("sorts Bulgarian in Cyrillic alphabetical order", () => {
    expect(["Средец", "Лозенец", "Оборище", "Възраждане"].sort(collator("bg").compare)).toEqual(["Възраждане", "Лозенец", "Оборище", "Средец"]);
  });
});
