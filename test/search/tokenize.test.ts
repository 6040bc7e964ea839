import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize, wordList, words } from "../../src/search/tokenize.js";

describe("words", () => {
  it("yields the same words as tokenize, one at a time (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "binary" }), (text) => {
        expect([...words(text)]).toEqual(tokenize(text));
      }),
    );
  });

  it("starts at a given offset", () => {
    expect([...words("Нови места за паркиране", 5)].map((w) => w.raw)).toEqual(["места", "за", "паркиране"]);
  });
});

describe("wordList", () => {
  it("gives the words tokenize finds, for indexing (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "binary" }), (text) => {
        expect(wordList(text)).toEqual(tokenize(text).map((t) => t.raw));
      }),
    );
  });

  it("agrees with tokenize on letters, marks and digits of many scripts (property)", () => {
    // Mostly word characters, so that words, marks inside and after them, and the
    // characters between them all occur (random binary strings are mostly separators).
    const unit = fc.oneof(
      fc.constantFrom(
        "a",
        "Z",
        "7",
        "ą",
        "ł",
        "й",
        "Ъ",
        "ѝ",
        "\u0301",
        "\u0306",
        "\u0483",
        "٣",
        "ß",
        "ǅ",
        "\u00a0",
        " ",
        "-",
        "'",
        "„",
        "“",
        "\u200d",
        "\u{1d400}",
        "\ud800",
      ),
      fc.string({ maxLength: 1, unit: "binary" }),
    );
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 60 }).map((a) => a.join("")),
        (text) => {
          expect(wordList(text)).toEqual(tokenize(text).map((t) => t.raw));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("splits Bulgarian and Polish text into words", () => {
    expect(wordList("Ремонтът на ул. „Граф Игнатиев“ – 2 етапа; Łódź-Bałuty")).toEqual([
      "Ремонтът",
      "на",
      "ул",
      "Граф",
      "Игнатиев",
      "2",
      "етапа",
      "Łódź",
      "Bałuty",
    ]);
  });
});
