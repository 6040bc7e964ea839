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
// Up to five spaces before a line: four make indented code, fewer do not.
const line = fc.tuple(fc.nat(5), fc.array(inline, { minLength: 1, maxLength: 5 })).map(([indent, parts]) => " ".repeat(indent) + parts.join(" "));
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

// A first paragraph of plain prose is read without markdown-it (plainFirstParagraph):
// words that are never Markdown, around one piece that may be (a list marker, a
// typographic replacement, an automatic link whose text markdown-it decodes), in lines
// indented by up to five spaces, so most runs sit on the edge of that reading.
const word = fc.constantFrom(
  "Кметът", "откри", "Prezydent", "Gdańska", "otworzył", "2024", "г.", "100%", "№", "(стр.", "4)", "10:30", "10/11", "„Wisła”", "«tak»", "–", "Nowy-Port", "т.е.", "’",
);
const edge = fc.constantFrom(
  "", "2024.", "3)", "12", "(C)", "(TM)", "(p)", "1..2", "?!", "????", "!!!!", "a,,b", "a--b", "x+-y", "-", "+", "*", "=", "#", ">", "|", "`код`", "~~x~~", "_a_",
  "sofia.bg/%D0%B0", "//localhost/%D0%B0", "Gdańsk.Pl", "\"цитат\"", "'цитат'", "&amp;", "\\", "\t", "\u00a0", "е\u0301", "  ",
);
const proseLine = fc.tuple(fc.nat(5), fc.array(word, { maxLength: 4 }), edge, fc.array(word, { maxLength: 4 }))
  .map(([indent, before, piece, after]) => " ".repeat(indent) + [...before, piece, ...after].join(" "));
const prose = fc.tuple(fc.array(proseLine, { minLength: 1, maxLength: 3 }), fc.constantFrom("===", "---", "- x", "1. x", "## x", "", "  "), blocks)
  .map(([lines, next, rest]) => [lines.join("\n"), next, "", ...rest].join("\n"));
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

  // A summary from the head, when there is one, is the one the whole body gives.
  const agrees = (bodies: fc.Arbitrary<string>) =>
    fc.assert(fc.property(bodies, fc.constantFrom("bg" as const, "pl" as const), (b, lang) => {
      const head = firstParagraphOf(b, lang);
      if (head !== null) expect(head).toBe(whole(b, lang));
    }), { numRuns: 3000 });

  it("never gives a summary the whole body does not (property)", () => agrees(body), 60_000);

  it("reads a first paragraph of plain prose as markdown-it does, and leaves what may be Markdown to it (property)", () => agrees(prose), 60_000);

  it("leaves bodies whose later part defines link references to the whole reading", () => {
    const b = `Виж [решението][1] на съвета.\n\n${"Текст на статията. ".repeat(150)}\n\n[1]: https://sofia.bg/reshenie`;
    expect(firstParagraphOf(b, "bg")).toBeNull();
    expect(whole(b, "bg")).toBe("Виж решението на съвета.");
  });
});
