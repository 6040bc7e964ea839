// The front matter of usual shape is read by js-yaml, the rest by `yaml` (see
// src/content/frontmatter.ts). An editor must never see a difference: the same data,
// the same field lines, the same problem at the same line.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FrontMatterError, parseMarkdownFile, readSimpleYaml, type ParsedFile } from "../../src/content/frontmatter.js";

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md") && e.name !== "README.md")
    .map((e) => path.join(e.parentPath, e.name));
}

const samples = [...markdownFiles("content"), ...markdownFiles("test/fixtures/content")].map((f) => fs.readFileSync(f, "utf8"));
const frontMatterOf = (raw: string) => raw.slice(3, raw.indexOf("\n---", 3) + 1);

type Outcome = { error: string; line: number } | { data: unknown; lines: Record<string, number>; nested: number[] };

function outcome(raw: string, exact: boolean): Outcome {
  let parsed: ParsedFile;
  try {
    parsed = parseMarkdownFile(raw, { exact });
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    return { error: error.message, line: error.line };
  }
  const data = parsed.data as Record<string, unknown>;
  const lines = Object.fromEntries(Object.keys(data).map((k) => [k, parsed.lineOf([k])]));
  const nested = [parsed.lineOf(["image", "alt"]), parsed.lineOf(["tags", 1]), parsed.lineOf(["missing"])];
  return { data, lines, nested };
}

// What editors mistype: stray colons, dashes, quotes, brackets, tabs, indentation,
// line breaks inside values, comments, anchors, tags and numbers where text belongs.
const damage = fc.constantFrom(":", "-", " ", "  ", "\t", "\"", "'", "\n", "\n  ", "\n- ", "\n  - ", "[", "]", "{", "}", "#", " #", ",", "? ", "|", ">", "\\",
  "%", "@", "`", "!", "!!str ", "&a ", "*a", "\r", "\u00a0", "\u2028", "\ufeff", "...", "\n---\n", "<<: ", "0x1F", "+.5", "-.5", "0b1", "1e3", "yes", "~", "null", "true");

describe("front matter readings", () => {
  it("reads the sample content the fast way", () => {
    expect(samples.length).toBeGreaterThan(5);
    // Change notes (a list of groups) and an event's geo (numbers) are left to `yaml` by
    // design (isPlain); every other sample must take the fast path.
    const plain = samples.filter((raw) => !/^changes:|^ {2}geo:/m.test(frontMatterOf(raw)));
    expect(plain.length).toBeGreaterThan(samples.length - 6);
    for (const raw of plain) expect(readSimpleYaml(frontMatterOf(raw))).not.toBeNull();
  });

  it("give the same data, field lines and problems on damaged front matter (property)", () => {
    const edit = fc.tuple(fc.nat(), fc.oneof(damage, fc.constant(null)));
    fc.assert(fc.property(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 3 }), (sample, edits) => {
      let raw = sample;
      const end = frontMatterOf(raw).length + 3;
      for (const [at, text] of edits) {
        // Inside the front matter only: a damaged body is Markdown's business.
        const i = 4 + (at % Math.max(1, end - 4));
        raw = text === null ? raw.slice(0, i) + raw.slice(i + 1) : raw.slice(0, i) + text + raw.slice(i);
      }
      expect(outcome(raw, false)).toEqual(outcome(raw, true));
    }), { numRuns: 4000 });
  }, 60_000);

  it("cut the file where gray-matter cuts it whole: same data, body and lines (property)", () => {
    type Cut = { error: string; line: number } | { data: unknown; body: string; bodyLine: number; title: number };
    const cut = (raw: string, whole: boolean): Cut => {
      try {
        const p = parseMarkdownFile(raw, { whole });
        return { data: p.data, body: p.body, bodyLine: p.bodyLine, title: p.lineOf(["title"]) };
      } catch (error) {
        if (!(error instanceof FrontMatterError)) throw error;
        return { error: error.message, line: error.line };
      }
    };
    // Damage where the cut is decided: the delimiters, the lines around them, the start.
    const near = fc.constantFrom("-", "---", "\n", "\r", "\r\n", " ", "\ufeff", "\n---", "\n----", "\n---\n", "x", "");
    fc.assert(fc.property(fc.constantFrom(...samples), fc.array(fc.tuple(fc.integer({ min: -6, max: 6 }), fc.boolean(), fc.nat(2), near), { maxLength: 3 }), (sample, edits) => {
      let raw = sample;
      for (const [offset, atClose, drop, text] of edits) {
        const anchor = atClose ? raw.indexOf("\n---", 3) + 1 : 0;
        const i = Math.max(0, Math.min(raw.length, anchor + offset));
        raw = raw.slice(0, i) + text + raw.slice(i + drop);
      }
      expect(cut(raw, false)).toEqual(cut(raw, true));
    }), { numRuns: 3000 });
    for (const raw of ["", "---", "---\n", "----\ntitle: x\n---\nA", "\ufeff---\ntitle: x\n---\r\nA", "---\ntitle: x\n---", "---\ntitle: x\n--- \nA", "---\ntitle: x\n---\n\nA", "Bez\n---\nA"]) {
      expect(cut(raw, false), JSON.stringify(raw)).toEqual(cut(raw, true));
    }
  }, 60_000);

  it("agree on front matter written in other common styles", () => {
    const styles = [
      "title: Без кавички\ndate: 2026-01-05\n",
      "title: 'Единични ''кавички'''\ndate: '2026-01-05'\ntags:\n  - ремонт\n  - транспорт\n",
      "title: >\n  Сгънат\n  текст\ndate: 2026-01-05\nsummary: |\n  Два\n  реда\n",
      "title: \"Escapes \\u0041 \\t \\\"\"\ndate: 2026-01-05\n",
      "title: Dwa\n  wiersze\ndate: 2026-01-05\n",
      "title: x\ndate: 2026-01-05\ntags:\n- bez wcięcia\n",
      "title: x # komentarz\ndate: 2026-01-05 # data\n",
      "title: x\ndate: 2026-01-05\nimage: {src: a.jpg, alt: Opis}\n",
      "title: x\ndate: 2026-01-05\ntitle: y\n",
      "title: &t x\ndate: 2026-01-05\nsummary: *t\n",
      "title: 12\ndate: 2026-01-05\ndraft: yes\n",
      "title: x\ndate: 2026-01-05\n__proto__: y\n",
    ];
    for (const fm of styles) {
      const raw = `---\n${fm}---\nТекст.\n`;
      expect(outcome(raw, false), fm).toEqual(outcome(raw, true));
    }
  });
});
