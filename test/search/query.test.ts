import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildMatch, quote } from "../../src/search/query.js";
import { HOSTILE } from "./hostile-queries.js";

// The only shape buildMatch may produce: groups of quoted strings (the last
// one optionally followed by *) joined by OR inside parentheses, groups joined
// by AND. A string literal is "…" with "" as the escaped quote.
const STRING = String.raw`"(?:[^"]|"")*"\*?`;
const GROUP = String.raw`\(${STRING}(?: OR ${STRING})*\)`;
const SHAPE = new RegExp(String.raw`^${GROUP}(?: AND ${GROUP})*$`, "u");

describe("buildMatch", () => {
  it.each(HOSTILE.map((q) => [q.slice(0, 40), q] as const))("hostile input %j is safe", (_label, q) => {
    for (const lang of ["bg", "pl"] as const) {
      const result = buildMatch(q, lang);
      if (result !== null) expect(result.match).toMatch(SHAPE);
    }
  });

  it("returns null when no word remains", () => {
    for (const q of ["", "   ", "!!! ... ,,, ---", "😀🎉", "\u0000", '"', "*", "(((", "\ud800"]) {
      expect(buildMatch(q, "pl")).toBeNull();
    }
  });

  it("quotes user operators as plain words", () => {
    const result = buildMatch("e AND b OR c NOT d NEAR(", "pl");
    expect(result?.match).toBe('("e") AND ("and") AND ("b") AND ("or") AND ("c") AND ("not") AND ("d") AND ("near" OR "near"*)');
  });

  it("splits column filters and drops operator punctuation", () => {
    expect(buildMatch("title:x", "pl")?.match).toBe('("titl") AND ("x")');
    expect(buildMatch("-x +y ^k", "pl")?.match).toBe('("x") AND ("y") AND ("k")');
  });

  it("gives every word its alternatives and the last word a prefix", () => {
    const result = buildMatch("Gdańsk szkol", "pl");
    expect(result).toEqual({
      match: '("gdansk") AND ("szkolic" OR "szkol" OR "szkol"*)',
      terms: [["gdansk"], ["szkolic", "szkol"]],
      prefix: "szkol",
      title: 'title : (("gdansk") AND ("szkolic" OR "szkol" OR "szkol"*))',
      phrase: '"gdansk szkolic"',
    });
  });

  it("offers the Cyrillic reading of a Latin word in Bulgarian", () => {
    expect(buildMatch("obuchenie", "bg")?.match).toBe('("obuchenie" OR "obucheni" OR "obuchenie"*)');
  });

  it("adds no prefix to a last word of fewer than 3 letters", () => {
    const result = buildMatch("autobus 12", "pl");
    expect(result?.prefix).toBeNull();
    expect(result?.match).toBe('("autobus") AND ("12")');
    expect(buildMatch("autobus 7", "pl")?.match).toBe('("autobus") AND ("7")');
  });

  // Issue 21: "w Gdyni" must find an article that says "Gdynia" and no "w".
  it("does not require prepositions and conjunctions next to other words", () => {
    expect(buildMatch("w Gdyni", "pl")?.terms).toEqual([["gdyn"]]);
    expect(buildMatch("autobus do", "pl")?.match).toBe('("autobus" OR "autobus"*)');
    expect(buildMatch("ремонт на улицата", "bg")?.terms).toEqual([["ремонт"], ["улиц"]]);
    // Alone, such a word is still searched for.
    expect(buildMatch("na", "pl")?.terms).toEqual([["na"]]);
  });

  it("keeps at most 8 words and caps the input at 200 characters", () => {
    const words = "jeden dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć";
    expect(buildMatch(words, "pl")?.terms).toHaveLength(8);
    const long = `${"x".repeat(199)} szkolenie`;
    expect(buildMatch(long, "pl")?.terms).toEqual([["x".repeat(199)]]);
  });

  it("merges a repeated word into one group", () => {
    expect(buildMatch("szkolenie szkolenia szkoleń", "pl")?.match).toBe('("szkolen" OR "szkolic" OR "szkolen"*)');
  });

  it("escapes quotes by doubling and removes NUL in string literals", () => {
    expect(quote('a"b')).toBe('"a""b"');
    expect(quote("a\u0000b")).toBe('"ab"');
  });

  it("never throws, and yields only well-formed expressions, for any string", () => {
    const anyString = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.string({ unit: "grapheme" }),
      // Any UTF-16 code unit, so lone surrogates too (fast-check 4 has no
      // fullUnicodeString; unit "binary" is its replacement).
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
      fc.string({ unit: fc.constantFrom('"', "*", "(", ")", ":", "-", "^", "+", " ", "\u0000", "a", "ł", "щ", "AND", "NEAR") }),
    );
    fc.assert(
      fc.property(anyString, fc.constantFrom("bg" as const, "pl" as const), (q, lang) => {
        const result = buildMatch(q, lang);
        if (result === null) return;
        expect(result.match).toMatch(SHAPE);
        // Balanced quotes: an even number of " characters overall.
        expect((result.match.match(/"/g) ?? []).length % 2).toBe(0);
        expect(result.terms.length).toBeGreaterThan(0);
        expect(result.terms.length).toBeLessThanOrEqual(8);
      }),
      { numRuns: 500 },
    );
    // The first query loads the Hunspell dictionaries (src/search/lemmatize.ts): 0.2 s on
    // a quiet machine, several seconds on the shared one under load.
  }, 20_000);
});
