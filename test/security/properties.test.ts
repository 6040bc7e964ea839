// Property tests: for any input, the front-matter parser fails only with FrontMatterError
// (and parseArticle only with issues), slugify yields an address-safe slug, the query
// parser fails only with HttpError(400), and no request path or query makes a 5xx.
import fc from "fast-check";
import type { Request } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArticle } from "../../src/content/article.js";
import { parseDistrict } from "../../src/content/district.js";
import { FrontMatterError, parseMarkdownFile } from "../../src/content/frontmatter.js";
import { slugify } from "../../src/content/slug.js";
import { HttpError } from "../../src/errors.js";
import { listQuery, parseQuery } from "../../src/web/params.js";
import { createTestPortal, tempDir, type TestPortal } from "../helpers/app.js";

const YAML_BITS = [
  "---",
  "---js",
  "---json",
  "--- yaml",
  "title:",
  "date:",
  '"2026-01-01"',
  "2026-02-30",
  "tags:",
  "- a",
  "[x, y]",
  "{a: 1}",
  "&a",
  "*a",
  "<<: *a",
  "!!js/function",
  "!!python/object",
  "!include x",
  "? ",
  ": ",
  "|",
  ">-",
  "  ",
  "\t",
  "\n",
  "\r\n",
  "\uFEFF",
  "#",
  "'",
  '"',
  "\\",
  "%YAML 1.1",
  "...",
  "draft: yes",
  "image:",
  "  src: ../x.jpg",
  "  alt: a",
  "slug: A B",
  "{{ 7*7 }}",
  "<script>",
  "\u0000",
  "\uD800",
  "0x10",
  "1e999",
  "null",
  "~",
];

/** Strings built from YAML and Markdown fragments reach far deeper than random text. */
const yamlish = fc
  .array(fc.oneof(fc.constantFrom(...YAML_BITS), fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 8 })), { maxLength: 40 })
  .map((parts) => parts.join(""));
const documents = fc.oneof(
  fc.string({ maxLength: 200 }),
  yamlish,
  yamlish.map((y) => `---\n${y}\n---\n${y}`),
);

const OPTIONS = { contentDir: tempDir("props"), timeZone: "Europe/Sofia" };

describe("the front-matter parser", () => {
  it("returns data or throws FrontMatterError, for any text", () => {
    fc.assert(
      fc.property(documents, (raw) => {
        try {
          const parsed = parseMarkdownFile(raw);
          expect(typeof parsed.body).toBe("string");
          expect(parsed.lineOf(["title"])).toBeGreaterThanOrEqual(1);
        } catch (error) {
          if (!(error instanceof FrontMatterError)) throw error;
          expect(error.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("lets parseArticle and parseDistrict report issues instead of throwing", () => {
    fc.assert(
      fc.property(documents, fc.constantFrom("bg", "pl"), (raw, lang) => {
        const result = parseArticle(`${lang}/sredets/x.md`, raw, OPTIONS);
        if (result.article === null) expect(result.issues.length).toBeGreaterThan(0);
        for (const i of result.issues) expect(i.line).toBeGreaterThanOrEqual(1);
        const district = parseDistrict("districts/x.yml", raw);
        if (district.district === null) expect(district.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 800 },
    );
  });
});

describe("slugify", () => {
  it("never throws and returns only a-z, 0-9 and single inner hyphens", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })),
        fc.constantFrom("bg" as const, "pl" as const),
        (text, lang) => {
          const slug = slugify(text, lang);
          expect(slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
          expect(slug.length).toBeLessThanOrEqual(80);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("the query parser", () => {
  const value = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    fc.constantFrom("1", "0", "-1", "0x10", "1e9", "99999999", "", " 1"),
  );
  const key = fc.oneof(fc.constantFrom("page", "page[]", "page[a]", "q", "__proto__", "constructor"), fc.string({ maxLength: 8 }));
  it("returns a page in range or throws HttpError(400), for any query", () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 4 }), (query) => {
        const req = { query: Object.assign(Object.create(null) as object, query) } as unknown as Request;
        try {
          const { page } = parseQuery(req, listQuery);
          if (page !== undefined) {
            expect(Number.isInteger(page)).toBe(true);
            expect(page).toBeGreaterThanOrEqual(1);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(HttpError);
          expect((error as HttpError).status).toBe(400);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("the router", () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await createTestPortal();
  });
  afterAll(() => portal?.close());

  const SEGMENTS = [
    "bg",
    "pl",
    "novini",
    "aktualnosci",
    "rayoni",
    "dzielnice",
    "etiketi",
    "tagi",
    "tarsene",
    "szukaj",
    "media",
    "static",
    "sredets",
    "gdansk",
    "..",
    ".",
    "%2e%2e",
    "%2f",
    "%00",
    "%E0%A4%A",
    "%",
    "%25",
    "~",
    "index.md",
    "x.jpg",
    "sitemap.xml",
    "feed.xml",
    "A",
    "Ä",
    "",
  ];
  const segment = fc.oneof(fc.constantFrom(...SEGMENTS), fc.webSegment(), fc.string({ maxLength: 6 }).map(encodeURIComponent));
  const pathArb = fc.array(segment, { minLength: 1, maxLength: 5 }).chain((parts) => fc.constantFrom("", "/").map((end) => `/${parts.join("/")}${end}`));
  const queryArb = fc.oneof(
    fc.constant(""),
    fc.webQueryParameters().map((q) => `?${q}`),
    fc.constantFrom("?page=0x10", "?page=2&page=3", "?q=%E0%A4%A", "?page[]=1", "?q=" + "ж".repeat(300)),
  );

  it("never answers a random path and query with a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(pathArb, queryArb, async (p, q) => {
        const res = await request(portal.app).get(p + q);
        expect(res.status, p + q).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
  }, 30_000);
});
