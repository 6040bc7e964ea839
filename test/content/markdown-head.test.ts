// A large fresh build takes an article's summary from its first blocks only and renders
// the body after the site is up (see firstParagraphOf). A resident must never see the
// difference: the summary read from the head is the one the whole body gives.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMarkdownFile } from "../../src/content/frontmatter.js";
import { firstParagraphOf, renderMarkdown } from "../../src/content/markdown.js";

const noImages = { resolveImage: () => null };
const whole = (body: string, lang: "bg" | "pl") => renderMarkdown(body, lang, noImages).firstParagraph;

function bodies(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md") && e.name !== "README.md")
    .map((e) => parseMarkdownFile(fs.readFileSync(path.join(e.parentPath, e.name), "utf8")).body);
}

// Blocks and inline pieces real articles hold, and the ones that make Markdown read a
// line differently depending on what follows: reference links and their definitions,
// setext underlines, lazy continuation lines, open fences, lists, quotes, tables.
const inline = fc.constantFrom(
  "Кметът откри", "Prezydent Gdańska otworzył", "\"цитат\"", "„цитат“", "'單'", "(c) 2024 -- ...", "https://sofia.bg/news", "www.gdansk.pl",
  "kontakt@gdansk.pl", "[сайта](https://sredets.bg)", "[тук][1]", "[1]", "[bip][]", "*важно*", "__ważne__", "`код`", "\\*", "<b>", "&amp;", "  ",
);
const line = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(" "));
const block = fc.oneof(
  line,
  fc.tuple(line, line).map(([a, b]) => `${a}\n${b}`),
  line.map((l) => `## ${l}`),
  line.map((l) => `${l}\n===`),
  line.map((l) => `${l}\n---`),
  line.map((l) => `- ${l}\n- ${l}`),
  line.map((l) => `1. ${l}\n\n   ${l}`),
  line.map((l) => `> ${l}\n${l}`),
  line.map((l) => `    ${l}`),
  fc.constantFrom("```", "```\nкод\n```", "~~~js", "| a | b |\n|---|---|\n| 1 | 2 |", "[1]: https://sofia.bg", "[bip]: https://bip.gdansk.pl \"BIP\"",
    "> [1]: https://example.org", "- [1]: https://example.org", "***", "", " "),
);
const blocks = fc.array(block, { minLength: 1, maxLength: 8 });
// Long bodies put part of the blocks past the head, where the fast reading does not look.
const body = fc.tuple(blocks, fc.constantFrom("\n\n", "\n", "\n\n\n"), fc.nat(5000), blocks)
  .map(([first, sep, pad, rest]) => [...first, ...(pad > 1000 ? ["Думи и още думи. ".repeat(pad / 32)] : []), ...rest].join(sep));

describe("firstParagraphOf", () => {
  const samples = [...bodies("content"), ...bodies("test/fixtures/content")];

  it("reads the summary of every sample article from its head, as the whole body gives it", () => {
    expect(samples.length).toBeGreaterThan(5);
    for (const b of samples) {
      const head = firstParagraphOf(b, "bg");
      if (whole(b, "bg")) expect(head).toBe(whole(b, "bg"));
    }
    // The fast path is the usual one, not an exception.
    expect(samples.filter((b) => firstParagraphOf(b, "pl") !== null).length).toBeGreaterThan(samples.length / 2);
  });

  it("never gives a summary the whole body does not (property)", () => {
    fc.assert(fc.property(body, fc.constantFrom("bg" as const, "pl" as const), (b, lang) => {
      const head = firstParagraphOf(b, lang);
      if (head !== null) expect(head).toBe(whole(b, lang));
    }), { numRuns: 3000 });
  }, 60_000);

  it("leaves bodies whose later part defines link references to the whole reading", () => {
    const b = `Виж [решението][1] на съвета.\n\n${"Текст на статията. ".repeat(150)}\n\n[1]: https://sofia.bg/reshenie`;
    expect(firstParagraphOf(b, "bg")).toBeNull();
    expect(whole(b, "bg")).toBe("Виж решението на съвета.");
  });
});
