// Issue 19, item 7, as a property: whatever one content file holds (random bytes, random
// Markdown, random YAML), the build and every sync succeed, that file is either published
// or named among the problems, and every other article is still served. Runs are
// bounded so the file takes well under 30 s on the 2-core machine.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentIndex } from "../../src/index/index.js";
import { loadConfig } from "../../src/config.js";
import { urls } from "../../src/site/urls.js";
import { copyFixture, createTestPortal, NOW, type TestPortal } from "../helpers/app.js";

// Fragments that reach the parsers' corners: escapes that are not UTF-8, picture and link
// syntax, nesting, line endings of every kind, bidi controls, lone surrogates in escapes.
const MARKDOWN_BITS = [
  "![x](%e9.png)",
  "![x](",
  "![](",
  "](",
  "%e9",
  "%",
  "%C3",
  "%ZZ",
  "%25",
  ".png)",
  ")",
  "[",
  "]",
  "[1]: ",
  "<",
  ">",
  "> ",
  "#",
  "## ",
  "*",
  "**",
  "_",
  "`",
  "```",
  "~~~",
  "- ",
  "1. ",
  "|",
  "---",
  "***",
  "\\",
  "&amp;",
  "&#0;",
  "&#xD800;",
  "http://",
  "mailto:",
  "javascript:",
  "//",
  "..",
  "../",
  "\n",
  "\n\n",
  "\r\n",
  "\r",
  "\t",
  "    ",
  "\u202E",
  "\u2066",
  "\u00A0",
  "\uFEFF",
  "é",
  "я",
  "💥",
  "(c)",
  "--",
  '"',
  "'",
  "„",
];
const YAML_BITS = [
  "title: ",
  "date: ",
  '"2026-11-20"',
  "2026-02-30",
  "summary: ",
  "tags: ",
  "[a, b]",
  "- ",
  "slug: ",
  "aliases: ",
  "[/bg/novini/",
  "translationKey: ",
  "draft: ",
  "true",
  "image:",
  "\n  src: ",
  "\n  alt: ",
  "expires: ",
  "updated: ",
  "author: ",
  "&a ",
  "*a",
  "<<: *a",
  "!!js/function ",
  "!!binary ",
  "? ",
  ": ",
  "|",
  ">-",
  '"',
  "'",
  "\\u202E",
  "\\ud800",
  "\\x00",
  "{",
  "}",
  "#",
  "\t",
  "\n",
  "\r\n",
  "\r",
  "%YAML 1.2\n",
  "...",
  "~",
  "null",
  "1e999",
  "0x1F",
  "-.5",
];

const pieces = (bits: string[], max: number) =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...bits) }, { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 10 }) }), {
      maxLength: max,
    })
    .map((p) => p.join(""));

const markdown = pieces(MARKDOWN_BITS, 60);
const yaml = pieces(YAML_BITS, 30);
/** A plausible head (so the body is rendered) followed by random Markdown. */
const article = fc
  .tuple(fc.option(yaml, { nil: "", freq: 2 }), markdown)
  .map(([y, md]) => `---\ntitle: "Случайна новина"\ndate: "2026-11-20"\n${y}\n---\n${md}`);
const randomHead = fc.tuple(yaml, markdown).map(([y, md]) => `---\n${y}\n---\n${md}`);

type Content = string | Uint8Array;
// Mostly articles whose head is valid, so that their body reaches the Markdown renderer.
const contents: fc.Arbitrary<Content> = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  markdown,
  { weight: 5, arbitrary: article },
  randomHead,
  yaml,
);

/** Where the random file goes: a new article, a bundle, an existing article, a new district. */
const TARGETS = [
  "bg/sredets/2026-11-20-sluchayna.md",
  "pl/gdansk/2026-11-20-losowy/index.md",
  "bg/lozenets/2026-11-12-grafik-za-podryazvane-na-darveta.md",
  "districts/zz-random.yml",
] as const;

function put(contentDir: string, rel: string, content: Content): void {
  const file = path.join(contentDir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** Every published article's address, from the index. */
function published(index: ContentIndex): Map<string, string> {
  const rows = index.db
    .prepare("SELECT file, lang, slug FROM articles WHERE active = 1 AND draft = 0 AND date <= @now AND (expires IS NULL OR expires > @now)")
    .all({ now: NOW }) as { file: string; lang: "bg" | "pl"; slug: string }[];
  return new Map(rows.map((r) => [r.file, urls.article(r.lang, r.slug)]));
}

describe("one file of any content", () => {
  let portal: TestPortal;
  let before: Map<string, string>;
  const originals = new Map<string, Buffer>();
  beforeAll(async () => {
    portal = await createTestPortal();
    before = published(portal.index);
    for (const rel of TARGETS) {
      const file = path.join(portal.contentDir, rel);
      if (fs.existsSync(file)) originals.set(rel, fs.readFileSync(file));
    }
  });
  afterAll(() => portal.close());

  it("never fails a sync of a running portal, and every other article stays served", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TARGETS), contents, async (rel, content) => {
        put(portal.contentDir, rel, content);
        const report = await portal.index.sync();
        const now = published(portal.index);
        for (const [file, url] of before) if (file !== rel) expect(now.get(file), file).toBe(url);
        // Kept off the site only with a reason: the file, a line and a field.
        if (rel.endsWith(".md") && !now.has(rel)) expect(report.issues.some((i) => i.file === rel && i.line >= 1 && i.field !== "")).toBe(true);
        // Back to the fixture for the next run.
        const original = originals.get(rel);
        if (original) fs.writeFileSync(path.join(portal.contentDir, rel), original);
        else fs.rmSync(path.join(portal.contentDir, rel));
      }),
      { numRuns: 160 },
    );
    await portal.index.sync();
    expect(published(portal.index)).toEqual(before);
  }, 60_000);

  it("never fails a cold start, warm restart included, and the other articles answer 200", async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TARGETS), contents, async (rel, content) => {
        const contentDir = copyFixture("content");
        put(contentDir, rel, content);
        const fresh = await createTestPortal({ contentDir });
        try {
          const now = published(fresh.index);
          for (const [file, url] of before) if (file !== rel) expect(now.get(file), file).toBe(url);
          // One page per run over HTTP (all of them would be slow): the pages render.
          const [file, url] = [...before].filter(([f]) => f !== rel)[runs++ % (before.size - 1)]!;
          expect((await request(fresh.app).get(url)).status, file).toBe(200);
        } finally {
          fresh.close();
        }
        // A warm restart on the same DATA_DIR opens the same index.
        const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: contentDir, DATA_DIR: fresh.dataDir, LOG_LEVEL: "silent" });
        const warm = await ContentIndex.open(config);
        warm.close();
        fs.rmSync(contentDir, { recursive: true, force: true });
      }),
      { numRuns: 8 },
    );
  }, 60_000);
});
