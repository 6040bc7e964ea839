import { describe, expect, it } from "vitest";
import { fold } from "../../src/search/fold.js";
import { stemPl } from "../../src/search/stem-pl.js";

const stem = (word: string): string => stemPl(fold(word));

// Each group holds forms of one word, written as users write them (with
// diacritics); they must all fold+stem to the same term.
const GROUPS: ReadonlyArray<readonly string[]> = [
  ["szkolenie", "szkolenia", "szkoleń", "szkoleniu", "szkoleniami", "szkoleniach", "szkoleniem"],
  ["Gdańsk", "Gdańsku", "Gdańska", "Gdańskiem"],
  ["autobus", "autobusów", "autobusy", "autobusem", "autobusami", "autobusie"],
  ["dostępność", "dostępności", "dostępnością"],
  ["urzędnik", "urzędnicy", "urzędników", "urzędnikami", "urzędnika", "urzędnikiem"],
  ["mieszkaniec", "mieszkańcy", "mieszkańców", "mieszkańca", "mieszkańcem", "mieszkańcami"],
  ["miasto", "miasta", "miastem", "miastach"],
  ["wiadomość", "wiadomości", "wiadomością"],
  ["dzielnica", "dzielnicy", "dzielnice", "dzielnic", "dzielnicą", "dzielnicach"],
  ["Kraków", "Krakowa", "Krakowie", "Krakowem"],
  ["system", "systemu", "systemy", "systemem", "systemów"],
  ["problem", "problemu", "problemy", "problemów"],
  ["Łódź", "Łodzi"],
  ["Poznań", "Poznania", "Poznaniu"],
  ["budynek", "budynku", "budynki", "budynków"],
  ["ojciec", "ojca", "ojcem"],
  ["informacja", "informacji", "informację", "informacje", "informacjami"],
  ["miejski", "miejska", "miejskie", "miejskiego", "miejskiej", "miejskich", "miejskim"],
  ["polityk", "politycy", "polityka", "polityków"],
  ["umowa", "umowy", "umów", "umowie"],
];

describe("stemPl: forms of one word meet", () => {
  it.each(GROUPS.map((g) => [g[0], g] as const))("%s", (_head, forms) => {
    const stems = new Set(forms.map(stem));
    expect([...stems]).toHaveLength(1);
  });
});

describe("stemPl: distinct words stay distinct", () => {
  // Pairs that a careless stemmer would collapse; each word is kept apart.
  const DISTINCT = [
    "kot",
    "kotlet",
    "las",
    "lasek",
    "szkoła",
    "szkolenie",
    "miasto",
    "miejsce",
    "miejski",
    "mieszkanie",
    "mieszkaniec",
    "park",
    "parking",
    "rada",
    "radny",
    "dom",
    "domek",
    "kobieta",
    "kino",
    "kolej",
    "kolega",
    "most",
    "mostek",
    "pole",
    "połowa",
    "budowa",
    "budynek",
    "ulica",
    "ulga",
    "wynik",
    "wyniki",
  ];

  it("gives different stems to different lemmas", () => {
    // "wyniki" is the plural of "wynik": the only pair expected to meet.
    const lemmas = DISTINCT.filter((w) => w !== "wyniki");
    const stems = lemmas.map(stem);
    expect(new Set(stems).size).toBe(lemmas.length);
    expect(stem("wyniki")).toBe(stem("wynik"));
  });
});

describe("stemPl: limits", () => {
  it("leaves words of up to 3 letters unchanged", () => {
    for (const word of ["dom", "kot", "las", "ul", "a", "", "123"]) expect(stemPl(word)).toBe(word);
  });

  it("never leaves fewer than 3 letters", () => {
    for (const word of ["domu", "kota", "lasy", "ziem", "umów", "głów", "rach", "oami", "ciec", "yk"]) {
      const s = stemPl(fold(word));
      expect(s.length).toBeGreaterThanOrEqual(Math.min(3, word.length));
    }
  });

  it("is idempotent on its own output for the groups above", () => {
    // Query terms are stemmed once, but a stable stem protects against
    // double stemming anywhere in the pipeline.
    for (const forms of GROUPS) {
      const s = stem(forms[0] ?? "");
      expect(stemPl(s)).toBe(s);
    }
  });
});
