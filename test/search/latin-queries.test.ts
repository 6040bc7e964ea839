// Issue 21: Bulgarian typed with Latin letters in any common system, and Polish typed
// without its letters, find what the proper spelling finds.
import { describe, expect, it } from "vitest";
import { analyzeQueryTerm, analyzeTerm, type Lang } from "../../src/search/analyze.js";
import { buildMatch } from "../../src/search/query.js";

const finds = (query: string, text: string, lang: Lang): boolean => {
  const indexed = analyzeTerm(text, lang);
  return analyzeQueryTerm(query, lang).some((t) => indexed.includes(t));
};

describe("Latin-typed Bulgarian", () => {
  // [system, typed, the Cyrillic word in the text]
  it.each([
    ["2009 Act", "sredets", "Средец"],
    ["2009 Act", "shtastlivi", "щастливи"],
    ["2009 Act", "tsar", "Цар"],
    ["2009 Act", "zhivot", "живот"],
    ["2009 Act", "yuzhen", "южен"],
    ["2009 Act", "Sofia", "София"],
    ["2009 Act", "ulitsata", "улица"],
    ["ISO 9 / scientific", "sredec", "Средец"],
    ["ISO 9 / scientific", "ščastlivi", "щастливи"],
    ["ISO 9 / scientific", "ŝastlivi", "щастливи"],
    ["ISO 9 / scientific", "car", "Цар"],
    ["ISO 9 / scientific", "žilište", "жилище"],
    ["ISO 9 / scientific", "čerešovo", "черешово"],
    ["ISO 9 / scientific", "sǎbota", "събота"],
    ["ISO 9 / scientific", "jug", "юг"],
    ["ISO 9 / scientific", "Ljulin", "Люлин"],
    ["ISO 9", "ûžen", "южен"],
    ["ISO 9", "âbalka", "ябълка"],
    ["BGN/PCGN 1952", "sŭbota", "събота"],
    ["informal: c for ц", "lozenec", "Лозенец"],
    ["informal: 4 for ч", "4ervena", "червена"],
    ["informal: ch for ч", "chervena", "червена"],
    ["informal: 6 for ш", "6kola", "школа"],
    ["informal: sh for ш", "shkola", "школа"],
    ["informal: 6t for щ", "6tastlivi", "щастливи"],
    ["informal: sht for щ", "oborishte", "Оборище"],
    ["informal: j for ж", "vazrajdane", "Възраждане"],
    ["informal: zh for ж", "vazrazhdane", "Възраждане"],
    ["informal: q for я", "qbalka", "ябълка"],
    ["informal: ja for я", "jabalka", "ябълка"],
    ["informal: ya for я", "yabalka", "ябълка"],
    ["informal: ju for ю", "juzhen", "южен"],
    ["informal: yu for ю", "yuzhen", "южен"],
    ["informal: y for ъ", "sybota", "събота"],
    ["informal: u for ъ", "vuzrazhdane", "Възраждане"],
    ["informal: a for ъ", "sabota", "събота"],
    ["informal: w for в", "wazrazhdane", "Възраждане"],
  ])("%s: %s finds %s", (_system, typed, text) => {
    expect(finds(typed, text, "bg")).toBe(true);
  });

  it("finds what the Cyrillic query finds for the issue's examples", () => {
    for (const [latin, cyrillic, text] of [
      ["sredec", "Средец", "в район Средец"],
      ["car ivan", "Цар Иван", "улица Цар Иван Асен"],
      ["6tastlivi", "щастливи", "щастливите деца"],
    ] as const) {
      const terms = new Set(analyzeTerm(text, "bg").concat(...text.split(" ").map((w) => analyzeTerm(w, "bg"))));
      for (const group of [buildMatch(latin, "bg")!, buildMatch(cyrillic, "bg")!]) {
        expect(group.terms.every((alternatives) => alternatives.some((t) => terms.has(t)))).toBe(true);
      }
    }
  });

  it("keeps a plain Latin word's own spelling among the alternatives (Latin names in the text)", () => {
    expect(analyzeQueryTerm("Sofia", "bg")).toContain("sofia");
  });
});

describe("Polish typed without diacritics", () => {
  it.each([
    ["lace", "łące"],
    ["laka", "Łąka"],
    ["zukowo", "Żukowie"],
    ["gdansku", "Gdańsk"],
    ["sopocie", "Sopot"],
    ["rzece", "rzeka"],
    ["wrzeszczu", "Wrzeszcz"],
    ["lodz", "Łodzi"],
    ["swieto", "świąt"],
    ["zrodle", "źródło"],
  ])("%s finds %s", (typed, text) => {
    expect(finds(typed, text, "pl")).toBe(true);
  });
});
