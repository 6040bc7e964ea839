import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/content/article.js";
import { formatIssue } from "../../src/content/issues.js";
import { tempDir } from "../helpers/app.js";

const dir = tempDir("article");
fs.mkdirSync(path.join(dir, "bg/sredets/bundle"), { recursive: true });
// A whole 1×1 PNG: a header alone is refused as a damaged picture.
fs.writeFileSync(
  path.join(dir, "bg/sredets/bundle/photo.png"),
  Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000970485973000003e8000003e801b57b526b0000000d49444154789c6360606060000000050001a5f645400000000049454e44ae426082", "hex"),
);

const parse = (raw: string, rel = "bg/sredets/test.md") => parseArticle(rel, raw, { contentDir: dir, timeZone: "Europe/Sofia" });
const messages = (raw: string, rel?: string) => parse(raw, rel).issues.map(formatIssue);

describe("valid articles", () => {
  it("derives the slug from the title by the Bulgarian transliteration act", () => {
    const r = parse("---\ntitle: Щастливи юнаци\ndate: 2026-01-05\n---\nТекст.\n");
    expect(r.article?.slug).toBe("shtastlivi-yunatsi");
    expect(r.issues).toEqual([]);
  });

  it("reads the file's bytes as it reads its text: same article, same hash, same size limit", () => {
    const text = "\uFEFF---\ntitle: Ремонт на „Шипка“\ndate: 2026-01-05\n---\nПърви абзац.\n\n![Снимка](photo.png)\n";
    const rel = "bg/sredets/bundle/index.md";
    const options = { contentDir: dir, timeZone: "Europe/Sofia" };
    const fromBytes = parseArticle(rel, Buffer.from(text), options);
    expect(fromBytes.article?.media).toHaveLength(1);
    expect(fromBytes).toEqual(parseArticle(rel, text, options));
    // The limit is in bytes: 300,000 Cyrillic letters are 600,000 bytes.
    const long = `---\ntitle: Т\ndate: 2026-01-05\n---\n${"ж".repeat(300_000)}\n`;
    for (const source of [long, Buffer.from(long)]) {
      expect(parseArticle("bg/sredets/long.md", source, options).issues.map(formatIssue).join()).toMatch(/larger than 512 KB/);
    }
  });

  it("derives the summary from the first paragraph when none is given", () => {
    const r = parse("---\ntitle: Т\ndate: 2026-01-05\n---\n## Подзаглавие\n\nПърви абзац с **удебелен** текст.\n\nВтори.\n");
    expect(r.article?.summary).toBe("Първи абзац с удебелен текст.");
  });

  it("renders Markdown with the locale's quotes, never raw HTML, and demotes body h1", () => {
    const r = parse('---\ntitle: Т\ndate: 2026-01-05\n---\n# Голям\n\nТой каза "здравей".\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n');
    expect(r.article?.html).toContain("<h2>Голям</h2>");
    expect(r.article?.html).toContain("„здравей“");
    expect(r.article?.html).not.toContain("<script>");
    expect(r.article?.html).toContain("&lt;script&gt;");
    expect(r.article?.html).not.toContain('href="javascript:');
  });

  it("uses Polish quotes in Polish articles", () => {
    const r = parseArticle("pl/gdansk/a.md", '---\ntitle: T\ndate: 2026-01-05\n---\nPowiedział "dzień dobry".\n', { contentDir: dir, timeZone: "Europe/Warsaw" });
    expect(r.article?.html).toContain("„dzień dobry”");
  });

  it("resolves a page-bundle image and a body picture with its caption", () => {
    const r = parse('---\ntitle: T\ndate: 2026-01-05\nimage:\n  src: photo.png\n  alt: Снимка\n---\n![Описание](photo.png "Надпис")\n', "bg/sredets/bundle/index.md");
    expect(r.issues).toEqual([]);
    expect(r.article?.image).toMatchObject({ url: "/media/bg/sredets/bundle/photo.png", width: 1, height: 1, alt: "Снимка" });
    expect(r.article?.html).toContain(
      '<figure><picture><source type="image/avif" srcset="/media-v/320/avif/bg/sredets/bundle/photo.png 1w" sizes="(min-width: 48rem) 43rem, calc(100vw - 2rem)">' +
        '<source type="image/webp" srcset="/media-v/320/webp/bg/sredets/bundle/photo.png 1w" sizes="(min-width: 48rem) 43rem, calc(100vw - 2rem)">' +
        '<img src="/media-v/320/png/bg/sredets/bundle/photo.png" srcset="/media-v/320/png/bg/sredets/bundle/photo.png 1w" sizes="(min-width: 48rem) 43rem, calc(100vw - 2rem)" alt="Описание" width="1" height="1" loading="lazy" decoding="async"></picture>' +
        "<figcaption>Надпис</figcaption></figure>",
    );
  });
});

