import { describe, expect, it } from "vitest";
import { analyzeQueryTerm, analyzeTerm, analyzeText } from "../../src/search/analyze.js";
import { tokenize } from "../../src/search/tokenize.js";

describe("analyzeTerm", () => {
  it("gives a Cyrillic word its stem and the stem's transliteration", () => {
    expect(analyzeTerm("Средец", "bg")).toEqual(["средец", "sredets"]);
    expect(analyzeTerm("обучението", "bg")).toEqual(["обучени", "obucheni"]);
  });

  it("treats Cyrillic the same inside Polish text", () => {
    expect(analyzeTerm("Средец", "pl")).toEqual(analyzeTerm("Средец", "bg"));
  });

  it("stems Latin words in Polish text", () => {
    // The dictionary reads "szkoleniami" as a form of the noun szkolenie and of the verb
    // szkolić (whose gerund it is); both readings are indexed.
    expect(analyzeTerm("Szkoleniami", "pl")).toEqual(["szkolen", "szkolic"]);
    expect(analyzeTerm("Dostępność", "pl")).toEqual(["dostepnosc"]);
  });

  it("keeps Latin words in Bulgarian text folded but unstemmed", () => {
    expect(analyzeTerm("Microsoft", "bg")).toEqual(["microsoft"]);
    expect(analyzeTerm("Łódź", "bg")).toEqual(["lodz"]);
  });

  it("returns digit-only tokens as they are", () => {
    expect(analyzeTerm("2024", "pl")).toEqual(["2024"]);
    expect(analyzeTerm("2024", "bg")).toEqual(["2024"]);
  });

  it("does not repeat a term when stem and transliteration agree", () => {
    expect(analyzeTerm("12", "bg")).toEqual(["12"]);
    expect(analyzeTerm("мъж", "bg")).toEqual(["мъж", "mazh"]);
  });

  it("drops combining marks left on non-Latin letters (stress accents)", () => {
    expect(analyzeTerm("сре\u0301дец", "bg")).toEqual(["средец", "sredets"]);
  });
});

describe("analyzeText", () => {
  it("joins all terms of all words with single spaces", () => {
    expect(analyzeText("Szkolenia w Gdańsku, 2024 r.", "pl")).toBe("szkolen szkolic w gdansk 2024 r");
    expect(analyzeText("Район „Средец“", "bg")).toBe("район rayon средец sredets");
  });

  it("produces only letters, digits and single spaces", () => {
    const text = 'Łódź: „Nowy” park – 12% (!) — район-Средец\'s e-mail "quoted" *star* NEAR(x)';
    for (const lang of ["bg", "pl"] as const) {
      const terms = analyzeText(text, lang);
      expect(terms).toMatch(/^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u);
    }
  });

  it("returns an empty string for text without words", () => {
    expect(analyzeText(" — !!! 😀 ", "pl")).toBe("");
  });
});

describe("analyzeQueryTerm", () => {
  it("gives a Cyrillic query word its stem", () => {
    expect(analyzeQueryTerm("СРЕДЕЦ", "bg")).toEqual(["средец"]);
    expect(analyzeQueryTerm("служители", "pl")).toEqual(["служител"]);
  });

  it("reads a Latin query word in Bulgarian both as Latin and as transliterated Cyrillic", () => {
    expect(analyzeQueryTerm("sredets", "bg")).toEqual(["sredets"]);
    expect(analyzeQueryTerm("obuchenie", "bg")).toEqual(["obuchenie", "obucheni"]);
    expect(analyzeQueryTerm("Sofia", "bg")).toEqual(["sofia", "sofi"]);
  });

  it("stems a Latin query word in Polish", () => {
    expect(analyzeQueryTerm("Gdańsk", "pl")).toEqual(["gdansk"]);
    expect(analyzeQueryTerm("autobusów", "pl")).toEqual(["autobus"]);
  });

  it("meets the index terms of the text it should find", () => {
    const cases = [
      ["sredets", "Средец", "bg"],
      ["obuchenie", "обучението", "bg"],
      ["sluzhiteli", "служителите", "bg"],
      ["balgaria", "България", "bg"],
      ["служител", "служителите", "bg"],
      ["lodz", "Łódź", "pl"],
      ["dostepnosc", "dostępność", "pl"],
      ["urzędnik", "urzędnikami", "pl"],
    ] as const;
    for (const [query, word, lang] of cases) {
      const indexed = analyzeTerm(word, lang);
      const wanted = analyzeQueryTerm(query, lang);
      expect(
        wanted.some((t) => indexed.includes(t)),
        `${query} -> ${word}`,
      ).toBe(true);
    }
  });

  it("does not match unrelated words", () => {
    const indexed = analyzeTerm("Средец", "bg");
    expect(analyzeQueryTerm("sofia", "bg").some((t) => indexed.includes(t))).toBe(false);
  });
});

// tokenize() has no test file of its own; it is checked here as the first
// step of analysis.
describe("tokenize", () => {
  it("splits on hyphens, apostrophes and punctuation, with UTF-16 offsets", () => {
    const text = "Бургас-Варна, O'Neill 😀 Łódź";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.raw)).toEqual(["Бургас", "Варна", "O", "Neill", "Łódź"]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.raw);
    expect(tokens[4]?.start).toBe(25);
  });

  it("keeps combining marks inside a word but not at its start", () => {
    const nfd = "Gdańsk".normalize("NFD");
    expect(tokenize(nfd).map((t) => t.raw)).toEqual([nfd]);
    expect(tokenize("\u0301abc").map((t) => t.raw)).toEqual(["abc"]);
  });

  it("skips NUL and lone surrogates without throwing", () => {
    expect(tokenize("a\u0000b \ud800c\udfff").map((t) => t.raw)).toEqual(["a", "b", "c"]);
  });
});
