import { describe, expect, it } from "vitest";
import type { Segment } from "../../src/search/highlight.js";
import { highlight } from "../../src/search/highlight.js";
import { buildMatch } from "../../src/search/query.js";

function run(text: string, q: string, lang: "bg" | "pl", maxChars?: number): Segment[] {
  const m = buildMatch(q, lang);
  if (m === null) throw new Error(`no query for ${q}`);
  return highlight(text, m.terms, m.prefix, lang, maxChars);
}

const marked = (segments: Segment[]): string[] => segments.filter((s) => s.mark).map((s) => s.text);
const joined = (segments: Segment[]): string => segments.map((s) => s.text).join("");

const FILLER = "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor. ".repeat(4);

describe("highlight", () => {
  it("marks every inflected form of the query word", () => {
    const text = "Szkolenie dla urzędników. Kolejne szkolenia odbędą się w maju, po szkoleniu test.";
    const segments = run(text, "szkolenie", "pl");
    expect(marked(segments)).toEqual(["Szkolenie", "szkolenia", "szkoleniu"]);
    expect(joined(segments)).toBe(text);
  });

  it("marks Cyrillic words for a Latin query in Bulgarian", () => {
    const segments = run("Служителите на район Средец приключиха обучението.", "sredets obuchenie", "bg");
    expect(marked(segments)).toEqual(["Средец", "обучението"]);
  });

  it("marks words that start with the prefix of the last query word", () => {
    expect(marked(run("Nowe szkoleniami objęto 30 osób.", "szkol", "pl"))).toEqual(["szkoleniami"]);
  });

  it("does not mark unrelated words", () => {
    expect(marked(run("Park miejski i parking przy ratuszu.", "parking", "pl"))).toEqual(["parking"]);
  });

  it("opens the window near the first hit, cut on whitespace, with ellipses", () => {
    const text = `${FILLER}Tutaj jest szkolenie dla mieszkańców. ${FILLER}`;
    const segments = run(text, "szkolenie", "pl", 120);
    expect(segments[0]).toEqual({ text: "…", mark: false });
    expect(segments[segments.length - 1]).toEqual({ text: "…", mark: false });
    expect(marked(segments)).toEqual(["szkolenie"]);
    const body = joined(segments.slice(1, -1));
    expect(body.length).toBeLessThanOrEqual(120);
    expect(text.includes(body)).toBe(true);
    // Whole words at both edges: the window starts after and ends before a space.
    expect(text.includes(` ${body} `)).toBe(true);
    // Some context before the hit is kept.
    expect(body.indexOf("szkolenie")).toBeGreaterThan(0);
  });

  it("adds no leading ellipsis when the hit is at the start", () => {
    const segments = run(`Szkolenie ${FILLER}`, "szkolenie", "pl", 60);
    expect(segments[0]).toEqual({ text: "Szkolenie", mark: true });
    expect(segments[segments.length - 1]).toEqual({ text: "…", mark: false });
  });

  it("returns the beginning as one unmarked segment when nothing matches", () => {
    const segments = run(FILLER, "autobus", "pl", 50);
    expect(segments).toHaveLength(1);
    expect(segments[0]?.mark).toBe(false);
    expect(segments[0]?.text).toBe("Lorem ipsum dolor sit amet consectetur adipiscing…");
    expect(run("Krótki tekst.", "autobus", "pl")).toEqual([{ text: "Krótki tekst.", mark: false }]);
  });

  it("collapses whitespace and keeps the text unescaped for the template to escape", () => {
    const segments = run("<b>Средец</b>\n\n  &amp; район", "средец", "bg");
    expect(segments).toEqual([
      { text: "<b>", mark: false },
      { text: "Средец", mark: true },
      { text: "</b> &amp; район", mark: false },
    ]);
  });

  it("does not split a surrogate pair at a hard cut", () => {
    const text = `szkolenie ${"😀".repeat(200)}`;
    // Odd and even limits: one of them falls between the two halves.
    for (const maxChars of [50, 51]) {
      const segments = run(text, "szkolenie", "pl", maxChars);
      for (const s of segments) expect(s.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
  });
});
