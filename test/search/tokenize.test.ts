import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize, wordList, words } from "../../src/search/tokenize.js";

describe("words", () => {
  it("yields the same words as tokenize, one at a time (property)", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: "binary" }), (text) => {
      expect([...words(text)]).toEqual(tokenize(text));
    }));
  });

  it("starts at a given offset", () => {
    expect([...words("Нови места за паркиране", 5)].map((w) => w.raw)).toEqual(["места", "за", "паркиране"]);
  });
});

describe("wordList", () => {
  it("gives the words tokenize finds, for indexing (property)", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: "binary" }), (text) => {
      expect(wordList(text)).toEqual(tokenize(text).map((t) => t.raw));
    }));
  });
});
