import { describe, expect, it } from "vitest";
import { fold } from "../../src/search/fold.js";

describe("fold", () => {
  it.each([
    ["Dostępność", "dostepnosc"],
    ["Łódź", "lodz"],
    ["ŻÓŁW", "zolw"],
    ["Straße", "strasse"],
    ["Øresund", "oresund"],
    ["Đakovo", "dakovo"],
    ["İstanbul", "istanbul"],
    ["Crème Brûlée", "creme brulee"],
    ["Средец", "средец"],
    ["ЙОРДАН", "йордан"],
    ["Ёлка", "ёлка"],
    ["Київ", "київ"],
    ["Szkolenie 2024", "szkolenie 2024"],
  ])("%s -> %s", (input, output) => {
    expect(fold(input)).toBe(output);
  });

  it("keeps й and ё as single code points even from decomposed input", () => {
    expect(fold("й".normalize("NFD"))).toBe("й");
    expect(fold("Ё".normalize("NFD"))).toBe("ё");
    expect(fold("й")).toHaveLength(1);
  });

  it("folds decomposed Latin input like composed input", () => {
    expect(fold("Gdańsk".normalize("NFD"))).toBe("gdansk");
  });

  it("keeps a mark that follows a non-Latin letter", () => {
    // Stress accent on a Cyrillic vowel: not a Latin diacritic, so not removed.
    expect(fold("а\u0301")).toBe("а\u0301");
  });

  it("does not depend on the Turkish dotted/dotless i rules", () => {
    expect(fold("I")).toBe("i");
    expect(fold("ı")).toBe("i");
  });
});