describe("problems, one line each with file, line and field", () => {
  it.each([
    ["an impossible date", "---\ntitle: T\ndate: 2026-02-30\n---\n", 'bg/sredets/test.md:3: date: "2026-02-30" is not a real date — use YYYY-MM-DD'],
    ["a misspelt field", "---\ntitle: T\ndate: 2026-02-03\ntitel: X\n---\n", 'bg/sredets/test.md:4: titel: unknown field — did you mean "title"?'],
    ["a missing title", "---\ndate: 2026-02-03\n---\n", "bg/sredets/test.md:1: title: is required — add a title"],
    ["an image without alt", "---\ntitle: T\ndate: 2026-02-03\nimage:\n  src: photo.png\n---\n", "bg/sredets/test.md:4: image.alt: is required — add a short description of the picture for people who cannot see it"],
    ["a missing image file", "---\ntitle: T\ndate: 2026-02-03\nimage:\n  src: nope.jpg\n  alt: A\n---\n", 'bg/sredets/test.md:5: image.src: "nope.jpg" is not a JPEG, PNG, GIF or WebP file beside the article — check the file name'],
    ["draft that is not a boolean", "---\ntitle: T\ndate: 2026-02-03\ndraft: maybe\n---\n", "bg/sredets/test.md:4: draft: must be true or false"],
    ["broken YAML", "---\ntitle: T\ndate: [2026\n---\n", "bg/sredets/test.md:3: front matter: YAML cannot be read"],
    ["JavaScript front matter", "---js\n{ title: 'x' }\n---\n", "bg/sredets/test.md:1: front matter: front matter written as js is not allowed — use YAML between --- lines"],
    ["a custom YAML tag", "---\ntitle: !!js/function 'x'\ndate: 2026-02-03\n---\n", "bg/sredets/test.md:2: front matter: YAML tags such as !!js/function are not allowed — write plain values"],
    ["a body image that is not there", "---\ntitle: T\ndate: 2026-02-03\n---\nText\n\n![a](gone.png)\n", 'bg/sredets/test.md:7: body: image "gone.png" is not a JPEG, PNG, GIF or WebP file beside the article — check the file name'],
  ])("%s", (_name, raw, expected) => {
    const lines = messages(raw);
    expect(lines.some((l) => l.startsWith(expected))).toBe(true);
  });

  it("never evaluates ---js front matter", () => {
    const marker = path.join(dir, "evaluated");
    const raw = `---js\n{ title: require("node:fs").writeFileSync(${JSON.stringify(marker)}, "x") }\n---\n`;
    expect(parse(raw).article).toBeNull();
    expect(fs.existsSync(marker)).toBe(false);
  });

  it("caps alias expansion (billion laughs)", () => {
    const bomb = "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n";
    expect(messages(bomb)).toEqual(["bg/sredets/test.md:1: front matter: YAML uses too many aliases (&/*) — write the values out"]);
  });
});
