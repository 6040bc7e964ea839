// A large fresh build leaves rendering the bodies without pictures for right after the
// site is up (ParseOptions.bodyLater, ContentIndex.fillSearch); pages render such a body
// themselves meanwhile. A reader must not notice: the same pages, feeds and summaries
// before and after, and the same stored articles as a build that rendered everything.
import pino from "pino";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ContentIndex } from "../../src/index/index.js";
import type { OpenOptions } from "../../src/index/options.js";
import { parseInThread } from "../../src/content/load/parse-file.js";
import { urls } from "../../src/site/urls.js";
import { copyFixture, NOW, tempDir } from "../helpers/app.js";

async function open(contentDir: string, dataDir: string, options: OpenOptions = {}) {
  const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: contentDir, DATA_DIR: dataDir, LOG_LEVEL: "silent", SEARCH_RATE_LIMIT: "0" });
  const index = await ContentIndex.open(config, { parseMany: parseInThread(config), clock: () => NOW, ...options });
  const app = await createApp({ config, index, logger: pino({ level: "silent" }) });
  return { index, app: app.app };
}

const rows = (index: ContentIndex) =>
  index.db.prepare("SELECT file, slug, summary, html, text, links FROM articles ORDER BY file").all() as Record<string, string>[];
const waiting = (index: ContentIndex) => index.db.prepare("SELECT count(*) FROM body_backlog").pluck().get() as number;

async function pages(index: ContentIndex, app: Parameters<typeof request>[0]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const published = [...index.articles.published(NOW)];
  expect(published.length).toBeGreaterThan(5);
  const all = [...published.map((a) => urls.article(a.lang, a.slug)), "/bg/feed.xml", "/pl/atom.xml", urls.news("bg"), urls.news("pl")];
  for (const url of all) {
    const res = await request(app).get(url);
    expect(res.status, url).toBe(200);
    out.set(url, res.text);
  }
  return out;
}

describe("bodies rendered after a large fresh build", () => {
  it("serves the same pages and feeds while bodies wait as after they are rendered", async () => {
    const contentDir = copyFixture("content");
    const dataDir = tempDir("data");
    // A threshold below the fixture's size, and no filling yet: every page is served
    // while its body still waits.
    const first = await open(contentDir, dataDir, { searchLaterFrom: 10, fillSearch: false });
    const before = await pages(first.index, first.app);
    expect(waiting(first.index)).toBeGreaterThan(5);
    expect((await request(first.app).get("/readyz")).body.bodiesPending).toBe(waiting(first.index));
    first.index.close();

    // The restart goes on with the rendering and the search filling.
    const again = await open(contentDir, dataDir);
    try {
      expect(await again.index.searchReady(10_000)).toBe(true);
      expect(waiting(again.index)).toBe(0);
      const after = await pages(again.index, again.app);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [url, html] of after) expect(before.get(url), url).toBe(html);
      expect(after.get("/bg/feed.xml")).toContain("<content:encoded>");
    } finally {
      again.index.close();
    }
  });

  it("stores the same articles as a build that renders every body at once", async () => {
    const contentDir = copyFixture("content");
    const later = await open(contentDir, tempDir("data"), { searchLaterFrom: 10 });
    const atOnce = await open(contentDir, tempDir("data"), { searchLaterFrom: 1e9 });
    try {
      expect(waiting(atOnce.index)).toBe(0);
      expect(await later.index.searchReady(10_000)).toBe(true);
      expect(rows(later.index)).toEqual(rows(atOnce.index));
      expect(rows(later.index).every((r) => r.html !== "")).toBe(true);
    } finally {
      later.index.close();
      atOnce.index.close();
    }
  });

  it("renders an article with pictures at once, so its pictures are listed and checked", async () => {
    const { index } = await open(copyFixture("content"), tempDir("data"), { searchLaterFrom: 10, fillSearch: false });
    try {
      const withPictures = index.db
        .prepare(
          `SELECT a.id, a.html FROM articles a WHERE a.id IN (SELECT article_id FROM media)
        AND a.id NOT IN (SELECT id FROM body_backlog)`,
        )
        .all() as { id: number; html: string }[];
      expect(withPictures.some((a) => a.html.includes("<img"))).toBe(true);
    } finally {
      index.close();
    }
  });
});
