// The targets of issue 21 on the word-form evaluation sets (test/search/eval/README.md);
// `npm run search:eval` prints the same figures in detail.
import { describe, expect, it } from "vitest";
import { score } from "./eval/score.js";

describe.each(["pl", "bg"] as const)("word-form evaluation, %s", (lang) => {
  const s = score(lang);

  it("has enough pairs to measure", () => {
    expect(s.pairs).toBeGreaterThanOrEqual(2000);
    expect(s.unrelated).toBeGreaterThanOrEqual(1000);
  });

  it("matches at least 95 % of forms with their lemma", () => {
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
  });

  it("conflates at most 1 % of unrelated words", () => {
    expect(s.conflation).toBeLessThanOrEqual(0.01);
  });
});
