import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slugify } from "../../src/content/slug.js";

describe("slugify", () => {
  it.each([
    ["Щастливи юнаци", "bg", "shtastlivi-yunatsi"],
    ["Łąka przy źródle", "pl", "laka-przy-zrodle"],
    ["София", "bg", "sofia"],
    ["Средец", "bg", "sredets"],
    ["България", "bg", "balgaria"],
    [
      "Приключи обучението на районната администрация",
      "bg",
      "priklyuchi-obuchenieto-na-rayonnata-administratsia",
    ],
    [
      "Na pierwszej linii – jak urzędnicy budują zaufanie",
      "pl",
      "na-pierwszej-linii-jak-urzednicy-buduja-zaufanie",
    ],
  ] as const)("%s (%s) -> %s", (title, lang, slug) => {
    expect(slugify(title, lang)).toBe(slug);
  });

  it("folds every Polish diacritic", () => {
    expect(slugify("ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż", "pl")).toBe("acelnoszz-acelnoszz");
  });

  it("folds other Latin diacritics, including the ones NFD keeps whole", () => {
    expect(slugify("Straße Ærø Đorđe Crème brûlée", "pl")).toBe("strasse-aero-dorde-creme-brulee");
  });

  it("handles decomposed (NFD) input like composed input", () => {
    expect(slugify("Łódź".normalize("NFD"), "pl")).toBe("lodz");
    expect(slugify("Йордан".normalize("NFD"), "bg")).toBe("yordan");
  });

  it("transliterates Cyrillic inside a Polish title with the Bulgarian table", () => {
    expect(slugify("Wizyta delegacji z miasta Пловдив", "pl")).toBe("wizyta-delegacji-z-miasta-plovdiv");
  });

  it("collapses punctuation and trims dashes", () => {
    expect(slugify("  --„Нов парк“ – открит!!  ", "bg")).toBe("nov-park-otkrit");
    expect(slugify("COVID-19: 2024 r.", "pl")).toBe("covid-19-2024-r");
  });

  it("caps at 80 characters on a word boundary", () => {
    const title = "Rada dzielnicy przyjęła uchwałę w sprawie budżetu obywatelskiego na rok dwa tysiące dwudziesty piąty";
    const slug = slugify(title, "pl");
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe("rada-dzielnicy-przyjela-uchwale-w-sprawie-budzetu-obywatelskiego-na-rok-dwa");
    expect(slug.endsWith("-")).toBe(false);
  });

  it("cuts a single over-long word hard at 80", () => {
    expect(slugify("a".repeat(200), "pl")).toBe("a".repeat(80));
  });

  it("returns an empty string only when there is no letter or digit", () => {
    expect(slugify("", "bg")).toBe("");
    expect(slugify("!!! – ???", "pl")).toBe("");
    expect(slugify("😀🎉", "pl")).toBe("");
  });

  it("never returns an empty slug for text with letters in another script", () => {
    expect(slugify("Αθήνα", "pl")).toMatch(/^[a-z0-9-]+$/);
    expect(slugify("北京", "bg")).not.toBe("");
    expect(slugify("Ёлка", "bg")).toBe("yolka");
  });

  it("always yields a valid slug, non-empty whenever the text has a letter or digit", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const slug = slugify(text, "bg");
        expect(slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
        expect(slug.length).toBeLessThanOrEqual(80);
        if (/[\p{L}\p{N}]/u.test(text)) expect(slug).not.toBe("");
      }),
    );
  });
});
