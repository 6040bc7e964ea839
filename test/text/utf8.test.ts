// Content files are decoded with ICU's transcoder (src/text/utf8.ts): it must give
// exactly the string Node's own UTF-8 decoder gives, for every kind of text editors save.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../../src/text/utf8.js";

const same = (text: string) => {
  const bytes = Buffer.from(text, "utf8");
  expect(decodeUtf8(bytes)).toBe(bytes.toString("utf8"));
};

describe("decodeUtf8", () => {
  it("gives Node's string for the texts content holds", () => {
    for (const text of [
      "",
      "plain ASCII title\r\nsecond line",
      "\uFEFF---\ntitle: „Ремонт на ул. Цар Иван Шишман“\n---\n",
      "Zażółć gęślą jaźń — Gdańsk, Gdynia, Sopot",
      "e\u0301 и\u0306 combining marks, NBSP\u00a0and\u2028separators",
      "emoji 🚋🌳 and CJK 市政 and math 𝔸",
      "Ё".repeat(300_000),
    ])
      same(text);
  });

  it("gives Node's string for any valid text (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => same(text)),
      { numRuns: 2000 },
    );
  });
});
