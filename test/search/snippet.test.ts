// Issue 21, result snippets: the block that best matches the query (not the summary
// followed by the body's near-identical opening), a heading set apart from the sentence
// after it, inflected forms marked, at most ~300 characters.
import { describe, expect, it } from "vitest";
import type { Segment } from "../../src/search/highlight.js";
import { snippet } from "../../src/search/highlight.js";
import { buildMatch } from "../../src/search/query.js";

function run(summary: string, body: string, q: string, lang: "bg" | "pl"): Segment[] {
  const m = buildMatch(q, lang)!;
  return snippet(summary, body, m.terms, m.prefix, lang);
}
/** The snippet as text, hits in [brackets]. */
const shown = (segments: Segment[]): string => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join("");

const SUMMARY = "Район „Средец“ организира обучение на служителите.";
const BODY = [
  SUMMARY,
  "Обучението ще се проведе в сградата на районната администрация.",
  "Кой участва",
  "В обучението участват служителите от отдел „Гражданска регистрация“.",
].join("\n");

describe("snippet", () => {
  it("takes the block that holds the query words, without the summary before it", () => {
    expect(shown(run(SUMMARY, BODY, "сградата администрация", "bg"))).toBe("Обучението ще се проведе в [сградата] на районната [администрация].");
  });

  it("sets a heading apart from the sentence after it", () => {
    expect(shown(run(SUMMARY, BODY, "участва", "bg"))).toBe("Кой [участва] — В обучението [участват] служителите от отдел „Гражданска регистрация“.");
  });

  it("prefers the block with more of the query's words to an earlier one with fewer", () => {
    expect(shown(run(SUMMARY, BODY, "обучение регистрация", "bg"))).toBe("В [обучението] участват служителите от отдел „Гражданска [регистрация]“.");
  });

  it("marks the inflected forms that matched (łąka finds łące)", () => {
    expect(shown(run("Nowa ścieżka w Oliwie.", "Nowa ścieżka w Oliwie.\nPrzy źródle, na łące za szkołą, powstanie ścieżka.", "łąka", "pl"))).toBe(
      "Przy źródle, na [łące] za szkołą, powstanie ścieżka.",
    );
  });

  it("opens with the summary when only the title matched", () => {
    expect(shown(run(SUMMARY, BODY, "тротоари", "bg"))).toBe(SUMMARY);
  });

  it("keeps a long block to about 300 characters around its first hit", () => {
    const long = `${"Lorem ipsum dolor sit amet. ".repeat(20)}Remont ulicy Morskiej. ${"Consectetur adipiscing elit. ".repeat(20)}`;
    const text = shown(run("Krótko.", `Krótko.\n${long}`, "remont", "pl"));
    expect(text.length).toBeLessThanOrEqual(300);
    expect(text).toContain("[Remont] ulicy Morskiej.");
    expect(text.startsWith("…")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
  });
});
