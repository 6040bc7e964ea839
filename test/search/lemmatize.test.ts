import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeQueryTerm, analyzeTerm } from "../../src/search/analyze.js";
import { fold } from "../../src/search/fold.js";
import { EntryTable } from "../../src/search/entry-table.js";
import { lemmas } from "../../src/search/lemmatize.js";

const dic = (lang: string): string => readFileSync(fileURLToPath(new URL("index.dic", import.meta.resolve(`dictionary-${lang}`))), "utf8");

/** A query for `query` finds text holding `text` (see test/search/eval/score.ts). */
const finds = (query: string, text: string, lang: "pl" | "bg"): boolean => analyzeQueryTerm(query, lang).some((t) => analyzeTerm(text, lang).includes(t));

describe("lemmas", () => {
  it("finds every dictionary entry with flags under its fold()", () => {
    for (const lang of ["pl", "bg"]) {
      const text = dic(lang);
      const table = new EntryTable(text);
      const entries = text
        .split("\n")
        .slice(1)
        .filter((l) => l.includes("/"));
      expect(table.size).toBe(entries.length);
      const missing = entries.filter((line) => {
        const [word = "", flags = ""] = line.split("/");
        return !table.has(fold(word), flags[0]);
      });
      expect(missing.slice(0, 5)).toEqual([]);
    }
  });

  it("does not find what is not an entry, nor an entry under a flag it lacks", () => {
    const table = new EntryTable("3\nłąka/MNn\nSopot/Q\nlas\n");
    expect(table.has("laka")).toBe(true);
    expect(table.has("laka", "N")).toBe(true);
    expect(table.has("laka", "Q")).toBe(false);
    expect(table.has("sopot", "Q")).toBe(true);
    expect(table.has("las")).toBe(false);
    expect(table.has("lak")).toBe(false);
  });

  it("finds the lemma across the Polish stem alternations of issue 21", () => {
    expect(lemmas(fold("łące"), "pl")).toContain("laka");
    expect(lemmas(fold("Sopocie"), "pl")).toEqual(["sopot"]);
    expect(lemmas(fold("Gdyni"), "pl")).toContain("gdynia");
    expect(lemmas(fold("rzece"), "pl")).toContain("rzeka");
    expect(lemmas(fold("nodze"), "pl")).toContain("noga");
    expect(lemmas(fold("mieszkańców"), "pl")).toContain("mieszkaniec");
  });

  // Folded "[^ąeśź]ć" must not refuse the folded "-ać" verbs (ą and a fold alike).
  it("widens a negated condition when folding instead of narrowing it", () => {
    expect(lemmas(fold("pogratulowała"), "pl")).toContain("pogratulowac");
  });

  it("finds Bulgarian lemmas under the article and plural endings", () => {
    expect(lemmas("улицата", "bg")).toContain("улица");
    expect(lemmas("ремонтите", "bg")).toContain("ремонт");
    expect(lemmas("щастливите", "bg")).toContain("щастлив");
  });

  it("knows nothing of words outside the dictionary", () => {
    expect(lemmas("qwxzv", "pl")).toEqual([]);
  });
});

describe("search matching with the dictionary", () => {
  it.each([
    ["łące", "Łąka"],
    ["Sopocie", "Sopot"],
    ["Gdyni", "Gdynia"],
    ["lace", "łąka"],
    ["zukowie", "Żukowo"],
  ])("a Polish query for %s finds %s and back", (a, b) => {
    expect(finds(a, b, "pl")).toBe(true);
    expect(finds(b, a, "pl")).toBe(true);
  });

  it.each([
    ["улицата", "улица"],
    ["ремонт", "ремонтите"],
    ["щастливи", "щастлива"],
  ])("a Bulgarian query for %s finds %s and back", (a, b) => {
    expect(finds(a, b, "bg")).toBe(true);
    expect(finds(b, a, "bg")).toBe(true);
  });
});
