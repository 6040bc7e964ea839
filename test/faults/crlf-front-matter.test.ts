// Issue 19, item 14: in a file saved with Windows line endings (CRLF) the last
// front-matter value kept its "\r" (translationKey: "k1\r"), and a slug, translationKey or
// draft on that line refused the article; with old Mac endings (CR) nothing was read at
// all. The same tree saved with LF, CRLF or CR must give the same index and pages.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";

/** The fixture tree with every text file (articles, district files) saved with `eol`. */
function withLineEndings(eol: "\n" | "\r\n" | "\r"): string {
  const dir = copyFixture("content");
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (/\.(md|ya?ml)$/.test(entry.name)) fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/\r?\n/g, eol));
    // One modification time for every tree: without git it shows as "updated".
    fs.utimesSync(file, MTIME, MTIME);
  }
  return dir;
}

const MTIME = new Date("2026-11-22T08:00:00Z");

/** Everything the index holds about the content, except row ids. */
function snapshot(p: TestPortal): unknown {
  const rows = (sql: string) => p.index.db.prepare(sql).all();
  return {
    articles: rows("SELECT * FROM articles ORDER BY file").map((r) => ({ ...(r as object), id: undefined })),
    districts: rows("SELECT * FROM districts ORDER BY id"),
    files: rows("SELECT path, kind, size > 0 AS nonEmpty, issues FROM files ORDER BY path"),
    aliases: rows("SELECT x.path, a.file FROM aliases x JOIN articles a ON a.id = x.article_id ORDER BY x.path"),
    listing: rows("SELECT l.scope, l.pos, a.file FROM listing l JOIN articles a ON a.id = l.article_id ORDER BY l.scope, l.pos"),
    tags: rows("SELECT t.lang, t.tag, t.name, a.file FROM article_tags t JOIN articles a ON a.id = t.article_id ORDER BY a.file, t.tag"),
    issues: p.index.issues(),
  };
}

/** The accessibility statement's sitemap date is when the index was built: not content. */
const sameBuild = (page: string) => page.replace(/(\/(?:dostapnost|deklaracja-dostepnosci)\/<\/loc><lastmod>)[^<]*/g, "$1");

const PAGES = ["/bg/", "/pl/", "/bg/feed.xml", "/pl/atom.xml", "/sitemap-bg-1.xml", "/sitemap-pl-1.xml", "/bg/rayoni/sredets/"];

describe("line endings", () => {
  let lf: TestPortal;
  beforeAll(async () => {
    lf = await createTestPortal({ contentDir: withLineEndings("\n") });
  });
  afterAll(() => lf.close());

  for (const [name, eol] of [
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ] as const) {
    it(`a tree saved with ${name} gives the same index and the same pages as with LF`, async () => {
      const other = await createTestPortal({ contentDir: withLineEndings(eol) });
      try {
        expect(snapshot(other)).toEqual(snapshot(lf));
        const urls = [
          ...PAGES,
          ...(lf.index.db
            .prepare(
              "SELECT '/' || lang || '/' || CASE lang WHEN 'bg' THEN 'novini' ELSE 'aktualnosci' END || '/' || slug || '/' FROM articles WHERE active = 1",
            )
            .pluck()
            .all() as string[]),
        ];
        for (const url of urls) {
          const [a, b] = await Promise.all([request(lf.app).get(url), request(other.app).get(url)]);
          expect(b.status, url).toBe(a.status);
          expect(sameBuild(b.text), url).toBe(sameBuild(a.text));
        }
      } finally {
        other.close();
      }
    }, 30_000);
  }

  it("reads a slug, translationKey or draft on the last line of a CRLF head", async () => {
    const p = await createTestPortal();
    try {
      const file = path.join(p.contentDir, "bg/sredets/2026-11-20-crlf.md");
      fs.writeFileSync(file, "---\r\ntitle: Нов ред\r\ndate: 2026-11-20\r\ndraft: false\r\ntranslationKey: k1\r\nslug: nov-red\r\n---\r\nТекст.\r\n");
      await p.index.sync();
      expect(p.index.issues().filter((i) => i.file === "bg/sredets/2026-11-20-crlf.md")).toEqual([]);
      const a = p.index.articles.bySlug("bg", "nov-red", Date.now());
      expect(a?.translationKey).toBe("k1");
    } finally {
      p.close();
    }
  });
});
